import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fixtureCases, seededSteps, filledTensor } from '../helpers/reference';
import { conv2d } from '../../src/engine/conv';
import { EngineError } from '../../src/engine/errors';
import { pad4, type Padding } from '../../src/engine/params';
import { tensor, type Tensor } from '../../src/engine/tensor';
import {
  convStep,
  convStepAt,
  convStepCount,
  convStepIndex,
  inputsForWeight,
  outputsFedBy,
  type ConvTraceOptions,
} from '../../src/engine/trace';


// ---------------------------------------------------------------------------------------------
// Independent references and helpers, deliberately naive.

const seeded = (seed: number) => seededSteps(seed, 5, 4);

const randomTensor = filledTensor;

/**
 * Naive convolution: materializes the zero-padded input as nested arrays, then slides each filter
 * over it. Returns [n][oc][oh][ow] in float64.
 */
function referenceConv(
  input: Tensor,
  weight: Tensor,
  bias: number[] | null,
  opts: ConvTraceOptions,
): number[][][][] {
  const [N, C, H, W] = input.shape as [number, number, number, number];
  const [Co, Cg, KH, KW] = weight.shape as [number, number, number, number];
  const p = pad4(opts.padding);
  const [sh, sw] = typeof opts.stride === 'number' ? [opts.stride, opts.stride] : (opts.stride ?? [1, 1]);
  const [dh, dw] =
    typeof opts.dilation === 'number' ? [opts.dilation, opts.dilation] : (opts.dilation ?? [1, 1]);
  const G = opts.groups ?? 1;
  const PH = H + p.top + p.bottom;
  const PW = W + p.left + p.right;
  const padded: number[][][][] = [];
  for (let n = 0; n < N; n++) {
    padded.push([]);
    for (let c = 0; c < C; c++) {
      const plane: number[][] = [];
      for (let y = 0; y < PH; y++) {
        const row: number[] = [];
        for (let x = 0; x < PW; x++) {
          const iy = y - p.top;
          const ix = x - p.left;
          row.push(iy >= 0 && iy < H && ix >= 0 && ix < W ? input.data[((n * C + c) * H + iy) * W + ix]! : 0);
        }
        plane.push(row);
      }
      padded[n]!.push(plane);
    }
  }
  const OH = Math.floor((PH - dh * (KH - 1) - 1) / sh) + 1;
  const OW = Math.floor((PW - dw * (KW - 1) - 1) / sw) + 1;
  const out: number[][][][] = [];
  for (let n = 0; n < N; n++) {
    out.push([]);
    for (let oc = 0; oc < Co; oc++) {
      const g = Math.floor(oc / (Co / G));
      const plane: number[][] = [];
      for (let oh = 0; oh < OH; oh++) {
        const row: number[] = [];
        for (let ow = 0; ow < OW; ow++) {
          let s = bias ? bias[oc]! : 0;
          for (let j = 0; j < Cg; j++) {
            for (let a = 0; a < KH; a++) {
              for (let b = 0; b < KW; b++) {
                s +=
                  padded[n]![g * Cg + j]![oh * sh + a * dh]![ow * sw + b * dw]! *
                  weight.data[((oc * Cg + j) * KH + a) * KW + b]!;
              }
            }
          }
          row.push(s);
        }
        plane.push(row);
      }
      out[n]!.push(plane);
    }
  }
  return out;
}

function close(a: number, e: number, tol = 1e-4): boolean {
  return Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
}

/** A random, valid convolution configuration. */
const convCase = fc
  .record({
    n: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    cinG: fc.integer({ min: 1, max: 2 }),
    coutG: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 1, max: 7 }),
    w: fc.integer({ min: 1, max: 7 }),
    kh: fc.integer({ min: 1, max: 3 }),
    kw: fc.integer({ min: 1, max: 3 }),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    pads: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)),
    padForm: fc.constantFrom('n', 'hw', 'tblr'),
    bias: fc.boolean(),
    seed: fc.integer(),
  })
  .map((r) => {
    const padding: Padding =
      r.padForm === 'n'
        ? r.pads[0]
        : r.padForm === 'hw'
          ? [r.pads[0], r.pads[1]]
          : [r.pads[0], r.pads[1], r.pads[2], r.pads[3]];
    const opts: ConvTraceOptions = { stride: r.stride, dilation: r.dilation, padding, groups: r.groups };
    const next = seeded(r.seed);
    const input = randomTensor([r.n, r.cinG * r.groups, r.h, r.w], next);
    const weight = randomTensor([r.coutG * r.groups, r.cinG, r.kh, r.kw], next);
    const bias = r.bias ? Array.from({ length: r.coutG * r.groups }, next) : null;
    return { input, weight, bias, opts };
  })
  .filter(({ input, weight, opts }) => {
    const p = pad4(opts.padding);
    const [dh, dw] = opts.dilation as [number, number];
    return (
      dh * (weight.shape[2]! - 1) + 1 <= input.shape[2]! + p.top + p.bottom &&
      dw * (weight.shape[3]! - 1) + 1 <= input.shape[3]! + p.left + p.right
    );
  });

function outputDims(input: Tensor, weight: Tensor, opts: ConvTraceOptions): [number, number, number, number] {
  const total = convStepCount(input.shape, weight.shape, opts);
  const last = convStepAt(total - 1, input.shape, weight.shape, opts);
  return [input.shape[0]!, weight.shape[0]!, last.oh + 1, last.ow + 1];
}

// ---------------------------------------------------------------------------------------------

describe('convStep', () => {
  it("every step's result equals conv2d's output and a naive padded-array reference at that cell", () => {
    fc.assert(
      fc.property(convCase, ({ input, weight, bias, opts }) => {
        const whole = conv2d(input, weight, bias ?? undefined, opts);
        const ref = referenceConv(input, weight, bias, opts);
        const [, Co, OH, OW] = outputDims(input, weight, opts);
        expect(whole.shape).toEqual(outputDims(input, weight, opts));
        const total = convStepCount(input.shape, weight.shape, opts);
        for (let i = 0; i < total; i++) {
          const s = convStep(input, weight, bias, opts, i);
          const flat = ((s.n * Co + s.oc) * OH + s.oh) * OW + s.ow;
          expect(close(s.result, whole.data[flat]!)).toBe(true);
          expect(close(s.result, ref[s.n]![s.oc]![s.oh]![s.ow]!, 1e-9)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('Σ products + bias = result, per-channel sums add up, and padded taps read x = 0', () => {
    fc.assert(
      fc.property(convCase, ({ input, weight, bias, opts }) => {
        const p = pad4(opts.padding);
        const [sh, sw] = opts.stride as [number, number];
        const [dh, dw] = opts.dilation as [number, number];
        const [N, C, H, W] = input.shape as [number, number, number, number];
        const [, Cg, KH, KW] = weight.shape as [number, number, number, number];
        const total = convStepCount(input.shape, weight.shape, opts);
        for (let i = 0; i < total; i++) {
          const s = convStep(input, weight, bias, opts, i);
          expect(s.index).toBe(i);
          expect(s.total).toBe(total);
          expect(s.n).toBeLessThan(N);
          // The window is in padded coordinates and covers the dilated kernel.
          expect(s.window).toEqual({
            top: s.oh * sh,
            left: s.ow * sw,
            height: dh * (KH - 1) + 1,
            width: dw * (KW - 1) + 1,
          });
          expect(s.channels).toEqual(Array.from({ length: Cg }, (_, j) => s.group * Cg + j));
          // The taps, rebuilt from their definition: channel-major, then kh, then kw.
          const expected = [];
          for (let j = 0; j < Cg; j++)
            for (let kh = 0; kh < KH; kh++)
              for (let kw = 0; kw < KW; kw++) {
                const ph = s.window.top + kh * dh;
                const pw = s.window.left + kw * dw;
                const [ih, iw] = [ph - p.top, pw - p.left];
                const padded = ih < 0 || ih >= H || iw < 0 || iw >= W;
                const x = padded ? 0 : input.data[((s.n * C + s.group * Cg + j) * H + ih) * W + iw]!;
                const w = weight.data[((s.oc * Cg + j) * KH + kh) * KW + kw]!;
                expected.push({
                  c: s.group * Cg + j,
                  wc: j,
                  kh,
                  kw,
                  ih,
                  iw,
                  ph,
                  pw,
                  padded,
                  x,
                  w,
                  product: padded ? 0 : x * w,
                });
              }
          expect(s.taps).toEqual(expected);
          expect(s.taps.every((t) => t.padded === (t.ih < 0 || t.ih >= H || t.iw < 0 || t.iw >= W))).toBe(
            true,
          );
          expect(s.taps.filter((t) => t.padded).every((t) => t.x === 0 && t.product === 0)).toBe(true);
          const sum = s.taps.reduce((a, t) => a + t.product, 0);
          expect(s.bias).toBe(bias ? Math.fround(bias[s.oc]!) : 0);
          expect(close(sum + s.bias, s.result, 1e-12)).toBe(true);
          const perChannel = s.channels.map((c) =>
            s.taps.filter((t) => t.c === c).reduce((a, t) => a + t.product, 0),
          );
          perChannel.forEach((v, j) => expect(close(v, s.channelSums[j]!, 1e-12)).toBe(true));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('matches every conv2d case of the conformance fixtures, step by step', () => {
    const cases = fixtureCases.filter((c) => c.op === 'conv2d');
    expect(cases.length).toBeGreaterThan(5);
    for (const fx of cases) {
      const ins = fx.inputs;
      const input = tensor(ins.input!.shape, ins.input!.data);
      const weight = tensor(ins.weight!.shape, ins.weight!.data);
      const bias = ins.bias ? ins.bias.data : null;
      const opts = fx.params as ConvTraceOptions;
      const expected = fx.expected.output!;
      const total = convStepCount(input.shape, weight.shape, opts);
      expect(total, fx.id).toBe(expected.data.length);
      for (let i = 0; i < total; i++) {
        // Steps are in (n, oc, oh, ow) order, which is the output's NCHW order.
        expect(
          close(convStep(input, weight, bias, opts, i).result, expected.data[i]!, fx.tolerance),
          `${fx.id} step ${i}`,
        ).toBe(true);
      }
    }
  });

  it('works a 3×3 input through a 2×2 filter by hand', () => {
    // input [[1,2,3],[4,5,6],[7,8,9]], filter [[1,0],[0,−1]], bias 0.5: step 0 = 1·1 + 5·(−1) + 0.5 = −3.5.
    const input = tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const weight = tensor([1, 1, 2, 2], [1, 0, 0, -1]);
    const s = convStep(input, weight, [0.5], undefined, 0);
    expect(s.taps.map((t) => t.product)).toEqual([1, 0, 0, -5]);
    expect(s.channelSums).toEqual([-4]);
    expect(s.result).toBe(-3.5);
    const last = convStep(input, weight, [0.5], undefined, 3);
    expect([last.oh, last.ow]).toEqual([1, 1]);
    expect(last.result).toBe(5 - 9 + 0.5);
  });

  it('lecture example: 3×5×5 input, padding 1, two 3×3×3 filters, stride 2 gives 18 steps; step 0 reads padding on its first row and column', () => {
    const fx = fixtureCases.find((c) => c.id === 'conv-cs231n-demo')!;
    const ins = fx.inputs;
    const input = tensor(ins.input!.shape, ins.input!.data);
    const weight = tensor(ins.weight!.shape, ins.weight!.data);
    const opts: ConvTraceOptions = { stride: 2, padding: 1 };
    expect(input.shape).toEqual([1, 3, 5, 5]);
    expect(weight.shape).toEqual([2, 3, 3, 3]);
    expect(convStepCount(input.shape, weight.shape, opts)).toBe(18);
    const s = convStep(input, weight, ins.bias!.data, opts, 0);
    expect(s.window).toEqual({ top: 0, left: 0, height: 3, width: 3 });
    expect(s.channels).toEqual([0, 1, 2]);
    expect(s.taps).toHaveLength(27);
    for (const t of s.taps) {
      expect(t.padded).toBe(t.kh === 0 || t.kw === 0);
      if (t.padded) expect(t.x).toBe(0);
    }
    expect(s.taps.filter((t) => t.padded)).toHaveLength(3 * 5);
    // The last step of the second filter covers the bottom-right 3×3 of the 7×7 padded input.
    const last = convStep(input, weight, ins.bias!.data, opts, 17);
    expect([last.oc, last.oh, last.ow]).toEqual([1, 2, 2]);
    expect(last.window).toEqual({ top: 4, left: 4, height: 3, width: 3 });
    expect(last.taps.filter((t) => t.padded).map((t) => [t.kh, t.kw])).toContainEqual([2, 2]);
  });

  it('a grouped convolution reads only its group, and bias is added once', () => {
    // Depthwise: 2 channels, groups 2, 1×1 filters [2] and [3], bias [10, 20].
    const input = tensor([1, 2, 1, 2], [1, 2, 3, 4]);
    const weight = tensor([2, 1, 1, 1], [2, 3]);
    const opts = { groups: 2 };
    const s = convStep(input, weight, [10, 20], opts, 3);
    expect([s.oc, s.oh, s.ow, s.group]).toEqual([1, 0, 1, 1]);
    expect(s.channels).toEqual([1]);
    expect(s.taps.map((t) => [t.c, t.wc, t.x, t.w])).toEqual([[1, 0, 4, 3]]);
    expect(s.result).toBe(4 * 3 + 20);
  });
});

describe('convStep is direct access', () => {
  const input = randomTensor([1, 3, 128, 128], seeded(7));
  const weight = randomTensor([8, 3, 3, 3], seeded(8));
  const opts = { padding: 1 };

  it('the last step of [1,3,128,128] ⊛ [8,3,3,3] reads only the 27 input values of its window', () => {
    let reads = 0;
    const counted = new Proxy(input.data, {
      get(target, prop) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop);
      },
    });
    const total = convStepCount(input.shape, weight.shape, opts);
    expect(total).toBe(8 * 128 * 128);
    const s = convStep({ shape: input.shape, data: counted }, weight, null, opts, total - 1);
    expect([s.oc, s.oh, s.ow]).toEqual([7, 127, 127]);
    expect(s.taps).toHaveLength(3 * 3 * 3);
    // Its window hangs over the bottom-right padding: 3·5 taps read padding, the rest real values.
    expect(reads).toBe(s.taps.filter((t) => !t.padded).length);
    expect(reads).toBeLessThanOrEqual(27);
  });

  it('the last step takes far less time than a whole conv2d of the same shapes', () => {
    const total = convStepCount(input.shape, weight.shape, opts);
    const time = (f: () => void, reps: number) => {
      let best = Infinity;
      for (let r = 0; r < 5; r++) {
        const t0 = performance.now();
        for (let i = 0; i < reps; i++) f();
        best = Math.min(best, (performance.now() - t0) / reps);
      }
      return best;
    };
    const whole = time(() => conv2d(input, weight, undefined, opts), 1);
    const step = time(() => convStep(input, weight, null, opts, total - 1), 50);
    // A step touches 27 of 3.5 million multiply-adds (a ratio of ~100 000); replaying the steps before
    // it would cost at least a whole convolution. A factor of 10 leaves ample room for timing noise.
    expect(step * 10).toBeLessThan(whole);
    expect(convStep(input, weight, null, opts, total - 1).result).toBeCloseTo(
      conv2d(input, weight, undefined, opts).data[total - 1]!,
      4,
    );
  });
});

describe('convStepAt and convStepIndex', () => {
  it('are inverse bijections in (n, oc, oh, ow) order', () => {
    fc.assert(
      fc.property(convCase, ({ input, weight, opts }) => {
        const [N, Co, OH, OW] = outputDims(input, weight, opts);
        const total = convStepCount(input.shape, weight.shape, opts);
        expect(total).toBe(N * Co * OH * OW);
        let i = 0;
        for (let n = 0; n < N; n++)
          for (let oc = 0; oc < Co; oc++)
            for (let oh = 0; oh < OH; oh++)
              for (let ow = 0; ow < OW; ow++) {
                expect(convStepIndex(n, oc, oh, ow, input.shape, weight.shape, opts)).toBe(i);
                expect(convStepAt(i, input.shape, weight.shape, opts)).toEqual({ n, oc, oh, ow });
                i++;
              }
      }),
      { numRuns: 50 },
    );
  });

  it('reject indices and coordinates outside the output with an EngineError', () => {
    const shapes: [number[], number[]] = [
      [1, 1, 4, 4],
      [1, 1, 3, 3],
    ];
    expect(convStepCount(...shapes)).toBe(4);
    for (const bad of [-1, 4, 1.5, NaN]) {
      expect(() => convStepAt(bad, ...shapes)).toThrow(EngineError);
    }
    expect(() => convStepIndex(0, 0, 2, 0, ...shapes)).toThrow(/oh = 2/);
    expect(() => convStepIndex(0, 1, 0, 0, ...shapes)).toThrow(/oc = 1/);
  });
});

describe('outputsFedBy and inputsForWeight', () => {
  it('agree with the taps of every step (brute force over all steps of sample 0)', () => {
    fc.assert(
      fc.property(convCase, ({ input, weight, opts }) => {
        const [, C, H, W] = input.shape as [number, number, number, number];
        const [Co, Cg, KH, KW] = weight.shape as [number, number, number, number];
        const [, , OH, OW] = outputDims(input, weight, opts);
        const fed = new Map<string, string[]>();
        const uses = new Map<string, string[]>();
        for (let i = 0; i < Co * OH * OW; i++) {
          const s = convStep(input, weight, null, opts, i);
          for (const t of s.taps) {
            if (!t.padded) {
              const k = `${t.c},${t.ih},${t.iw}`;
              fed.set(k, [...(fed.get(k) ?? []), `${s.oc},${s.oh},${s.ow},${t.kh},${t.kw},${i}`]);
            }
            const k = `${s.oc},${t.c},${t.kh},${t.kw}`;
            uses.set(k, [...(uses.get(k) ?? []), `${s.oh},${s.ow},${t.ih},${t.iw},${t.padded},${i}`]);
          }
        }
        for (let c = 0; c < C; c++)
          for (let ih = 0; ih < H; ih++)
            for (let iw = 0; iw < W; iw++) {
              const got = outputsFedBy(input.shape, weight.shape, opts, c, ih, iw).map(
                (f) => `${f.oc},${f.oh},${f.ow},${f.kh},${f.kw},${f.index}`,
              );
              // Same entries, and in step order.
              expect(got).toEqual(fed.get(`${c},${ih},${iw}`) ?? []);
            }
        for (let oc = 0; oc < Co; oc++) {
          const g = Math.floor(oc / (Co / (opts.groups ?? 1)));
          for (let j = 0; j < Cg; j++)
            for (let kh = 0; kh < KH; kh++)
              for (let kw = 0; kw < KW; kw++) {
                const got = inputsForWeight(input.shape, weight.shape, opts, oc, g * Cg + j, kh, kw).map(
                  (u) => `${u.oh},${u.ow},${u.ih},${u.iw},${u.padded},${u.index}`,
                );
                expect(got).toHaveLength(OH * OW);
                expect(got).toEqual(uses.get(`${oc},${g * Cg + j},${kh},${kw}`));
              }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('the centre of a 5×5 input feeds one output of a padded 3×3 filter with stride 2, and nine with stride 1', () => {
    const fed = outputsFedBy([1, 1, 5, 5], [1, 1, 3, 3], { padding: 1, stride: 2 }, 0, 2, 2);
    // Stride 2: output rows/cols 0..2 start at padded 0, 2, 4; padded row 3 is kernel row 1 of output row 1.
    expect(fed).toEqual([{ oc: 0, oh: 1, ow: 1, kh: 1, kw: 1, index: 4 }]);
    const all = outputsFedBy([1, 1, 5, 5], [1, 1, 3, 3], { padding: 1 }, 0, 2, 2);
    expect(all.map((f) => [f.oh, f.ow, f.kh, f.kw])).toEqual([
      [1, 1, 2, 2],
      [1, 2, 2, 1],
      [1, 3, 2, 0],
      [2, 1, 1, 2],
      [2, 2, 1, 1],
      [2, 3, 1, 0],
      [3, 1, 0, 2],
      [3, 2, 0, 1],
      [3, 3, 0, 0],
    ]);
  });

  it('reject cells outside the input and channels outside the filter’s group', () => {
    expect(() => outputsFedBy([1, 2, 4, 4], [2, 1, 3, 3], { groups: 2 }, 0, 4, 0)).toThrow(EngineError);
    expect(() => outputsFedBy([1, 2, 4, 4], [2, 1, 3, 3], { groups: 2 }, 2, 0, 0)).toThrow(/c = 2/);
    expect(() => inputsForWeight([1, 2, 4, 4], [2, 1, 3, 3], { groups: 2 }, 1, 0, 0, 0)).toThrow(
      /group 1: 1 to 1/,
    );
    expect(() => inputsForWeight([1, 2, 4, 4], [2, 1, 3, 3], { groups: 2 }, 1, 1, 3, 0)).toThrow(/kh = 3/);
    expect(inputsForWeight([1, 2, 4, 4], [2, 1, 3, 3], { groups: 2 }, 1, 1, 2, 2)).toHaveLength(4);
  });
});

describe('convolution trace arguments', () => {
  const input = tensor([1, 4, 5, 5]);
  const weight = tensor([2, 2, 3, 3]);

  it('reject groups that do not divide the channels, or a weight that does not match them', () => {
    expect(() => convStepCount([1, 4, 5, 5], [2, 4, 3, 3], { groups: 3 })).toThrow(
      /groups = 3 is not valid: expected a divisor of the input channels \(4\)/,
    );
    expect(() => convStepCount([1, 4, 5, 5], [3, 2, 3, 3], { groups: 2 })).toThrow(
      /divisor of the output channels/,
    );
    expect(() => convStepCount([1, 4, 5, 5], [2, 2, 3, 3])).toThrow(/weight\.shape\[1\] = 2/);
    expect(() => convStepCount([1, 4, 5, 5], [2, 2, 3, 3], { groups: 0 })).toThrow(/groups = 0/);
    expect(convStepCount([1, 4, 5, 5], [2, 2, 3, 3], { groups: 2 })).toBe(2 * 3 * 3);
  });

  it('reject a kernel larger than the padded input, bad shapes and bad hyper-parameters', () => {
    expect(() => convStepCount([1, 1, 2, 2], [1, 1, 3, 3])).toThrow(/weight\.shape\[2\]/);
    expect(() => convStepCount([1, 1, 5, 5], [1, 1, 3, 3], { dilation: 3 })).toThrow(/dilated height \(7\)/);
    expect(() => convStepCount([1, 1, 5], [1, 1, 3, 3])).toThrow(/input\.shape/);
    expect(() => convStepCount([1, 1, 5, 0], [1, 1, 3, 3])).toThrow(/input\.shape\[3\] = 0/);
    expect(() => convStepCount([1, 1, 5, 5], [1, 1, 3, 3], { stride: 0 })).toThrow(/stride/);
    expect(() => convStepCount([1, 1, 5, 5], [1, 1, 3, 3], { padding: -1 })).toThrow(/padding/);
    expect(convStepCount([1, 1, 2, 2], [1, 1, 3, 3], { padding: [1, 0, 1, 0] })).toBe(1);
  });

  it('reject an out-of-range index, a wrong bias length and non-finite values read by the step', () => {
    const opts = { groups: 2 };
    expect(() => convStep(input, weight, null, opts, 18)).toThrow(
      /index = 18 is not valid: expected a whole number from 0 to 17/,
    );
    expect(() => convStep(input, weight, null, opts, -1)).toThrow(EngineError);
    expect(() => convStep(input, weight, [1, 2, 3], opts, 0)).toThrow(/bias\.length = 3/);
    const bad = tensor([1, 4, 5, 5]);
    bad.data[0] = NaN;
    expect(() => convStep(bad, weight, null, opts, 0)).toThrow(/input\.data\[0\] = NaN/);
    const badW = tensor([2, 2, 3, 3]);
    badW.data[9] = Infinity;
    expect(() => convStep(input, badW, null, opts, 0)).toThrow(/weight\.data\[9\] = Infinity/);
    expect(() => convStep({ shape: [1, 4, 5, 5], data: new Float32Array(3) }, weight, null, opts, 0)).toThrow(
      /input\.data\.length/,
    );
  });
});
