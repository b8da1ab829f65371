/**
 * Korean texts shared by the view modules (pool, rf, arch, ideas, norm): the Korean of the engine's
 * shape problems (row validation sentences come from codec.ts's `checkParam(spec, value, 'ko')`). The
 * English stays where it is made; these only give the `ko` of a message. Pure.
 */
import type { Problem } from '../../engine/shapes';
import { problemText } from '../../i18n/engineErrors';

/**
 * The Korean of an engine problem, told from its code and parameters (src/i18n/engineErrors.ts) with
 * the same numbers as the English sentence; a problem without a code gets a sentence naming its field
 * and value.
 */
export function problemKo(p: Pick<Problem, 'field' | 'value' | 'message' | 'code' | 'params'>): string {
  return problemText(p, 'ko');
}
