/**
 * The lecture-ideas view (`#/ideas`): four small demonstrations chosen by `demo=`, each with its own
 * keys (prefixed `d…` depth, `p…` 1×1 ("pointwise"), `t…` template, `l…` linear) so that switching
 * demonstrations never loses another one's state and every state round-trips through the link. This
 * module holds the configuration type, the parameter table, the defaults, the cross-field repair and
 * the pure actions the panel calls: `(config, arg) → { config } | { rejection }`.
 */
import { checkParam } from '../codec';
import { defaultsOf, type ParamSpec, type ParamTable } from '../params';
import type { UrlProblem } from '../types';
import type { ViewCodec } from '../views';

/** The four demonstrations, in lecture order. */
export type IdeasDemo = 'depth' | '1x1' | 'template' | 'linear';
export const IDEAS_DEMOS: readonly IdeasDemo[] = ['depth', '1x1', 'template', 'linear'];

/** Where the depth demonstration's RGB input comes from. */
export type DepthSource = 'seeded' | 'gradient' | 'scene';
export const DEPTH_SOURCES: readonly DepthSource[] = ['seeded', 'gradient', 'scene'];

/** Where the template demonstration's input comes from. */
export type TemplateSource = 'seeded' | 'checker' | 'digit' | 'gradient' | 'scene';
export const TEMPLATE_SOURCES: readonly TemplateSource[] = ['seeded', 'checker', 'digit', 'gradient', 'scene'];

/** What template 0 is: the input itself (mean removed), or seeded like the others. */
export type FirstTemplate = 'image' | 'random';
export const FIRST_TEMPLATES: readonly FirstTemplate[] = ['image', 'random'];

/** Whether a ReLU sits between the stacked convolutions of the linear demonstration. */
export type ReluSwitch = 'off' | 'on';

/** The lecture-ideas view's whole configuration. */
export interface IdeasConfig {
  /** The demonstration shown. */
  demo: IdeasDemo;
  /** Seed of every seeded input and weight (each demonstration draws its own streams). */
  seed: number;

  /** Depth: input channels, height, width (`din=3x8x8`). */
  dc: number;
  dh: number;
  dw: number;
  /** Depth: the square kernel size of every filter. */
  dk: number;
  /** Depth: the number of filters, i.e. output channels. */
  dcout: number;
  /** Depth: input source. */
  dsrc: DepthSource;
  /** Depth: the filter worked in detail. */
  dfi: number;
  /** Depth: the pinned output cell [row, column]. */
  dpx: [number, number];

  /** 1×1: input channels, height, width (`pin=3x5x5`). */
  pc: number;
  ph: number;
  pw: number;
  /** 1×1: output channels. */
  pcout: number;
  /** 1×1: the pinned pixel [row, column]. */
  ppx: [number, number];

  /** Template: input channels, height, width (`tin=3x8x8`): every filter has this shape too. */
  tc: number;
  th: number;
  tw: number;
  /** Template: the number of templates (classes). */
  tk: number;
  /** Template: input source. */
  tsrc: TemplateSource;
  /** Template: what template 0 is. */
  tt: FirstTemplate;

  /** Linear: the kernel size of each stacked layer (2 or 3 layers). */
  lk: number[];
  /** Linear: the single-channel input's [height, width]. */
  lin: [number, number];
  /** Linear: a ReLU between the layers. */
  lrelu: ReluSwitch;
}

/** Bounds of the view, also stated in the controls. */
export const IDEAS_LIMITS = {
  depth: { c: 4, hw: 16, k: 7, cout: 4 },
  point: { c: 8, hw: 12, cout: 8 },
  template: { c: 3, hw: 12, k: 6 },
  linear: { k: 5, layers: 3, hw: 16 },
} as const;

/** The view's keys, in the order they are written (`demo` always). */
export const IDEAS_PARAMS: ParamTable<IdeasConfig> = [
  { key: 'demo', type: 'enum', field: 'demo', default: 'depth', allowed: IDEAS_DEMOS, label: 'the demonstration', labelKo: '시연', always: true },
  { key: 'seed', type: 'int', field: 'seed', default: 7, min: 0, max: 4294967295, label: 'the seed', labelKo: '시드' },
  {
    key: 'din',
    type: 'shape',
    fields: ['dc', 'dh', 'dw'],
    names: ['channels', 'height', 'width'],
    default: [3, 8, 8],
    min: [1, 3, 3],
    max: [IDEAS_LIMITS.depth.c, IDEAS_LIMITS.depth.hw, IDEAS_LIMITS.depth.hw],
    label: 'the depth input shape', labelKo: '깊이 시연의 입력 모양',
  },
  { key: 'dk', type: 'int', field: 'dk', default: 5, min: 1, max: IDEAS_LIMITS.depth.k, label: 'the depth kernel size', labelKo: '깊이 시연의 커널 크기' },
  { key: 'dcout', type: 'int', field: 'dcout', default: 1, min: 1, max: IDEAS_LIMITS.depth.cout, label: 'the number of filters', labelKo: '필터 개수' },
  { key: 'dsrc', type: 'enum', field: 'dsrc', default: 'seeded', allowed: DEPTH_SOURCES, label: 'the depth input source', labelKo: '깊이 시연의 입력 소스' },
  { key: 'dfi', type: 'int', field: 'dfi', default: 0, min: 0, max: IDEAS_LIMITS.depth.cout - 1, label: 'the filter shown', labelKo: '표시할 필터' },
  { key: 'dpx', type: 'pair', field: 'dpx', default: [0, 0], min: 0, max: IDEAS_LIMITS.depth.hw - 1, label: 'the pinned output cell', labelKo: '고정한 출력 칸' },
  {
    key: 'pin',
    type: 'shape',
    fields: ['pc', 'ph', 'pw'],
    names: ['channels', 'height', 'width'],
    default: [3, 5, 5],
    min: [1, 1, 1],
    max: [IDEAS_LIMITS.point.c, IDEAS_LIMITS.point.hw, IDEAS_LIMITS.point.hw],
    label: 'the 1×1 input shape', labelKo: '1×1 시연의 입력 모양',
  },
  { key: 'pcout', type: 'int', field: 'pcout', default: 2, min: 1, max: IDEAS_LIMITS.point.cout, label: 'the 1×1 output channels', labelKo: '1×1 시연의 출력 채널' },
  { key: 'ppx', type: 'pair', field: 'ppx', default: [0, 0], min: 0, max: IDEAS_LIMITS.point.hw - 1, label: 'the pinned pixel', labelKo: '고정한 픽셀' },
  {
    key: 'tin',
    type: 'shape',
    fields: ['tc', 'th', 'tw'],
    names: ['channels', 'height', 'width'],
    default: [3, 8, 8],
    min: [1, 2, 2],
    max: [IDEAS_LIMITS.template.c, IDEAS_LIMITS.template.hw, IDEAS_LIMITS.template.hw],
    label: 'the template input shape', labelKo: '템플릿 시연의 입력 모양',
  },
  { key: 'tk', type: 'int', field: 'tk', default: 3, min: 1, max: IDEAS_LIMITS.template.k, label: 'the number of templates', labelKo: '템플릿 개수' },
  { key: 'tsrc', type: 'enum', field: 'tsrc', default: 'seeded', allowed: TEMPLATE_SOURCES, label: 'the template input source', labelKo: '템플릿 시연의 입력 소스' },
  { key: 'tt', type: 'enum', field: 'tt', default: 'image', allowed: FIRST_TEMPLATES, label: 'the first template', labelKo: '첫 번째 템플릿' },
  {
    key: 'lk',
    type: 'numberList',
    field: 'lk',
    default: [3, 3],
    min: 1,
    max: IDEAS_LIMITS.linear.k,
    minLength: 2,
    maxLength: IDEAS_LIMITS.linear.layers,
    integer: true,
    label: 'the kernel sizes of the stacked layers', labelKo: '쌓은 레이어들의 커널 크기',
  },
  { key: 'lin', type: 'pair', field: 'lin', default: [7, 7], min: 1, max: IDEAS_LIMITS.linear.hw, label: 'the linear input size', labelKo: '선형 시연의 입력 크기' },
  { key: 'lrelu', type: 'enum', field: 'lrelu', default: 'off', allowed: ['off', 'on'], label: 'the ReLU switch', labelKo: 'ReLU 스위치' },
];

const DEFAULT_IDEAS: Readonly<IdeasConfig> = Object.freeze(defaultsOf(IDEAS_PARAMS));

/** A fresh copy of the default configuration: the depth demonstration on a seeded 3×8×8 input. */
export function defaultIdeas(): IdeasConfig {
  return cloneIdeas(DEFAULT_IDEAS);
}

/** A deep copy (the store never shares arrays). */
export function cloneIdeas(cfg: Readonly<IdeasConfig>): IdeasConfig {
  return { ...cfg, dpx: [...cfg.dpx], ppx: [...cfg.ppx], lk: [...cfg.lk], lin: [...cfg.lin] };
}

const spec = (key: string): ParamSpec<IdeasConfig> => IDEAS_PARAMS.find((s) => s.key === key)!;

// codec.ts imports the view registry, which imports this module: to stay free of that import cycle,
// this module checks and writes its own rows (the kinds it uses) instead of importing the codec's.

const whole = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Checks a value against one row of the table (the kinds this view uses: int, enum, shape, pair,
 * numberList); null when valid, else a sentence saying what would be valid.
 */
export function checkIdeasParam(row: ParamSpec<IdeasConfig>, value: unknown): string | null {
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1) + '.';
  switch (row.type) {
    case 'int':
      return whole(value, row.min, row.max) ? null : cap(`${row.label} must be a whole number from ${row.min} to ${row.max}`);
    case 'enum':
      return typeof value === 'string' && row.allowed.includes(value) ? null : cap(`${row.label} must be one of ${row.allowed.join(', ')}`);
    case 'shape': {
      const ok = Array.isArray(value) && value.length === 3 && value.every((x, i) => whole(x, row.min[i]!, row.max[i]!));
      const parts = row.names.map((n, i) => `${n} from ${row.min[i]} to ${row.max[i]}`);
      return ok ? null : cap(`${row.label} must have ${parts.join(', ')}`);
    }
    case 'pair': {
      const ok = Array.isArray(value) && value.length === 2 && value.every((x) => whole(x, row.min, row.max));
      return ok ? null : cap(`${row.label} must be two whole numbers from ${row.min} to ${row.max}`);
    }
    case 'numberList': {
      const ok =
        Array.isArray(value) &&
        value.length >= row.minLength &&
        value.length <= row.maxLength &&
        value.every((x) => typeof x === 'number' && x >= row.min && x <= row.max && (!row.integer || Number.isInteger(x)));
      return ok ? null : cap(`${row.label} must be ${row.minLength} to ${row.maxLength} whole numbers from ${row.min} to ${row.max}`);
    }
    default:
      return null;
  }
}

/** A pair as a link writes it: `3` when both are equal, else `2x3`. */
const pairText = (p: readonly [number, number]) => (p[0] === p[1] ? `${p[0]}` : `${p[0]}x${p[1]}`);

/** The output size of a stride-1 unpadded convolution of `size` by `k`. */
const valid = (size: number, k: number) => size - k + 1;

/** The input size the stacked layers need on one axis: Σ(k − 1) + 1. */
export function linearMinSize(lk: readonly number[]): number {
  return lk.reduce((s, k) => s + k - 1, 0) + 1;
}

/** Whether an image source is RGB (three channels). */
const isRgbImage = (src: DepthSource) => src !== 'seeded';

/**
 * Makes a configuration whose keys are each valid also valid as a whole: an RGB image input has 3
 * channels; the depth kernel fits the input; the filter shown exists; pinned cells lie inside their
 * maps; the linear input is large enough for the stacked kernels. One problem per change.
 */
export function repairIdeas(input: Readonly<IdeasConfig>): { config: IdeasConfig; problems: UrlProblem[] } {
  const c = cloneIdeas(input);
  const problems: UrlProblem[] = [];
  const say = (key: string, message: string, ko: string) => problems.push({ key, message, ko });

  if (isRgbImage(c.dsrc) && c.dc !== 3) {
    say('din', `din=${c.dc}x${c.dh}x${c.dw}: the ${c.dsrc} image has 3 channels (red, green, blue); using din=3x${c.dh}x${c.dw}.`,
      `din=${c.dc}x${c.dh}x${c.dw}: ${c.dsrc} 이미지는 채널이 3개(빨강, 초록, 파랑)이므로 din=3x${c.dh}x${c.dw}을(를) 사용합니다.`);
    c.dc = 3;
  }
  const dmax = Math.min(c.dh, c.dw);
  if (c.dk > dmax) {
    say('dk', `dk=${c.dk}: a ${c.dk}×${c.dk} kernel does not fit a ${c.dh}×${c.dw} input; using the largest that fits, dk=${dmax}.`,
      `dk=${c.dk}: ${c.dk}×${c.dk} 커널은 ${c.dh}×${c.dw} 입력에 맞지 않으므로 맞는 가장 큰 값 dk=${dmax}을(를) 사용합니다.`);
    c.dk = dmax;
  }
  if (c.dfi >= c.dcout) {
    say('dfi', `dfi=${c.dfi}: there ${c.dcout === 1 ? 'is 1 filter' : `are ${c.dcout} filters`} (0 to ${c.dcout - 1}); using 0.`,
      `dfi=${c.dfi}: 필터는 ${c.dcout}개(0부터 ${c.dcout - 1}까지)이므로 0을 사용합니다.`);
    c.dfi = 0;
  }
  const [doh, dow] = [valid(c.dh, c.dk), valid(c.dw, c.dk)];
  if (c.dpx[0] >= doh || c.dpx[1] >= dow) {
    say('dpx', `dpx=${pairText(c.dpx)}: the output is ${doh}×${dow} (rows 0 to ${doh - 1}, columns 0 to ${dow - 1}); using 0.`,
      `dpx=${pairText(c.dpx)}: 출력은 ${doh}×${dow}(행 0부터 ${doh - 1}까지, 열 0부터 ${dow - 1}까지)이므로 0을 사용합니다.`);
    c.dpx = [0, 0];
  }
  if (c.ppx[0] >= c.ph || c.ppx[1] >= c.pw) {
    say('ppx', `ppx=${pairText(c.ppx)}: the map is ${c.ph}×${c.pw} (rows 0 to ${c.ph - 1}, columns 0 to ${c.pw - 1}); using 0.`,
      `ppx=${pairText(c.ppx)}: 맵은 ${c.ph}×${c.pw}(행 0부터 ${c.ph - 1}까지, 열 0부터 ${c.pw - 1}까지)이므로 0을 사용합니다.`);
    c.ppx = [0, 0];
  }
  const need = linearMinSize(c.lk);
  if (c.lin[0] < need || c.lin[1] < need) {
    const next: [number, number] = [Math.max(c.lin[0], need), Math.max(c.lin[1], need)];
    say(
      'lin',
      `lin=${pairText(c.lin)}: kernels ${c.lk.join(', ')} need an input of at least ${need}×${need} ` +
        `(${c.lk.map((k) => `(${k} − 1)`).join(' + ')} + 1); using lin=${pairText(next)}.`,
      `lin=${pairText(c.lin)}: 커널 ${c.lk.join(', ')}에는 최소 ${need}×${need} 입력이 필요합니다` +
        `(${c.lk.map((k) => `(${k} − 1)`).join(' + ')} + 1). lin=${pairText(next)}을(를) 사용합니다.`,
    );
    c.lin = next;
  }
  return { config: c, problems };
}

/** The view's codec, registered in views.ts. */
export const IDEAS_CODEC: ViewCodec<IdeasConfig> = {
  table: IDEAS_PARAMS,
  defaults: defaultIdeas,
  repair: repairIdeas,
};

// ---------------------------------------------------------------------------------------------
// Actions: pure, `(config, arg) → { config } | { rejection }`; never an impossible configuration.
// ---------------------------------------------------------------------------------------------

/** A refused change: the URL key of the control and why. */
export interface IdeasRejection {
  field: string;
  message: string;
  /** The same in Korean. */
  ko: string;
}

/** The result of an action. */
export type IdeasResult = { config: IdeasConfig } | { rejection: IdeasRejection };

const refuse = (field: string, message: string, ko: string): IdeasResult => ({ rejection: { field, message, ko } });

/** Checks `value` against the row of `key`; refuses with the row's message when invalid. */
function checked(key: string, value: unknown, then: () => IdeasResult): IdeasResult {
  const problem = checkIdeasParam(spec(key), value);
  return problem === null ? then() : refuse(key, problem, checkParam(spec(key), value, 'ko')!);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Shows another demonstration. */
export function setDemo(cfg: Readonly<IdeasConfig>, demo: IdeasDemo): IdeasResult {
  return checked('demo', demo, () => ({ config: { ...cloneIdeas(cfg), demo } }));
}

/** Changes the seed of every seeded value. */
export function setSeed(cfg: Readonly<IdeasConfig>, seed: number): IdeasResult {
  return checked('seed', seed, () => ({ config: { ...cloneIdeas(cfg), seed } }));
}

/**
 * Changes the depth demonstration's input shape. A smaller input shrinks the kernel to fit and moves
 * the pinned cell back inside, rather than refusing; an image input keeps its 3 channels.
 */
export function setDepthInput(cfg: Readonly<IdeasConfig>, c: number, h: number, w: number): IdeasResult {
  return checked('din', [c, h, w], () => {
    if (isRgbImage(cfg.dsrc) && c !== 3) {
      return refuse('din', `The ${cfg.dsrc} image is RGB, so it has 3 channels; choose seeded values to try ${plural(c, 'channel')}.`,
        `${cfg.dsrc} 이미지는 RGB라서 채널이 3개입니다. 채널 ${c}개를 시험하려면 시드 값을 고르세요.`);
    }
    const next = cloneIdeas(cfg);
    Object.assign(next, { dc: c, dh: h, dw: w });
    next.dk = Math.min(next.dk, h, w);
    return { config: repairIdeas(next).config };
  });
}

/** Changes the depth demonstration's kernel size (it must fit the input). */
export function setDepthKernel(cfg: Readonly<IdeasConfig>, k: number): IdeasResult {
  return checked('dk', k, () =>
    k > Math.min(cfg.dh, cfg.dw)
      ? refuse('dk', `A ${k}×${k} kernel does not fit the ${cfg.dh}×${cfg.dw} input; use 1 to ${Math.min(cfg.dh, cfg.dw)}.`,
          `${k}×${k} 커널은 ${cfg.dh}×${cfg.dw} 입력에 맞지 않습니다. 1부터 ${Math.min(cfg.dh, cfg.dw)}까지 사용하세요.`)
      : { config: repairIdeas({ ...cloneIdeas(cfg), dk: k }).config },
  );
}

/** Changes the number of filters; the filter shown stays when it still exists. */
export function setDepthCout(cfg: Readonly<IdeasConfig>, n: number): IdeasResult {
  return checked('dcout', n, () => {
    const next = { ...cloneIdeas(cfg), dcout: n };
    if (next.dfi >= n) next.dfi = n - 1;
    return { config: next };
  });
}

/** Chooses the depth input's source; an image source makes the input RGB (3 channels). */
export function setDepthSource(cfg: Readonly<IdeasConfig>, src: DepthSource): IdeasResult {
  return checked('dsrc', src, () => {
    const next = { ...cloneIdeas(cfg), dsrc: src };
    if (isRgbImage(src)) next.dc = 3;
    return { config: next };
  });
}

/** The message of a filter whose depth differs from the input's. */
export function depthMismatch(inputChannels: number, filterDepth: number): string {
  return (
    `A ${filterDepth}-channel filter cannot slide over this input: a filter is as deep as its input: this input has ` +
    `${plural(inputChannels, 'channel')}, so each filter needs ${inputChannels}.`
  );
}

/** The Korean of {@link depthMismatch}. */
export function depthMismatchKo(inputChannels: number, filterDepth: number): string {
  return (
    `채널이 ${filterDepth}개인 필터는 이 입력 위를 움직일 수 없습니다. 필터의 깊이는 입력과 같아야 합니다. 이 입력의 채널은 ` +
    `${inputChannels}개이므로 각 필터도 ${inputChannels}개가 필요합니다.`
  );
}

/**
 * Tries a filter depth: only the input's channel count is possible, anything else is refused with
 * the reason (the configuration is unchanged either way, since the depth always follows the input).
 */
export function setFilterDepth(cfg: Readonly<IdeasConfig>, depth: number): IdeasResult {
  if (!Number.isInteger(depth) || depth < 1) return refuse('fd', `A filter has a whole number of channels, at least 1; this input needs ${cfg.dc}.`,
      `필터의 채널 수는 1 이상의 정수입니다. 이 입력에는 ${cfg.dc}개가 필요합니다.`);
  return depth === cfg.dc ? { config: cloneIdeas(cfg) } : refuse('fd', depthMismatch(cfg.dc, depth), depthMismatchKo(cfg.dc, depth));
}

/** Chooses the filter worked in detail. */
export function setDepthFilter(cfg: Readonly<IdeasConfig>, index: number): IdeasResult {
  if (!Number.isInteger(index) || index < 0 || index >= cfg.dcout) {
    return refuse('dfi', `There ${cfg.dcout === 1 ? 'is 1 filter' : `are ${cfg.dcout} filters`}: filter ${index} does not exist.`,
      `필터는 ${cfg.dcout}개입니다. 필터 ${index}은(는) 없습니다.`);
  }
  return { config: { ...cloneIdeas(cfg), dfi: index } };
}

/** Pins an output cell of the depth demonstration. */
export function setDepthPixel(cfg: Readonly<IdeasConfig>, row: number, col: number): IdeasResult {
  const [oh, ow] = [valid(cfg.dh, cfg.dk), valid(cfg.dw, cfg.dk)];
  if (!whole(row, 0, oh - 1) || !whole(col, 0, ow - 1)) {
    return refuse('dpx', `The output is ${oh}×${ow}: rows 0 to ${oh - 1}, columns 0 to ${ow - 1}.`,
      `출력은 ${oh}×${ow}입니다. 행은 0부터 ${oh - 1}까지, 열은 0부터 ${ow - 1}까지입니다.`);
  }
  return { config: { ...cloneIdeas(cfg), dpx: [row, col] } };
}

/** Changes the 1×1 demonstration's input shape; the pinned pixel moves back inside if needed. */
export function setPointInput(cfg: Readonly<IdeasConfig>, c: number, h: number, w: number): IdeasResult {
  return checked('pin', [c, h, w], () => {
    const next = cloneIdeas(cfg);
    Object.assign(next, { pc: c, ph: h, pw: w });
    next.ppx = [Math.min(next.ppx[0], h - 1), Math.min(next.ppx[1], w - 1)];
    return { config: next };
  });
}

/** Changes the 1×1 demonstration's output channels. */
export function setPointCout(cfg: Readonly<IdeasConfig>, n: number): IdeasResult {
  return checked('pcout', n, () => ({ config: { ...cloneIdeas(cfg), pcout: n } }));
}

/** Pins a pixel of the 1×1 demonstration. */
export function setPointPixel(cfg: Readonly<IdeasConfig>, row: number, col: number): IdeasResult {
  if (!whole(row, 0, cfg.ph - 1) || !whole(col, 0, cfg.pw - 1)) {
    return refuse('ppx', `The map is ${cfg.ph}×${cfg.pw}: rows 0 to ${cfg.ph - 1}, columns 0 to ${cfg.pw - 1}.`,
      `맵은 ${cfg.ph}×${cfg.pw}입니다. 행은 0부터 ${cfg.ph - 1}까지, 열은 0부터 ${cfg.pw - 1}까지입니다.`);
  }
  return { config: { ...cloneIdeas(cfg), ppx: [row, col] } };
}

/** Changes the template demonstration's input shape (every template follows it). */
export function setTemplateInput(cfg: Readonly<IdeasConfig>, c: number, h: number, w: number): IdeasResult {
  return checked('tin', [c, h, w], () => ({ config: { ...cloneIdeas(cfg), tc: c, th: h, tw: w } }));
}

/** Changes the number of templates. */
export function setTemplateCount(cfg: Readonly<IdeasConfig>, k: number): IdeasResult {
  return checked('tk', k, () => ({ config: { ...cloneIdeas(cfg), tk: k } }));
}

/** Makes template 0 the input itself (mean removed) or a seeded one like the others. */
export function setFirstTemplate(cfg: Readonly<IdeasConfig>, tt: FirstTemplate): IdeasResult {
  return checked('tt', tt, () => ({ config: { ...cloneIdeas(cfg), tt } }));
}

/** Chooses the template input's source. */
export function setTemplateSource(cfg: Readonly<IdeasConfig>, src: TemplateSource): IdeasResult {
  return checked('tsrc', src, () => ({ config: { ...cloneIdeas(cfg), tsrc: src } }));
}

/**
 * Changes the stacked kernel sizes (2 or 3 layers); the input grows when the stack needs more
 * (up to its limit), else the change is refused.
 */
export function setLinearKernels(cfg: Readonly<IdeasConfig>, lk: number[]): IdeasResult {
  return checked('lk', lk, () => {
    const need = linearMinSize(lk);
    if (need > IDEAS_LIMITS.linear.hw) {
      return refuse('lk', `Kernels ${lk.join(', ')} need an input of ${need}×${need}, larger than the limit ${IDEAS_LIMITS.linear.hw}.`,
        `커널 ${lk.join(', ')}에는 ${need}×${need} 입력이 필요하며, 이는 한도 ${IDEAS_LIMITS.linear.hw}보다 큽니다.`);
    }
    const next = { ...cloneIdeas(cfg), lk: [...lk] };
    next.lin = [Math.max(next.lin[0], need), Math.max(next.lin[1], need)];
    return { config: next };
  });
}

/** Sets the number of stacked layers (2 or 3): a new layer gets a 2×2 kernel, removing drops the last. */
export function setLinearLayers(cfg: Readonly<IdeasConfig>, n: number): IdeasResult {
  if (!Number.isInteger(n) || n < 2 || n > IDEAS_LIMITS.linear.layers) {
    return refuse('lk', `The stack has 2 or ${IDEAS_LIMITS.linear.layers} layers.`,
      `쌓은 레이어는 2개 또는 ${IDEAS_LIMITS.linear.layers}개입니다.`);
  }
  const lk = cfg.lk.slice(0, n);
  while (lk.length < n) lk.push(2);
  return setLinearKernels(cfg, lk);
}

/** Changes the linear demonstration's input size (it must leave at least one output cell). */
export function setLinearSize(cfg: Readonly<IdeasConfig>, h: number, w: number): IdeasResult {
  return checked('lin', [h, w], () => {
    const need = linearMinSize(cfg.lk);
    if (h < need || w < need) {
      return refuse('lin', `Kernels ${cfg.lk.join(', ')} need an input of at least ${need}×${need}: each layer takes k − 1 rows and columns away.`,
        `커널 ${cfg.lk.join(', ')}에는 최소 ${need}×${need} 입력이 필요합니다. 레이어마다 행과 열이 k − 1개씩 줄어듭니다.`);
    }
    return { config: { ...cloneIdeas(cfg), lin: [h, w] } };
  });
}

/** Puts a ReLU between the stacked layers, or takes it out. */
export function setLinearRelu(cfg: Readonly<IdeasConfig>, on: boolean): IdeasResult {
  return { config: { ...cloneIdeas(cfg), lrelu: on ? 'on' : 'off' } };
}
