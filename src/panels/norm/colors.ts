import { interpolateRgb, rgb, schemeTableau10 } from 'd3';

/**
 * Colours of the statistics groups: Tableau's ten categorical colours (distinct in hue and
 * lightness), cycling when there are more groups; every group also carries its number, so colour is
 * never the only way to tell groups apart. Cells get a light tint (dark numbers stay readable on it),
 * frames and badges the full colour.
 */
export const GROUP_COLORS: readonly string[] = schemeTableau10;

/** The full colour of group `g`. */
export function groupColor(g: number): string {
  return GROUP_COLORS[g % GROUP_COLORS.length]!;
}

const tints = GROUP_COLORS.map((c) => interpolateRgb(c, '#ffffff')(0.62));
const darks = GROUP_COLORS.map((c) => rgb(interpolateRgb(c, '#000000')(0.55)).formatHex());

/** The light tint of group `g`, for cell fills. */
export function groupTint(g: number): string {
  return tints[g % tints.length]!;
}

/** A dark shade of group `g`, for text and outlines on white (contrast ≥ 4.5:1). */
export function groupDark(g: number): string {
  return darks[g % darks.length]!;
}

/** The tint as RGB bytes, for canvas painting. */
export const TINT_RGB: readonly [number, number, number][] = tints.map((t) => {
  const c = rgb(t);
  return [c.r, c.g, c.b];
});
