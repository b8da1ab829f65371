/**
 * Korean texts shared by the view modules (pool, rf, arch, ideas, norm): the Korean of the engine's
 * shape problems (row validation sentences come from codec.ts's `checkParam(spec, value, 'ko')`). The
 * English stays where it is made; these only give the `ko` of a message. Pure.
 */
import type { Problem } from '../../engine/shapes';

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
