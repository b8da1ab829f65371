import { EngineError, expecting } from './errors';

/*
 * What the step-by-step traces (trace-conv.ts, trace-pool.ts, trace-norm.ts) share: the window type and
 * the small argument checks. Its own module, so that a view that traces pooling or normalization does
 * not load the convolution trace with it. Pure: no DOM, no globals.
 */

/** A rectangle of the padded input, in padded coordinates (row 0 is the first padding row). */
export interface TraceWindow {
  top: number;
  left: number;
  height: number;
  width: number;
}

/**
 * Checks that `shape` is an array of four whole numbers ≥ 1 and returns it as a tuple. `field` names
 * the argument in the `EngineError`, e.g. `"input.shape"`. Shared by the trace modules.
 */
export function shape4(shape: readonly number[], field: string): [number, number, number, number] {
  if (!Array.isArray(shape) || shape.length !== 4) {
    throw new EngineError(field, shape, expecting('rank', 'a rank-4 shape [N, C, H, W]', { ranks: 4 }));
  }
  shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) throw new EngineError(`${field}[${i}]`, d, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
  });
  return [shape[0]!, shape[1]!, shape[2]!, shape[3]!];
}

/**
 * Checks a step or group index against the number available: a whole number in `[0, total)`.
 * Throws an `EngineError` naming `field` otherwise. Shared by the trace modules.
 */
export function indexArg(index: number, total: number, field: string): number {
  if (!Number.isInteger(index) || index < 0 || index >= total) {
    throw new EngineError(
      field,
      index,
      total > 0 ? expecting('wholeRange', `a whole number from 0 to ${total - 1}`, { min: 0, max: total - 1 }) : 'nothing (there are no steps)',
    );
  }
  return index;
}

/**
 * Reads `data[i]` and checks that it is finite, throwing an `EngineError` naming `field[i]`
 * otherwise. The traces validate only the values they read, so that a step stays O(window).
 */
export function finiteAt(data: ArrayLike<number>, i: number, field: string): number {
  const v = data[i]!;
  if (!Number.isFinite(v)) throw new EngineError(`${field}[${i}]`, v, expecting('finite', 'a finite number'));
  return v;
}

/** Checks that an options argument is an object (or absent) and returns it. Shared by the trace modules. */
export function optionsArg<T extends object>(
  opts: T | null | undefined,
  field: string,
  required: boolean,
): T | Partial<T> {
  if (opts === undefined || opts === null) {
    if (required) throw new EngineError(field, opts, 'an options object');
    return {};
  }
  if (typeof opts !== 'object' || Array.isArray(opts))
    throw new EngineError(field, opts, 'an options object');
  return opts;
}
