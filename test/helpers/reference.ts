/**
 * Helpers shared by the engine tests: the conformance fixtures, typed, and a seeded generator of
 * small exact values. Deliberately independent of the engine's own generator (src/engine/random.ts).
 */
import { tensor, type Tensor } from '../../src/engine/tensor';
import fixtures from '../fixtures/conformance.json';

export interface FixtureTensor {
  shape: number[];
  data: number[];
}
export interface FixtureCase {
  id: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, FixtureTensor>;
  expected: Record<string, FixtureTensor>;
  tolerance: number;
}
/** Every case of test/fixtures/conformance.json. */
export const fixtureCases = (fixtures as unknown as { cases: FixtureCase[] }).cases;

/**
 * A seeded generator (mulberry32, written out here) of multiples of 1/`denominator` in
 * [−`max`, `max`]: exact in float32, so sums are exact and ties (for pooling) are frequent.
 */
export function seededSteps(seed: number, max: number, denominator: number): () => number {
  let a = seed >>> 0;
  const steps = 2 * max * denominator;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.round(u * steps - steps / 2) / denominator;
  };
}

/** A tensor of `shape` filled from `next`. */
export function filledTensor(shape: number[], next: () => number): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tensor(shape, Array.from({ length: size }, next));
}
