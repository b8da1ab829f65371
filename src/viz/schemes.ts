import { interpolateRgbBasis } from 'd3';

/**
 * The few colour schemes ConvScope uses, copied exactly from d3-scale-chromatic 3.1 (ColorBrewer's
 * RdBu and Greys by Cynthia Brewer, Mark Harrower and The Pennsylvania State University; Tableau's
 * ten categorical colours). d3-scale-chromatic ships as one module whose every scheme is built when
 * it loads, so importing one interpolator from it brings all of them (about 7 kB gzip) into the page;
 * these are its tables and its `ramp`, nothing more. test/viz/schemes.test.ts checks them against
 * d3-scale-chromatic itself.
 */

/** A list of `#rrggbb` colours from their hex digits written one after the other. */
function colors(specifier: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 6 <= specifier.length; i += 6) out.push(`#${specifier.slice(i, i + 6)}`);
  return out;
}

/** ColorBrewer's RdBu with 11 classes: dark red → white → dark blue (d3's `schemeRdBu[11]`). */
const RDBU_11 = colors('67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061');

/** ColorBrewer's Greys with 9 classes: white → black (d3's `schemeGreys[9]`). */
const GREYS_9 = colors('fffffff0f0f0d9d9d9bdbdbd969696737373525252252525000000');

/** The continuous RdBu map, t from 0 (red) to 1 (blue): d3's `interpolateRdBu`. */
export const interpolateRdBu: (t: number) => string = interpolateRgbBasis(RDBU_11);

/** The continuous Greys map, t from 0 (white) to 1 (black): d3's `interpolateGreys`. */
export const interpolateGreys: (t: number) => string = interpolateRgbBasis(GREYS_9);

/** Tableau's ten categorical colours: d3's `schemeTableau10`. */
export const schemeTableau10: readonly string[] = colors('4e79a7f28e2ce1575976b7b259a14fedc949af7aa1ff9da79c755fbab0ab');
