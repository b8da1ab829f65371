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
import { DecimalField } from './DecimalField';
import { Histogram, histogram, moments, sharedDomain } from './Charts';
import { channelValues, type NormModel } from './model';
import { formatEps } from './steps';

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

const COLUMNS = [
  { key: 'x', title: 'x, before', color: '#64748b' },
  { key: 'xhat', title: 'x̂ = (x − μ)/√(σ² + ε)', color: '#2563eb' },
  { key: 'y', title: 'y = γ·x̂ + β', color: '#b45309' },
] as const;

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
    const out = {} as Record<(typeof COLUMNS)[number]['key'], { domain: [number, number]; max: number }>;
    for (const col of COLUMNS) {
      const domain = sharedDomain(per.map((p) => p[col.key]));
      let max = 1;
      for (const p of per) for (const b of histogram(p[col.key], domain)) max = Math.max(max, b.count);
      out[col.key] = { domain, max };
    }
    return out;
  }, [per]);
  const histW = Math.max(96, Math.min(220, Math.floor((width - 250) / 3)));
  const small = useMemo(() => {
    const out: string[] = [];
    model.variance.forEach((v, g) => {
      if (v < 10 * cfg.eps && out.length < 3) {
        const spread = Math.sqrt(v / (v + cfg.eps));
        out.push(
          `Group ${g} (${describeGroup(g)}): σ² = ${formatValue(v)} is small next to ε = ${formatEps(cfg.eps)}, so x̂ spreads only √(σ²/(σ² + ε)) = ${formatValue(spread)} instead of 1.`,
        );
      }
    });
    return out;
  }, [model, cfg.eps, describeGroup]);
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
          Every {cfg.layout === 'nd' ? 'feature' : 'channel'}’s values{' '}
          <span className="dim">before, normalized, then scaled by γ and shifted by β</span>
        </h3>
        <div className="eps-row">
          <DecimalField
            label="ε"
            value={cfg.eps}
            min={EPS_MIN}
            max={EPS_MAX}
            onChange={onEps}
            testId="eps"
            width={7}
            hint="Added to σ² before the square root"
          />
          {[1e-5, 1e-8, 0.1].map((e) => (
            <button key={e} type="button" className="small" onClick={() => onEps(e)} disabled={cfg.eps === e}>
              ε = {formatEps(e)}
              {e === 1e-5 ? ' (PyTorch)' : ''}
            </button>
          ))}
          {edited && (
            <button type="button" className="small" onClick={onReset}>
              γ = 1, β = 0 everywhere
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
      <div className="hist-table" role="table" aria-label="Histograms per channel">
        <div className="hist-row hist-head" role="row">
          <span role="columnheader">{cfg.layout === 'nd' ? 'feature' : 'channel'}</span>
          {COLUMNS.map((c) => (
            <span key={c.key} role="columnheader" style={{ width: histW }}>
              {c.title}
            </span>
          ))}
          <span role="columnheader">γ, β</span>
        </div>
        {per.map((p, c) => (
          <div className="hist-row" role="row" key={c} data-testid={`hist-${c}`}>
            <span role="rowheader" className="hist-name">
              {channelName(c)}
            </span>
            {COLUMNS.map((col) => {
              const [mean, variance] = moments(p[col.key]);
              return (
                <span role="cell" key={col.key} className="hist-cell">
                  <Histogram
                    values={p[col.key]}
                    domain={scales[col.key].domain}
                    maxCount={scales[col.key].max}
                    color={col.color}
                    width={histW}
                    label={`${channelName(c)}, ${col.title}: mean ${stat(mean)}, variance ${stat(variance)}`}
                  />
                  <span className="hist-stats" data-testid={`hist-${c}-${col.key}`}>
                    mean {stat(mean)} · var {stat(variance)}
                  </span>
                </span>
              );
            })}
            <span role="cell" className="affine-fields">
              <DecimalField
                label={`γ of ${channelName(c)}`}
                value={gammaOf(cfg, c)}
                min={-NORM_LIMITS.affine}
                max={NORM_LIMITS.affine}
                onChange={(v) => onGamma(c, v)}
                testId={`gamma-${c}`}
                width={5}
                shortLabel="γ"
              />
              <DecimalField
                label={`β of ${channelName(c)}`}
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
      <p className="hint">
        The dark line marks each histogram’s mean. Per channel, x̂ has mean 0 and variance (almost) 1 only with
        batch norm, which takes its statistics per channel; the other normalizations standardize other groups.
      </p>
    </section>
  );
});
