import { scaleDiverging, scaleSequential } from 'd3';
import { interpolateRdBu, interpolateGreys } from 'd3';
import { rgb } from 'd3';

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
  return scaleSequential((t: number) => interpolateGreys(1 - t)).domain([lo, hi > lo ? hi : lo + 1]).clamp(true);
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
