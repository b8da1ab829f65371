/**
 * What the receptive-field view draws, derived from its configuration (never stored): every layer's
 * map size, receptive field size r, jump j, start u and growth per layer (from the engine's
 * `receptiveFields` and `layerOutputSizes`), the layer names, the formula, and for a selected output
 * cell the cells it depends on in every earlier map — exactly, not only as a bounding box.
 */
import { layerOutputSizes, receptiveFieldFormula, receptiveFields, regionInLayer, type RFLayerSpec, type Region } from '../../engine/receptive';
import type { RfStrings } from '../../i18n/rf';
import {
  ALEXNET_NAMES,
  VGG16_NAMES,
  detectPreset,
  formatLayer,
  rfLayersOf,
  type RfConfig,
  type RfLayer,
} from '../../state/views/rf';

/** One layer as the table lists it. */
export interface RfRow {
  /** 1-based position in the stack. */
  index: number;
  name: string;
  layer: RfLayer;
  /** The layer in the link notation: `c3p1`. */
  token: string;
  /** Cells one window spans: d·(k − 1) + 1. */
  kEff: number;
  inSize: number;
  outSize: number;
  /** Receptive field side r_l, jump j_l and start u_l, in input cells. */
  size: number;
  jump: number;
  start: number;
  /** The jump of the layer before, j_{l−1}: the spacing of this layer's taps in the input. */
  jumpBefore: number;
  /** r_l − r_{l−1} = (kEff − 1)·j_{l−1}. */
  growth: number;
  /** The published receptive field, for the AlexNet and VGG-16 presets. */
  reference: number | null;
}

export interface RfModel {
  layers: RfLayer[];
  /** The stack as the engine takes it. */
  specs: RFLayerSpec[];
  /** Side of every map: the input, then each layer's output. */
  sides: number[];
  rows: RfRow[];
  /** Padding drawn around map t (0 = input): the padding of the layer that reads it; 0 for the last map. */
  pads: number[];
}

/**
 * Published receptive fields. AlexNet: Araujo, Norris & Sim, "Computing Receptive Fields of
 * Convolutional Neural Networks", Distill 2019 (conv1 … pool5: 11, 19, 51, 67, 99, 131, 163, 195).
 * VGG-16: the same article gives 212 at pool5; the per-layer values are the standard tabulation of
 * the recurrence over Simonyan & Zisserman's configuration D.
 */
export const PUBLISHED = {
  alexnet: [11, 19, 51, 67, 99, 131, 163, 195],
  vgg16: [3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212],
} as const;

/** Generic names, counted per kind: conv1, conv2, pool1, conv3, … */
function genericNames(layers: readonly RfLayer[]): string[] {
  let c = 0;
  let p = 0;
  return layers.map((l) => (l.kind === 'conv' ? `conv${++c}` : `pool${++p}`));
}

/** The layer as the engine's receptive-field functions take it. */
export function toSpec(l: RfLayer): RFLayerSpec {
  return { kind: l.kind, kernel: l.k, stride: l.s, padding: l.p, dilation: l.d };
}

/** Builds the model of a valid configuration (as left by `repairRf` and the actions). */
export function buildRfModel(config: Pick<RfConfig, 'layers' | 'size'>): RfModel {
  const layers = rfLayersOf(config);
  const specs = layers.map(toSpec);
  const fields = receptiveFields(specs);
  const sides = [config.size, ...layerOutputSizes(specs, config.size).map((s) => s[0])];
  const preset = detectPreset(layers).preset;
  const names = preset === 'alexnet' ? ALEXNET_NAMES : preset === 'vgg16' ? VGG16_NAMES : genericNames(layers);
  const reference = preset === 'alexnet' ? PUBLISHED.alexnet : preset === 'vgg16' ? PUBLISHED.vgg16 : null;
  const rows = layers.map((layer, i): RfRow => {
    const f = fields[i]!;
    const before = i === 0 ? { size: [1], jump: [1] } : fields[i - 1]!;
    const kEff = layer.d * (layer.k - 1) + 1;
    return {
      index: i + 1,
      name: names[i]!,
      layer,
      token: formatLayer(layer),
      kEff,
      inSize: sides[i]!,
      outSize: sides[i + 1]!,
      size: f.size[0],
      jump: f.jump[0],
      start: f.start[0],
      jumpBefore: before.jump[0]!,
      growth: f.size[0] - before.size[0]!,
      reference: reference ? reference[i]! : null,
    };
  });
  const pads = sides.map((_, t) => (t < layers.length ? layers[t]!.p : 0));
  return { layers, specs, sides, rows, pads };
}

/** The cells a selected cell depends on in one earlier map (or the cell itself in its own map). */
export interface MapRegion {
  /** Map index: 0 = the input, l = the output of layer l. */
  t: number;
  /** The rows and columns of map t that feed the selected cell, ascending (exact: product of the two). */
  rows: number[];
  cols: number[];
  /** The bounding box of those cells, or null when only padding is reached. */
  box: Region | null;
  /** Whether the box is exactly the set (no gaps: dilation 1 and stride ≤ kernel on the way). */
  exact: boolean;
  /** The theoretical region (engine's regionInLayer): the box the recurrences give, which may reach into the padding. */
  theory: Region;
  /** How many cells of map t feed the selected cell. */
  count: number;
}

/**
 * The rows (or columns: the layers are square, the axes independent) of map t that cell `index` of
 * map `at` depends on, for t = at down to 0: entry t of the result. Walking back through layer l
 * (which reads map l−1), cell x reads cells x·s − p + i·d for i = 0 … k − 1, of which only those
 * inside map l−1 exist (the others are padding). Exact even with dilation or a stride larger than
 * the kernel, where the set has gaps.
 */
export function dependencyAxis(layers: readonly RfLayer[], sides: readonly number[], at: number, index: number): number[][] {
  const out: number[][] = [];
  let cur = [index];
  out[at] = cur;
  for (let l = at; l >= 1; l--) {
    const { k, s, p, d } = layers[l - 1]!;
    const below = sides[l - 1]!;
    const mark = new Uint8Array(below);
    for (const x of cur) {
      for (let i = 0; i < k; i++) {
        const y = x * s - p + i * d;
        if (y >= 0 && y < below) mark[y] = 1;
      }
    }
    cur = [];
    for (let y = 0; y < below; y++) if (mark[y]) cur.push(y);
    out[l - 1] = cur;
  }
  return out;
}

const contiguous = (xs: readonly number[]) => xs.length === 0 || xs[xs.length - 1]! - xs[0]! + 1 === xs.length;

/** The region of the selected cell (row, col) of layer `at` (1-based) in every map 0 … at. */
export function selectionRegions(model: RfModel, at: number, row: number, col: number): MapRegion[] {
  const rows = dependencyAxis(model.layers, model.sides, at, row);
  const cols = dependencyAxis(model.layers, model.sides, at, col);
  return rows.map((r, t) => {
    const c = cols[t]!;
    const box = r.length && c.length ? { top: r[0]!, left: c[0]!, bottom: r[r.length - 1]!, right: c[c.length - 1]! } : null;
    const theory =
      t === at ? { top: row, left: col, bottom: row, right: col } : regionInLayer(model.specs, at - 1, row, col, t - 1);
    return { t, rows: r, cols: c, box, exact: contiguous(r) && contiguous(c), theory, count: r.length * c.length };
  });
}

/** Runs of consecutive values: [[start, length], …]. */
export function runs(xs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
}

/** The engine's note on dilated stacks, which `fieldFormula` replaces by the page's language. */
const ENGINE_DILATED_NOTE = ' (k_l is the effective kernel d·(k − 1) + 1)';

/**
 * The formula of the field of layer `at`'s cells, with its numbers (the engine's text; its note on
 * the effective kernel of dilated layers in the language of `t`).
 */
export function fieldFormula(model: RfModel, at: number, t: RfStrings): { simple: boolean; text: string } {
  const f = receptiveFieldFormula(model.specs.slice(0, at));
  const text = f.text.endsWith(ENGINE_DILATED_NOTE) ? f.text.slice(0, -ENGINE_DILATED_NOTE.length) + t.dilatedNote : f.text;
  return { simple: f.simple, text };
}

/**
 * The recurrence step of one layer, worked: `r₃ = r₂ + (k − 1)·j₂ = 6 + (3 − 1)·2 = 10`, with the
 * effective kernel d·(k − 1) + 1 written out when the layer is dilated (in the language of `t`).
 */
export function recurrenceText(row: RfRow, sizeBefore: number, t: RfStrings): string {
  const i = row.index;
  const eff = row.layer.d > 1 ? t.dilatedStep(String(row.layer.d), String(row.layer.k), String(row.kEff)) : '';
  return `r${sub(i)} = r${sub(i - 1)} + (k − 1)·j${sub(i - 1)} = ${sizeBefore} + (${row.kEff} − 1)·${row.jumpBefore} = ${row.size}${eff}`;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** A whole number in subscript digits. */
export function sub(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)] ?? d)
    .join('');
}
