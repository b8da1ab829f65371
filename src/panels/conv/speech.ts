import type { ConvStep } from '../../engine/trace';
import type { ConvT } from '../../i18n/conv';
import { formatTerm, formatValue } from '../../viz/format';

/** The sentences the spoken step is made of (the convolution namespace's dictionary has them). */
export type SpeechTexts = Pick<ConvT, 'liveStep' | 'biasTerm'>;

/**
 * One step of the convolution as a sentence for a screen reader, in the language of `t`: which output
 * cell, then its worked sum — each channel's partial sum, plus the bias, equals the result, e.g.
 * "Output filter 1, row 0, column 2 = 4 + (−2) + 1 + bias 1 = 4".
 */
export function stepSpeech(step: ConvStep, t: SpeechTexts): string {
  const terms = step.channelSums.map(formatTerm);
  terms.push(t.biasTerm(formatTerm(step.bias)));
  return t.liveStep(`${step.oc}`, `${step.oh}`, `${step.ow}`, `${terms.join(' + ')} = ${formatValue(step.result)}`);
}
