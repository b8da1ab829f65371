import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maxPool2d, avgPool2d } from '../../src/engine/pool';
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

function t(shape: number[], data: ArrayLike<number>): Tensor {
  return { shape, data: Float32Array.from(data) };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (!(Math.abs(actual[i]! - e) <= tol * Math.max(1, Math.abs(e))) && actual[i] !== e) {
      expect.fail(`index ${i}: got ${actual[i]}, expected ${e}`);
    }
  }
}

function expectEngineError(fn: () => unknown, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).field).toBe(field);
    return;
  }
  expect.fail(`expected an EngineError for ${field}`);
}

interface PoolCfg {
  k: [number, number];
  s: [number, number];
  pad: [number, number, number, number];
  d: [number, number];
  ceil: boolean;
  includePad: boolean;
}

/** PyTorch's output size, written out independently of the engine. */
function refOut(
  size: number,
  pa: number,
  pb: number,
  k: number,
  d: number,
  s: number,
  ceil: boolean,
): number {
  const span = size + pa + pb - d * (k - 1) - 1;
  let o = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (o - 1) * s >= size + pa) o -= 1;
  return o;
}

/** Naive pooling, one window at a time; padding cells are skipped (−∞ for max, 0 for average). */
function naivePool(x: Tensor, c: PoolCfg, kind: 'max' | 'avg'): { shape: number[]; data: number[] } {
  const [n, ch, h, w] = x.shape as [number, number, number, number];
  const [pt, pb, pl, pr] = c.pad;
  const ho = refOut(h, pt, pb, c.k[0], c.d[0], c.s[0], c.ceil);
  const wo = refOut(w, pl, pr, c.k[1], c.d[1], c.s[1], c.ceil);
  const data: number[] = [];
  for (let plane = 0; plane < n * ch; plane++)
    for (let oy = 0; oy < ho; oy++)
      for (let ox = 0; ox < wo; ox++) {
        let m = -Infinity;
        let sum = 0;
        let cells = 0;
        for (let i = 0; i < c.k[0]; i++)
          for (let j = 0; j < c.k[1]; j++) {
            const y = oy * c.s[0] - pt + i * c.d[0];
            const xx = ox * c.s[1] - pl + j * c.d[1];
            if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
            const v = x.data[plane * h * w + y * w + xx]!;
            m = Math.max(m, v);
            sum += v;
            cells++;
          }
        if (kind === 'max') {
          data.push(m);
        } else {
          // the window clipped to the padded input, as PyTorch counts it
          const y0 = oy * c.s[0] - pt;
          const x0 = ox * c.s[1] - pl;
          const hh = Math.min(y0 + c.k[0], h + pb) - y0;
          const ww = Math.min(x0 + c.k[1], w + pr) - x0;
          data.push(sum / (c.includePad ? hh * ww : cells));
        }
      }
  return { shape: [n, ch, ho, wo], data };
}

// A hand-written 4×4 map.
const MAP = t([1, 1, 4, 4], [1, 3, 2, 4, 5, 6, 1, 2, 7, 2, 9, 0, 1, 8, 3, 4]);

describe('maxPool2d on hand-worked examples', () => {
  it('2×2 max pooling with stride 2 keeps the largest value of each quadrant of a 4×4 map', () => {
    const y = maxPool2d(MAP, { kernel: 2 });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([6, 4, 8, 9]);
  });

  it('2×2 max pooling with stride 1 slides over every position (3×3 output)', () => {
    const y = maxPool2d(MAP, { kernel: 2, stride: 1 });
    expect(y.shape).toEqual([1, 1, 3, 3]);
    expect(Array.from(y.data)).toEqual([6, 6, 4, 7, 9, 9, 8, 9, 9]);
  });

  it('padding acts as −∞: an all-negative map never yields 0', () => {
    const y = maxPool2d(t([1, 1, 2, 2], [-1, -2, -3, -4]), { kernel: 2, stride: 2, padding: 1 });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([-1, -2, -3, -4]);
  });

  it('ceil mode adds a last, clipped window: 5×5 with 2×2 stride 2 gives 3×3 instead of 2×2', () => {
    const x = t(
      [1, 1, 5, 5],
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(maxPool2d(x, { kernel: 2 }).shape).toEqual([1, 1, 2, 2]);
    const y = maxPool2d(x, { kernel: 2, ceilMode: true });
    expect(y.shape).toEqual([1, 1, 3, 3]);
    expect(Array.from(y.data)).toEqual([7, 9, 10, 17, 19, 20, 22, 24, 25]);
  });

  it('ceil mode drops a window that would start in the right padding', () => {
    // 4 wide, kernel 2, stride 3, padding 1: ceil gives 3 windows, but the third starts at 6 ≥ 4 + 1.
    // The windows kept cover cells {−1, 0} → 1 and {2, 3} → 4.
    const y = maxPool2d(t([1, 1, 1, 4], [1, 2, 3, 4]), {
      kernel: [1, 2],
      stride: [1, 3],
      padding: [0, 1],
      ceilMode: true,
    });
    expect(y.shape).toEqual([1, 1, 1, 2]);
    expect(Array.from(y.data)).toEqual([1, 4]);
  });

  it('channels and batch items are pooled independently', () => {
    const x = t([2, 2, 2, 2], [1, 2, 3, 4, -1, -2, -3, -4, 5, 0, 0, 0, 0, 0, 0, 9]);
    expect(Array.from(maxPool2d(x, { kernel: 2 }).data)).toEqual([4, -1, 5, 9]);
  });

  it('dilation 2 takes every other cell: a 2×2 window spread over 3×3', () => {
    const y = maxPool2d(MAP, { kernel: 2, stride: 1, dilation: 2 });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    // taps (0,0),(0,2),(2,0),(2,2) = 1,2,7,9; right: 3,4,2,0; down: 5,1,1,3; both: 6,2,8,4
    expect(Array.from(y.data)).toEqual([9, 4, 5, 8]);
  });
});

describe('avgPool2d on hand-worked examples', () => {
  it('2×2 average pooling averages each quadrant', () => {
    const y = avgPool2d(MAP, { kernel: 2 });
    expect(Array.from(y.data)).toEqual([3.75, 2.25, 4.5, 4]);
  });

  it('padding counts as zeros by default, and is left out with countIncludePad false', () => {
    const x = t([1, 1, 2, 2], [4, 8, 12, 16]);
    expect(Array.from(avgPool2d(x, { kernel: 2, padding: 1 }).data)).toEqual([1, 2, 3, 4]);
    expect(Array.from(avgPool2d(x, { kernel: 2, padding: 1, countIncludePad: false }).data)).toEqual([
      4, 8, 12, 16,
    ]);
  });

  it('ceil mode divides a window clipped at the edge by its clipped size', () => {
    const x = t(
      [1, 1, 5, 5],
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    const y = avgPool2d(x, { kernel: 2, ceilMode: true });
    expect(y.shape).toEqual([1, 1, 3, 3]);
    // last column: (5 + 10)/2; last row: (21 + 22)/2; corner: 25/1
    expect(y.data[2]).toBe(7.5);
    expect(y.data[6]).toBe(21.5);
    expect(y.data[8]).toBe(25);
    expect(y.data[0]).toBe((1 + 2 + 6 + 7) / 4);
  });
});

describe('pooling equals a naive reference loop', () => {
  const cfg = fc
    .record({
      n: fc.integer({ min: 1, max: 2 }),
      c: fc.integer({ min: 1, max: 3 }),
      h: fc.integer({ min: 1, max: 11 }),
      w: fc.integer({ min: 1, max: 11 }),
      kh: fc.integer({ min: 1, max: 4 }),
      kw: fc.integer({ min: 1, max: 4 }),
      sh: fc.integer({ min: 1, max: 3 }),
      sw: fc.integer({ min: 1, max: 3 }),
      dh: fc.integer({ min: 1, max: 2 }),
      dw: fc.integer({ min: 1, max: 2 }),
      pad: fc.tuple(...[0, 0, 0, 0].map(() => fc.integer({ min: 0, max: 2 }))),
      ceil: fc.boolean(),
      includePad: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1e6 }),
    })
    .map((r) => {
      const [pt, pb, pl, pr] = r.pad as [number, number, number, number];
      const hh = Math.floor(r.kh / 2);
      const hw = Math.floor(r.kw / 2);
      return {
        ...r,
        pad: [Math.min(pt, hh), Math.min(pb, hh), Math.min(pl, hw), Math.min(pr, hw)] as [
          number,
          number,
          number,
          number,
        ],
      };
    });

  const run = (kind: 'max' | 'avg') =>
    fc.assert(
      fc.property(cfg, (r) => {
        const c: PoolCfg = {
          k: [r.kh, r.kw],
          s: [r.sh, r.sw],
          pad: r.pad,
          d: kind === 'max' ? [r.dh, r.dw] : [1, 1],
          ceil: r.ceil,
          includePad: r.includePad,
        };
        const ho = refOut(r.h, r.pad[0], r.pad[1], c.k[0], c.d[0], c.s[0], c.ceil);
        const wo = refOut(r.w, r.pad[2], r.pad[3], c.k[1], c.d[1], c.s[1], c.ceil);
        if (ho < 1 || wo < 1) return;
        const x = t([r.n, r.c, r.h, r.w], rand(r.n * r.c * r.h * r.w, r.seed));
        const want = naivePool(x, c, kind);
        const y =
          kind === 'max'
            ? maxPool2d(x, { kernel: c.k, stride: c.s, padding: c.pad, dilation: c.d, ceilMode: c.ceil })
            : avgPool2d(x, {
                kernel: c.k,
                stride: c.s,
                padding: c.pad,
                ceilMode: c.ceil,
                countIncludePad: c.includePad,
              });
        expect(y.shape).toEqual(want.shape);
        expectClose(y.data, want.data);
      }),
      { numRuns: 100 },
    );

  it('maxPool2d for random kernels, strides, paddings, dilations and ceil modes', () => run('max'));
  it('avgPool2d for random kernels, strides, paddings, ceil modes and countIncludePad', () => run('avg'));
});

describe('pooling rejects bad input with an EngineError naming the field', () => {
  const x = t([1, 1, 4, 4], rand(16, 1));
  it('padding more than half the kernel', () =>
    expectEngineError(() => maxPool2d(x, { kernel: 2, padding: 2 }), 'padding'));
  it('a kernel larger than the padded input', () =>
    expectEngineError(() => avgPool2d(x, { kernel: 5 }), 'kernel'));
  it('a missing kernel', () => expectEngineError(() => maxPool2d(x, {} as never), 'kernel'));
  it('a zero stride', () => expectEngineError(() => maxPool2d(x, { kernel: 2, stride: 0 }), 'stride'));
  it('a non-integer kernel', () => expectEngineError(() => avgPool2d(x, { kernel: 1.5 }), 'kernel'));
  it('a non-boolean ceilMode', () =>
    expectEngineError(() => maxPool2d(x, { kernel: 2, ceilMode: 1 as never }), 'ceilMode'));
  it('a non-boolean countIncludePad', () =>
    expectEngineError(() => avgPool2d(x, { kernel: 2, countIncludePad: 'no' as never }), 'countIncludePad'));
  it('an input that is not rank 4', () =>
    expectEngineError(() => maxPool2d(t([4, 4], rand(16, 1)), { kernel: 2 }), 'input.shape'));
  it('an infinite input value', () =>
    expectEngineError(() => maxPool2d(t([1, 1, 2, 2], [0, 1, -Infinity, 2]), { kernel: 2 }), 'input[2]'));
});
