import { memo, useCallback, useMemo, useState } from 'react';
import { Grid, CELL_PAD, CELL_UNUSED, NUMBER_MIN_CELL, type Overlay } from '../../components/Grid';
import { NumberEditor } from '../../components/NumberEditor';
import type { ConvModel } from './model';
import type { Hover } from './focus';
import type { FilterPreset } from '../../state/types';
import { PRESETS, presetProblemText } from './presets';
import { weightIndex } from './focus';
import type { ConvT } from '../../i18n/conv';

/** Cell size for a grid of `cols` columns that should take at most `budget` pixels. */
export function cellSize(cols: number, rows: number, budget: number, max = 40): number {
  return Math.max(2, Math.min(max, Math.floor(budget / Math.max(cols, rows))));
}

/**
 * The font size of the numbers in a grid of `cell`-pixel cells, so that the widest number fits its
 * cell: whole numbers up to `maxAbs` need a minus sign and their digits (about 0.84 + 0.64 em per
 * digit in the UI font), other values up to 3.1 em (e.g. −0.25, −12.5). Presenting, as large as that
 * allows up to half the cell and 32 px; otherwise the grid's own size (at most 16 px), smaller only
 * when decimals would overflow (undefined: whole numbers fit the grid's own size).
 */
export function numberFont(cell: number, maxAbs: number, ints: boolean, present: boolean): number | undefined {
  if (!present && ints) return undefined;
  const widthEm = ints ? 0.84 + 0.64 * String(Math.round(Math.abs(maxAbs))).length : 3.1;
  const fitted = (cell * 0.86) / widthEm;
  return present ? Math.max(9, Math.min(32, cell * 0.5, fitted)) : Math.max(7, Math.min(16, cell * 0.36, fitted));
}

/** The smallest cell that shows its numbers: whole numbers from NUMBER_MIN_CELL, decimals from 28 px (at about 8 px). */
export const numberCell = (ints: boolean) => (ints ? NUMBER_MIN_CELL : 28);

/** A channel's name in the language of `t`: red, green and blue for a colour image, else "channel c". */
export function channelName(c: number, channels: number, image: boolean, t: Pick<ConvT, 'channelRed' | 'channelGreen' | 'channelBlue' | 'channel'>): string {
  if (image && channels === 3) return [t.channelRed, t.channelGreen, t.channelBlue][c]!;
  return t.channel(`${c}`);
}

/** The padded input planes: values, and a kind per cell (padding, or left unused by the floor). */
export function paddedPlanes(model: ConvModel) {
  const [, C, H, W] = model.input.shape as [number, number, number, number];
  const { rows, cols } = model;
  const PH = rows.padded;
  const PW = cols.padded;
  const planes = [];
  for (let c = 0; c < C; c++) {
    const values = new Float32Array(PH * PW);
    const kinds = new Uint8Array(PH * PW);
    for (let r = 0; r < PH; r++) {
      for (let q = 0; q < PW; q++) {
        const ih = r - rows.padBefore;
        const iw = q - cols.padBefore;
        const i = r * PW + q;
        if (ih < 0 || ih >= H || iw < 0 || iw >= W) kinds[i] = CELL_PAD;
        else {
          values[i] = model.input.data[(c * H + ih) * W + iw]!;
          if (r >= PH - rows.unused || q >= PW - cols.unused) kinds[i] = CELL_UNUSED;
        }
      }
    }
    planes.push({ values, kinds });
  }
  return { planes, PH, PW };
}

interface InputMapsProps {
  model: ConvModel;
  image: boolean;
  overlays: Overlay[][];
  cell: number;
  /** Font size of the numbers in the cells (see `numberFont`). */
  fontSize?: number;
  onHover: (h: Hover) => void;
  t: ConvT;
}

/** The input's channels, each with its padding drawn as distinct cells and the focus outlined. */
export const InputMaps = memo(function InputMaps({ model, image, overlays, cell, fontSize, onHover, t }: InputMapsProps) {
  const { planes, PH, PW } = useMemo(() => paddedPlanes(model), [model]);
  const C = planes.length;
  const [, , H, W] = model.input.shape as [number, number, number, number];
  // Stable callbacks per channel, so that a grid whose outline did not move does not re-render.
  const handlers = useMemo(() => {
    const { rows, cols } = model;
    return planes.map((_, c) => ({
      describe: (r: number, q: number, _v: number, kind: number) =>
        kind === CELL_PAD
          ? t.padCell(`${r - rows.padBefore}`, `${q - cols.padBefore}`)
          : `${t.cellAt(`${r - rows.padBefore}`, `${q - cols.padBefore}`)}${kind === CELL_UNUSED ? t.unusedSuffix : ''}`,
      onFocusCell: (r: number, q: number) => {
        const ih = r - rows.padBefore;
        const iw = q - cols.padBefore;
        onHover(ih >= 0 && ih < H && iw >= 0 && iw < W ? { kind: 'input', c, ih, iw } : null);
      },
    }));
  }, [model, planes, onHover, H, W, t]);
  const onBlurCell = useCallback(() => onHover(null), [onHover]);
  return (
    <div className="map-row" data-testid="input-maps">
      {planes.map((p, c) => (
        <div className="map" key={c}>
          <h4>{channelName(c, C, image, t)}</h4>
          <Grid
            rows={PH}
            cols={PW}
            values={p.values}
            kinds={p.kinds}
            maxAbs={model.inputMax}
            palette={model.inputPalette}
            cell={cell}
            fontSize={fontSize}
            overlays={overlays[c]}
            label={`${t.inputGrid(channelName(c, C, image, t), `${H}`, `${W}`)}${PH > H || PW > W ? t.paddedBy(`${PH}`, `${PW}`) : ''}`}
            testId={`input-${c}`}
            describe={handlers[c]!.describe}
            onFocusCell={handlers[c]!.onFocusCell}
            onBlurCell={onBlurCell}
          />
        </div>
      ))}
    </div>
  );
});

const BIAS_FOCUS: Overlay[] = [{ r: 0, c: 0, h: 1, w: 1, kind: 'focus' }];
const NONE: Overlay[] = [];

interface FilterBankProps {
  model: ConvModel;
  image: boolean;
  overlays: Overlay[][][];
  biasFocus: boolean[];
  edited: Record<number, number>;
  presets: FilterPreset[];
  cell: number;
  fontSize?: number;
  onHover: (h: Hover) => void;
  onPreset: (f: number, p: FilterPreset) => void;
  onEditWeight: (flat: number, v: number) => void;
  onEditBias: (f: number, v: number) => void;
  t: ConvT;
}

/** Every filter: one kernel per input channel, and its bias. Click a weight (or press Enter on it) to edit it. */
export const FilterBank = memo(function FilterBank({ model, image, overlays, biasFocus, edited, presets, cell, fontSize, onHover, onPreset, onEditWeight, onEditBias, t }: FilterBankProps) {
  const [F, C, KH, KW] = model.weight.shape as [number, number, number, number];
  const [editing, setEditing] = useState<{ f: number; c: number; kh: number; kw: number } | { f: number; bias: true } | null>(null);
  const kernels = useMemo(
    () => Array.from({ length: F }, (_, f) => Array.from({ length: C }, (_, c) => model.weight.data.subarray(((f * C + c) * KH) * KW, ((f * C + c + 1) * KH) * KW))),
    [model.weight, F, C, KH, KW],
  );
  // Stable callbacks and values per kernel and bias, so unchanged grids skip re-rendering.
  const handlers = useMemo(
    () =>
      Array.from({ length: F }, (_, f) => ({
        bias: model.bias.subarray(f, f + 1),
        describeBias: () => t.biasOf(`${f}`),
        editBias: () => setEditing({ f, bias: true }),
        kernels: Array.from({ length: C }, (_, c) => ({
          describe: (kh: number, kw: number) => {
            const flat = ((f * C + c) * KH + kh) * KW + kw;
            return `${t.weight(weightIndex(f, c, kh, kw))}${flat in edited ? t.editedSuffix : ''}`;
          },
          onFocusCell: (kh: number, kw: number) => onHover({ kind: 'weight', oc: f, c, kh, kw }),
          onActivate: (kh: number, kw: number) => setEditing({ f, c, kh, kw }),
        })),
      })),
    [model.bias, F, C, KH, KW, edited, onHover, t],
  );
  const onBlurCell = useCallback(() => onHover(null), [onHover]);
  return (
    <div className="filters" data-testid="filters">
      {kernels.map((chs, f) => (
        <div className="filter" key={f} data-testid={`filter-${f}`}>
          <div className="filter-head">
            <h4>
              {t.filterHeading(`${f}`)} <span className="dim">{C}×{KH}×{KW}</span>
            </h4>
            <select
              aria-label={t.presetOf(`${f}`)}
              className="small edit-only"
              value={presets[f] ?? 'random'}
              onChange={(e) => onPreset(f, e.target.value as FilterPreset)}
              data-testid={`preset-${f}`}
            >
              {PRESETS.map((p) => {
                const problem = presetProblemText(p.value, KH, KW, t);
                return (
                  <option key={p.value} value={p.value} disabled={!!problem}>
                    {t[p.label]}
                    {problem ? ` — ${problem}` : ''}
                  </option>
                );
              })}
            </select>
          </div>
          <div className="map-row">
            {chs.map((values, c) => {
              const editingHere = editing && !('bias' in editing) && editing.f === f && editing.c === c ? editing : null;
              return (
                <div className="map editable" key={c}>
                  <h5>{channelName(c, C, image, t)}</h5>
                  <Grid
                    rows={KH}
                    cols={KW}
                    values={values}
                    maxAbs={model.weightMax}
                    cell={cell}
                    fontSize={fontSize}
                    overlays={overlays[f]?.[c]}
                    label={t.weightsGrid(`${f}`, channelName(c, C, image, t), `${KH}`, `${KW}`)}
                    testId={`weight-${f}-${c}`}
                    describe={handlers[f]!.kernels[c]!.describe}
                    onFocusCell={handlers[f]!.kernels[c]!.onFocusCell}
                    onBlurCell={onBlurCell}
                    onActivate={handlers[f]!.kernels[c]!.onActivate}
                  />
                  {editingHere && (
                    <NumberEditor
                      initial={values[editingHere.kh * KW + editingHere.kw]!}
                      label={t.newWeight(weightIndex(f, c, editingHere.kh, editingHere.kw))}
                      style={{ left: editingHere.kw * cell, top: editingHere.kh * cell + 20 }}
                      onCommit={(v) => {
                        onEditWeight(((f * C + c) * KH + editingHere.kh) * KW + editingHere.kw, v);
                        setEditing(null);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </div>
              );
            })}
            <div className="map editable bias">
              <h5>{t.bias}</h5>
              <Grid
                rows={1}
                cols={1}
                values={handlers[f]!.bias}
                maxAbs={model.weightMax}
                cell={Math.max(cell, 28)}
                fontSize={fontSize}
                overlays={biasFocus[f] ? BIAS_FOCUS : NONE}
                label={t.biasGrid(`${f}`)}
                testId={`bias-${f}`}
                describe={handlers[f]!.describeBias}
                onActivate={handlers[f]!.editBias}
              />
              {editing && 'bias' in editing && editing.f === f && (
                <NumberEditor
                  initial={model.bias[f]!}
                  label={t.newBias(`${f}`)}
                  style={{ left: 0, top: 48 }}
                  onCommit={(v) => {
                    onEditBias(f, v);
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              )}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
});

interface OutputMapsProps {
  model: ConvModel;
  /** Output cells up to this step index are shown; later ones are still to be computed. */
  filled: number;
  overlays: Overlay[][];
  cell: number;
  fontSize?: number;
  onHover: (h: Hover) => void;
  onPick: (index: number) => void;
  t: ConvT;
}

/** The output maps, one per filter, filling in as the steps advance. Click a cell to jump to its step. */
export const OutputMaps = memo(function OutputMaps({ model, filled, overlays, cell, fontSize, onHover, onPick, t }: OutputMapsProps) {
  const { outH, outW } = model;
  const F = model.weight.shape[0]!;
  const plane = outH * outW;
  return (
    <div className="map-row" data-testid="output-maps">
      {Array.from({ length: F }, (_, f) => (
        <OutputMap
          key={f}
          model={model}
          f={f}
          done={Math.max(0, Math.min(plane, filled + 1 - f * plane))}
          overlays={overlays[f]}
          cell={cell}
          fontSize={fontSize}
          onHover={onHover}
          onPick={onPick}
          t={t}
        />
      ))}
    </div>
  );
});

/** One output channel; `done` cells are computed, the rest are still to come. */
const OutputMap = memo(function OutputMap({
  model,
  f,
  done,
  overlays,
  cell,
  fontSize,
  onHover,
  onPick,
  t,
}: {
  model: ConvModel;
  f: number;
  done: number;
  overlays: Overlay[] | undefined;
  cell: number;
  fontSize?: number;
  onHover: (h: Hover) => void;
  onPick: (index: number) => void;
  t: ConvT;
}) {
  const { outH, outW } = model;
  const plane = outH * outW;
  const values = useMemo(() => model.output.data.subarray(f * plane, (f + 1) * plane), [model, f, plane]);
  const describe = useCallback((r: number, q: number) => t.outputCell(`${f}`, `${r}`, `${q}`), [f, t]);
  const onFocusCell = useCallback((oh: number, ow: number) => onHover({ kind: 'output', oc: f, oh, ow }), [f, onHover]);
  const onBlurCell = useCallback(() => onHover(null), [onHover]);
  const onActivate = useCallback((oh: number, ow: number) => onPick((f * outH + oh) * outW + ow), [f, outH, outW, onPick]);
  return (
    <div className="map">
      <h4>{t.outputHeading(`${f}`)}</h4>
      <Grid
        rows={outH}
        cols={outW}
        values={values}
        done={done}
        maxAbs={model.outputMax}
        cell={cell}
        fontSize={fontSize}
        overlays={overlays}
        label={t.outputGrid(`${f}`, `${outH}`, `${outW}`)}
        pendingText={t.pending}
        testId={`output-${f}`}
        describe={describe}
        onFocusCell={onFocusCell}
        onBlurCell={onBlurCell}
        onActivate={onActivate}
      />
    </div>
  );
});
