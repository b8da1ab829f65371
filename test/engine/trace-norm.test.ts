import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { seededSteps } from '../helpers/reference';
import { EngineError } from '../../src/engine/errors';
import { batchNorm, groupNorm, instanceNorm, layerNorm } from '../../src/engine/norm';
import { tensor, type Tensor } from '../../src/engine/tensor';
import {
  normGroupCount,
  normGroupMembers,
  normGroupOf,
  normGroupTrace,
  normStep,
  normStepCount,
  type NormKind,
  type NormTraceOptions,
} from '../../src/engine/trace';

// ---------------------------------------------------------------------------------------------
// Independent references and helpers, deliberately naive.

const seeded = (seed: number) => seededSteps(seed, 4, 8);

/** The group of element (n, c) written from the definitions, not from flat indices. */
function groupKey(kind: NormKind, n: number, c: number, C: number, G: number): number {
  if (kind === 'batch') return c;
  if (kind === 'layer') return n;
  if (kind === 'instance') return n * C + c;
  return n * G + Math.floor((c * G) / C);
}

/**
 * Naive normalization over all elements: visit every (n, c, spatial) position, bucket it into its
 * group, then compute the mean, the biased variance from deviations, and the output.
 */
function referenceNorm(input: Tensor, o: NormTraceOptions) {
  const [N, C] = input.shape as [number, number];
  const S = input.shape.length === 4 ? input.shape[2]! * input.shape[3]! : 1;
  const G = o.groups ?? 1;
  const buckets = new Map<number, number[]>();
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      for (let s = 0; s < S; s++) {
        const key = groupKey(o.kind, n, c, C, G);
        buckets.set(key, [...(buckets.get(key) ?? []), (n * C + c) * S + s]);
      }
  const mean: number[] = [];
  const variance: number[] = [];
  const y = new Array<number>(input.data.length);
  for (const [key, idx] of [...buckets.entries()].sort((a, b) => a[0] - b[0])) {
    const vals = idx.map((i) => input.data[i]!);
    const mu = vals.reduce((a, b) => a + b, 0) / vals.length;
    const v = vals.reduce((a, b) => a + (b - mu) ** 2, 0) / vals.length;
    mean[key] = mu;
    variance[key] = v;
    for (const i of idx) {
      const c = Math.floor(i / S) % C;
      const g = o.gamma ? o.gamma[o.gamma.length === C ? c : i % (C * S)]! : 1;
      const b = o.beta ? o.beta[o.beta.length === C ? c : i % (C * S)]! : 0;
      y[i] = (g * (input.data[i]! - mu)) / Math.sqrt(v + (o.eps ?? 1e-5)) + b;
    }
  }
  return {
    mean,
    variance,
    y,
    members: [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([, idx]) => idx),
  };
}

/** The whole-tensor function of `kind`, on a rank-4 view of the input (N×D becomes N×D×1×1). */
function wholeNorm(input: Tensor, o: NormTraceOptions) {
  const x4 =
    input.shape.length === 2 ? { shape: [input.shape[0]!, input.shape[1]!, 1, 1], data: input.data } : input;
  const affine = { gamma: o.gamma, beta: o.beta, eps: o.eps };
  switch (o.kind) {
    case 'batch':
      return batchNorm(x4, { ...affine, training: true });
    case 'layer':
      return layerNorm(x4, affine);
    case 'instance':
      return instanceNorm(x4, affine);
    case 'group':
      return groupNorm(x4, { ...affine, groups: o.groups! });
  }
}

function close(a: number, e: number, tol: number): boolean {
  return Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
}

const normCase = fc
  .record({
    kind: fc.constantFrom<NormKind>('batch', 'layer', 'instance', 'group'),
    rank2: fc.boolean(),
    n: fc.integer({ min: 1, max: 3 }),
    groups: fc.integer({ min: 1, max: 3 }),
    perGroup: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 1, max: 3 }),
    w: fc.integer({ min: 1, max: 3 }),
    affine: fc.boolean(),
    eps: fc.option(fc.constantFrom(1e-5, 1e-3, 0.1), { nil: undefined }),
    seed: fc.integer(),
  })
  .map((r) => {
    const c = r.groups * r.perGroup;
    const rank2 = r.rank2 && (r.kind === 'batch' || r.kind === 'layer');
    const shape = rank2 ? [r.n, c] : [r.n, c, r.h, r.w];
    const next = seeded(r.seed);
    const input = tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next));
    const opts: NormTraceOptions = { kind: r.kind };
    if (r.kind === 'group') opts.groups = r.groups;
    if (r.affine) {
      opts.gamma = Array.from({ length: c }, () => 1 + next() / 4);
      opts.beta = Array.from({ length: c }, next);
    }
    if (r.eps !== undefined) opts.eps = r.eps;
    return { input, opts };
  });

// ---------------------------------------------------------------------------------------------

describe('normGroupTrace', () => {
  it("each group's mean and variance equal the whole-tensor function's, and its y equals the output at the members (all four kinds)", () => {
    fc.assert(
      fc.property(normCase, ({ input, opts }) => {
        const whole = wholeNorm(input, opts);
        const ref = referenceNorm(input, opts);
        const count = normGroupCount(input.shape, opts);
        expect(whole.mean.length).toBe(count);
        expect(ref.mean.length).toBe(count);
        for (let g = 0; g < count; g++) {
          const t = normGroupTrace(input, opts, g);
          expect(close(t.mean, whole.mean[g]!, 1e-5)).toBe(true);
          expect(close(t.variance, whole.var[g]!, 1e-5)).toBe(true);
          expect(close(t.mean, ref.mean[g]!, 1e-12)).toBe(true);
          expect(close(t.variance, ref.variance[g]!, 1e-12)).toBe(true);
          expect([...t.members]).toEqual(ref.members[g]);
          t.members.forEach((flat, k) => {
            expect(close(t.y[k]!, whole.output.data[flat]!, 1e-4)).toBe(true);
            expect(close(t.y[k]!, ref.y[flat]!, 1e-9)).toBe(true);
          });
        }
      }),
      { numRuns: 80 },
    );
  });

  it('its arrays follow their definitions member by member', () => {
    fc.assert(
      fc.property(normCase, ({ input, opts }) => {
        const eps = opts.eps ?? 1e-5;
        for (let g = 0; g < normGroupCount(input.shape, opts); g++) {
          const t = normGroupTrace(input, opts, g);
          expect(t.group).toBe(g);
          expect(t.count).toBe(t.members.length);
          expect([...t.values]).toEqual([...t.members].map((i) => input.data[i]!));
          expect(t.sum).toBe(t.values.reduce((a, b) => a + b, 0));
          expect(t.mean).toBe(t.sum / t.count);
          expect([...t.sqDevs]).toEqual([...t.values].map((v) => (v - t.mean) ** 2));
          expect(t.variance).toBe(t.sqDevs.reduce((a, b) => a + b, 0) / t.count);
          expect(t.std).toBe(Math.sqrt(t.variance + eps));
          expect(t.eps).toBe(eps);
          t.values.forEach((v, k) => {
            expect(t.xhat[k]).toBe((v - t.mean) / t.std);
            expect(t.y[k]).toBe(t.gamma[k]! * t.xhat[k]! + t.beta[k]!);
          });
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a channel [1, 2, 3, 4] has sum 10, mean 2.5, squared deviations [2.25, 0.25, 0.25, 2.25] and biased variance 1.25', () => {
    // Batch norm of a 4×1×1×1 input: one channel, four samples.
    const input = tensor([4, 1, 1, 1], [1, 2, 3, 4]);
    const t = normGroupTrace(input, { kind: 'batch' }, 0);
    expect([...t.members]).toEqual([0, 1, 2, 3]);
    expect(t.sum).toBe(10);
    expect(t.mean).toBe(2.5);
    expect([...t.sqDevs]).toEqual([2.25, 0.25, 0.25, 2.25]);
    expect(t.variance).toBe(1.25);
    expect(t.std).toBe(Math.sqrt(1.25 + 1e-5));
    expect(t.xhat[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 4);
    // With γ = 2, β = 1, y = 2·x̂ + 1.
    const a = normGroupTrace(input, { kind: 'batch', gamma: [2], beta: [1] }, 0);
    expect(a.y[3]).toBeCloseTo(2 * (1.5 / Math.sqrt(1.25 + 1e-5)) + 1, 12);
  });

  it('values around 1000 with spread 1 give the exact variance (two-pass, float64)', () => {
    // 10 000 values 1000 + d, d cycling over ±0.125, ±0.375, ±0.625, ±0.875: variance 0.328125.
    const m = 10000;
    const input = tensor(
      [1, 1, 100, 100],
      Array.from({ length: m }, (_, i) => 1000 + ((i % 8) - 3.5) / 4),
    );
    const t = normGroupTrace(input, { kind: 'instance' }, 0);
    expect(t.mean).toBe(1000);
    expect(t.variance).toBe(0.328125);
    // Random spread: the variance equals that of the data shifted to 0 (computed without the offset).
    const next = seeded(3);
    const big = tensor(
      [1, 1, 50, 50],
      Array.from({ length: 2500 }, () => 1000 + next() / 4),
    );
    const shifted = [...big.data].map((v) => v - 1000);
    const mu = shifted.reduce((a, b) => a + b, 0) / shifted.length;
    const v = shifted.reduce((a, b) => a + (b - mu) ** 2, 0) / shifted.length;
    const tb = normGroupTrace(big, { kind: 'layer' }, 0);
    expect(tb.mean).toBeCloseTo(1000 + mu, 10);
    expect(tb.variance).toBeCloseTo(v, 10);
  });

  it('layer norm takes γ and β per channel or per element of C×H×W', () => {
    const input = tensor([1, 2, 1, 2], [1, 2, 3, 4]);
    const perChannel = normGroupTrace(input, { kind: 'layer', gamma: [2, 3], beta: [0, 1] }, 0);
    expect([...perChannel.gamma]).toEqual([2, 2, 3, 3]);
    expect([...perChannel.beta]).toEqual([0, 0, 1, 1]);
    const perElement = normGroupTrace(input, { kind: 'layer', gamma: [1, 2, 3, 4], beta: [5, 6, 7, 8] }, 0);
    expect([...perElement.gamma]).toEqual([1, 2, 3, 4]);
    expect([...perElement.y]).toEqual([...perElement.xhat].map((x, k) => (k + 1) * x + k + 5));
    expect(() => normGroupTrace(input, { kind: 'batch', gamma: [1, 2, 3, 4] }, 0)).toThrow(
      /gamma\.length = 4/,
    );
    expect(() => normGroupTrace(input, { kind: 'layer', gamma: [1, 2], beta: [1, 2, 3, 4] }, 0)).toThrow(
      /beta\.length = 4 is not valid: expected 2, the length of gamma/,
    );
  });

  it('handles N×D inputs for batch norm (per d) and layer norm (per n)', () => {
    const input = tensor([2, 3], [1, 2, 3, 5, 7, 9]);
    expect(normGroupCount(input.shape, { kind: 'batch' })).toBe(3);
    expect(normGroupCount(input.shape, { kind: 'layer' })).toBe(2);
    const b = normGroupTrace(input, { kind: 'batch' }, 1);
    expect([...b.members]).toEqual([1, 4]);
    expect([b.mean, b.variance]).toEqual([4.5, 6.25]);
    const l = normGroupTrace(input, { kind: 'layer' }, 1);
    expect([...l.members]).toEqual([3, 4, 5]);
    expect([l.mean, l.variance]).toEqual([7, 8 / 3]);
  });

  it('reads only the values of its group (direct access)', () => {
    const input = tensor(
      [4, 8, 16, 16],
      Array.from({ length: 4 * 8 * 256 }, (_, i) => (i * 31) % 17),
    );
    let reads = 0;
    const counted = new Proxy(input.data, {
      get(target, prop) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop);
      },
    });
    const opts: NormTraceOptions = { kind: 'group', groups: 4 };
    const t = normGroupTrace({ shape: input.shape, data: counted }, opts, 13);
    expect(t.count).toBe(2 * 256);
    expect(reads).toBe(t.count);
    reads = 0;
    const per = 4 * t.count + 2;
    const s = normStep({ shape: input.shape, data: counted }, opts, 13 * per + 9);
    expect([s.stage, s.k]).toEqual(['sum', 9]);
    expect(reads).toBe(10);
  });
});

describe('normStep', () => {
  it('walks each group through sum (k), mean, sqdev (k), variance, xhat (k), affine (k): 4m + 2 steps, values equal to the trace', () => {
    fc.assert(
      fc.property(normCase, ({ input, opts }) => {
        const groups = normGroupCount(input.shape, opts);
        const total = normStepCount(input.shape, opts);
        const m = input.data.length / groups;
        expect(total).toBe(groups * (4 * m + 2));
        let index = 0;
        for (let g = 0; g < groups; g++) {
          const t = normGroupTrace(input, opts, g);
          const expected: [string, number, number][] = [];
          let prefix = 0;
          for (let k = 0; k < m; k++) expected.push(['sum', k, (prefix += t.values[k]!)]);
          expected.push(['mean', -1, t.mean]);
          for (let k = 0; k < m; k++) expected.push(['sqdev', k, t.sqDevs[k]!]);
          expected.push(['variance', -1, t.variance]);
          for (let k = 0; k < m; k++) expected.push(['xhat', k, t.xhat[k]!]);
          for (let k = 0; k < m; k++) expected.push(['affine', k, t.y[k]!]);
          for (const [stage, k, value] of expected) {
            const s = normStep(input, opts, index);
            expect([s.index, s.total, s.group, s.count, s.stage, s.k, s.value]).toEqual([
              index,
              total,
              g,
              m,
              stage,
              k,
              value,
            ]);
            expect(s.member).toBe(k >= 0 ? t.members[k] : -1);
            if (stage === 'sum') expect(s.runningSum).toBe(value);
            if (stage !== 'sum') expect(s.mean).toBe(t.mean);
            if (stage === 'xhat' || stage === 'affine')
              expect([s.variance, s.std]).toEqual([t.variance, t.std]);
            if (stage === 'affine')
              expect([s.xhat, s.gamma, s.beta]).toEqual([t.xhat[k], t.gamma[k], t.beta[k]]);
            index++;
          }
        }
        expect(index).toBe(total);
      }),
      { numRuns: 40 },
    );
  });

  it("stage 'sum' step k gives the prefix sum of members 0..k, and 'sqdev' the running sum of squared deviations", () => {
    const input = tensor([1, 1, 2, 2], [1, 2, 3, 4]);
    const opts: NormTraceOptions = { kind: 'instance' };
    expect(normStepCount(input.shape, opts)).toBe(18);
    expect([0, 1, 2, 3].map((i) => normStep(input, opts, i).value)).toEqual([1, 3, 6, 10]);
    expect(normStep(input, opts, 4)).toMatchObject({
      stage: 'mean',
      k: -1,
      member: -1,
      value: 2.5,
      runningSum: 10,
    });
    expect([5, 6, 7, 8].map((i) => normStep(input, opts, i).runningSqSum)).toEqual([2.25, 2.5, 2.75, 5]);
    expect(normStep(input, opts, 9)).toMatchObject({
      stage: 'variance',
      value: 1.25,
      variance: 1.25,
      runningSqSum: 5,
    });
    expect(normStep(input, opts, 17)).toMatchObject({ stage: 'affine', k: 3, member: 3, x: 4 });
  });
});

describe('normGroupOf and normGroupMembers', () => {
  it('are consistent and partition all elements, in NCHW order within each group', () => {
    fc.assert(
      fc.property(normCase, ({ input, opts }) => {
        const count = normGroupCount(input.shape, opts);
        const seen = new Int32Array(input.data.length).fill(-1);
        for (let g = 0; g < count; g++) {
          const members = normGroupMembers(input.shape, opts, g);
          expect(members.length).toBe(input.data.length / count);
          members.forEach((flat, k) => {
            if (k > 0) expect(flat).toBeGreaterThan(members[k - 1]!);
            expect(seen[flat]).toBe(-1);
            seen[flat] = g;
          });
        }
        seen.forEach((g, flat) => expect(normGroupOf(input.shape, opts, flat)).toBe(g));
      }),
      { numRuns: 60 },
    );
  });

  it('number groups like the whole-tensor statistics: batch c, layer n, instance n·C + c, group n·G + g', () => {
    const shape = [2, 4, 1, 3];
    // Element (n = 1, c = 2, w = 1): flat index (1·4 + 2)·3 + 1 = 19.
    expect(normGroupOf(shape, { kind: 'batch' }, 19)).toBe(2);
    expect(normGroupOf(shape, { kind: 'layer' }, 19)).toBe(1);
    expect(normGroupOf(shape, { kind: 'instance' }, 19)).toBe(6);
    expect(normGroupOf(shape, { kind: 'group', groups: 2 }, 19)).toBe(3);
    expect([...normGroupMembers(shape, { kind: 'batch' }, 2)]).toEqual([6, 7, 8, 18, 19, 20]);
    expect([...normGroupMembers(shape, { kind: 'group', groups: 2 }, 3)]).toEqual([18, 19, 20, 21, 22, 23]);
  });
});

describe('normalization trace arguments', () => {
  const input = tensor([2, 4, 2, 2]);

  it('reject groups that do not divide the channels, or a missing group count', () => {
    expect(() => normGroupCount(input.shape, { kind: 'group', groups: 3 })).toThrow(
      /groups = 3 is not valid: expected a whole number ≥ 1 dividing the channels \(4\)/,
    );
    expect(() => normGroupCount(input.shape, { kind: 'group' })).toThrow(/groups = undefined/);
    expect(() => normGroupCount(input.shape, { kind: 'group', groups: 0 })).toThrow(EngineError);
    expect(normGroupCount(input.shape, { kind: 'group', groups: 2 })).toBe(4);
  });

  it('reject bad kinds, shapes, indices, eps and non-finite values in the group', () => {
    expect(() => normGroupCount(input.shape, { kind: 'pixel' as NormKind })).toThrow(/kind = "pixel"/);
    expect(() => normGroupCount([2, 4, 2], { kind: 'batch' })).toThrow(/shape = \[2, 4, 2\]/);
    expect(() => normGroupCount([2, 4], { kind: 'instance' })).toThrow(/instance norm/);
    expect(() => normGroupCount([2, 4], { kind: 'group', groups: 2 })).toThrow(/group norm/);
    expect(() => normGroupTrace(input, { kind: 'batch' }, 4)).toThrow(
      /group = 4 is not valid: expected a whole number from 0 to 3/,
    );
    expect(() => normStep(input, { kind: 'layer' }, normStepCount(input.shape, { kind: 'layer' }))).toThrow(
      /index = 132/,
    );
    expect(() => normGroupOf(input.shape, { kind: 'layer' }, 32)).toThrow(/flatIndex = 32/);
    expect(() => normGroupMembers(input.shape, { kind: 'layer' }, -1)).toThrow(EngineError);
    expect(() => normGroupTrace(input, { kind: 'batch', eps: -1 }, 0)).toThrow(/eps = -1/);
    expect(() => normGroupTrace(input, { kind: 'batch', eps: 0 }, 0)).toThrow(
      /eps = 0 is not valid: expected a finite number > 0/,
    );
    expect(() => normGroupTrace(input, { kind: 'batch', beta: [1, 2] }, 0)).toThrow(/beta\.length = 2/);
    const bad = tensor([2, 4, 2, 2]);
    bad.data[17] = Infinity;
    // Element 17 is (n = 1, c = 0): it belongs to batch group 0 but not to group 1.
    expect(() => normGroupTrace(bad, { kind: 'batch' }, 0)).toThrow(/input\.data\[17\] = Infinity/);
    expect(normGroupTrace(bad, { kind: 'batch' }, 1).variance).toBe(0);
  });
});
