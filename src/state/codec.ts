/**
 * The location-hash codec: pure functions, no DOM. `serializeHash` writes a route and its
 * configuration as a short readable link (`#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7`);
 * `parseHash` reads any string back, never throws, and explains in plain English every setting it
 * could not honour. Both are driven by the parameter tables of params.ts.
 */
import {
  CONV_PARAMS,
  DEFAULT_CONV,
  DEFAULT_SHARED,
  FORMAT_VERSION,
  ROUTE_NAMES,
  ROUTE_NAMES_KO,
  ROUTES,
  SHARED_PARAMS,
  cloneConv,
  defaultConv,
  defaultOf,
  type ParamSpec,
  type ParamTable,
  type SharedConfig,
} from './params';
import type { Lang } from '../i18n/core';
import type { LocalizedMessage } from '../i18n/localized';
import type { ConvConfig, Route, UrlProblem } from './types';
import { VIEW_KEYS, isViewLoaded, viewCodec, type ViewConfigs, type ViewRoute } from './views';

/** What `parseHash` returns: the route, its configuration and the problems found. */
export interface ParsedHash {
  route: Route;
  /** The convolution configuration; the default one when the route is not `conv` (its keys live on `#/conv`). */
  conv: ConvConfig;
  /** The configuration of the link's view when it is not `conv` (only that view's entry is set). */
  views: Partial<ViewConfigs>;
  /** The keys every route carries that the link gave (absent ones: the page decides, e.g. the browser's language). */
  shared: Partial<SharedConfig>;
  problems: UrlProblem[];
}

/** A route's own parameter table: the convolution view's, or a registered view's (see `loadView`). */
export function routeParams(route: Route): ParamTable<never> {
  return (route === 'conv' ? CONV_PARAMS : viewCodec(route).table) as ParamTable<never>;
}

/** The names of a route's URL keys, known before the view's module is loaded. */
function routeKeys(route: Route): readonly string[] {
  return route === 'conv' ? CONV_PARAMS.map((spec) => spec.key) : VIEW_KEYS[route];
}

/** The message of the last-resort guard of `parseHash` (never expected to be seen). */
export const UNREADABLE_LINK = 'this link could not be read; showing the default example.';
/** The Korean of `UNREADABLE_LINK`. */
export const UNREADABLE_LINK_KO = '이 링크를 읽을 수 없습니다. 기본 예제를 보여 줍니다.';

/** At most this many problems are listed; the rest are summed up in one last problem. */
export const MAX_PROBLEMS = 20;

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

/**
 * The output size of a convolution along one axis, PyTorch's formula
 * `floor((size + padBefore + padAfter − dilation·(kernel − 1) − 1) / stride) + 1`. A result below 1
 * means the dilated kernel does not fit the padded input: the configuration is impossible.
 */
export function convOutputSize(
  size: number,
  kernel: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
): number {
  return Math.floor((size + padBefore + padAfter - dilation * (kernel - 1) - 1) / stride) + 1;
}

/** The output height and width `[H′, W′]` of a convolution configuration (below 1 when impossible). */
export function convOutputShape(conv: Readonly<ConvConfig>): [number, number] {
  return [
    convOutputSize(conv.h, conv.k[0], conv.s[0], conv.p[0], conv.p[1], conv.d[0]),
    convOutputSize(conv.w, conv.k[1], conv.s[1], conv.p[2], conv.p[3], conv.d[1]),
  ];
}

/** The number of steps of the walk-through, `f·H′·W′` (0 when the configuration is impossible). */
export function convTotalSteps(conv: Readonly<ConvConfig>): number {
  const [oh, ow] = convOutputShape(conv);
  return oh < 1 || ow < 1 ? 0 : conv.f * oh * ow;
}

/** The number of weights, `f·c·kh·kw`: weight edits index this flat [f, c, kh, kw] array. */
export function convWeightCount(conv: Readonly<ConvConfig>): number {
  return conv.f * conv.c * conv.k[0] * conv.k[1];
}

const AXIS_UNITS = ['rows', 'columns'] as const;
const AXIS_UNITS_KO = ['행', '열'] as const;

/** Why the kernel does not fit on `axis` (0 = height, 1 = width), or null when it fits. */
function axisMisfit(conv: Readonly<ConvConfig>, axis: 0 | 1, lang: Lang = 'en'): string | null {
  const size = axis === 0 ? conv.h : conv.w;
  const [before, after] = axis === 0 ? [conv.p[0], conv.p[1]] : [conv.p[2], conv.p[3]];
  const kernel = conv.k[axis];
  const dilation = conv.d[axis];
  if (convOutputSize(size, kernel, conv.s[axis], before, after, dilation) >= 1) return null;
  const unit = AXIS_UNITS[axis];
  const span = dilation * (kernel - 1) + 1;
  if (lang === 'ko') {
    const unitKo = AXIS_UNITS_KO[axis];
    return (
      `팽창(dilation)이 ${dilation}일 때 크기 ${kernel}인 커널은 ${span}${unitKo}에 걸치지만, 패딩한 입력은 ` +
      `${size + before + after}${unitKo}(${size} + 패딩 ${before} + ${after})뿐이라 출력이 없습니다`
    );
  }
  return (
    `with dilation ${dilation} a kernel of ${kernel} spans ${span} ${unit}, but the padded input has only ` +
    `${size + before + after} ${unit} (${size} + padding ${before} + ${after}), so there would be no output`
  );
}

/**
 * Explains why a configuration is geometrically impossible (the dilated kernel is larger than the
 * padded input on some axis), as a sentence starting with a capital, or returns null when it fits.
 */
export function describeMisfit(conv: Readonly<ConvConfig>, lang: Lang = 'en'): string | null {
  const why = axisMisfit(conv, 0, lang) ?? axisMisfit(conv, 1, lang);
  return why === null ? null : capital(why) + '.';
}

/** `describeMisfit` in both languages, or null when the kernel fits. */
export function describeMisfitBilingual(conv: Readonly<ConvConfig>): LocalizedMessage | null {
  const message = describeMisfit(conv);
  return message === null ? null : { message, ko: describeMisfit(conv, 'ko')! };
}

/** The sentence's first letter in capitals (Korean text is unchanged). */
function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Korean grammar
// ---------------------------------------------------------------------------------------------

/** Whether the last syllable of `word` (ignoring a trailing parenthesis) ends in a consonant (받침). */
function hasFinal(word: string): boolean {
  const text = word.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const last = text.charAt(text.length - 1);
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[0-9]/.test(last)) return '0136780'.includes(last);
  return /[lmnr]/i.test(last);
}

/** `word` with its topic particle: "커널 크기는", "패딩은". */
export function topicKo(word: string): string {
  return word + (hasFinal(word) ? '은' : '는');
}

// ---------------------------------------------------------------------------------------------
// Values: validation, text, formatting
// ---------------------------------------------------------------------------------------------

type AnySpec = ParamSpec<never>;
type Bag = Record<string, unknown>;

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads a number written in decimal (no spaces, no `Infinity`, no hex), or null. */
function toNumber(text: string): number | null {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? Number(t) : null;
}

function isWhole(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function inRange(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;
}

function rangeText(min: number, max: number): string {
  return max >= Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
}

function rangeTextKo(min: number, max: number): string {
  return max >= Number.MAX_SAFE_INTEGER ? `${min} 이상의` : `${min}에서 ${max} 사이의`;
}

function listText(items: readonly (string | number)[]): string {
  return items.join(', ');
}

/** Shortens text quoted in a message. */
function clip(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The values of an enum a link may hold (refused ones excluded). */
function linkable(spec: {
  allowed: readonly string[];
  refused?: Readonly<Record<string, string>>;
}): string[] {
  return spec.allowed.filter((v) => !spec.refused || !(v in spec.refused));
}

/**
 * What a valid value of `spec` looks like, as the end of a sentence starting with its label, e.g.
 * "the kernel size must be a whole number from 1 to 11, or height x width such as 3x5".
 */
export function expectation<C>(spec: ParamSpec<C>, lang: Lang = 'en'): string {
  if (lang === 'ko') return expectationKo(spec);
  switch (spec.type) {
    case 'int':
      return `${spec.label} must be a whole number ${rangeText(spec.min, spec.max)}`;
    case 'number':
      return spec.allowed
        ? `${spec.label} must be one of ${listText(spec.allowed)}`
        : `${spec.label} must be a number ${rangeText(spec.min, spec.max)}`;
    case 'pair': {
      const a = spec.default[0];
      const b = Math.min(a + 2, spec.max);
      return (
        `${spec.label} must be a whole number from ${spec.min} to ${spec.max}, ` +
        `or two of them as height x width such as ${a}x${b}`
      );
    }
    case 'padding':
      return (
        `${spec.label} must be a whole number from ${spec.min} to ${spec.max} for every side, ` +
        `or two of them (top and bottom, left and right) such as 1,2, ` +
        `or four (top, bottom, left, right) such as 1,1,2,2`
      );
    case 'shape': {
      const parts = spec.names.map((name, i) => `${name} from ${spec.min[i]} to ${spec.max[i]}`);
      return (
        `${spec.label} must be ${spec.names.join(' x ')} such as ${spec.default.join('x')}, ` +
        `with ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
      );
    }
    case 'enum':
      return `${spec.label} must be one of ${listText(linkable(spec))}`;
    case 'enumList':
      return `${spec.label} must be a comma-separated list of ${listText(spec.allowed)}`;
    case 'sparse':
      return (
        `${spec.label} must be index:value pairs separated by commas, such as 12:2.5,40:-1, ` +
        `with a whole-number index and a value from ${spec.min} to ${spec.max}`
      );
    case 'numberList':
      return (
        `${spec.label} must be a comma-separated list of ${spec.minLength} to ${spec.maxLength} ` +
        `${spec.integer ? 'whole numbers' : 'numbers'} from ${spec.min} to ${spec.max}`
      );
    case 'text':
      return spec.patternText
        ? `${spec.label} must be at most ${spec.maxLength.toLocaleString('en-US')} characters: ${spec.patternText}`
        : `${spec.label} must be text of at most ${spec.maxLength.toLocaleString('en-US')} characters`;
  }
}

/** The Korean of `expectation`: a whole clause ending in "…여야 합니다" (no full stop). */
export function expectationKo<C>(spec: ParamSpec<C>): string {
  const label = topicKo(spec.labelKo ?? spec.label);
  switch (spec.type) {
    case 'int':
      return `${label} ${rangeTextKo(spec.min, spec.max)} 정수여야 합니다`;
    case 'number':
      return spec.allowed
        ? `${label} ${listText(spec.allowed)} 중 하나여야 합니다`
        : `${label} ${rangeTextKo(spec.min, spec.max)} 숫자여야 합니다`;
    case 'pair': {
      const a = spec.default[0];
      const b = Math.min(a + 2, spec.max);
      return (
        `${label} ${spec.min}에서 ${spec.max} 사이의 정수 하나, ` +
        `또는 높이x너비로 쓴 두 정수(예: ${a}x${b})여야 합니다`
      );
    }
    case 'padding':
      return (
        `${label} 모든 변에 쓸 ${spec.min}에서 ${spec.max} 사이의 정수 하나, ` +
        `또는 두 개(위아래, 좌우; 예: 1,2), 또는 네 개(위, 아래, 왼쪽, 오른쪽; 예: 1,1,2,2)여야 합니다`
      );
    case 'shape': {
      const names = spec.namesKo ?? spec.names;
      const parts = names.map((name, i) => `${name} ${spec.min[i]}에서 ${spec.max[i]}`);
      return (
        `${label} ${names.join(' x ')} 형식(예: ${spec.default.join('x')})이어야 하며, ` +
        `범위는 ${parts.join(', ')} 사이여야 합니다`
      );
    }
    case 'enum':
      return `${label} ${listText(linkable(spec))} 중 하나여야 합니다`;
    case 'enumList':
      return `${label} ${listText(spec.allowed)} 중에서 고른 값을 쉼표로 구분한 목록이어야 합니다`;
    case 'sparse':
      return (
        `${label} 12:2.5,40:-1처럼 쉼표로 구분한 인덱스:값 쌍이어야 하며, ` +
        `인덱스는 정수, 값은 ${spec.min}에서 ${spec.max} 사이여야 합니다`
      );
    case 'numberList':
      return (
        `${label} ${spec.min}에서 ${spec.max} 사이의 ${spec.integer ? '정수' : '숫자'} ` +
        `${spec.minLength}개에서 ${spec.maxLength}개를 쉼표로 구분한 목록이어야 합니다`
      );
    case 'text': {
      const n = spec.maxLength.toLocaleString('en-US');
      const pattern = spec.patternTextKo ?? spec.patternText;
      return pattern
        ? `${label} 최대 ${n}자이며 다음 문자만 쓸 수 있어야 합니다: ${pattern}`
        : `${label} 최대 ${n}자의 텍스트여야 합니다`;
    }
  }
}

/**
 * Checks a value (not text) against its row's type and bounds; returns null when valid, else a
 * sentence saying what would be valid ("The kernel size must be …."). Cross-field rules (the kernel
 * fitting the input, the step, edit indices) are `repairConv`'s and `describeMisfit`'s business.
 */
export function checkParam<C>(spec: ParamSpec<C>, value: unknown, lang: Lang = 'en'): string | null {
  const ok = isValid(spec as AnySpec, value);
  if (ok) return null;
  return capital(expectation(spec, lang)) + '.';
}

/** `checkParam` in both languages (`{ message, ko }`), or null when the value is valid. */
export function checkParamBilingual<C>(spec: ParamSpec<C>, value: unknown): LocalizedMessage | null {
  const message = checkParam(spec, value);
  return message === null ? null : { message, ko: checkParam(spec, value, 'ko')! };
}

function isValid(spec: AnySpec, value: unknown): boolean {
  const tuple = (n: number) => Array.isArray(value) && value.length === n;
  switch (spec.type) {
    case 'int':
      return isWhole(value, spec.min, spec.max);
    case 'number':
      return inRange(value, spec.min, spec.max) && (!spec.allowed || spec.allowed.includes(value));
    case 'pair':
      return tuple(2) && (value as unknown[]).every((x) => isWhole(x, spec.min, spec.max));
    case 'padding':
      return tuple(4) && (value as unknown[]).every((x) => isWhole(x, spec.min, spec.max));
    case 'shape':
      return tuple(3) && (value as unknown[]).every((x, i) => isWhole(x, spec.min[i]!, spec.max[i]!));
    case 'enum':
      return typeof value === 'string' && spec.allowed.includes(value);
    case 'enumList':
      return Array.isArray(value) && value.every((x) => typeof x === 'string' && spec.allowed.includes(x));
    case 'sparse':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([i, v]) => /^\d+$/.test(i) && Number.isSafeInteger(Number(i)) && inRange(v, spec.min, spec.max),
        )
      );
    case 'numberList':
      return (
        Array.isArray(value) &&
        value.length >= spec.minLength &&
        value.length <= spec.maxLength &&
        value.every((x) => inRange(x, spec.min, spec.max) && (!spec.integer || Number.isInteger(x)))
      );
    case 'text':
      return (
        typeof value === 'string' && value.length <= spec.maxLength && (!spec.pattern || spec.pattern.test(value))
      );
  }
}

/** Writes a value as it appears in a link (`3`, `3x5`, `1,2`, `3x5x5`, `12:2.5,40:-1`, …). */
export function formatParam<C>(spec: ParamSpec<C>, value: unknown): string {
  switch (spec.type) {
    case 'int':
    case 'number':
      return String(value);
    case 'pair': {
      const [a, b] = value as number[];
      return a === b ? `${a}` : `${a}x${b}`;
    }
    case 'padding': {
      const [t, b, l, r] = value as number[];
      if (t === b && b === l && l === r) return `${t}`;
      if (t === b && l === r) return `${t},${l}`;
      return `${t},${b},${l},${r}`;
    }
    case 'shape':
      return (value as number[]).join('x');
    case 'enum':
      return String(value);
    case 'enumList': {
      const list = [...(value as string[])];
      while (list.length > 0 && list[list.length - 1] === spec.fill) list.pop();
      return list.join(',');
    }
    case 'sparse':
      return Object.entries(value as Record<number, number>)
        .map(([i, v]) => [Number(i), v] as const)
        .sort((x, y) => x[0] - y[0])
        .map(([i, v]) => `${i}:${String(v)}`)
        .join(',');
    case 'numberList':
      return (value as number[]).join(',');
    case 'text':
      return String(value);
  }
}

/** The value of a row read from a configuration object. */
function readField(spec: AnySpec, source: Bag): unknown {
  return spec.type === 'shape' ? spec.fields.map((f) => source[f]) : source[spec.field];
}

/** Stores a row's value into a configuration object. */
function writeField(spec: AnySpec, target: Bag, value: unknown): void {
  if (spec.type === 'shape') spec.fields.forEach((f, i) => (target[f] = (value as unknown[])[i]));
  else target[spec.field] = value;
}

/** What a setting is shown as in a message: `k=0`, or `k has no value`. */
function shown(key: string, raw: string): string {
  return raw === '' ? `${key} has no value` : `${key}=${clip(raw)}`;
}

/** `shown` in Korean: `k=0`, or `k(값 없음)`. */
function shownKo(key: string, raw: string): string {
  return raw === '' ? `${key}(값 없음)` : `${key}=${clip(raw)}`;
}

function fallbackText(spec: AnySpec, lang: Lang = 'en'): string {
  const text = formatParam(spec, defaultOf(spec));
  return text === '' ? (lang === 'ko' ? '없음' : 'none') : text;
}

interface ReadResult {
  value: unknown;
  messages: LocalizedMessage[];
}

/**
 * Reads one setting's text. A malformed or out-of-range value gives the row's default and a
 * message; lists (presets, edits) keep their good entries and report the bad ones.
 */
function readParam(spec: AnySpec, key: string, raw: string): ReadResult {
  const text = raw.trim();
  const reject = (): ReadResult => ({
    value: defaultOf(spec),
    messages: [
      {
        message: `${shown(key, raw)}: ${expectation(spec)}; using ${fallbackText(spec)}.`,
        ko: `${shownKo(key, raw)}: ${expectationKo(spec)}. 기본값(${fallbackText(spec, 'ko')})을 사용합니다.`,
      },
    ],
  });
  const accept = (value: unknown): ReadResult => (isValid(spec, value) ? { value, messages: [] } : reject());
  const numbers = (parts: string[]): number[] | null => {
    const out: number[] = [];
    for (const part of parts) {
      const n = toNumber(part);
      if (n === null) return null;
      out.push(n);
    }
    return out;
  };
  switch (spec.type) {
    case 'int':
    case 'number': {
      const n = toNumber(text);
      return n === null ? reject() : accept(n);
    }
    case 'pair': {
      const n = numbers(text.split(/[x×]/i));
      if (n === null || n.length > 2) return reject();
      return accept(n.length === 1 ? [n[0], n[0]] : n);
    }
    case 'padding': {
      const n = numbers(text.split(','));
      if (n === null) return reject();
      if (n.length === 1) return accept([n[0], n[0], n[0], n[0]]);
      if (n.length === 2) return accept([n[0], n[0], n[1], n[1]]);
      return n.length === 4 ? accept(n) : reject();
    }
    case 'shape': {
      const n = numbers(text.split(/[x×]/i));
      return n === null || n.length !== 3 ? reject() : accept(n);
    }
    case 'enum': {
      const name = text.toLowerCase();
      const refusal = spec.refused?.[name];
      if (refusal !== undefined) {
        const ko = spec.refusedKo?.[name];
        return {
          value: defaultOf(spec),
          messages: [
            {
              message: `${key}=${name}: ${refusal}.`,
              ...(ko !== undefined && { ko: `${key}=${name}: ${ko}.` }),
            },
          ],
        };
      }
      return accept(name);
    }
    case 'enumList': {
      if (text === '') return { value: [], messages: [] };
      const bad: string[] = [];
      const badKo: string[] = [];
      const value = text.split(',').map((part, i) => {
        const name = part.trim().toLowerCase();
        if (name === '') return spec.fill;
        if (spec.allowed.includes(name)) return name;
        bad.push(`'${clip(part, 20)}' for ${spec.itemName} ${i + 1}`);
        badKo.push(`'${clip(part, 20)}'(${spec.itemNameKo ?? spec.itemName} ${i + 1})`);
        return spec.fill;
      });
      const messages = bad.length
        ? [
            {
              message:
                `${shown(key, raw)}: ${listText(bad.slice(0, 3))}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''} ` +
                `not understood (${expectation(spec)}); using ${spec.fill} there.`,
              ko:
                `${shownKo(key, raw)}: 알 수 없는 값 ${listText(badKo.slice(0, 3))}` +
                `${bad.length > 3 ? ` 외 ${bad.length - 3}개` : ''} (${expectationKo(spec)}). ` +
                `그 자리에는 ${spec.fill} 값을 사용합니다.`,
            },
          ]
        : [];
      return { value, messages };
    }
    case 'sparse': {
      const value: Record<number, number> = {};
      const bad: string[] = [];
      for (const part of text.split(',')) {
        if (part.trim() === '') continue;
        const m = /^\s*(\d+)\s*:(.*)$/.exec(part);
        const index = m ? Number(m[1]) : NaN;
        const v = m ? toNumber(m[2]!) : null;
        if (!m || !Number.isSafeInteger(index) || v === null || !inRange(v, spec.min, spec.max)) {
          bad.push(`'${clip(part, 20)}'`);
          continue;
        }
        value[index] = v === 0 ? 0 : v; // no negative zero
      }
      const messages = bad.length
        ? [
            {
              message:
                `${shown(key, raw)}: ${listText(bad.slice(0, 3))}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''} ` +
                `not understood (${expectation(spec)}); ignored ${bad.length === 1 ? 'it' : 'them'}.`,
              ko:
                `${shownKo(key, raw)}: 알 수 없는 항목 ${listText(bad.slice(0, 3))}` +
                `${bad.length > 3 ? ` 외 ${bad.length - 3}개` : ''} (${expectationKo(spec)}). 무시합니다.`,
            },
          ]
        : [];
      return { value, messages };
    }
    case 'numberList': {
      if (text === '') return accept([]);
      const n = numbers(text.split(','));
      return n === null ? reject() : accept(n);
    }
    case 'text': {
      if (isValid(spec, text)) return { value: text, messages: [] };
      const long = text.length > spec.maxLength;
      const length = text.length.toLocaleString('en-US');
      const why = long ? `it has ${length} characters; ${expectation(spec)}` : expectation(spec);
      const whyKo = long ? `길이가 ${length}자입니다. ${expectationKo(spec)}` : expectationKo(spec);
      return {
        value: defaultOf(spec),
        messages: [
          {
            message: `${shown(key, raw)}: ${why}; ignored.`,
            ko: `${shownKo(key, raw)}: ${whyKo}. 무시합니다.`,
          },
        ],
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cross-field repair
// ---------------------------------------------------------------------------------------------

const KERNEL = CONV_PARAMS.find((s) => s.key === 'k')!;
const DILATION = CONV_PARAMS.find((s) => s.key === 'd')!;
const PADDING = CONV_PARAMS.find((s) => s.key === 'p')!;
const PRESETS = CONV_PARAMS.find((s) => s.key === 'fp')!;
const WEIGHTS = CONV_PARAMS.find((s) => s.key === 'w')!;
const BIASES = CONV_PARAMS.find((s) => s.key === 'b')!;

/**
 * Repairs the cross-field rules of a convolution configuration whose fields are each valid on
 * their own: presets sized to the filters; a kernel that fits the padded input on both axes
 * (resetting the kernel, then the dilation, then the padding of an offending axis to its default,
 * and if still impossible shrinking the kernel to the largest that fits; with the shipped defaults a
 * reset always suffices, `defaults` exists for tests); a step below `f·H′·W′`
 * (else 0); weight edits below `f·c·kh·kw` and bias edits below `f` (others dropped). Returns a
 * repaired copy and one problem per change.
 */
export function repairConv(
  input: Readonly<ConvConfig>,
  defaults: Readonly<ConvConfig> = DEFAULT_CONV,
): { conv: ConvConfig; problems: UrlProblem[] } {
  const conv = cloneConv(input);
  const problems: UrlProblem[] = [];

  // Presets: one per filter.
  // Extra presets that are all random mean nothing (e.g. the default list after f=1) and go quietly.
  if (conv.fp.slice(conv.f).some((preset) => preset !== 'random')) {
    const extra = conv.fp.length - conv.f;
    problems.push({
      key: 'fp',
      message:
        `fp=${clip(formatParam(PRESETS, conv.fp))}: lists ${conv.fp.length} presets but there ` +
        `${conv.f === 1 ? 'is only 1 filter' : `are only ${conv.f} filters`}; ignoring the last ${extra}.`,
      ko:
        `fp=${clip(formatParam(PRESETS, conv.fp))}: 프리셋이 ${conv.fp.length}개이지만 필터는 ${conv.f}개뿐이므로 ` +
        `마지막 ${extra}개를 무시합니다.`,
    });
  }
  conv.fp = conv.fp.slice(0, conv.f);
  while (conv.fp.length < conv.f) conv.fp.push('random');

  // Geometry: reset the kernel, the dilation, then the padding of each offending axis.
  const resets: { spec: typeof KERNEL; field: 'k' | 'd' | 'p'; parts: (axis: 0 | 1) => number[] }[] = [
    { spec: KERNEL, field: 'k', parts: (axis) => [axis] },
    { spec: DILATION, field: 'd', parts: (axis) => [axis] },
    { spec: PADDING, field: 'p', parts: (axis) => (axis === 0 ? [0, 1] : [2, 3]) },
  ];
  for (const { spec, field, parts } of resets) {
    const axes = ([0, 1] as const).filter((axis) => axisMisfit(conv, axis) !== null);
    if (axes.length === 0) break;
    const why = axisMisfit(conv, axes[0]!)!;
    const whyKo = axisMisfit(conv, axes[0]!, 'ko')!;
    const before = formatParam(spec, conv[field]);
    const values = [...conv[field]];
    const reset = defaults[field];
    for (const axis of axes) for (const i of parts(axis)) values[i] = reset[i]!;
    const after = formatParam(spec, values);
    if (after !== before) {
      (conv as unknown as Bag)[field] = values;
      problems.push({
        key: field,
        message: `${field}=${before}: ${why}; using ${field}=${after}.`,
        ko: `${field}=${before}: ${whyKo}. 대신 ${field}=${after} 값을 사용합니다.`,
      });
    }
  }
  const stillOff = ([0, 1] as const).filter((axis) => axisMisfit(conv, axis) !== null);
  if (stillOff.length > 0) {
    const why = axisMisfit(conv, stillOff[0]!)!;
    const whyKo = axisMisfit(conv, stillOff[0]!, 'ko')!;
    const before = formatParam(KERNEL, conv.k);
    const k: [number, number] = [...conv.k];
    for (const axis of stillOff) {
      const padded = axis === 0 ? conv.h + conv.p[0] + conv.p[1] : conv.w + conv.p[2] + conv.p[3];
      k[axis] = Math.max(1, Math.floor((padded - 1) / conv.d[axis]) + 1);
    }
    conv.k = k;
    problems.push({
      key: 'k',
      message: `k=${before}: ${why}; using the largest kernel that fits, k=${formatParam(KERNEL, k)}.`,
      ko: `k=${before}: ${whyKo}. 들어맞는 가장 큰 커널(k=${formatParam(KERNEL, k)})을 사용합니다.`,
    });
  }

  // Step within the walk-through.
  const total = convTotalSteps(conv);
  if (conv.step >= total) {
    problems.push({
      key: 'step',
      message: `step=${conv.step}: this configuration has ${total} steps (0 to ${total - 1}); using 0.`,
      ko: `step=${conv.step}: 이 구성의 단계는 ${total}개(0부터 ${total - 1}까지)입니다. 0을 사용합니다.`,
    });
    conv.step = 0;
  }

  // Edits within the weights and biases.
  const count = convWeightCount(conv);
  const filters = conv.f === 1 ? '1 filter' : `${conv.f} filters`;
  const dropEdits = (
    spec: typeof WEIGHTS,
    edits: Record<number, number>,
    limit: number,
    what: string,
    whatKo: string,
  ): Record<number, number> => {
    const outside = Object.keys(edits)
      .map(Number)
      .filter((i) => i >= limit)
      .sort((a, b) => a - b);
    if (outside.length === 0) return edits;
    const kept: Record<number, number> = {};
    for (const [i, v] of Object.entries(edits)) if (Number(i) < limit) kept[Number(i)] = v;
    const list = outside.slice(0, 5).join(', ') + (outside.length > 5 ? ', …' : '');
    problems.push({
      key: spec.key,
      message:
        `${spec.key}=${clip(formatParam(spec, edits))}: ${what} (indices 0 to ${limit - 1}), so the ` +
        `${outside.length === 1 ? 'edit' : 'edits'} at ${list} ${outside.length === 1 ? 'is' : 'are'} ignored.`,
      ko:
        `${spec.key}=${clip(formatParam(spec, edits))}: ${whatKo}(인덱스 0부터 ${limit - 1}까지)이므로 ` +
        `${list} 위치의 편집은 무시합니다.`,
    });
    return kept;
  };
  conv.we = dropEdits(
    WEIGHTS,
    conv.we,
    count,
    `${filters} of ${conv.c}x${conv.k[0]}x${conv.k[1]} have ${count} ${count === 1 ? 'weight' : 'weights'}`,
    `${conv.c}x${conv.k[0]}x${conv.k[1]} 필터 ${conv.f}개의 가중치는 ${count}개`,
  );
  conv.b = dropEdits(
    BIASES,
    conv.b,
    conv.f,
    `there ${conv.f === 1 ? 'is 1 bias' : `are ${conv.f} biases`}`,
    `편향은 ${conv.f}개`,
  );

  return { conv, problems };
}

/**
 * Makes a valid convolution configuration out of untrusted fields: missing or invalid fields get
 * their default (with a problem), then `repairConv` enforces the cross-field rules.
 */
export function sanitizeConv(partial: Partial<ConvConfig> = {}): {
  conv: ConvConfig;
  problems: UrlProblem[];
} {
  const conv = defaultConv() as unknown as Bag;
  const problems: UrlProblem[] = [];
  for (const spec of CONV_PARAMS as readonly AnySpec[]) {
    const fields = spec.type === 'shape' ? spec.fields : [spec.field];
    if (fields.every((f) => (partial as Bag)[f] === undefined)) continue;
    const value =
      spec.type === 'shape' ? fields.map((f) => (partial as Bag)[f] ?? conv[f]) : readField(spec, partial);
    if (isValid(spec, value)) writeField(spec, conv, copyValue(value));
    else {
      problems.push({
        key: spec.key,
        message: `${checkParam(spec, value)} Using ${fallbackText(spec)}.`,
        ko: `${checkParam(spec, value, 'ko')} 기본값(${fallbackText(spec, 'ko')})을 사용합니다.`,
      });
    }
  }
  const repaired = repairConv(conv as unknown as ConvConfig);
  return { conv: repaired.conv, problems: [...problems, ...repaired.problems] };
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object' && value !== null) return { ...value };
  return value;
}

// ---------------------------------------------------------------------------------------------
// Hash
// ---------------------------------------------------------------------------------------------

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Writes the keys of a table: `always` ones and those that differ from their default. Free-text
 * rows are percent-encoded and go to `last` when given (a long deck must not hide the view's keys).
 */
function writeTable(table: ParamTable<never>, source: Bag, out: string[], last: string[] = out): void {
  for (const spec of table as readonly AnySpec[]) {
    const text = formatParam(spec, readField(spec, source));
    if (!spec.always && text === formatParam(spec, defaultOf(spec))) continue;
    if (spec.type === 'text') last.push(`${spec.key}=${encodeURIComponent(text)}`);
    else out.push(`${spec.key}=${text}`);
  }
}

/**
 * Writes a route and its configuration as a location hash starting with `#/`: `v=1` first, then the
 * core keys (always, so links are readable) and every other key that differs from its default, in
 * the order of the parameter table (`step` only when > 0); shared free text (a `deck=`) comes last.
 * A route other than `conv` carries no convolution keys: each view's keys live on its own route.
 */
export function serializeHash(
  route: Route,
  conv: ConvConfig,
  views?: Partial<ViewConfigs>,
  ui?: Partial<SharedConfig>,
): string {
  const parts: string[] = [];
  const texts: string[] = [];
  const shared: SharedConfig = { ...DEFAULT_SHARED, ...ui, v: FORMAT_VERSION };
  writeTable(SHARED_PARAMS as ParamTable<never>, shared as unknown as Bag, parts, texts);
  const safeRoute: Route = ROUTES.includes(route) ? route : 'conv';
  if (safeRoute === 'conv') writeTable(CONV_PARAMS as ParamTable<never>, conv as unknown as Bag, parts);
  else {
    // A view whose module has not loaded yet has no configuration of its own: its link is its defaults.
    const view = views?.[safeRoute] ?? (isViewLoaded(safeRoute) ? viewCodec(safeRoute).defaults() : undefined);
    if (view !== undefined) writeTable(routeParams(safeRoute), view as unknown as Bag, parts);
  }
  parts.push(...texts);
  return `#/${safeRoute}?${parts.join('&')}`;
}

/** Reads the route and the key/value pairs of a hash. */
function splitHash(hash: string, problems: UrlProblem[]): { route: Route; pairs: [string, string][] } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  let path = q < 0 ? text : text.slice(0, q);
  let query = q < 0 ? '' : text.slice(q + 1);
  if (q < 0 && path.includes('=')) {
    query = path;
    path = '';
  }
  const name = decode(path)
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  let route: Route = 'conv';
  if ((ROUTES as readonly string[]).includes(name)) route = name as Route;
  else if (name !== '') {
    problems.push({
      key: 'route',
      message:
        `'#/${clip(name)}' is not a view of ConvScope (the views are ${ROUTES.map((r) => `#/${r}`).join(', ')}); ` +
        `showing the convolution view.`,
      ko:
        `'#/${clip(name)}': ConvScope에 없는 뷰입니다(뷰: ${ROUTES.map((r) => `#/${r}`).join(', ')}). ` +
        `합성곱 뷰를 보여 줍니다.`,
    });
  }
  const pairs: [string, string][] = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = decode(eq < 0 ? piece : piece.slice(0, eq))
      .trim()
      .toLowerCase();
    const value = eq < 0 ? '' : decode(piece.slice(eq + 1));
    pairs.push([key, value]);
  }
  return { route, pairs };
}

/** Reads the keys of a table from `given` into `target`, removing them from `given`. */
function readTable(
  table: ParamTable<never>,
  given: Map<string, string>,
  target: Bag,
  problems: UrlProblem[],
): void {
  for (const spec of table as readonly AnySpec[]) {
    const raw = given.get(spec.key);
    if (raw === undefined) continue;
    given.delete(spec.key);
    const { value, messages } = readParam(spec, spec.key, raw);
    writeField(spec, target, value);
    for (const message of messages) problems.push({ key: spec.key, ...message });
  }
}

function parseHashUnchecked(hash: string): ParsedHash {
  const problems: UrlProblem[] = [];
  const { route, pairs } = splitHash(hash, problems);

  // The last occurrence of a key wins; repeated keys are reported.
  const given = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [key, value] of pairs) {
    given.set(key, value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of counts) {
    if (n > 1) {
      problems.push({
        key,
        message: `'${clip(key)}' was given ${n} times; using the last one, ${shown(key, given.get(key)!)}.`,
        ko: `'${clip(key)}' 키가 ${n}번 주어졌습니다. 마지막 값(${shownKo(key, given.get(key)!)})을 사용합니다.`,
      });
    }
  }

  const sharedBag = {} as Bag;
  readTable(SHARED_PARAMS as ParamTable<never>, given, sharedBag, problems);
  const shared = sharedBag as Partial<SharedConfig>;
  const version = shared.v ?? FORMAT_VERSION;
  if (version > FORMAT_VERSION) {
    problems.push({
      key: 'v',
      message:
        `v=${version}: this link was made by a newer version of ConvScope (link format ${version}; this ` +
        `version reads format ${FORMAT_VERSION}), so some settings may be ignored or read differently.`,
      ko:
        `v=${version}: 이 링크는 더 새로운 버전의 ConvScope에서 만들어졌습니다(링크 형식 ${version}, 이 버전이 ` +
        `읽는 형식은 ${FORMAT_VERSION}). 일부 설정이 무시되거나 다르게 읽힐 수 있습니다.`,
    });
  }

  let conv = defaultConv();
  const own = routeParams(route);
  const target = route === 'conv' ? (conv as unknown as Bag) : (viewCodec(route).defaults() as unknown as Bag);
  readTable(own, given, target, problems);

  for (const key of given.keys()) {
    const owner = ROUTES.find((r) => r !== route && routeKeys(r).includes(key));
    problems.push({
      key,
      message: owner
        ? `'${key}' is a setting of the ${ROUTE_NAMES[owner]} view, not of the ${ROUTE_NAMES[route]} view; ignored.`
        : `unknown setting '${clip(key)}' ignored.`,
      ko: owner
        ? `'${key}' 키는 ${ROUTE_NAMES_KO[owner]} 뷰의 설정이며 ${ROUTE_NAMES_KO[route]} 뷰의 설정이 아닙니다. 무시합니다.`
        : `'${clip(key)}': 알 수 없는 설정이므로 무시합니다.`,
    });
  }

  const views: Partial<ViewConfigs> = {};
  if (route === 'conv') {
    const repaired = repairConv(conv);
    conv = repaired.conv;
    problems.push(...repaired.problems);
  } else {
    const codec = viewCodec(route) as unknown as { repair: (c: unknown) => { config: unknown; problems: UrlProblem[] } };
    const repaired = codec.repair(target);
    (views as Record<ViewRoute, unknown>)[route] = repaired.config;
    problems.push(...repaired.problems);
  }

  if (problems.length > MAX_PROBLEMS) {
    const rest = problems.length - (MAX_PROBLEMS - 1);
    problems.splice(MAX_PROBLEMS - 1, problems.length, {
      key: '*',
      message: `and ${rest} more problems with this link.`,
      ko: `그 밖에 이 링크에 문제가 ${rest}개 더 있습니다.`,
    });
  }
  delete shared.v;
  return { route, conv, views, shared, problems };
}

/**
 * The route a hash names (`conv` for an empty or unknown one), without reading its keys: what must be
 * loaded (`loadView`) before `parseHash` can read it.
 */
export function routeOfHash(hash: string): Route {
  try {
    return splitHash(typeof hash === 'string' ? hash : '', []).route;
  } catch {
    return 'conv';
  }
}

/**
 * The page settings a hash gives (`lang`, `present`, …), without reading the view's keys: what the page
 * needs to know before the view's module is loaded (e.g. which language's strings to load). Invalid
 * values are left out (`parseHash` reports them).
 */
export function sharedOfHash(hash: string): Partial<SharedConfig> {
  try {
    const problems: UrlProblem[] = [];
    const given = new Map(splitHash(typeof hash === 'string' ? hash : '', problems).pairs);
    const bag = {} as Bag;
    const before = problems.length;
    readTable(SHARED_PARAMS as ParamTable<never>, given, bag, problems);
    for (const problem of problems.slice(before)) delete bag[problem.key];
    return bag as Partial<SharedConfig>;
  } catch {
    return {};
  }
}

/**
 * Reads a location hash (`#/conv?in=3x5x5&k=3…`, with or without `#`) into a route, a valid
 * convolution configuration and the problems found. Never throws: every unreadable, unknown or
 * out-of-range key gives a problem naming it and saying what would be valid, and falls back to its
 * default while every other key is kept; then impossible combinations are repaired (`repairConv`).
 * An empty hash gives the lecture example with no problems. The module of the view the hash names
 * must be registered first (`loadView(routeOfHash(hash))`); a view not yet loaded is not read.
 */
export function parseHash(hash: string): ParsedHash {
  try {
    return parseHashUnchecked(typeof hash === 'string' ? hash : '');
  } catch {
    // Not expected to happen; a last guard so that no link can break the page.
    return {
      route: 'conv',
      conv: defaultConv(),
      views: {},
      shared: {},
      problems: [{ key: '#', message: UNREADABLE_LINK, ko: UNREADABLE_LINK_KO }],
    };
  }
}
