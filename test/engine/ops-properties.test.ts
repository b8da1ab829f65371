// Algebraic properties of the tensor operations, checked with fast-check on random shapes and data.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { conv2d, convTranspose2d } from '../../src/engine/conv';
import { relu } from '../../src/engine/activation';
import { groupNorm, layerNorm, instanceNorm } from '../../src/engine/norm';
import { EngineError } from '../../src/engine/errors';
import type { Tensor } from '../../src/engine/tensor';

function rand(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return out;
}

function randT(shape: number[], seed: number): Tensor {
  return {
    shape,
    data: rand(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
  };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (Math.abs(actual[i]! - e) > tol * Math.max(1, Math.abs(e)))
      expect.fail(`index ${i}: got ${actual[i]}, expected ${e}`);
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

const convCase = fc.record({
  n: fc.integer({ min: 1, max: 2 }),
  groups: fc.integer({ min: 1, max: 2 }),
  cgIn: fc.integer({ min: 1, max: 3 }),
  cgOut: fc.integer({ min: 1, max: 4 }),
  h: fc.integer({ min: 4, max: 10 }),
  w: fc.integer({ min: 4, max: 10 }),
  kh: fc.integer({ min: 1, max: 3 }),
  kw: fc.integer({ min: 1, max: 3 }),
  stride: fc.integer({ min: 1, max: 3 }),
  dilation: fc.integer({ min: 1, max: 2 }),
  pad: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

/** Whether the (dilated) kernel fits the padded input of a random case. */
const fits = (r: { h: number; w: number; kh: number; kw: number; dilation: number; pad: number }): boolean =>
  r.h + 2 * r.pad >= (r.kh - 1) * r.dilation + 1 && r.w + 2 * r.pad >= (r.kw - 1) * r.dilation + 1;

describe('conv2d properties', () => {
  it('conv2d is linear in the input: conv(a·x + b·y) = a·conv(x) + b·conv(y)', () => {
    fc.assert(
      fc.property(
        convCase,
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (r, a, b) => {
          if (!fits(r)) return;
          const cin = r.cgIn * r.groups;
          const x = randT([r.n, cin, r.h, r.w], r.seed);
          const y = randT([r.n, cin, r.h, r.w], r.seed + 1);
          const w = randT([r.cgOut * r.groups, r.cgIn, r.kh, r.kw], r.seed + 2);
          const opts = { stride: r.stride, padding: r.pad, dilation: r.dilation, groups: r.groups };
          const mix: Tensor = { shape: x.shape, data: x.data.map((v, i) => a * v + b * y.data[i]!) };
          const lhs = conv2d(mix, w, null, opts).data;
          const cx = conv2d(x, w, null, opts).data;
          const cy = conv2d(y, w, null, opts).data;
          expectClose(
            lhs,
            Array.from(cx, (v, i) => a * v + b * cy[i]!),
            1e-4,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('two stacked stride-1 unpadded convolutions equal one convolution with the composed kernel', () => {
    fc.assert(
      fc.property(
        fc.record({
          c0: fc.integer({ min: 1, max: 3 }),
          c1: fc.integer({ min: 1, max: 3 }),
          c2: fc.integer({ min: 1, max: 3 }),
          k1: fc.integer({ min: 1, max: 3 }),
          k2: fc.integer({ min: 1, max: 3 }),
          h: fc.integer({ min: 5, max: 9 }),
          w: fc.integer({ min: 5, max: 9 }),
          seed: fc.integer({ min: 1, max: 1e6 }),
        }),
        (r) => {
          const x = randT([1, r.c0, r.h, r.w], r.seed);
          const w1 = randT([r.c1, r.c0, r.k1, r.k1], r.seed + 1);
          const w2 = randT([r.c2, r.c1, r.k2, r.k2], r.seed + 2);
          const b1 = rand(r.c1, r.seed + 3);
          const b2 = rand(r.c2, r.seed + 4);
          // Full composition of two correlations: K[o][i][u][v] = Σ_m Σ_(a,b) w2[o][m][a][b] · w1[m][i][u−a][v−b];
          // the first bias passes through the second kernel: B[o] = b2[o] + Σ_m b1[m] · Σ_(a,b) w2[o][m][a][b].
          const k = r.k1 + r.k2 - 1;
          const kData = new Float64Array(r.c2 * r.c0 * k * k);
          const bias = new Float64Array(r.c2);
          for (let o = 0; o < r.c2; o++) {
            bias[o] = b2[o]!;
            for (let m = 0; m < r.c1; m++)
              for (let a = 0; a < r.k2; a++)
                for (let b = 0; b < r.k2; b++) {
                  const w2v = w2.data[((o * r.c1 + m) * r.k2 + a) * r.k2 + b]!;
                  bias[o] += b1[m]! * w2v;
                  for (let i = 0; i < r.c0; i++)
                    for (let p = 0; p < r.k1; p++)
                      for (let q = 0; q < r.k1; q++)
                        kData[((o * r.c0 + i) * k + a + p) * k + b + q] +=
                          w2v * w1.data[((m * r.c0 + i) * r.k1 + p) * r.k1 + q]!;
                }
          }
          const stacked = conv2d(conv2d(x, w1, b1), w2, b2);
          const single = conv2d(
            x,
            { shape: [r.c2, r.c0, k, k], data: Float32Array.from(kData) },
            Float32Array.from(bias),
          );
          expect(single.shape).toEqual(stacked.shape);
          expectClose(single.data, stacked.data, 1e-4);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('convTranspose2d is the adjoint of conv2d: <conv(x), y> = <x, convT(y)> with the same weight', () => {
    fc.assert(
      fc.property(convCase, (r) => {
        const cin = r.cgIn * r.groups;
        const cout = r.cgOut * r.groups;
        if (!fits(r)) return;
        const ek = (r.kh - 1) * r.dilation + 1;
        const x = randT([r.n, cin, r.h, r.w], r.seed);
        const w = randT([cout, r.cgIn, r.kh, r.kw], r.seed + 1);
        const opts = { stride: r.stride, padding: r.pad, dilation: r.dilation, groups: r.groups };
        const cx = conv2d(x, w, null, opts);
        const y = randT(cx.shape, r.seed + 2);
        // outputPadding restores the rows/columns the forward convolution's floor dropped
        const oph = (r.h + 2 * r.pad - ek) % r.stride;
        const opw = (r.w + 2 * r.pad - ((r.kw - 1) * r.dilation + 1)) % r.stride;
        const ty = convTranspose2d(y, w, null, { ...opts, outputPadding: [oph, opw] });
        expect(ty.shape).toEqual(x.shape);
        const lhs = dot(cx.data, y.data);
        const rhs = dot(x.data, ty.data);
        expect(Math.abs(lhs - rhs)).toBeLessThan(
          1e-4 * Math.max(1, Math.abs(lhs), Math.sqrt(cx.data.length)),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('normalization properties', () => {
  const normCase = fc.record({
    n: fc.integer({ min: 1, max: 3 }),
    c: fc.integer({ min: 1, max: 6 }),
    h: fc.integer({ min: 1, max: 5 }),
    w: fc.integer({ min: 2, max: 5 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    offset: fc.constantFrom(0, 5, -40, 1000),
    scale: fc.constantFrom(0.01, 1, 30),
  });
  const sample = (r: {
    n: number;
    c: number;
    h: number;
    w: number;
    seed: number;
    offset: number;
    scale: number;
  }): Tensor => {
    const x = randT([r.n, r.c, r.h, r.w], r.seed);
    return { shape: x.shape, data: x.data.map((v) => r.offset + r.scale * v) };
  };

  it('groupNorm with one group equals layerNorm', () => {
    fc.assert(
      fc.property(normCase, (r) => {
        const x = sample(r);
        const gamma = rand(r.c, r.seed + 1);
        const beta = rand(r.c, r.seed + 2);
        const g = groupNorm(x, { groups: 1, gamma, beta });
        const l = layerNorm(x, { gamma, beta });
        expectClose(g.output.data, l.output.data, 1e-5);
        expectClose(g.mean, l.mean, 1e-6);
        expectClose(g.var, l.var, 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('groupNorm with C groups equals instanceNorm', () => {
    fc.assert(
      fc.property(normCase, (r) => {
        const x = sample(r);
        const gamma = rand(r.c, r.seed + 1);
        const beta = rand(r.c, r.seed + 2);
        const g = groupNorm(x, { groups: r.c, gamma, beta });
        const i = instanceNorm(x, { gamma, beta });
        expectClose(g.output.data, i.output.data, 1e-5);
        expectClose(g.mean, i.mean, 1e-6);
        expectClose(g.var, i.var, 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('every normalized group has mean 0 and variance 1 (up to eps), even far from zero', () => {
    fc.assert(
      fc.property(normCase, fc.integer({ min: 1, max: 6 }), (r, gWanted) => {
        const groups = r.c % gWanted === 0 ? gWanted : 1;
        const x = sample(r);
        const { output, var: v } = groupNorm(x, { groups });
        const len = (r.c / groups) * r.h * r.w;
        for (let s = 0; s < r.n * groups; s++) {
          const seg = output.data.subarray(s * len, (s + 1) * len);
          const m = seg.reduce((a, b) => a + b, 0) / len;
          const q = seg.reduce((a, b) => a + (b - m) ** 2, 0) / len;
          expect(Math.abs(m)).toBeLessThan(1e-4);
          // with eps the variance is var/(var + eps), just below 1
          expect(Math.abs(q - v[s]! / (v[s]! + 1e-5))).toBeLessThan(2e-4);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('relu', () => {
  it('zeroes negative values and keeps positive ones: [−1, 0, 2, −0.5, 3.5] → [0, 0, 2, 0, 3.5]', () => {
    const y = relu({ shape: [5], data: Float32Array.from([-1, 0, 2, -0.5, 3.5]) });
    expect(y.shape).toEqual([5]);
    expect(Array.from(y.data)).toEqual([0, 0, 2, 0, 3.5]);
  });

  it('works on any rank and keeps the shape', () => {
    const x = randT([2, 3, 2, 2, 2], 4);
    const y = relu(x);
    expect(y.shape).toEqual([2, 3, 2, 2, 2]);
    expect(Array.from(y.data)).toEqual(Array.from(x.data, (v) => Math.max(0, v)));
  });

  it('relu(x) − relu(−x) = x and relu is idempotent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
          minLength: 1,
          maxLength: 50,
        }),
        (a) => {
          const x: Tensor = { shape: [a.length], data: Float32Array.from(a) };
          const neg: Tensor = { shape: [a.length], data: x.data.map((v) => -v) };
          const p = relu(x).data;
          const q = relu(neg).data;
          for (let i = 0; i < a.length; i++) expect(p[i]! - q[i]!).toBe(x.data[i]! + 0);
          expect(Array.from(relu({ shape: [a.length], data: p }).data)).toEqual(Array.from(p));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('rejects a NaN with an EngineError naming the entry', () => {
    try {
      relu({ shape: [3], data: Float32Array.from([1, NaN, 2]) });
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).field).toBe('input[1]');
    }
  });

  it('rejects data whose length does not match the shape', () => {
    expect(() => relu({ shape: [2, 2], data: new Float32Array(3) })).toThrow(EngineError);
    try {
      relu({ shape: [2, 2], data: new Float32Array(3) });
    } catch (e) {
      expect((e as EngineError).field).toBe('input.data.length');
    }
  });
});
