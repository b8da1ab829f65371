import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { conv2d, convTranspose2d } from '../../src/engine/conv';
import { EngineError } from '../../src/engine/errors';
import type { Tensor } from '../../src/engine/tensor';

/** Seeded uniform values in [−1, 1) (an LCG: deterministic, independent of the engine). */
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
    if (Math.abs(actual[i]! - e) > tol * Math.max(1, Math.abs(e))) {
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
    expect((e as EngineError).message).toContain(field);
    return;
  }
  expect.fail(`expected an EngineError for ${field}`);
}

interface RefOpts {
  stride: [number, number];
  pad: [number, number, number, number]; // top, bottom, left, right
  dilation: [number, number];
  groups: number;
}

/** Deliberately naive conv2d: PyTorch's definition, one output value at a time, in float64. */
function naiveConv(
  x: Tensor,
  w: Tensor,
  bias: Float32Array | null,
  o: RefOpts,
): { shape: number[]; data: number[] } {
  const [n, c, h, wd] = x.shape as [number, number, number, number];
  const [co, cg, kh, kw] = w.shape as [number, number, number, number];
  const [pt, pb, pl, pr] = o.pad;
  const ho = Math.floor((h + pt + pb - o.dilation[0] * (kh - 1) - 1) / o.stride[0]) + 1;
  const wo = Math.floor((wd + pl + pr - o.dilation[1] * (kw - 1) - 1) / o.stride[1]) + 1;
  const og = co / o.groups;
  const data: number[] = [];
  for (let b = 0; b < n; b++)
    for (let m = 0; m < co; m++)
      for (let oy = 0; oy < ho; oy++)
        for (let ox = 0; ox < wo; ox++) {
          let s = bias ? bias[m]! : 0;
          const g = Math.floor(m / og);
          for (let ci = 0; ci < cg; ci++)
            for (let ky = 0; ky < kh; ky++)
              for (let kx = 0; kx < kw; kx++) {
                const iy = oy * o.stride[0] - pt + ky * o.dilation[0];
                const ix = ox * o.stride[1] - pl + kx * o.dilation[1];
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                const xv = x.data[((b * c + g * cg + ci) * h + iy) * wd + ix]!;
                s += xv * w.data[((m * cg + ci) * kh + ky) * kw + kx]!;
              }
          data.push(s);
        }
  return { shape: [n, co, ho, wo], data };
}

/** Deliberately naive transposed convolution: every input value scatters its weighted kernel. */
function naiveConvT(
  x: Tensor,
  w: Tensor,
  bias: Float32Array | null,
  o: RefOpts & { outputPadding: [number, number] },
): { shape: number[]; data: number[] } {
  const [n, cin, h, wd] = x.shape as [number, number, number, number];
  const [, og, kh, kw] = w.shape as [number, number, number, number];
  const [pt, pb, pl, pr] = o.pad;
  const cout = og * o.groups;
  const cg = cin / o.groups;
  const ho = (h - 1) * o.stride[0] - pt - pb + o.dilation[0] * (kh - 1) + o.outputPadding[0] + 1;
  const wo = (wd - 1) * o.stride[1] - pl - pr + o.dilation[1] * (kw - 1) + o.outputPadding[1] + 1;
  const data = new Array<number>(n * cout * ho * wo).fill(0);
  for (let b = 0; b < n; b++)
    for (let ci = 0; ci < cin; ci++)
      for (let iy = 0; iy < h; iy++)
        for (let ix = 0; ix < wd; ix++) {
          const g = Math.floor(ci / cg);
          const v = x.data[((b * cin + ci) * h + iy) * wd + ix]!;
          for (let j = 0; j < og; j++)
            for (let ky = 0; ky < kh; ky++)
              for (let kx = 0; kx < kw; kx++) {
                const oy = iy * o.stride[0] - pt + ky * o.dilation[0];
                const ox = ix * o.stride[1] - pl + kx * o.dilation[1];
                if (oy < 0 || oy >= ho || ox < 0 || ox >= wo) continue;
                data[((b * cout + g * og + j) * ho + oy) * wo + ox]! +=
                  v * w.data[((ci * og + j) * kh + ky) * kw + kx]!;
              }
        }
  if (bias) for (let i = 0; i < data.length; i++) data[i]! += bias[Math.floor(i / (ho * wo)) % cout]!;
  return { shape: [n, cout, ho, wo], data };
}

// A 4×4 image and an "X"-shaped 3×3 kernel, worked by hand in the comments below.
const IMAGE = t([1, 1, 4, 4], [1, 2, 0, 1, 0, 1, 3, 1, 2, 1, 0, 0, 1, 0, 2, 3]);
const X_KERNEL = t([1, 1, 3, 3], [1, 0, 1, 0, 1, 0, 1, 0, 1]);

describe('conv2d on hand-worked examples', () => {
  it('a 3×3 kernel over a 4×4 single-channel image gives the 2×2 map of window sums', () => {
    // (0,0): corners 1+0+2+0 + centre 1 = 4; (0,1): 2+1+1+0 + 3 = 7; (1,0): 0+3+1+2 + 1 = 7; (1,1): 1+1+0+3 + 0 = 5
    const y = conv2d(IMAGE, X_KERNEL);
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([4, 7, 7, 5]);
  });

  it('the bias is added to every output of its filter', () => {
    expect(Array.from(conv2d(IMAGE, X_KERNEL, [1]).data)).toEqual([5, 8, 8, 6]);
  });

  it('padding 1 keeps the 4×4 size, and the corner sees only the centre tap and one inner corner', () => {
    const y = conv2d(IMAGE, X_KERNEL, null, { padding: 1 });
    expect(y.shape).toEqual([1, 1, 4, 4]);
    expect(y.data[0]).toBe(2); // centre (0,0)=1 + corner (1,1)=1
    expect(y.data[5]).toBe(4); // the unpadded (0,0) window
  });

  it('conv2d with stride 2 and padding 1 gives a 2×2 map', () => {
    // windows centred on (0,0), (0,2), (2,0), (2,2): 1+0+0+0+1, 0+0+0+1+1, 2+0+1+0+0, 0+1+1+0+3
    const y = conv2d(IMAGE, X_KERNEL, null, { stride: 2, padding: 1 });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([2, 2, 3, 5]);
  });

  it('dilation 2 spreads a 2×2 kernel over a 3×3 area', () => {
    const y = conv2d(IMAGE, t([1, 1, 2, 2], [1, 1, 1, 1]), null, { dilation: 2 });
    // taps (0,0),(0,2),(2,0),(2,2) → 1+0+2+0 = 3; shifted right: 2+1+1+0 = 4; down: 0+3+1+2 = 6; both: 1+1+0+3 = 5
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([3, 4, 6, 5]);
  });

  it('a 32×32×3 image with six 5×5×3 filters gives a 6×28×28 volume, each value a 75-term dot product', () => {
    const x = randT([1, 3, 32, 32], 1);
    const w = randT([6, 3, 5, 5], 2);
    const b = rand(6, 3);
    const y = conv2d(x, w, b);
    expect(y.shape).toEqual([1, 6, 28, 28]);
    // filter 4 at output row 10, column 17
    let dot = b[4]!;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 5; j++)
          dot += x.data[c * 1024 + (10 + i) * 32 + 17 + j]! * w.data[((4 * 3 + c) * 5 + i) * 5 + j]!;
    expectClose([y.data[4 * 784 + 10 * 28 + 17]!], [dot]);
  });

  it('a 1×1 convolution mixes channels: each pixel is the weighted sum of its channels', () => {
    const x = randT([1, 4, 3, 5], 4);
    const w = t([2, 4, 1, 1], [1, -2, 0.5, 3, 0, 1, 1, -1]);
    const y = conv2d(x, w);
    expect(y.shape).toEqual([1, 2, 3, 5]);
    const want: number[] = [];
    for (let o = 0; o < 2; o++)
      for (let p = 0; p < 15; p++) {
        let s = 0;
        for (let c = 0; c < 4; c++) s += w.data[o * 4 + c]! * x.data[c * 15 + p]!;
        want.push(s);
      }
    expectClose(y.data, want);
  });

  it('a filter as large as the image gives one score per filter: the dot product of the flattened image and filter', () => {
    const x = randT([1, 3, 8, 8], 5);
    const w = randT([10, 3, 8, 8], 6);
    const y = conv2d(x, w, null);
    expect(y.shape).toEqual([1, 10, 1, 1]);
    const want = Array.from({ length: 10 }, (_, f) => {
      let s = 0;
      for (let i = 0; i < 192; i++) s += x.data[i]! * w.data[f * 192 + i]!;
      return s;
    });
    expectClose(y.data, want);
  });

  it('depthwise convolution (groups = channels) filters every channel on its own', () => {
    const x = t([1, 2, 2, 2], [1, 2, 3, 4, 10, 20, 30, 40]);
    const w = t([2, 1, 2, 2], [1, 1, 1, 1, 1, 0, 0, -1]);
    const y = conv2d(x, w, null, { groups: 2 });
    expect(Array.from(y.data)).toEqual([10, -30]);
  });

  it('asymmetric padding [top, bottom, left, right] pads each side on its own', () => {
    const x = t([1, 1, 1, 1], [5]);
    const y = conv2d(x, t([1, 1, 1, 1], [2]), null, { padding: [1, 0, 0, 2] });
    expect(y.shape).toEqual([1, 1, 2, 3]);
    expect(Array.from(y.data)).toEqual([0, 0, 0, 10, 0, 0]);
  });

  it('every filter count, batch size and chunk boundary gives the naive result (a large map)', () => {
    // 7 filters (not a multiple of 4) and 19×23 = 437 output pixels (over one packing chunk, odd).
    const x = randT([2, 3, 21, 25], 7);
    const w = randT([7, 3, 3, 3], 8);
    const b = rand(7, 9);
    const want = naiveConv(x, w, b, { stride: [1, 1], pad: [0, 0, 0, 0], dilation: [1, 1], groups: 1 });
    const y = conv2d(x, w, b);
    expect(y.shape).toEqual(want.shape);
    expectClose(y.data, want.data);
  });
});

describe('conv2d equals a naive reference loop', () => {
  it('for random shapes, strides, paddings, dilations and groups', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 2 }),
          groups: fc.integer({ min: 1, max: 3 }),
          cgIn: fc.integer({ min: 1, max: 3 }),
          cgOut: fc.integer({ min: 1, max: 5 }),
          h: fc.integer({ min: 1, max: 12 }),
          w: fc.integer({ min: 1, max: 12 }),
          kh: fc.integer({ min: 1, max: 4 }),
          kw: fc.integer({ min: 1, max: 4 }),
          sh: fc.integer({ min: 1, max: 3 }),
          sw: fc.integer({ min: 1, max: 3 }),
          dh: fc.integer({ min: 1, max: 2 }),
          dw: fc.integer({ min: 1, max: 2 }),
          pad: fc.tuple(...[0, 0, 0, 0].map(() => fc.integer({ min: 0, max: 2 }))),
          bias: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1e6 }),
        }),
        (r) => {
          const [pt, pb, pl, pr] = r.pad as [number, number, number, number];
          if (r.h + pt + pb < r.dh * (r.kh - 1) + 1 || r.w + pl + pr < r.dw * (r.kw - 1) + 1) return; // kernel too large
          const cin = r.cgIn * r.groups;
          const cout = r.cgOut * r.groups;
          const x = randT([r.n, cin, r.h, r.w], r.seed);
          const w = randT([cout, r.cgIn, r.kh, r.kw], r.seed + 1);
          const b = r.bias ? rand(cout, r.seed + 2) : null;
          const o: RefOpts = {
            stride: [r.sh, r.sw],
            pad: [pt, pb, pl, pr],
            dilation: [r.dh, r.dw],
            groups: r.groups,
          };
          const want = naiveConv(x, w, b, o);
          const y = conv2d(x, w, b, {
            stride: o.stride,
            padding: o.pad,
            dilation: o.dilation,
            groups: o.groups,
          });
          expect(y.shape).toEqual(want.shape);
          expectClose(y.data, want.data);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('convTranspose2d', () => {
  it('with stride 1 every input value adds a scaled copy of the kernel (2×2 ⊛ᵀ 2×2 → 3×3)', () => {
    const y = convTranspose2d(t([1, 1, 2, 2], [1, 2, 3, 4]), t([1, 1, 2, 2], [1, 0, 0, 1]));
    expect(y.shape).toEqual([1, 1, 3, 3]);
    expect(Array.from(y.data)).toEqual([1, 2, 0, 3, 5, 2, 0, 3, 4]);
  });

  it('with stride 2 and a 2×2 kernel of ones every input value becomes a 2×2 block', () => {
    const y = convTranspose2d(t([1, 1, 2, 2], [1, 2, 3, 4]), t([1, 1, 2, 2], [1, 1, 1, 1]), [0.5], {
      stride: 2,
    });
    expect(y.shape).toEqual([1, 1, 4, 4]);
    expect(Array.from(y.data)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4].map((v) => v + 0.5));
  });

  it('padding crops the output and outputPadding adds a row and column at the bottom right', () => {
    const x = t([1, 1, 2, 2], [1, 2, 3, 4]);
    const w = t([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const full = convTranspose2d(x, w, null, { stride: 2 }); // 5×5
    const cropped = convTranspose2d(x, w, null, { stride: 2, padding: 1, outputPadding: 1 }); // 4×4
    expect(full.shape).toEqual([1, 1, 5, 5]);
    expect(cropped.shape).toEqual([1, 1, 4, 4]);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) expect(cropped.data[i * 4 + j]).toBe(full.data[(i + 1) * 5 + j + 1]);
  });

  it('equals a naive scatter loop for random shapes, strides, paddings, dilations and groups', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 2 }),
          groups: fc.integer({ min: 1, max: 3 }),
          cgIn: fc.integer({ min: 1, max: 3 }),
          og: fc.integer({ min: 1, max: 5 }),
          h: fc.integer({ min: 1, max: 8 }),
          w: fc.integer({ min: 1, max: 8 }),
          kh: fc.integer({ min: 1, max: 4 }),
          kw: fc.integer({ min: 1, max: 4 }),
          sh: fc.integer({ min: 1, max: 3 }),
          sw: fc.integer({ min: 1, max: 3 }),
          dh: fc.integer({ min: 1, max: 2 }),
          dw: fc.integer({ min: 1, max: 2 }),
          pad: fc.tuple(...[0, 0, 0, 0].map(() => fc.integer({ min: 0, max: 2 }))),
          oph: fc.integer({ min: 0, max: 2 }),
          opw: fc.integer({ min: 0, max: 2 }),
          bias: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1e6 }),
        }),
        (r) => {
          const [pt, pb, pl, pr] = r.pad as [number, number, number, number];
          const oph = r.oph < Math.max(r.sh, r.dh) ? r.oph : 0;
          const opw = r.opw < Math.max(r.sw, r.dw) ? r.opw : 0;
          if ((r.h - 1) * r.sh - pt - pb + r.dh * (r.kh - 1) + oph + 1 < 1) return;
          if ((r.w - 1) * r.sw - pl - pr + r.dw * (r.kw - 1) + opw + 1 < 1) return;
          const cin = r.cgIn * r.groups;
          const x = randT([r.n, cin, r.h, r.w], r.seed);
          const w = randT([cin, r.og, r.kh, r.kw], r.seed + 1);
          const b = r.bias ? rand(r.og * r.groups, r.seed + 2) : null;
          const o = {
            stride: [r.sh, r.sw] as [number, number],
            pad: [pt, pb, pl, pr] as [number, number, number, number],
            dilation: [r.dh, r.dw] as [number, number],
            groups: r.groups,
            outputPadding: [oph, opw] as [number, number],
          };
          const want = naiveConvT(x, w, b, o);
          const y = convTranspose2d(x, w, b, { ...o, padding: o.pad });
          expect(y.shape).toEqual(want.shape);
          expectClose(y.data, want.data);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('conv2d and convTranspose2d reject bad input with an EngineError naming the field', () => {
  const x = randT([1, 2, 5, 5], 1);
  const w = randT([4, 2, 3, 3], 2);
  it('an input that is not rank 4', () =>
    expectEngineError(() => conv2d(t([2, 5, 5], rand(50, 1)), w), 'input.shape'));
  it('a weight whose channel count does not match the input', () =>
    expectEngineError(() => conv2d(x, randT([4, 3, 3, 3], 3)), 'weight.shape[1]'));
  it('groups that do not divide the input channels', () =>
    expectEngineError(() => conv2d(x, w, null, { groups: 3 }), 'groups'));
  it('groups that do not divide the output channels', () =>
    expectEngineError(
      () => conv2d(randT([1, 3, 5, 5], 4), randT([4, 1, 3, 3], 5), null, { groups: 3 }),
      'groups',
    ));
  it('a kernel taller than the padded input', () =>
    expectEngineError(() => conv2d(x, randT([4, 2, 6, 3], 6)), 'weight.shape[2]'));
  it('a kernel wider than the padded input once dilated', () =>
    expectEngineError(
      () => conv2d(x, randT([4, 2, 1, 3], 6), null, { dilation: [1, 3] }),
      'weight.shape[3]',
    ));
  it('a zero stride', () => expectEngineError(() => conv2d(x, w, null, { stride: 0 }), 'stride'));
  it('a non-integer dilation', () =>
    expectEngineError(() => conv2d(x, w, null, { dilation: 1.5 }), 'dilation'));
  it('a negative padding', () => expectEngineError(() => conv2d(x, w, null, { padding: -1 }), 'padding'));
  it('a non-integer number of groups', () =>
    expectEngineError(() => conv2d(x, w, null, { groups: 0.5 }), 'groups'));
  it('a bias of the wrong length', () => expectEngineError(() => conv2d(x, w, [1, 2, 3]), 'bias.length'));
  it('a NaN in the input', () => {
    const bad = randT([1, 2, 5, 5], 1);
    bad.data[7] = NaN;
    expectEngineError(() => conv2d(bad, w), 'input[7]');
  });
  it('an infinite weight', () => {
    const bad = randT([4, 2, 3, 3], 2);
    bad.data[0] = Infinity;
    expectEngineError(() => conv2d(x, bad), 'weight[0]');
  });
  it('a zero dimension', () => expectEngineError(() => conv2d(t([1, 2, 0, 5], []), w), 'input.shape[2]'));
  it('convTranspose2d with a weight whose first axis is not the input channel count', () =>
    expectEngineError(() => convTranspose2d(x, randT([3, 2, 3, 3], 7)), 'weight.shape[0]'));
  it('convTranspose2d with an output padding not below the stride or dilation', () =>
    expectEngineError(
      () => convTranspose2d(x, randT([2, 2, 3, 3], 7), null, { stride: 2, outputPadding: 2 }),
      'outputPadding',
    ));
  it('convTranspose2d with padding that leaves no output', () =>
    expectEngineError(
      () => convTranspose2d(t([1, 1, 1, 1], [1]), t([1, 1, 1, 1], [1]), null, { padding: 1 }),
      'padding',
    ));
});
