/**
 * Normalization layers with PyTorch semantics: batch, layer, instance and group normalization. They
 * differ only in which values share a mean and variance. Statistics use a two-pass algorithm in
 * float64 (mean first, then the mean squared deviation), so values far from zero keep their variance;
 * the variance is the biased one (divided by the count), and y = (x − mean)/√(var + eps)·γ + β.
 */
import { EngineError, expecting } from './errors';
import { checkTensor } from './gemm';
import { vecArg, type Tensor, type Vec } from './tensor';

/** A normalized tensor with the statistics used, one mean and (biased) variance per normalized set. */
export interface NormStats {
  output: Tensor;
  mean: Float32Array;
  var: Float32Array;
}

/** The affine parameters and ε shared by every normalization. */
export interface NormOptions {
  /** Scale γ, one per channel (layerNorm also takes one per element of a sample); default 1. */
  gamma?: Vec | null;
  /** Shift β, same length as γ; default 0. */
  beta?: Vec | null;
  /** Added to the variance before the square root; a finite number > 0, default 1e-5. */
  eps?: number;
}

/** Options of {@link batchNorm}. */
export interface BatchNormOptions extends NormOptions {
  /** Use the batch statistics (default true); false normalizes with the running statistics. */
  training?: boolean;
  /** Running mean, length C; required when `training` is false. */
  runningMean?: Vec | null;
  /** Running (unbiased) variance, length C; required when `training` is false. */
  runningVar?: Vec | null;
  /** Weight of the new batch in the running statistics, in [0, 1]; default 0.1. */
  momentum?: number;
}

/** The result of {@link batchNorm}: with running statistics in training, their updated values. */
export interface BatchNormResult extends NormStats {
  newRunningMean?: Float32Array;
  newRunningVar?: Float32Array;
}

/** Options of {@link groupNorm}. */
export interface GroupNormOptions extends NormOptions {
  /** Number of channel groups; must divide the channel count. */
  groups: number;
}

interface NormShape {
  n: number;
  c: number;
  hw: number;
  shape: number[];
}

function normShape(input: Tensor, ranks: number[]): NormShape {
  const shape = checkTensor(input, 'input', ranks);
  const [n, c, h = 1, w = 1] = shape as [number, number, number?, number?];
  return { n, c, hw: h * w, shape };
}

function epsArg(value: unknown): number {
  if (value === undefined) return 1e-5;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new EngineError('eps', value, expecting('positive', 'a finite number > 0'));
  }
  return value;
}

function optionsArg<T>(opts: T | undefined, required = false): Partial<T> {
  if (opts === undefined && !required) return {};
  if (opts === null || typeof opts !== 'object') {
    throw new EngineError(
      'opts',
      opts,
      required ? 'an options object with { groups }' : 'an options object or nothing',
    );
  }
  return opts;
}

/** Mean and biased variance of `len` contiguous values from `off`, two passes in float64. */
function segmentStats(x: Float32Array, off: number, len: number): [number, number] {
  let s = 0;
  for (let i = off; i < off + len; i++) s += x[i]!;
  const mean = s / len;
  let q = 0;
  for (let i = off; i < off + len; i++) {
    const d = x[i]! - mean;
    q += d * d;
  }
  return [mean, q / len];
}

/**
 * Normalizes contiguous sets of `len` values (set i starts at i·len) with per-set statistics, then
 * applies γ/β, where each block of `affineStride` values shares one γ/β entry and the entries of
 * consecutive sets continue cyclically modulo `affinePeriod`.
 */
function normalizeSegments(
  input: Tensor,
  sets: number,
  len: number,
  eps: number,
  gamma: Float32Array | null,
  beta: Float32Array | null,
  affineStride: number,
  affinePeriod: number,
): NormStats {
  const x = input.data;
  const out = new Float32Array(x.length);
  const mean = new Float32Array(sets);
  const variance = new Float32Array(sets);
  for (let s = 0; s < sets; s++) {
    const off = s * len;
    const [m, v] = segmentStats(x, off, len);
    mean[s] = m;
    variance[s] = v;
    const inv = 1 / Math.sqrt(v + eps);
    if (!gamma && !beta) {
      for (let i = off; i < off + len; i++) out[i] = (x[i]! - m) * inv;
      continue;
    }
    // Values of a set come in blocks of `affineStride` sharing one γ/β entry.
    const first = ((s * len) / affineStride) % affinePeriod;
    for (let blk = 0; blk < len / affineStride; blk++) {
      const a = first + blk;
      const scale = (gamma ? gamma[a]! : 1) * inv;
      const shift = beta ? beta[a]! : 0;
      const start = off + blk * affineStride;
      for (let i = start; i < start + affineStride; i++) out[i] = (x[i]! - m) * scale + shift;
    }
  }
  return { output: { shape: [...input.shape], data: out }, mean, var: variance };
}

/** Per-channel mean and biased variance over N·H·W values of an [N, C, H·W] array, two passes in float64. */
function channelMoments(
  x: Float32Array,
  n: number,
  c: number,
  hw: number,
  mean: Float64Array,
  variance: Float64Array,
): void {
  const count = n * hw;
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let img = 0; img < n; img++) {
      const off = (img * c + ch) * hw;
      for (let i = off; i < off + hw; i++) s += x[i]!;
    }
    const m = s / count;
    let q = 0;
    for (let img = 0; img < n; img++) {
      const off = (img * c + ch) * hw;
      for (let i = off; i < off + hw; i++) {
        const d = x[i]! - m;
        q += d * d;
      }
    }
    mean[ch] = m;
    variance[ch] = q / count;
  }
}

/** out = (x − mean[c])·scale[c] + shift[c] for an [N, C, H·W] array. */
function applyPerChannel(
  x: Float32Array,
  out: Float32Array,
  n: number,
  c: number,
  hw: number,
  mean: Float64Array,
  scale: Float64Array,
  shift: Float64Array,
): void {
  for (let img = 0; img < n; img++) {
    for (let ch = 0; ch < c; ch++) {
      const m = mean[ch]!;
      const k = scale[ch]!;
      const b = shift[ch]!;
      const off = (img * c + ch) * hw;
      for (let i = off; i < off + hw; i++) out[i] = (x[i]! - m) * k + b;
    }
  }
}

/**
 * Batch normalization of `input` [N, C, H, W] or [N, D] (fully connected), PyTorch's
 * `nn.BatchNorm2d`/`BatchNorm1d`. In training (the default) each channel is normalized with its
 * mean and biased variance over N·H·W values, which are returned; given `runningMean`/`runningVar`
 * it also returns `newRunningMean = (1 − m)·rm + m·mean` and `newRunningVar = (1 − m)·rv + m·var·k/(k − 1)`
 * (k = N·H·W, momentum m). With `training: false` it normalizes with the running statistics (both
 * required, and returned as mean/var). A single value per channel normalizes to β (PyTorch refuses
 * it in training); only the running update, which needs k ≥ 2, rejects it. Throws an `EngineError`
 * naming the field for a bad rank, wrong vector lengths, bad eps/momentum or non-finite values.
 */
export function batchNorm(input: Tensor, opts?: BatchNormOptions): BatchNormResult {
  const o = optionsArg(opts);
  const { n, c, hw } = normShape(input, [2, 4]);
  const eps = epsArg(o.eps);
  const training = o.training === undefined ? true : o.training;
  if (typeof training !== 'boolean') throw new EngineError('training', training, expecting('boolean', 'true or false'));
  const momentum = o.momentum === undefined ? 0.1 : o.momentum;
  if (typeof momentum !== 'number' || !Number.isFinite(momentum) || momentum < 0 || momentum > 1) {
    throw new EngineError('momentum', momentum, expecting('unitInterval', 'a number between 0 and 1'));
  }
  const gamma = vecArg(o.gamma, 'gamma', [c]);
  const beta = vecArg(o.beta, 'beta', [c]);
  const rm = vecArg(o.runningMean, 'runningMean', [c]);
  const rv = vecArg(o.runningVar, 'runningVar', [c]);
  if (rv) {
    rv.forEach((v, i) => {
      if (v < 0) throw new EngineError(`runningVar[${i}]`, v, expecting('nonNegative', 'a variance ≥ 0'));
    });
  }
  if (!training && !rm) {
    throw new EngineError(
      'runningMean',
      o.runningMean,
      `a vector of length ${c} (required when training is false)`,
    );
  }
  if (!training && !rv) {
    throw new EngineError(
      'runningVar',
      o.runningVar,
      `a vector of length ${c} (required when training is false)`,
    );
  }
  if (training && (rm === null) !== (rv === null)) {
    const missing = rm ? 'runningVar' : 'runningMean';
    throw new EngineError(
      missing,
      undefined,
      `a vector of length ${c}, given together with ${rm ? 'runningMean' : 'runningVar'}`,
    );
  }
  const count = n * hw;
  if (training && rm && count < 2) {
    throw new EngineError(
      'input.shape',
      input.shape,
      'more than one value per channel (N·H·W ≥ 2) to update the running variance, which is unbiased',
    );
  }

  const mean = new Float64Array(c);
  const variance = new Float64Array(c);
  if (training) {
    channelMoments(input.data, n, c, hw, mean, variance);
  } else {
    mean.set(rm!);
    variance.set(rv!);
  }
  const scale = new Float64Array(c);
  const shift = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) {
    scale[ch] = (gamma ? gamma[ch]! : 1) / Math.sqrt(variance[ch]! + eps);
    shift[ch] = beta ? beta[ch]! : 0;
  }
  const out = new Float32Array(input.data.length);
  applyPerChannel(input.data, out, n, c, hw, mean, scale, shift);

  const result: BatchNormResult = {
    output: { shape: [...input.shape], data: out },
    mean: Float32Array.from(mean),
    var: Float32Array.from(variance),
  };
  if (training && rm && rv) {
    const newMean = new Float32Array(c);
    const newVar = new Float32Array(c);
    for (let ch = 0; ch < c; ch++) {
      newMean[ch] = (1 - momentum) * rm[ch]! + momentum * mean[ch]!;
      newVar[ch] = (1 - momentum) * rv[ch]! + (momentum * variance[ch]! * count) / (count - 1);
    }
    result.newRunningMean = newMean;
    result.newRunningVar = newVar;
  }
  return result;
}

/**
 * Layer normalization of `input` [N, C, H, W] or [N, D]: each sample is normalized with the mean and
 * biased variance of all its values (returned, length N), like PyTorch's `nn.LayerNorm([C, H, W])`.
 * `gamma`/`beta` hold either one value per channel (length C, shared over H×W) or one per element of
 * a sample (length C·H·W). Throws an `EngineError` naming the field for a bad rank, wrong vector
 * lengths, a bad eps or non-finite values.
 */
export function layerNorm(input: Tensor, opts?: NormOptions): NormStats {
  const o = optionsArg(opts);
  const { n, c, hw } = normShape(input, [2, 4]);
  const eps = epsArg(o.eps);
  const lengths = hw === 1 ? [c] : [c, c * hw];
  const gamma = vecArg(o.gamma, 'gamma', lengths);
  const beta = vecArg(o.beta, 'beta', lengths);
  if (gamma && beta && gamma.length !== beta.length) {
    throw new EngineError('beta.length', beta.length, expecting('length', `${gamma.length}, the length of gamma`, { expected: gamma.length }));
  }
  const perElement = (gamma ?? beta)?.length === c * hw;
  return normalizeSegments(input, n, c * hw, eps, gamma, beta, perElement ? 1 : hw, perElement ? c * hw : c);
}

/**
 * Instance normalization of `input` [N, C, H, W]: every channel of every sample is normalized with
 * its own mean and biased variance over H×W (returned, length N·C, sample-major), like PyTorch's
 * `nn.InstanceNorm2d` with `gamma`/`beta` of length C. A 1×1 map (which PyTorch refuses) normalizes
 * to β. Throws an `EngineError` naming the field for bad input.
 */
export function instanceNorm(input: Tensor, opts?: NormOptions): NormStats {
  const o = optionsArg(opts);
  const { n, c, hw } = normShape(input, [4]);
  const eps = epsArg(o.eps);
  const gamma = vecArg(o.gamma, 'gamma', [c]);
  const beta = vecArg(o.beta, 'beta', [c]);
  return normalizeSegments(input, n * c, hw, eps, gamma, beta, hw, c);
}

/**
 * Group normalization of `input` [N, C, H, W] (PyTorch's `nn.GroupNorm`): the C channels are split
 * into `groups` consecutive groups and each group of each sample is normalized with its mean and
 * biased variance (returned, length N·groups, sample-major); `gamma`/`beta` have length C. One group
 * is layer normalization, C groups is instance normalization. Throws an `EngineError` naming the
 * field when groups does not divide C, and for other bad input.
 */
export function groupNorm(input: Tensor, opts: GroupNormOptions): NormStats {
  const o = optionsArg(opts, true);
  const { n, c, hw } = normShape(input, [4]);
  const groups = o.groups;
  if (typeof groups !== 'number' || !Number.isInteger(groups) || groups < 1 || c % groups !== 0) {
    throw new EngineError('groups', groups, expecting('divisor', `a whole number ≥ 1 that divides the channel count ${c}`, { count: c, of: 'channels' }));
  }
  const eps = epsArg(o.eps);
  const gamma = vecArg(o.gamma, 'gamma', [c]);
  const beta = vecArg(o.beta, 'beta', [c]);
  return normalizeSegments(input, n * groups, (c / groups) * hw, eps, gamma, beta, hw, c);
}
