import { memo, useMemo, useState } from 'react';
import type { ConvStep } from '../../engine/trace';
import { Grid, CELL_PAD, NUMBER_MIN_CELL } from '../../components/Grid';
import { formatTerm, formatValue } from '../../viz/format';
import { maxAbsOf, type Palette } from '../../viz/color';
import { channelName, numberCell, numberFont } from './ConvMaps';
import { weightIndex } from './focus';
import type { ConvT } from '../../i18n/conv';

interface StepDetailProps {
  step: ConvStep;
  /** The filters [F, C, Kh, Kw]: a step's weights are shown from here, so their grids stay put while the window moves. */
  weight: Float32Array;
  kh: number;
  kw: number;
  channels: number;
  image: boolean;
  inputMax: number;
  inputPalette: Palette;
  weightMax: number;
  /** Every value is a whole number (presentation mode then draws the numbers larger). */
  ints: boolean;
  /** Presentation mode: larger cells and numbers. */
  present?: boolean;
  t: ConvT;
}

/** Splits a step's taps by channel into window values, weights, products and padding flags. */
function byChannel(step: ConvStep, per: number, weight: Float32Array) {
  const filterChannels = step.channels.length;
  return step.channels.map((c, j) => {
    const taps = step.taps.slice(j * per, (j + 1) * per);
    const x = Float32Array.from(taps, (t) => t.x);
    const w = weight.subarray((step.oc * filterChannels + j) * per, (step.oc * filterChannels + j + 1) * per);
    const p = Float32Array.from(taps, (t) => t.product);
    const kinds = Uint8Array.from(taps, (t) => (t.padded ? CELL_PAD : 0));
    return { c, x, w, p, kinds, sum: step.channelSums[j]! };
  });
}

/**
 * One step of the convolution, worked: on each channel the window's values times the kernel's weights,
 * elementwise, summed to the channel's partial sum; then the channels' sums plus the bias, landing in
 * the output cell. The same step can be shown as a single dot product of two flattened vectors.
 */
export const StepDetail = memo(function StepDetail({ step, weight, kh, kw, channels, image, inputMax, inputPalette, weightMax, ints, present = false, t }: StepDetailProps) {
  const [flat, setFlat] = useState(false);
  const per = kh * kw;
  const parts = useMemo(() => byChannel(step, per, weight), [step, per, weight]);
  const productMax = useMemo(() => maxAbsOf(Float32Array.from(step.taps, (t) => t.product)), [step]);
  // Decimals get wider cells; a cell still too narrow for them shows colours only.
  const k = Math.max(kh, kw);
  const wide = present ? Math.max(10, Math.min(52, Math.floor(200 / k))) : ints ? Math.max(8, Math.min(28, Math.floor(120 / k))) : Math.max(8, Math.min(34, Math.floor(150 / k)));
  const narrow = (c: number) => (c < numberCell(ints) && c >= NUMBER_MIN_CELL ? NUMBER_MIN_CELL - 1 : c);
  const cell = narrow(wide);
  const font = (maxAbs: number, size = cell) => numberFont(size, maxAbs, ints, present);
  const name = (c: number) => channelName(c, channels, image, t);
  // Many taps (e.g. 8 channels of 11×11) are painted on canvases so playback stays smooth.
  const dense = step.taps.length > 300;
  const length = step.taps.length;
  const total = `${parts.map((q) => formatTerm(q.sum)).join(' + ')} + ${formatTerm(step.bias)} = ${formatValue(step.result)}`;
  return (
    <section className="step-detail" aria-labelledby="step-title" data-testid="step-detail">
      <div className="step-head">
        <h3 id="step-title">
          {t.outputAt(`[${step.oc}, ${step.oh}, ${step.ow}]`)} <span data-testid="step-result">{formatValue(step.result)}</span>
        </h3>
        <label className="toggle">
          <input type="checkbox" checked={flat} onChange={(e) => setFlat(e.target.checked)} /> {t.flatToggle(`${length}`)}
        </label>
      </div>
      {!flat ? (
        <div className="channel-products">
          {parts.map((q) => (
            <div className="channel-product" key={q.c} data-testid={`partial-${q.c}`}>
              <h4>{name(q.c)}</h4>
              <div className="equation">
                <Grid forceCanvas={dense} rows={kh} cols={kw} values={q.x} kinds={q.kinds} maxAbs={inputMax} palette={inputPalette} cell={cell} fontSize={font(inputMax)} label={t.windowOn(name(q.c))} describe={(r, c) => t.underKernel(`${r}`, `${c}`)} />
                <span className="op" aria-hidden="true">⊙</span>
                <Grid forceCanvas={dense} rows={kh} cols={kw} values={q.w} maxAbs={weightMax} cell={cell} fontSize={font(weightMax)} label={t.weightsOfOn(`${step.oc}`, name(q.c))} describe={(r, c) => t.weight(weightIndex(step.oc, q.c, r, c))} />
                <span className="op" aria-hidden="true">=</span>
                <Grid forceCanvas={dense} rows={kh} cols={kw} values={q.p} maxAbs={productMax} cell={cell} fontSize={font(productMax)} label={t.productsOn(name(q.c))} describe={(r, c) => t.productAt(`${r}`, `${c}`)} />
              </div>
              <p className="partial">
                Σ = <strong>{formatValue(q.sum)}</strong>
              </p>
            </div>
          ))}
        </div>
      ) : (
        <div className="flat-product" data-testid="flat-product">
          <p>{t.flatIntro(`${parts.length}×${kh}×${kw}`, `${length}`)}</p>
          {(['x', 'w', 'p'] as const).map((key) => {
            const values = new Float32Array(length);
            const kinds = new Uint8Array(length);
            parts.forEach((q, j) => {
              values.set(q[key], j * per);
              if (key === 'x') kinds.set(q.kinds, j * per);
            });
            const rowName = key === 'x' ? t.windowX : key === 'w' ? t.filterW : 'x ⊙ w';
            const rowMax = key === 'x' ? inputMax : key === 'w' ? weightMax : productMax;
            const rowCell = narrow(present ? Math.max(6, Math.min(40, Math.floor(1400 / length))) : Math.max(4, Math.min(ints ? 24 : 30, Math.floor(900 / length))));
            return (
              <div className="flat-row" key={key}>
                <span className="flat-name">{rowName}</span>
                <Grid
                  forceCanvas={dense}
                  rows={1}
                  cols={length}
                  values={values}
                  kinds={kinds}
                  maxAbs={rowMax}
                  palette={key === 'x' ? inputPalette : 'signed'}
                  cell={rowCell}
                  fontSize={font(rowMax, rowCell)}
                  label={t.flatValues(rowName, `${length}`)}
                  describe={(_r, i) => t.element(`${i}`, `${step.channels[Math.floor(i / per)]}`, `${Math.floor((i % per) / kw)}`, `${i % kw}`)}
                />
              </div>
            );
          })}
          <p>{t.dotPlusBias(formatValue(step.result - step.bias), formatValue(step.bias))}</p>
        </div>
      )}
      <p className="step-total" data-testid="step-total">
        {parts.length > 1 ? t.channelsTotal : t.sumTotal}: {total}
      </p>
    </section>
  );
});
