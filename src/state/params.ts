/**
 * The declarative parameter tables of the location hash. ONE table per view drives both reading and
 * writing links (see codec.ts), so a new setting is one line here: its URL key, the configuration
 * field(s) it fills, its type, default and bounds. Keys shared by every view (the format version)
 * live in their own table; each route has its own table, so views never fight over a key.
 */
import type { ConvConfig, FilterPreset, InputSource, Route } from './types';

/** The link format this build writes and reads (`v=` in the hash). */
export const FORMAT_VERSION = 1;

/** Every route, in menu order. */
export const ROUTES: readonly Route[] = ['conv', 'pool', 'rf', 'arch', 'norm', 'ideas'];

/** Human names of the views, used in messages ("not a setting of the pooling view"). */
export const ROUTE_NAMES: Readonly<Record<Route, string>> = {
  conv: 'convolution',
  pool: 'pooling',
  rf: 'receptive field',
  arch: 'architecture',
  norm: 'normalization',
  ideas: 'lecture ideas',
};

/** The Korean of `ROUTE_NAMES`, for messages in Korean ("풀링 뷰의 설정"). */
export const ROUTE_NAMES_KO: Readonly<Record<Route, string>> = {
  conv: '합성곱',
  pool: '풀링',
  rf: '수용 영역',
  arch: '아키텍처',
  norm: '정규화',
  ideas: '강의 아이디어',
};

/** Every input source, in menu order. */
export const INPUT_SOURCES: readonly InputSource[] = [
  'int',
  'float',
  'checker',
  'digit',
  'gradient',
  'scene',
  'upload',
];

/** Every filter preset, in menu order. */
export const FILTER_PRESETS: readonly FilterPreset[] = [
  'random',
  'identity',
  'box',
  'gauss',
  'sharpen',
  'sobelx',
  'sobely',
  'laplace',
];

/** The playback speeds, in steps per second, slowest first (`faster()` / `slower()` walk this list). */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8, 15, 30, 60, 120, 240, 480, 960];

/** The largest magnitude of a weight or bias edit. */
export const MAX_EDIT = 1000;

/** Shown when a link names an uploaded image, which never leaves its author's browser. */
export const UPLOAD_REFUSED =
  "this link was made with an uploaded image, which never leaves its author's browser; showing seeded integers instead";

/** The Korean of `UPLOAD_REFUSED`. */
export const UPLOAD_REFUSED_KO =
  '이 링크는 업로드한 이미지로 만들어졌는데, 업로드한 이미지는 만든 사람의 브라우저 밖으로 나가지 않습니다. 대신 시드로 만든 정수 입력을 보여 줍니다';

/** The keys of `C` whose values are assignable to `V`. */
export type KeysOfType<C, V> = { [K in keyof C]-?: C[K] extends V ? K : never }[keyof C] & string;

interface ParamBase {
  /** The key in the hash, short and readable: `k`, `seed`. */
  key: string;
  /** What the setting is, for messages: "the kernel size". */
  label: string;
  /** The Korean of `label`, for messages in Korean: "커널 크기". */
  labelKo?: string;
  /** Written even when equal to its default, so links stay readable. */
  always?: boolean;
}

/** A whole number from `min` to `max`: `seed=7`. */
export interface IntParam<C> extends ParamBase {
  type: 'int';
  field: KeysOfType<C, number>;
  default: number;
  min: number;
  max: number;
}

/** A finite number from `min` to `max`, or one of `allowed` when given: `speed=2`. */
export interface NumberParam<C> extends ParamBase {
  type: 'number';
  field: KeysOfType<C, number>;
  default: number;
  min: number;
  max: number;
  allowed?: readonly number[];
}

/** A per-axis pair of whole numbers, written `3` when both are equal else `3x5` (height x width). */
export interface PairParam<C> extends ParamBase {
  type: 'pair';
  field: KeysOfType<C, [number, number]>;
  default: readonly [number, number];
  min: number;
  max: number;
}

/** Padding of four sides: `1` (all), `1,2` (top=bottom, left=right) or `top,bottom,left,right`. */
export interface PaddingParam<C> extends ParamBase {
  type: 'padding';
  field: KeysOfType<C, [number, number, number, number]>;
  default: readonly [number, number, number, number];
  min: number;
  max: number;
}

/** Three whole numbers written `CxHxW`, each filling its own field with its own bounds. */
export interface ShapeParam<C> extends ParamBase {
  type: 'shape';
  fields: readonly [KeysOfType<C, number>, KeysOfType<C, number>, KeysOfType<C, number>];
  /** What each part is called in messages: "channels". */
  names: readonly [string, string, string];
  /** The Korean of `names`: "채널". */
  namesKo?: readonly [string, string, string];
  default: readonly [number, number, number];
  min: readonly [number, number, number];
  max: readonly [number, number, number];
}

/** One of `allowed`: `src=photo`. Values in `refused` may be written but are refused on reading. */
export interface EnumParam<C> extends ParamBase {
  type: 'enum';
  field: KeysOfType<C, string>;
  default: string;
  allowed: readonly string[];
  /** Value → why a link holding it cannot be honoured (the default is used instead). */
  refused?: Readonly<Record<string, string>>;
  /** The Korean of `refused` (same keys). */
  refusedKo?: Readonly<Record<string, string>>;
}

/**
 * A comma list of `allowed` values whose length follows another field (`lengthFrom`); missing
 * entries are `fill`. The default is all `fill`, and the key is written only when some entry is not.
 */
export interface EnumListParam<C> extends ParamBase {
  type: 'enumList';
  field: KeysOfType<C, string[]>;
  fill: string;
  allowed: readonly string[];
  lengthFrom: KeysOfType<C, number>;
  /** What one entry is about, for messages: "filter". */
  itemName: string;
  /** The Korean of `itemName`: "필터". */
  itemNameKo?: string;
}

/** Sparse edits `index:value,index:value` (whole index ≥ 0, finite value in [min, max]); default none. */
export interface SparseParam<C> extends ParamBase {
  type: 'sparse';
  field: KeysOfType<C, Record<number, number>>;
  min: number;
  max: number;
}

/** A comma list of finite numbers in [min, max], of `minLength` to `maxLength` entries. */
export interface NumberListParam<C> extends ParamBase {
  type: 'numberList';
  field: KeysOfType<C, number[]>;
  default: readonly number[];
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
  /** Whether entries must be whole numbers. */
  integer: boolean;
}

/**
 * Free text of at most `maxLength` characters, restricted to `pattern` when given (e.g. base64url
 * for `deck=`); written percent-encoded, and after the view's own keys so a long text does not hide
 * them. Malformed or too long text is reported and the default used.
 */
export interface TextParam<C> extends ParamBase {
  type: 'text';
  field: KeysOfType<C, string>;
  default: string;
  maxLength: number;
  /** The form the whole text must have, e.g. `/^[A-Za-z0-9_-]*$/`. */
  pattern?: RegExp;
  /** What `pattern` admits, for messages: "letters, digits, - and _ (base64url)". */
  patternText?: string;
  /** The Korean of `patternText`. */
  patternTextKo?: string;
}

/** One row of a parameter table. */
export type ParamSpec<C> =
  | IntParam<C>
  | NumberParam<C>
  | PairParam<C>
  | PaddingParam<C>
  | ShapeParam<C>
  | EnumParam<C>
  | EnumListParam<C>
  | SparseParam<C>
  | NumberListParam<C>
  | TextParam<C>;

/** A parameter table: rows in the order the keys are written. */
export type ParamTable<C> = readonly ParamSpec<C>[];

/** The languages of the interface. */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

/** Settings every route carries. */
export interface SharedConfig {
  /** The link format version. */
  v: number;
  /** The interface language (`lang=ko`); without it, the browser's language decides. */
  lang: Lang;
  /** Presentation mode (`present=1`): large type and cells, high contrast, editing controls hidden. */
  present: number;
  /** Embed mode (`embed=1`): the view alone, for an iframe in a course page or a slide. */
  embed: number;
  /** The built-in lesson open on the page (`lesson=intro`); `none` when none is (never written). */
  lesson: LessonName;
  /** The step of the open lesson or deck, from 1 (`ls=3`: "Step 3 of 15"). */
  ls: number;
  /** An instructor's deck carried by the link: base64url of its UTF-8 JSON (src/lesson/deck.ts); '' = none. */
  deck: string;
}

/** The built-in lessons a link may name (`none`: no lesson open). */
export const LESSONS = ['none', 'intro'] as const;
export type LessonName = (typeof LESSONS)[number];

/** The most steps a lesson or deck may have (so `ls` is at most this). */
export const MAX_LESSON_STEPS = 50;

/** The longest deck a link may carry, in characters of its base64url text (`deck=`). */
export const MAX_DECK_TEXT = 100_000;

/** The shared settings of a plain link. */
export const DEFAULT_SHARED: Readonly<SharedConfig> = Object.freeze({
  v: FORMAT_VERSION,
  lang: 'en',
  present: 0,
  embed: 0,
  lesson: 'none',
  ls: 1,
  deck: '',
});

/** Keys of every route, written first. */
export const SHARED_PARAMS: ParamTable<SharedConfig> = [
  {
    key: 'v',
    type: 'int',
    field: 'v',
    default: FORMAT_VERSION,
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    label: 'the link format version',
    labelKo: '링크 형식 버전',
    always: true,
  },
  {
    key: 'lang',
    type: 'enum',
    field: 'lang',
    default: 'en',
    allowed: LANGS,
    label: 'the language',
    labelKo: '언어',
  },
  {
    key: 'present',
    type: 'int',
    field: 'present',
    default: 0,
    min: 0,
    max: 1,
    label: 'presentation mode',
    labelKo: '발표 모드',
  },
  {
    key: 'embed',
    type: 'int',
    field: 'embed',
    default: 0,
    min: 0,
    max: 1,
    label: 'embed mode',
    labelKo: '임베드 모드',
  },
  {
    key: 'lesson',
    type: 'enum',
    field: 'lesson',
    default: 'none',
    allowed: LESSONS,
    label: 'the lesson',
    labelKo: '강의',
  },
  {
    key: 'ls',
    type: 'int',
    field: 'ls',
    default: 1,
    min: 1,
    max: MAX_LESSON_STEPS,
    label: 'the lesson step',
    labelKo: '강의 단계',
  },
  {
    key: 'deck',
    type: 'text',
    field: 'deck',
    default: '',
    maxLength: MAX_DECK_TEXT,
    pattern: /^[A-Za-z0-9_-]*$/,
    patternText: 'letters, digits, - and _ (the base64url text of a deck copied from ConvScope)',
    patternTextKo: '영문자, 숫자, -, _ (ConvScope에서 복사한 덱의 base64url 텍스트)',
    label: 'the deck',
    labelKo: '덱',
  },
];

/** The convolution view's keys, in the order they are written (core keys first, always written). */
export const CONV_PARAMS: ParamTable<ConvConfig> = [
  {
    key: 'in',
    type: 'shape',
    fields: ['c', 'h', 'w'],
    names: ['channels', 'height', 'width'],
    namesKo: ['채널', '높이', '너비'],
    default: [3, 5, 5],
    min: [1, 1, 1],
    max: [8, 128, 128],
    label: 'the input shape',
    labelKo: '입력 모양',
    always: true,
  },
  {
    key: 'k',
    type: 'pair',
    field: 'k',
    default: [3, 3],
    min: 1,
    max: 11,
    label: 'the kernel size',
    labelKo: '커널 크기',
    always: true,
  },
  {
    key: 'f',
    type: 'int',
    field: 'f',
    default: 2,
    min: 1,
    max: 8,
    label: 'the number of filters',
    labelKo: '필터 개수',
    always: true,
  },
  {
    key: 's',
    type: 'pair',
    field: 's',
    default: [2, 2],
    min: 1,
    max: 8,
    label: 'the stride',
    labelKo: '스트라이드',
    always: true,
  },
  {
    key: 'p',
    type: 'padding',
    field: 'p',
    default: [1, 1, 1, 1],
    min: 0,
    max: 10,
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
    max: 6,
    label: 'the dilation',
    labelKo: '팽창(dilation)',
    always: true,
  },
  {
    key: 'seed',
    type: 'int',
    field: 'seed',
    default: 7,
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
    allowed: INPUT_SOURCES,
    refused: { upload: UPLOAD_REFUSED },
    refusedKo: { upload: UPLOAD_REFUSED_KO },
    label: 'the input source',
    labelKo: '입력 소스',
  },
  {
    key: 'fp',
    type: 'enumList',
    field: 'fp',
    fill: 'random',
    allowed: FILTER_PRESETS,
    lengthFrom: 'f',
    itemName: 'filter',
    itemNameKo: '필터',
    label: 'the filter presets',
    labelKo: '필터 프리셋',
  },
  {
    key: 'w',
    type: 'sparse',
    field: 'we',
    min: -MAX_EDIT,
    max: MAX_EDIT,
    label: 'the weight edits',
    labelKo: '가중치 편집',
  },
  {
    key: 'b',
    type: 'sparse',
    field: 'b',
    min: -MAX_EDIT,
    max: MAX_EDIT,
    label: 'the bias edits',
    labelKo: '편향 편집',
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

/** Finds the row of `key` in a table. */
export function findParam<C>(table: ParamTable<C>, key: string): ParamSpec<C> | undefined {
  return table.find((spec) => spec.key === key);
}

/** The default value of one row (for an enum list, all `fill` of length `length`). */
export function defaultOf<C>(spec: ParamSpec<C>, length = 0): unknown {
  switch (spec.type) {
    case 'pair':
    case 'padding':
    case 'shape':
    case 'numberList':
      return [...spec.default];
    case 'enumList':
      return Array.from({ length }, () => spec.fill);
    case 'sparse':
      return {};
    default:
      return spec.default;
  }
}

/** Builds a table's default configuration (enum lists sized by their `lengthFrom` field). */
export function defaultsOf<C>(table: ParamTable<C>): C {
  const out: Record<string, unknown> = {};
  for (const spec of table) {
    if (spec.type === 'shape') {
      spec.fields.forEach((field, i) => (out[field] = spec.default[i]));
    } else if (spec.type !== 'enumList') {
      out[spec.field] = defaultOf(spec);
    }
  }
  for (const spec of table) {
    if (spec.type === 'enumList') out[spec.field] = defaultOf(spec, out[spec.lengthFrom] as number);
  }
  return out as C;
}

/** The lecture example, `#/conv?in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7`: what an empty hash shows. */
export const DEFAULT_CONV: Readonly<ConvConfig> = Object.freeze(defaultsOf(CONV_PARAMS));

/** A deep copy of a convolution configuration (the store never shares arrays or maps). */
export function cloneConv(conv: Readonly<ConvConfig>): ConvConfig {
  return {
    ...conv,
    k: [...conv.k],
    s: [...conv.s],
    d: [...conv.d],
    p: [...conv.p],
    fp: [...conv.fp],
    we: { ...conv.we },
    b: { ...conv.b },
  };
}

/** A fresh copy of the default convolution configuration. */
export function defaultConv(): ConvConfig {
  return cloneConv(DEFAULT_CONV);
}
