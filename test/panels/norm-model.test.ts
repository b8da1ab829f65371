import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normGroupOf, normStep } from '../../src/engine/trace-norm';
import { tensor } from '../../src/engine/tensor';
import { defaultConv } from '../../src/state/params';
import { defaultNorm, packConv, type NormConfig } from '../../src/state/views/norm';
import { buildConvModel } from '../../src/panels/conv/model';
import { buildBatch, buildTestSample, decimalsFor, globalAverage } from '../../src/panels/norm/data';
import { convLayerSamples } from '../../src/panels/norm/convLayer';
import {
  buildNormModel,
  coincidences,
  countFormula,
  describeGroup,
  groupOfMap,
  mapsOfGroup,
  progressOf,
  pytorchLine,
  runningHistory,
  shapeTable,
  testResult,
  traceOptions,
} from '../../src/panels/norm/model';
import { stepArithmetic, stepHeadline } from '../../src/panels/norm/steps';
import { norm } from '../../src/i18n/norm';

/** The English words of the view (the Korean ones are checked in norm-i18n.test.ts). */
const EN = norm.en;

/** One channel [1, 2, 3, 4] as a 1×1×2×2 tensor, typed by hand. */
const ONE: NormConfig = { ...defaultNorm(), n: 1, c: 1, h: 2, w: 2, src: 'custom', x: [1, 2, 3, 4] };
const close = (a: number, b: number, tol = 1e-5) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('statistics worked by hand', () => {
  it('a channel [1, 2, 3, 4] has mean 2.5 and biased variance 1.25, and x̂ of 1 is (1 − 2.5)/√(1.25 + 1e−5)', () => {
    const x = buildBatch(ONE, 0)!;
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4]);
    const m = buildNormModel(ONE, x);
    expect(m.mean[0]).toBe(2.5);
    expect(m.variance[0]).toBe(1.25);
    close(m.xhat[0]!, (1 - 2.5) / Math.sqrt(1.25 + 1e-5));
    close(m.xhat[0]!, -1.3416354);
    // γ = 2, β = 1: y = 2·x̂ + 1
    const affine = buildNormModel({ ...ONE, gamma: { 0: 2 }, beta: { 0: 1 } }, x);
    close(affine.y[3]!, (2 * (4 - 2.5)) / Math.sqrt(1.25 + 1e-5) + 1);
  });

  it('the walk-through of [1, 2, 3, 4] goes sum 1, 3, 6, 10 → mean 2.5 → squared deviations → variance 1.25 → x̂ → y', () => {
    const x = buildBatch(ONE, 0)!;
    const cfg = { ...ONE, gamma: { 0: 2 }, beta: { 0: 1 } };
    const opts = traceOptions(cfg);
    const steps = Array.from({ length: 18 }, (_, i) => normStep(x, opts, i));
    expect(steps.map((s) => s.stage)).toEqual([
      ...Array(4).fill('sum'),
      'mean',
      ...Array(4).fill('sqdev'),
      'variance',
      ...Array(4).fill('xhat'),
      ...Array(4).fill('affine'),
    ]);
    expect(steps.slice(0, 4).map((s) => s.value)).toEqual([1, 3, 6, 10]);
    expect(steps[4]!.value).toBe(2.5);
    expect(steps.slice(5, 9).map((s) => s.value)).toEqual([2.25, 0.25, 0.25, 2.25]);
    expect(steps[9]!.value).toBe(1.25);
    const sd = Math.sqrt(1.25 + 1e-5);
    close(steps[10]!.value, -1.5 / sd);
    close(steps[17]!.value, (2 * 1.5) / sd + 1);

    expect(stepArithmetic(steps[0]!, 1e-5, EN)).toBe('Σx = x₀ = 1');
    expect(stepArithmetic(steps[2]!, 1e-5, EN)).toBe('Σx = 3 + x₂ = 3 + 3 = 6');
    expect(stepArithmetic(steps[4]!, 1e-5, EN)).toBe('μ = Σx / m = 10 / 4 = 2.5');
    expect(stepArithmetic(steps[5]!, 1e-5, EN)).toBe(
      '(x₀ − μ)² = (1 − 2.5)² = 2.25; Σ(x − μ)² so far = 2.25',
    );
    expect(stepArithmetic(steps[9]!, 1e-5, EN)).toBe('σ² = Σ(x − μ)² / m = 5 / 4 = 1.25');
    expect(stepArithmetic(steps[10]!, 1e-5, EN)).toBe(
      'x̂₀ = (x₀ − μ) / √(σ² + ε) = (1 − 2.5) / √(1.25 + 0.00001) = −1.3416',
    );
    expect(stepArithmetic(steps[17]!, 1e-5, EN)).toBe('y₃ = γ·x̂₃ + β = 2·1.3416 + 1 = 3.6833');
    expect(stepHeadline(steps[12]!, EN)).toBe('normalizing x₂ (3 of 4)');
  });

  it('the walk-through knows the mean from step m and the variance from step 2m + 1; y_k after step 3m + 2 + k', () => {
    expect(progressOf(0, 3, 4)).toMatchObject({ meanKnown: false, varKnown: false, outputsDone: 0 });
    expect(progressOf(0, 4, 4)).toMatchObject({ meanKnown: true, varKnown: false });
    expect(progressOf(0, 9, 4)).toMatchObject({ varKnown: true, outputsDone: 0 });
    expect(progressOf(0, 14, 4).outputsDone).toBe(1);
    expect(progressOf(0, 17, 4).outputsDone).toBe(4);
  });

  it('running statistics after two batches of [1, 2, 3, 4], by hand: mean 0.25 then 0.475, variance 1.0667 then 1.1267', () => {
    const x = buildBatch(ONE, 0)!;
    const h = runningHistory(ONE, [x, x]);
    expect(h.tooFew).toBeNull();
    const [first, second] = [h.updates[0]![0]!, h.updates[1]![0]!];
    // k = 4 values, unbiased variance 1.25·4/3 = 5/3
    close(first.unbiased, 5 / 3);
    close(first.meanAfter, 0.9 * 0 + 0.1 * 2.5);
    close(first.varAfter, 0.9 * 1 + 0.1 * (5 / 3));
    close(second.meanAfter, 0.9 * 0.25 + 0.1 * 2.5);
    close(second.varAfter, 0.9 * (0.9 + 1 / 6) + 1 / 6);
    close(h.mean[0]!, 0.475);
    close(h.variance[0]!, 1.1266667);
  });

  it('at test time batch norm uses the running statistics: y = (x − 0.25)/√(1.0667 + ε) for one batch seen', () => {
    const x = buildBatch(ONE, 0)!;
    const h = runningHistory(ONE, [x]);
    const t = testResult(ONE, buildTestSample(ONE)!, h);
    const rv = 0.9 + 1 / 6;
    close(t.y[0]!, (1 - 0.25) / Math.sqrt(rv + 1e-5));
    close(t.ownMean![0]!, 2.5);
    close(t.ownVar![0]!, 1.25);
  });

  it('a fully connected sample alone has variance 0 per feature: its own statistics lose everything', () => {
    const cfg: NormConfig = { ...defaultNorm(), layout: 'nd', n: 4, c: 2 };
    const batches = [buildBatch(cfg, 0)!, buildBatch(cfg, 1)!];
    const h = runningHistory(cfg, batches);
    const t = testResult(cfg, buildTestSample(cfg)!, h);
    expect(Array.from(t.ownVar!)).toEqual([0, 0]);
    expect(Array.from(t.ownY!)).toEqual([0, 0]);
  });

  it('one value per channel cannot update the running variance (k − 1 = 0): the history says so', () => {
    const cfg: NormConfig = { ...defaultNorm(), layout: 'nd', n: 1, c: 2 };
    const h = runningHistory(cfg, [buildBatch(cfg, 0)!]);
    expect(h.tooFew).toBe(1);
    expect(Array.from(h.variance)).toEqual([1, 1]);
  });
});

describe('the normalizations coincide where the lecture says', () => {
  const shapes = fc.record({
    n: fc.integer({ min: 1, max: 3 }),
    c: fc.integer({ min: 1, max: 6 }),
    h: fc.integer({ min: 1, max: 3 }),
    w: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

  it('group norm with one group equals layer norm, with C groups instance norm', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const cfg: NormConfig = { ...defaultNorm(), ...s, gamma: { 0: 1.5 }, beta: { 0: -0.5 } };
        const x = buildBatch(cfg, 0)!;
        const g1 = buildNormModel({ ...cfg, kind: 'group', g: 1 }, x);
        const layer = buildNormModel({ ...cfg, kind: 'layer' }, x);
        const gc = buildNormModel({ ...cfg, kind: 'group', g: s.c }, x);
        const inst = buildNormModel({ ...cfg, kind: 'instance' }, x);
        expect(Array.from(g1.mean)).toEqual(Array.from(layer.mean));
        expect(Array.from(g1.variance)).toEqual(Array.from(layer.variance));
        expect(Array.from(g1.y)).toEqual(Array.from(layer.y));
        expect(Array.from(g1.mapGroup)).toEqual(Array.from(layer.mapGroup));
        expect(Array.from(gc.y)).toEqual(Array.from(inst.y));
        expect(Array.from(gc.mapGroup)).toEqual(Array.from(inst.mapGroup));
      }),
      { numRuns: 60 },
    );
  });

  it('the UI notes the coincidence: G = 1 is layer norm, G = C instance norm', () => {
    const cfg: NormConfig = { ...defaultNorm(), kind: 'group', c: 4 };
    expect(coincidences({ ...cfg, g: 1 }, EN)[0]!.text).toContain('group norm is layer norm');
    expect(coincidences({ ...cfg, g: 4 }, EN)[0]!.text).toContain('group norm is instance norm');
    expect(coincidences({ ...cfg, g: 2 }, EN)).toEqual([]);
  });

  it('the group of every map agrees with the engine’s normGroupOf, and mapsOfGroup lists each group’s maps in member order', () => {
    const kinds = fc.constantFrom('batch', 'layer', 'instance', 'group') as fc.Arbitrary<NormConfig['kind']>;
    fc.assert(
      fc.property(shapes, kinds, fc.integer({ min: 0, max: 5 }), (s, kind, gi) => {
        const divs = Array.from({ length: s.c }, (_, i) => i + 1).filter((d) => s.c % d === 0);
        const g = divs[gi % divs.length]!;
        const cfg = { ...defaultNorm(), ...s, kind, g };
        const shape = [s.n, s.c, s.h, s.w];
        const opts = { kind, groups: kind === 'group' ? g : undefined };
        const seen = new Map<number, [number, number][]>();
        for (let n = 0; n < s.n; n++)
          for (let c = 0; c < s.c; c++) {
            const group = groupOfMap(cfg, n, c);
            expect(group).toBe(normGroupOf(shape, opts, (n * s.c + c) * s.h * s.w));
            seen.set(group, [...(seen.get(group) ?? []), [n, c]]);
          }
        for (const [group, maps] of seen)
          expect(mapsOfGroup(cfg, group).slice().sort()).toEqual(maps.slice().sort());
        // member order: the first map listed holds the group's first member
        const first = mapsOfGroup(cfg, 0)[0]!;
        expect(first).toEqual([0, 0]);
      }),
      { numRuns: 80 },
    );
  });
});

describe('words and tables', () => {
  const cfg: NormConfig = { ...defaultNorm(), n: 2, c: 4, h: 3, w: 3 };

  it('the table of shapes: μ, σ are 1×C×1×1, N×1×1×1, N×C×1×1, N×G×1×1; γ, β 1×C×1×1', () => {
    const rows = shapeTable({ ...cfg, kind: 'group', g: 2 });
    expect(rows[1]!.shapes).toEqual({
      batch: '1×4×1×1',
      layer: '2×1×1×1',
      instance: '2×4×1×1',
      group: '2×2×1×1',
    });
    expect(rows[2]!.shapes.layer).toBe('1×4×1×1');
    const nd = shapeTable({ ...cfg, layout: 'nd' });
    expect(nd[1]!.shapes).toEqual({ batch: '1×4', layer: '2×1', instance: null, group: null });
  });

  it('counts, descriptions and the PyTorch module use the configuration’s numbers', () => {
    expect(countFormula(cfg)).toBe('N·H·W = 2·3·3 = 18');
    expect(countFormula({ ...cfg, kind: 'group', g: 2 })).toBe('(C/G)·H·W = 2·3·3 = 18');
    expect(countFormula({ ...cfg, kind: 'instance' })).toBe('H·W = 3·3 = 9');
    expect(countFormula({ ...cfg, layout: 'nd' })).toBe('N = 2');
    expect(describeGroup(cfg, 2, EN)).toBe('channel 2 of every sample');
    expect(describeGroup({ ...cfg, kind: 'group', g: 2 }, 3, EN)).toBe('channels 2–3 of sample 1');
    expect(describeGroup({ ...cfg, kind: 'instance' }, 5, EN)).toBe('channel 1 of sample 1');
    expect(pytorchLine(cfg, EN).code).toBe('nn.BatchNorm2d(4)');
    expect(pytorchLine({ ...cfg, kind: 'group', g: 2, eps: 0.001 }, EN).code).toBe(
      'nn.GroupNorm(2, 4, eps=0.001)',
    );
    expect(pytorchLine({ ...cfg, layout: 'nd', mom: 0.2 }, EN).code).toBe('nn.BatchNorm1d(4, momentum=0.2)');
  });
});

describe('the data', () => {
  it('each channel is offset + spread·z: 8 samples of 16×16 of channel 0 average close to 5 with spread close to 2', () => {
    const cfg: NormConfig = { ...defaultNorm(), n: 8, c: 2, h: 16, w: 16 };
    const x = buildBatch(cfg, 0)!;
    let s = 0;
    let q = 0;
    const k = 8 * 256;
    for (let n = 0; n < 8; n++) for (let j = 0; j < 256; j++) s += x.data[n * 512 + j]!;
    const mean = s / k;
    for (let n = 0; n < 8; n++) for (let j = 0; j < 256; j++) q += (x.data[n * 512 + j]! - mean) ** 2;
    expect(Math.abs(mean - 5)).toBeLessThan(0.2);
    expect(Math.abs(Math.sqrt(q / k) - 2)).toBeLessThan(0.2);
  });

  it('adding a sample leaves the other samples’ numbers as they were; another batch or the test sample differ', () => {
    const cfg = defaultNorm();
    const a = buildBatch(cfg, 0)!;
    const b = buildBatch({ ...cfg, n: 3 }, 0)!;
    expect(Array.from(b.data.slice(0, 9))).toEqual(Array.from(a.data.slice(0, 9)));
    expect(Array.from(buildBatch(cfg, 1)!.data)).not.toEqual(Array.from(a.data));
    expect(buildTestSample(cfg)!.shape).toEqual([1, 3, 3, 3]);
  });

  it('a near-constant channel keeps its tiny spread in its digits', () => {
    expect(decimalsFor(2)).toBe(2);
    expect(decimalsFor(0.001)).toBe(5);
    const cfg: NormConfig = { ...defaultNorm(), off: [5, 3], sd: [2, 0.001] };
    const x = buildBatch(cfg, 0)!;
    const ch1 = [0, 1].flatMap((n) => Array.from(x.data.slice(n * 27 + 9, n * 27 + 18)));
    expect(new Set(ch1).size).toBeGreaterThan(1);
    for (const v of ch1) expect(Math.abs(v - 3)).toBeLessThan(0.01);
  });

  it('sample 0 of the convolution source is exactly the convolution view’s output', () => {
    const conv = { ...defaultConv(), src: 'float' as const };
    const cfg: NormConfig = { ...defaultNorm(), src: 'conv', cv: packConv(conv)!, c: 2, h: 3, w: 3 };
    // The layer's code is loaded on demand: until then there is no data.
    expect(buildBatch(cfg, 0)).toBeNull();
    const x = buildBatch(cfg, 0, { convLayer: convLayerSamples })!;
    const own = buildConvModel(conv).output;
    expect(Array.from(x.data.slice(0, 18))).toEqual(Array.from(own.data));
    expect(x.shape).toEqual([2, 2, 3, 3]);
  });

  it('the N×D layout of an N×C×H×W source averages each map (global average pooling)', () => {
    const t = tensor([1, 2, 1, 2], [1, 2, 3, 5]);
    expect(Array.from(globalAverage(t).data)).toEqual([1.5, 4]);
  });
});
