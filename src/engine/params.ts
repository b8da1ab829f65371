import { EngineError, expecting } from './errors';

/** A per-axis value: `n` for both axes or `[h, w]`. */
export type Pair = number | [number, number] | readonly [number, number];
/** Padding: `n`, `[h, w]` or `[top, bottom, left, right]`. */
export type Padding = number | readonly [number, number] | readonly [number, number, number, number] | number[];

/** Padding normalized to its four sides. */
export interface Pad4 {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Normalizes a pair argument to `[h, w]`. Each entry must be a whole number ≥ `min`; anything else
 * throws an `EngineError` naming `field`.
 */
export function pair(value: Pair | undefined, field: string, fallback: number, min = 1): [number, number] {
  const v = value === undefined ? fallback : value;
  const hw: number[] = typeof v === 'number' ? [v, v] : Array.isArray(v) ? [...(v as number[])] : [NaN];
  if (hw.length !== 2) throw new EngineError(field, v, 'n or [h, w]');
  for (const x of hw) {
    if (!Number.isInteger(x) || x < min) throw new EngineError(field, v, expecting('whole', `whole numbers ≥ ${min}`, { min }));
  }
  return [hw[0]!, hw[1]!];
}

/**
 * Normalizes padding to its four sides: `n` pads all sides, `[h, w]` pads top/bottom by `h` and
 * left/right by `w`, `[top, bottom, left, right]` sets each side. Entries must be whole numbers ≥ 0.
 */
export function pad4(value: Padding | undefined, field = 'padding'): Pad4 {
  const v = value === undefined ? 0 : value;
  let sides: number[];
  if (typeof v === 'number') sides = [v, v, v, v];
  else if (Array.isArray(v) && v.length === 2) sides = [v[0], v[0], v[1], v[1]];
  else if (Array.isArray(v) && v.length === 4) sides = [...v];
  else throw new EngineError(field, v, 'n, [h, w] or [top, bottom, left, right]');
  for (const x of sides) {
    if (!Number.isInteger(x) || x < 0) throw new EngineError(field, v, expecting('whole', 'whole numbers ≥ 0', { min: 0 }));
  }
  const [top, bottom, left, right] = sides as [number, number, number, number];
  return { top, bottom, left, right };
}
