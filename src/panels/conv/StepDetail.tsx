import { memo, useMemo, useState } from 'react';
import type { ConvStep } from '../../engine/trace';
import { Grid, CELL_PAD } from '../../components/Grid';
import { formatTerm, formatValue } from '../../viz/format';
import { maxAbsOf, type Palette } from '../../viz/color';
import { channelName } from './ConvMaps';

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
export const StepDetail = memo(function StepDetail({ step, weight, kh, kw, channels, image, inputMax, inputPalette, weightMax }: StepDetailProps) {
  const [flat, setFlat] = useState(false);
  const per = kh * kw;
  const parts = useMemo(() => byChannel(step, per, weight), [step, per, weight]);
  const productMax = useMemo(() => maxAbsOf(Float32Array.from(step.taps, (t) => t.product)), [step]);
  const cell = Math.max(8, Math.min(28, Math.floor(120 / Math.max(kh, kw))));
  // Many taps (e.g. 8 channels of 11×11) are painted on canvases so playback stays smooth.
  const dense = step.taps.length > 300;
  const length = step.taps.length;
  const total = `${parts.map((q) => formatTerm(q.sum)).join(' + ')} + ${formatTerm(step.bias)} = ${formatValue(step.result)}`;
  return (
    <section className="step-detail" aria-labelledby="step-title" data-testid="step-detail">
      <div className="step-head">
        <h3 id="step-title">
          Output [{step.oc}, {step.oh}, {step.ow}] = <span data-testid="step-result">{formatValue(step.result)}</span>
        </h3>
        <label className="toggle">
          <input type="checkbox" checked={flat} onChange={(e) => setFlat(e.target.checked)} /> Show as one dot product of
          two {length}-vectors
        </label>
      </div>
      {!flat ? (
        <div className="channel-products">
          {parts.map((q) => (
            <div className="channel-product" key={q.c} data-testid={`partial-${q.c}`}>
              <h4>{channelName(q.c, channels, image)}</h4>
              <div className="equation">
                <Grid forceCanvas={dense} rows={kh} cols={kw} values={q.x} kinds={q.kinds} maxAbs={inputMax} palette={inputPalette} cell={cell} label={`Window on ${channelName(q.c, channels, image)}`} describe={(r, c) => `input under kernel position ${r}, ${c}`} />
                <span className="op" aria-hidden="true">⊙</span>
                <Grid forceCanvas={dense} rows={kh} cols={kw} values={q.w} maxAbs={weightMax} cell={cell} label={`Weights of filter ${step.oc} on ${channelName(q.c, channels, image)}`} describe={(r, c) => `weight [${step.oc}, ${q.c}, ${r}, ${c}]`} />
                <span className="op" aria-hidden="true">=</span>
                <Grid forceCanvas={dense} rows={kh} cols={kw} values={q.p} maxAbs={productMax} cell={cell} label={`Products on ${channelName(q.c, channels, image)}`} describe={(r, c) => `product at kernel position ${r}, ${c}`} />
              </div>
              <p className="partial">
                Σ = <strong>{formatValue(q.sum)}</strong>
              </p>
            </div>
          ))}
        </div>
      ) : (
        <div className="flat-product" data-testid="flat-product">
          <p>
            Flatten the {parts.length}×{kh}×{kw} window and the filter into two vectors of {length} numbers: one output value is
            their dot product plus the bias.
          </p>
          {(['x', 'w', 'p'] as const).map((key) => {
            const values = new Float32Array(length);
            const kinds = new Uint8Array(length);
            parts.forEach((q, j) => {
              values.set(q[key], j * per);
              if (key === 'x') kinds.set(q.kinds, j * per);
            });
            const name = key === 'x' ? 'window x' : key === 'w' ? 'filter w' : 'x ⊙ w';
            return (
              <div className="flat-row" key={key}>
                <span className="flat-name">{name}</span>
                <Grid
                  forceCanvas={dense}
                  rows={1}
                  cols={length}
                  values={values}
                  kinds={kinds}
                  maxAbs={key === 'x' ? inputMax : key === 'w' ? weightMax : productMax}
                  palette={key === 'x' ? inputPalette : 'signed'}
                  cell={Math.max(4, Math.min(24, Math.floor(900 / length)))}
                  label={`${name}, ${length} values`}
                  describe={(_r, i) => `element ${i} (channel ${step.channels[Math.floor(i / per)]}, kernel ${Math.floor((i % per) / kw)}, ${i % kw})`}
                />
              </div>
            );
          })}
          <p>
            x · w = {formatValue(step.result - step.bias)}, plus bias {formatValue(step.bias)}
          </p>
        </div>
      )}
      <p className="step-total" data-testid="step-total">
        {parts.length > 1 ? 'Channels' : 'Sum'}: {total}
      </p>
    </section>
  );
});
