import { memo, useMemo } from 'react';
import type { PoolStep } from '../../engine/trace';
import { Grid, CELL_PAD, type Overlay } from '../../components/Grid';
import { formatCount as num, formatValue } from '../../viz/format';
import type { Palette } from '../../viz/color';
import { useT } from '../../i18n/useT';
import { pool } from '../../i18n/pool';
import { explainStep } from './focus';
import { channelName, hasDecimals, numberSize } from './PoolMaps';

interface PoolStepDetailProps {
  step: PoolStep;
  kernel: readonly [number, number];
  width: number;
  channels: number;
  image: boolean;
  countIncludePad: boolean;
  inputMax: number;
  inputPalette: Palette;
  /** Average pooling: every output cell's divisor (one plane), else null. */
  divisors: Float32Array | null;
  outH: number;
  outW: number;
  /** Presentation mode: larger cells, to read from the back of a hall. */
  present: boolean;
}

const NONE: Overlay[] = [];

/**
 * One pooling step, worked: the values the window reads (padding as −∞ for max, 0 for average), the
 * maximum outlined with its position and PyTorch's tie rule, or the sum and its divisor; for average
 * pooling also the divisor of every output cell, which `count_include_pad` changes at the border.
 */
export const PoolStepDetail = memo(function PoolStepDetail({
  step,
  kernel,
  width,
  channels,
  image,
  countIncludePad,
  inputMax,
  inputPalette,
  divisors,
  outH,
  outW,
  present,
}: PoolStepDetailProps) {
  const t = useT(pool);
  const [kh, kw] = kernel;
  const x = useMemo(() => Float32Array.from(step.taps, (t) => (t.padded ? 0 : t.x)), [step]);
  const kinds = useMemo(() => Uint8Array.from(step.taps, (t) => (t.padded ? CELL_PAD : 0)), [step]);
  // The chosen maximum, outlined; other cells holding the same value (a tie), dashed.
  const best = useMemo<Overlay[]>(() => {
    if (step.argmax < 0) return NONE;
    const t = step.taps[step.argmax]!;
    const ties = step.taps.filter((u) => u !== t && !u.padded && u.x === t.x);
    return [
      ...ties.map((u): Overlay => ({ r: u.kh, c: u.kw, h: 1, w: 1, kind: 'feed' })),
      { r: t.kh, c: t.kw, h: 1, w: 1, kind: 'focus' },
    ];
  }, [step]);
  const why = explainStep(step, width, countIncludePad, t);
  const divisorFocus = useMemo<Overlay[]>(
    () => [{ r: step.oh, c: step.ow, h: 1, w: 1, kind: 'focus' }],
    [step],
  );
  const divisorMax = useMemo(() => (divisors ? Math.max(...divisors) : 1), [divisors]);
  const cell = present
    ? Math.max(16, Math.min(72, Math.floor(240 / Math.max(kh, kw))))
    : Math.max(10, Math.min(52, Math.floor(200 / Math.max(kh, kw))));
  const divisorCell = present
    ? Math.max(6, Math.min(64, Math.floor(360 / Math.max(outH, outW))))
    : Math.max(4, Math.min(36, Math.floor(220 / Math.max(outH, outW))));
  const name = channelName(step.c, channels, image, t);
  const at = `[${num(step.c)}, ${num(step.oh)}, ${num(step.ow)}]`;
  const cip = countIncludePad ? 'True' : 'False';
  return (
    <section className="step-detail pool-step" aria-labelledby="pool-step-title" data-testid="step-detail">
      <div className="step-head">
        <h3 id="pool-step-title">
          {t.outputIs(at)} <span data-testid="step-result">{formatValue(step.result)}</span>
        </h3>
        <span className="dim">{step.kind === 'max' ? t.whatMax(name) : t.whatAvg(name)}</span>
      </div>
      <div className="pool-step-body">
        <div className="map">
          <h4>{t.windowOf(`${kh}×${kw}`)}</h4>
          <Grid
            rows={kh}
            cols={kw}
            values={x}
            kinds={kinds}
            maxAbs={inputMax}
            palette={inputPalette}
            padValue={step.kind === 'max' ? -Infinity : 0}
            cell={cell}
            fontSize={numberSize(cell, present, hasDecimals(x))}
            overlays={best}
            label={t.windowLabel(at, name, num(kh), num(kw))}
            testId="step-window"
            describe={(r, c, _v, kind) => (kind === CELL_PAD ? t.windowPadCell : t.windowCell)(num(r), num(c))}
          />
        </div>
        <div className="pool-step-text">
          <p className="pool-equation" data-testid="step-equation">
            {why.equation}
          </p>
          {step.kind === 'avg' && (
            <p className="pool-divisor">
              {t.divisor}: <strong data-testid="divisor">{why.divisor}</strong>
            </p>
          )}
          <ul className="pool-notes" data-testid="step-notes">
            {why.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {step.kind === 'max' && why.ties > 1 && (
            <p className="pool-tie" data-testid="tie">
              {t.tie(num(why.ties), formatValue(step.result))}
            </p>
          )}
        </div>
        {divisors && (
          <div className="map pool-divisors">
            <h4>{t.divisors}</h4>
            <Grid
              rows={outH}
              cols={outW}
              values={divisors}
              maxAbs={divisorMax}
              palette="grey"
              cell={divisorCell}
              fontSize={numberSize(divisorCell, present, false)}
              overlays={divisorFocus}
              label={t.divisorsLabel(num(outH), num(outW), cip)}
              testId="divisor-map"
              describe={(r, c) => t.divisorCell(num(r), num(c))}
            />
            <p className="hint">
              <code>count_include_pad={cip}</code>
            </p>
          </div>
        )}
      </div>
    </section>
  );
});
