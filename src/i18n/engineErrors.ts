/**
 * The engine's refusals in words, in English and Korean: an `EngineError` (a thrown error) or a
 * `Problem` (a configuration check), told from their structured fields — `field`, `value`, `code` and
 * `params` — never by translating the engine's English sentence. Pure: no React, no store.
 */
import { defineStaticStrings, type Lang, type Translation } from './core';
import { formatValue, type EngineError, type EngineErrorCode } from '../engine/errors';
import type { Problem } from '../engine/shapes';

const en = {
  // An EngineError: "<field> = <value> is not valid: expected <what>."
  refused: (field: string, value: string, expectation: string) => `${field} = ${value} is not valid: expected ${expectation}.`,
  whole: (min: string) => `a whole number ≥ ${min}`,
  wholeRange: (min: string, max: string) => `a whole number from ${min} to ${max}`,
  finite: 'a finite number',
  positive: 'a finite number > 0',
  unitInterval: 'a number between 0 and 1',
  nonNegative: 'a number ≥ 0',
  boolean: 'true or false',
  divisorInput: (count: string) => `a divisor of the ${count} input channels`,
  divisorOutput: (count: string) => `a divisor of the ${count} output channels`,
  divisorChannels: (count: string) => `a whole number ≥ 1 that divides the ${count} channels`,
  channelsPerGroup: (expected: string, cin: string, groups: string) => `${expected} (input channels ${cin} / groups ${groups})`,
  windowFits: (extent: string, padded: string) => `a window whose dilated extent ${extent} fits in the padded input ${padded}`,
  poolPadding: (maxH: string, maxW: string) => `at most half the kernel on each side (≤ ${maxH} top and bottom, ≤ ${maxW} left and right)`,
  valueCount: (count: string) => `${count} values`,
  length: (expected: string) => `a length of ${expected}`,
  rank: (ranks: string) => `a shape of rank ${ranks}`,
  preset: (kh: string, kw: string) => `a preset that supports a ${kh}×${kw} kernel`,
  invalid: 'another value',
  or: (a: string, b: string) => `${a} or ${b}`,
  // Names of the fields (English shows the field as the engine names it).
  fieldInput: 'input',
  fieldWeight: 'weight',
  fieldBias: 'bias',
  fieldGroups: 'groups',
  fieldStride: 'stride',
  fieldPadding: 'padding',
  fieldDilation: 'dilation',
  fieldKernel: 'kernel',
  fieldChannels: 'channels',
  fieldInChannels: 'input channels',
  fieldOutChannels: 'output channels',
  fieldMomentum: 'momentum',
  fieldRunningMean: 'running mean',
  fieldRunningVar: 'running variance',
  fieldSeed: 'seed',
  fieldPreset: 'preset',
  fieldTraining: 'training',
  fieldRow: 'row',
  fieldCol: 'column',
  fieldLayers: 'layers',
  fieldStd: 'standard deviation',
  fieldStep: 'step',
  fieldOutputPadding: 'output padding',
  fieldShape: 'shape',
  fieldData: 'data',
  fieldEps: 'ε',
  // A Problem of a configuration check.
  pNotConfig: 'There is no configuration to check.',
  pInput: (height: string, width: string) =>
    `The input must be at least 1×1, with whole numbers for its height and width; ${height}×${width} is not possible.`,
  pCount: (what: string, value: string) => `The number of ${what} must be a whole number of at least 1; ${value} is not.`,
  pPairShape: (what: string, value: string) => `The ${what} must be one number or a pair [height, width]; ${value} is neither.`,
  pPairRange: (what: string, min: string, value: string) => `The ${what} must be a whole number of at least ${min}; ${value} is not.`,
  pPaddingShape: (value: string) => `Padding must be one number, [height, width] or [top, bottom, left, right]; ${value} is none of these.`,
  pPaddingNegative: (value: string) => `Padding cannot be negative: it adds cells around the input, so ${value} is not possible.`,
  pPaddingWhole: (value: string) => `Padding must be a whole number of cells; ${value} is not.`,
  pSameStride: (stride: string) =>
    `'same' padding keeps the output the size of the input, which only works with stride 1; with stride ${stride} give the padding as a number.`,
  pGroupsWhole: (value: string) => `The number of groups must be a whole number of at least 1; ${value} is not.`,
  pGroupsDivide: (groups: string, cin: string, cout: string, options: string) =>
    `groups = ${groups} must divide both the ${cin} input channels and the ${cout} output channels; use ${options}.`,
  pCeilMode: (value: string) => `Ceil mode is either on (true) or off (false); ${value} is neither.`,
  pPoolPadding: (pad: string, window: string, max: string) =>
    `Padding ${pad} is more than half of the ${window} pooling window; PyTorch allows at most ${max}.`,
  pWindow: (what: string, kernel: string, span: string, padded: string) =>
    `The ${kernel} ${what} (spanning ${span}) does not fit in the padded ${padded} input.`,
  pWindowLimit: (what: string, limit: string) => `Use a ${what} of at most ${limit}.`,
  pWindowRows: (what: string, limit: string) => `Use a ${what} at most ${limit} rows tall.`,
  pWindowCols: (what: string, limit: string) => `Use a ${what} at most ${limit} columns wide.`,
  pOther: (what: string, value: string) => `${what} = ${value} is not possible here.`,
  whatKernel: 'kernel',
  whatWindow: 'pooling window',
  whatStride: 'stride',
  whatDilation: 'dilation',
};

/** `word` with the particle that fits its last syllable: `withParticle('커널', '은', '는')` → "커널은". */
function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
  const code = word.charCodeAt(word.length - 1);
  if (code >= 0xac00 && code <= 0xd7a3) return word + ((code - 0xac00) % 28 !== 0 ? afterConsonant : afterVowel);
  return `${word}${afterConsonant}(${afterVowel})`;
}

const ko: Translation<typeof en> = {
  refused: (field, value, expectation) => `${field} = ${value}은(는) 사용할 수 없습니다. ${expectation}`,
  whole: (min) => `${min} 이상의 정수여야 합니다.`,
  wholeRange: (min, max) => `${min}부터 ${max}까지의 정수여야 합니다.`,
  finite: '유한한 수여야 합니다(무한대나 NaN은 쓸 수 없습니다).',
  positive: '0보다 큰 유한한 수여야 합니다.',
  unitInterval: '0과 1 사이의 수여야 합니다.',
  nonNegative: '0 이상의 수여야 합니다.',
  boolean: '참(true) 또는 거짓(false)이어야 합니다.',
  divisorInput: (count) => `입력 채널 수 ${count}의 약수여야 합니다.`,
  divisorOutput: (count) => `출력 채널 수 ${count}의 약수여야 합니다.`,
  divisorChannels: (count) => `채널 수 ${count}의 약수(1 이상의 정수)여야 합니다.`,
  channelsPerGroup: (expected, cin, groups) => `그룹마다 입력 채널이 ${expected}개여야 합니다(입력 채널 ${cin} ÷ 그룹 ${groups}).`,
  windowFits: (extent, padded) => `윈도우(팽창을 반영한 크기 ${extent})는 패딩을 더한 입력(${padded}) 안에 들어가야 합니다.`,
  poolPadding: (maxH, maxW) => `패딩은 커널 크기의 절반 이하여야 합니다(위아래 ≤ ${maxH}, 좌우 ≤ ${maxW}).`,
  valueCount: (count) => `값이 ${count}개여야 합니다.`,
  length: (expected) => `길이(원소 수)가 ${expected}개여야 합니다.`,
  rank: (ranks) => `${ranks}차원 모양이어야 합니다.`,
  preset: (kh, kw) => `${kh}×${kw} 커널을 지원하는 프리셋이어야 합니다.`,
  invalid: '허용되는 다른 값을 사용하세요.',
  or: (a, b) => `${a} 또는 ${b}`,
  fieldInput: '입력',
  fieldWeight: '가중치',
  fieldBias: '편향',
  fieldGroups: '그룹 수',
  fieldStride: '스트라이드',
  fieldPadding: '패딩',
  fieldDilation: '팽창',
  fieldKernel: '커널',
  fieldChannels: '채널 수',
  fieldInChannels: '입력 채널 수',
  fieldOutChannels: '출력 채널 수',
  fieldMomentum: '모멘텀',
  fieldRunningMean: '이동 평균',
  fieldRunningVar: '이동 분산',
  fieldSeed: '시드',
  fieldPreset: '프리셋',
  fieldTraining: '학습 여부',
  fieldRow: '행',
  fieldCol: '열',
  fieldLayers: '레이어',
  fieldStd: '표준편차',
  fieldStep: '단계',
  fieldOutputPadding: '출력 패딩',
  fieldShape: '모양',
  fieldData: '데이터',
  fieldEps: 'ε',
  pNotConfig: '확인할 설정이 없습니다.',
  pInput: (height, width) => `입력은 높이와 너비가 정수이고 최소 1×1이어야 합니다. ${height}×${width}은(는) 불가능합니다.`,
  pCount: (what, value) => `${withParticle(what, '은', '는')} 1 이상의 정수여야 합니다. ${value}은(는) 사용할 수 없습니다.`,
  pPairShape: (what, value) => `${withParticle(what, '은', '는')} 숫자 하나 또는 [높이, 너비] 쌍이어야 합니다. ${value}은(는) 둘 다 아닙니다.`,
  pPairRange: (what, min, value) => `${withParticle(what, '은', '는')} ${min} 이상의 정수여야 합니다. ${value}은(는) 사용할 수 없습니다.`,
  pPaddingShape: (value) => `패딩은 숫자 하나, [높이, 너비] 또는 [위, 아래, 왼쪽, 오른쪽]이어야 합니다. ${value}은(는) 어느 것도 아닙니다.`,
  pPaddingNegative: (value) => `패딩은 입력 둘레에 칸을 더하는 것이므로 음수일 수 없습니다. ${value}은(는) 불가능합니다.`,
  pPaddingWhole: (value) => `패딩은 정수 칸 수여야 합니다. ${value}은(는) 사용할 수 없습니다.`,
  pSameStride: (stride) =>
    `'same' 패딩은 출력을 입력과 같은 크기로 유지하므로 스트라이드 1에서만 동작합니다. 스트라이드 ${stride}에서는 패딩을 숫자로 지정하세요.`,
  pGroupsWhole: (value) => `그룹 수는 1 이상의 정수여야 합니다. ${value}은(는) 사용할 수 없습니다.`,
  pGroupsDivide: (groups, cin, cout, options) =>
    `groups = ${groups}은(는) 입력 채널 ${cin}개와 출력 채널 ${cout}개를 모두 나누어떨어지게 해야 합니다. ${options} 중 하나를 사용하세요.`,
  pCeilMode: (value) => `ceil_mode는 켜짐(true) 또는 꺼짐(false)이어야 합니다. ${value}은(는) 둘 다 아닙니다.`,
  pPoolPadding: (pad, window, max) =>
    `패딩 ${pad}은(는) ${window} 풀링 윈도우의 절반보다 큽니다. PyTorch는 최대 ${max}까지 허용합니다.`,
  pWindow: (what, kernel, span, padded) => `${kernel} ${what}(걸치는 크기 ${span})${withParticle(what, '이', '가').slice(what.length)} 패딩을 더한 ${padded} 입력 안에 들어가지 않습니다.`,
  pWindowLimit: (what, limit) => `${what} 크기를 ${limit} 이하로 하세요.`,
  pWindowRows: (what, limit) => `${what}의 높이를 ${limit}행 이하로 하세요.`,
  pWindowCols: (what, limit) => `${what}의 너비를 ${limit}열 이하로 하세요.`,
  pOther: (what, value) => `${what} = ${value}은(는) 이 설정에서 불가능합니다.`,
  whatKernel: '커널',
  whatWindow: '풀링 윈도우',
  whatStride: '스트라이드',
  whatDilation: '팽창',
};

/** The engine's refusals: expectations, field names and configuration problems. */
// Both languages in this module, not loaded on demand: the URL layer (src/state/views/ko.ts) words every
// refused setting in English and Korean at once, synchronously, whatever the page's language.
export const engineErrors = defineStaticStrings('engineErrors', en, ko);
export type EngineErrorsT = Translation<typeof en>;

type FieldKey = Extract<keyof typeof en, `field${string}`>;

/** The name of each field the engine uses (by the identifier it writes in its messages). */
const FIELD_NAMES: Readonly<Record<string, FieldKey>> = {
  input: 'fieldInput',
  inputSize: 'fieldInput',
  weight: 'fieldWeight',
  weightShape: 'fieldWeight',
  bias: 'fieldBias',
  groups: 'fieldGroups',
  stride: 'fieldStride',
  padding: 'fieldPadding',
  dilation: 'fieldDilation',
  kernel: 'fieldKernel',
  channels: 'fieldChannels',
  inChannels: 'fieldInChannels',
  outChannels: 'fieldOutChannels',
  momentum: 'fieldMomentum',
  runningMean: 'fieldRunningMean',
  runningVar: 'fieldRunningVar',
  seed: 'fieldSeed',
  preset: 'fieldPreset',
  training: 'fieldTraining',
  row: 'fieldRow',
  col: 'fieldCol',
  layers: 'fieldLayers',
  std: 'fieldStd',
  index: 'fieldStep',
  step: 'fieldStep',
  outputPadding: 'fieldOutputPadding',
  shape: 'fieldShape',
  data: 'fieldData',
  eps: 'fieldEps',
};

/** Identifiers that only say which part of a named thing is meant (`weight.shape[1]` is about the weight). */
const PARTS = new Set(['shape', 'length', 'data']);

/**
 * The key of a field's name in the dictionary, or null: the most specific named identifier of the
 * path (`layers[2].kernel` → kernel, `weight.shape[1]` → weight, `input[7]` → input).
 */
export function fieldKey(field: string): FieldKey | null {
  const ids = field.split(/[.[\]]+/).filter((s) => /^[A-Za-z]/.test(s));
  const named = ids.filter((id) => FIELD_NAMES[id] !== undefined);
  const specific = named.filter((id) => !PARTS.has(id));
  const id = specific[specific.length - 1] ?? named[named.length - 1];
  return id === undefined ? null : FIELD_NAMES[id]!;
}

const num = (v: string | number | undefined) => String(v ?? '');

/** "4", or "4 or 2" from a list written `4/2`, in the language of `t`. */
function alternatives(list: string | number | undefined, t: EngineErrorsT): string {
  const parts = num(list).split('/');
  return parts.length === 1 ? parts[0]! : t.or(parts.slice(0, -1).join(', '), parts[parts.length - 1]!);
}

/** What an expectation `code` with `params` says, in the language of `t` (a Korean sentence ends with a full stop). */
export function expectationText(
  code: EngineErrorCode,
  params: Readonly<Record<string, string | number>>,
  t: EngineErrorsT,
): string {
  const p = (k: string) => num(params[k]);
  switch (code) {
    case 'whole':
      return t.whole(p('min'));
    case 'wholeRange':
      return t.wholeRange(p('min'), p('max'));
    case 'finite':
      return t.finite;
    case 'positive':
      return t.positive;
    case 'unitInterval':
      return t.unitInterval;
    case 'nonNegative':
      return t.nonNegative;
    case 'boolean':
      return t.boolean;
    case 'divisor':
      return params.of === 'input' ? t.divisorInput(p('count')) : params.of === 'output' ? t.divisorOutput(p('count')) : t.divisorChannels(p('count'));
    case 'channelsPerGroup':
      return t.channelsPerGroup(p('expected'), p('cin'), p('groups'));
    case 'windowFits':
      return t.windowFits(p('extent'), p('padded'));
    case 'poolPadding':
      return t.poolPadding(p('maxH'), p('maxW'));
    case 'valueCount':
      return t.valueCount(p('count'));
    case 'length':
      return t.length(alternatives(params.expected, t));
    case 'rank':
      return t.rank(alternatives(params.ranks, t));
    case 'preset':
      return t.preset(p('kh'), p('kw'));
    case 'invalid':
      return t.invalid;
  }
}

/** A field as a message shows it: the engine's own name in English, with its Korean name in Korean. */
function fieldText(field: string, lang: Lang): string {
  const key = fieldKey(field);
  return lang === 'ko' && key ? `${engineErrors.ko[key]}(${field})` : field;
}

/**
 * An `EngineError` in `lang`, built from its field, value, code and parameters. In English it reads
 * like the engine's own message; an unclassified error (`code: 'invalid'`) keeps the engine's English
 * expectation in English and says in Korean that the value cannot be used.
 */
export function engineErrorText(err: Pick<EngineError, 'field' | 'value' | 'code' | 'params' | 'expected'>, lang: Lang): string {
  const t = engineErrors[lang];
  const expectation = lang === 'en' && err.code === 'invalid' ? err.expected : expectationText(err.code, err.params, t);
  return t.refused(fieldText(err.field, lang), formatValue(err.value), expectation);
}

/** The message of any error in `lang`: an engine error told from its fields, another error by its message. */
export function errorText(err: unknown, lang: Lang): string {
  if (isEngineError(err)) return engineErrorText(err, lang);
  return err instanceof Error ? err.message : String(err);
}

function isEngineError(err: unknown): err is EngineError {
  return err instanceof Error && err.name === 'EngineError' && typeof (err as EngineError).code === 'string';
}

/** The noun of a problem's field in a sentence ("kernel", "stride"…), in the language of `t`. */
function what(field: string, t: EngineErrorsT, pool: boolean): string {
  switch (field) {
    case 'kernel':
      return pool ? t.whatWindow : t.whatKernel;
    case 'stride':
      return t.whatStride;
    case 'dilation':
      return t.whatDilation;
    default: {
      const key = fieldKey(field);
      return key ? t[key] : field;
    }
  }
}

/**
 * A configuration `Problem` (from `checkConv2d` / `checkPool2d`) in `lang`, built from its code and
 * parameters. `pool` says the problem is a pooling one (its kernel is a "pooling window"). A problem
 * without a code (written by other code than the engine's checks) keeps its message in English and
 * gets a general sentence naming the field in Korean.
 */
export function problemText(p: Pick<Problem, 'field' | 'value' | 'message' | 'code' | 'params'>, lang: Lang, pool = false): string {
  const t = engineErrors[lang];
  const q = (k: string) => p.params?.[k] ?? '';
  const noun = what(p.field, t, pool);
  switch (p.code) {
    case 'notConfig':
      return t.pNotConfig;
    case 'input':
      return t.pInput(q('height'), q('width'));
    case 'count':
      return t.pCount(noun, q('value'));
    case 'pairShape':
      return t.pPairShape(noun, q('value'));
    case 'pairRange':
      return t.pPairRange(noun, q('min'), q('value'));
    case 'paddingShape':
      return t.pPaddingShape(q('value'));
    case 'paddingNegative':
      return t.pPaddingNegative(q('value'));
    case 'paddingWhole':
      return t.pPaddingWhole(q('value'));
    case 'sameStride':
      return t.pSameStride(q('stride'));
    case 'groupsWhole':
      return t.pGroupsWhole(q('value'));
    case 'groupsDivide':
      return t.pGroupsDivide(q('groups'), q('cin'), q('cout'), q('options'));
    case 'ceilMode':
      return t.pCeilMode(q('value'));
    case 'poolPadding':
      return t.pPoolPadding(q('pad'), q('window'), q('max'));
    case 'window': {
      const fix = q('axis') === 'rows' ? t.pWindowRows : q('axis') === 'cols' ? t.pWindowCols : t.pWindowLimit;
      return `${t.pWindow(noun, q('kernel'), q('span'), q('padded'))} ${fix(noun, q('limit'))}`;
    }
    default:
      return lang === 'en' ? p.message : t.pOther(fieldText(p.field, lang), formatValue(p.value));
  }
}
