/**
 * Korean texts shared by the view modules (pool, rf, arch, ideas, norm): the Korean of a row's
 * validation sentence (what `checkParam` says in English) and of the engine's shape problems. The
 * English stays where it is made; these only give the `ko` of a message. Pure.
 */
import type { Problem } from '../../engine/shapes';
import type { ParamSpec } from '../params';
import { checkParam } from '../codec';

const range = (min: number, max: number) =>
  max >= Number.MAX_SAFE_INTEGER ? `${min} 이상` : `${min}부터 ${max}까지`;

/** What a valid value of `spec` looks like, in Korean, as a full sentence. */
export function expectationKo<C>(spec: ParamSpec<C>): string {
  const label = spec.labelKo ?? spec.key;
  switch (spec.type) {
    case 'int':
      return `${label}: ${range(spec.min, spec.max)}의 정수여야 합니다.`;
    case 'number':
      return spec.allowed
        ? `${label}: ${spec.allowed.join(', ')} 중 하나여야 합니다.`
        : `${label}: ${range(spec.min, spec.max)}의 수여야 합니다.`;
    case 'pair': {
      const a = spec.default[0];
      const b = Math.min(a + 2, spec.max);
      return `${label}: ${spec.min}부터 ${spec.max}까지의 정수이거나, ${a}x${b}처럼 높이 x 너비로 쓴 두 정수여야 합니다.`;
    }
    case 'padding':
      return `${label}: 각 변마다 ${spec.min}부터 ${spec.max}까지의 정수여야 합니다(1, 1,2 또는 1,1,2,2처럼 씁니다).`;
    case 'shape':
      return `${label}: ${spec.default.join('x')}처럼 세 정수를 x로 이어 써야 합니다(각각 ${spec.min.map((m, i) => `${m}~${spec.max[i]}`).join(', ')}).`;
    case 'enum':
      return `${label}: ${spec.allowed.filter((v) => !spec.refused || !(v in spec.refused)).join(', ')} 중 하나여야 합니다.`;
    case 'enumList':
      return `${label}: ${spec.allowed.join(', ')} 값을 쉼표로 구분한 목록이어야 합니다.`;
    case 'sparse':
      return `${label}: 12:2.5,40:-1처럼 쉼표로 구분한 인덱스:값 쌍이어야 합니다(인덱스는 정수, 값은 ${spec.min}부터 ${spec.max}까지).`;
    case 'numberList':
      return `${label}: ${spec.min}부터 ${spec.max}까지의 ${spec.integer ? '정수' : '수'} ${spec.minLength}~${spec.maxLength}개를 쉼표로 구분한 목록이어야 합니다.`;
    case 'text':
      return `${label}: 최대 ${spec.maxLength}자의 텍스트여야 합니다.`;
  }
}

/** `checkParam` in both languages: null when valid, else `{ message, ko }`. */
export function checkParamBoth<C>(
  spec: ParamSpec<C>,
  value: unknown,
): { message: string; ko: string } | null {
  const message = checkParam(spec, value);
  return message === null ? null : { message, ko: expectationKo(spec) };
}

/** Korean names of the engine's configuration fields. */
const FIELD_KO: Readonly<Record<string, string>> = {
  input: '입력',
  inChannels: '입력 채널',
  outChannels: '출력 채널',
  channels: '채널',
  kernel: '커널',
  stride: '스트라이드',
  padding: '패딩',
  dilation: '팽창(dilation)',
  groups: '그룹',
  ceilMode: 'ceil_mode',
};

/**
 * The Korean of an engine problem. The engine words its sentences in English only; this gives a
 * Korean sentence of the same meaning from the problem's field, keeping its valid range (a formula).
 */
export function problemKo(p: Pick<Problem, 'field' | 'valid'>): string {
  const what = FIELD_KO[p.field] ?? p.field;
  switch (p.field) {
    case 'kernel':
      return `커널(윈도우)이 패딩을 더한 입력보다 큽니다. 더 작은 커널을 쓰거나 패딩 또는 팽창(dilation)을 조정하세요.`;
    case 'padding':
      return `패딩이 허용 범위를 넘습니다. 풀링에서는 패딩이 윈도우 크기의 절반 이하여야 합니다.`;
    case 'input':
      return `입력은 높이와 너비가 정수이고 최소 1×1이어야 합니다.`;
    case 'ceilMode':
      return `ceil_mode는 켜짐(true) 또는 꺼짐(false)이어야 합니다.`;
    default:
      return `${what} 값이 이 설정에서는 불가능합니다.`;
  }
}
