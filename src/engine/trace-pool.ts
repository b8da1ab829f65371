import { EngineError, expecting } from './errors';
import { pad4, pair, type Pad4, type Pair, type Padding } from './params';
import { dims4, type Tensor } from './tensor';
import { finiteAt, indexArg, optionsArg, shape4, type TraceWindow } from './trace-common';

/*
 * Step-by-step traces of 2-D max and average pooling, with PyTorch semantics. A step is one output
 * cell, reached directly from its index in O(Kh · Kw).
 */

/** Which pooling: maximum or average. */
export type PoolKind = 'max' | 'avg';

/** Options of a traced pooling, as for `maxPool2d` / `avgPool2d`, plus the kind. */
export interface PoolTraceOptions {
  kind: PoolKind;
  kernel: Pair;
  /** Defaults to the kernel size. */
  stride?: Pair;
  padding?: Padding;
  /** Max pooling only (average pooling has no dilation in PyTorch). */
  dilation?: Pair;
  ceilMode?: boolean;
  /** Average pooling: whether padding counts in the divisor. Defaults to true. */
  countIncludePad?: boolean;
}

/** One position of a pooling window. */
export interface PoolTap {
  kh: number;
  kw: number;
  /** Input coordinates; outside `[0, H) × [0, W)` when the tap reads padding. */
  ih: number;
  iw: number;
  /** Padded coordinates. */
  ph: number;
  pw: number;
  /** True when the tap does not read an input value (padding, or past the padding in ceil mode). */
  padded: boolean;
  /** True when the tap lies past the padded input, which only ceil mode allows; it never counts. */
  overhang: boolean;
  /** Average pooling: true when the tap counts in the divisor. Always false for max pooling. */
  counted: boolean;
  /** The value read: −Infinity for max-pool padding, 0 for average-pool padding. */
  x: number;
}

/** The computation of one pooling output cell. */
export interface PoolStep {
  index: number;
  total: number;
  n: number;
  c: number;
  oh: number;
  ow: number;
  /** The dilated extent of the window in padded coordinates (it may overhang in ceil mode). */
  window: TraceWindow;
  /** Ordered by kh, then kw. */
  taps: PoolTap[];
  kind: PoolKind;
  /** Max pooling: index into `taps` of the first maximum (−1 if the window holds only padding). −1 for average. */
  argmax: number;
  /** Average pooling: the float64 sum of the values read and the number it is divided by. 0 and 0 for max. */
  sum: number;
  divisor: number;
  result: number;
}

/** The resolved geometry of a pooling: shapes, hyper-parameters and output size. */
export interface PoolGeometry {
  kind: PoolKind;
  n: number;
  c: number;
  h: number;
  w: number;
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  padding: Pad4;
  ceilMode: boolean;
  countIncludePad: boolean;
  outH: number;
  outW: number;
  total: number;
}

function boolArg(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new EngineError(field, value, expecting('boolean', 'true or false'));
  return value;
}

/** PyTorch's pooling output size along one axis, including the ceil-mode rule for the last window. */
function outSize(
  size: number,
  padBefore: number,
  padAfter: number,
  ext: number,
  stride: number,
  ceil: boolean,
): number {
  const span = size + padBefore + padAfter - ext;
  let out = (ceil ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  // In ceil mode a window may overhang the padded input, but it must start inside the input or
  // its leading padding: one that would start in the trailing padding is dropped.
  if (ceil && (out - 1) * stride >= size + padBefore) out--;
  return out;
}

/**
 * Resolves and validates a pooling's geometry for an input of shape `[N, C, H, W]` (PyTorch
 * semantics): stride defaults to the kernel, each padding side may be at most half the kernel
 * size, average pooling takes no dilation, and ceil mode lets the last window overhang as
 * long as it starts inside the input or its leading padding. Throws an `EngineError` otherwise.
 */
export function poolGeometry(inputShape: readonly number[], opts: PoolTraceOptions): PoolGeometry {
  const [n, c, h, w] = shape4(inputShape, 'input.shape');
  const o = optionsArg(opts, 'options', true);
  const kind = o.kind;
  if (kind !== 'max' && kind !== 'avg') throw new EngineError('kind', kind, '"max" or "avg"');
  if (o.kernel === undefined) throw new EngineError('kernel', o.kernel, 'n or [h, w], whole numbers ≥ 1');
  const kernel = pair(o.kernel, 'kernel', 1);
  const stride = o.stride === undefined ? kernel : pair(o.stride, 'stride', 1);
  const dilation = pair(o.dilation, 'dilation', 1);
  if (kind === 'avg' && (dilation[0] !== 1 || dilation[1] !== 1)) {
    throw new EngineError('dilation', o.dilation, '1 (average pooling has no dilation)');
  }
  const padding = pad4(o.padding, 'padding');
  const ceilMode = boolArg(o.ceilMode, 'ceilMode', false);
  const countIncludePad = boolArg(o.countIncludePad, 'countIncludePad', true);
  const extH = dilation[0] * (kernel[0] - 1) + 1;
  const extW = dilation[1] * (kernel[1] - 1) + 1;
  const maxPadH = Math.floor(kernel[0] / 2);
  const maxPadW = Math.floor(kernel[1] / 2);
  if (
    padding.top > maxPadH ||
    padding.bottom > maxPadH ||
    padding.left > maxPadW ||
    padding.right > maxPadW
  ) {
    throw new EngineError(
      'padding',
      o.padding,
      expecting('poolPadding', `at most half the kernel size: ≤ ${maxPadH} on top and bottom, ≤ ${maxPadW} on left and right`, { maxH: maxPadH, maxW: maxPadW }),
    );
  }
  if (extH > h + padding.top + padding.bottom) {
    throw new EngineError(
      'kernel',
      o.kernel,
      expecting('windowFits', `a window whose dilated height (${extH}) fits in the padded input height (${h + padding.top + padding.bottom})`, { extent: extH, padded: h + padding.top + padding.bottom }),
    );
  }
  if (extW > w + padding.left + padding.right) {
    throw new EngineError(
      'kernel',
      o.kernel,
      expecting('windowFits', `a window whose dilated width (${extW}) fits in the padded input width (${w + padding.left + padding.right})`, { extent: extW, padded: w + padding.left + padding.right }),
    );
  }
  const outH = outSize(h, padding.top, padding.bottom, extH, stride[0], ceilMode);
  const outW = outSize(w, padding.left, padding.right, extW, stride[1], ceilMode);
  return {
    kind,
    n,
    c,
    h,
    w,
    kernel,
    stride,
    dilation,
    padding,
    ceilMode,
    countIncludePad,
    outH,
    outW,
    total: n * c * outH * outW,
  };
}

/**
 * The number of steps of a pooling trace: one per output cell, `N · C · H′ · W′`. Throws an
 * `EngineError` when the shape or options are invalid.
 */
export function poolStepCount(inputShape: readonly number[], opts: PoolTraceOptions): number {
  return poolGeometry(inputShape, opts).total;
}

/**
 * Traces step `index` of max or average pooling (steps ordered by sample, channel, row, column): the
 * window, every tap with the value it reads (−∞ for max-pool padding, 0 for average-pool padding),
 * the first maximum's position (PyTorch's tie rule) or the sum and divisor, and the result, which
 * equals the pooling's output at that cell. With `countIncludePad` the divisor counts padding but not
 * a ceil-mode overhang past it. Runs in O(Kh · Kw). Throws an `EngineError` for invalid arguments.
 */
export function poolStep(input: Tensor, opts: PoolTraceOptions, index: number): PoolStep {
  dims4(input, 'input', false);
  const g = poolGeometry(input.shape, opts);
  indexArg(index, g.total, 'index');
  const ow = index % g.outW;
  let rest = (index - ow) / g.outW;
  const oh = rest % g.outH;
  rest = (rest - oh) / g.outH;
  const c = rest % g.c;
  const n = (rest - c) / g.c;
  const [dh, dw] = g.dilation;
  const window: TraceWindow = {
    top: oh * g.stride[0],
    left: ow * g.stride[1],
    height: dh * (g.kernel[0] - 1) + 1,
    width: dw * (g.kernel[1] - 1) + 1,
  };
  const paddedH = g.h + g.padding.top + g.padding.bottom;
  const paddedW = g.w + g.padding.left + g.padding.right;
  const isMax = g.kind === 'max';
  const base = (n * g.c + c) * g.h;
  const taps: PoolTap[] = [];
  let argmax = -1;
  let best = -Infinity;
  let sum = 0;
  let divisor = 0;
  for (let kh = 0; kh < g.kernel[0]; kh++) {
    const ph = window.top + kh * dh;
    const ih = ph - g.padding.top;
    const rowInside = ih >= 0 && ih < g.h;
    for (let kw = 0; kw < g.kernel[1]; kw++) {
      const pw = window.left + kw * dw;
      const iw = pw - g.padding.left;
      const padded = !(rowInside && iw >= 0 && iw < g.w);
      const overhang = ph >= paddedH || pw >= paddedW;
      const counted = !isMax && (g.countIncludePad ? !overhang : !padded);
      const x = padded ? (isMax ? -Infinity : 0) : finiteAt(input.data, (base + ih) * g.w + iw, 'input.data');
      if (isMax) {
        if (!padded && x > best) {
          best = x;
          argmax = taps.length;
        }
      } else {
        sum += x;
        if (counted) divisor++;
      }
      taps.push({ kh, kw, ih, iw, ph, pw, padded, overhang, counted, x });
    }
  }
  const result = isMax ? best : divisor > 0 ? sum / divisor : 0;
  return {
    index,
    total: g.total,
    n,
    c,
    oh,
    ow,
    window,
    taps,
    kind: g.kind,
    argmax,
    sum: isMax ? 0 : sum,
    divisor: isMax ? 0 : divisor,
    result,
  };
}
