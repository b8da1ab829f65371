import { EngineError, expecting } from './errors';
import { vecArg, type Tensor, type Vec } from './tensor';
import { finiteAt, indexArg, optionsArg } from './trace-common';

/*
 * Step-by-step traces of normalization (batch, layer, instance, group; training-mode statistics).
 * A "group" is the set of elements sharing one mean and variance. A group is traced directly from
 * its index in O(group size), with numerically stable statistics: float64, mean first, then the sum
 * of squared deviations (biased variance), never the one-pass E[x²] − E[x]² formula.
 */

/** Which normalization. */
export type NormKind = 'batch' | 'layer' | 'instance' | 'group';

/**
 * Options of a traced normalization. `groups` is required for group norm; eps (a finite number > 0)
 * defaults to 1e-5. Statistics are always the batch's own (training mode): running statistics are
 * not traced.
 */
export interface NormTraceOptions {
  kind: NormKind;
  groups?: number;
  /** Per channel (length C, or D for an N×D input); layer norm also takes one per element of C×H×W. */
  gamma?: Vec;
  beta?: Vec;
  eps?: number;
}

/** The statistics of one group, member by member. */
export interface NormGroupTrace {
  group: number;
  /** Flat indices of the members in the input, in NCHW order. */
  members: Int32Array;
  values: Float64Array;
  count: number;
  sum: number;
  mean: number;
  /** (x − mean)² per member. */
  sqDevs: Float64Array;
  /** Biased: Σ sqDevs / count. */
  variance: number;
  /** sqrt(variance + eps). */
  std: number;
  eps: number;
  xhat: Float64Array;
  /** γ and β per member (1 and 0 when absent). */
  gamma: Float64Array;
  beta: Float64Array;
  y: Float64Array;
}

/** The stages of a group's computation, in order. */
export type NormStage = 'sum' | 'mean' | 'sqdev' | 'variance' | 'xhat' | 'affine';

/** One step of the fine-grained animation of a group. */
export interface NormStep {
  index: number;
  total: number;
  group: number;
  /** Members per group. */
  count: number;
  stage: NormStage;
  /** Member index within the group, −1 for the 'mean' and 'variance' stages. */
  k: number;
  /** The member's flat index in the input, or −1. */
  member: number;
  /** The number this step produces: running sum, mean, squared deviation, variance, x̂_k or y_k. */
  value: number;
  /** The member's input value (stages with k ≥ 0). */
  x?: number;
  /** Stage 'sum': the sum of members 0..k; stage 'mean': the whole sum. */
  runningSum?: number;
  /** Known from the 'mean' stage on. */
  mean?: number;
  /** Stage 'sqdev': the sum of squared deviations of members 0..k; stage 'variance': all of them. */
  runningSqSum?: number;
  /** Known from the 'variance' stage on. */
  variance?: number;
  /** sqrt(variance + eps), stages 'xhat' and 'affine'. */
  std?: number;
  /** Stage 'affine': x̂_k, γ_k and β_k. */
  xhat?: number;
  gamma?: number;
  beta?: number;
}

interface NormLayout {
  kind: NormKind;
  n: number;
  c: number;
  /** Spatial size H·W (1 for an N×D input). */
  s: number;
  groups: number;
  groupCount: number;
  /** Members per group. */
  m: number;
  size: number;
}

const KINDS: readonly NormKind[] = ['batch', 'layer', 'instance', 'group'];

function normLayout(shape: readonly number[], opts: NormTraceOptions, field = 'shape'): NormLayout {
  const o = optionsArg(opts, 'options', true);
  const kind = o.kind;
  if (!KINDS.includes(kind as NormKind))
    throw new EngineError('kind', kind, '"batch", "layer", "instance" or "group"');
  if (!Array.isArray(shape) || (shape.length !== 4 && shape.length !== 2)) {
    throw new EngineError(field, shape, 'a rank-4 shape [N, C, H, W] or a rank-2 shape [N, D]');
  }
  shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) throw new EngineError(`${field}[${i}]`, d, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
  });
  if (shape.length === 2 && (kind === 'instance' || kind === 'group')) {
    throw new EngineError(field, shape, `a rank-4 shape [N, C, H, W] (${kind} norm normalizes over H × W)`);
  }
  const n = shape[0]!;
  const c = shape[1]!;
  const s = shape.length === 4 ? shape[2]! * shape[3]! : 1;
  let groups = 1;
  if (kind === 'group') {
    if (o.groups === undefined)
      throw new EngineError('groups', o.groups, expecting('divisor', `a whole number ≥ 1 dividing the channels (${c})`, { count: c, of: 'channels' }));
    groups = o.groups;
    if (!Number.isInteger(groups) || groups < 1 || c % groups !== 0) {
      throw new EngineError('groups', groups, expecting('divisor', `a whole number ≥ 1 dividing the channels (${c})`, { count: c, of: 'channels' }));
    }
  }
  const size = n * c * s;
  switch (kind as NormKind) {
    case 'batch':
      return { kind: 'batch', n, c, s, groups, groupCount: c, m: n * s, size };
    case 'layer':
      return { kind: 'layer', n, c, s, groups, groupCount: n, m: c * s, size };
    case 'instance':
      return { kind: 'instance', n, c, s, groups, groupCount: n * c, m: s, size };
    default:
      return { kind: 'group', n, c, s, groups, groupCount: n * groups, m: (c / groups) * s, size };
  }
}

/** The flat index of member `k` of group `group`, in O(1). */
function memberAt(L: NormLayout, group: number, k: number): number {
  switch (L.kind) {
    case 'batch': {
      const j = k % L.s;
      return (((k - j) / L.s) * L.c + group) * L.s + j;
    }
    case 'layer':
      return group * L.m + k;
    case 'instance':
      return group * L.s + k;
    case 'group': {
      const g = group % L.groups;
      const n = (group - g) / L.groups;
      return n * L.c * L.s + g * L.m + k;
    }
  }
}

/**
 * The number of groups (elements sharing one mean and variance) of a normalization of `shape`:
 * batch → C, layer → N, instance → N·C, group → N·G. Rank-2 `[N, D]` shapes are accepted for batch
 * norm (per d) and layer norm (per n). Throws an `EngineError` for an invalid shape or options.
 */
export function normGroupCount(shape: readonly number[], opts: NormTraceOptions): number {
  return normLayout(shape, opts).groupCount;
}

/**
 * The group that the element at `flatIndex` (NCHW order) belongs to: batch → c, layer → n,
 * instance → n·C + c, group → n·G + g, matching the order of the whole-tensor functions' mean and
 * variance arrays. Throws an `EngineError` when the index lies outside the tensor.
 */
export function normGroupOf(shape: readonly number[], opts: NormTraceOptions, flatIndex: number): number {
  const L = normLayout(shape, opts);
  indexArg(flatIndex, L.size, 'flatIndex');
  const ch = Math.floor(flatIndex / L.s) % L.c;
  const n = Math.floor(flatIndex / (L.c * L.s));
  switch (L.kind) {
    case 'batch':
      return ch;
    case 'layer':
      return n;
    case 'instance':
      return n * L.c + ch;
    case 'group':
      return n * L.groups + Math.floor(ch / (L.c / L.groups));
  }
}

/**
 * The flat indices (NCHW order, increasing) of the members of `group`, in O(group size). Together
 * the groups partition the tensor. Throws an `EngineError` when `group` is out of range.
 */
export function normGroupMembers(
  shape: readonly number[],
  opts: NormTraceOptions,
  group: number,
): Int32Array {
  const L = normLayout(shape, opts);
  indexArg(group, L.groupCount, 'group');
  const out = new Int32Array(L.m);
  for (let k = 0; k < L.m; k++) out[k] = memberAt(L, group, k);
  return out;
}

interface Resolved {
  L: NormLayout;
  data: Float32Array;
  gamma: Float32Array | null;
  beta: Float32Array | null;
  eps: number;
}

function resolve(input: Tensor, opts: NormTraceOptions): Resolved {
  if (!input || !Array.isArray(input.shape) || !(input.data instanceof Float32Array)) {
    throw new EngineError('input', input, 'a tensor { shape: number[], data: Float32Array }');
  }
  const L = normLayout(input.shape, opts, 'input.shape');
  if (input.data.length !== L.size) {
    throw new EngineError(
      'input.data.length',
      input.data.length,
      expecting('valueCount', `${L.size} values for shape [${input.shape.join(', ')}]`, { count: L.size }),
    );
  }
  const lengths = L.kind === 'layer' && L.s > 1 ? [L.c, L.c * L.s] : [L.c];
  const gamma = vecArg(opts.gamma, 'gamma', lengths);
  const beta = vecArg(opts.beta, 'beta', lengths);
  if (gamma && beta && gamma.length !== beta.length) {
    throw new EngineError('beta.length', beta.length, expecting('length', `${gamma.length}, the length of gamma`, { expected: gamma.length }));
  }
  const eps = opts.eps === undefined ? 1e-5 : opts.eps;
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps <= 0) {
    throw new EngineError('eps', eps, expecting('positive', 'a finite number > 0'));
  }
  return { L, data: input.data, gamma, beta, eps };
}

/** γ (or β) for the element at `flat`: per channel, or per element of C×H×W for layer norm. */
function affineAt(v: Float32Array | null, L: NormLayout, flat: number, fallback: number): number {
  if (!v) return fallback;
  return v.length === L.c ? v[Math.floor(flat / L.s) % L.c]! : v[flat % (L.c * L.s)]!;
}

interface Stats {
  members: Int32Array;
  values: Float64Array;
  sum: number;
  mean: number;
  sqSum: number;
  variance: number;
  std: number;
}

/** Two-pass float64 statistics of one group: the same arithmetic for traces and steps. */
function groupStats(R: Resolved, group: number): Stats {
  const { L } = R;
  const members = new Int32Array(L.m);
  const values = new Float64Array(L.m);
  let sum = 0;
  for (let k = 0; k < L.m; k++) {
    const flat = memberAt(L, group, k);
    members[k] = flat;
    values[k] = finiteAt(R.data, flat, 'input.data');
    sum += values[k]!;
  }
  const mean = sum / L.m;
  let sqSum = 0;
  for (let k = 0; k < L.m; k++) {
    const d = values[k]! - mean;
    sqSum += d * d;
  }
  const variance = sqSum / L.m;
  return { members, values, sum, mean, sqSum, variance, std: Math.sqrt(variance + R.eps) };
}

/**
 * Traces one group of a training-mode normalization: its members, values, sum, mean, squared
 * deviations, biased variance, std = sqrt(variance + eps), x̂ and y = γ·x̂ + β per member. The mean
 * and variance equal the whole-tensor function's entries for that group and y equals its output at
 * the members. Runs in O(group size), reading only the group's values. Throws an `EngineError` for
 * an invalid tensor, option or group index.
 */
export function normGroupTrace(input: Tensor, opts: NormTraceOptions, group: number): NormGroupTrace {
  const R = resolve(input, opts);
  indexArg(group, R.L.groupCount, 'group');
  const st = groupStats(R, group);
  const m = R.L.m;
  const sqDevs = new Float64Array(m);
  const xhat = new Float64Array(m);
  const gamma = new Float64Array(m);
  const beta = new Float64Array(m);
  const y = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const d = st.values[k]! - st.mean;
    sqDevs[k] = d * d;
    xhat[k] = d / st.std;
    gamma[k] = affineAt(R.gamma, R.L, st.members[k]!, 1);
    beta[k] = affineAt(R.beta, R.L, st.members[k]!, 0);
    y[k] = gamma[k]! * xhat[k]! + beta[k]!;
  }
  return {
    group,
    members: st.members,
    values: st.values,
    count: m,
    sum: st.sum,
    mean: st.mean,
    sqDevs,
    variance: st.variance,
    std: st.std,
    eps: R.eps,
    xhat,
    gamma,
    beta,
    y,
  };
}

/**
 * The number of steps of a normalization animation: each group, in order, takes 4m + 2 steps
 * (m running sums, the mean, m squared deviations, the variance, m x̂ values, m affine outputs), so
 * the total is groups × (4m + 2). Throws an `EngineError` for an invalid shape or options.
 */
export function normStepCount(shape: readonly number[], opts: NormTraceOptions): number {
  const L = normLayout(shape, opts);
  return L.groupCount * (4 * L.m + 2);
}

/**
 * Step `index` of the normalization animation, reached directly: the group and stage are computed
 * from the index, a 'sum' step adds members 0..k in O(k), every other step computes the group's
 * statistics in O(m). Values equal those of `normGroupTrace` exactly (same arithmetic). Throws an
 * `EngineError` for an invalid tensor, option or index.
 */
export function normStep(input: Tensor, opts: NormTraceOptions, index: number): NormStep {
  const R = resolve(input, opts);
  const { L } = R;
  const m = L.m;
  const per = 4 * m + 2;
  const total = L.groupCount * per;
  indexArg(index, total, 'index');
  const r = index % per;
  const group = (index - r) / per;
  const base = { index, total, group, count: m };
  if (r < m) {
    let runningSum = 0;
    let x = 0;
    let member = -1;
    for (let k = 0; k <= r; k++) {
      member = memberAt(L, group, k);
      x = finiteAt(R.data, member, 'input.data');
      runningSum += x;
    }
    return { ...base, stage: 'sum', k: r, member, value: runningSum, x, runningSum };
  }
  const st = groupStats(R, group);
  const { mean, variance, std } = st;
  if (r === m) return { ...base, stage: 'mean', k: -1, member: -1, value: mean, runningSum: st.sum, mean };
  if (r <= 2 * m) {
    const k = r - m - 1;
    let runningSqSum = 0;
    let sq = 0;
    for (let j = 0; j <= k; j++) {
      const d = st.values[j]! - mean;
      sq = d * d;
      runningSqSum += sq;
    }
    return {
      ...base,
      stage: 'sqdev',
      k,
      member: st.members[k]!,
      value: sq,
      x: st.values[k]!,
      mean,
      runningSqSum,
    };
  }
  if (r === 2 * m + 1) {
    return {
      ...base,
      stage: 'variance',
      k: -1,
      member: -1,
      value: variance,
      mean,
      runningSqSum: st.sqSum,
      variance,
    };
  }
  const stage = r < 3 * m + 2 ? 'xhat' : 'affine';
  const k = stage === 'xhat' ? r - 2 * m - 2 : r - 3 * m - 2;
  const member = st.members[k]!;
  const x = st.values[k]!;
  const xhat = (x - mean) / std;
  if (stage === 'xhat') return { ...base, stage, k, member, value: xhat, x, mean, variance, std };
  const gamma = affineAt(R.gamma, L, member, 1);
  const beta = affineAt(R.beta, L, member, 0);
  return { ...base, stage, k, member, value: gamma * xhat + beta, x, mean, variance, std, xhat, gamma, beta };
}
