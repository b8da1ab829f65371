/**
 * The pooling view's state (`#/pool`): its configuration type, its URL parameter table, its
 * defaults, the repair of links whose keys are each valid but impossible together, and its actions as
 * pure functions `(config, arg) → { config } | { rejection }`. PyTorch's rules decide what is
 * possible (padding at most half the kernel, at least one window, no dilation for average pooling);
 * the engine's `checkPool2d` says why something is not.
 */
import { checkPool2d, pool2dShape, type Problem } from '../../engine/shapes';
import { FILTER_PRESETS, SPEEDS, defaultsOf, type ParamTable } from '../params';
import { checkParamBilingual, formatParam } from '../codec';
import type { FilterPreset, UrlProblem } from '../types';
import type { ViewCodec } from '../views';
import { problemKo } from './ko';

/** Max pooling or average pooling. */
export type PoolKind = 'max' | 'avg';
/** Which part of the view is shown: the pooling walk-through, or ReLU on a convolution's output. */
export type PoolPart = 'pool' | 'relu';
/** Where the input comes from: seeded integers or decimals, or a shipped sample image. */
export type PoolSource = 'int' | 'float' | 'checker' | 'digit' | 'gradient' | 'scene';
/** A switch written the way PyTorch spells its booleans (lower case): `ceil=true`. */
export type Flag = 'true' | 'false';

/** The pooling view's whole configuration. */
export interface PoolConfig {
  part: PoolPart;
  kind: PoolKind;
  /** Input channels, height, width. */
  c: number;
  h: number;
  w: number;
  src: PoolSource;
  /** Seed of the random input and of the random filter before ReLU. */
  seed: number;
  /** Window [kh, kw], stride [sh, sw], padding [ph, pw] (both sides alike, as in PyTorch), dilation [dh, dw]. */
  k: [number, number];
  s: [number, number];
  p: [number, number];
  /** Max pooling only; average pooling has none. */
  d: [number, number];
  /** PyTorch's ceil_mode. */
  ceil: Flag;
  /** PyTorch's count_include_pad (average pooling). */
  cip: Flag;
  /** The 3×3 filter whose output ReLU is applied to. */
  rf: FilterPreset;
  /** Current step of the walk-through (channel, output row, output column). */
  step: number;
  /** Playback speed in steps per second. */
  speed: number;
}

/** Bounds of the view, stated in the UI where they bite. */
export const POOL_LIMITS = { c: 8, hw: 128, k: 11, s: 11, p: 5, d: 6 } as const;

export const POOL_KINDS: readonly PoolKind[] = ['max', 'avg'];
export const POOL_PARTS: readonly PoolPart[] = ['pool', 'relu'];
export const POOL_SOURCES: readonly PoolSource[] = ['int', 'float', 'checker', 'digit', 'gradient', 'scene'];
const FLAGS: readonly Flag[] = ['false', 'true'];

/** The natural size and channel count of each shipped sample (as in src/io/image.ts). */
export const POOL_SAMPLES: Readonly<
  Record<Exclude<PoolSource, 'int' | 'float'>, { size: number; channels: number }>
> = {
  checker: { size: 32, channels: 1 },
  digit: { size: 28, channels: 1 },
  gradient: { size: 32, channels: 3 },
  scene: { size: 64, channels: 3 },
};

/**
 * The pooling view's keys, in the order they are written. The default is a lecture's example: two
 * 4×4 channels of small whole numbers, max pooling with a 2×2 window and stride 2 → two 2×2 maps.
 */
export const POOL_PARAMS: ParamTable<PoolConfig> = [
  {
    key: 'part',
    type: 'enum',
    field: 'part',
    default: 'pool',
    allowed: POOL_PARTS,
    label: 'the part shown (pool or relu)',
    labelKo: '표시할 부분(pool 또는 relu)',
  },
  {
    key: 'kind',
    type: 'enum',
    field: 'kind',
    default: 'max',
    allowed: POOL_KINDS,
    label: 'the kind of pooling',
    labelKo: '풀링 종류',
    always: true,
  },
  {
    key: 'in',
    type: 'shape',
    fields: ['c', 'h', 'w'],
    names: ['channels', 'height', 'width'],
    default: [2, 4, 4],
    min: [1, 1, 1],
    max: [POOL_LIMITS.c, POOL_LIMITS.hw, POOL_LIMITS.hw],
    label: 'the input shape',
    labelKo: '입력 모양',
    always: true,
  },
  {
    key: 'k',
    type: 'pair',
    field: 'k',
    default: [2, 2],
    min: 1,
    max: POOL_LIMITS.k,
    label: 'the window size',
    labelKo: '윈도우 크기',
    always: true,
  },
  {
    key: 's',
    type: 'pair',
    field: 's',
    default: [2, 2],
    min: 1,
    max: POOL_LIMITS.s,
    label: 'the stride',
    labelKo: '스트라이드',
    always: true,
  },
  {
    key: 'p',
    type: 'pair',
    field: 'p',
    default: [0, 0],
    min: 0,
    max: POOL_LIMITS.p,
    label: 'the padding',
    labelKo: '패딩',
    always: true,
  },
  {
    key: 'd',
    type: 'pair',
    field: 'd',
    default: [1, 1],
    min: 1,
    max: POOL_LIMITS.d,
    label: 'the dilation',
    labelKo: '팽창(dilation)',
  },
  {
    key: 'ceil',
    type: 'enum',
    field: 'ceil',
    default: 'false',
    allowed: FLAGS,
    label: 'ceil_mode',
    labelKo: 'ceil_mode',
  },
  {
    key: 'cip',
    type: 'enum',
    field: 'cip',
    default: 'true',
    allowed: FLAGS,
    label: 'count_include_pad',
    labelKo: 'count_include_pad',
  },
  {
    key: 'seed',
    type: 'int',
    field: 'seed',
    default: 9,
    min: 0,
    max: 4294967295,
    label: 'the seed',
    labelKo: '시드',
    always: true,
  },
  {
    key: 'src',
    type: 'enum',
    field: 'src',
    default: 'int',
    allowed: POOL_SOURCES,
    label: 'the input source',
    labelKo: '입력 소스',
  },
  {
    key: 'rf',
    type: 'enum',
    field: 'rf',
    default: 'random',
    allowed: FILTER_PRESETS,
    label: 'the filter before ReLU',
    labelKo: 'ReLU 앞의 필터',
  },
  {
    key: 'speed',
    type: 'number',
    field: 'speed',
    default: 1,
    min: SPEEDS[0]!,
    max: SPEEDS[SPEEDS.length - 1]!,
    allowed: SPEEDS,
    label: 'the playback speed',
    labelKo: '재생 속도',
  },
  {
    key: 'step',
    type: 'int',
    field: 'step',
    default: 0,
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    label: 'the step',
    labelKo: '단계',
  },
];

const spec = (key: string) => POOL_PARAMS.find((s) => s.key === key)!;

/** A fresh default configuration: `#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9`. */
export function defaultPool(): PoolConfig {
  return defaultsOf(POOL_PARAMS);
}

/** A deep copy (the store never shares arrays). */
export function clonePool(cfg: Readonly<PoolConfig>): PoolConfig {
  return { ...cfg, k: [...cfg.k], s: [...cfg.s], p: [...cfg.p], d: [...cfg.d] };
}

/** Whether the input is a sample image (values 0…1) rather than seeded numbers. */
export const isImageSource = (src: PoolSource) => src !== 'int' && src !== 'float';

/** The engine's view of a configuration, as `checkPool2d` and `pool2dShape` take it. */
export function poolShapeConfig(cfg: Readonly<PoolConfig>) {
  return {
    channels: cfg.c,
    height: cfg.h,
    width: cfg.w,
    kernel: cfg.k,
    stride: cfg.s,
    padding: cfg.p,
    dilation: cfg.kind === 'max' ? cfg.d : ([1, 1] as [number, number]),
    ceilMode: cfg.ceil === 'true',
  };
}

/** Every reason the configuration is impossible (PyTorch's rules), as the engine states them; empty when fine. */
export function poolProblems(cfg: Readonly<PoolConfig>): Problem[] {
  return checkPool2d(poolShapeConfig(cfg));
}

/** The output height and width `[H′, W′]` of a valid configuration. */
export function poolOutputShape(cfg: Readonly<PoolConfig>): [number, number] {
  const sc = poolShapeConfig(cfg);
  const { outShape } = pool2dShape([sc.channels, sc.height, sc.width], sc);
  return [outShape[2], outShape[3]];
}

/** The number of steps of the walk-through, one per output cell: `C·H′·W′` (0 when impossible). */
export function poolTotalSteps(cfg: Readonly<PoolConfig>): number {
  if (poolProblems(cfg).length > 0) return 0;
  const [oh, ow] = poolOutputShape(cfg);
  return cfg.c * oh * ow;
}

// ---------------------------------------------------------------------------------------------
// Repair of links
// ---------------------------------------------------------------------------------------------

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const stripDot = (text: string) => text.replace(/\.$/, '');

/**
 * Makes a configuration whose keys are each valid also valid as a whole, one problem per change:
 * average pooling drops a dilation; padding over half the window goes back to 0 on that axis; a window
 * larger than the padded input goes back to the default 2 on that axis (and to 1 when the input
 * is a single row or column); a step past the last goes back to 0.
 */
export function repairPool(input: Readonly<PoolConfig>): { config: PoolConfig; problems: UrlProblem[] } {
  const cfg = clonePool(input);
  const problems: UrlProblem[] = [];
  const say = (key: string, message: string, ko: string) => problems.push({ key, message, ko });

  if (cfg.kind === 'avg' && (cfg.d[0] !== 1 || cfg.d[1] !== 1)) {
    say(
      'd',
      `d=${formatParam(spec('d'), cfg.d)}: average pooling has no dilation in PyTorch; using d=1.`,
      `d=${formatParam(spec('d'), cfg.d)}: PyTorch의 평균 풀링에는 팽창(dilation)이 없으므로 d=1을 사용합니다.`,
    );
    cfg.d = [1, 1];
  }

  const fix = (field: 'padding' | 'kernel') => poolProblems(cfg).find((p) => p.field === field);
  const padding = fix('padding');
  if (padding) {
    const before = formatParam(spec('p'), cfg.p);
    const p: [number, number] = [...cfg.p];
    for (const axis of [0, 1] as const) if (p[axis] > Math.floor(cfg.k[axis] / 2)) p[axis] = 0;
    cfg.p = p;
    say(
      'p',
      `p=${before}: ${lower(stripDot(padding.message))}; using p=${formatParam(spec('p'), p)}.`,
      `p=${before}: ${paddingKo(cfg.k, input.p)} p=${formatParam(spec('p'), p)}을(를) 사용합니다.`,
    );
  }

  const kernel = fix('kernel');
  if (kernel) {
    const before = formatParam(spec('k'), cfg.k);
    const k: [number, number] = [...cfg.k];
    const size = [cfg.h, cfg.w];
    for (const axis of [0, 1] as const) {
      const padded = size[axis]! + 2 * cfg.p[axis];
      const extent = (cfg.kind === 'max' ? cfg.d[axis] : 1) * (k[axis] - 1) + 1;
      if (extent > padded) k[axis] = size[axis]! >= 2 ? 2 : 1;
    }
    cfg.k = k;
    // A smaller window may now allow less padding, and a dilated window may still not fit.
    const [p0, d0] = [formatParam(spec('p'), cfg.p), formatParam(spec('d'), cfg.d)];
    for (const axis of [0, 1] as const) {
      if (cfg.p[axis] > Math.floor(k[axis] / 2)) cfg.p[axis] = 0;
      const extent = (cfg.kind === 'max' ? cfg.d[axis] : 1) * (k[axis] - 1) + 1;
      if (extent > size[axis]! + 2 * cfg.p[axis]) cfg.d[axis] = 1;
    }
    const using = [`k=${formatParam(spec('k'), cfg.k)}`];
    if (formatParam(spec('p'), cfg.p) !== p0) using.push(`p=${formatParam(spec('p'), cfg.p)}`);
    if (formatParam(spec('d'), cfg.d) !== d0) using.push(`d=${formatParam(spec('d'), cfg.d)}`);
    say(
      'k',
      `k=${before}: ${lower(stripDot(kernel.message))}; using ${using.join(' and ')}.`,
      `k=${before}: ${kernelKo(input.k, [input.h + 2 * cfg.p[0], input.w + 2 * cfg.p[1]])} ${using.join(', ')}을(를) 사용합니다.`,
    );
  }

  const total = poolTotalSteps(cfg);
  if (cfg.step >= total) {
    say(
      'step',
      `step=${cfg.step}: this configuration has ${total} steps (0 to ${total - 1}); using 0.`,
      `step=${cfg.step}: 이 설정의 단계는 ${total}개(0부터 ${total - 1}까지)이므로 0을 사용합니다.`,
    );
    cfg.step = 0;
  }
  return { config: cfg, problems };
}

/** The pooling view's entry in the registry of views (src/state/views.ts). */
export const poolCodec: ViewCodec<PoolConfig> = {
  table: POOL_PARAMS,
  defaults: defaultPool,
  repair: repairPool,
};

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

/** A refused change: which setting (its URL key) and why, in a sentence saying what would be valid. */
export interface PoolRejection {
  field: string;
  message: string;
  /** The same in Korean. */
  ko: string;
}

/** What an action gives: the new configuration, or why the change is refused (the old one stays). */
export type PoolResult = { config: PoolConfig } | { rejection: PoolRejection };

const refuse = (field: string, message: string, ko: string): PoolResult => ({
  rejection: { field, message, ko },
});

const dimsText = (a: readonly [number, number]) => `${a[0]}×${a[1]}`;

/** Korean of the engine's "padding more than half the window" sentence. */
function paddingKo(k: readonly [number, number], p: readonly [number, number]): string {
  const limit = [Math.floor(k[0] / 2), Math.floor(k[1] / 2)];
  const lim = limit[0] === limit[1] ? `${limit[0]}` : `${limit[0]}×${limit[1]}(행×열)`;
  const pad = p[0] === p[1] ? `${p[0]}` : `${p[0]}×${p[1]}`;
  return `패딩 ${pad}은(는) ${dimsText(k)} 풀링 윈도우의 절반보다 커서 윈도우가 패딩만 볼 수 있습니다. PyTorch는 최대 ${lim}까지 허용합니다.`;
}

/** Korean of the engine's "window larger than the padded input" sentence. */
function kernelKo(k: readonly [number, number], padded: readonly [number, number]): string {
  return `${dimsText(k)} 풀링 윈도우가 패딩을 더한 ${dimsText(padded)} 입력보다 큽니다.`;
}

/** Maps an engine field to the URL key of the control that should show its message. */
const KEY_OF_FIELD: Record<string, string> = {
  kernel: 'k',
  stride: 's',
  padding: 'p',
  dilation: 'd',
  ceilMode: 'ceil',
  input: 'in',
  channels: 'in',
};

/**
 * Accepts a candidate unless it is impossible: then the first problem is reported on `field` (the
 * control the user touched), worded by the engine. Keeps the step inside the new walk-through.
 */
function commit(field: string, next: PoolConfig): PoolResult {
  const problems = poolProblems(next);
  if (problems.length > 0) {
    const own = problems.find((p) => KEY_OF_FIELD[p.field] === field) ?? problems[0]!;
    const ko =
      own.field === 'padding'
        ? paddingKo(next.k, next.p)
        : own.field === 'kernel'
          ? `${kernelKo(next.k, [next.h + 2 * next.p[0], next.w + 2 * next.p[1]])} 더 작은 윈도우${next.kind === 'max' ? ', 더 작은 팽창(dilation)' : ''} 또는 더 많은 패딩을 사용하세요.`
          : problemKo(own);
    return refuse(field, own.message, ko);
  }
  const total = poolTotalSteps(next);
  next.step = Math.min(Math.max(0, next.step), total - 1);
  return { config: next };
}

/** Validates a value against its URL row; the row's sentence when it is not valid. */
function invalid(key: string, value: unknown): PoolResult | null {
  const problem = checkParamBilingual(spec(key), value);
  return problem === null ? null : refuse(key, problem.message, problem.ko!);
}

/** Chooses max or average pooling; average pooling has no dilation, so switching to it drops one. */
export function setKind(cfg: Readonly<PoolConfig>, kind: PoolKind): PoolResult {
  const bad = invalid('kind', kind);
  if (bad) return bad;
  const next = clonePool(cfg);
  next.kind = kind;
  if (kind === 'avg') next.d = [1, 1];
  return commit('kind', next);
}

/** Shows the pooling walk-through or the ReLU part. */
export function setPart(cfg: Readonly<PoolConfig>, part: PoolPart): PoolResult {
  const bad = invalid('part', part);
  if (bad) return bad;
  return commit('part', { ...clonePool(cfg), part });
}

/** Resizes the input (channels, height, width). */
export function setInput(cfg: Readonly<PoolConfig>, c: number, h: number, w: number): PoolResult {
  const bad = invalid('in', [c, h, w]);
  if (bad) return bad;
  return commit('in', { ...clonePool(cfg), c, h, w });
}

/** Picks the input source; a sample image brings its natural size (and 1 or 3 channels). */
export function setSource(cfg: Readonly<PoolConfig>, src: PoolSource): PoolResult {
  const bad = invalid('src', src);
  if (bad) return bad;
  const next = { ...clonePool(cfg), src };
  if (isImageSource(src)) {
    const sample = POOL_SAMPLES[src as keyof typeof POOL_SAMPLES];
    next.c = sample.channels === 1 ? 1 : cfg.c === 1 || cfg.c === 3 ? cfg.c : 3;
    next.h = sample.size;
    next.w = sample.size;
  }
  return commit('src', next);
}

/** Sets the seed of the random input and filter. */
export function setSeed(cfg: Readonly<PoolConfig>, seed: number): PoolResult {
  const bad = invalid('seed', seed);
  if (bad) return bad;
  return commit('seed', { ...clonePool(cfg), seed });
}

/**
 * Sets the window size. When the stride equalled the window (PyTorch's default, stride = kernel),
 * it follows the new window, so `k=2,s=2` becomes `k=3,s=3`.
 */
export function setKernel(cfg: Readonly<PoolConfig>, k: [number, number]): PoolResult {
  const bad = invalid('k', k);
  if (bad) return bad;
  const next = clonePool(cfg);
  const follows = cfg.s[0] === cfg.k[0] && cfg.s[1] === cfg.k[1];
  next.k = [k[0], k[1]];
  if (follows) next.s = [Math.min(k[0], POOL_LIMITS.s), Math.min(k[1], POOL_LIMITS.s)];
  return commit('k', next);
}

/** Sets the stride. */
export function setStride(cfg: Readonly<PoolConfig>, s: [number, number]): PoolResult {
  const bad = invalid('s', s);
  if (bad) return bad;
  return commit('s', { ...clonePool(cfg), s: [s[0], s[1]] });
}

/** Sets the padding [rows, columns] (the same on both sides of an axis, as PyTorch's pooling pads). */
export function setPadding(cfg: Readonly<PoolConfig>, p: [number, number]): PoolResult {
  const bad = invalid('p', p);
  if (bad) return bad;
  return commit('p', { ...clonePool(cfg), p: [p[0], p[1]] });
}

/** Sets the dilation (max pooling only: average pooling has none in PyTorch). */
export function setDilation(cfg: Readonly<PoolConfig>, d: [number, number]): PoolResult {
  const bad = invalid('d', d);
  if (bad) return bad;
  if (cfg.kind === 'avg' && (d[0] !== 1 || d[1] !== 1)) {
    return refuse(
      'd',
      'Average pooling has no dilation in PyTorch (nn.AvgPool2d takes none); switch to max pooling to use one.',
      'PyTorch의 평균 풀링에는 팽창(dilation)이 없습니다(nn.AvgPool2d는 받지 않습니다). 팽창을 쓰려면 최대 풀링으로 바꾸세요.',
    );
  }
  return commit('d', { ...clonePool(cfg), d: [d[0], d[1]] });
}

/** Turns ceil mode on or off. */
export function setCeil(cfg: Readonly<PoolConfig>, on: boolean): PoolResult {
  return commit('ceil', { ...clonePool(cfg), ceil: on ? 'true' : 'false' });
}

/** Turns count_include_pad on or off (it changes the divisor of average pooling at padded borders). */
export function setCountIncludePad(cfg: Readonly<PoolConfig>, on: boolean): PoolResult {
  return commit('cip', { ...clonePool(cfg), cip: on ? 'true' : 'false' });
}

/** Picks the 3×3 filter whose output ReLU is applied to. */
export function setReluFilter(cfg: Readonly<PoolConfig>, rf: FilterPreset): PoolResult {
  const bad = invalid('rf', rf);
  if (bad) return bad;
  return commit('rf', { ...clonePool(cfg), rf });
}

/** Moves to step `n`, kept within 0 … total − 1. */
export function setStep(cfg: Readonly<PoolConfig>, n: number): PoolResult {
  if (typeof n !== 'number' || Number.isNaN(n))
    return refuse('step', 'The step must be a whole number.', '단계는 정수여야 합니다.');
  return commit('step', { ...clonePool(cfg), step: Math.trunc(n) });
}

/** Sets the playback speed (one of the offered speeds). */
export function setSpeed(cfg: Readonly<PoolConfig>, speed: number): PoolResult {
  const bad = invalid('speed', speed);
  if (bad) return bad;
  return commit('speed', { ...clonePool(cfg), speed });
}

/** One speed faster (`delta` 1) or slower (−1), staying within the offered speeds. */
export function changeSpeed(cfg: Readonly<PoolConfig>, delta: 1 | -1): PoolResult {
  let at = SPEEDS.indexOf(cfg.speed);
  if (at < 0) at = 0;
  const i = Math.min(SPEEDS.length - 1, Math.max(0, at + delta));
  return commit('speed', { ...clonePool(cfg), speed: SPEEDS[i]! });
}
