import { memo, useMemo } from 'react';
import {
  EPS_MAX,
  EPS_MIN,
  NORM_LIMITS,
  betaOf,
  gammaOf,
  mapSize,
  type NormConfig,
} from '../../state/views/norm';
import { formatValue } from '../../viz/format';
import { norm, type NormText } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import { NumberField } from '../../components/NumberField';
import { Histogram, histogram, moments, sharedDomain } from './Charts';
import { channelValues, type NormModel } from './model';
import { formatEps } from './steps';
import { usePresentScale } from './present';

interface Props {
  cfg: NormConfig;
  model: NormModel;
  width: number;
  channelName: (c: number) => string;
  describeGroup: (g: number) => string;
  onGamma: (c: number, v: number) => void;
  onBeta: (c: number, v: number) => void;
  onEps: (v: number) => void;
  onReset: () => void;
  rejection: { field: string; message: string } | null;
}

/** A statistic as shown: float noise around 0 (1e−9 after normalizing) shows as 0. */
const stat = (v: number) => formatValue(Math.abs(v) < 5e-7 ? 0 : v);

const KEYS = ['x', 'xhat', 'y'] as const;
type ColumnKey = (typeof KEYS)[number];

/** The three columns: their titles in `t`'s language and their colour class (norm.css). */
const columns = (t: NormText): { key: ColumnKey; title: string; tone: string }[] => [
  { key: 'x', title: t.colBefore, tone: 'hist-x' },
  { key: 'xhat', title: t.colXhat, tone: 'hist-xhat' },
  { key: 'y', title: t.colY, tone: 'hist-y' },
];

/**
 * Each channel's values as histograms before normalization, after it (x̂) and after γ and β (y), on
 * one scale per column so channels can be compared; γ and β are edited on the channel's row, and ε
 * above, so the distributions visibly move and scale.
 */
export const ChannelHistograms = memo(function ChannelHistograms({
  cfg,
  model,
  width,
  channelName,
  describeGroup,
  onGamma,
  onBeta,
  onEps,
  onReset,
  rejection,
}: Props) {
  const t = useT(norm);
  const cols = columns(t);
  const s = mapSize(cfg);
  const per = useMemo(() => {
    const arrays = { x: model.x.data, xhat: model.xhat, y: model.y };
    return Array.from({ length: cfg.c }, (_, c) => ({
      x: channelValues(arrays.x, cfg.n, c, cfg.c, s),
      xhat: channelValues(arrays.xhat, cfg.n, c, cfg.c, s),
      y: channelValues(arrays.y, cfg.n, c, cfg.c, s),
    }));
  }, [model, cfg.n, cfg.c, s]);
  const scales = useMemo(() => {
    const out = {} as Record<ColumnKey, { domain: [number, number]; max: number }>;
    for (const key of KEYS) {
      const domain = sharedDomain(per.map((p) => p[key]));
      let max = 1;
      for (const p of per) for (const b of histogram(p[key], domain)) max = Math.max(max, b.count);
      out[key] = { domain, max };
    }
    return out;
  }, [per]);
  const scale = usePresentScale();
  const histW = Math.max(96, Math.min(220 * scale, Math.floor((width - 250) / 3)));
  const small = useMemo(() => {
    const out: string[] = [];
    model.variance.forEach((v, g) => {
      if (v < 10 * cfg.eps && out.length < 3) {
        const spread = Math.sqrt(v / (v + cfg.eps));
        out.push(
          t.epsNote(String(g), describeGroup(g), formatValue(v), formatEps(cfg.eps), formatValue(spread)),
        );
      }
    });
    return out;
  }, [model, cfg.eps, describeGroup, t]);
  const edited = Object.keys(cfg.gamma).length + Object.keys(cfg.beta).length > 0;
  const reject = (...fields: string[]) =>
    rejection && fields.includes(rejection.field) ? (
      <p className="rejection" role="alert">
        {rejection.message}
      </p>
    ) : null;
  return (
    <section className="stage-block norm-hists" aria-labelledby="hist-title" data-testid="histograms">
      <header>
        <h3 id="hist-title">
          {cfg.layout === 'nd' ? t.histTitleFeature : t.histTitleChannel}{' '}
          <span className="dim">{t.histSub}</span>
        </h3>
        <div className="eps-row">
          <NumberField
            decimal
            label={t.epsName}
            shortLabel="ε"
            value={cfg.eps}
            min={EPS_MIN}
            max={EPS_MAX}
            onChange={onEps}
            testId="eps"
            width={7}
            hint={t.epsHint}
            className="edit-only"
          />
          {[1e-5, 1e-8, 0.1].map((e) => (
            <button
              key={e}
              type="button"
              className="small"
              onClick={() => onEps(e)}
              aria-pressed={cfg.eps === e}
              data-testid={`eps-${formatEps(e)}`}
            >
              ε = {formatEps(e)}
              {e === 1e-5 ? ` ${t.epsPytorch}` : ''}
            </button>
          ))}
          {edited && (
            <button type="button" className="small edit-only" onClick={onReset}>
              {t.resetAffine}
            </button>
          )}
        </div>
      </header>
      {reject('eps', 'gamma', 'beta')}
      {small.map((t) => (
        <p key={t} className="coincidence" data-testid="eps-note">
          {t}
        </p>
      ))}
      <div className="hist-table" role="table" aria-label={t.histTable}>
        <div className="hist-row hist-head" role="row">
          <span role="columnheader">{cfg.layout === 'nd' ? t.colFeature : t.colChannel}</span>
          {cols.map((c) => (
            <span key={c.key} role="columnheader" style={{ width: histW }}>
              {c.title}
            </span>
          ))}
          <span role="columnheader" className="edit-only">
            γ, β
          </span>
        </div>
        {per.map((p, c) => (
          <div className="hist-row" role="row" key={c} data-testid={`hist-${c}`}>
            <span role="rowheader" className="hist-name">
              {channelName(c)}
            </span>
            {cols.map((col) => {
              const [mean, variance] = moments(p[col.key]);
              return (
                <span role="cell" key={col.key} className="hist-cell">
                  <Histogram
                    values={p[col.key]}
                    domain={scales[col.key].domain}
                    maxCount={scales[col.key].max}
                    tone={col.tone}
                    width={histW}
                    label={t.histLabel(channelName(c), col.title, stat(mean), stat(variance))}
                  />
                  <span className="hist-stats" data-testid={`hist-${c}-${col.key}`}>
                    {t.histStats(stat(mean), stat(variance))}
                  </span>
                </span>
              );
            })}
            <span role="cell" className="affine-fields edit-only">
              <NumberField
                decimal
                label={t.gammaOf(channelName(c))}
                value={gammaOf(cfg, c)}
                min={-NORM_LIMITS.affine}
                max={NORM_LIMITS.affine}
                onChange={(v) => onGamma(c, v)}
                testId={`gamma-${c}`}
                width={5}
                shortLabel="γ"
              />
              <NumberField
                decimal
                label={t.betaOf(channelName(c))}
                value={betaOf(cfg, c)}
                min={-NORM_LIMITS.affine}
                max={NORM_LIMITS.affine}
                onChange={(v) => onBeta(c, v)}
                testId={`beta-${c}`}
                width={5}
                shortLabel="β"
              />
            </span>
          </div>
        ))}
      </div>
      <p className="hint">{t.histFoot}</p>
    </section>
  );
});
