import { EngineError, expecting } from './errors';
import { pad4, pair, type Padding, type Pair } from './params';
import { convAxis, poolAxis } from './shapes';

/**
 * Receptive fields of a stack of sliding-window layers, after Araujo, Norris & Sim, "Computing
 * Receptive Fields of Convolutional Neural Networks" (Distill, 2019). For layer l with (effective)
 * kernel k_l, stride s_l and leading padding p_l, in input coordinates:
 *   size  r_l = r_{l−1} + (k_l − 1)·j_{l−1}      (r_0 = 1)
 *   jump  j_l = j_{l−1}·s_l                      (j_0 = 1)
 *   start u_l = u_{l−1} − p_l·j_{l−1}            (u_0 = 0)
 * so output cell x of layer l covers input cells u_l + x·j_l … u_l + x·j_l + r_l − 1. Dilation enters
 * through the effective kernel d·(k − 1) + 1.
 */

/** One layer of a stack, as far as receptive fields care. ReLU (and any elementwise layer) is the identity. */
export interface RFLayerSpec {
  /** 'conv' (default), 'pool' (stride defaults to the kernel) or 'relu' (elementwise: no kernel). */
  kind?: 'conv' | 'pool' | 'relu';
  /** Kernel size; required for 'conv' and 'pool'. */
  kernel?: Pair;
  /** Stride; defaults to 1 for 'conv' and to the kernel for 'pool'. */
  stride?: Pair;
  /** Padding n | [h, w] | [top, bottom, left, right]; only top/left move the field, bottom/right change sizes. */
  padding?: Padding;
  /** Dilation; defaults to 1. */
  dilation?: Pair;
  /** PyTorch's ceil mode, for 'pool' only; it changes layer sizes, never the field itself. */
  ceilMode?: boolean;
  /** A label for the view, e.g. "conv1". */
  name?: string;
}

/** The receptive field of the cells of one layer's output, in input coordinates, per axis [rows, columns]. */
export interface RFInfo {
  /** Side of the field, r_l. */
  size: [number, number];
  /** Distance in input cells between the fields of two neighbouring output cells, j_l. */
  jump: [number, number];
  /** Input coordinate of the first (top/left) cell covered by output cell 0; negative when it starts in the padding. */
  start: [number, number];
}

/** An inclusive rectangle of cells; it may extend outside the input (into the padding). */
export interface Region {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A layer with every default resolved, per axis [rows, columns]. */
interface Layer {
  kind: 'conv' | 'pool' | 'relu';
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  padBefore: [number, number];
  padAfter: [number, number];
  ceilMode: boolean;
}

function normalize(layers: RFLayerSpec[]): Layer[] {
  if (!Array.isArray(layers)) throw new EngineError('layers', layers, 'an array of layer specs');
  return layers.map((spec, i) => {
    const at = `layers[${i}]`;
    if (!spec || typeof spec !== 'object')
      throw new EngineError(at, spec, 'a layer spec { kind?, kernel, stride?, padding?, dilation? }');
    const kind = spec.kind ?? 'conv';
    if (kind !== 'conv' && kind !== 'pool' && kind !== 'relu') {
      throw new EngineError(`${at}.kind`, spec.kind, "'conv', 'pool' or 'relu'");
    }
    if (spec.ceilMode !== undefined && typeof spec.ceilMode !== 'boolean') {
      throw new EngineError(`${at}.ceilMode`, spec.ceilMode, expecting('boolean', 'true or false'));
    }
    if (kind === 'relu') {
      // Elementwise: any geometry given must be the identity's.
      const k = pair(spec.kernel, `${at}.kernel`, 1);
      const s = pair(spec.stride, `${at}.stride`, 1);
      const d = pair(spec.dilation, `${at}.dilation`, 1);
      const p = pad4(spec.padding, `${at}.padding`);
      if (k[0] !== 1 || k[1] !== 1)
        throw new EngineError(`${at}.kernel`, spec.kernel, '1 or nothing: a ReLU acts on each cell alone');
      if (s[0] !== 1 || s[1] !== 1)
        throw new EngineError(`${at}.stride`, spec.stride, '1 or nothing: a ReLU acts on each cell alone');
      if (d[0] !== 1 || d[1] !== 1)
        throw new EngineError(
          `${at}.dilation`,
          spec.dilation,
          '1 or nothing: a ReLU acts on each cell alone',
        );
      if (p.top || p.bottom || p.left || p.right) {
        throw new EngineError(`${at}.padding`, spec.padding, '0 or nothing: a ReLU acts on each cell alone');
      }
      if (spec.ceilMode)
        throw new EngineError(
          `${at}.ceilMode`,
          spec.ceilMode,
          'false or nothing: ceil mode belongs to pooling',
        );
      return {
        kind,
        kernel: [1, 1],
        stride: [1, 1],
        dilation: [1, 1],
        padBefore: [0, 0],
        padAfter: [0, 0],
        ceilMode: false,
      };
    }
    if (spec.kernel === undefined)
      throw new EngineError(`${at}.kernel`, spec.kernel, `a kernel size for a '${kind}' layer`);
    const kernel = pair(spec.kernel, `${at}.kernel`, 1);
    const stride =
      spec.stride === undefined && kind === 'pool' ? kernel : pair(spec.stride, `${at}.stride`, 1);
    const dilation = pair(spec.dilation, `${at}.dilation`, 1);
    const p = pad4(spec.padding, `${at}.padding`);
    if (kind === 'conv' && spec.ceilMode) {
      throw new EngineError(
        `${at}.ceilMode`,
        spec.ceilMode,
        'false or nothing: ceil mode belongs to pooling',
      );
    }
    return {
      kind,
      kernel,
      stride,
      dilation,
      padBefore: [p.top, p.left],
      padAfter: [p.bottom, p.right],
      ceilMode: spec.ceilMode ?? false,
    };
  });
}

function effective(l: Layer, a: 0 | 1): number {
  return l.dilation[a] * (l.kernel[a] - 1) + 1;
}

function fields(layers: Layer[]): RFInfo[] {
  const size: [number, number] = [1, 1];
  const jump: [number, number] = [1, 1];
  const start: [number, number] = [0, 0];
  return layers.map((l) => {
    for (const a of [0, 1] as const) {
      size[a] += (effective(l, a) - 1) * jump[a];
      start[a] -= l.padBefore[a] * jump[a];
      jump[a] *= l.stride[a];
    }
    return { size: [size[0], size[1]], jump: [jump[0], jump[1]], start: [start[0], start[1]] };
  });
}

function cellArg(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw new EngineError(field, v, expecting('whole', 'a whole number ≥ 0', { min: 0 }));
  return v;
}

function layerArg(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new EngineError(
      field,
      v,
      max < min ? 'nothing: there are no layers' : expecting('wholeRange', `a whole number from ${min} to ${max}`, { min, max }),
    );
  }
  return v;
}

/**
 * The receptive field of every layer's output in input coordinates (entry l for the output of layer l):
 * its size r_l, the jump j_l between neighbouring fields and the start u_l of the field of output cell 0,
 * by the recurrences of Araujo et al. (see the module comment). Throws an `EngineError` naming the layer
 * and field when a spec is invalid.
 */
export function receptiveFields(layers: RFLayerSpec[]): RFInfo[] {
  return fields(normalize(layers));
}

/**
 * The rectangle of INPUT cells that output cell (row, col) of layer `layerIndex` can see (−1 stands for
 * the input itself): rows u + row·j … u + row·j + r − 1, and likewise for columns. It may extend outside
 * the input (padding). This is the theoretical field; cells in it may still not influence the output
 * when dilation or a stride larger than the kernel leaves holes, or when an intermediate layer's floor
 * drops cells — {@link influenceRegion} accounts for the input's actual size.
 */
export function receptiveRegion(layers: RFLayerSpec[], layerIndex: number, row: number, col: number): Region {
  const norm = normalize(layers);
  layerArg(layerIndex, 'layerIndex', -1, norm.length - 1);
  const r = cellArg(row, 'row');
  const c = cellArg(col, 'col');
  if (layerIndex === -1) return { top: r, left: c, bottom: r, right: c };
  const f = fields(norm)[layerIndex]!;
  const top = f.start[0] + r * f.jump[0];
  const left = f.start[1] + c * f.jump[1];
  return { top, left, bottom: top + f.size[0] - 1, right: left + f.size[1] - 1 };
}

/**
 * The rectangle of cells in the output of layer `targetLayer` (−1 = the input) that output cell
 * (row, col) of layer `layerIndex` depends on, with `targetLayer` ≤ `layerIndex`; the same recurrences
 * applied to the layers between them. It may extend outside that layer's output (padding). Throws an
 * `EngineError` when the indices are out of range.
 */
export function regionInLayer(
  layers: RFLayerSpec[],
  layerIndex: number,
  row: number,
  col: number,
  targetLayer: number,
): Region {
  const norm = normalize(layers);
  layerArg(layerIndex, 'layerIndex', -1, norm.length - 1);
  layerArg(targetLayer, 'targetLayer', -1, layerIndex);
  return receptiveRegion(
    layers.slice(targetLayer + 1, layerIndex + 1),
    layerIndex - targetLayer - 1,
    row,
    col,
  );
}

function sizes(norm: Layer[], inputSize: Pair): [number, number][] {
  const size = pair(inputSize, 'inputSize', 1);
  const out: [number, number][] = [];
  let cur: [number, number] = [size[0], size[1]];
  norm.forEach((l, i) => {
    if (l.kind === 'relu') {
      out.push([cur[0], cur[1]]);
      return;
    }
    const next = ([0, 1] as const).map((a) =>
      l.kind === 'pool'
        ? poolAxis(cur[a], l.kernel[a], l.stride[a], l.padBefore[a], l.padAfter[a], l.dilation[a], l.ceilMode)
            .output
        : convAxis(cur[a], l.kernel[a], l.stride[a], l.padBefore[a], l.padAfter[a], l.dilation[a]).output,
    ) as [number, number];
    if (next[0] < 1 || next[1] < 1) {
      throw new EngineError(
        'inputSize',
        inputSize,
        'an input large enough for every layer',
        `layer ${i} would have a ${next[0]}×${next[1]} output`,
      );
    }
    out.push(next);
    cur = next;
  });
  return out;
}

/**
 * The output size [height, width] of every layer for an input of `inputSize` (n or [h, w]), with
 * PyTorch's floor rule (ceil rule for pools with `ceilMode`). Throws an `EngineError` when some layer
 * would have no output.
 */
export function layerOutputSizes(layers: RFLayerSpec[], inputSize: Pair): [number, number][] {
  return sizes(normalize(layers), inputSize);
}

/**
 * The input cells that output cell (row, col) of layer `layerIndex` actually reaches for an input of
 * `inputSize`, as the bounding rectangle (inside the input), or `null` when the cell sees nothing but
 * padding. Unlike {@link receptiveRegion} it walks back layer by layer, keeping only cells that exist,
 * so padding and the cells a floor drops at an intermediate layer are excluded. With dilation 1 and
 * stride ≤ kernel everywhere, every cell of the rectangle influences the output.
 */
export function influenceRegion(
  layers: RFLayerSpec[],
  inputSize: Pair,
  layerIndex: number,
  row: number,
  col: number,
): Region | null {
  const norm = normalize(layers);
  layerArg(layerIndex, 'layerIndex', -1, norm.length - 1);
  const all = [pair(inputSize, 'inputSize', 1), ...sizes(norm, inputSize)];
  const here = all[layerIndex + 1]!;
  const r = cellArg(row, 'row');
  const c = cellArg(col, 'col');
  if (r >= here[0]) throw new EngineError('row', row, expecting('wholeRange', `a whole number from 0 to ${here[0] - 1}`, { min: 0, max: here[0] - 1 }));
  if (c >= here[1]) throw new EngineError('col', col, expecting('wholeRange', `a whole number from 0 to ${here[1] - 1}`, { min: 0, max: here[1] - 1 }));
  const lo: [number, number] = [r, c];
  const hi: [number, number] = [r, c];
  for (let l = layerIndex; l >= 0; l--) {
    const layer = norm[l]!;
    const below = all[l]!;
    for (const a of [0, 1] as const) {
      lo[a] = Math.max(0, lo[a] * layer.stride[a] - layer.padBefore[a]);
      hi[a] = Math.min(below[a] - 1, hi[a] * layer.stride[a] - layer.padBefore[a] + effective(layer, a) - 1);
      if (lo[a] > hi[a]) return null;
    }
  }
  return { top: lo[0], left: lo[1], bottom: hi[0], right: hi[1] };
}

function axisFormula(norm: Layer[], a: 0 | 1): { text: string; size: number } {
  const terms: string[] = [];
  let jump = 1;
  let size = 1;
  for (const l of norm) {
    if (l.kind === 'relu') continue;
    const k = effective(l, a);
    terms.push(`(${k} − 1)·${jump}`);
    size += (k - 1) * jump;
    jump *= l.stride[a];
  }
  return { text: `r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + ${terms.join(' + ')} = ${size}`, size };
}

/**
 * The receptive-field size of the last layer as a formula with the numbers substituted, for display.
 * `simple` when every (non-ReLU) layer has stride 1, dilation 1 and the same square kernel K:
 * "1 + L·(K − 1) = 1 + 3·(3 − 1) = 7". Otherwise the general sum r = 1 + Σ (k_l − 1)·Π_{i<l} s_i with
 * each term written out (k_l is the effective kernel when there is dilation), per axis when the rows
 * and columns differ.
 */
export function receptiveFieldFormula(layers: RFLayerSpec[]): { simple: boolean; text: string } {
  const norm = normalize(layers).filter((l) => l.kind !== 'relu');
  if (norm.length === 0) return { simple: true, text: 'r = 1 (no layers: each cell sees only itself)' };
  const k = norm[0]!.kernel[0];
  const simple = norm.every(
    (l) =>
      l.kernel[0] === k &&
      l.kernel[1] === k &&
      l.stride[0] === 1 &&
      l.stride[1] === 1 &&
      l.dilation[0] === 1 &&
      l.dilation[1] === 1,
  );
  if (simple) {
    const L = norm.length;
    return { simple, text: `1 + L·(K − 1) = 1 + ${L}·(${k} − 1) = ${1 + L * (k - 1)}` };
  }
  const rows = axisFormula(norm, 0);
  const cols = axisFormula(norm, 1);
  const dilated = norm.some((l) => l.dilation[0] > 1 || l.dilation[1] > 1);
  const note = dilated ? ' (k_l is the effective kernel d·(k − 1) + 1)' : '';
  const text =
    rows.text === cols.text ? `${rows.text}${note}` : `rows: ${rows.text}; columns: ${cols.text}${note}`;
  return { simple, text };
}
