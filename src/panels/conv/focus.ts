import { convStep, outputsFedBy, inputsForWeight, type ConvStep, type ConvTraceOptions } from '../../engine/trace';
import type { Overlay } from '../../components/Grid';
import type { ConvModel } from './model';
import type { ConvT } from '../../i18n/conv';
import { formatCount } from '../../viz/format';

/** The sentences a headline is made of (the convolution namespace's dictionary has them). */
export type FocusTexts = Pick<ConvT, 'headInput' | 'headWeight' | 'headStep'>;

/** A weight's index as written everywhere in the view: `[filter, channel, row, column]`. */
export const weightIndex = (oc: number, c: number, kh: number, kw: number) => `[${oc}, ${c}, ${kh}, ${kw}]`;

/** What the pointer (or the keyboard selection) is on; null when nothing is. */
export type Hover =
  | { kind: 'output'; oc: number; oh: number; ow: number }
  | { kind: 'input'; c: number; ih: number; iw: number }
  | { kind: 'weight'; oc: number; c: number; kh: number; kw: number }
  | null;

/** Every highlight of the convolution view, derived from one focus. */
export interface Highlights {
  /** The output cell whose computation the step panel shows. */
  step: ConvStep;
  /** Per input channel, outlines in padded coordinates. */
  input: Overlay[][];
  /** Per filter, per channel, outlines on its kernel; and per filter, on its bias. */
  weights: Overlay[][][];
  bias: boolean[];
  /** Per filter, outlines on its output map. */
  output: Overlay[][];
  /** A sentence saying what is focused, e.g. "Input channel 1, row 2, column 3 feeds 4 output cells". */
  headline: string;
}

const cellBox = (r: number, c: number, kind: Overlay['kind']): Overlay => ({ r, c, h: 1, w: 1, kind });

/**
 * The highlights for a focus: the hovered cell when there is one, else the animated step. An output
 * cell shows its window on every channel it reads; an input cell shows every output cell it feeds and
 * the weights that multiply it; a weight shows every input cell it multiplies. The headline is written
 * in the language of `t`.
 */
export function highlightsFor(model: ConvModel, opts: ConvTraceOptions, stepIndex: number, hover: Hover, t: FocusTexts): Highlights {
  const { input, weight, bias } = model;
  const [, C] = input.shape as [number, number, number, number];
  const [F, , KH, KW] = weight.shape as [number, number, number, number];
  const pad = { top: model.rows.padBefore, left: model.cols.padBefore };
  const empty = () => ({
    input: Array.from({ length: C }, () => [] as Overlay[]),
    weights: Array.from({ length: F }, () => Array.from({ length: C }, () => [] as Overlay[])),
    bias: Array.from({ length: F }, () => false),
    output: Array.from({ length: F }, () => [] as Overlay[]),
  });
  const h = empty();
  const current = (i: number) => convStep(input, weight, bias, opts, Math.max(0, Math.min(model.total - 1, i)));

  if (hover?.kind === 'input') {
    const feeds = outputsFedBy(input.shape, weight.shape, opts, hover.c, hover.ih, hover.iw);
    h.input[hover.c]!.push(cellBox(hover.ih + pad.top, hover.iw + pad.left, 'focus'));
    for (const f of feeds) {
      h.output[f.oc]!.push(cellBox(f.oh, f.ow, 'feed'));
      h.weights[f.oc]![hover.c]!.push(cellBox(f.kh, f.kw, 'feed'));
    }
    const n = feeds.length;
    return {
      ...h,
      step: current(stepIndex),
      headline: t.headInput(`${hover.c}`, `${hover.ih}`, `${hover.iw}`, formatCount(n)),
    };
  }
  if (hover?.kind === 'weight') {
    const uses = inputsForWeight(input.shape, weight.shape, opts, hover.oc, hover.c, hover.kh, hover.kw);
    for (const u of uses) h.input[hover.c]!.push(cellBox(u.ih + pad.top, u.iw + pad.left, 'feed'));
    h.weights[hover.oc]![hover.c]!.push(cellBox(hover.kh, hover.kw, 'focus'));
    h.output[hover.oc]!.push({ r: 0, c: 0, h: model.outH, w: model.outW, kind: 'feed' });
    return {
      ...h,
      step: current(stepIndex),
      headline: t.headWeight(weightIndex(hover.oc, hover.c, hover.kh, hover.kw), formatCount(uses.length), `${hover.oc}`),
    };
  }
  const index =
    hover?.kind === 'output' ? (hover.oc * model.outH + hover.oh) * model.outW + hover.ow : Math.max(0, Math.min(model.total - 1, stepIndex));
  const step = current(index);
  const w = step.window;
  const dilated = model.rows.dilation > 1 || model.cols.dilation > 1;
  for (const c of step.channels) {
    h.input[c]!.push({ r: w.top, c: w.left, h: w.height, w: w.width, kind: 'window' });
    if (dilated) for (const t of step.taps) if (t.c === c) h.input[c]!.push(cellBox(t.ph, t.pw, 'feed'));
  }
  for (let c = 0; c < C; c++) h.weights[step.oc]![c]!.push({ r: 0, c: 0, h: KH, w: KW, kind: 'focus' });
  h.bias[step.oc] = true;
  h.output[step.oc]!.push(cellBox(step.oh, step.ow, 'focus'));
  return {
    ...h,
    step,
    headline: t.headStep(`${step.oc}`, `${step.oh}`, `${step.ow}`),
  };
}
