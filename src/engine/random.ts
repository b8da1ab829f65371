import { EngineError, expecting } from './errors';
import { tensor, type Tensor } from './tensor';

/**
 * A seeded pseudo-random generator for the engine, so that every random input or weight is
 * reproducible from a seed in the URL. It is Tommy Ettinger's Mulberry32: one 32-bit word of state,
 * integer arithmetic only (`Math.imul`, shifts), hence the same sequence on every platform.
 */

/** A deterministic source of random numbers. */
export interface Rng {
  /** The next number, uniform in [0, 1), in steps of 2⁻³². */
  next(): number;
  /** A whole number uniform in [min, max], both included. */
  int(min: number, max: number): number;
  /** A number uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** A standard normal number (mean 0, standard deviation 1), by the Box–Muller transform; uses two draws. */
  normal(): number;
}

/** How to fill a random tensor. */
export type RandomDist =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'float'; min: number; max: number; decimals?: number }
  | { kind: 'normal'; mean?: number; std?: number };

const TWO_32 = 4294967296;

function finite(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(field, v, expecting('finite', 'a finite number'));
  return v;
}

function range(min: unknown, max: unknown, integer: boolean): [number, number] {
  const check = integer
    ? (v: unknown, f: string) => {
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new EngineError(f, v, 'a whole number');
        return v;
      }
    : finite;
  const lo = check(min, 'min');
  const hi = check(max, 'max');
  if (hi < lo) throw new EngineError('max', max, `a number ≥ min (${lo})`);
  return [lo, hi];
}

/**
 * Creates a generator from a seed, a whole number from 0 to 2³² − 1; the same seed gives the same
 * sequence everywhere. Throws an `EngineError` for any other seed (nothing is wrapped or rounded).
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= TWO_32) {
    throw new EngineError('seed', seed, expecting('wholeRange', 'a whole number from 0 to 4294967295', { min: 0, max: 4294967295 }));
  }
  let state = seed | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  };
  return {
    next,
    int(min: number, max: number): number {
      const [lo, hi] = range(min, max, true);
      const count = hi - lo + 1;
      if (count > TWO_32) throw new EngineError('max', max, `at most 2³² − 1 above min (${lo})`);
      return lo + Math.floor(next() * count);
    },
    uniform(min: number, max: number): number {
      const [lo, hi] = range(min, max, false);
      return lo + (hi - lo) * next();
    },
    normal(): number {
      const u1 = 1 - next(); // in (0, 1], so the logarithm is finite
      const u2 = next();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
  };
}

/**
 * A tensor of `shape` filled, in row-major order, from `rng`: whole numbers uniform in [min, max]
 * ('int'); numbers uniform in [min, max), optionally rounded to `decimals` places, which can
 * land them on min or max rounded to those places ('float'); or normal
 * with `mean` (default 0) and `std` (default 1) ('normal'). Values are stored as float32. Throws an
 * `EngineError` for a bad shape, distribution or generator.
 */
export function randomTensor(rng: Rng, shape: number[], dist: RandomDist): Tensor {
  if (
    !rng ||
    typeof rng.next !== 'function' ||
    typeof rng.int !== 'function' ||
    typeof rng.normal !== 'function'
  ) {
    throw new EngineError('rng', rng, 'a generator made by createRng(seed)');
  }
  if (!Array.isArray(shape)) throw new EngineError('shape', shape, 'an array of whole numbers ≥ 1');
  const out = tensor(shape);
  if (!dist || typeof dist !== 'object')
    throw new EngineError('dist', dist, "{ kind: 'int' | 'float' | 'normal', … }");
  const data = out.data;
  switch (dist.kind) {
    case 'int': {
      const [lo, hi] = range(dist.min, dist.max, true);
      for (let i = 0; i < data.length; i++) data[i] = rng.int(lo, hi);
      break;
    }
    case 'float': {
      const [lo, hi] = range(dist.min, dist.max, false);
      const decimals = dist.decimals;
      if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 7)) {
        throw new EngineError(
          'decimals',
          decimals,
          'a whole number from 0 to 7 (float32 keeps about 7 digits)',
        );
      }
      const scale = decimals === undefined ? 0 : 10 ** decimals;
      for (let i = 0; i < data.length; i++) {
        const x = rng.uniform(lo, hi);
        data[i] = scale ? Math.round(x * scale) / scale : x;
      }
      break;
    }
    case 'normal': {
      const mean = dist.mean === undefined ? 0 : finite(dist.mean, 'mean');
      const std = dist.std === undefined ? 1 : finite(dist.std, 'std');
      if (std < 0) throw new EngineError('std', dist.std, expecting('nonNegative', 'a number ≥ 0'));
      for (let i = 0; i < data.length; i++) data[i] = mean + std * rng.normal();
      break;
    }
    default:
      throw new EngineError('dist.kind', (dist as { kind?: unknown }).kind, "'int', 'float' or 'normal'");
  }
  return out;
}
