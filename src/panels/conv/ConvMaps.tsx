import { memo, useCallback, useMemo, useState } from 'react';
import { Grid, CELL_PAD, CELL_PENDING, CELL_UNUSED, type Overlay } from '../../components/Grid';
import { NumberEditor } from '../../components/NumberEditor';
import type { ConvModel } from './model';
import type { Hover } from './focus';
import type { FilterPreset } from '../../state/types';
import { presetProblem } from '../../engine/presets';
import { PRESETS } from './presets';

/** Cell size for a grid of `cols` columns that should take at most `budget` pixels. */
export function cellSize(cols: number, rows: number, budget: number, max = 40): number {
  return Math.max(2, Math.min(max, Math.floor(budget / Math.max(cols, rows))));
}

export function channelName(c: number, channels: number, image: boolean): string {
  if (image && channels === 3) return ['red', 'green', 'blue'][c]!;
  return `channel ${c}`;
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
  onHover: (h: Hover) => void;
}

/** The input's channels, each with its padding drawn as distinct cells and the focus outlined. */
export const InputMaps = memo(function InputMaps({ model, image, overlays, cell, onHover }: InputMapsProps) {
  const { planes, PH, PW } = useMemo(() => paddedPlanes(model), [model]);
  const C = planes.length;
  const [, , H, W] = model.input.shape as [number, number, number, number];
  // Stable callbacks per channel, so that a grid whose outline did not move does not re-render.
  const handlers = useMemo(() => {
    const { rows, cols } = model;
    return planes.map((_, c) => ({
      describe: (r: number, q: number, _v: number, kind: number) =>
        kind === CELL_PAD
          ? `padding (row ${r - rows.padBefore}, column ${q - cols.padBefore})`
          : `row ${r - rows.padBefore}, column ${q - cols.padBefore}${kind === CELL_UNUSED ? ' (unused: no window reaches it)' : ''}`,
      onFocusCell: (r: number, q: number) => {
        const ih = r - rows.padBefore;
        const iw = q - cols.padBefore;
        onHover(ih >= 0 && ih < H && iw >= 0 && iw < W ? { kind: 'input', c, ih, iw } : null);
      },
    }));
  }, [model, planes, onHover, H, W]);
  const onBlurCell = useCallback(() => onHover(null), [onHover]);
  return (
    <div className="map-row" data-testid="input-maps">
      {planes.map((p, c) => (
        <div className="map" key={c}>
          <h4>{channelName(c, C, image)}</h4>
          <Grid
            rows={PH}
            cols={PW}
            values={p.values}
            kinds={p.kinds}
            maxAbs={model.inputMax}
            palette={model.inputPalette}
            cell={cell}
            overlays={overlays[c]}
            label={`Input ${channelName(c, C, image)}, ${H} by ${W}${PH > H || PW > W ? `, padded to ${PH} by ${PW}` : ''}`}
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
  onHover: (h: Hover) => void;
  onPreset: (f: number, p: FilterPreset) => void;
  onEditWeight: (flat: number, v: number) => void;
  onEditBias: (f: number, v: number) => void;
}

/** Every filter: one kernel per input channel, and its bias. Click a weight (or press Enter on it) to edit it. */
export const FilterBank = memo(function FilterBank({ model, image, overlays, biasFocus, edited, presets, cell, onHover, onPreset, onEditWeight, onEditBias }: FilterBankProps) {
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
        describeBias: () => `bias of filter ${f}`,
        editBias: () => setEditing({ f, bias: true }),
        kernels: Array.from({ length: C }, (_, c) => ({
          describe: (kh: number, kw: number) => {
            const flat = ((f * C + c) * KH + kh) * KW + kw;
            return `weight [${f}, ${c}, ${kh}, ${kw}]${flat in edited ? ' (edited)' : ''}`;
          },
          onFocusCell: (kh: number, kw: number) => onHover({ kind: 'weight', oc: f, c, kh, kw }),
          onActivate: (kh: number, kw: number) => setEditing({ f, c, kh, kw }),
        })),
      })),
    [model.bias, F, C, KH, KW, edited, onHover],
  );
  const onBlurCell = useCallback(() => onHover(null), [onHover]);
  return (
    <div className="filters" data-testid="filters">
      {kernels.map((chs, f) => (
        <div className="filter" key={f} data-testid={`filter-${f}`}>
          <div className="filter-head">
            <h4>
              Filter {f} <span className="dim">{C}×{KH}×{KW}</span>
            </h4>
            <select
              aria-label={`Preset of filter ${f}`}
              className="small"
              value={presets[f] ?? 'random'}
              onChange={(e) => onPreset(f, e.target.value as FilterPreset)}
              data-testid={`preset-${f}`}
            >
              {PRESETS.map((p) => {
                const problem = p.value === 'random' ? null : presetProblem(p.value, KH, KW);
                return (
                  <option key={p.value} value={p.value} disabled={!!problem}>
                    {p.label}
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
                  <h5>{channelName(c, C, image)}</h5>
                  <Grid
                    rows={KH}
                    cols={KW}
                    values={values}
                    maxAbs={model.weightMax}
                    cell={cell}
                    overlays={overlays[f]?.[c]}
                    label={`Filter ${f}, weights on ${channelName(c, C, image)}, ${KH} by ${KW}. Press Enter to edit a weight.`}
                    testId={`weight-${f}-${c}`}
                    describe={handlers[f]!.kernels[c]!.describe}
                    onFocusCell={handlers[f]!.kernels[c]!.onFocusCell}
                    onBlurCell={onBlurCell}
                    onActivate={handlers[f]!.kernels[c]!.onActivate}
                  />
                  {editingHere && (
                    <NumberEditor
                      initial={values[editingHere.kh * KW + editingHere.kw]!}
                      label={`New value of weight [${f}, ${c}, ${editingHere.kh}, ${editingHere.kw}]`}
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
              <h5>bias</h5>
              <Grid
                rows={1}
                cols={1}
                values={handlers[f]!.bias}
                maxAbs={model.weightMax}
                cell={Math.max(cell, 28)}
                overlays={biasFocus[f] ? BIAS_FOCUS : NONE}
                label={`Bias of filter ${f}. Press Enter to edit it.`}
                testId={`bias-${f}`}
                describe={handlers[f]!.describeBias}
                onActivate={handlers[f]!.editBias}
              />
              {editing && 'bias' in editing && editing.f === f && (
                <NumberEditor
                  initial={model.bias[f]!}
                  label={`New value of the bias of filter ${f}`}
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
  onHover: (h: Hover) => void;
  onPick: (index: number) => void;
}

/** The output maps, one per filter, filling in as the steps advance. Click a cell to jump to its step. */
export const OutputMaps = memo(function OutputMaps({ model, filled, overlays, cell, onHover, onPick }: OutputMapsProps) {
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
          onHover={onHover}
          onPick={onPick}
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
  onHover,
  onPick,
}: { model: ConvModel; f: number; done: number; overlays: Overlay[] | undefined; cell: number; onHover: (h: Hover) => void; onPick: (index: number) => void }) {
  const { outH, outW } = model;
  const plane = outH * outW;
  const kinds = useMemo(() => {
    const k = new Uint8Array(plane);
    k.fill(CELL_PENDING, done);
    return k;
  }, [plane, done]);
  const values = useMemo(() => model.output.data.subarray(f * plane, (f + 1) * plane), [model, f, plane]);
  const describe = useCallback((r: number, q: number) => `output ${f}, row ${r}, column ${q}`, [f]);
  const onFocusCell = useCallback((oh: number, ow: number) => onHover({ kind: 'output', oc: f, oh, ow }), [f, onHover]);
  const onBlurCell = useCallback(() => onHover(null), [onHover]);
  const onActivate = useCallback((oh: number, ow: number) => onPick((f * outH + oh) * outW + ow), [f, outH, outW, onPick]);
  return (
    <div className="map">
      <h4>Output {f}</h4>
      <Grid
        rows={outH}
        cols={outW}
        values={values}
        kinds={kinds}
        maxAbs={model.outputMax}
        cell={cell}
        overlays={overlays}
        label={`Output channel ${f}, ${outH} by ${outW}`}
        testId={`output-${f}`}
        describe={describe}
        onFocusCell={onFocusCell}
        onBlurCell={onBlurCell}
        onActivate={onActivate}
      />
    </div>
  );
});
