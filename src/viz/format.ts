import { format } from 'd3';

/**
 * Number formats. d3-format writes a true minus sign (U+2212), never a hyphen. Cells get a short form
 * sized to their magnitude; tooltips and the step's arithmetic get more digits.
 */
const int = format('d');
const f2 = format('.2~f');
const f1 = format('.1~f');
const f0 = format('.0f');
const f4 = format('.4~f');
const sciD3 = format('.2~e');
/** Scientific notation with a true minus in the exponent too (d3 writes `1e-20` there). */
const sci = (v: number) => sciD3(v).replace(/e-/, 'e−');

/** A value short enough for a grid cell: integers whole, others with at most two decimals. */
export function formatCell(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '–';
  if (Number.isInteger(v)) return int(v);
  const a = Math.abs(v);
  const s = a >= 100 ? f0(v) : a >= 10 ? f1(v) : f2(v);
  return s === '−0' ? '0' : s;
}

/** A value with up to four decimals, for tooltips and worked arithmetic. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '–';
  if (Number.isInteger(v)) return int(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return sci(v);
  const s = f4(v);
  return s === '−0' ? '0' : s;
}

/** A whole count with thousands separators: 1,234,567. */
export const formatCount = format(',d');

/** A value as a term in a sum: negative values in parentheses, e.g. `(−2)`. */
export function formatTerm(v: number): string {
  const s = formatValue(v);
  return v < 0 ? `(${s})` : s;
}
