import { poolStep, type PoolStep } from '../../engine/trace';
import type { Overlay } from '../../components/Grid';
import { formatCount, formatTerm, formatValue } from '../../viz/format';
import type { PoolText } from '../../i18n/pool';
import { windowsContaining, type PoolModel } from './model';

/** What the pointer (or the keyboard selection) is on; null when nothing is. Input cells are in drawn (padded) coordinates. */
export type PoolHover =
  | { kind: 'output'; c: number; oh: number; ow: number }
  | { kind: 'input'; c: number; ph: number; pw: number }
  | null;

/** Every highlight of the pooling walk-through, derived from one focus. */
export interface PoolHighlights {
  /** The output cell whose computation the step panel shows. */
  step: PoolStep;
  /** Per channel, outlines on the drawn input (padded coordinates). */
  input: Overlay[][];
  /** Per channel, outlines on the output map. */
  output: Overlay[][];
  /** A sentence saying what is focused. */
  headline: string;
}

const NONE: Overlay[] = [];
const cellBox = (r: number, c: number, kind: Overlay['kind']): Overlay => ({ r, c, h: 1, w: 1, kind });
const num = formatCount;

/** The outlines of one step: its window (and taps when dilated), its maximum, its output cell. */
function stepOverlays(model: PoolModel, step: PoolStep): { input: Overlay[]; output: Overlay[] } {
  const w = step.window;
  const input: Overlay[] = [{ r: w.top, c: w.left, h: w.height, w: w.width, kind: 'window' }];
  if (model.rows.dilation > 1 || model.cols.dilation > 1)
    for (const t of step.taps) input.push(cellBox(t.ph, t.pw, 'feed'));
  const best = step.argmax >= 0 ? step.taps[step.argmax]! : null;
  if (best) input.push(cellBox(best.ph, best.pw, 'focus'));
  return { input, output: [cellBox(step.oh, step.ow, 'focus')] };
}

/** Whether a hovered cell exists in the model's maps. */
function within(model: PoolModel, h: NonNullable<PoolHover>): boolean {
  if (h.c < 0 || h.c >= model.channels) return false;
  return h.kind === 'output'
    ? h.oh >= 0 && h.oh < model.outH && h.ow >= 0 && h.ow < model.outW
    : h.ph >= 0 && h.ph < model.drawH && h.pw >= 0 && h.pw < model.drawW;
}

/** What an output cell computes, in a few words: "max of its 2×2 window = 6", "sum 15 ÷ 4 = 3.75" (worded by `t`). */
export function stepSummary(step: PoolStep, kernel: readonly [number, number], t: PoolText): string {
  return step.kind === 'max'
    ? t.summaryMax(`${kernel[0]}×${kernel[1]}`, formatValue(step.result))
    : t.summaryAvg(formatValue(step.sum), num(step.divisor), formatValue(step.result));
}

/** Where a step's output cell is, with its worked arithmetic: "Channel 0, output row 0, column 1: max(1, 8, 2, 9) = 9". */
export function stepAnnouncement(step: PoolStep, width: number, countIncludePad: boolean, t: PoolText): string {
  return t.outputHeadline(num(step.c), num(step.oh), num(step.ow), explainStep(step, width, countIncludePad, t).equation);
}

/**
 * The highlights for a focus: the hovered cell when there is one, else the animated step. An output
 * cell shows its window on its own channel, with the maximum outlined; an input or padding cell shows
 * every output cell of its channel whose window contains it (and none of the other channels). A
 * hovered cell that the maps no longer have counts as none. The headline is worded by `t`, the
 * pooling view's dictionary in the page's language.
 */
export function poolHighlights(model: PoolModel, stepIndex: number, focus: PoolHover, t: PoolText): PoolHighlights {
  const C = model.channels;
  // A cell selected before the configuration changed (e.g. by a link) may no longer exist: then the step leads.
  const hover = focus && within(model, focus) ? focus : null;
  const input = Array.from({ length: C }, () => NONE);
  const output = Array.from({ length: C }, () => NONE);
  const clamp = (i: number) => Math.max(0, Math.min(model.total - 1, i));
  const kernel = [model.rows.kernel, model.cols.kernel] as const;

  if (hover?.kind === 'input') {
    const { rows, cols } = model;
    const cells = windowsContaining(rows, cols, hover.ph, hover.pw);
    input[hover.c] = [cellBox(hover.ph, hover.pw, 'focus')];
    output[hover.c] = cells.map(({ oh, ow }) => cellBox(oh, ow, 'feed'));
    const ih = hover.ph - rows.padBefore;
    const iw = hover.pw - cols.padBefore;
    const past = hover.ph >= rows.padded || hover.pw >= cols.padded;
    const inside = !past && ih >= 0 && ih < rows.input && iw >= 0 && iw < cols.input;
    const [c, r, q] = [num(hover.c), num(ih), num(iw)];
    const what = inside
      ? t.hoverInput(c, r, q)
      : past
        ? t.hoverPast(c)
        : (model.kind === 'max' ? t.hoverPadMax : t.hoverPadAvg)(c, r, q);
    const list = cells
      .slice(0, 6)
      .map(({ oh, ow }) => `(${num(oh)}, ${num(ow)})`)
      .join(', ');
    const headline =
      cells.length === 0
        ? t.inNoWindow(what)
        : t.inWindows(what, num(cells.length), cells.length > 6 ? `${list}, …` : list, c);
    return {
      step: poolStep(model.input, model.opts, clamp(stepIndex)),
      input,
      output,
      headline,
    };
  }

  const index =
    hover?.kind === 'output' ? (hover.c * model.outH + hover.oh) * model.outW + hover.ow : clamp(stepIndex);
  const step = poolStep(model.input, model.opts, index);
  const o = stepOverlays(model, step);
  input[step.c] = o.input;
  output[step.c] = o.output;
  return {
    step,
    input,
    output,
    headline: t.outputHeadline(num(step.c), num(step.oh), num(step.ow), stepSummary(step, kernel, t)),
  };
}

/** The worked arithmetic of one pooling step, as the step panel shows it. */
export interface StepExplanation {
  /** `max(1, 3, 5, 6) = 6` or `(1 + 3 + 5 + 6) / 4 = 3.75`. */
  equation: string;
  /** Where the maximum is, and PyTorch's tie rule when it occurs more than once (max); or why the divisor is what it is (avg). */
  notes: string[];
  /** Average pooling: the divisor, and how many cells of the window it counts out of how many. */
  divisor: number | null;
  /** Max pooling: the flat index in the input plane of the chosen maximum (what `return_indices=True` gives). */
  index: number | null;
  /** Max pooling: how many window cells hold the maximum. */
  ties: number;
}

/**
 * Explains a step in words and numbers: for max pooling the values the window reads (padding as −∞),
 * the maximum with its window and input position, and — when it occurs more than once — that PyTorch
 * takes the first in row-major order; for average pooling the sum over the window divided by the
 * divisor, and which cells the divisor counts under `count_include_pad`. `width` is the input's width;
 * the notes are worded by `t` (the equation reads the same in every language).
 */
export function explainStep(step: PoolStep, width: number, countIncludePad: boolean, t: PoolText): StepExplanation {
  const [kh, kw] = [Math.max(...step.taps.map((tap) => tap.kh)) + 1, Math.max(...step.taps.map((tap) => tap.kw)) + 1];
  if (step.kind === 'max') {
    const values = step.taps.map((tap) => (tap.padded ? '−∞' : formatValue(tap.x)));
    const equation = `max(${values.join(', ')}) = ${formatValue(step.result)}`;
    const best = step.taps[step.argmax]!;
    const ties = step.taps.filter((tap) => !tap.padded && tap.x === step.result).length;
    const index = best.ih * width + best.iw;
    const notes = [
      t.maxAt(formatValue(step.result), num(best.kh), num(best.kw), num(best.ih), num(best.iw), num(index)),
    ];
    if (ties > 1) notes.push(t.tieRule(formatValue(step.result), num(ties)));
    if (step.taps.some((tap) => tap.padded)) notes.push(t.padNeverMax);
    return { equation, notes, divisor: null, index, ties };
  }
  // The sum shows the cells the divisor counts: with count_include_pad=False the padding's zeros are left out.
  const terms = step.taps.filter((tap) => tap.counted).map((tap) => formatTerm(tap.x));
  const equation = `(${terms.join(' + ')}) / ${step.divisor} = ${formatValue(step.result)}`;
  const cells = kh * kw;
  const inputs = step.taps.filter((tap) => !tap.padded).length;
  const padded = step.taps.filter((tap) => tap.padded && !tap.overhang).length;
  const overhang = step.taps.filter((tap) => tap.overhang).length;
  const past = overhang ? ` ${t.pastNeverCounts(num(overhang))}` : '';
  const notes: string[] = [];
  if (padded === 0 && overhang === 0) {
    notes.push(t.allInside(num(cells), `${kh}×${kw}`));
  } else if (padded === 0) {
    notes.push(t.overhangOnly(num(step.divisor), num(inputs), num(overhang)));
  } else if (countIncludePad) {
    notes.push(t.includePad(num(padded), num(inputs), num(step.divisor)) + past);
  } else {
    notes.push(t.excludePad(num(inputs), num(padded)) + past);
  }
  return { equation, notes, divisor: step.divisor, index: null, ties: 0 };
}
