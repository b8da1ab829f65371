import { EngineError, formatValue, expecting } from './errors';
import { pad4, pair, type Pad4, type Padding, type Pair } from './params';

/**
 * Shape arithmetic for convolution, pooling and transposed convolution, following PyTorch: output
 * sizes use floor (pooling may opt into PyTorch's ceil rule), weights are `[Cout, Cin/groups, Kh, Kw]`
 * and transposed-convolution weights `[Cin, Cout/groups, Kh, Kw]`. Also: a validity check that lists
 * every problem of a configuration in plain English, parameter and multiply–accumulate counts, and
 * the 'same' and 'full' paddings.
 */

/** The geometry of one spatial axis of a sliding-window operation. */
export interface AxisGeometry {
  /** Cells of the input along this axis. */
  input: number;
  /** Taps of the kernel along this axis. */
  kernel: number;
  /** Step between two windows. */
  stride: number;
  /** Padding cells before the first input cell (top or left). */
  padBefore: number;
  /** Padding cells after the last input cell (bottom or right). */
  padAfter: number;
  /** Spacing between kernel taps (1 = adjacent). */
  dilation: number;
  /** Cells one window spans: d·(K−1)+1. */
  effectiveKernel: number;
  /** input + padBefore + padAfter. */
  padded: number;
  /** Number of windows; ≤ 0 when not even one window fits (never clamped). */
  output: number;
  /** Whether (padded − effectiveKernel) is a non-negative multiple of the stride: the windows end exactly on the last padded cell. */
  exact: boolean;
  /** Cells at the far end of the padded axis that no window reaches (the floor dropped them); all of them when no window fits. */
  unused: number;
  /** How many of the `unused` cells are real input cells rather than padding. */
  unusedInput: number;
  /** Cells by which the last window hangs past the end of the padded axis (only PyTorch's ceil mode does this); 0 otherwise. */
  overhang: number;
}

/** The output shape of a 2-D sliding-window operation with the geometry of both axes. */
export interface ConvShape {
  /** `[N, C, H′, W′]`; a CHW input counts as N = 1. */
  outShape: [number, number, number, number];
  /** Geometry along the height. */
  rows: AxisGeometry;
  /** Geometry along the width. */
  cols: AxisGeometry;
}

/** One thing wrong with a configuration, phrased for a student. */
export interface Problem {
  /** The configuration field at fault: 'input', 'inChannels', 'outChannels', 'channels', 'kernel', 'stride', 'padding', 'dilation', 'groups' or 'ceilMode'. */
  field: string;
  /** The value that was given. */
  value: unknown;
  /** A plain English sentence saying what is wrong and how to fix it. */
  message: string;
  /** The valid range of this field given the other fields, e.g. "kernel ≤ 5 for this input and padding". */
  valid: string;
  /**
   * What is wrong, stable across wording changes, so a view can say it in another language; the
   * numbers of the sentence are in `params` (already formatted, e.g. `"5×4"`). Codes and parameters:
   * `notConfig` · `input` {height, width} · `count` {value} · `pairShape` {value} · `pairRange` {value, min} ·
   * `paddingShape` {value} · `paddingNegative` {value} · `paddingWhole` {value} · `sameStride` {stride} ·
   * `groupsWhole` {value} · `groupsDivide` {groups, cin, cout, options} · `ceilMode` {value} ·
   * `poolPadding` {pad, window, max} · `window` {kernel, span, padded, limit, axis: 'both' | 'rows' | 'cols'}.
   */
  code?: ProblemCode;
  /** The numbers and names of the sentence, formatted (see `code`). */
  params?: Readonly<Record<string, string>>;
}

/** The kinds of {@link Problem}. */
export type ProblemCode =
  | 'notConfig'
  | 'input'
  | 'count'
  | 'pairShape'
  | 'pairRange'
  | 'paddingShape'
  | 'paddingNegative'
  | 'paddingWhole'
  | 'sameStride'
  | 'groupsWhole'
  | 'groupsDivide'
  | 'ceilMode'
  | 'poolPadding'
  | 'window';

/** Padding for a convolution: a {@link Padding} or PyTorch's `'valid'` (none) and `'same'` (stride 1 only). */
export type ConvPadding = Padding | 'same' | 'valid';

/** Options of a 2-D convolution. */
export interface Conv2dOptions {
  stride?: Pair;
  padding?: ConvPadding;
  dilation?: Pair;
  groups?: number;
}

/** Options of a 2-D pooling. `stride` defaults to the kernel, as in PyTorch. */
export interface Pool2dOptions {
  kernel: Pair;
  stride?: Pair;
  padding?: Padding;
  dilation?: Pair;
  ceilMode?: boolean;
}

/** Options of a 2-D transposed convolution. */
export interface ConvTranspose2dOptions {
  stride?: Pair;
  padding?: Padding;
  outputPadding?: Pair;
  dilation?: Pair;
  groups?: number;
}

/** A convolution configuration as a student sets it up. */
export interface Conv2dConfig {
  inChannels: number;
  height: number;
  width: number;
  outChannels: number;
  kernel: Pair;
  stride?: Pair;
  padding?: ConvPadding;
  dilation?: Pair;
  groups?: number;
}

/** A pooling configuration as a student sets it up. `stride` defaults to the kernel. */
export interface Pool2dConfig {
  channels: number;
  height: number;
  width: number;
  kernel: Pair;
  stride?: Pair;
  padding?: Padding;
  dilation?: Pair;
  ceilMode?: boolean;
}

// ───────────────────────────── argument checks ─────────────────────────────

function isWhole(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
}

function whole(v: unknown, field: string, min: number): number {
  if (!isWhole(v, min)) throw new EngineError(field, v, expecting('whole', `a whole number ≥ ${min}`, { min }));
  return v;
}

function bool(v: unknown, field: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new EngineError(field, v, expecting('boolean', 'true or false'));
  return v;
}

function shapeOf(v: unknown, field: string, ranks: number[]): number[] {
  if (!Array.isArray(v) || !ranks.includes(v.length)) {
    throw new EngineError(
      field,
      v,
      expecting('rank', ranks.length === 1 ? `a shape of rank ${ranks[0]}` : `a shape of rank ${ranks.join(' or ')}`, { ranks: ranks.join('/') }),
    );
  }
  v.forEach((d, i) => whole(d, `${field}[${i}]`, 1));
  return v as number[];
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

// ───────────────────────────── one axis ─────────────────────────────

function geometry(
  input: number,
  kernel: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
  output: number,
): AxisGeometry {
  const effectiveKernel = dilation * (kernel - 1) + 1;
  const padded = input + padBefore + padAfter;
  const span = padded - effectiveKernel;
  // `reach`: padded cells from the first one up to the end of the last window.
  const reach = output >= 1 ? (output - 1) * stride + effectiveKernel : 0;
  const unused = Math.max(0, padded - reach);
  const firstUnused = padded - unused;
  const unusedInput = Math.max(0, Math.min(padBefore + input, padded) - Math.max(padBefore, firstUnused));
  return {
    input,
    kernel,
    stride,
    padBefore,
    padAfter,
    dilation,
    effectiveKernel,
    padded,
    output,
    exact: span >= 0 && span % stride === 0,
    unused,
    unusedInput,
    overhang: Math.max(0, reach - padded),
  };
}

function checkAxisArgs(
  input: number,
  kernel: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
) {
  whole(input, 'input', 1);
  whole(kernel, 'kernel', 1);
  whole(stride, 'stride', 1);
  whole(padBefore, 'padBefore', 0);
  whole(padAfter, 'padAfter', 0);
  whole(dilation, 'dilation', 1);
}

/**
 * The geometry of one axis of a convolution: PyTorch's output size floor((padded − d·(K−1) − 1)/s) + 1,
 * whether the windows fit exactly, and how many trailing cells (padding or real input) the floor
 * leaves untouched. The output is NOT clamped: it is ≤ 0 when the dilated kernel is longer than the
 * padded input. Throws an `EngineError` when an argument is not a whole number in its range.
 */
export function convAxis(
  input: number,
  kernel: number,
  stride = 1,
  padBefore = 0,
  padAfter: number = padBefore,
  dilation = 1,
): AxisGeometry {
  checkAxisArgs(input, kernel, stride, padBefore, padAfter, dilation);
  const span = input + padBefore + padAfter - (dilation * (kernel - 1) + 1);
  return geometry(input, kernel, stride, padBefore, padAfter, dilation, floorDiv(span, stride) + 1);
}

/**
 * The geometry of one axis of a pooling, with PyTorch's rule: floor mode as for a convolution; in
 * ceil mode the count is ceil((padded − d·(K−1) − 1)/s) + 1, less one if that last window would
 * start at or beyond input + padBefore (inside the trailing padding). A ceil-mode window may hang past
 * the padded axis (`overhang`). Stride defaults to the kernel. This is arithmetic only: PyTorch's
 * padding ≤ kernel/2 rule is enforced by {@link pool2dShape} and reported by {@link checkPool2d}.
 */
export function poolAxis(
  input: number,
  kernel: number,
  stride: number = kernel,
  padBefore = 0,
  padAfter: number = padBefore,
  dilation = 1,
  ceilMode = false,
): AxisGeometry {
  checkAxisArgs(input, kernel, stride, padBefore, padAfter, dilation);
  const ceil = bool(ceilMode, 'ceilMode', false);
  const span = input + padBefore + padAfter - (dilation * (kernel - 1) + 1);
  let output = floorDiv(span + (ceil ? stride - 1 : 0), stride) + 1;
  if (ceil && (output - 1) * stride >= input + padBefore) output -= 1;
  return geometry(input, kernel, stride, padBefore, padAfter, dilation, output);
}

/**
 * The output length of one axis of a transposed convolution (PyTorch):
 * (in − 1)·s − padBefore − padAfter + d·(k − 1) + outputPadding + 1, with padAfter = padding unless
 * given. The output padding must be smaller than the stride or the dilation. The result is not
 * clamped (it can be ≤ 0 when the padding crops everything); {@link convTranspose2dShape} rejects that.
 */
export function convTransposeAxis(
  input: number,
  kernel: number,
  stride = 1,
  padding = 0,
  outputPadding = 0,
  dilation = 1,
  padAfter: number = padding,
): number {
  checkAxisArgs(input, kernel, stride, padding, padAfter, dilation);
  whole(outputPadding, 'outputPadding', 0);
  if (outputPadding >= Math.max(stride, dilation)) {
    throw new EngineError(
      'outputPadding',
      outputPadding,
      `a whole number smaller than the stride (${stride}) or the dilation (${dilation})`,
    );
  }
  return (input - 1) * stride - padding - padAfter + dilation * (kernel - 1) + outputPadding + 1;
}

// ───────────────────────────── padding helpers ─────────────────────────────

/**
 * PyTorch's `padding='same'` for one axis at stride 1: the total d·(k − 1) split as
 * [floor(total/2), the rest], so an even kernel puts the extra cell after (bottom or right).
 */
export function samePadding(kernel: number, dilation = 1): [number, number] {
  whole(kernel, 'kernel', 1);
  whole(dilation, 'dilation', 1);
  const total = dilation * (kernel - 1);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * 'Full' padding for one axis: d·(k − 1) on each side, so every window overlapping the input by at
 * least one cell is computed (output = input + d·(k − 1) at stride 1).
 */
export function fullPadding(kernel: number, dilation = 1): number {
  whole(kernel, 'kernel', 1);
  whole(dilation, 'dilation', 1);
  return dilation * (kernel - 1);
}

/**
 * The largest kernel size K for which a convolution axis still has an output (d·(K − 1) + 1 ≤ padded
 * input), i.e. floor((input + padBefore + padAfter − 1)/d) + 1. Always ≥ 1.
 */
export function maxKernelFor(input: number, padBefore: number, padAfter: number, dilation: number): number {
  whole(input, 'input', 1);
  whole(padBefore, 'padBefore', 0);
  whole(padAfter, 'padAfter', 0);
  whole(dilation, 'dilation', 1);
  return floorDiv(input + padBefore + padAfter - 1, dilation) + 1;
}

/** Resolves a convolution padding (including 'same' and 'valid') to its four sides. */
function convPad4(
  padding: ConvPadding | undefined,
  kernel: [number, number],
  dilation: [number, number],
  stride: [number, number],
): Pad4 {
  if (padding === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (padding === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new EngineError(
        'padding',
        padding,
        "a number or array: 'same' padding needs stride 1",
        `stride is ${formatValue(stride)}`,
      );
    }
    const [top, bottom] = samePadding(kernel[0], dilation[0]);
    const [left, right] = samePadding(kernel[1], dilation[1]);
    return { top, bottom, left, right };
  }
  return pad4(padding, 'padding');
}

// ───────────────────────────── 2-D shapes ─────────────────────────────

function splitInput(inputShape: number[]): [number, number, number, number] {
  const s = shapeOf(inputShape, 'inputShape', [3, 4]);
  return (s.length === 3 ? [1, s[0], s[1], s[2]] : [s[0], s[1], s[2], s[3]]) as [
    number,
    number,
    number,
    number,
  ];
}

function tooSmall(
  field: string,
  value: unknown,
  rows: AxisGeometry,
  cols: AxisGeometry,
  maxH: number,
  maxW: number,
  context: string,
): EngineError {
  return new EngineError(
    field,
    value,
    expecting('windowFits', `a kernel of at most ${maxH}×${maxW} ${context}`, {
      extent: `${rows.effectiveKernel}×${cols.effectiveKernel}`,
      padded: `${rows.padded}×${cols.padded}`,
    }),
    `the window spans ${rows.effectiveKernel}×${cols.effectiveKernel} but the padded input is ${rows.padded}×${cols.padded}`,
  );
}

/**
 * The output shape of a 2-D convolution (PyTorch `conv2d`) for an input `[N, C, H, W]` (or `[C, H, W]`,
 * taken as N = 1) and a weight `[Cout, Cin/groups, Kh, Kw]`, with the geometry of both axes. Throws an
 * `EngineError` when the shapes disagree (channels, groups), an option is out of range, or the dilated
 * kernel is larger than the padded input.
 */
export function conv2dShape(
  inputShape: number[],
  weightShape: number[],
  opts: Conv2dOptions = {},
): ConvShape {
  if (!opts || typeof opts !== 'object')
    throw new EngineError('opts', opts, 'an object { stride?, padding?, dilation?, groups? }');
  const [n, c, h, w] = splitInput(inputShape);
  const ws = shapeOf(weightShape, 'weightShape', [4]);
  const [cout, cinPerGroup, kh, kw] = ws as [number, number, number, number];
  const stride = pair(opts.stride, 'stride', 1);
  const dilation = pair(opts.dilation, 'dilation', 1);
  const groups = whole(opts.groups ?? 1, 'groups', 1);
  if (c % groups !== 0) throw new EngineError('groups', groups, expecting('divisor', `a divisor of the ${c} input channels`, { count: c, of: 'input' }));
  if (cout % groups !== 0)
    throw new EngineError('groups', groups, expecting('divisor', `a divisor of the ${cout} output channels (weightShape[0])`, { count: cout, of: 'output' }));
  if (cinPerGroup !== c / groups) {
    throw new EngineError(
      'weightShape[1]',
      cinPerGroup,
      expecting('channelsPerGroup', `${c / groups} (input channels ${c} / groups ${groups})`, { expected: c / groups, cin: c, groups }),
    );
  }
  const p = convPad4(opts.padding, [kh, kw], dilation, stride);
  const rows = convAxis(h, kh, stride[0], p.top, p.bottom, dilation[0]);
  const cols = convAxis(w, kw, stride[1], p.left, p.right, dilation[1]);
  if (rows.output < 1 || cols.output < 1) {
    throw tooSmall(
      'weightShape',
      ws,
      rows,
      cols,
      maxKernelFor(h, p.top, p.bottom, dilation[0]),
      maxKernelFor(w, p.left, p.right, dilation[1]),
      'for this input, padding and dilation',
    );
  }
  return { outShape: [n, cout, rows.output, cols.output], rows, cols };
}

/**
 * The output shape of a 2-D max or average pooling (PyTorch) for an input `[N, C, H, W]` or `[C, H, W]`.
 * Stride defaults to the kernel; `ceilMode` follows PyTorch's ceil rule (see {@link poolAxis}). Throws an
 * `EngineError` when an option is out of range, when the padding exceeds half the kernel (PyTorch's
 * rule: padding ≤ floor(kernel/2)), or when no window fits.
 */
export function pool2dShape(inputShape: number[], opts: Pool2dOptions): ConvShape {
  const [n, c, h, w] = splitInput(inputShape);
  if (!opts || typeof opts !== 'object')
    throw new EngineError('opts', opts, 'an object { kernel, stride?, padding?, dilation?, ceilMode? }');
  const kernel = pair(opts.kernel, 'kernel', NaN);
  const strideHW = opts.stride === undefined ? kernel : pair(opts.stride, 'stride', 1);
  const dilation = pair(opts.dilation, 'dilation', 1);
  const ceil = bool(opts.ceilMode, 'ceilMode', false);
  const p = pad4(opts.padding, 'padding');
  const limitH = Math.floor(kernel[0] / 2);
  const limitW = Math.floor(kernel[1] / 2);
  if (Math.max(p.top, p.bottom) > limitH || Math.max(p.left, p.right) > limitW) {
    throw new EngineError(
      'padding',
      opts.padding,
      expecting(
        'poolPadding',
        `at most half the kernel: ≤ ${limitH} rows and ≤ ${limitW} columns for a ${kernel[0]}×${kernel[1]} kernel`,
        { maxH: limitH, maxW: limitW },
      ),
    );
  }
  const rows = poolAxis(h, kernel[0], strideHW[0], p.top, p.bottom, dilation[0], ceil);
  const cols = poolAxis(w, kernel[1], strideHW[1], p.left, p.right, dilation[1], ceil);
  if (rows.output < 1 || cols.output < 1) {
    throw tooSmall(
      'kernel',
      opts.kernel,
      rows,
      cols,
      largestPoolKernel(rows, opts.stride === undefined, ceil),
      largestPoolKernel(cols, opts.stride === undefined, ceil),
      'for this input, padding, stride and dilation',
    );
  }
  return { outShape: [n, c, rows.output, cols.output], rows, cols };
}

/**
 * The output shape `[N, Cout, H′, W′]` of a 2-D transposed convolution (PyTorch `conv_transpose2d`) for
 * an input `[N, Cin, H, W]` (or `[Cin, H, W]`) and a weight `[Cin, Cout/groups, Kh, Kw]`; each axis is
 * (in − 1)·s − padBefore − padAfter + d·(k − 1) + outputPadding + 1. Throws an `EngineError` when shapes
 * disagree, an option is out of range, or the padding crops the output to nothing.
 */
export function convTranspose2dShape(
  inputShape: number[],
  weightShape: number[],
  opts: ConvTranspose2dOptions = {},
): [number, number, number, number] {
  if (!opts || typeof opts !== 'object') {
    throw new EngineError(
      'opts',
      opts,
      'an object { stride?, padding?, outputPadding?, dilation?, groups? }',
    );
  }
  const [n, c, h, w] = splitInput(inputShape);
  const ws = shapeOf(weightShape, 'weightShape', [4]);
  const [cin, coutPerGroup, kh, kw] = ws as [number, number, number, number];
  if (cin !== c) throw new EngineError('weightShape[0]', cin, `${c}, the input channels`);
  const groups = whole(opts.groups ?? 1, 'groups', 1);
  if (c % groups !== 0) throw new EngineError('groups', groups, expecting('divisor', `a divisor of the ${c} input channels`, { count: c, of: 'input' }));
  const stride = pair(opts.stride, 'stride', 1);
  const dilation = pair(opts.dilation, 'dilation', 1);
  const outPad = pair(opts.outputPadding, 'outputPadding', 0, 0);
  const p = pad4(opts.padding, 'padding');
  const oh = convTransposeAxis(h, kh, stride[0], p.top, outPad[0], dilation[0], p.bottom);
  const ow = convTransposeAxis(w, kw, stride[1], p.left, outPad[1], dilation[1], p.right);
  if (oh < 1 || ow < 1) {
    throw new EngineError(
      'padding',
      opts.padding,
      'less padding: it crops the whole output',
      `the output would be ${oh}×${ow}`,
    );
  }
  return [n, coutPerGroup * groups, oh, ow];
}

/** The largest pooling kernel with at least one window on this axis (stride = kernel when `strideFollowsKernel`). */
function largestPoolKernel(g: AxisGeometry, strideFollowsKernel: boolean, ceil: boolean): number {
  for (let k = g.kernel - 1; k >= 1; k--) {
    const s = strideFollowsKernel ? k : g.stride;
    if (poolAxis(g.input, k, s, g.padBefore, g.padAfter, g.dilation, ceil).output >= 1) return k;
  }
  return 1;
}

// ───────────────────────────── counts ─────────────────────────────

function checkGroups(inChannels: number, outChannels: number, groups: number): void {
  if (inChannels % groups !== 0 || outChannels % groups !== 0) {
    throw new EngineError(
      'groups',
      groups,
      `a divisor of both ${inChannels} input and ${outChannels} output channels`,
    );
  }
}

/**
 * The number of learnable parameters of a 2-D convolution: Cout·(Cin/groups)·Kh·Kw weights plus Cout
 * biases when `bias`. Throws an `EngineError` when a count is not a whole number ≥ 1 or groups does not
 * divide both channel counts.
 */
export function conv2dParams(
  inChannels: number,
  outChannels: number,
  kernel: Pair,
  groups = 1,
  bias = true,
): number {
  whole(inChannels, 'inChannels', 1);
  whole(outChannels, 'outChannels', 1);
  const [kh, kw] = pair(kernel, 'kernel', NaN);
  whole(groups, 'groups', 1);
  checkGroups(inChannels, outChannels, groups);
  const b = bool(bias, 'bias', true);
  return outChannels * (inChannels / groups) * kh * kw + (b ? outChannels : 0);
}

/**
 * Multiply–accumulate operations of a 2-D convolution for one sample: Cout·(Cin/groups)·Kh·Kw per output
 * position, times H′·W′ positions (the bias additions are not counted). Throws an `EngineError` on
 * invalid counts.
 */
export function conv2dMacs(
  inChannels: number,
  outChannels: number,
  kernel: Pair,
  outH: number,
  outW: number,
  groups = 1,
): number {
  whole(inChannels, 'inChannels', 1);
  whole(outChannels, 'outChannels', 1);
  const [kh, kw] = pair(kernel, 'kernel', NaN);
  whole(outH, 'outH', 1);
  whole(outW, 'outW', 1);
  whole(groups, 'groups', 1);
  checkGroups(inChannels, outChannels, groups);
  return outChannels * (inChannels / groups) * kh * kw * outH * outW;
}

/** The number of learnable parameters of a fully connected layer: in·out weights plus `out` biases when `bias`. */
export function linearParams(inFeatures: number, outFeatures: number, bias = true): number {
  whole(inFeatures, 'inFeatures', 1);
  whole(outFeatures, 'outFeatures', 1);
  const b = bool(bias, 'bias', true);
  return inFeatures * outFeatures + (b ? outFeatures : 0);
}

// ───────────────────────────── validity with explanations ─────────────────────────────

function dims(v: [number, number]): string {
  return `${v[0]}×${v[1]}`;
}

/** "5" when both axes agree, else "5×4". */
function either(h: number, w: number): string {
  return h === w ? `${h}` : `${h}×${w}`;
}

function shown(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) return `${v[0]}×${v[1]}`;
  return formatValue(v);
}

/** Reads a pair for a check: `[h, w]`, or a problem sentence when it is malformed. */
function readPair(v: Pair | undefined, fallback: number, min: number): [number, number] | 'shape' | 'range' {
  const x = v === undefined ? fallback : v;
  const hw = typeof x === 'number' ? [x, x] : Array.isArray(x) ? [...(x as number[])] : null;
  if (!hw || hw.length !== 2) return 'shape';
  return hw.every((e) => isWhole(e, min)) ? [hw[0]!, hw[1]!] : 'range';
}

function pairProblem(
  problems: Problem[],
  field: string,
  v: Pair | undefined,
  fallback: number,
  min: number,
  what: string,
  hint: string,
): [number, number] | null {
  const r = readPair(v, fallback, min);
  if (Array.isArray(r)) return r;
  problems.push({
    field,
    value: v,
    message:
      r === 'shape'
        ? `The ${what} must be one number or a pair [height, width]; ${formatValue(v)} is neither.`
        : `The ${what} must be a whole number of at least ${min}${hint}; ${shown(v)} is not.`,
    valid: `${field} ≥ ${min} (whole number${min === 0 ? 's' : ''})`,
    ...(r === 'shape'
      ? { code: 'pairShape' as const, params: { value: formatValue(v) } }
      : { code: 'pairRange' as const, params: { value: shown(v), min: String(min) } }),
  });
  return null;
}

function countProblem(problems: Problem[], field: string, v: unknown, what: string): number | null {
  if (isWhole(v, 1)) return v;
  problems.push({
    field,
    value: v,
    message: `The number of ${what} must be a whole number of at least 1; ${shown(v)} is not.`,
    valid: `${field} ≥ 1 (whole number)`,
    code: 'count',
    params: { value: shown(v) },
  });
  return null;
}

function inputProblem(problems: Problem[], height: unknown, width: unknown): [number, number] | null {
  if (isWhole(height, 1) && isWhole(width, 1)) return [height, width];
  problems.push({
    field: 'input',
    value: [height, width],
    message: `The input must be at least 1×1, with whole numbers for its height and width; ${shown(height)}×${shown(width)} is not possible.`,
    valid: 'height ≥ 1 and width ≥ 1 (whole numbers)',
    code: 'input',
    params: { height: shown(height), width: shown(width) },
  });
  return null;
}

function paddingProblem(problems: Problem[], v: Padding | undefined): Pad4 | null {
  try {
    return pad4(v, 'padding');
  } catch {
    const flat = typeof v === 'number' ? [v] : Array.isArray(v) ? (v as unknown[]) : [];
    const badShape = !(typeof v === 'number' || (Array.isArray(v) && (v.length === 2 || v.length === 4)));
    const negative = flat.some((x) => typeof x === 'number' && x < 0);
    const message = badShape
      ? `Padding must be one number, [height, width] or [top, bottom, left, right]; ${formatValue(v)} is none of these.`
      : negative
        ? `Padding cannot be negative: it adds cells around the input, so ${shown(v)} is not possible.`
        : `Padding must be a whole number of cells; ${shown(v)} is not.`;
    const code = badShape ? 'paddingShape' : negative ? 'paddingNegative' : 'paddingWhole';
    const params = { value: badShape ? formatValue(v) : shown(v) };
    problems.push({ field: 'padding', value: v, message, valid: 'padding ≥ 0 (whole numbers)', code, params });
    return null;
  }
}

/** "pad by at least …" advice for axes whose window is longer than the padded input. */
function padAdvice(axes: { g: AxisGeometry; name: string }[]): string {
  const parts = axes.map(({ g, name }) => {
    if (g.padBefore === g.padAfter) {
      const need = Math.ceil((g.effectiveKernel - g.input) / 2);
      return { name, text: `${need}`, symmetric: true };
    }
    return { name, text: `${g.effectiveKernel - g.padded} more`, symmetric: false };
  });
  if (parts.length === 2 && parts[0]!.text === parts[1]!.text && parts[0]!.symmetric && parts[1]!.symmetric) {
    return `pad by at least ${parts[0]!.text}`;
  }
  return parts
    .map((p) =>
      p.symmetric
        ? `pad the ${p.name} by at least ${p.text} on each side`
        : `add at least ${p.text} cells of padding to the ${p.name}`,
    )
    .join(' and ');
}

/** The problem for a window longer than the padded input, or null when both axes fit. */
function windowProblem(
  field: string,
  value: unknown,
  rows: AxisGeometry,
  cols: AxisGeometry,
  maxH: number,
  maxW: number,
  noun: string,
  suggestPadding: boolean,
): Problem | null {
  const badR = rows.output < 1;
  const badC = cols.output < 1;
  if (!badR && !badC) return null;
  const dilated = rows.dilation > 1 || cols.dilation > 1;
  const kernelText = `${rows.kernel}×${cols.kernel}`;
  const spanText = dilated
    ? `The ${kernelText} ${noun} with dilation ${either(rows.dilation, cols.dilation)} spans ${rows.effectiveKernel}×${cols.effectiveKernel}, which is`
    : `The ${kernelText} ${noun} is`;
  const comparison = badR && badC ? 'larger than' : badR ? 'taller than' : 'wider than';
  const padded = `the padded ${rows.padded}×${cols.padded} input`;
  const limit = badR && badC ? either(maxH, maxW) : badR ? `${maxH} rows tall` : `${maxW} columns wide`;
  const axes = [
    ...(badR ? [{ g: rows, name: 'rows' }] : []),
    ...(badC ? [{ g: cols, name: 'columns' }] : []),
  ];
  const fixes = [badR && badC ? `use a ${noun} of at most ${limit}` : `use a ${noun} at most ${limit}`];
  if (dilated) fixes.push('use less dilation');
  if (suggestPadding) fixes.push(padAdvice(axes));
  const advice =
    fixes.length > 1 ? `${fixes.slice(0, -1).join(', ')} or ${fixes[fixes.length - 1]}` : fixes[0];
  const given = suggestPadding ? ['input', 'padding'] : ['input', 'padding', 'stride'];
  if (dilated) given.push('dilation');
  const context = `for this ${given.slice(0, -1).join(', ')} and ${given[given.length - 1]}`;
  const valid =
    badR && badC
      ? `${field} ≤ ${either(maxH, maxW)} ${context}`
      : badR
        ? `${field} height ≤ ${maxH} ${context}`
        : `${field} width ≤ ${maxW} ${context}`;
  const params = {
    kernel: kernelText,
    span: `${rows.effectiveKernel}×${cols.effectiveKernel}`,
    padded: `${rows.padded}×${cols.padded}`,
    limit: badR && badC ? either(maxH, maxW) : badR ? `${maxH}` : `${maxW}`,
    axis: badR && badC ? 'both' : badR ? 'rows' : 'cols',
  };
  return { field, value, message: `${spanText} ${comparison} ${padded}; ${advice}.`, valid, code: 'window', params };
}

function notAConfig(cfg: unknown, needs: string): Problem {
  return {
    field: 'input',
    value: cfg,
    message: `There is no configuration to check: it needs ${needs}.`,
    valid: `an object with ${needs}`,
    code: 'notConfig',
  };
}

/** "1", "1 or 2", "1, 2 or 4". */
function listOr(xs: number[]): string {
  return xs.length === 1 ? `${xs[0]}` : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

/**
 * Checks a 2-D convolution configuration and returns EVERY problem found (at most one per field),
 * never throwing: each field on its own (whole numbers, ranges), then the combinations — groups must
 * divide both channel counts, the dilated kernel must fit in the padded input, 'same' padding needs
 * stride 1. Each problem has a plain-English message and the valid range given the other fields. An
 * empty list means `conv2dShape` will accept the configuration.
 */
export function checkConv2d(cfg: Conv2dConfig): Problem[] {
  if (!cfg || typeof cfg !== 'object')
    return [notAConfig(cfg, 'inChannels, height, width, outChannels and kernel')];
  const problems: Problem[] = [];
  const input = inputProblem(problems, cfg.height, cfg.width);
  const cin = countProblem(problems, 'inChannels', cfg.inChannels, 'input channels');
  const cout = countProblem(problems, 'outChannels', cfg.outChannels, 'output channels (filters)');
  const kernel = pairProblem(problems, 'kernel', cfg.kernel, NaN, 1, 'kernel size', '');
  const stride = pairProblem(
    problems,
    'stride',
    cfg.stride,
    1,
    1,
    'stride',
    ' (0 would never move the kernel)',
  );
  const dilation = pairProblem(
    problems,
    'dilation',
    cfg.dilation,
    1,
    1,
    'dilation',
    ' (1 means no gaps between taps)',
  );
  let pad: Pad4 | null = null;
  if (cfg.padding === 'valid') pad = { top: 0, bottom: 0, left: 0, right: 0 };
  else if (cfg.padding === 'same') {
    if (stride && (stride[0] !== 1 || stride[1] !== 1)) {
      problems.push({
        field: 'padding',
        value: cfg.padding,
        message: `'same' padding keeps the output the size of the input, which only works with stride 1; with stride ${shown(cfg.stride)} give the padding as a number.`,
        valid: "padding ≥ 0 (whole numbers), or 'same' with stride 1",
        code: 'sameStride',
        params: { stride: shown(cfg.stride) },
      });
    } else if (kernel && dilation) {
      const [top, bottom] = samePadding(kernel[0], dilation[0]);
      const [left, right] = samePadding(kernel[1], dilation[1]);
      pad = { top, bottom, left, right };
    }
  } else pad = paddingProblem(problems, cfg.padding as Padding | undefined);

  const groupsValue = cfg.groups ?? 1;
  if (!isWhole(groupsValue, 1)) {
    problems.push({
      field: 'groups',
      value: cfg.groups,
      message: `The number of groups must be a whole number of at least 1 (1 is an ordinary convolution); ${shown(cfg.groups)} is not.`,
      valid: 'groups ≥ 1 (whole number)',
      code: 'groupsWhole',
      params: { value: shown(cfg.groups) },
    });
  } else if (cin !== null && cout !== null && (cin % groupsValue !== 0 || cout % groupsValue !== 0)) {
    const common = divisors(cin).filter((d) => cout % d === 0);
    const what =
      cin % groupsValue !== 0 && cout % groupsValue !== 0
        ? `divides neither the ${cin} input channels nor the ${cout} output channels`
        : cin % groupsValue !== 0
          ? `does not divide the ${cin} input channels`
          : `does not divide the ${cout} output channels`;
    problems.push({
      field: 'groups',
      value: cfg.groups,
      message: `groups = ${groupsValue} ${what}; every group needs the same whole number of input and output channels, so use ${listOr(common)}.`,
      valid: `groups ∈ {${common.join(', ')}} (divides both ${cin} and ${cout})`,
      code: 'groupsDivide',
      params: { groups: String(groupsValue), cin: String(cin), cout: String(cout), options: common.join(', ') },
    });
  }

  if (input && kernel && stride && dilation && pad) {
    const rows = convAxis(input[0], kernel[0], stride[0], pad.top, pad.bottom, dilation[0]);
    const cols = convAxis(input[1], kernel[1], stride[1], pad.left, pad.right, dilation[1]);
    const p = windowProblem(
      'kernel',
      cfg.kernel,
      rows,
      cols,
      maxKernelFor(input[0], pad.top, pad.bottom, dilation[0]),
      maxKernelFor(input[1], pad.left, pad.right, dilation[1]),
      'kernel',
      cfg.padding !== 'same',
    );
    if (p) problems.push(p);
  }
  return problems;
}

/**
 * Checks a 2-D pooling configuration and returns EVERY problem found (at most one per field), never
 * throwing: each field on its own, then PyTorch's rules — padding at most half the kernel
 * (floor(k/2)) on each side, and at least one window (with PyTorch's ceil rule when `ceilMode`).
 * Stride defaults to the kernel. An empty list means `pool2dShape` will accept the configuration.
 */
export function checkPool2d(cfg: Pool2dConfig): Problem[] {
  if (!cfg || typeof cfg !== 'object') return [notAConfig(cfg, 'channels, height, width and kernel')];
  const problems: Problem[] = [];
  const input = inputProblem(problems, cfg.height, cfg.width);
  countProblem(problems, 'channels', cfg.channels, 'channels');
  const kernel = pairProblem(problems, 'kernel', cfg.kernel, NaN, 1, 'pooling window size', '');
  const stride =
    cfg.stride === undefined
      ? kernel
      : pairProblem(problems, 'stride', cfg.stride, 1, 1, 'stride', ' (0 would never move the window)');
  const dilation = pairProblem(
    problems,
    'dilation',
    cfg.dilation,
    1,
    1,
    'dilation',
    ' (1 means no gaps between taps)',
  );
  let pad = paddingProblem(problems, cfg.padding);
  let ceil = false;
  if (cfg.ceilMode !== undefined && typeof cfg.ceilMode !== 'boolean') {
    problems.push({
      field: 'ceilMode',
      value: cfg.ceilMode,
      message: `Ceil mode is either on (true) or off (false); ${shown(cfg.ceilMode)} is neither.`,
      valid: 'true or false',
      code: 'ceilMode',
      params: { value: shown(cfg.ceilMode) },
    });
  } else ceil = cfg.ceilMode ?? false;

  if (kernel && pad) {
    const limit: [number, number] = [Math.floor(kernel[0] / 2), Math.floor(kernel[1] / 2)];
    const worst: [number, number] = [Math.max(pad.top, pad.bottom), Math.max(pad.left, pad.right)];
    if (worst[0] > limit[0] || worst[1] > limit[1]) {
      const limitText = either(limit[0], limit[1]);
      const square = kernel[0] === kernel[1];
      problems.push({
        field: 'padding',
        value: cfg.padding,
        message: `Padding ${either(worst[0], worst[1])} is more than half of the ${dims(kernel)} pooling window, so a window could see only padding; PyTorch allows at most ${limitText}${square ? '' : ' (rows×columns)'}.`,
        valid: `padding ≤ ${limitText} for a ${dims(kernel)} window`,
        code: 'poolPadding',
        params: { pad: either(worst[0], worst[1]), window: dims(kernel), max: limitText },
      });
      pad = null;
    }
  }

  if (input && kernel && stride && dilation && pad) {
    const rows = poolAxis(input[0], kernel[0], stride[0], pad.top, pad.bottom, dilation[0], ceil);
    const cols = poolAxis(input[1], kernel[1], stride[1], pad.left, pad.right, dilation[1], ceil);
    const p = windowProblem(
      'kernel',
      cfg.kernel,
      rows,
      cols,
      largestPoolKernel(rows, cfg.stride === undefined, ceil),
      largestPoolKernel(cols, cfg.stride === undefined, ceil),
      'pooling window',
      false,
    );
    if (p) problems.push(p);
  }
  return problems;
}
