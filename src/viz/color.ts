import { rgb, scaleDiverging, scaleSequential } from 'd3';
import { interpolateGreys, interpolateRdBu } from './schemes';

/**
 * Colour maps. Signed values use ColorBrewer's RdBu, a diverging map that stays readable for the
 * common forms of colour blindness, centred on zero: negative blue, zero near-white, positive red.
 * Canvas drawing reads precomputed lookup tables rather than calling the interpolator per cell.
 */

/** Negative → blue, positive → red (RdBu runs red → blue, so it is reversed). */
const signed = (t: number) => interpolateRdBu(1 - t);

/** A d3 diverging scale from −m … 0 … m to colours, `m` the largest magnitude shown (≥ a tiny floor). */
export function divergingScale(maxAbs: number) {
  const m = maxAbs > 1e-12 ? maxAbs : 1;
  return scaleDiverging(signed).domain([-m, 0, m]).clamp(true);
}

/** A sequential grey scale for non-negative data such as images, from `lo` to `hi`. */
export function sequentialScale(lo: number, hi: number) {
  return scaleSequential(grey).domain([lo, hi > lo ? hi : lo + 1]).clamp(true);
}

export const LUT_SIZE = 256;

/** Packs an interpolator into a flat RGB table of LUT_SIZE entries for ImageData painting. */
export function makeLut(interpolator: (t: number) => string): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = rgb(interpolator(i / (LUT_SIZE - 1)));
    lut[i * 3] = c.r;
    lut[i * 3 + 1] = c.g;
    lut[i * 3 + 2] = c.b;
  }
  return lut;
}

/** The signed map's lookup table, built once. */
export const SIGNED_LUT = makeLut(signed);

/** Black (0) to white (1): for data that is never negative, such as an image's pixels. */
const grey = (t: number) => interpolateGreys(1 - t);
export const GREY_LUT = makeLut(grey);

/** How a grid maps values to colours: signed values around zero, or non-negative values from black to white. */
export type Palette = 'signed' | 'grey';

/** The colour function of a palette for values up to `maxAbs`. */
export function paletteScale(palette: Palette, maxAbs: number): (v: number) => string {
  return palette === 'grey' ? sequentialScale(0, maxAbs > 1e-12 ? maxAbs : 1) : divergingScale(maxAbs);
}

/** The LUT index of `v` for a palette: symmetric for signed, from 0 for grey. */
export function paletteIndex(palette: Palette, v: number, maxAbs: number): number {
  if (palette === 'signed') return lutIndex(v, maxAbs);
  const m = maxAbs > 1e-12 ? maxAbs : 1;
  return Math.max(0, Math.min(LUT_SIZE - 1, Math.round((v / m) * (LUT_SIZE - 1))));
}

/** The palette that suits `data`: grey when no value is negative, else signed. */
export function paletteFor(data: ArrayLike<number>): Palette {
  for (let i = 0; i < data.length; i++) if (data[i]! < 0) return 'signed';
  return 'grey';
}

/** The LUT index of `v` on a symmetric domain [−m, m]. */
export function lutIndex(v: number, maxAbs: number): number {
  const m = maxAbs > 1e-12 ? maxAbs : 1;
  const t = (v / m + 1) / 2;
  return Math.max(0, Math.min(LUT_SIZE - 1, Math.round(t * (LUT_SIZE - 1))));
}

/** Dark text on light cells and white text on dark ones, by the cell's relative luminance. */
export function textColorOn(fill: string): string {
  const c = rgb(fill);
  const lum = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return lum > 0.55 ? '#111827' : '#ffffff';
}

/** The largest magnitude in `data` (0 for an empty array). */
export function maxAbsOf(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]!);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}
