import { memo, useCallback, useMemo } from 'react';
import { Grid, CELL_PAD, CELL_PENDING, CELL_UNUSED, type Overlay } from '../../components/Grid';
import type { PoolModel } from './model';
import type { PoolHover } from './focus';

/** A channel's name: colour names for a 3-channel image, else its index. */
export function channelName(c: number, channels: number, image: boolean): string {
  if (image && channels === 3) return ['red', 'green', 'blue'][c]!;
  return `channel ${c}`;
}

interface PoolMapsProps {
  model: PoolModel;
  image: boolean;
  /** Output cells up to this step index are computed; later ones are still to come. */
  filled: number;
  input: Overlay[][];
  output: Overlay[][];
  cell: number;
  onHover: (h: PoolHover) => void;
  onPick: (index: number) => void;
}

/**
 * Every channel as its own pair: the input (padding drawn as distinct cells) → its pooled output, at
 * the same cell size, so the shrinking shows and no channel is mixed with another.
 */
export const PoolMaps = memo(function PoolMaps({
  model,
  image,
  filled,
  input,
  output,
  cell,
  onHover,
  onPick,
}: PoolMapsProps) {
  const plane = model.outH * model.outW;
  return (
    <div className="pool-channels-row" data-testid="pool-maps">
      {model.planes.map((_, c) => (
        <ChannelPair
          key={c}
          model={model}
          c={c}
          image={image}
          done={Math.max(0, Math.min(plane, filled + 1 - c * plane))}
          input={input[c]}
          output={output[c]}
          cell={cell}
          onHover={onHover}
          onPick={onPick}
        />
      ))}
    </div>
  );
});

const ChannelPair = memo(function ChannelPair({
  model,
  c,
  image,
  done,
  input,
  output,
  cell,
  onHover,
  onPick,
}: {
  model: PoolModel;
  c: number;
  image: boolean;
  done: number;
  input: Overlay[] | undefined;
  output: Overlay[] | undefined;
  cell: number;
  onHover: (h: PoolHover) => void;
  onPick: (index: number) => void;
}) {
  const { rows, cols, outH, outW, drawH, drawW } = model;
  const plane = outH * outW;
  const H = rows.input;
  const W = cols.input;
  const name = channelName(c, model.channels, image);
  const padValue = model.kind === 'max' ? -Infinity : 0;
  const kinds = useMemo(() => {
    const k = new Uint8Array(plane);
    k.fill(CELL_PENDING, done);
    return k;
  }, [plane, done]);
  const values = useMemo(() => model.output.data.subarray(c * plane, (c + 1) * plane), [model, c, plane]);
  const describeInput = useCallback(
    (r: number, q: number, _v: number, kind: number) => {
      const ih = r - rows.padBefore;
      const iw = q - cols.padBefore;
      if (r >= rows.padded || q >= cols.padded)
        return `past the padding (ceil mode's overhang, never counted; row ${ih}, column ${iw})`;
      if (kind === CELL_PAD) return `padding (row ${ih}, column ${iw})`;
      return `row ${ih}, column ${iw}${kind === CELL_UNUSED ? ' (unused: no window reaches it)' : ''}`;
    },
    [rows, cols],
  );
  const onInputCell = useCallback(
    (r: number, q: number) => onHover({ kind: 'input', c, ph: r, pw: q }),
    [c, onHover],
  );
  const onOutputCell = useCallback(
    (oh: number, ow: number) => onHover({ kind: 'output', c, oh, ow }),
    [c, onHover],
  );
  const onBlur = useCallback(() => onHover(null), [onHover]);
  const describeOutput = useCallback((r: number, q: number) => `output ${c}, row ${r}, column ${q}`, [c]);
  const onActivate = useCallback(
    (oh: number, ow: number) => onPick((c * outH + oh) * outW + ow),
    [c, outH, outW, onPick],
  );
  const padded = rows.padded > H || cols.padded > W;
  const overhang = drawH > rows.padded || drawW > cols.padded;
  const extra = [
    padded ? `padded ${rows.padded}×${cols.padded}` : '',
    overhang ? `${drawH}×${drawW} with ceil mode's overhang` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="pool-pair" data-testid={`channel-${c}`}>
      <h4>{name}</h4>
      <div className="pool-pair-maps">
        <div className="map">
          <h5>
            in {H}×{W}
            {extra ? ` (${extra})` : ''}
          </h5>
          <Grid
            rows={drawH}
            cols={drawW}
            values={model.planes[c]!.values}
            kinds={model.planes[c]!.kinds}
            maxAbs={model.inputMax}
            palette={model.inputPalette}
            padValue={padValue}
            cell={cell}
            overlays={input}
            label={`Input ${name}, ${H} by ${W}${extra ? `, ${extra}` : ''}`}
            testId={`input-${c}`}
            describe={describeInput}
            onFocusCell={onInputCell}
            onBlurCell={onBlur}
          />
        </div>
        <span className="pool-arrow" aria-hidden="true">
          →
        </span>
        <div className="map">
          <h5>
            out {outH}×{outW}
          </h5>
          <Grid
            rows={outH}
            cols={outW}
            values={values}
            kinds={kinds}
            maxAbs={model.outputMax}
            palette={model.inputPalette}
            cell={cell}
            overlays={output}
            label={`Output ${name}, ${outH} by ${outW}. Press Enter on a cell to jump to its step.`}
            testId={`output-${c}`}
            describe={describeOutput}
            onFocusCell={onOutputCell}
            onBlurCell={onBlur}
            onActivate={onActivate}
          />
        </div>
      </div>
    </div>
  );
});
