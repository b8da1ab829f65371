import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  buildDepthModel,
  buildLinearModel,
  buildPointModel,
  buildTemplateModel,
  channelParts,
  composeKernels,
  composeTerms,
  correlate,
  linearScores,
  matVec,
  pixelVector,
  scoresAgree,
  selfTemplate,
  type Kernel2d,
} from '../../src/panels/ideas/models';
import { defaultIdeas, type IdeasConfig } from '../../src/state/views/ideas';
import { tensor } from '../../src/engine/tensor';

const k2 = (rows: number[][]): Kernel2d => ({ h: rows.length, w: rows[0]!.length, data: Float32Array.from(rows.flat()) });
const rowsOf = (k: Kernel2d) => Array.from({ length: k.h }, (_, r) => Array.from(k.data.subarray(r * k.w, (r + 1) * k.w)));
const cfg = (over: Partial<IdeasConfig>): IdeasConfig => ({ ...defaultIdeas(), ...over });

/** A deliberately naive valid cross-correlation, written here, for the property tests. */
function naiveCorrelate(x: Kernel2d, k: Kernel2d): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + k.h <= x.h; i++) {
    const row: number[] = [];
    for (let j = 0; j + k.w <= x.w; j++) {
      let s = 0;
      for (let p = 0; p < k.h; p++) for (let q = 0; q < k.w; q++) s += x.data[(i + p) * x.w + j + q]! * k.data[p * k.w + q]!;
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

const smallInts = (n: number) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n });

describe('composing kernels', () => {
  it('[[1,2],[3,4]] then [[0,1],[1,0]] is the 3×3 kernel [[0,1,2],[1,5,4],[3,4,0]] (worked by hand)', () => {
    // K[u,v] = Σ a[i,j]·b[u−i, v−j]. b has ones at (0,1) and (1,0), so K is a shifted right by one
    // plus a shifted down by one:
    //   [[0,1,2],[0,3,4],[0,0,0]] + [[0,0,0],[1,2,0],[3,4,0]] = [[0,1,2],[1,5,4],[3,4,0]].
    const a = k2([[1, 2], [3, 4]]);
    const b = k2([[0, 1], [1, 0]]);
    const k = composeKernels(a, b);
    expect([k.h, k.w]).toEqual([3, 3]);
    expect(rowsOf(k)).toEqual([[0, 1, 2], [1, 5, 4], [3, 4, 0]]);
    // The centre, term by term: a[0,1]·b[1,0] + a[1,0]·b[0,1] (+ two zero terms) = 2 + 3 = 5.
    const centre = composeTerms(a, b, 1, 1);
    expect(centre.map((t) => t.av * t.bv)).toEqual([0, 2, 3, 0]);
    expect(centre[1]).toEqual({ a: [0, 1], b: [1, 0], av: 2, bv: 1 });
  });

  it('a 3×3 input through [[1,2],[3,4]] then [[0,1],[1,0]] gives the same 1×1 output as the composed kernel', () => {
    // x = [[1,0,2],[0,1,0],[2,0,1]]: first layer [[1·1+2·0+3·0+4·1, 1·0+2·2+3·1+4·0], [0+2+6+0, 1+0+0+4]] = [[5,7],[8,5]];
    // second layer: 7 + 8 = 15. One kernel: Σ K ⊙ x = 0+0+4 + 0+5+0 + 6+0+0 = 15.
    const x = k2([[1, 0, 2], [0, 1, 0], [2, 0, 1]]);
    const a = k2([[1, 2], [3, 4]]);
    const b = k2([[0, 1], [1, 0]]);
    expect(rowsOf(correlate(x, a))).toEqual([[5, 7], [8, 5]]);
    expect(rowsOf(correlate(correlate(x, a), b))).toEqual([[15]]);
    expect(rowsOf(correlate(x, composeKernels(a, b)))).toEqual([[15]]);
  });

  it('a 1×1 kernel [[2]] composed with any kernel scales it', () => {
    expect(rowsOf(composeKernels(k2([[2]]), k2([[1, -1], [0, 3]])))).toEqual([[2, -2], [0, 6]]);
  });

  it('correlating with the composed kernel equals correlating twice (property, naive reference)', () => {
    const sizes = fc.record({ ka: fc.integer({ min: 1, max: 3 }), kb: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 3 }) });
    const cases = sizes.chain(({ ka, kb, extra }) => {
      const n = ka + kb - 1 + extra;
      return fc.record({ n: fc.constant(n), ka: fc.constant(ka), kb: fc.constant(kb), xs: smallInts(n * n), as: smallInts(ka * ka), bs: smallInts(kb * kb) });
    });
    fc.assert(
      fc.property(cases, ({ n, ka, kb, xs, as, bs }) => {
        const x = { h: n, w: n, data: Float32Array.from(xs) };
        const a = { h: ka, w: ka, data: Float32Array.from(as) };
        const b = { h: kb, w: kb, data: Float32Array.from(bs) };
        const once = naiveCorrelate(x, a);
        const twice = naiveCorrelate({ h: once.length, w: once[0]!.length, data: Float32Array.from(once.flat()) }, b);
        expect(naiveCorrelate(x, composeKernels(a, b))).toEqual(twice);
      }),
      { numRuns: 80 },
    );
  });
});

describe('the depth demonstration', () => {
  it('a 3-channel filter on a 3×2×2 input: three per-channel sums plus the bias make one output (worked by hand)', () => {
    // Input planes [[1,2],[3,4]], [[0,1],[0,1]], [[−1,0],[2,0]]; a 3×2×2 filter over a 3×2×2 input gives 1×1.
    const input = tensor([1, 3, 2, 2], [1, 2, 3, 4, 0, 1, 0, 1, -1, 0, 2, 0]);
    const weight = tensor([1, 3, 2, 2], [1, 0, 0, 1, 1, 1, 1, 1, 0, -1, 1, 0]);
    const parts = channelParts(input, weight, 0);
    // R: 1·1 + 4·1 = 5; G: 0 + 1 + 0 + 1 = 2; B: (−1)·0 + 0·(−1) + 2·1 + 0·0 = 2.
    expect(parts.map((p) => Array.from(p))).toEqual([[5], [2], [2]]);
  });

  it('the default model: one 3×5×5 filter on 3×8×8 gives one 4×4 channel = Σ parts + bias', () => {
    const m = buildDepthModel(defaultIdeas());
    expect(m.weight.shape).toEqual([1, 3, 5, 5]);
    expect(m.output.shape).toEqual([1, 1, 4, 4]);
    for (let i = 0; i < 16; i++) expect(m.output.data[i]).toBe(m.parts[0]![i]! + m.parts[1]![i]! + m.parts[2]![i]! + m.bias[0]!);
  });

  it('Cout filters give Cout output channels; the detailed filter’s parts sum to its channel', () => {
    const m = buildDepthModel(cfg({ dcout: 3, dfi: 2 }));
    expect(m.output.shape).toEqual([1, 3, 4, 4]);
    for (let i = 0; i < 16; i++) expect(m.output.data[2 * 16 + i]).toBe(m.parts[0]![i]! + m.parts[1]![i]! + m.parts[2]![i]! + m.bias[2]!);
  });
});

describe('the 1×1 demonstration', () => {
  it('pixel = matrix · vector + bias, worked by hand: [[1,0,−1],[2,1,0]]·[3,−1,2] + [1,0] = [2,5]', () => {
    // row 0: 1·3 + 0·(−1) + (−1)·2 + 1 = 2; row 1: 2·3 + 1·(−1) + 0·2 + 0 = 5.
    expect(Array.from(matVec([1, 0, -1, 2, 1, 0], 2, [3, -1, 2], [1, 0]))).toEqual([2, 5]);
  });

  it('a pixel’s channel vector is read across the planes', () => {
    // 2×2×2 input: plane 0 [[1,2],[3,4]], plane 1 [[5,6],[7,8]]; pixel (1, 0) is [3, 7].
    expect(Array.from(pixelVector(tensor([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), 1, 0))).toEqual([3, 7]);
  });

  it('keeps the map size, counts Cout·C + Cout parameters, and every output pixel is W·x + b', () => {
    const c = cfg({ pc: 4, ph: 3, pw: 5, pcout: 6 });
    const m = buildPointModel(c);
    expect(m.output.shape).toEqual([1, 6, 3, 5]);
    expect(m.params).toBe(6 * 4 + 6);
    for (let r = 0; r < 3; r++)
      for (let q = 0; q < 5; q++) {
        const y = matVec(m.weight.data, 6, pixelVector(m.input, r, q), m.bias);
        expect(Array.from(pixelVector(m.output, r, q))).toEqual(Array.from(y));
      }
  });
});

describe('the template demonstration', () => {
  it('a score is the dot product of the flattened image and template plus the bias (worked by hand)', () => {
    // x = [1, −2, 0, 3], W rows [1, 1, 1, 1] and [0, −1, 2, 1], b = [0, −1]:
    // 1 − 2 + 0 + 3 + 0 = 2; 0 + 2 + 0 + 3 − 1 = 4.
    expect(Array.from(linearScores([1, 1, 1, 1, 0, -1, 2, 1], 2, [1, -2, 0, 3], [0, -1]))).toEqual([2, 4]);
  });

  it('template scores by convolution equal the linear scores, for seeded whole numbers exactly', () => {
    const m = buildTemplateModel(cfg({ tt: 'random' }));
    expect(m.templates.shape).toEqual([3, 3, 8, 8]);
    expect(m.convScores).toHaveLength(3);
    expect(Array.from(m.convScores)).toEqual(Array.from(m.linScores));
    expect(m.maxDiff).toBe(0);
    expect(m.convScores[m.best]).toBe(Math.max(...m.convScores));
  });

  it('a template cut from the image: x − mean, whose score is Σ (x − mean)² (worked by hand)', () => {
    // x = [1, 2, 3, 6], mean 3: template [−2, −1, 0, 3]; score −2 − 2 + 0 + 18 = 14 = 4 + 1 + 0 + 9.
    const t = selfTemplate(Float32Array.from([1, 2, 3, 6]));
    expect(Array.from(t)).toEqual([-2, -1, 0, 3]);
    expect(Array.from(linearScores(t, 1, [1, 2, 3, 6], [0]))).toEqual([14]);
  });

  it('by default template 0 is the image minus its mean, and it matches best', () => {
    const m = buildTemplateModel(defaultIdeas());
    expect(m.best).toBe(0);
    m.convScores.forEach((s, i) => expect(scoresAgree(s, m.linScores[i]!)).toBe(true));
  });

  it('image-like inputs agree within the stated tolerance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const c = cfg({ seed, tsrc: 'gradient', tc: 3, th: 6, tw: 6, tk: 2 });
        const pixels = { channels: 3, h: 6, w: 6, data: Float32Array.from({ length: 108 }, (_, i) => ((i * 37 + seed) % 101) / 100) };
        const m = buildTemplateModel(c, pixels);
        m.convScores.forEach((s, i) => expect(scoresAgree(s, m.linScores[i]!)).toBe(true));
      }),
      { numRuns: 30 },
    );
    expect(scoresAgree(1000, 1000.05)).toBe(true);
    expect(scoresAgree(1, 1.001)).toBe(false);
  });
});

describe('the linear demonstration', () => {
  it('without ReLU the stack equals one convolution with the composed 5×5 kernel', () => {
    const m = buildLinearModel(defaultIdeas());
    expect([m.composed.h, m.composed.w]).toEqual([5, 5]);
    expect([m.stack.h, m.stack.w]).toEqual([3, 3]);
    expect(m.maxDiff).toBe(0);
    expect(m.differing).toEqual([]);
  });

  it('the default seed has negative intermediate values, and a ReLU then breaks the match', () => {
    const off = buildLinearModel(defaultIdeas());
    expect(off.negatives).toBeGreaterThan(0);
    const on = buildLinearModel(cfg({ lrelu: 'on' }));
    expect(on.maxDiff).toBeGreaterThan(0);
    expect(on.differing.length).toBeGreaterThan(0);
    for (const i of on.differing) expect(on.diff[i]).toBe(Math.abs(on.stack.data[i]! - on.direct.data[i]!));
    // The composed kernel and its direct output do not depend on the switch.
    expect(Array.from(on.direct.data)).toEqual(Array.from(off.direct.data));
  });

  it('three layers 2, 2, 3 compose to a 5×5 kernel, and the match holds for many seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (seed) => {
        const m = buildLinearModel(cfg({ seed, lk: [2, 2, 3], lin: [8, 9] }));
        expect([m.composed.h, m.composed.w]).toEqual([5, 5]);
        expect([m.stack.h, m.stack.w]).toEqual([4, 5]);
        expect(m.maxDiff).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
