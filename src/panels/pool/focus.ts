import { poolStep, type PoolStep } from '../../engine/trace';
import type { Overlay } from '../../components/Grid';
import { formatTerm, formatValue } from '../../viz/format';
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
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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

/** What an output cell computes, in a few words: "max of its 2×2 window = 6", "sum 15 ÷ 4 = 3.75". */
export function stepSummary(step: PoolStep, kernel: readonly [number, number]): string {
  return step.kind === 'max'
    ? `max of its ${kernel[0]}×${kernel[1]} window = ${formatValue(step.result)}`
    : `sum ${formatValue(step.sum)} ÷ ${step.divisor} = ${formatValue(step.result)}`;
}

/**
 * The highlights for a focus: the hovered cell when there is one, else the animated step. An output
 * cell shows its window on its own channel, with the maximum outlined; an input or padding cell shows
 * every output cell of its channel whose window contains it (and none of the other channels).
 */
export function poolHighlights(model: PoolModel, stepIndex: number, hover: PoolHover): PoolHighlights {
  const C = model.channels;
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
    const what = inside
      ? `Input channel ${hover.c}, row ${ih}, column ${iw}`
      : past
        ? `The cell past the padding of channel ${hover.c} (ceil mode; never read)`
        : `Padding of channel ${hover.c} at row ${ih}, column ${iw} (${model.kind === 'max' ? 'read as −∞ by max pooling' : 'read as 0 by average pooling'})`;
    const where =
      cells.length === 0
        ? 'lies in no window'
        : `lies in ${plural(cells.length, 'window')}: output ${cells
            .slice(0, 6)
            .map(({ oh, ow }) => `(${oh}, ${ow})`)
            .join(', ')}${cells.length > 6 ? ', …' : ''} of channel ${hover.c} only`;
    return {
      step: poolStep(model.input, model.opts, clamp(stepIndex)),
      input,
      output,
      headline: `${what} ${where}`,
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
    headline: `Channel ${step.c}, output row ${step.oh}, column ${step.ow}: ${stepSummary(step, kernel)}`,
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
 * divisor, and which cells the divisor counts under `count_include_pad`. `width` is the input's width.
 */
export function explainStep(step: PoolStep, width: number, countIncludePad: boolean): StepExplanation {
  const [kh, kw] = [Math.max(...step.taps.map((t) => t.kh)) + 1, Math.max(...step.taps.map((t) => t.kw)) + 1];
  if (step.kind === 'max') {
    const values = step.taps.map((t) => (t.padded ? '−∞' : formatValue(t.x)));
    const equation = `max(${values.join(', ')}) = ${formatValue(step.result)}`;
    const best = step.taps[step.argmax]!;
    const ties = step.taps.filter((t) => !t.padded && t.x === step.result).length;
    const index = best.ih * width + best.iw;
    const notes = [
      `The maximum ${formatValue(step.result)} is at window row ${best.kh}, column ${best.kw}: input row ${best.ih}, column ${best.iw} (flat index ${index} in its channel).`,
    ];
    if (ties > 1) {
      notes.push(
        `${formatValue(step.result)} occurs ${ties} times here. PyTorch takes the first in row-major order (row by row, left to right): that is the index return_indices=True gives, and where the gradient flows back.`,
      );
    }
    if (step.taps.some((t) => t.padded))
      notes.push('Padding cells count as −∞ in max pooling, so they can never be the maximum.');
    return { equation, notes, divisor: null, index, ties };
  }
  // The sum shows the cells the divisor counts: with count_include_pad=False the padding's zeros are left out.
  const terms = step.taps.filter((t) => t.counted).map((t) => formatTerm(t.x));
  const equation = `(${terms.join(' + ')}) / ${step.divisor} = ${formatValue(step.result)}`;
  const cells = kh * kw;
  const inputs = step.taps.filter((t) => !t.padded).length;
  const padded = step.taps.filter((t) => t.padded && !t.overhang).length;
  const overhang = step.taps.filter((t) => t.overhang).length;
  const past = overhang
    ? ` The ${plural(overhang, 'cell')} past the padding (ceil mode's overhang) never count.`
    : '';
  const notes: string[] = [];
  if (padded === 0 && overhang === 0) {
    notes.push(
      `All ${cells} cells of the ${kh}×${kw} window lie inside the input, so the divisor is ${cells} either way.`,
    );
  } else if (padded === 0) {
    notes.push(
      `Divisor ${step.divisor}: the ${plural(inputs, 'input cell')}; the ${plural(overhang, 'cell')} past the input (ceil mode's overhang) never count, whatever count_include_pad says.`,
    );
  } else if (countIncludePad) {
    notes.push(
      `count_include_pad=True: the ${plural(padded, 'padding cell')} ${padded === 1 ? 'counts' : 'count'} as zeros, next to the ${plural(inputs, 'input cell')}: ${inputs} + ${padded} = ${step.divisor}.${past}`,
    );
  } else {
    notes.push(
      `count_include_pad=False: only the ${plural(inputs, 'input cell')} ${inputs === 1 ? 'counts' : 'count'}; the ${plural(padded, 'padding cell')} ${padded === 1 ? 'is' : 'are'} left out of the sum and the divisor.${past}`,
    );
  }
  return { equation, notes, divisor: step.divisor, index: null, ties: 0 };
}
