import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EngineError } from '../../src/engine/errors';
import { createRng, randomTensor } from '../../src/engine/random';

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

/** The published Mulberry32 reference (Tommy Ettinger, public domain), as commonly written in plain JS. */
function mulberry32Reference(a: number) {
  return function () {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedArb = fc.integer({ min: 0, max: 0xffffffff });

describe('createRng', () => {
  it('seed 0, 1, 42 and 2³² − 1 give pinned first values (computed independently with 32-bit arithmetic in Python)', () => {
    const pinned: Record<number, number[]> = {
      0: [
        0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111,
        0.46732782293111086,
      ],
      1: [
        0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741, 0.9683778982143849,
      ],
      42: [
        0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423,
      ],
      4294967295: [
        0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677, 0.8452364315744489,
      ],
    };
    for (const [seed, values] of Object.entries(pinned)) {
      const rng = createRng(Number(seed));
      expect(values.map(() => rng.next())).toEqual(values);
    }
  });

  it('follows the published Mulberry32 reference for any seed', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const rng = createRng(seed);
        const ref = mulberry32Reference(seed);
        for (let i = 0; i < 20; i++) expect(rng.next()).toBe(ref());
      }),
      { numRuns: 50 },
    );
  });

  it('the same seed gives the same sequence of every kind of draw', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const draw = (r: typeof a) => [r.next(), r.int(-3, 9), r.uniform(2, 5), r.normal(), r.next()];
        expect(draw(a)).toEqual(draw(b));
      }),
      { numRuns: 50 },
    );
  });

  it('different seeds give different sequences', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (s1, s2) => {
        fc.pre(s1 !== s2);
        const a = createRng(s1);
        const b = createRng(s2);
        const first = (r: typeof a) => [r.next(), r.next(), r.next(), r.next()];
        expect(first(a)).not.toEqual(first(b));
      }),
      { numRuns: 100 },
    );
  });

  it('next() stays in [0, 1) and its mean is close to 1/2', () => {
    const rng = createRng(7);
    let sum = 0;
    let outside = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    // standard error √(1/12/n) ≈ 0.002; allow 0.01
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });

  it('int(1, 6) is a fair die: both ends occur and the counts pass a loose chi-square bound', () => {
    const rng = createRng(2024);
    const counts = new Map<number, number>();
    const n = 60000;
    for (let i = 0; i < n; i++) {
      const x = rng.int(1, 6);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const expected = n / 6;
    const chi2 = [...counts.values()].reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // 5 degrees of freedom: P(χ² > 25) ≈ 1.4·10⁻⁴, so a fair generator essentially never fails this.
    expect(chi2).toBeLessThan(25);
  });

  it('int(min, max) includes both ends for any range, and int(n, n) is n', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 3 }),
        (seed, min, width) => {
          const rng = createRng(seed);
          const seen = new Set<number>();
          for (let i = 0; i < 200; i++) seen.add(rng.int(min, min + width));
          expect([...seen].sort((a, b) => a - b)).toEqual(
            Array.from({ length: width + 1 }, (_, i) => min + i),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('uniform(min, max) stays in [min, max)', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 5000 }, () => rng.uniform(-2, 0.5));
    expect(xs.filter((x) => !(x >= -2 && x < 0.5))).toEqual([]);
    expect(Math.min(...xs)).toBeLessThan(-1.99);
    expect(Math.max(...xs)).toBeGreaterThan(0.49);
    expect(rng.uniform(4, 4)).toBe(4);
  });

  it('normal() has mean ≈ 0 and variance ≈ 1, and is always finite', () => {
    const rng = createRng(11);
    const n = 40000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      sum += x;
      sq += x * x;
    }
    expect(Number.isFinite(sq)).toBe(true);
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(0.05);
  });

  it('rejects seeds that are not whole numbers from 0 to 2³² − 1', () => {
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN, Infinity])
      expect(engineError(() => createRng(bad)).field).toBe('seed');
    expect(engineError(() => createRng('3' as unknown as number)).field).toBe('seed');
  });

  it('rejects bad ranges instead of clamping them', () => {
    const rng = createRng(1);
    expect(engineError(() => rng.int(5, 4)).field).toBe('max');
    expect(engineError(() => rng.int(0.5, 4)).field).toBe('min');
    expect(engineError(() => rng.uniform(0, Infinity)).field).toBe('max');
    expect(engineError(() => rng.uniform(1, 0)).field).toBe('max');
  });
});

describe('randomTensor', () => {
  it('fills a tensor in row-major order from the generator', () => {
    const t = randomTensor(createRng(5), [2, 3], { kind: 'int', min: -2, max: 2 });
    expect(t.shape).toEqual([2, 3]);
    const rng = createRng(5);
    expect([...t.data]).toEqual(Array.from({ length: 6 }, () => rng.int(-2, 2)));
  });

  it('the same seed gives the same tensor, a different seed another', () => {
    const a = randomTensor(createRng(9), [1, 2, 4, 4], { kind: 'normal' });
    const b = randomTensor(createRng(9), [1, 2, 4, 4], { kind: 'normal' });
    const c = randomTensor(createRng(10), [1, 2, 4, 4], { kind: 'normal' });
    expect(a).toEqual(b);
    expect(a.data).not.toEqual(c.data);
  });

  it('float values lie in the range and are rounded to the requested decimals', () => {
    const t = randomTensor(createRng(12), [100], { kind: 'float', min: -1, max: 1, decimals: 2 });
    for (const x of t.data) {
      expect(x >= -1 && x <= 1).toBe(true);
      expect(Math.abs(Math.round(x * 100) - x * 100)).toBeLessThan(1e-4);
    }
    const raw = randomTensor(createRng(12), [100], { kind: 'float', min: 3, max: 4 });
    for (const x of raw.data) expect(x >= 3 && x <= 4).toBe(true);
  });

  it('normal values follow the requested mean and standard deviation', () => {
    const t = randomTensor(createRng(13), [20000], { kind: 'normal', mean: 5, std: 2 });
    const mean = t.data.reduce((a, b) => a + b, 0) / t.data.length;
    const variance = t.data.reduce((a, b) => a + (b - mean) ** 2, 0) / t.data.length;
    expect(Math.abs(mean - 5)).toBeLessThan(0.06);
    expect(Math.abs(Math.sqrt(variance) - 2)).toBeLessThan(0.06);
    expect([...randomTensor(createRng(1), [3], { kind: 'normal', mean: 7, std: 0 }).data]).toEqual([7, 7, 7]);
  });

  it('rejects bad shapes, distributions and generators', () => {
    const rng = createRng(1);
    expect(engineError(() => randomTensor(rng, [2, 0], { kind: 'int', min: 0, max: 1 })).field).toBe(
      'shape[1]',
    );
    expect(engineError(() => randomTensor(rng, [2], { kind: 'int', min: 0, max: 1.5 })).field).toBe('max');
    expect(
      engineError(() => randomTensor(rng, [2], { kind: 'float', min: 0, max: 1, decimals: -1 })).field,
    ).toBe('decimals');
    expect(engineError(() => randomTensor(rng, [2], { kind: 'normal', std: -1 })).field).toBe('std');
    expect(engineError(() => randomTensor(rng, [2], { kind: 'poisson' } as never)).field).toBe('dist.kind');
    expect(engineError(() => randomTensor({} as never, [2], { kind: 'normal' })).field).toBe('rng');
  });
});
