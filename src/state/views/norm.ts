/**
 * The normalization lab's state (`#/norm`): its configuration type, its URL parameter table, its
 * defaults, the repair of links whose keys are each valid but impossible together, and its actions
 * as pure functions `(config, arg) → { config } | { rejection }`. Which elements share one mean and
 * variance follows PyTorch: batch norm per channel over N·H·W, layer norm per sample over C·H·W,
 * instance norm per sample and channel over H·W, group norm per sample and group of C/G channels.
 */
import { SPEEDS, defaultConv, type ParamTable } from '../params';
import { checkParamBilingual, convOutputShape, formatParam, sanitizeConv } from '../codec';
import { FILTER_PRESETS, INPUT_SOURCES } from '../params';
import type { ConvConfig, FilterPreset, InputSource, UrlProblem } from '../types';
import type { ViewCodec } from '../views';

/** Which normalization: who shares one mean and one variance. */
export type NormKindName = 'batch' | 'layer' | 'instance' | 'group';
/** A convolution's N×C×H×W tensor, or a fully connected layer's N×D matrix. */
export type NormLayout = 'nchw' | 'nd';
/**
 * Where the values come from: seeded normal numbers with per-channel offsets and spreads, the shipped
 * sample images, the convolution view's output, or numbers typed by hand.
 */
export type NormSource = 'random' | 'image' | 'conv' | 'custom';
/** Training (batch statistics, running averages updated) or testing (one sample, running statistics). */
export type NormMode = 'train' | 'test';

/** The normalization lab's whole configuration. */
export interface NormConfig {
  layout: NormLayout;
  kind: NormKindName;
  /** Number of channel groups of group norm (divides c). */
  g: number;
  /** Samples N, channels C (features D in the N×D layout), height H, width W. */
  n: number;
  c: number;
  h: number;
  w: number;
  src: NormSource;
  seed: number;
  /** Per-channel offsets (means) and spreads (standard deviations) of the random data; missing entries take the defaults. */
  off: number[];
  sd: number[];
  /** Hand-typed values, NCHW row-major (source `custom`), exactly N·C·H·W of them (N·D in the N×D layout). */
  x: number[];
  /** The convolution configuration whose output is the data (source `conv`), packed by `packConv`; empty = the default one. */
  cv: number[];
  /** Edited γ and β by channel (unedited: γ = 1, β = 0). */
  gamma: Record<number, number>;
  beta: Record<number, number>;
  eps: number;
  mode: NormMode;
  /** The mini-batch shown (0-based); running statistics have been updated by batches 0…batch. */
  batch: number;
  /** Weight of a new batch in the running statistics (PyTorch's momentum). */
  mom: number;
  /** The group whose statistics are being worked out, and the step within it (0 … 4m + 1). */
  grp: number;
  step: number;
  speed: number;
}

/** Bounds of the view, stated in the UI where they bite (the largest tensor has 8·12·16·16 = 24,576 values). */
export const NORM_LIMITS = {
  n: 8,
  c: 12,
  hw: 16,
  batches: 50,
  custom: 256,
  affine: 100,
  value: 1000,
} as const;

export const NORM_KINDS: readonly NormKindName[] = ['batch', 'layer', 'instance', 'group'];
export const NORM_LAYOUTS: readonly NormLayout[] = ['nchw', 'nd'];
export const NORM_SOURCES: readonly NormSource[] = ['random', 'image', 'conv', 'custom'];
export const NORM_MODES: readonly NormMode[] = ['train', 'test'];

/** The lecture's data: channel 0 around 5 with spread 2, channel 1 around −3 with spread 0.5, and so on. */
export const DEFAULT_OFFSETS: readonly number[] = [5, -3, 0, 2, -1, 1, 3, -2, 0.5, -0.5, 4, -4];
export const DEFAULT_SPREADS: readonly number[] = [2, 0.5, 1, 1.5, 0.8, 0.3, 1, 2, 0.6, 1.2, 0.4, 0.9];

/** The smallest and largest ε a link or a field may hold. */
export const EPS_MIN = 1e-12;
export const EPS_MAX = 100;

/**
 * The lab's keys, in the order they are written. The default is a lecture's example: two samples of
 * three 3×3 channels with very different offsets and spreads, batch normalization.
 */
export const NORM_PARAMS: ParamTable<NormConfig> = [
  {
    key: 'layout',
    type: 'enum',
    field: 'layout',
    default: 'nchw',
    allowed: NORM_LAYOUTS,
    label: 'the layout (nchw or nd)',
    labelKo: '레이아웃(nchw 또는 nd)',
  },
  {
    key: 'kind',
    type: 'enum',
    field: 'kind',
    default: 'batch',
    allowed: NORM_KINDS,
    label: 'the normalization',
    labelKo: '정규화 종류',
    always: true,
  },
  {
    key: 'g',
    type: 'int',
    field: 'g',
    default: 1,
    min: 1,
    max: NORM_LIMITS.c,
    label: 'the number of groups',
    labelKo: '그룹 개수',
  },
  {
    key: 'n',
    type: 'int',
    field: 'n',
    default: 2,
    min: 1,
    max: NORM_LIMITS.n,
    label: 'the number of samples',
    labelKo: '샘플 개수',
    always: true,
  },
  {
    key: 'in',
    type: 'shape',
    fields: ['c', 'h', 'w'],
    names: ['channels', 'height', 'width'],
    default: [3, 3, 3],
    min: [1, 1, 1],
    max: [NORM_LIMITS.c, NORM_LIMITS.hw, NORM_LIMITS.hw],
    label: 'the shape of a sample',
    labelKo: '샘플 하나의 모양',
    always: true,
  },
  {
    key: 'src',
    type: 'enum',
    field: 'src',
    default: 'random',
    allowed: NORM_SOURCES,
    label: 'the data source',
    labelKo: '데이터 소스',
  },
  {
    key: 'seed',
    type: 'int',
    field: 'seed',
    default: 1,
    min: 0,
    max: 4294967295,
    label: 'the seed',
    labelKo: '시드',
    always: true,
  },
  {
    key: 'off',
    type: 'numberList',
    field: 'off',
    default: [],
    min: -100,
    max: 100,
    minLength: 0,
    maxLength: NORM_LIMITS.c,
    integer: false,
    label: 'the channel offsets',
    labelKo: '채널별 오프셋',
  },
  {
    key: 'sd',
    type: 'numberList',
    field: 'sd',
    default: [],
    min: 0,
    max: 100,
    minLength: 0,
    maxLength: NORM_LIMITS.c,
    integer: false,
    label: 'the channel spreads',
    labelKo: '채널별 퍼짐',
  },
  {
    key: 'x',
    type: 'numberList',
    field: 'x',
    default: [],
    min: -NORM_LIMITS.value,
    max: NORM_LIMITS.value,
    minLength: 0,
    maxLength: NORM_LIMITS.custom,
    integer: false,
    label: 'the typed values',
    labelKo: '입력한 값',
  },
  {
    key: 'cv',
    type: 'numberList',
    field: 'cv',
    default: [],
    min: -4294967295,
    max: 4294967295,
    minLength: 0,
    maxLength: 400,
    integer: false,
    label: 'the convolution settings',
    labelKo: '합성곱 설정',
  },
  {
    key: 'gamma',
    type: 'sparse',
    field: 'gamma',
    min: -NORM_LIMITS.affine,
    max: NORM_LIMITS.affine,
    label: 'the γ edits',
    labelKo: 'γ 편집',
  },
  {
    key: 'beta',
    type: 'sparse',
    field: 'beta',
    min: -NORM_LIMITS.affine,
    max: NORM_LIMITS.affine,
    label: 'the β edits',
    labelKo: 'β 편집',
  },
  {
    key: 'eps',
    type: 'number',
    field: 'eps',
    default: 1e-5,
    min: EPS_MIN,
    max: EPS_MAX,
    label: 'ε',
    labelKo: 'ε',
  },
  {
    key: 'mode',
    type: 'enum',
    field: 'mode',
    default: 'train',
    allowed: NORM_MODES,
    label: 'the mode (train or test)',
    labelKo: '모드(학습 또는 테스트)',
  },
  {
    key: 'batch',
    type: 'int',
    field: 'batch',
    default: 0,
    min: 0,
    max: NORM_LIMITS.batches - 1,
    label: 'the mini-batch',
    labelKo: '미니배치',
  },
  {
    key: 'mom',
    type: 'number',
    field: 'mom',
    default: 0.1,
    min: 0,
    max: 1,
    label: 'the momentum',
    labelKo: '모멘텀',
  },
  {
    key: 'grp',
    type: 'int',
    field: 'grp',
    default: 0,
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    label: 'the group',
    labelKo: '그룹',
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
  {
    key: 'speed',
    type: 'number',
    field: 'speed',
    default: 2,
    min: SPEEDS[0]!,
    max: SPEEDS[SPEEDS.length - 1]!,
    allowed: SPEEDS,
    label: 'the playback speed',
    labelKo: '재생 속도',
  },
];

const spec = (key: string) => NORM_PARAMS.find((s) => s.key === key)!;

/** A fresh default configuration: `#/norm?v=1&kind=batch&n=2&in=3x3x3&seed=1`. */
export function defaultNorm(): NormConfig {
  return {
    layout: 'nchw',
    kind: 'batch',
    g: 1,
    n: 2,
    c: 3,
    h: 3,
    w: 3,
    src: 'random',
    seed: 1,
    off: [],
    sd: [],
    x: [],
    cv: [],
    gamma: {},
    beta: {},
    eps: 1e-5,
    mode: 'train',
    batch: 0,
    mom: 0.1,
    grp: 0,
    step: 0,
    speed: 2,
  };
}

/** A deep copy (the store never shares arrays or maps). */
export function cloneNorm(cfg: Readonly<NormConfig>): NormConfig {
  return {
    ...cfg,
    off: [...cfg.off],
    sd: [...cfg.sd],
    x: [...cfg.x],
    cv: [...cfg.cv],
    gamma: { ...cfg.gamma },
    beta: { ...cfg.beta },
  };
}

// ---------------------------------------------------------------------------------------------
// Derived sizes
// ---------------------------------------------------------------------------------------------

/** The tensor's shape: `[N, C, H, W]`, or `[N, D]` in the fully connected layout. */
export function normShape(cfg: Readonly<NormConfig>): number[] {
  return cfg.layout === 'nd' ? [cfg.n, cfg.c] : [cfg.n, cfg.c, cfg.h, cfg.w];
}

/** The number of values in the tensor. */
export function normSize(cfg: Readonly<NormConfig>): number {
  return normShape(cfg).reduce((a, b) => a * b, 1);
}

/** Values of one map: H·W, or 1 in the N×D layout. */
export function mapSize(cfg: Readonly<NormConfig>): number {
  return cfg.layout === 'nd' ? 1 : cfg.h * cfg.w;
}

/** The number of statistics groups: batch C, layer N, instance N·C, group N·G. */
export function groupCountOf(cfg: Readonly<NormConfig>): number {
  switch (cfg.kind) {
    case 'batch':
      return cfg.c;
    case 'layer':
      return cfg.n;
    case 'instance':
      return cfg.n * cfg.c;
    case 'group':
      return cfg.n * cfg.g;
  }
}

/** Members per group m: batch N·H·W, layer C·H·W, instance H·W, group (C/G)·H·W. */
export function groupSizeOf(cfg: Readonly<NormConfig>): number {
  const s = mapSize(cfg);
  switch (cfg.kind) {
    case 'batch':
      return cfg.n * s;
    case 'layer':
      return cfg.c * s;
    case 'instance':
      return s;
    case 'group':
      return (cfg.c / cfg.g) * s;
  }
}

/** Steps of one group's walk-through: m running sums, the mean, m squared deviations, the variance, m x̂, m y. */
export function stepsPerGroup(cfg: Readonly<NormConfig>): number {
  return 4 * groupSizeOf(cfg) + 2;
}

/** Steps of the whole walk-through, every group in turn. */
export function totalSteps(cfg: Readonly<NormConfig>): number {
  return groupCountOf(cfg) * stepsPerGroup(cfg);
}

/** The position in the whole walk-through: `grp·(4m + 2) + step`. */
export function globalStep(cfg: Readonly<NormConfig>): number {
  return cfg.grp * stepsPerGroup(cfg) + cfg.step;
}

/** The whole numbers that divide `c`, smallest first: the valid group counts. */
export function divisors(c: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= c; d++) if (c % d === 0) out.push(d);
  return out;
}

/** The effective offset and spread of channel `c` of the random data. */
export function offsetOf(cfg: Readonly<NormConfig>, c: number): number {
  return cfg.off[c] ?? DEFAULT_OFFSETS[c % DEFAULT_OFFSETS.length]!;
}
export function spreadOf(cfg: Readonly<NormConfig>, c: number): number {
  return cfg.sd[c] ?? DEFAULT_SPREADS[c % DEFAULT_SPREADS.length]!;
}

/** γ and β of channel `c` (1 and 0 unless edited). */
export function gammaOf(cfg: Readonly<NormConfig>, c: number): number {
  return cfg.gamma[c] ?? 1;
}
export function betaOf(cfg: Readonly<NormConfig>, c: number): number {
  return cfg.beta[c] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The convolution view's settings, packed into one list of numbers
// ---------------------------------------------------------------------------------------------

/** Sources the convolution view can have in a link (an uploaded image never leaves its browser). */
const CONV_SOURCES: readonly InputSource[] = INPUT_SOURCES.filter((s) => s !== 'upload');
const FIXED = 16;

/**
 * Packs a convolution configuration (everything but the step and speed) into a list of numbers:
 * `c, h, w, source, seed, kh, kw, sh, sw, pt, pb, pl, pr, dh, dw, f`, then one preset index per
 * filter, then the number of weight edits and their `index, value` pairs, then the same for the
 * biases. Returns null for an uploaded image, which cannot be put in a link.
 */
export function packConv(conv: Readonly<ConvConfig>): number[] | null {
  const src = CONV_SOURCES.indexOf(conv.src);
  if (src < 0) return null;
  const out = [conv.c, conv.h, conv.w, src, conv.seed, ...conv.k, ...conv.s, ...conv.p, ...conv.d, conv.f];
  for (let f = 0; f < conv.f; f++) out.push(Math.max(0, FILTER_PRESETS.indexOf(conv.fp[f] ?? 'random')));
  for (const edits of [conv.we, conv.b]) {
    const entries = Object.entries(edits)
      .map(([i, v]) => [Number(i), v] as const)
      .sort((a, b) => a[0] - b[0]);
    out.push(entries.length);
    for (const [i, v] of entries) out.push(i, v);
  }
  return out;
}

/**
 * Reads a list written by `packConv` back into a valid convolution configuration; an empty list is
 * the default configuration. Whatever cannot be read is said in `problems` (the default or the
 * convolution view's own repair is used there).
 */
export function unpackConv(list: readonly number[]): {
  conv: ConvConfig;
  problems: string[];
  problemsKo: string[];
} {
  if (list.length === 0) return { conv: defaultConv(), problems: [], problemsKo: [] };
  const problems: string[] = [];
  /** The Korean of each of `problems`, in the same order. */
  const problemsKo: string[] = [];
  if (list.length < FIXED) {
    return {
      conv: defaultConv(),
      problems: [
        `it holds ${list.length} numbers, fewer than the ${FIXED} settings of a convolution; using the default convolution`,
      ],
      problemsKo: [
        `숫자가 ${list.length}개뿐이라 합성곱 설정 ${FIXED}개보다 적으므로 기본 합성곱을 사용합니다`,
      ],
    };
  }
  const at = (i: number) => list[i]!;
  const f = at(15);
  const partial: Partial<ConvConfig> = {
    c: at(0),
    h: at(1),
    w: at(2),
    src: (CONV_SOURCES[at(3)] ?? ('?' as InputSource)) as InputSource,
    seed: at(4),
    k: [at(5), at(6)],
    s: [at(7), at(8)],
    p: [at(9), at(10), at(11), at(12)],
    d: [at(13), at(14)],
    f,
  };
  let i = FIXED;
  const fp: FilterPreset[] = [];
  const fCount = Number.isInteger(f) && f >= 1 && f <= 8 ? f : 0;
  for (let k = 0; k < fCount && i < list.length; k++, i++) fp.push(FILTER_PRESETS[list[i]!] ?? 'random');
  partial.fp = fp;
  const readEdits = (): Record<number, number> => {
    const out: Record<number, number> = {};
    const count = list[i++];
    if (count === undefined) return out;
    if (!Number.isInteger(count) || count < 0 || i + 2 * count > list.length) {
      problems.push('its list of edits is cut short; the edits are ignored');
      problemsKo.push('편집 목록이 중간에 끊겨 편집을 무시합니다');
      i = list.length;
      return out;
    }
    for (let k = 0; k < count; k++, i += 2) out[list[i]!] = list[i + 1]!;
    return out;
  };
  partial.we = readEdits();
  partial.b = readEdits();
  if (i < list.length) {
    problems.push(`${list.length - i} numbers at its end mean nothing and are ignored`);
    problemsKo.push(`끝의 숫자 ${list.length - i}개는 의미가 없어 무시합니다`);
  }
  const { conv, problems: convProblems } = sanitizeConv(partial);
  for (const p of convProblems) {
    problems.push(`${p.key}: ${p.message}`);
    problemsKo.push(`${p.key}: ${p.ko ?? `합성곱 설정 문제(${p.message})`}`);
  }
  conv.step = 0;
  return { conv, problems, problemsKo };
}

/** The output shape `[F, H′, W′]` of a convolution configuration. */
export function convOutputOf(conv: Readonly<ConvConfig>): [number, number, number] {
  const [oh, ow] = convOutputShape(conv);
  return [conv.f, oh, ow];
}

/** The Korean of {@link convOutputMisfit}, a full sentence. */
export function convOutputMisfitKo(conv: Readonly<ConvConfig>): string | null {
  const [f, oh, ow] = convOutputOf(conv);
  if (f <= NORM_LIMITS.c && oh <= NORM_LIMITS.hw && ow <= NORM_LIMITS.hw) return null;
  return (
    `합성곱의 출력은 ${f}×${oh}×${ow}인데, 이 실습은 최대 ${NORM_LIMITS.hw}×${NORM_LIMITS.hw} 채널 ${NORM_LIMITS.c}개까지만 받습니다. ` +
    `합성곱에 더 작은 입력이나 더 큰 스트라이드를 주세요.`
  );
}

/** Why a convolution's output cannot be this lab's data (too large), or null when it can. */
export function convOutputMisfit(conv: Readonly<ConvConfig>): string | null {
  const [f, oh, ow] = convOutputOf(conv);
  if (f <= NORM_LIMITS.c && oh <= NORM_LIMITS.hw && ow <= NORM_LIMITS.hw) return null;
  return (
    `the convolution's output is ${f}×${oh}×${ow}, but this lab takes at most ${NORM_LIMITS.c} channels of ` +
    `${NORM_LIMITS.hw}×${NORM_LIMITS.hw}: give the convolution a smaller input or a larger stride`
  );
}

// ---------------------------------------------------------------------------------------------
// Repair of links
// ---------------------------------------------------------------------------------------------

/** The largest divisor of `c` that is at most `g` (at least 1). */
function divisorAtMost(c: number, g: number): number {
  let best = 1;
  for (const d of divisors(c)) if (d <= g) best = d;
  return best;
}

/** What the valid group counts for `c` channels are, as text: "1, 2, 3 or 6". */
export function divisorText(c: number): string {
  const d = divisors(c);
  return d.length === 1 ? '1' : `${d.slice(0, -1).join(', ')} or ${d[d.length - 1]}`;
}

/** "1, 2, 3 또는 6": the Korean of {@link divisorText}. */
export function divisorTextKo(c: number): string {
  const d = divisors(c);
  return d.length === 1 ? '1' : `${d.slice(0, -1).join(', ')} 또는 ${d[d.length - 1]}`;
}

/** "배치 정규화", "레이어 정규화", …: the Korean of {@link kindName}. */
export function kindNameKo(kind: NormKindName): string {
  return { batch: '배치 정규화', layer: '레이어 정규화', instance: '인스턴스 정규화', group: '그룹 정규화' }[
    kind
  ];
}

/**
 * Makes a configuration whose keys are each valid also valid as a whole, one problem per change:
 * instance and group norm need H×W maps (the N×D layout goes back to N×C×H×W); G must divide C (the
 * largest divisor below it is used); the convolution output's shape is the data's shape; typed
 * values fill the tensor exactly (padded with zeros or cut); γ/β edits exist only for channels
 * below C; the group and step stay inside the walk-through.
 */
export function repairNorm(input: Readonly<NormConfig>): { config: NormConfig; problems: UrlProblem[] } {
  const cfg = cloneNorm(input);
  const problems: UrlProblem[] = [];
  const say = (key: string, message: string, ko: string) => problems.push({ key, message, ko });

  if (cfg.layout === 'nd' && (cfg.kind === 'instance' || cfg.kind === 'group')) {
    say(
      'layout',
      `layout=nd: ${cfg.kind} norm normalizes over H×W maps, which an N×D matrix has not; using layout=nchw.`,
      `layout=nd: ${kindNameKo(cfg.kind)}는 H×W 맵에 걸쳐 정규화하는데 N×D 행렬에는 맵이 없으므로 layout=nchw를 사용합니다.`,
    );
    cfg.layout = 'nchw';
  }

  if (cfg.src === 'conv') {
    const { conv, problems: convProblems, problemsKo: convProblemsKo } = unpackConv(cfg.cv);
    if (convProblems.length > 0) {
      say(
        'cv',
        `cv=${clipList(cfg.cv)}: ${convProblems.join('; ')}.`,
        `cv=${clipList(cfg.cv)}: ${convProblemsKo.join('; ')}.`,
      );
    }
    const misfit = convOutputMisfit(conv);
    if (misfit) {
      say(
        'src',
        `src=conv: ${misfit}; using src=random.`,
        `src=conv: ${convOutputMisfitKo(conv)} src=random을 사용합니다.`,
      );
      cfg.src = 'random';
      cfg.cv = [];
    } else {
      const packed = packConv(conv)!;
      cfg.cv = sameList(packed, packConv(defaultConv())!) ? [] : packed;
      const [f, oh, ow] = convOutputOf(conv);
      const same = cfg.layout === 'nd' ? cfg.c === f : cfg.c === f && cfg.h === oh && cfg.w === ow;
      if (!same) {
        say(
          'in',
          `in=${cfg.c}x${cfg.h}x${cfg.w}: with src=conv each sample is the convolution's output, ${f}×${oh}×${ow}; using in=${f}x${oh}x${ow}.`,
          `in=${cfg.c}x${cfg.h}x${cfg.w}: src=conv에서는 각 샘플이 합성곱의 출력 ${f}×${oh}×${ow}이므로 in=${f}x${oh}x${ow}을(를) 사용합니다.`,
        );
      }
      cfg.c = f;
      cfg.h = oh;
      cfg.w = ow;
    }
  } else if (cfg.cv.length > 0) {
    say(
      'cv',
      `cv=${clipList(cfg.cv)}: the convolution settings are only used with src=conv; ignored.`,
      `cv=${clipList(cfg.cv)}: 합성곱 설정은 src=conv일 때만 쓰이므로 무시합니다.`,
    );
    cfg.cv = [];
  }

  if (cfg.kind === 'group' && cfg.c % cfg.g !== 0) {
    const g = divisorAtMost(cfg.c, cfg.g);
    say(
      'g',
      `g=${cfg.g}: ${cfg.c} channels cannot be split into ${cfg.g} equal groups (G must be ${divisorText(cfg.c)}); using g=${g}.`,
      `g=${cfg.g}: 채널 ${cfg.c}개는 같은 크기의 그룹 ${cfg.g}개로 나눌 수 없으므로(G는 ${divisorTextKo(cfg.c)} 중 하나) g=${g}을(를) 사용합니다.`,
    );
    cfg.g = g;
  } else if (cfg.g > cfg.c) {
    say(
      'g',
      `g=${cfg.g}: there are only ${cfg.c} channels (G must be ${divisorText(cfg.c)}); using g=${divisorAtMost(cfg.c, cfg.g)}.`,
      `g=${cfg.g}: 채널이 ${cfg.c}개뿐이므로(G는 ${divisorTextKo(cfg.c)} 중 하나) g=${divisorAtMost(cfg.c, cfg.g)}을(를) 사용합니다.`,
    );
    cfg.g = divisorAtMost(cfg.c, cfg.g);
  }

  if (cfg.src === 'custom') {
    const size = normSize(cfg);
    if (size > NORM_LIMITS.custom) {
      say(
        'src',
        `src=custom: typed values fill at most ${NORM_LIMITS.custom} cells, but ${shapeText(cfg)} has ${size}; using src=random.`,
        `src=custom: 입력한 값은 최대 ${NORM_LIMITS.custom}칸을 채우는데 ${shapeText(cfg)}은(는) ${size}칸이므로 src=random을 사용합니다.`,
      );
      cfg.src = 'random';
      cfg.x = [];
    } else if (cfg.x.length !== size) {
      say(
        'x',
        `x holds ${cfg.x.length} ${cfg.x.length === 1 ? 'value' : 'values'}, but ${shapeText(cfg)} has ${size}; ` +
          (cfg.x.length < size ? 'the missing ones are 0.' : `the last ${cfg.x.length - size} are ignored.`),
        `x에는 값이 ${cfg.x.length}개 있지만 ${shapeText(cfg)}은(는) ${size}칸입니다. ` +
          (cfg.x.length < size ? '모자라는 값은 0입니다.' : `마지막 ${cfg.x.length - size}개는 무시합니다.`),
      );
      cfg.x = Array.from({ length: size }, (_, i) => cfg.x[i] ?? 0);
    }
  } else if (cfg.x.length > 0) {
    say(
      'x',
      `x: typed values are only used with src=custom; ignored.`,
      'x: 입력한 값은 src=custom일 때만 쓰이므로 무시합니다.',
    );
    cfg.x = [];
  }

  for (const key of ['gamma', 'beta'] as const) {
    const outside = Object.keys(cfg[key])
      .map(Number)
      .filter((i) => i >= cfg.c);
    if (outside.length > 0) {
      say(
        key,
        `${key}=${formatParam(spec(key), cfg[key])}: there ${cfg.c === 1 ? 'is 1 channel' : `are ${cfg.c} channels`} (0 to ${cfg.c - 1}), so the ${outside.length === 1 ? 'edit' : 'edits'} of channel ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} ignored.`,
        `${key}=${formatParam(spec(key), cfg[key])}: 채널은 ${cfg.c}개(0부터 ${cfg.c - 1}까지)이므로 채널 ${outside.join(', ')}의 편집은 무시합니다.`,
      );
      for (const i of outside) delete cfg[key][i];
    }
  }

  const groups = groupCountOf(cfg);
  if (cfg.grp >= groups) {
    say(
      'grp',
      `grp=${cfg.grp}: ${kindName(cfg.kind)} here has ${groups} ${groups === 1 ? 'group' : 'groups'} (0 to ${groups - 1}); using 0.`,
      `grp=${cfg.grp}: 여기서 ${kindNameKo(cfg.kind)}의 그룹은 ${groups}개(0부터 ${groups - 1}까지)이므로 0을 사용합니다.`,
    );
    cfg.grp = 0;
  }
  const per = stepsPerGroup(cfg);
  if (cfg.step >= per) {
    say(
      'step',
      `step=${cfg.step}: a group of ${groupSizeOf(cfg)} values takes ${per} steps (0 to ${per - 1}); using 0.`,
      `step=${cfg.step}: 값 ${groupSizeOf(cfg)}개인 그룹은 ${per}단계(0부터 ${per - 1}까지)이므로 0을 사용합니다.`,
    );
    cfg.step = 0;
  }
  return { config: cfg, problems };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function clipList(list: readonly number[]): string {
  const text = list.join(',');
  return text.length > 30 ? text.slice(0, 29) + '…' : text;
}

/** "2×3×4×4" or "2×3". */
export function shapeText(cfg: Readonly<NormConfig>): string {
  return normShape(cfg).join('×');
}

/** "batch norm", "layer norm", … */
export function kindName(kind: NormKindName): string {
  return `${kind} norm`;
}

/** The lab's entry in the registry of views (src/state/views.ts). */
export const normCodec: ViewCodec<NormConfig> = {
  table: NORM_PARAMS,
  defaults: defaultNorm,
  repair: repairNorm,
};

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

/** A refused change: which setting (its URL key) and why, in a sentence saying what would be valid. */
export interface NormRejection {
  field: string;
  message: string;
  /** The same in Korean. */
  ko: string;
}

/** What an action gives: the new configuration, or why the change is refused (the old one stays). */
export type NormResult = { config: NormConfig } | { rejection: NormRejection };

const refuse = (field: string, message: string, ko: string): NormResult => ({
  rejection: { field, message, ko },
});

/** Validates a value against its URL row; the row's sentence when it is not valid. */
function invalid(key: string, value: unknown): NormResult | null {
  const problem = checkParamBilingual(spec(key), value);
  return problem === null ? null : refuse(key, problem.message, problem.ko!);
}

/** Keeps the walk-through's position inside the (possibly new) structure. */
function settle(next: NormConfig): NormResult {
  if (next.kind === 'group' && next.c % next.g !== 0) next.g = divisorAtMost(next.c, next.g);
  if (next.g > next.c) next.g = divisorAtMost(next.c, next.g);
  for (const key of ['gamma', 'beta'] as const)
    for (const i of Object.keys(next[key]).map(Number)) if (i >= next.c) delete next[key][i];
  const groups = groupCountOf(next);
  next.grp = Math.min(Math.max(0, next.grp), groups - 1);
  next.step = Math.min(Math.max(0, next.step), stepsPerGroup(next) - 1);
  return { config: next };
}

/** Chooses batch, layer, instance or group norm; the walk-through starts again at the first group. */
export function setKind(cfg: Readonly<NormConfig>, kind: NormKindName): NormResult {
  const bad = invalid('kind', kind);
  if (bad) return bad;
  if (cfg.layout === 'nd' && (kind === 'instance' || kind === 'group')) {
    return refuse(
      'kind',
      `${kind === 'instance' ? 'Instance' : 'Group'} norm normalizes over the H×W values of a map; an N×D matrix has none. Switch to the N×C×H×W layout to use it.`,
      `${kindNameKo(kind)}는 맵의 H×W 값에 걸쳐 정규화하는데 N×D 행렬에는 맵이 없습니다. 쓰려면 N×C×H×W 레이아웃으로 바꾸세요.`,
    );
  }
  const next = { ...cloneNorm(cfg), kind, grp: 0, step: 0 };
  if (kind === 'group' && (next.g === 1 || next.c % next.g !== 0)) {
    // A group count that shows something between layer and instance norm, when C allows one.
    const inner = divisors(next.c).filter((d) => d > 1 && d < next.c);
    next.g = inner.length > 0 ? inner[0]! : 1;
  }
  return settle(next);
}

/** Sets the number of groups G of group norm; it must divide C. */
export function setGroups(cfg: Readonly<NormConfig>, g: number): NormResult {
  const bad = invalid('g', g);
  if (bad) return bad;
  if (cfg.c % g !== 0) {
    return refuse(
      'g',
      `${cfg.c} channels cannot be split into ${g} equal groups: G must be ${divisorText(cfg.c)}.`,
      `채널 ${cfg.c}개는 같은 크기의 그룹 ${g}개로 나눌 수 없습니다. G는 ${divisorTextKo(cfg.c)} 중 하나여야 합니다.`,
    );
  }
  return settle({ ...cloneNorm(cfg), g, grp: 0, step: 0 });
}

/** Switches between the N×C×H×W tensor and the fully connected N×D matrix (D = C). */
export function setLayout(cfg: Readonly<NormConfig>, layout: NormLayout): NormResult {
  const bad = invalid('layout', layout);
  if (bad) return bad;
  if (layout === 'nd' && (cfg.kind === 'instance' || cfg.kind === 'group')) {
    return refuse(
      'layout',
      `An N×D matrix has no H×W maps, so ${cfg.kind} norm does not apply to it: choose batch or layer norm first.`,
      `N×D 행렬에는 H×W 맵이 없어 ${kindNameKo(cfg.kind)}를 적용할 수 없습니다. 먼저 배치 정규화나 레이어 정규화를 고르세요.`,
    );
  }
  const next = { ...cloneNorm(cfg), layout, grp: 0, step: 0 };
  if (next.src === 'custom') next.x = remapValues(cfg, next);
  if (next.src === 'custom' && normSize(next) > NORM_LIMITS.custom) {
    return refuse(
      'layout',
      `Typed values fill at most ${NORM_LIMITS.custom} cells; ${shapeText(next)} has ${normSize(next)}.`,
      `입력한 값은 최대 ${NORM_LIMITS.custom}칸을 채웁니다. ${shapeText(next)}은(는) ${normSize(next)}칸입니다.`,
    );
  }
  return settle(next);
}

/**
 * Resizes the tensor: N samples of C×H×W (H and W are unused in the N×D layout). With the
 * convolution output as data, only N can change. Typed values keep their (n, c, h, w) positions;
 * new cells are 0.
 */
export function setShape(cfg: Readonly<NormConfig>, n: number, c: number, h: number, w: number): NormResult {
  const badN = invalid('n', n);
  if (badN) return badN;
  const badIn = invalid('in', [c, h, w]);
  if (badIn) return badIn;
  if (cfg.src === 'conv' && (c !== cfg.c || h !== cfg.h || w !== cfg.w)) {
    return refuse(
      'in',
      `Each sample is the convolution's output, ${cfg.c}×${cfg.h}×${cfg.w}; change it in the convolution view, or choose another data source.`,
      `각 샘플은 합성곱의 출력 ${cfg.c}×${cfg.h}×${cfg.w}입니다. 합성곱 화면에서 바꾸거나 다른 데이터 소스를 고르세요.`,
    );
  }
  const next = { ...cloneNorm(cfg), n, c, h, w };
  if (cfg.src === 'custom') {
    if (normSize(next) > NORM_LIMITS.custom) {
      return refuse(
        'in',
        `Typed values fill at most ${NORM_LIMITS.custom} cells; ${shapeText(next)} would have ${normSize(next)}. Choose another data source for a larger tensor.`,
        `입력한 값은 최대 ${NORM_LIMITS.custom}칸을 채웁니다. ${shapeText(next)}은(는) ${normSize(next)}칸이 됩니다. 더 큰 텐서에는 다른 데이터 소스를 고르세요.`,
      );
    }
    next.x = remapValues(cfg, next);
  }
  return settle(next);
}

/** Typed values moved to a new shape by their (n, c, h, w) position; new positions get 0. */
export function remapValues(from: Readonly<NormConfig>, to: Readonly<NormConfig>): number[] {
  const [fh, fw] = from.layout === 'nd' ? [1, 1] : [from.h, from.w];
  const [th, tw] = to.layout === 'nd' ? [1, 1] : [to.h, to.w];
  const out = new Array<number>(to.n * to.c * th * tw).fill(0);
  for (let n = 0; n < Math.min(from.n, to.n); n++)
    for (let c = 0; c < Math.min(from.c, to.c); c++)
      for (let h = 0; h < Math.min(fh, th); h++)
        for (let w = 0; w < Math.min(fw, tw); w++)
          out[((n * to.c + c) * th + h) * tw + w] = from.x[((n * from.c + c) * fh + h) * fw + w] ?? 0;
  return out;
}

/**
 * Chooses the data source. `custom` starts from `values` (the data on screen, rounded), and refuses
 * tensors of more than 256 values; `conv` takes the convolution configuration `conv` (the
 * convolution view's current one) and its output's shape.
 */
export function setSource(
  cfg: Readonly<NormConfig>,
  src: NormSource,
  extra: { values?: ArrayLike<number>; conv?: Readonly<ConvConfig> } = {},
): NormResult {
  const bad = invalid('src', src);
  if (bad) return bad;
  const next = {
    ...cloneNorm(cfg),
    src,
    x: [] as number[],
    cv: [] as number[],
    grp: cfg.grp,
    step: cfg.step,
  };
  if (src === 'custom') {
    const size = normSize(next);
    if (size > NORM_LIMITS.custom) {
      return refuse(
        'src',
        `Typed values fill at most ${NORM_LIMITS.custom} cells, but ${shapeText(next)} has ${size}: make the tensor smaller first.`,
        `입력한 값은 최대 ${NORM_LIMITS.custom}칸을 채우는데 ${shapeText(next)}은(는) ${size}칸입니다. 먼저 텐서를 작게 만드세요.`,
      );
    }
    const v = extra.values;
    next.x = Array.from({ length: size }, (_, i) => (v && i < v.length ? roundTo(v[i]!, 4) : 0));
  }
  if (src === 'conv') {
    const conv = extra.conv ?? defaultConv();
    const packed = packConv(conv);
    if (!packed) {
      return refuse(
        'src',
        'The convolution view shows your own image, which never leaves your browser and cannot be put in a link: choose another input there first.',
        '합성곱 화면에는 직접 올린 이미지가 있는데, 이 이미지는 브라우저를 떠나지 않아 링크에 넣을 수 없습니다. 먼저 그 화면에서 다른 입력을 고르세요.',
      );
    }
    const misfit = convOutputMisfit(conv);
    if (misfit)
      return refuse('src', misfit.charAt(0).toUpperCase() + misfit.slice(1) + '.', convOutputMisfitKo(conv)!);
    const [f, oh, ow] = convOutputOf(conv);
    next.cv = sameList(packed, packConv(defaultConv())!) ? [] : packed;
    next.c = f;
    next.h = oh;
    next.w = ow;
  }
  return settle(next);
}

function roundTo(v: number, decimals: number): number {
  const k = 10 ** decimals;
  const r = Math.round(v * k) / k;
  return r === 0 ? 0 : Math.max(-NORM_LIMITS.value, Math.min(NORM_LIMITS.value, r));
}

/** Sets the seed of the random data. */
export function setSeed(cfg: Readonly<NormConfig>, seed: number): NormResult {
  const bad = invalid('seed', seed);
  if (bad) return bad;
  return settle({ ...cloneNorm(cfg), seed });
}

/** Sets the offset (mean) of channel `c` of the random data. */
export function setOffset(cfg: Readonly<NormConfig>, c: number, value: number): NormResult {
  return setChannelList(cfg, 'off', c, value, offsetOf);
}

/** Sets the spread (standard deviation, ≥ 0) of channel `c` of the random data. */
export function setSpread(cfg: Readonly<NormConfig>, c: number, value: number): NormResult {
  return setChannelList(cfg, 'sd', c, value, spreadOf);
}

function setChannelList(
  cfg: Readonly<NormConfig>,
  key: 'off' | 'sd',
  c: number,
  value: number,
  current: (cfg: Readonly<NormConfig>, c: number) => number,
): NormResult {
  if (!Number.isInteger(c) || c < 0 || c >= cfg.c) {
    return refuse(
      key,
      `There ${cfg.c === 1 ? 'is 1 channel' : `are ${cfg.c} channels`} (0 to ${cfg.c - 1}): channel ${c} does not exist.`,
      `채널은 ${cfg.c}개(0부터 ${cfg.c - 1}까지)입니다. 채널 ${c}은(는) 없습니다.`,
    );
  }
  const row = spec(key) as { min: number; max: number };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < row.min || value > row.max) {
    return refuse(
      key,
      `${key === 'off' ? 'An offset' : 'A spread'} must be a number from ${row.min} to ${row.max}.`,
      `${key === 'off' ? '오프셋' : '퍼짐'}은 ${row.min}부터 ${row.max}까지의 수여야 합니다.`,
    );
  }
  const list = Array.from({ length: Math.max(cfg[key].length, c + 1) }, (_, i) => current(cfg, i));
  list[c] = value === 0 ? 0 : value;
  // Entries equal to the defaults at the end need not be written.
  const defaults = key === 'off' ? DEFAULT_OFFSETS : DEFAULT_SPREADS;
  while (list.length > 0 && list[list.length - 1] === defaults[(list.length - 1) % defaults.length])
    list.pop();
  return settle({ ...cloneNorm(cfg), [key]: list });
}

/** Named data presets: the lecture's offsets, one near-constant channel (to see ε matter), data already standardized. */
export type DataPreset = 'lecture' | 'nearconst' | 'constant' | 'standard';
export const DATA_PRESETS: readonly DataPreset[] = ['lecture', 'nearconst', 'constant', 'standard'];

/**
 * Applies a data preset to the random data (switching to it): `lecture` clears the offsets and
 * spreads (the defaults), `nearconst` gives channel 1 a spread of 0.001 around 3 (variance ≈ 10⁻⁶,
 * below ε = 10⁻⁵), `constant` makes channel 1 exactly 3 (variance 0), `standard` gives every
 * channel offset 0 and spread 1.
 */
export function applyPreset(cfg: Readonly<NormConfig>, preset: DataPreset): NormResult {
  if (!DATA_PRESETS.includes(preset))
    return refuse(
      'src',
      `The data presets are ${DATA_PRESETS.join(', ')}.`,
      `데이터 프리셋은 ${DATA_PRESETS.join(', ')}입니다.`,
    );
  const next = { ...cloneNorm(cfg), src: 'random' as NormSource, x: [] as number[], cv: [] as number[] };
  switch (preset) {
    case 'lecture':
      next.off = [];
      next.sd = [];
      break;
    case 'nearconst':
    case 'constant':
      next.off = [DEFAULT_OFFSETS[0]!, 3];
      next.sd = [DEFAULT_SPREADS[0]!, preset === 'nearconst' ? 0.001 : 0];
      if (next.c < 2) next.c = 2;
      break;
    case 'standard':
      next.off = Array.from({ length: NORM_LIMITS.c }, () => 0);
      next.sd = Array.from({ length: NORM_LIMITS.c }, () => 1);
      break;
  }
  return settle(next);
}

/** Sets one typed value (source `custom`) at flat NCHW index `i`. */
export function setValue(cfg: Readonly<NormConfig>, i: number, value: number): NormResult {
  if (cfg.src !== 'custom')
    return refuse(
      'x',
      'Values can be typed only with the data source “typed values”.',
      '값은 데이터 소스가 “직접 입력한 값”일 때만 입력할 수 있습니다.',
    );
  if (!Number.isInteger(i) || i < 0 || i >= cfg.x.length) {
    return refuse(
      'x',
      `There are ${cfg.x.length} values (0 to ${cfg.x.length - 1}): value ${i} does not exist.`,
      `값은 ${cfg.x.length}개(0부터 ${cfg.x.length - 1}까지)입니다. 값 ${i}은(는) 없습니다.`,
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > NORM_LIMITS.value) {
    return refuse(
      'x',
      `A value must be a number from −${NORM_LIMITS.value} to ${NORM_LIMITS.value}.`,
      `값은 −${NORM_LIMITS.value}부터 ${NORM_LIMITS.value}까지의 수여야 합니다.`,
    );
  }
  const next = cloneNorm(cfg);
  next.x[i] = value === 0 ? 0 : value;
  return settle(next);
}

/** Sets γ (scale) or β (shift) of channel `c`; γ = 1 and β = 0 are the defaults and are not written. */
export function setAffine(
  cfg: Readonly<NormConfig>,
  which: 'gamma' | 'beta',
  c: number,
  value: number,
): NormResult {
  if (!Number.isInteger(c) || c < 0 || c >= cfg.c) {
    return refuse(
      which,
      `There ${cfg.c === 1 ? 'is 1 channel' : `are ${cfg.c} channels`} (0 to ${cfg.c - 1}): channel ${c} does not exist.`,
      `채널은 ${cfg.c}개(0부터 ${cfg.c - 1}까지)입니다. 채널 ${c}은(는) 없습니다.`,
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > NORM_LIMITS.affine) {
    return refuse(
      which,
      `${which === 'gamma' ? 'γ' : 'β'} must be a number from −${NORM_LIMITS.affine} to ${NORM_LIMITS.affine}.`,
      `${which === 'gamma' ? 'γ' : 'β'}는 −${NORM_LIMITS.affine}부터 ${NORM_LIMITS.affine}까지의 수여야 합니다.`,
    );
  }
  const next = cloneNorm(cfg);
  const neutral = which === 'gamma' ? 1 : 0;
  if (value === neutral) delete next[which][c];
  else next[which][c] = value === 0 ? 0 : value;
  return settle(next);
}

/** Puts every γ back to 1 and every β to 0. */
export function resetAffine(cfg: Readonly<NormConfig>): NormResult {
  return settle({ ...cloneNorm(cfg), gamma: {}, beta: {} });
}

/** Sets ε, a number from 10⁻¹² to 100. */
export function setEps(cfg: Readonly<NormConfig>, eps: number): NormResult {
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps < EPS_MIN || eps > EPS_MAX) {
    return refuse(
      'eps',
      `ε must be a number from ${EPS_MIN} to ${EPS_MAX} (it must be above 0: it keeps √(σ² + ε) away from 0).`,
      `ε는 ${EPS_MIN}부터 ${EPS_MAX}까지의 수여야 합니다(0보다 커야 √(σ² + ε)가 0이 되지 않습니다).`,
    );
  }
  return settle({ ...cloneNorm(cfg), eps });
}

/** Chooses training (batch statistics) or testing (one sample, running statistics). */
export function setMode(cfg: Readonly<NormConfig>, mode: NormMode): NormResult {
  const bad = invalid('mode', mode);
  if (bad) return bad;
  return settle({ ...cloneNorm(cfg), mode });
}

/** Shows mini-batch `batch` (0-based): the running statistics have seen batches 0 … batch. */
export function setBatch(cfg: Readonly<NormConfig>, batch: number): NormResult {
  if (!Number.isInteger(batch) || batch < 0 || batch >= NORM_LIMITS.batches) {
    return refuse(
      'batch',
      `This lab shows mini-batches 1 to ${NORM_LIMITS.batches}.`,
      `이 실습은 미니배치 1부터 ${NORM_LIMITS.batches}까지 보여 줍니다.`,
    );
  }
  return settle({ ...cloneNorm(cfg), batch });
}

/** The next mini-batch arrives (training): the walk-through starts again on its numbers. */
export function nextBatch(cfg: Readonly<NormConfig>): NormResult {
  if (cfg.batch + 1 >= NORM_LIMITS.batches) {
    return refuse(
      'batch',
      `This lab stops at ${NORM_LIMITS.batches} mini-batches; go back to the first with “Start again”.`,
      `이 실습은 미니배치 ${NORM_LIMITS.batches}개에서 멈춥니다. “처음부터”로 첫 미니배치로 돌아가세요.`,
    );
  }
  return settle({ ...cloneNorm(cfg), batch: cfg.batch + 1, mode: 'train', step: 0 });
}

/** Sets the momentum, from 0 (running statistics never change) to 1 (they are the last batch's). */
export function setMomentum(cfg: Readonly<NormConfig>, mom: number): NormResult {
  if (typeof mom !== 'number' || !Number.isFinite(mom) || mom < 0 || mom > 1) {
    return refuse(
      'mom',
      'The momentum must be a number from 0 to 1 (PyTorch’s default is 0.1).',
      '모멘텀은 0부터 1까지의 수여야 합니다(PyTorch의 기본값은 0.1).',
    );
  }
  return settle({ ...cloneNorm(cfg), mom });
}

/** Moves to position `i` of the whole walk-through (kept within it): group `⌊i/(4m+2)⌋`, its step `i mod (4m+2)`. */
export function setGlobalStep(cfg: Readonly<NormConfig>, i: number): NormResult {
  if (typeof i !== 'number' || Number.isNaN(i))
    return refuse('step', 'The step must be a whole number.', '단계는 정수여야 합니다.');
  const per = stepsPerGroup(cfg);
  const at = Math.min(Math.max(0, Math.trunc(i)), totalSteps(cfg) - 1);
  return settle({ ...cloneNorm(cfg), grp: Math.floor(at / per), step: at % per });
}

/** Selects group `g` and goes to its first step. */
export function selectGroup(cfg: Readonly<NormConfig>, g: number): NormResult {
  const count = groupCountOf(cfg);
  if (!Number.isInteger(g) || g < 0 || g >= count) {
    return refuse(
      'grp',
      `There ${count === 1 ? 'is 1 group' : `are ${count} groups`} (0 to ${count - 1}): group ${g} does not exist.`,
      `그룹은 ${count}개(0부터 ${count - 1}까지)입니다. 그룹 ${g}은(는) 없습니다.`,
    );
  }
  return settle({ ...cloneNorm(cfg), grp: g, step: 0 });
}

/** Sets the playback speed (one of the offered speeds). */
export function setSpeed(cfg: Readonly<NormConfig>, speed: number): NormResult {
  const bad = invalid('speed', speed);
  if (bad) return bad;
  return settle({ ...cloneNorm(cfg), speed });
}

/** One speed faster (+1) or slower (−1), staying within the offered speeds. */
export function changeSpeed(cfg: Readonly<NormConfig>, delta: 1 | -1): NormResult {
  const at = Math.max(0, SPEEDS.indexOf(cfg.speed));
  const speed = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + delta))]!;
  return settle({ ...cloneNorm(cfg), speed });
}
