import { batchNorm, groupNorm, instanceNorm, layerNorm, type NormStats } from '../../engine/norm';
import type { Tensor } from '../../engine/tensor';
import type { NormTraceOptions } from '../../engine/trace-norm';
import type { NormText } from '../../i18n/norm';
import {
  betaOf,
  gammaOf,
  groupCountOf,
  groupSizeOf,
  mapSize,
  stepsPerGroup,
  type NormConfig,
  type NormKindName,
} from '../../state/views/norm';

/**
 * Everything the normalization lab computes from a configuration and its data (pure). The
 * statistics of the whole tensor come from the engine's batchNorm / layerNorm / instanceNorm /
 * groupNorm; the walk-through of one group from its traces.
 */

/** γ and β per channel, as the engine takes them. */
export function affineOf(cfg: Readonly<NormConfig>): { gamma: Float32Array; beta: Float32Array } {
  const gamma = new Float32Array(cfg.c);
  const beta = new Float32Array(cfg.c);
  for (let c = 0; c < cfg.c; c++) {
    gamma[c] = gammaOf(cfg, c);
    beta[c] = betaOf(cfg, c);
  }
  return { gamma, beta };
}

/** The options of the engine's traces for this configuration (γ, β per channel, ε, G). */
export function traceOptions(cfg: Readonly<NormConfig>): NormTraceOptions {
  const { gamma, beta } = affineOf(cfg);
  return { kind: cfg.kind, groups: cfg.kind === 'group' ? cfg.g : undefined, gamma, beta, eps: cfg.eps };
}

/** Runs the configuration's normalization (training statistics) with or without γ and β. */
export function normalize(cfg: Readonly<NormConfig>, x: Tensor, affine = true): NormStats {
  const opts = affine ? { ...affineOf(cfg), eps: cfg.eps } : { eps: cfg.eps };
  switch (cfg.kind) {
    case 'batch':
      return batchNorm(x, opts);
    case 'layer':
      return layerNorm(x, opts);
    case 'instance':
      return instanceNorm(x, opts);
    case 'group':
      return groupNorm(x, { ...opts, groups: cfg.g });
  }
}

/** The lab's picture of one mini-batch: its values, x̂ and y, and one mean and variance per group. */
export interface NormModel {
  x: Tensor;
  /** (x − μ)/√(σ² + ε), before γ and β. */
  xhat: Float32Array;
  /** γ·x̂ + β. */
  y: Float32Array;
  /** One per group, in group order (batch: channel c; layer: sample n; instance: n·C + c; group: n·G + g). */
  mean: Float32Array;
  variance: Float32Array;
  groups: number;
  /** Members per group m. */
  m: number;
  /** Steps per group, 4m + 2. */
  per: number;
  /** Steps of the whole walk-through. */
  total: number;
  /** The group of every map (or every cell of an N×D matrix), indexed n·C + c. */
  mapGroup: Int32Array;
}

/** Builds the model of one mini-batch `x` for a valid configuration. */
export function buildNormModel(cfg: Readonly<NormConfig>, x: Tensor): NormModel {
  const full = normalize(cfg, x, true);
  const bare = normalize(cfg, x, false);
  const groups = groupCountOf(cfg);
  const m = groupSizeOf(cfg);
  const mapGroup = new Int32Array(cfg.n * cfg.c);
  for (let n = 0; n < cfg.n; n++)
    for (let c = 0; c < cfg.c; c++) mapGroup[n * cfg.c + c] = groupOfMap(cfg, n, c);
  return {
    x,
    xhat: bare.output.data,
    y: full.output.data,
    mean: full.mean,
    variance: full.var,
    groups,
    m,
    per: stepsPerGroup(cfg),
    total: groups * stepsPerGroup(cfg),
    mapGroup,
  };
}

/** The group of map (n, c): every group is a union of whole H×W maps. */
export function groupOfMap(
  cfg: Readonly<Pick<NormConfig, 'kind' | 'c' | 'g'>>,
  n: number,
  c: number,
): number {
  switch (cfg.kind) {
    case 'batch':
      return c;
    case 'layer':
      return n;
    case 'instance':
      return n * cfg.c + c;
    case 'group':
      return n * cfg.g + Math.floor(c / (cfg.c / cfg.g));
  }
}

/** The maps (n, c) of group `g`, in member order (members run through each map row by row). */
export function mapsOfGroup(
  cfg: Readonly<Pick<NormConfig, 'kind' | 'n' | 'c' | 'g'>>,
  g: number,
): [number, number][] {
  const out: [number, number][] = [];
  switch (cfg.kind) {
    case 'batch':
      for (let n = 0; n < cfg.n; n++) out.push([n, g]);
      break;
    case 'layer':
      for (let c = 0; c < cfg.c; c++) out.push([g, c]);
      break;
    case 'instance':
      out.push([Math.floor(g / cfg.c), g % cfg.c]);
      break;
    case 'group': {
      const per = cfg.c / cfg.g;
      const n = Math.floor(g / cfg.g);
      for (let k = 0; k < per; k++) out.push([n, (g % cfg.g) * per + k]);
      break;
    }
  }
  return out;
}

/**
 * In words (in `t`'s language), which values group `g` gathers: "channel 2 of every sample",
 * "channels 0–1 of sample 1". `channelName` names one channel (red/green/blue for images).
 */
export function describeGroup(
  cfg: Readonly<NormConfig>,
  g: number,
  t: NormText,
  channelName: (c: number) => string = channelNamer(cfg, t),
): string {
  const nd = cfg.layout === 'nd';
  switch (cfg.kind) {
    case 'batch':
      return nd ? t.batchGroupNd(t.featureN(String(g))) : t.batchGroup(channelName(g));
    case 'layer':
      return nd ? t.layerGroupNd(String(g)) : t.layerGroup(String(g));
    case 'instance':
      return t.ofSample(channelName(g % cfg.c), String(Math.floor(g / cfg.c)));
    case 'group': {
      const per = cfg.c / cfg.g;
      const first = (g % cfg.g) * per;
      const chans = per === 1 ? channelName(first) : t.channelsRange(String(first), String(first + per - 1));
      return t.ofSample(chans, String(Math.floor(g / cfg.g)));
    }
  }
}

/** How a group's m is counted, e.g. "N·H·W = 2·3·3 = 18". */
export function countFormula(cfg: Readonly<NormConfig>): string {
  const nd = cfg.layout === 'nd';
  const m = groupSizeOf(cfg);
  const hw = nd ? [] : [cfg.h, cfg.w];
  const hwSym = nd ? [] : ['H', 'W'];
  const parts: { sym: string[]; num: number[] } = (() => {
    switch (cfg.kind) {
      case 'batch':
        return { sym: ['N', ...hwSym], num: [cfg.n, ...hw] };
      case 'layer':
        return { sym: [nd ? 'D' : 'C', ...hwSym], num: [cfg.c, ...hw] };
      case 'instance':
        return { sym: hwSym, num: hw };
      case 'group':
        return { sym: ['(C/G)', ...hwSym], num: [cfg.c / cfg.g, ...hw] };
    }
  })();
  if (parts.sym.length === 1) return `${parts.sym[0]} = ${m}`;
  return `${parts.sym.join('·')} = ${parts.num.join('·')} = ${m}`;
}

/** One row of the table of shapes: which tensor, and its shape for each normalization. */
export interface ShapeRow {
  name: string;
  shapes: Record<NormKindName, string | null>;
}

/**
 * The table of shapes with this configuration's numbers: μ and σ are 1×C×1×1 (batch), N×1×1×1
 * (layer), N×C×1×1 (instance), N×G×1×1 (group); γ and β are 1×C×1×1; for N×D, μ and σ are 1×D
 * (batch) and N×1 (layer), γ and β 1×D. Null where a normalization does not apply.
 */
export function shapeTable(cfg: Readonly<NormConfig>): ShapeRow[] {
  const { n, c, g } = cfg;
  if (cfg.layout === 'nd') {
    return [
      { name: 'x, y', shapes: { batch: `${n}×${c}`, layer: `${n}×${c}`, instance: null, group: null } },
      { name: 'μ, σ', shapes: { batch: `1×${c}`, layer: `${n}×1`, instance: null, group: null } },
      { name: 'γ, β', shapes: { batch: `1×${c}`, layer: `1×${c}`, instance: null, group: null } },
    ];
  }
  const x = `${n}×${c}×${cfg.h}×${cfg.w}`;
  return [
    { name: 'x, y', shapes: { batch: x, layer: x, instance: x, group: x } },
    {
      name: 'μ, σ',
      shapes: {
        batch: `1×${c}×1×1`,
        layer: `${n}×1×1×1`,
        instance: `${n}×${c}×1×1`,
        group: `${n}×${cfg.kind === 'group' ? g : 'G'}×1×1`,
      },
    },
    {
      name: 'γ, β',
      shapes: { batch: `1×${c}×1×1`, layer: `1×${c}×1×1`, instance: `1×${c}×1×1`, group: `1×${c}×1×1` },
    },
  ];
}

/** The PyTorch module that computes the same thing, and a note (in `t`'s language) where PyTorch's usual module differs. */
export function pytorchLine(cfg: Readonly<NormConfig>, t: NormText): { code: string; note: string | null } {
  const eps = cfg.eps === 1e-5 ? '' : `, eps=${cfg.eps}`;
  const mom = cfg.mom === 0.1 ? '' : `, momentum=${cfg.mom}`;
  if (cfg.layout === 'nd') {
    return {
      code: cfg.kind === 'layer' ? `nn.LayerNorm(${cfg.c}${eps})` : `nn.BatchNorm1d(${cfg.c}${eps}${mom})`,
      note: null,
    };
  }
  switch (cfg.kind) {
    case 'batch':
      return { code: `nn.BatchNorm2d(${cfg.c}${eps}${mom})`, note: null };
    case 'layer':
      return {
        code: `nn.GroupNorm(1, ${cfg.c}${eps})`,
        note: t.layerNote(String(cfg.c), String(cfg.h), String(cfg.w)),
      };
    case 'instance':
      return {
        code: `nn.InstanceNorm2d(${cfg.c}${eps}, affine=True)`,
        note: t.instanceNote,
      };
    case 'group':
      return { code: `nn.GroupNorm(${cfg.g}, ${cfg.c}${eps})`, note: null };
  }
}

/** A note in words, and a PyTorch message it quotes (shown as code), if any. */
export interface Note {
  text: string;
  code?: string;
}

/** PyTorch's error when a normalization group (or a channel in training) has a single value. */
export const ONE_VALUE_ERROR = 'Expected more than 1 value per channel when training';

/**
 * Notes (in `t`'s language) on choices that coincide or degenerate: group norm with one group is
 * layer norm, with C groups instance norm; batch norm of one sample groups like instance norm;
 * layer norm of one channel groups like instance norm; a group of one value normalizes to β.
 */
export function coincidences(cfg: Readonly<NormConfig>, t: NormText): Note[] {
  const out: Note[] = [];
  const nd = cfg.layout === 'nd';
  if (cfg.kind === 'group' && cfg.g === 1 && cfg.c > 1) out.push({ text: t.groupIsLayer(String(cfg.c)) });
  if (cfg.kind === 'group' && cfg.g === cfg.c && cfg.c > 1)
    out.push({ text: t.groupIsInstance(String(cfg.c)) });
  if (cfg.kind === 'group' && cfg.g === cfg.c && cfg.c === 1) out.push({ text: t.groupIsBoth });
  if (cfg.kind === 'batch' && cfg.n === 1 && !nd) out.push({ text: t.batchOfOne });
  if (cfg.kind === 'layer' && cfg.c === 1 && !nd) out.push({ text: t.layerOfOne });
  if (groupSizeOf(cfg) === 1) out.push({ text: t.singleValue, code: ONE_VALUE_ERROR });
  return out;
}

/** One mini-batch's update of the running statistics of one channel. */
export interface RunningUpdate {
  batch: number;
  /** The batch's mean and biased variance (used to normalize it), and the unbiased variance (for the running average). */
  mean: number;
  variance: number;
  unbiased: number;
  /** Values per channel k = N·H·W. */
  count: number;
  meanBefore: number;
  varBefore: number;
  meanAfter: number;
  varAfter: number;
}

/** The running statistics after a run of mini-batches, and each batch's update per channel. */
export interface RunningHistory {
  /** updates[b][c]. */
  updates: RunningUpdate[][];
  mean: Float32Array;
  variance: Float32Array;
  /** Values per channel k when there are too few (k < 2) to update the running variance, else null. */
  tooFew: number | null;
}

/**
 * Runs batch norm in training over mini-batches 0 … B − 1 from PyTorch's initial running statistics
 * (mean 0, variance 1): each batch gives rm ← (1 − m)·rm + m·mean and rv ← (1 − m)·rv + m·var·k/(k − 1)
 * (the engine's batchNorm computes them). With k = 1 there is no unbiased variance: nothing is updated
 * and `tooFew` holds k (PyTorch stops with ONE_VALUE_ERROR).
 */
export function runningHistory(cfg: Readonly<NormConfig>, batches: readonly Tensor[]): RunningHistory {
  const c = cfg.c;
  let rm: Float32Array = new Float32Array(c);
  let rv: Float32Array = new Float32Array(c).fill(1);
  const count = cfg.n * mapSize(cfg);
  const updates: RunningUpdate[][] = [];
  if (count < 2) {
    return { updates, mean: rm, variance: rv, tooFew: count };
  }
  batches.forEach((x, b) => {
    const r = batchNorm(x, { runningMean: rm, runningVar: rv, momentum: cfg.mom, eps: cfg.eps });
    const row: RunningUpdate[] = [];
    for (let ch = 0; ch < c; ch++) {
      row.push({
        batch: b,
        mean: r.mean[ch]!,
        variance: r.var[ch]!,
        unbiased: (r.var[ch]! * count) / (count - 1),
        count,
        meanBefore: rm[ch]!,
        varBefore: rv[ch]!,
        meanAfter: r.newRunningMean![ch]!,
        varAfter: r.newRunningVar![ch]!,
      });
    }
    updates.push(row);
    rm = r.newRunningMean!;
    rv = r.newRunningVar!;
  });
  return { updates, mean: rm, variance: rv, tooFew: null };
}

/** A test sample normalized two ways: as the layer does at test time, and with the sample's own statistics. */
export interface TestResult {
  x: Tensor;
  /** What the layer outputs at test time (batch norm: the running statistics; the others: the sample's own). */
  y: Float32Array;
  /** The statistics used, per channel for batch norm, per group otherwise. */
  mean: Float32Array;
  variance: Float32Array;
  /** Batch norm only: the sample's own per-channel statistics (a "batch" of one) and the output they would give. */
  ownMean: Float32Array | null;
  ownVar: Float32Array | null;
  ownY: Float32Array | null;
}

/** Normalizes the test sample: batch norm with the running statistics, the others with its own (as in training). */
export function testResult(cfg: Readonly<NormConfig>, x: Tensor, running: RunningHistory): TestResult {
  const { gamma, beta } = affineOf(cfg);
  if (cfg.kind !== 'batch') {
    const r = normalize({ ...cfg, n: 1 }, x, true);
    return { x, y: r.output.data, mean: r.mean, variance: r.var, ownMean: null, ownVar: null, ownY: null };
  }
  const r = batchNorm(x, {
    training: false,
    runningMean: running.mean,
    runningVar: running.variance,
    gamma,
    beta,
    eps: cfg.eps,
  });
  const own = batchNorm(x, { gamma, beta, eps: cfg.eps });
  return {
    x,
    y: r.output.data,
    mean: r.mean,
    variance: r.var,
    ownMean: own.mean,
    ownVar: own.var,
    ownY: own.output.data,
  };
}

/** The values of channel `c` of an [N, C, …] array (every sample, every position). */
export function channelValues(
  data: ArrayLike<number>,
  n: number,
  c: number,
  C: number,
  s: number,
): Float32Array {
  const out = new Float32Array(n * s);
  for (let i = 0; i < n; i++) for (let j = 0; j < s; j++) out[i * s + j] = data[(i * C + c) * s + j]!;
  return out;
}

/** Where the walk-through is: which groups are finished, and how far the current one is. */
export interface Progress {
  group: number;
  /** Step within the group, 0 … 4m + 1. */
  step: number;
  m: number;
  /** Whether the current group's mean / variance are known yet. */
  meanKnown: boolean;
  varKnown: boolean;
  /** Members of the current group whose y is computed. */
  outputsDone: number;
}

/** Reads the walk-through position: mean known from step m, variance from 2m + 1, y_k after step 3m + 2 + k. */
export function progressOf(grp: number, step: number, m: number): Progress {
  return {
    group: grp,
    step,
    m,
    meanKnown: step >= m,
    varKnown: step >= 2 * m + 1,
    outputsDone: Math.max(0, step - (3 * m + 2) + 1),
  };
}

/**
 * What channel `c` is called, in `t`'s language: red/green/blue for a colour image, grey, a feature
 * of N×D, else "channel c".
 */
export function channelNamer(cfg: Readonly<NormConfig>, t: NormText): (c: number) => string {
  if (cfg.layout === 'nd') return (c) => t.featureN(String(c));
  if (cfg.src === 'image') {
    if (cfg.c === 1) return () => t.grey;
    return (c) => [t.red, t.green, t.blue][c] ?? t.greyN(String(c));
  }
  return (c) => t.channelN(String(c));
}
