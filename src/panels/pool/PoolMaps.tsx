import { memo, useCallback, useMemo } from 'react';
import { Grid, CELL_PAD, CELL_UNUSED, NUMBER_MIN_CELL, type Overlay } from '../../components/Grid';
import { useT } from '../../i18n/useT';
import { pool, type PoolText } from '../../i18n/pool';
import { formatCount as num } from '../../viz/format';
import type { PoolModel } from './model';
import type { PoolHover } from './focus';

/** A channel's name: colour names for a 3-channel image, else its index (worded by `t`). */
export function channelName(c: number, channels: number, image: boolean, t: PoolText): string {
  if (image && channels === 3) return [t.red, t.green, t.blue][c]!;
  return t.channel(num(c));
}

/** Whether any value would be drawn with decimals (those need narrower digits to fit a cell). */
export function hasDecimals(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return true;
  return false;
}

/**
 * The font size of a grid's numbers for its cells, or undefined for the grid's own (36% of a cell, 9
 * to 16 px: too small to read from the back of a hall, and too wide for a decimal such as −0.72 in a
 * small cell). Whole numbers grow with big cells, and with every cell when presenting; decimals (five
 * characters) stay narrow enough to fit their cell.
 */
export function numberSize(cell: number, present: boolean, decimals: boolean): number | undefined {
  if (cell < NUMBER_MIN_CELL) return undefined;
  const grid = Math.round(Math.min(16, Math.max(9, cell * 0.36)));
  const want = present ? cell * 0.42 : cell > 44 ? cell * 0.4 : grid;
  const size = Math.round(Math.max(9, Math.min(40, want, decimals ? cell * 0.28 : Infinity)));
  return size === grid ? undefined : size;
}

interface PoolMapsProps {
  model: PoolModel;
  image: boolean;
  /** Output cells up to this step index are computed; later ones are still to come. */
  filled: number;
  input: Overlay[][];
  output: Overlay[][];
  cell: number;
  /** Presentation mode: larger numbers in the cells. */
  present: boolean;
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
  present,
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
          present={present}
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
  present,
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
  present: boolean;
  onHover: (h: PoolHover) => void;
  onPick: (index: number) => void;
}) {
  const { rows, cols, outH, outW, drawH, drawW } = model;
  const t = useT(pool);
  const plane = outH * outW;
  const H = rows.input;
  const W = cols.input;
  const name = channelName(c, model.channels, image, t);
  const padValue = model.kind === 'max' ? -Infinity : 0;
  const values = useMemo(() => model.output.data.subarray(c * plane, (c + 1) * plane), [model, c, plane]);
  const describeInput = useCallback(
    (r: number, q: number, _v: number, kind: number) => {
      const ih = num(r - rows.padBefore);
      const iw = num(q - cols.padBefore);
      if (r >= rows.padded || q >= cols.padded) return t.cellPast(ih, iw);
      if (kind === CELL_PAD) return t.cellPad(ih, iw);
      return kind === CELL_UNUSED ? t.cellUnused(ih, iw) : t.cellAt(ih, iw);
    },
    [rows, cols, t],
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
  const describeOutput = useCallback((r: number, q: number) => t.outputCell(num(c), num(r), num(q)), [c, t]);
  const onActivate = useCallback(
    (oh: number, ow: number) => onPick((c * outH + oh) * outW + ow),
    [c, outH, outW, onPick],
  );
  const padded = rows.padded > H || cols.padded > W;
  const overhang = drawH > rows.padded || drawW > cols.padded;
  const extra = [
    padded ? t.padded(`${rows.padded}×${cols.padded}`) : '',
    overhang ? t.withOverhang(`${drawH}×${drawW}`) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const inputFont = useMemo(() => numberSize(cell, present, hasDecimals(model.input.data)), [cell, present, model]);
  const outputFont = useMemo(() => numberSize(cell, present, hasDecimals(values)), [cell, present, values]);
  return (
    <div className="pool-pair" data-testid={`channel-${c}`}>
      <h4>{name}</h4>
      <div className="pool-pair-maps">
        <div className="map">
          <h5>
            {t.mapIn(`${H}×${W}`)}
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
            fontSize={inputFont}
            overlays={input}
            label={`${t.inputLabel(name, num(H), num(W))}${extra ? `, ${extra}` : ''}`}
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
          <h5>{t.mapOut(`${outH}×${outW}`)}</h5>
          <Grid
            rows={outH}
            cols={outW}
            values={values}
            done={done}
            maxAbs={model.outputMax}
            palette={model.inputPalette}
            cell={cell}
            fontSize={outputFont}
            overlays={output}
            label={t.outputLabel(name, num(outH), num(outW))}
            testId={`output-${c}`}
            describe={describeOutput}
            onFocusCell={onOutputCell}
            onBlurCell={onBlur}
            onActivate={onActivate}
            pendingText={t.pending}
          />
        </div>
      </div>
    </div>
  );
});
