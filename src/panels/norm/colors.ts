import { interpolateRgb, rgb } from 'd3';
import { schemeTableau10 } from '../../viz/schemes';

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
const lights = GROUP_COLORS.map((c) => rgb(interpolateRgb(c, '#ffffff')(0.45)).formatHex());

/** Text drawn on the group tints (light in both themes, so always dark text). */
export const TEXT_ON_TINT = '#111827';

/** The light tint of group `g`, for cell fills. */
export function groupTint(g: number): string {
  return tints[g % tints.length]!;
}

/** A dark shade of group `g`, for text and outlines on white (contrast ≥ 4.5:1). */
export function groupDark(g: number): string {
  return darks[g % darks.length]!;
}

/** A light shade of group `g`, for text on the dark theme's background (contrast ≥ 4.5:1). */
export function groupLight(g: number): string {
  return lights[g % lights.length]!;
}

/**
 * CSS variables naming group `g`'s text colour on the page background in both themes: an element
 * styled with them and the class `group-text` (norm.css) takes the dark shade in the light theme and
 * the light shade in the dark theme.
 */
export function groupTextVars(g: number): Record<string, string> {
  return { '--g-dark': groupDark(g), '--g-light': groupLight(g) };
}

/** The tint as RGB bytes, for canvas painting. */
export const TINT_RGB: readonly [number, number, number][] = tints.map((t) => {
  const c = rgb(t);
  return [c.r, c.g, c.b];
});
