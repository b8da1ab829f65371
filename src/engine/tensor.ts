import { EngineError, expecting } from './errors';

/** A dense tensor: row-major `data` of `shape` (NCHW for images). Any object of this shape will do. */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}

/** A 4-D tensor's dimensions, unpacked. */
export interface Dims4 {
  n: number;
  c: number;
  h: number;
  w: number;
}

/** A vector argument such as a bias, γ or β. */
export type Vec = Float32Array | number[];

/**
 * Makes a tensor of `shape`, zero-filled, or holding a copy of `data` when given. Throws an
 * `EngineError` when a dimension is not a whole number ≥ 1 or the data has the wrong length.
 */
export function tensor(shape: number[], data?: ArrayLike<number>): Tensor {
  shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) throw new EngineError(`shape[${i}]`, d, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
  });
  const size = shape.reduce((a, b) => a * b, 1);
  if (data !== undefined && data.length !== size) {
    throw new EngineError('data.length', data.length, expecting('valueCount', `${size} values for shape [${shape.join(', ')}]`, { count: size }));
  }
  const out = new Float32Array(size);
  if (data) out.set(data);
  return { shape: [...shape], data: out };
}

/** The number of elements a shape holds. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Checks that `t` is a well-formed tensor of rank 4 (NCHW) and returns its dimensions. `field` names
 * the argument in the error, e.g. `"input"`. With `finite`, also rejects NaN and ±Infinity values.
 */
export function dims4(t: Tensor, field: string, finite = true): Dims4 {
  if (!t || !Array.isArray(t.shape) || !(t.data instanceof Float32Array)) {
    throw new EngineError(field, t, 'a tensor { shape: number[], data: Float32Array }');
  }
  if (t.shape.length !== 4) {
    throw new EngineError(`${field}.shape`, t.shape, expecting('rank', 'a rank-4 shape [N, C, H, W]', { ranks: 4 }));
  }
  t.shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) {
      throw new EngineError(`${field}.shape[${i}]`, d, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
    }
  });
  const [n, c, h, w] = t.shape as [number, number, number, number];
  if (t.data.length !== n * c * h * w) {
    throw new EngineError(`${field}.data.length`, t.data.length, expecting('valueCount', `${n * c * h * w} values for shape [${t.shape.join(', ')}]`, { count: n * c * h * w }));
  }
  if (finite) assertFinite(t.data, field);
  return { n, c, h, w };
}

/** Throws an `EngineError` naming the first non-finite entry of `data`. */
export function assertFinite(data: ArrayLike<number>, field: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new EngineError(`${field}[${i}]`, data[i], expecting('finite', 'a finite number'));
    }
  }
}

/**
 * Checks an optional per-channel vector (bias, γ, β, running statistics) and returns it as a
 * Float32Array, or `null` when absent. `lengths` lists the accepted lengths.
 */
export function vecArg(v: Vec | null | undefined, field: string, lengths: number[]): Float32Array | null {
  if (v === null || v === undefined) return null;
  if (!(v instanceof Float32Array) && !Array.isArray(v)) {
    throw new EngineError(field, v, 'a Float32Array or number[]');
  }
  if (!lengths.includes(v.length)) {
    throw new EngineError(`${field}.length`, v.length, expecting('length', lengths.length === 1 ? `${lengths[0]}` : `one of ${lengths.join(', ')}`, { expected: lengths.join('/') }));
  }
  assertFinite(v, field);
  return v instanceof Float32Array ? v : Float32Array.from(v);
}
