/**
 * The lecture-ideas view's generated sentences and worked arithmetic, in the page's language: each
 * takes the view's dictionary (`t`, from src/i18n/ideas.ts) and formats its numbers first
 * (src/viz/format.ts), so English and Korean show the same numbers. Pure: no DOM, no React, no store.
 */
import type { Translation } from '../../i18n/core';
import type { ideas } from '../../i18n/ideas';
import type { DepthSource, TemplateSource } from '../../state/views/ideas';
import { formatTerm, formatValue } from '../../viz/format';
import type { ComposeTerm } from './models';

/** The ideas dictionary in one language. */
export type IdeasT = Translation<typeof ideas.en>;

/** A channel's name: red/green/blue for an RGB image, else "channel c". */
export function channelName(c: number, channels: number, rgb: boolean, t: IdeasT): string {
  return rgb && channels === 3 ? [t.red, t.green, t.blue][c]! : t.channelN(String(c));
}

/** "rows×cols", the size written after a grid's name in its label. */
export const sizeText = (h: number, w: number) => `${h}×${w}`;

/** A cell's place for a grid's caption: "row 2, column 3". */
export function cellText(r: number, c: number, t: IdeasT): string {
  return t.cellAt(String(r), String(c));
}

/** The name of the depth demonstration's input source. */
export function depthSourceName(src: DepthSource, t: IdeasT): string {
  return { seeded: t.seededWhole, gradient: t.srcGradientRgb, scene: t.srcSceneRgb }[src];
}

/** The name of the template demonstration's input source. */
export function templateSourceName(src: TemplateSource, t: IdeasT): string {
  return { seeded: t.seededWhole, checker: t.srcChecker, digit: t.srcDigit, gradient: t.srcGradient, scene: t.srcScene }[src];
}

/** A tolerance such as 1e−4 with a true minus sign. */
export function tolText(tol: number): string {
  return tol.toExponential(0).replace('-', '−');
}

/**
 * The worked sum of one output value of the depth demonstration: each channel's part, the bias and
 * the result, e.g. "Output [0, 1, 2] = (−3) (from channel 0) + 4 (from channel 1) + 1 (bias) = 2".
 */
export function depthSumText(
  at: { filter: number; row: number; col: number },
  parts: readonly number[],
  bias: number,
  result: number,
  rgb: boolean,
  t: IdeasT,
): string {
  const C = parts.length;
  const terms = [...parts.map((v, c) => t.fromChannel(formatTerm(v), channelName(c, C, rgb, t))), t.biasTerm(formatTerm(bias))].join(' + ');
  return t.depthSum(`[${at.filter}, ${at.row}, ${at.col}]`, terms, formatValue(result));
}

/** One row of a 1×1 convolution's matrix–vector product: "y0 = 1·2 + (−1)·3 + 0 = −1" (the name is given apart, for a subscript). */
export function pointRowText(weights: ArrayLike<number>, x: ArrayLike<number>, bias: number): string {
  const products = Array.from(x, (xv, c) => `${formatTerm(weights[c]!)}·${formatTerm(xv)}`).join(' + ');
  return `${products} + ${formatTerm(bias)}`;
}

/** What a screen reader hears for the chosen pixel of the 1×1 demonstration: every output's row worked. */
export function pointLiveText(
  r: number,
  q: number,
  weights: ArrayLike<number>,
  x: ArrayLike<number>,
  bias: ArrayLike<number>,
  y: ArrayLike<number>,
  t: IdeasT,
): string {
  const C = x.length;
  const rows = Array.from(y, (yv, o) => {
    const row = Array.from({ length: C }, (_, c) => weights[o * C + c]!);
    return `y${o} = ${pointRowText(row, x, bias[o]!)} = ${formatValue(yv)}`;
  }).join('; ');
  return t.pointLive(`(${r}, ${q})`, rows);
}

/** The make-up of a composed kernel's cell: "K[1, 2] = Σ K₁[i, j]·K₂[1 − i, 2 − j] = 1·(−1) + 0·1 = −1". */
export function composedCellText(u: number, v: number, left: string, right: string, terms: readonly ComposeTerm[], value: number): string {
  const sum = terms.map((term) => `${formatTerm(term.av)}·${formatTerm(term.bv)}`).join(' + ');
  return `K[${u}, ${v}] = Σ ${left}[i, j]·${right}[${u} − i, ${v} − j] = ${sum} = ${formatValue(value)}`;
}

/** The cells where the stack and the single kernel differ, one line each, at most `limit`. */
export function differingLines(
  differing: readonly number[],
  cols: number,
  stack: ArrayLike<number>,
  direct: ArrayLike<number>,
  diff: ArrayLike<number>,
  t: IdeasT,
  limit = 8,
): string[] {
  return differing.slice(0, limit).map((i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    return t.differItem(`(${r}, ${c})`, formatValue(stack[i]!), formatValue(direct[i]!), formatValue(diff[i]!));
  });
}
