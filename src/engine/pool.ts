/**
 * 2-D max and average pooling, NCHW, with PyTorch semantics (output size, ceil mode, padding rules
 * and average divisors). Window bounds are computed once per row and column, so the inner loops run
 * without bounds checks.
 */
import { EngineError, expecting } from './errors';
import { pad4, pair, type Pad4, type Pair, type Padding } from './params';
import { dims4, type Tensor } from './tensor';

/** Options of {@link maxPool2d}; PyTorch's `nn.MaxPool2d` arguments, with per-side padding allowed. */
export interface MaxPool2dOptions {
  /** Window size, n or [h, w]. */
  kernel: Pair;
  /** Step between windows, n or [h, w]; defaults to the kernel. */
  stride?: Pair;
  /** Padding that acts as −∞: n, [h, w] or [top, bottom, left, right], each side ≤ ⌊kernel/2⌋; default 0. */
  padding?: Padding;
  /** Spacing between window taps, n or [h, w]; default 1. */
  dilation?: Pair;
  /** Round the output size up instead of down (the last window must start inside the input or the top/left padding). */
  ceilMode?: boolean;
}

/** Options of {@link avgPool2d}; PyTorch's `nn.AvgPool2d` arguments, with per-side padding allowed. */
export interface AvgPool2dOptions {
  /** Window size, n or [h, w]. */
  kernel: Pair;
  /** Step between windows, n or [h, w]; defaults to the kernel. */
  stride?: Pair;
  /** Zero padding: n, [h, w] or [top, bottom, left, right], each side ≤ ⌊kernel/2⌋; default 0. */
  padding?: Padding;
  /** Round the output size up instead of down. */
  ceilMode?: boolean;
  /** Count padding cells in the divisor (default true); when false, divide by the input cells only. */
  countIncludePad?: boolean;
}

interface PoolGeometry {
  n: number;
  c: number;
  h: number;
  w: number;
  ho: number;
  wo: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  pad: Pad4;
}

function boolArg(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new EngineError(field, value, expecting('boolean', 'true or false'));
  return value;
}

/** PyTorch's pooling output size (`pooling_output_shape`), including the ceil-mode correction. */
function poolOut(
  size: number,
  padA: number,
  padB: number,
  k: number,
  d: number,
  s: number,
  ceil: boolean,
): number {
  let o = Math.floor((size + padA + padB - d * (k - 1) - 1 + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (o - 1) * s >= size + padA) o--;
  return o;
}

function geometry(
  input: Tensor,
  opts: MaxPool2dOptions | AvgPool2dOptions,
  dilation: Pair | undefined,
): PoolGeometry {
  if (!opts || typeof opts !== 'object') {
    throw new EngineError('opts', opts, 'an options object with at least { kernel }');
  }
  const { n, c, h, w } = dims4(input, 'input');
  if (opts.kernel === undefined) throw new EngineError('kernel', undefined, 'n or [h, w], whole numbers ≥ 1');
  const [kh, kw] = pair(opts.kernel, 'kernel', 1);
  const [sh, sw] = opts.stride === undefined ? [kh, kw] : pair(opts.stride, 'stride', 1);
  const [dh, dw] = pair(dilation, 'dilation', 1);
  const pad = pad4(opts.padding, 'padding');
  const ceil = boolArg(opts.ceilMode, 'ceilMode', false);
  const halfH = Math.floor(kh / 2);
  const halfW = Math.floor(kw / 2);
  if (pad.top > halfH || pad.bottom > halfH || pad.left > halfW || pad.right > halfW) {
    throw new EngineError(
      'padding',
      opts.padding,
      expecting(
        'poolPadding',
        `at most half the kernel on each side (≤ ${halfH} top and bottom, ≤ ${halfW} left and right, for kernel [${kh}, ${kw}])`,
        { maxH: halfH, maxW: halfW },
      ),
    );
  }
  const ho = poolOut(h, pad.top, pad.bottom, kh, dh, sh, ceil);
  const wo = poolOut(w, pad.left, pad.right, kw, dw, sw, ceil);
  if (ho < 1 || wo < 1) {
    throw new EngineError(
      'kernel',
      opts.kernel,
      `a window whose dilated extent [${dh * (kh - 1) + 1}, ${dw * (kw - 1) + 1}] fits the padded input [${h + pad.top + pad.bottom}, ${w + pad.left + pad.right}]`,
    );
  }
  return { n, c, h, w, ho, wo, kh, kw, sh, sw, dh, dw, pad };
}

/**
 * For each output position along one axis, the first and one-past-last tap index whose input
 * coordinate `o·s − pad + t·d` lies inside `[0, size)`.
 */
function tapRange(outLen: number, size: number, k: number, s: number, d: number, pad: number): Int32Array {
  const r = new Int32Array(outLen * 2);
  for (let o = 0; o < outLen; o++) {
    const start = o * s - pad;
    let lo = start >= 0 ? 0 : Math.ceil(-start / d);
    let hi = start + (k - 1) * d < size ? k : Math.floor((size - 1 - start) / d) + 1;
    if (hi < lo) hi = lo;
    if (lo > k) lo = hi = k;
    r[2 * o] = lo;
    r[2 * o + 1] = hi;
  }
  return r;
}

/**
 * Max pooling of `input` [N, C, H, W] with PyTorch semantics: each output is the largest value in its
 * (dilated) window; padding acts as −∞ and must be at most half the kernel on each side; stride
 * defaults to the kernel; `ceilMode` rounds the output size up while the last window still starts
 * inside the input or the top/left padding. Returns [N, C, Ho, Wo]. Throws an `EngineError` naming
 * the field for bad options, too much padding or a window that does not fit.
 */
export function maxPool2d(input: Tensor, opts: MaxPool2dOptions): Tensor {
  const g = geometry(input, opts, opts?.dilation);
  const { n, c, h, w, ho, wo, kh, kw, sh, sw, dh, dw, pad } = g;
  const out = new Float32Array(n * c * ho * wo);
  const inside = pad.top === 0 && pad.left === 0 && (ho - 1) * sh + 1 < h && (wo - 1) * sw + 1 < w;
  if (kh === 2 && kw === 2 && dh === 1 && dw === 1 && inside) {
    max2x2(input.data, out, n * c, h, w, ho, wo, sh, sw);
  } else {
    maxWindows(input.data, out, g);
  }
  return { shape: [n, c, ho, wo], data: out };
}

/**
 * The common 2×2 window lying fully inside the input. Instead of branching on comparisons (which
 * mispredict half the time on real data), each comparison's 0/1 result picks the index of the
 * larger value, so the loop runs without branches and copies the winning value exactly.
 */
function max2x2(
  x: Float32Array,
  out: Float32Array,
  planes: number,
  h: number,
  w: number,
  ho: number,
  wo: number,
  sh: number,
  sw: number,
): void {
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < ho; oy++) {
      let t = base + oy * sh * w;
      for (let ox = 0; ox < wo; ox++, t += sw) {
        const top = t + Number(x[t]! < x[t + 1]!);
        const bottom = t + w + Number(x[t + w]! < x[t + w + 1]!);
        out[o++] = x[top + ((bottom - top) & -Number(x[top]! < x[bottom]!))]!;
      }
    }
  }
}

/** Any window: the taps inside the input are precomputed per output row and column. */
function maxWindows(x: Float32Array, out: Float32Array, g: PoolGeometry): void {
  const { n, c, h, w, ho, wo, kh, kw, sh, sw, dh, dw } = g;
  const top = g.pad.top;
  const left = g.pad.left;
  const ry = tapRange(ho, h, kh, sh, dh, top);
  const rx = tapRange(wo, w, kw, sw, dw, left);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < ho; oy++) {
      const y0 = oy * sh - top;
      const kyLo = ry[2 * oy]!;
      const kyHi = ry[2 * oy + 1]!;
      for (let ox = 0; ox < wo; ox++) {
        const x0 = ox * sw - left;
        const kxLo = rx[2 * ox]!;
        const kxHi = rx[2 * ox + 1]!;
        let m = -Infinity;
        for (let ky = kyLo; ky < kyHi; ky++) {
          const row = base + (y0 + ky * dh) * w + x0;
          for (let kx = kxLo; kx < kxHi; kx++) {
            const v = x[row + kx * dw]!;
            if (v > m) m = v;
          }
        }
        out[o++] = m;
      }
    }
  }
}

/**
 * The divisor of each output position along one axis, PyTorch's rule: the window clipped to the
 * padded input when padding counts, or clipped to the input itself when it does not.
 */
function divisors(
  outLen: number,
  size: number,
  k: number,
  s: number,
  padA: number,
  padB: number,
  includePad: boolean,
): Float64Array {
  const r = new Float64Array(outLen);
  for (let o = 0; o < outLen; o++) {
    const start = o * s - padA;
    const end = Math.min(start + k, size + padB);
    r[o] = includePad ? end - start : Math.min(end, size) - Math.max(start, 0);
  }
  return r;
}

/**
 * Average pooling of `input` [N, C, H, W] with PyTorch semantics: each output is the sum of its window
 * divided by the window size, where windows are clipped to the padded input (ceil mode) and, with
 * `countIncludePad: false`, padding cells are not counted. Padding must be at most half the kernel;
 * stride defaults to the kernel. Returns [N, C, Ho, Wo]; sums are accumulated in float64. Throws an
 * `EngineError` naming the field for bad options, too much padding or a window that does not fit.
 */
export function avgPool2d(input: Tensor, opts: AvgPool2dOptions): Tensor {
  const g = geometry(input, opts, undefined);
  const includePad = boolArg(opts.countIncludePad, 'countIncludePad', true);
  const out = new Float32Array(g.n * g.c * g.ho * g.wo);
  averageWindows(input.data, out, g, includePad);
  return { shape: [g.n, g.c, g.ho, g.wo], data: out };
}

function averageWindows(x: Float32Array, out: Float32Array, g: PoolGeometry, includePad: boolean): void {
  const { n, c, h, w, ho, wo, kh, kw, sh, sw, pad } = g;
  const ry = tapRange(ho, h, kh, sh, 1, pad.top);
  const rx = tapRange(wo, w, kw, sw, 1, pad.left);
  const divY = divisors(ho, h, kh, sh, pad.top, pad.bottom, includePad);
  const divX = divisors(wo, w, kw, sw, pad.left, pad.right, includePad);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < ho; oy++) {
      const y0 = oy * sh - pad.top;
      const kyLo = ry[2 * oy]!;
      const kyHi = ry[2 * oy + 1]!;
      const dy = divY[oy]!;
      for (let ox = 0; ox < wo; ox++) {
        const x0 = ox * sw - pad.left;
        const kxLo = rx[2 * ox]!;
        const kxHi = rx[2 * ox + 1]!;
        let s = 0;
        for (let ky = kyLo; ky < kyHi; ky++) {
          const row = base + (y0 + ky) * w + x0;
          for (let kx = kxLo; kx < kxHi; kx++) s += x[row + kx]!;
        }
        out[o++] = s / (dy * divX[ox]!);
      }
    }
  }
}
