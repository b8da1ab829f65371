/**
 * Pure derivations of what the lecture-ideas demonstrations draw: seeded inputs and weights, the
 * per-channel parts of a deep filter, a 1×1 convolution's pixel as a matrix–vector product, template
 * scores next to a linear classifier's scores, and the single kernel a stack of linear convolutions
 * collapses to. No DOM, no React: everything is a function of the configuration (and image pixels).
 */
import { conv2d } from '../../engine/conv';
import { relu } from '../../engine/activation';
import { createRng, randomTensor } from '../../engine/random';
import { tensor, type Tensor } from '../../engine/tensor';
import { maxAbsOf, paletteFor, type Palette } from '../../viz/color';
import type { IdeasConfig } from '../../state/views/ideas';
import type { ImagePixels } from '../conv/model';

/** A single-channel 2-D kernel (or map), row-major. */
export interface Kernel2d {
  h: number;
  w: number;
  data: Float32Array;
}

/** Independent seeded streams per demonstration and per role, so one change never reshuffles another. */
const stream = (seed: number, salt: number) => createRng((seed ^ salt) >>> 0);
const SALT = { depthIn: 0x1d1, depthW: 0x2d2, depthB: 0x3d3, pointIn: 0x1a1, pointW: 0x2a2, pointB: 0x3a3, tIn: 0x1c1, tW: 0x2c2, tB: 0x3c3, lIn: 0x1e1, lW: 0x2e2 };

/** Seeded whole numbers in [min, max] of `shape`. */
const ints = (seed: number, salt: number, shape: number[], min: number, max: number) =>
  randomTensor(stream(seed, salt), shape, { kind: 'int', min, max });

/**
 * An input `[1, C, H, W]` from image pixels (rounded to two decimals, channels beyond the image's
 * repeating its last) when they match the size, else seeded whole numbers in −2…2.
 */
export function inputFrom(seed: number, salt: number, c: number, h: number, w: number, pixels?: ImagePixels | null): Tensor {
  if (pixels && pixels.h === h && pixels.w === w) {
    const out = tensor([1, c, h, w]);
    const plane = h * w;
    for (let ch = 0; ch < c; ch++) {
      const from = Math.min(ch, pixels.channels - 1);
      for (let i = 0; i < plane; i++) out.data[ch * plane + i] = Math.round(pixels.data[from * plane + i]! * 100) / 100;
    }
    return out;
  }
  return ints(seed, salt, [1, c, h, w], -2, 2);
}

// ---------------------------------------------------------------------------------------------
// 1. A filter is as deep as its input
// ---------------------------------------------------------------------------------------------

/**
 * The per-channel parts of one filter: for each input channel c, the single-channel map
 * `input[c] ⋆ weight[filter, c]` (stride 1, no padding, no bias). Their sum plus the filter's bias is
 * that filter's output channel. `input` is [1, C, H, W], `weight` [Cout, C, k, k].
 */
export function channelParts(input: Tensor, weight: Tensor, filter: number): Float32Array[] {
  const [, C, H, W] = input.shape as [number, number, number, number];
  const [, , KH, KW] = weight.shape as [number, number, number, number];
  const per = KH * KW;
  const parts: Float32Array[] = [];
  for (let c = 0; c < C; c++) {
    const x = { shape: [1, 1, H, W], data: input.data.subarray(c * H * W, (c + 1) * H * W) };
    const k = { shape: [1, 1, KH, KW], data: weight.data.subarray((filter * C + c) * per, (filter * C + c + 1) * per) };
    parts.push(conv2d(x, k).data);
  }
  return parts;
}

/** Everything the depth demonstration draws. */
export interface DepthModel {
  input: Tensor;
  weight: Tensor;
  bias: Float32Array;
  output: Tensor;
  oh: number;
  ow: number;
  /** The detailed filter's per-channel maps (no bias). */
  parts: Float32Array[];
  inputMax: number;
  inputPalette: Palette;
  weightMax: number;
  partMax: number;
  outputMax: number;
}

/** The depth demonstration: C×H×W input, Cout filters of C×k×k (whole numbers −1…1), biases −1…1. */
export function buildDepthModel(cfg: IdeasConfig, pixels?: ImagePixels | null): DepthModel {
  const usePixels = cfg.dsrc !== 'seeded' ? pixels : null;
  const input = inputFrom(cfg.seed, SALT.depthIn, cfg.dc, cfg.dh, cfg.dw, usePixels);
  const weight = ints(cfg.seed, SALT.depthW, [cfg.dcout, cfg.dc, cfg.dk, cfg.dk], -1, 1);
  const bias = ints(cfg.seed, SALT.depthB, [cfg.dcout], -1, 1).data;
  const output = conv2d(input, weight, bias);
  const parts = channelParts(input, weight, Math.min(cfg.dfi, cfg.dcout - 1));
  return {
    input,
    weight,
    bias,
    output,
    oh: output.shape[2]!,
    ow: output.shape[3]!,
    parts,
    inputMax: maxAbsOf(input.data),
    inputPalette: paletteFor(input.data),
    weightMax: Math.max(maxAbsOf(weight.data), maxAbsOf(bias)),
    partMax: Math.max(...parts.map(maxAbsOf)),
    outputMax: maxAbsOf(output.data),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. 1×1 convolution
// ---------------------------------------------------------------------------------------------

/** The C values of every channel at one pixel of `input` [1, C, H, W]: the pixel's channel vector. */
export function pixelVector(input: Tensor, row: number, col: number): Float32Array {
  const [, C, H, W] = input.shape as [number, number, number, number];
  return Float32Array.from({ length: C }, (_, c) => input.data[(c * H + row) * W + col]!);
}

/** `M·x + b` for a row-major `rows × x.length` matrix `m` (sums in float64). */
export function matVec(m: ArrayLike<number>, rows: number, x: ArrayLike<number>, b?: ArrayLike<number> | null): Float32Array {
  const n = x.length;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = b ? b[r]! : 0;
    for (let j = 0; j < n; j++) s += m[r * n + j]! * x[j]!;
    out[r] = s;
  }
  return out;
}

/** Everything the 1×1 demonstration draws. */
export interface PointModel {
  input: Tensor;
  /** [Cout, C, 1, 1]: read as a Cout×C matrix. */
  weight: Tensor;
  bias: Float32Array;
  output: Tensor;
  inputMax: number;
  weightMax: number;
  outputMax: number;
  /** Weights and biases: Cout·C + Cout. */
  params: number;
}

/** The 1×1 demonstration: seeded C×H×W input (−2…2), a Cout×C matrix (−1…1) and biases (−1…1). */
export function buildPointModel(cfg: IdeasConfig): PointModel {
  const input = inputFrom(cfg.seed, SALT.pointIn, cfg.pc, cfg.ph, cfg.pw);
  const weight = ints(cfg.seed, SALT.pointW, [cfg.pcout, cfg.pc, 1, 1], -1, 1);
  const bias = ints(cfg.seed, SALT.pointB, [cfg.pcout], -1, 1).data;
  const output = conv2d(input, weight, bias);
  return {
    input,
    weight,
    bias,
    output,
    inputMax: maxAbsOf(input.data),
    weightMax: Math.max(maxAbsOf(weight.data), maxAbsOf(bias)),
    outputMax: maxAbsOf(output.data),
    params: cfg.pcout * cfg.pc + cfg.pcout,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. A filter as large as the image is template matching
// ---------------------------------------------------------------------------------------------

/** The tolerance within which a template score and a linear score count as equal: tol·max(1, |s|). */
export const SCORE_TOLERANCE = 1e-4;

/** Whether two scores agree within {@link SCORE_TOLERANCE}, relative to the larger magnitude (at least 1). */
export function scoresAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * A linear classifier's scores `W·x + b` on a flattened image: `weights` is K×N row-major (each row
 * one class), `x` has N values; plain loops, independent of the convolution code.
 */
export function linearScores(weights: ArrayLike<number>, k: number, x: ArrayLike<number>, bias: ArrayLike<number>): Float32Array {
  return matVec(weights, k, x, bias);
}

/** Everything the template demonstration draws. */
export interface TemplateModel {
  input: Tensor;
  /** [K, C, H, W]: each filter as large as the image. */
  templates: Tensor;
  bias: Float32Array;
  /** conv2d(input, templates, bias): K×1×1 scores. */
  convScores: Float32Array;
  /** W·x + b with W = the templates flattened to K×(C·H·W). */
  linScores: Float32Array;
  /** |conv − linear| per template, and the largest. */
  diffs: Float32Array;
  maxDiff: number;
  /** The template with the highest score. */
  best: number;
  inputMax: number;
  inputPalette: Palette;
  templateMax: number;
}

/**
 * A template cut from the image itself: `x − mean(x)`, rounded to two decimals. Its score is
 * Σ (x − m)·x = Σ (x − m)², large when the image has contrast: the image matches itself best.
 */
export function selfTemplate(x: Float32Array): Float32Array {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= Math.max(1, x.length);
  return x.map((v) => Math.round((v - mean) * 100) / 100);
}

/**
 * The template demonstration: K templates of C×H×W (seeded whole numbers −1…1 for a seeded input,
 * one-decimal numbers in −1…1 for an image; template 0 is the image minus its mean when `tt` is
 * 'image'), biases −1…1; scores by convolution and by W·x + b.
 */
export function buildTemplateModel(cfg: IdeasConfig, pixels?: ImagePixels | null): TemplateModel {
  const image = cfg.tsrc !== 'seeded';
  const input = inputFrom(cfg.seed, SALT.tIn, cfg.tc, cfg.th, cfg.tw, image ? pixels : null);
  const shape = [cfg.tk, cfg.tc, cfg.th, cfg.tw];
  const templates = image
    ? randomTensor(stream(cfg.seed, SALT.tW), shape, { kind: 'float', min: -1, max: 1, decimals: 1 })
    : ints(cfg.seed, SALT.tW, shape, -1, 1);
  if (cfg.tt === 'image') templates.data.set(selfTemplate(input.data), 0);
  const bias = ints(cfg.seed, SALT.tB, [cfg.tk], -1, 1).data;
  const convScores = conv2d(input, templates, bias).data;
  const linScores = linearScores(templates.data, cfg.tk, input.data, bias);
  const diffs = convScores.map((s, i) => Math.abs(s - linScores[i]!));
  let best = 0;
  convScores.forEach((s, i) => (s > convScores[best]! ? (best = i) : 0));
  return {
    input,
    templates,
    bias,
    convScores,
    linScores,
    diffs,
    maxDiff: maxAbsOf(diffs),
    best,
    inputMax: maxAbsOf(input.data),
    inputPalette: paletteFor(input.data),
    templateMax: maxAbsOf(templates.data),
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Stacked linear convolutions are one convolution
// ---------------------------------------------------------------------------------------------

/**
 * The single kernel equal to applying `a` then `b` (PyTorch's cross-correlation, stride 1, no
 * padding, no bias): their full 2-D convolution, of size (a.h + b.h − 1) × (a.w + b.w − 1), with
 * `K[u, v] = Σ a[i, j] · b[u − i, v − j]` over the (i, j) where both exist.
 */
export function composeKernels(a: Kernel2d, b: Kernel2d): Kernel2d {
  const h = a.h + b.h - 1;
  const w = a.w + b.w - 1;
  const data = new Float32Array(h * w);
  for (let i = 0; i < a.h; i++)
    for (let j = 0; j < a.w; j++) {
      const av = a.data[i * a.w + j]!;
      for (let p = 0; p < b.h; p++) for (let q = 0; q < b.w; q++) data[(i + p) * w + j + q]! += av * b.data[p * b.w + q]!;
    }
  return { h, w, data };
}

/** One term of a composed kernel's entry: `a[ai, aj] · b[bi, bj]`. */
export interface ComposeTerm {
  a: [number, number];
  b: [number, number];
  av: number;
  bv: number;
}

/** The terms that make `composeKernels(a, b)[u, v]`, in the order of `a`'s cells. */
export function composeTerms(a: Kernel2d, b: Kernel2d, u: number, v: number): ComposeTerm[] {
  const terms: ComposeTerm[] = [];
  for (let i = 0; i < a.h; i++)
    for (let j = 0; j < a.w; j++) {
      const p = u - i;
      const q = v - j;
      if (p >= 0 && p < b.h && q >= 0 && q < b.w) terms.push({ a: [i, j], b: [p, q], av: a.data[i * a.w + j]!, bv: b.data[p * b.w + q]! });
    }
  return terms;
}

/** Cross-correlates a single-channel map with a kernel (stride 1, no padding), via the engine. */
export function correlate(x: Kernel2d, k: Kernel2d): Kernel2d {
  const out = conv2d({ shape: [1, 1, x.h, x.w], data: x.data }, { shape: [1, 1, k.h, k.w], data: k.data });
  return { h: out.shape[2]!, w: out.shape[3]!, data: out.data };
}

/** Everything the linear demonstration draws. */
export interface LinearModel {
  input: Kernel2d;
  kernels: Kernel2d[];
  /** After each layer, before any ReLU. */
  pre: Kernel2d[];
  /** After each layer's ReLU (equal to `pre` without ReLU; the last layer has none). */
  post: Kernel2d[];
  /** The composed kernels: prefixes[i] = kernels[0] ∗ … ∗ kernels[i + 1]; the last is the whole stack's. */
  prefixes: Kernel2d[];
  composed: Kernel2d;
  /** The input correlated with the composed kernel once. */
  direct: Kernel2d;
  /** The stack's output. */
  stack: Kernel2d;
  /** |stack − direct| per cell. */
  diff: Float32Array;
  maxDiff: number;
  /** Cells where the two differ by more than the tolerance, row-major indices. */
  differing: number[];
  /** How many intermediate values are negative (what a ReLU would zero). */
  negatives: number;
  relu: boolean;
  inputMax: number;
  kernelMax: number;
  composedMax: number;
  mapMax: number;
}

/** The tolerance of "equal" cells in the linear demonstration (values are whole numbers here). */
export const LINEAR_TOLERANCE = 1e-4;

/**
 * The linear demonstration: a seeded single-channel input (−2…2), one kernel per layer (whole numbers
 * −1…1), the stack applied layer by layer (a ReLU after every layer but the last when switched on),
 * the composed kernel, the input correlated once with it, and where the two outputs differ.
 */
export function buildLinearModel(cfg: IdeasConfig): LinearModel {
  const [h, w] = cfg.lin;
  const x = ints(cfg.seed, SALT.lIn, [h, w], -2, 2).data;
  const input: Kernel2d = { h, w, data: x };
  const wrng = stream(cfg.seed, SALT.lW);
  const kernels = cfg.lk.map((k) => ({ h: k, w: k, data: randomTensor(wrng, [k, k], { kind: 'int', min: -1, max: 1 }).data }));
  const useRelu = cfg.lrelu === 'on';
  const pre: Kernel2d[] = [];
  const post: Kernel2d[] = [];
  let cur = input;
  let negatives = 0;
  kernels.forEach((k, i) => {
    const y = correlate(cur, k);
    pre.push(y);
    const last = i === kernels.length - 1;
    if (!last) for (const v of y.data) if (v < 0) negatives++;
    const z = useRelu && !last ? { h: y.h, w: y.w, data: relu({ shape: [y.h * y.w], data: y.data }).data } : y;
    post.push(z);
    cur = z;
  });
  const prefixes: Kernel2d[] = [];
  let composed = kernels[0]!;
  for (let i = 1; i < kernels.length; i++) {
    composed = composeKernels(composed, kernels[i]!);
    prefixes.push(composed);
  }
  const direct = correlate(input, composed);
  const stack = cur;
  const diff = stack.data.map((v, i) => Math.abs(v - direct.data[i]!));
  const differing: number[] = [];
  diff.forEach((d, i) => (d > LINEAR_TOLERANCE * Math.max(1, Math.abs(direct.data[i]!)) ? differing.push(i) : 0));
  return {
    input,
    kernels,
    pre,
    post,
    prefixes,
    composed,
    direct,
    stack,
    diff,
    maxDiff: maxAbsOf(diff),
    differing,
    negatives,
    relu: useRelu,
    inputMax: maxAbsOf(x),
    kernelMax: Math.max(...kernels.map((k) => maxAbsOf(k.data))),
    composedMax: maxAbsOf(composed.data),
    mapMax: Math.max(...pre.map((m) => maxAbsOf(m.data)), maxAbsOf(direct.data)),
  };
}
