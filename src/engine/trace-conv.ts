import { EngineError, expecting } from './errors';
import { pad4, pair, type Pad4, type Pair, type Padding } from './params';
import { dims4, vecArg, type Tensor, type Vec } from './tensor';
import { finiteAt, indexArg, optionsArg, shape4, type TraceWindow } from './trace-common';

export type { TraceWindow };

/*
 * Step-by-step traces of a 2-D convolution. A "step" is the computation of one output cell. Every
 * function here reaches its step directly from the step's index, in time proportional to the window
 * (C/groups · Kh · Kw taps): nothing replays the steps before it, and nothing scans the whole tensor.
 * The small argument helpers it shares with the pooling and normalization traces are in trace-common.ts.
 */

/** Options of a traced convolution, as for `conv2d`: stride, padding, dilation and groups. */
export interface ConvTraceOptions {
  stride?: Pair;
  padding?: Padding;
  dilation?: Pair;
  groups?: number;
}

/** One multiplication of a convolution step: an input value (or padding) times a kernel weight. */
export interface ConvTap {
  /** Input channel read (absolute index in the input, not within the group). */
  c: number;
  /** Channel index inside the filter, i.e. `c − group · C/groups` (the weight's second axis). */
  wc: number;
  kh: number;
  kw: number;
  /** Input coordinates; outside `[0, H) × [0, W)` when the tap reads padding. */
  ih: number;
  iw: number;
  /** Padded coordinates: `ph = ih + padding.top`, `pw = iw + padding.left`. */
  ph: number;
  pw: number;
  /** True when the tap reads padding; then `x` is 0. */
  padded: boolean;
  x: number;
  w: number;
  product: number;
}

/** The computation of one convolution output cell, tap by tap. */
export interface ConvStep {
  index: number;
  total: number;
  n: number;
  oc: number;
  oh: number;
  ow: number;
  /** The dilated extent of the kernel over the padded input. */
  window: TraceWindow;
  /** The group of filter `oc`, and the input channels it reads. */
  group: number;
  channels: number[];
  /** Ordered by channel, then kh, then kw. */
  taps: ConvTap[];
  /** Per channel of `channels`, the sum of that channel's products. */
  channelSums: number[];
  bias: number;
  /** Σ channelSums + bias, accumulated in float64. */
  result: number;
}

/** An output cell fed by a given input cell, and the kernel position that multiplies it there. */
export interface ConvFeed {
  oc: number;
  oh: number;
  ow: number;
  kh: number;
  kw: number;
  /** The step index of that output cell for sample 0. */
  index: number;
}

/** An input cell multiplied by a given weight, for one output cell of the weight's filter. */
export interface ConvWeightUse {
  oh: number;
  ow: number;
  ih: number;
  iw: number;
  padded: boolean;
  /** The step index of that output cell for sample 0. */
  index: number;
}

/** The resolved geometry of a convolution: shapes, hyper-parameters and output size. */
export interface ConvGeometry {
  n: number;
  cin: number;
  h: number;
  w: number;
  cout: number;
  /** Input channels per group (the weight's second axis) and output channels per group. */
  cinPerGroup: number;
  coutPerGroup: number;
  kh: number;
  kw: number;
  groups: number;
  stride: [number, number];
  dilation: [number, number];
  padding: Pad4;
  outH: number;
  outW: number;
  total: number;
}

/**
 * Resolves and validates a convolution's geometry from the input shape `[N, C, H, W]`, the weight
 * shape `[Cout, C/groups, Kh, Kw]` and the options (PyTorch semantics). The output size is
 * `floor((H + pad_top + pad_bottom − d·(K − 1) − 1) / s) + 1` per axis; a kernel whose dilated extent
 * does not fit in the padded input is rejected. Throws an `EngineError` for any invalid argument.
 */
export function convGeometry(
  inputShape: readonly number[],
  weightShape: readonly number[],
  opts?: ConvTraceOptions,
): ConvGeometry {
  const [n, cin, h, w] = shape4(inputShape, 'input.shape');
  const [cout, cinPerGroup, kh, kw] = shape4(weightShape, 'weight.shape');
  const o = optionsArg(opts, 'options', false);
  const stride = pair(o.stride, 'stride', 1);
  const dilation = pair(o.dilation, 'dilation', 1);
  const padding = pad4(o.padding, 'padding');
  const groups = o.groups === undefined ? 1 : o.groups;
  if (!Number.isInteger(groups) || groups < 1) throw new EngineError('groups', groups, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
  if (cin % groups !== 0) throw new EngineError('groups', groups, expecting('divisor', `a divisor of the input channels (${cin})`, { count: cin, of: 'input' }));
  if (cout % groups !== 0)
    throw new EngineError('groups', groups, expecting('divisor', `a divisor of the output channels (${cout})`, { count: cout, of: 'output' }));
  if (cinPerGroup !== cin / groups) {
    throw new EngineError(
      'weight.shape[1]',
      cinPerGroup,
      expecting('channelsPerGroup', `${cin / groups} (input channels ${cin} / groups ${groups})`, { expected: cin / groups, cin, groups }),
    );
  }
  const extH = dilation[0] * (kh - 1) + 1;
  const extW = dilation[1] * (kw - 1) + 1;
  const padH = h + padding.top + padding.bottom;
  const padW = w + padding.left + padding.right;
  if (extH > padH) {
    throw new EngineError(
      'weight.shape[2]',
      kh,
      expecting('windowFits', `a kernel whose dilated height (${extH}) fits in the padded input height (${padH})`, { extent: extH, padded: padH }),
    );
  }
  if (extW > padW) {
    throw new EngineError(
      'weight.shape[3]',
      kw,
      expecting('windowFits', `a kernel whose dilated width (${extW}) fits in the padded input width (${padW})`, { extent: extW, padded: padW }),
    );
  }
  const outH = Math.floor((padH - extH) / stride[0]) + 1;
  const outW = Math.floor((padW - extW) / stride[1]) + 1;
  return {
    n,
    cin,
    h,
    w,
    cout,
    cinPerGroup,
    coutPerGroup: cout / groups,
    kh,
    kw,
    groups,
    stride,
    dilation,
    padding,
    outH,
    outW,
    total: n * cout * outH * outW,
  };
}

/**
 * The number of steps of a convolution trace: one per output cell, `N · Cout · H′ · W′`. Throws an
 * `EngineError` when the shapes or options are invalid.
 */
export function convStepCount(
  inputShape: readonly number[],
  weightShape: readonly number[],
  opts?: ConvTraceOptions,
): number {
  return convGeometry(inputShape, weightShape, opts).total;
}

function stepAt(g: ConvGeometry, index: number): { n: number; oc: number; oh: number; ow: number } {
  indexArg(index, g.total, 'index');
  const ow = index % g.outW;
  let rest = (index - ow) / g.outW;
  const oh = rest % g.outH;
  rest = (rest - oh) / g.outH;
  const oc = rest % g.cout;
  return { n: (rest - oc) / g.cout, oc, oh, ow };
}

/**
 * The output cell computed by step `index`: steps are ordered by sample, output channel, row, then
 * column. The inverse of `convStepIndex`. Throws an `EngineError` when `index` is not a whole number
 * in `[0, convStepCount)`.
 */
export function convStepAt(
  index: number,
  inputShape: readonly number[],
  weightShape: readonly number[],
  opts?: ConvTraceOptions,
): { n: number; oc: number; oh: number; ow: number } {
  return stepAt(convGeometry(inputShape, weightShape, opts), index);
}

/**
 * The step index of output cell `(n, oc, oh, ow)`, i.e. `((n·Cout + oc)·H′ + oh)·W′ + ow`. The inverse
 * of `convStepAt`. Throws an `EngineError` when a coordinate lies outside the output.
 */
export function convStepIndex(
  n: number,
  oc: number,
  oh: number,
  ow: number,
  inputShape: readonly number[],
  weightShape: readonly number[],
  opts?: ConvTraceOptions,
): number {
  const g = convGeometry(inputShape, weightShape, opts);
  indexArg(n, g.n, 'n');
  indexArg(oc, g.cout, 'oc');
  indexArg(oh, g.outH, 'oh');
  indexArg(ow, g.outW, 'ow');
  return ((n * g.cout + oc) * g.outH + oh) * g.outW + ow;
}

/**
 * Traces step `index` of `conv2d(input, weight, bias, opts)`: the window of the padded input that the
 * filter covers, every tap (input value or padding × weight), the per-channel sums, the bias and the
 * result, which equals the convolution's output at that cell. Runs in O(C/groups · Kh · Kw): it reads
 * only the values of its window (and checks only those for finiteness). Throws an `EngineError` for
 * an invalid tensor, bias, option or index.
 */
export function convStep(
  input: Tensor,
  weight: Tensor,
  bias: Vec | null | undefined,
  opts: ConvTraceOptions | undefined,
  index: number,
): ConvStep {
  dims4(input, 'input', false);
  dims4(weight, 'weight', false);
  const g = convGeometry(input.shape, weight.shape, opts);
  const b = vecArg(bias, 'bias', [g.cout]);
  const { n, oc, oh, ow } = stepAt(g, index);
  const group = Math.floor(oc / g.coutPerGroup);
  const c0 = group * g.cinPerGroup;
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const { top: padTop, left: padLeft } = g.padding;
  const window: TraceWindow = {
    top: oh * sh,
    left: ow * sw,
    height: dh * (g.kh - 1) + 1,
    width: dw * (g.kw - 1) + 1,
  };
  const channels: number[] = [];
  const channelSums: number[] = [];
  const taps: ConvTap[] = [];
  for (let wc = 0; wc < g.cinPerGroup; wc++) {
    const c = c0 + wc;
    channels.push(c);
    let sum = 0;
    for (let kh = 0; kh < g.kh; kh++) {
      const ph = window.top + kh * dh;
      const ih = ph - padTop;
      const rowInside = ih >= 0 && ih < g.h;
      for (let kw = 0; kw < g.kw; kw++) {
        const pw = window.left + kw * dw;
        const iw = pw - padLeft;
        const padded = !(rowInside && iw >= 0 && iw < g.w);
        const x = padded ? 0 : finiteAt(input.data, ((n * g.cin + c) * g.h + ih) * g.w + iw, 'input.data');
        const wv = finiteAt(weight.data, ((oc * g.cinPerGroup + wc) * g.kh + kh) * g.kw + kw, 'weight.data');
        const product = padded ? 0 : x * wv;
        sum += product;
        taps.push({ c, wc, kh, kw, ih, iw, ph, pw, padded, x, w: wv, product });
      }
    }
    channelSums.push(sum);
  }
  const biasValue = b ? b[oc]! : 0;
  let result = 0;
  for (const s of channelSums) result += s;
  result += biasValue;
  return {
    index,
    total: g.total,
    n,
    oc,
    oh,
    ow,
    window,
    group,
    channels,
    taps,
    channelSums,
    bias: biasValue,
    result,
  };
}

function coordArg(value: number, size: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new EngineError(field, value, expecting('wholeRange', `a whole number from 0 to ${size - 1}`, { min: 0, max: size - 1 }));
  }
  return value;
}

/**
 * The output cells (of sample 0) that input cell `(c, ih, iw)` feeds, each with the kernel position
 * `(kh, kw)` that multiplies it there; ordered like the steps (by oc, oh, ow). Only the filters of
 * channel `c`'s group read it. Used to highlight the cells a hovered input value contributes to.
 * Throws an `EngineError` when the cell lies outside the input or the shapes/options are invalid.
 */
export function outputsFedBy(
  inputShape: readonly number[],
  weightShape: readonly number[],
  opts: ConvTraceOptions | undefined,
  c: number,
  ih: number,
  iw: number,
): ConvFeed[] {
  const g = convGeometry(inputShape, weightShape, opts);
  coordArg(c, g.cin, 'c');
  coordArg(ih, g.h, 'ih');
  coordArg(iw, g.w, 'iw');
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const ph = ih + g.padding.top;
  const pw = iw + g.padding.left;
  // For each kernel row, the output row whose window puts that kernel row on `ph` (if any). Kernel
  // rows are visited from the bottom so that output rows come out in increasing order.
  const rows: [number, number][] = [];
  for (let kh = g.kh - 1; kh >= 0; kh--) {
    const t = ph - kh * dh;
    if (t >= 0 && t % sh === 0 && t / sh < g.outH) rows.push([t / sh, kh]);
  }
  const cols: [number, number][] = [];
  for (let kw = g.kw - 1; kw >= 0; kw--) {
    const t = pw - kw * dw;
    if (t >= 0 && t % sw === 0 && t / sw < g.outW) cols.push([t / sw, kw]);
  }
  const group = Math.floor(c / g.cinPerGroup);
  const out: ConvFeed[] = [];
  for (let oc = group * g.coutPerGroup; oc < (group + 1) * g.coutPerGroup; oc++) {
    for (const [oh, kh] of rows) {
      for (const [ow, kw] of cols) out.push({ oc, oh, ow, kh, kw, index: (oc * g.outH + oh) * g.outW + ow });
    }
  }
  return out;
}

/**
 * The input cells that weight `(oc, c, kh, kw)` multiplies: one per output cell of filter `oc`
 * (sample 0), ordered by row then column, flagged `padded` when the cell is padding. `c` is the
 * absolute input channel (as in `ConvTap.c`); it must belong to filter `oc`'s group, i.e. the weight
 * tensor's entry is `[oc, c − group · C/groups, kh, kw]`. Throws an `EngineError` otherwise.
 */
export function inputsForWeight(
  inputShape: readonly number[],
  weightShape: readonly number[],
  opts: ConvTraceOptions | undefined,
  oc: number,
  c: number,
  kh: number,
  kw: number,
): ConvWeightUse[] {
  const g = convGeometry(inputShape, weightShape, opts);
  coordArg(oc, g.cout, 'oc');
  const group = Math.floor(oc / g.coutPerGroup);
  const c0 = group * g.cinPerGroup;
  if (!Number.isInteger(c) || c < c0 || c >= c0 + g.cinPerGroup) {
    throw new EngineError(
      'c',
      c,
      `an input channel of filter ${oc}'s group ${group}: ${c0} to ${c0 + g.cinPerGroup - 1}`,
    );
  }
  coordArg(kh, g.kh, 'kh');
  coordArg(kw, g.kw, 'kw');
  const out: ConvWeightUse[] = [];
  for (let oh = 0; oh < g.outH; oh++) {
    const ih = oh * g.stride[0] + kh * g.dilation[0] - g.padding.top;
    const rowInside = ih >= 0 && ih < g.h;
    for (let ow = 0; ow < g.outW; ow++) {
      const iw = ow * g.stride[1] + kw * g.dilation[1] - g.padding.left;
      const padded = !(rowInside && iw >= 0 && iw < g.w);
      out.push({ oh, ow, ih, iw, padded, index: (oc * g.outH + oh) * g.outW + ow });
    }
  }
  return out;
}
