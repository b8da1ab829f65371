import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fixtureCases, seededSteps, filledTensor } from '../helpers/reference';
import { EngineError } from '../../src/engine/errors';
import { pad4, type Padding } from '../../src/engine/params';
import { avgPool2d, maxPool2d } from '../../src/engine/pool';
import { tensor, type Tensor } from '../../src/engine/tensor';
import { poolStep, poolStepCount, type PoolTraceOptions } from '../../src/engine/trace';


// ---------------------------------------------------------------------------------------------
// Independent references and helpers, deliberately naive.

const seeded = (seed: number) => seededSteps(seed, 3, 4);

const randomTensor = filledTensor;

const asPair = (v: PoolTraceOptions['stride'], fallback: [number, number]): [number, number] =>
  v === undefined ? fallback : typeof v === 'number' ? [v, v] : [v[0], v[1]];

/**
 * Naive pooling. Output size: count the window positions one by one (a window must fit in the padded
 * input, or in ceil mode start inside the input or its leading padding). Max: scan the window's
 * in-input positions. Average: PyTorch's clipped-rectangle formula for the divisor.
 */
function referencePool(input: Tensor, o: PoolTraceOptions): { shape: number[]; data: number[] } {
  const [N, C, H, W] = input.shape as [number, number, number, number];
  const [KH, KW] = asPair(o.kernel, [1, 1]);
  const [sh, sw] = asPair(o.stride, [KH, KW]);
  const [dh, dw] = asPair(o.dilation, [1, 1]);
  const p = pad4(o.padding);
  const positions = (size: number, before: number, after: number, ext: number, s: number) => {
    // Walk the window along the padded axis. A window counts when it fits; in ceil mode also the one
    // partial window the ceiling adds (it reaches past the last full one), if it starts inside the
    // input or its leading padding.
    const padded = size + before + after;
    let count = 0;
    for (let start = 0; ; start += s) {
      const fits = start + ext <= padded;
      const partial = o.ceilMode === true && start + ext - s < padded && start < size + before;
      if (!fits && !partial) break;
      count++;
    }
    return count;
  };
  const OH = positions(H, p.top, p.bottom, dh * (KH - 1) + 1, sh);
  const OW = positions(W, p.left, p.right, dw * (KW - 1) + 1, sw);
  const data: number[] = [];
  for (let nc = 0; nc < N * C; nc++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++) {
        if (o.kind === 'max') {
          let best = -Infinity;
          for (let a = 0; a < KH; a++)
            for (let b = 0; b < KW; b++) {
              const ih = oh * sh + a * dh - p.top;
              const iw = ow * sw + b * dw - p.left;
              if (ih >= 0 && ih < H && iw >= 0 && iw < W)
                best = Math.max(best, input.data[(nc * H + ih) * W + iw]!);
            }
          data.push(best);
        } else {
          let h0 = oh * sh - p.top;
          let w0 = ow * sw - p.left;
          let h1 = Math.min(h0 + KH, H + p.bottom);
          let w1 = Math.min(w0 + KW, W + p.right);
          const withPad = (h1 - h0) * (w1 - w0);
          h0 = Math.max(h0, 0);
          w0 = Math.max(w0, 0);
          h1 = Math.min(h1, H);
          w1 = Math.min(w1, W);
          let s = 0;
          for (let y = h0; y < h1; y++) for (let x = w0; x < w1; x++) s += input.data[(nc * H + y) * W + x]!;
          data.push(s / (o.countIncludePad === false ? (h1 - h0) * (w1 - w0) : withPad));
        }
      }
  return { shape: [N, C, OH, OW], data };
}

function same(a: number, e: number, tol = 1e-5): boolean {
  if (!Number.isFinite(e) || !Number.isFinite(a)) return a === e;
  return Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
}

const poolCase = fc
  .record({
    kind: fc.constantFrom<'max' | 'avg'>('max', 'avg'),
    n: fc.integer({ min: 1, max: 2 }),
    c: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 1, max: 7 }),
    w: fc.integer({ min: 1, max: 7 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    stride: fc.option(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), {
      nil: undefined,
    }),
    dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    pads: fc.tuple(fc.nat(1), fc.nat(1), fc.nat(1), fc.nat(1)),
    padForm: fc.constantFrom('n', 'hw', 'tblr'),
    ceilMode: fc.boolean(),
    countIncludePad: fc.option(fc.boolean(), { nil: undefined }),
    seed: fc.integer(),
  })
  .map((r) => {
    // Padding is at most half the kernel (PyTorch's rule): a side is 0 when its kernel is 1.
    const [ph, pw] = [Math.floor(r.kernel[0] / 2), Math.floor(r.kernel[1] / 2)];
    const [t, b, l, rr] = [
      Math.min(r.pads[0], ph),
      Math.min(r.pads[1], ph),
      Math.min(r.pads[2], pw),
      Math.min(r.pads[3], pw),
    ];
    const padding: Padding = r.padForm === 'n' ? Math.min(t, l) : r.padForm === 'hw' ? [t, l] : [t, b, l, rr];
    const opts: PoolTraceOptions = { kind: r.kind, kernel: r.kernel, padding, ceilMode: r.ceilMode };
    if (r.stride) opts.stride = r.stride;
    if (r.kind === 'max') opts.dilation = r.dilation;
    if (r.countIncludePad !== undefined) opts.countIncludePad = r.countIncludePad;
    return { input: randomTensor([r.n, r.c, r.h, r.w], seeded(r.seed)), opts };
  })
  .filter(({ input, opts }) => {
    const p = pad4(opts.padding);
    const [kh, kw] = opts.kernel as [number, number];
    const [dh, dw] = asPair(opts.dilation, [1, 1]);
    return (
      dh * (kh - 1) + 1 <= input.shape[2]! + p.top + p.bottom &&
      dw * (kw - 1) + 1 <= input.shape[3]! + p.left + p.right
    );
  });

function wholePool(input: Tensor, o: PoolTraceOptions): { shape: number[]; data: ArrayLike<number> } {
  const common = { kernel: o.kernel, stride: o.stride, padding: o.padding, ceilMode: o.ceilMode };
  return o.kind === 'max'
    ? maxPool2d(input, { ...common, dilation: o.dilation })
    : avgPool2d(input, { ...common, countIncludePad: o.countIncludePad });
}

// ---------------------------------------------------------------------------------------------

describe('poolStep', () => {
  it('every step equals maxPool2d / avgPool2d and a naive reference (padding, ceil mode, countIncludePad)', () => {
    fc.assert(
      fc.property(poolCase, ({ input, opts }) => {
        const whole = wholePool(input, opts);
        const ref = referencePool(input, opts);
        expect(whole.shape).toEqual(ref.shape);
        const total = poolStepCount(input.shape, opts);
        expect(total).toBe(ref.data.length);
        for (let i = 0; i < total; i++) {
          const s = poolStep(input, opts, i);
          expect(same(s.result, whole.data[i]!)).toBe(true);
          expect(same(s.result, ref.data[i]!, 1e-12)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('taps, argmax (first maximum), sum and divisor follow their definitions', () => {
    fc.assert(
      fc.property(poolCase, ({ input, opts }) => {
        const [, C, H, W] = input.shape as [number, number, number, number];
        const [KH, KW] = opts.kernel as [number, number];
        const [sh, sw] = asPair(opts.stride, [KH, KW]);
        const [dh, dw] = asPair(opts.dilation, [1, 1]);
        const p = pad4(opts.padding);
        const total = poolStepCount(input.shape, opts);
        for (let i = 0; i < total; i++) {
          const s = poolStep(input, opts, i);
          expect(s.window).toEqual({
            top: s.oh * sh,
            left: s.ow * sw,
            height: dh * (KH - 1) + 1,
            width: dw * (KW - 1) + 1,
          });
          const expected = [];
          for (let kh = 0; kh < KH; kh++)
            for (let kw = 0; kw < KW; kw++) {
              const ph = s.window.top + kh * dh;
              const pw = s.window.left + kw * dw;
              const [ih, iw] = [ph - p.top, pw - p.left];
              const padded = ih < 0 || ih >= H || iw < 0 || iw >= W;
              const overhang = ph >= H + p.top + p.bottom || pw >= W + p.left + p.right;
              const counted = opts.kind === 'avg' && (opts.countIncludePad === false ? !padded : !overhang);
              const x = padded
                ? opts.kind === 'max'
                  ? -Infinity
                  : 0
                : input.data[((s.n * C + s.c) * H + ih) * W + iw]!;
              expected.push({ kh, kw, ih, iw, ph, pw, padded, overhang, counted, x });
            }
          expect(s.taps).toEqual(expected);
          if (s.kind === 'max') {
            const best = Math.max(...s.taps.map((t) => t.x));
            expect(s.argmax).toBe(best === -Infinity ? -1 : s.taps.findIndex((t) => t.x === best));
            // Numerically equal (a tie between −0 and +0 keeps the first, which may be −0).
            expect(s.result === best, `result ${s.result} vs max ${best}`).toBe(true);
          } else {
            expect(s.argmax).toBe(-1);
            expect(s.divisor).toBe(s.taps.filter((t) => t.counted).length);
            expect(s.sum).toBe(s.taps.reduce((a, t) => a + t.x, 0));
            expect(s.result).toBe(s.sum / s.divisor);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('matches the pooling cases of the conformance fixtures, step by step', () => {
    const cases = fixtureCases.filter((c) => c.op === 'maxPool2d' || c.op === 'avgPool2d');
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const fx of cases) {
      const ins = fx.inputs;
      const input = tensor(ins.input!.shape, ins.input!.data);
      const opts = { kind: fx.op === 'maxPool2d' ? 'max' : 'avg', ...fx.params } as PoolTraceOptions;
      const expected = fx.expected.output!;
      expect(poolStepCount(input.shape, opts), fx.id).toBe(expected.data.length);
      expected.data.forEach((e, i) =>
        expect(same(poolStep(input, opts, i).result, e, fx.tolerance), `${fx.id} step ${i}`).toBe(true),
      );
    }
  });

  it('average pooling of a 5×5 input of ones, kernel 3 stride 2 pad 1: the corner divides by 9 (→ 4/9) with padding counted, by 4 (→ 1) without', () => {
    const ones = tensor([1, 1, 5, 5], new Array(25).fill(1));
    const include: PoolTraceOptions = { kind: 'avg', kernel: 3, stride: 2, padding: 1 };
    const exclude: PoolTraceOptions = { ...include, countIncludePad: false };
    expect(poolStepCount(ones.shape, include)).toBe(9);
    const a = poolStep(ones, include, 0);
    expect(a.window).toEqual({ top: 0, left: 0, height: 3, width: 3 });
    expect(a.taps.filter((t) => t.padded)).toHaveLength(5);
    expect([a.sum, a.divisor, a.result]).toEqual([4, 9, 4 / 9]);
    const b = poolStep(ones, exclude, 0);
    expect([b.sum, b.divisor, b.result]).toEqual([4, 4, 1]);
    // An edge window (top middle) reads 6 values: 6/9 vs 1; the centre window reads 9 either way.
    expect([poolStep(ones, include, 1).divisor, poolStep(ones, include, 1).result]).toEqual([9, 6 / 9]);
    expect([poolStep(ones, exclude, 1).divisor, poolStep(ones, exclude, 1).result]).toEqual([6, 1]);
    expect([poolStep(ones, include, 4).divisor, poolStep(ones, exclude, 4).divisor]).toEqual([9, 9]);
    expect(avgPool2d(ones, { kernel: 3, stride: 2, padding: 1 }).data[0]).toBeCloseTo(4 / 9, 6);
    expect(avgPool2d(ones, { kernel: 3, stride: 2, padding: 1, countIncludePad: false }).data[0]).toBeCloseTo(
      1,
      6,
    );
  });

  it('in ceil mode a window overhangs the input and the overhang never counts, even with countIncludePad', () => {
    const ones = tensor([1, 1, 5, 5], new Array(25).fill(1));
    const opts: PoolTraceOptions = { kind: 'avg', kernel: 2, ceilMode: true };
    expect(poolStepCount(ones.shape, opts)).toBe(9);
    expect(poolStepCount(ones.shape, { ...opts, ceilMode: false })).toBe(4);
    const corner = poolStep(ones, opts, 8);
    expect(corner.window).toEqual({ top: 4, left: 4, height: 2, width: 2 });
    expect(corner.taps.map((t) => t.overhang)).toEqual([false, true, true, true]);
    expect([corner.divisor, corner.result]).toEqual([1, 1]);
    expect([poolStep(ones, opts, 2).divisor, poolStep(ones, opts, 2).result]).toEqual([2, 1]);
  });

  it('in ceil mode a window that would start in the trailing padding is dropped (5 wide, kernel 2, stride 2, pad 1 → 3, not 4)', () => {
    const opts: PoolTraceOptions = { kind: 'max', kernel: 2, stride: 2, padding: 1, ceilMode: true };
    expect(poolStepCount([1, 1, 5, 5], opts)).toBe(9);
    expect(poolStepCount([1, 1, 4, 4], opts)).toBe(9);
    expect(poolStepCount([1, 1, 4, 4], { ...opts, ceilMode: false })).toBe(9);
    expect(poolStepCount([1, 1, 6, 6], opts)).toBe(16);
  });

  it('argmax is the first maximum in row-major window order, and padding never wins', () => {
    const ties = tensor([1, 1, 2, 2], [3, 7, 7, 1]);
    const s = poolStep(ties, { kind: 'max', kernel: 2 }, 0);
    expect([s.argmax, s.result]).toEqual([1, 7]);
    const flat = tensor([1, 1, 2, 2], [5, 5, 5, 5]);
    expect(poolStep(flat, { kind: 'max', kernel: 2 }, 0).argmax).toBe(0);
    // All values negative: the −∞ padding loses. Window (0,0) with pad 1 covers padding and x[0][0].
    const neg = tensor([1, 1, 2, 2], [-4, -2, -3, -1]);
    const p = poolStep(neg, { kind: 'max', kernel: 2, stride: 1, padding: 1 }, 0);
    expect(p.taps.map((t) => t.x)).toEqual([-Infinity, -Infinity, -Infinity, -4]);
    expect([p.argmax, p.result]).toEqual([3, -4]);
  });

  it('a dilated max-pool window that holds only padding gives −∞ and argmax −1', () => {
    // H = W = 2, kernel 2, dilation 3, padding 1: the single window reads padded rows/cols 0 and 3.
    const input = tensor([1, 1, 2, 2], [1, 2, 3, 4]);
    const opts: PoolTraceOptions = { kind: 'max', kernel: 2, dilation: 3, padding: 1 };
    expect(poolStepCount(input.shape, opts)).toBe(1);
    const s = poolStep(input, opts, 0);
    expect(s.taps.every((t) => t.padded)).toBe(true);
    expect([s.argmax, s.result]).toEqual([-1, -Infinity]);
    expect(maxPool2d(input, { kernel: 2, dilation: 3, padding: 1 }).data[0]).toBe(-Infinity);
  });

  it('reads only the values of its window (direct access)', () => {
    const input = tensor(
      [2, 3, 64, 64],
      Array.from({ length: 2 * 3 * 64 * 64 }, (_, i) => (i * 7919) % 13),
    );
    let reads = 0;
    const counted = new Proxy(input.data, {
      get(target, prop) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop);
      },
    });
    const opts: PoolTraceOptions = { kind: 'max', kernel: 3, stride: 2, padding: 1 };
    const total = poolStepCount(input.shape, opts);
    const s = poolStep({ shape: input.shape, data: counted }, opts, total - 1);
    expect([s.n, s.c, s.oh, s.ow]).toEqual([1, 2, 31, 31]);
    expect(reads).toBe(s.taps.filter((t) => !t.padded).length);
    expect(s.result).toBe(maxPool2d(input, { kernel: 3, stride: 2, padding: 1 }).data[total - 1]);
  });
});

describe('pooling trace arguments', () => {
  const input = tensor([1, 1, 5, 5]);

  it('stride defaults to the kernel', () => {
    expect(poolStepCount([1, 1, 6, 6], { kind: 'max', kernel: [2, 3] })).toBe(3 * 2);
    expect(poolStep(input, { kind: 'avg', kernel: 2 }, 3).window).toEqual({
      top: 2,
      left: 2,
      height: 2,
      width: 2,
    });
  });

  it('reject padding larger than half the kernel, dilation for average pooling and a bad kind', () => {
    expect(() => poolStepCount([1, 1, 5, 5], { kind: 'max', kernel: 3, padding: 2 })).toThrow(
      /padding = 2 is not valid: expected at most half the kernel size/,
    );
    expect(() => poolStepCount([1, 1, 5, 5], { kind: 'max', kernel: 2, padding: [0, 0, 0, 2] })).toThrow(
      /padding/,
    );
    expect(() => poolStepCount([1, 1, 5, 5], { kind: 'avg', kernel: 2, dilation: 2 })).toThrow(
      /dilation = 2/,
    );
    expect(() => poolStepCount([1, 1, 5, 5], { kind: 'min' as 'max', kernel: 2 })).toThrow(/kind = "min"/);
    expect(() => poolStepCount([1, 1, 5, 5], { kind: 'max' } as PoolTraceOptions)).toThrow(
      /kernel = undefined/,
    );
  });

  it('reject a window larger than the padded input, bad flags and out-of-range indices', () => {
    expect(() => poolStepCount([1, 1, 2, 2], { kind: 'max', kernel: 3 })).toThrow(/kernel = 3/);
    expect(() =>
      poolStepCount([1, 1, 5, 5], { kind: 'max', kernel: 2, ceilMode: 1 as unknown as boolean }),
    ).toThrow(/ceilMode = 1/);
    expect(() => poolStepCount([1, 1, 5, 5], { kind: 'max', kernel: 0 })).toThrow(EngineError);
    expect(() => poolStep(input, { kind: 'max', kernel: 2 }, 4)).toThrow(
      /index = 4 is not valid: expected a whole number from 0 to 3/,
    );
    expect(() => poolStep(input, { kind: 'max', kernel: 2 }, 0.5)).toThrow(EngineError);
    const bad = tensor([1, 1, 5, 5]);
    bad.data[6] = NaN;
    expect(() => poolStep(bad, { kind: 'max', kernel: 2 }, 0)).toThrow(/input\.data\[6\] = NaN/);
  });
});
