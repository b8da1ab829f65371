import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EngineError } from '../../src/engine/errors';
import {
  checkConv2d,
  checkPool2d,
  conv2dMacs,
  conv2dParams,
  conv2dShape,
  convAxis,
  convTranspose2dShape,
  convTransposeAxis,
  fullPadding,
  linearParams,
  maxKernelFor,
  pool2dShape,
  poolAxis,
  samePadding,
  type Conv2dConfig,
  type Pool2dConfig,
} from '../../src/engine/shapes';
import fixtures from '../fixtures/conformance.json';

/** Runs `fn` and returns the EngineError it throws (fails the test when it does not throw one). */
function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

/**
 * Naive reference for one convolution axis: slide a window over the padded axis cell by cell and
 * count the placements that fit; also report the last padded cell any window reaches.
 */
function naiveAxis(input: number, k: number, s: number, pb: number, pa: number, d: number) {
  const padded = input + pb + pa;
  let count = 0;
  let lastTouched = -1;
  for (let start = 0; start + d * (k - 1) < padded; start += s) {
    count++;
    for (let tap = 0; tap < k; tap++) lastTouched = Math.max(lastTouched, start + tap * d);
  }
  return { count, lastTouched, padded };
}

describe('convAxis: one axis of a convolution', () => {
  it('a 5-cell input with padding 1, kernel 3 and stride 2 gives 3 outputs, exactly', () => {
    // padded = 5 + 1 + 1 = 7; (7 − 3)/2 = 2 exactly → 2 + 1 = 3 windows, none left over.
    const g = convAxis(5, 3, 2, 1);
    expect(g.output).toBe(3);
    expect(g.exact).toBe(true);
    expect(g.padded).toBe(7);
    expect(g.effectiveKernel).toBe(3);
    expect(g.unused).toBe(0);
    expect(g.unusedInput).toBe(0);
  });

  it('a 32-cell input with a 5-cell kernel gives 28 outputs', () => {
    // (32 − 5)/1 + 1 = 28
    expect(convAxis(32, 5).output).toBe(28);
  });

  it('a 7-cell input with kernel 3 and stride 2 gives 3 outputs, exactly', () => {
    // (7 − 3)/2 = 2 → 3 windows starting at 0, 2, 4; the last ends on cell 6.
    const g = convAxis(7, 3, 2);
    expect(g.output).toBe(3);
    expect(g.exact).toBe(true);
    expect(g.unused).toBe(0);
  });

  it('a 6-cell input with kernel 3 and stride 2 gives 2 outputs and leaves one input cell unused', () => {
    // floor((6 − 3)/2) + 1 = floor(1.5) + 1 = 2 windows: cells 0–2 and 2–4; cell 5 is dropped by the floor.
    const g = convAxis(6, 3, 2, 0);
    expect(g.output).toBe(2);
    expect(g.exact).toBe(false);
    expect(g.unused).toBe(1);
    expect(g.unusedInput).toBe(1);
  });

  it('with padding 1 the cell the floor drops on a 6-cell input is padding, not input', () => {
    // padded 8: floor((8 − 3)/2) + 1 = 3 windows covering padded cells 0–6; padded cell 7 is the pad.
    const g = convAxis(6, 3, 2, 1);
    expect(g.output).toBe(3);
    expect(g.unused).toBe(1);
    expect(g.unusedInput).toBe(0);
  });

  it('dilation 2 turns a 3-tap kernel into a 5-cell span: a 7-cell input gives 3 outputs', () => {
    // effective kernel 2·(3 − 1) + 1 = 5; (7 − 5)/1 + 1 = 3.
    const g = convAxis(7, 3, 1, 0, 0, 2);
    expect(g.effectiveKernel).toBe(5);
    expect(g.output).toBe(3);
  });

  it('asymmetric padding counts both sides', () => {
    // 5 + 2 + 0 = 7 padded; kernel 2 → 6 outputs.
    const g = convAxis(5, 2, 1, 2, 0);
    expect(g.padded).toBe(7);
    expect(g.output).toBe(6);
  });

  it('a kernel longer than the padded input gives a non-positive output that is not clamped', () => {
    // floor((5 − 7)/1) + 1 = −1; no window at all, so every cell is unused.
    const g = convAxis(5, 7);
    expect(g.output).toBe(-1);
    expect(g.exact).toBe(false);
    expect(g.unused).toBe(5);
    expect(g.unusedInput).toBe(5);
  });

  it('agrees with sliding a window cell by cell (output, exactness, unused cells)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (input, k, s, pb, pa, d) => {
          const g = convAxis(input, k, s, pb, pa, d);
          const ref = naiveAxis(input, k, s, pb, pa, d);
          expect(Math.max(g.output, 0)).toBe(ref.count);
          if (ref.count > 0) {
            expect(g.unused).toBe(ref.padded - 1 - ref.lastTouched);
            expect(g.exact).toBe(ref.lastTouched === ref.padded - 1);
            // The unused tail minus the trailing padding, but never more than the input.
            let realUnused = 0;
            for (let cell = ref.lastTouched + 1; cell < ref.padded; cell++)
              if (cell >= pb && cell < pb + input) realUnused++;
            expect(g.unusedInput).toBe(realUnused);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects arguments that are not whole numbers in range, naming the argument', () => {
    expect(engineError(() => convAxis(0, 3)).field).toBe('input');
    expect(engineError(() => convAxis(5, 0)).field).toBe('kernel');
    expect(engineError(() => convAxis(5, 3, 0)).field).toBe('stride');
    expect(engineError(() => convAxis(5, 3, 1, -1)).field).toBe('padBefore');
    expect(engineError(() => convAxis(5, 3, 1, 0, 0.5)).field).toBe('padAfter');
    expect(engineError(() => convAxis(5, 3, 1, 0, 0, 0)).field).toBe('dilation');
    expect(engineError(() => convAxis(Number.NaN, 3)).field).toBe('input');
  });
});

describe('poolAxis: PyTorch pooling sizes, floor and ceil mode', () => {
  it('in floor mode it matches the convolution formula', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
        (input, k, s, p, d) => {
          expect(poolAxis(input, k, s, p, p, d, false)).toEqual(convAxis(input, k, s, p, p, d));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stride defaults to the kernel: 6 cells with a 2-window give 3', () => {
    expect(poolAxis(6, 2).output).toBe(3);
  });

  it('input 5, window 2, stride 2: floor gives 2, ceil gives 3', () => {
    // PyTorch: out = floor((in + pl + pr − d·(k − 1) − 1 + (ceil ? s − 1 : 0)) / s) + 1,
    // then in ceil mode drop the last window if (out − 1)·s ≥ in + pl.
    // floor: floor((5 − 1 − 1)/2) + 1 = floor(1.5) + 1 = 2.
    // ceil:  floor((5 − 1 − 1 + 1)/2) + 1 = 2 + 1 = 3; check (3 − 1)·2 = 4 ≥ 5? no → 3.
    expect(poolAxis(5, 2, 2, 0, 0, 1, false).output).toBe(2);
    const g = poolAxis(5, 2, 2, 0, 0, 1, true);
    expect(g.output).toBe(3);
    // The third window starts at cell 4 and needs cell 5, which does not exist.
    expect(g.overhang).toBe(1);
    expect(g.unused).toBe(0);
  });

  it('input 6, window 3, stride 2, padding 1: floor gives 3, ceil gives 4', () => {
    // floor: floor((6 + 2 − 2 − 1)/2) + 1 = floor(2.5) + 1 = 3.
    // ceil:  floor((6 + 2 − 2 − 1 + 1)/2) + 1 = 3 + 1 = 4; check (4 − 1)·2 = 6 ≥ 6 + 1 = 7? no → 4.
    expect(poolAxis(6, 3, 2, 1, 1, 1, false).output).toBe(3);
    expect(poolAxis(6, 3, 2, 1, 1, 1, true).output).toBe(4);
  });

  it('input 5, window 2, stride 2, padding 1 in ceil mode drops a window that would start in the padding', () => {
    // ceil: floor((5 + 2 − 1 − 1 + 1)/2) + 1 = 3 + 1 = 4; check (4 − 1)·2 = 6 ≥ 5 + 1 = 6? yes → 3.
    // (The 4th window would start on padded cell 6, the right padding, and see no input.)
    expect(poolAxis(5, 2, 2, 1, 1, 1, true).output).toBe(3);
    expect(poolAxis(5, 2, 2, 1, 1, 1, false).output).toBe(3);
  });

  it('input 4, window 3, stride 2, padding 1: floor gives 2, ceil gives 3', () => {
    // floor: floor((4 + 2 − 2 − 1)/2) + 1 = floor(1.5) + 1 = 2.
    // ceil:  floor((3 + 1)/2) + 1 = 3; check (3 − 1)·2 = 4 ≥ 4 + 1 = 5? no → 3.
    expect(poolAxis(4, 3, 2, 1, 1, 1, false).output).toBe(2);
    expect(poolAxis(4, 3, 2, 1, 1, 1, true).output).toBe(3);
  });

  it('in ceil mode a window larger than the input still gives one output, hanging past the end', () => {
    // ceil: floor((2 − 2 − 1 + 2)/3) + 1 = floor(1/3) + 1 = 1; check 0 ≥ 2? no → 1.
    const g = poolAxis(2, 3, 3, 0, 0, 1, true);
    expect(g.output).toBe(1);
    expect(g.overhang).toBe(1);
    expect(poolAxis(2, 3, 3, 0, 0, 1, false).output).toBe(0);
  });

  it('ceil mode adds at most one window, only when the fit is inexact, and every window starts before the right padding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (input, k, s, p) => {
          fc.pre(p <= Math.floor(k / 2));
          const floorG = poolAxis(input, k, s, p, p, 1, false);
          const ceilG = poolAxis(input, k, s, p, p, 1, true);
          fc.pre(floorG.output >= 1);
          expect(ceilG.output - floorG.output).toBeGreaterThanOrEqual(0);
          expect(ceilG.output - floorG.output).toBeLessThanOrEqual(1);
          if (floorG.exact) expect(ceilG.output).toBe(floorG.output);
          expect((ceilG.output - 1) * s).toBeLessThan(input + p);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects a ceil mode that is not a boolean', () => {
    expect(engineError(() => poolAxis(5, 2, 2, 0, 0, 1, 'yes' as unknown as boolean)).field).toBe('ceilMode');
  });
});

describe('convTransposeAxis: transposed convolution sizes', () => {
  it('3 cells, kernel 3, stride 2 grow to 7', () => {
    // (3 − 1)·2 − 0 + 1·(3 − 1) + 0 + 1 = 4 + 2 + 1 = 7
    expect(convTransposeAxis(3, 3, 2, 0, 0, 1)).toBe(7);
  });

  it('4 cells, kernel 3, stride 2, padding 1, output padding 1 grow to 8', () => {
    // (4 − 1)·2 − 2 + 2 + 1 + 1 = 8
    expect(convTransposeAxis(4, 3, 2, 1, 1, 1)).toBe(8);
  });

  it('undoes a convolution: with output padding = the cells the floor dropped, it gives back the input size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        (input, k, s, p, d) => {
          const g = convAxis(input, k, s, p, p, d);
          fc.pre(g.output >= 1);
          const dropped = (g.padded - g.effectiveKernel) % s;
          fc.pre(dropped < Math.max(s, d));
          expect(convTransposeAxis(g.output, k, s, p, dropped, d)).toBe(input);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('requires the output padding to be smaller than the stride or the dilation', () => {
    expect(engineError(() => convTransposeAxis(3, 3, 2, 0, 2, 1)).field).toBe('outputPadding');
    expect(convTransposeAxis(3, 3, 1, 0, 1, 2)).toBe(3 - 1 + 4 + 1 + 1);
  });
});

describe('padding helpers', () => {
  it("'same' padding splits d·(k − 1) with the extra cell after, as PyTorch does", () => {
    expect(samePadding(3)).toEqual([1, 1]);
    expect(samePadding(4)).toEqual([1, 2]);
    expect(samePadding(1)).toEqual([0, 0]);
    expect(samePadding(3, 2)).toEqual([2, 2]);
    expect(samePadding(2, 3)).toEqual([1, 2]);
  });

  it("'same' padding keeps the size at stride 1 and 'full' padding grows it by d·(k − 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        (n, k, d) => {
          const [b, a] = samePadding(k, d);
          expect(convAxis(n, k, 1, b, a, d).output).toBe(n);
          const f = fullPadding(k, d);
          expect(convAxis(n, k, 1, f, f, d).output).toBe(n + d * (k - 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fullPadding of a 3-tap kernel is 2, and 4 with dilation 2', () => {
    expect(fullPadding(3)).toBe(2);
    expect(fullPadding(3, 2)).toBe(4);
    expect(engineError(() => fullPadding(0)).field).toBe('kernel');
  });
});

describe('maxKernelFor', () => {
  it('is the padded size without dilation and shrinks with dilation', () => {
    expect(maxKernelFor(5, 0, 0, 1)).toBe(5);
    expect(maxKernelFor(5, 1, 1, 1)).toBe(7);
    // dilation 2: 2·(K − 1) + 1 ≤ 7 → K ≤ 4
    expect(maxKernelFor(7, 0, 0, 2)).toBe(4);
  });

  it('is the largest kernel with at least one output', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (n, pb, pa, d) => {
          const k = maxKernelFor(n, pb, pa, d);
          expect(convAxis(n, k, 1, pb, pa, d).output).toBeGreaterThanOrEqual(1);
          expect(convAxis(n, k + 1, 1, pb, pa, d).output).toBeLessThan(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

type Shape = { shape: number[] };
type FixtureCase = {
  id: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, Shape>;
  expected: Record<string, Shape>;
};
const cases = (fixtures as unknown as { cases: FixtureCase[] }).cases;

describe('2-D shapes agree with the conformance fixtures', () => {
  it.each(cases.filter((c) => c.op === 'conv2d').map((c) => [c.id, c] as const))('conv2d %s', (_id, c) => {
    const out = conv2dShape(c.inputs.input!.shape, c.inputs.weight!.shape, c.params);
    expect(out.outShape).toEqual(c.expected.output!.shape);
  });

  it.each(cases.filter((c) => c.op === 'maxPool2d' || c.op === 'avgPool2d').map((c) => [c.id, c] as const))(
    'pool %s',
    (_id, c) => {
      const out = pool2dShape(c.inputs.input!.shape, c.params as never);
      expect(out.outShape).toEqual(c.expected.output!.shape);
    },
  );

  it.each(cases.filter((c) => c.op === 'convTranspose2d').map((c) => [c.id, c] as const))(
    'convTranspose2d %s',
    (_id, c) => {
      expect(convTranspose2dShape(c.inputs.input!.shape, c.inputs.weight!.shape, c.params)).toEqual(
        c.expected.output!.shape,
      );
    },
  );
});

describe('conv2dShape', () => {
  it('a 3×5×5 input, six 3×3 filters, stride 2, padding 1 gives 1×6×3×3 with both axes exact', () => {
    const s = conv2dShape([3, 5, 5], [6, 3, 3, 3], { stride: 2, padding: 1 });
    expect(s.outShape).toEqual([1, 6, 3, 3]);
    expect(s.rows.exact && s.cols.exact).toBe(true);
  });

  it('per-axis options apply to rows and columns separately', () => {
    // rows: (9 + 2 − 3)/2 + 1 = 5; cols: (7 − 2)/1 + 1 = 6
    const s = conv2dShape([2, 2, 9, 7], [4, 2, 3, 2], { stride: [2, 1], padding: [1, 0] });
    expect(s.outShape).toEqual([2, 4, 5, 6]);
  });

  it("'same' padding keeps a 7×7 map at 7×7, even for an even kernel", () => {
    expect(conv2dShape([1, 1, 7, 7], [1, 1, 4, 4], { padding: 'same' }).outShape).toEqual([1, 1, 7, 7]);
    expect(conv2dShape([1, 1, 7, 7], [1, 1, 3, 3], { padding: 'valid' }).outShape).toEqual([1, 1, 5, 5]);
  });

  it('rejects mismatched channels, bad groups, strided same padding and kernels larger than the padded input', () => {
    expect(engineError(() => conv2dShape([1, 3, 5, 5], [2, 2, 3, 3])).field).toBe('weightShape[1]');
    expect(engineError(() => conv2dShape([1, 4, 5, 5], [3, 2, 3, 3], { groups: 2 })).field).toBe('groups');
    expect(engineError(() => conv2dShape([1, 3, 5, 5], [2, 1, 3, 3], { groups: 2 })).field).toBe('groups');
    expect(
      engineError(() => conv2dShape([1, 1, 5, 5], [1, 1, 3, 3], { padding: 'same', stride: 2 })).field,
    ).toBe('padding');
    const e = engineError(() => conv2dShape([1, 1, 5, 5], [1, 1, 7, 7]));
    expect(e.field).toBe('weightShape');
    expect(e.expected).toContain('at most 5×5');
    expect(engineError(() => conv2dShape([5, 5], [1, 1, 3, 3])).field).toBe('inputShape');
    expect(engineError(() => conv2dShape([1, 1, 5, 0], [1, 1, 3, 3])).field).toBe('inputShape[3]');
    expect(engineError(() => conv2dShape([1, 1, 5, 5], [1, 1, 3, 3], { stride: 0 })).field).toBe('stride');
  });
});

describe('pool2dShape', () => {
  it('a 2×2 window on 1×2×6×6 gives 1×2×3×3 (stride defaults to the window)', () => {
    expect(pool2dShape([1, 2, 6, 6], { kernel: 2 }).outShape).toEqual([1, 2, 3, 3]);
  });

  it('ceil mode on a 5×5 input with a 2×2 window gives 3×3', () => {
    expect(pool2dShape([1, 1, 5, 5], { kernel: 2, ceilMode: true }).outShape).toEqual([1, 1, 3, 3]);
  });

  it('rejects padding above half the window and windows that do not fit', () => {
    const e = engineError(() => pool2dShape([1, 1, 5, 5], { kernel: 3, padding: 2 }));
    expect(e.field).toBe('padding');
    expect(engineError(() => pool2dShape([1, 1, 2, 2], { kernel: 3 })).field).toBe('kernel');
    expect(engineError(() => pool2dShape([1, 1, 5, 5], { kernel: 0 })).field).toBe('kernel');
  });
});

describe('convTranspose2dShape', () => {
  it('weights are [Cin, Cout/groups, Kh, Kw]: a 1×2×3×3 input with a 2×1×3×3 weight, stride 2, gives 1×1×7×7', () => {
    expect(convTranspose2dShape([1, 2, 3, 3], [2, 1, 3, 3], { stride: 2 })).toEqual([1, 1, 7, 7]);
    expect(convTranspose2dShape([4, 3, 3], [4, 2, 3, 3], { stride: 2, groups: 2 })).toEqual([1, 4, 7, 7]);
  });

  it('rejects a weight whose first axis is not the input channels and padding that crops everything', () => {
    expect(engineError(() => convTranspose2dShape([1, 2, 3, 3], [3, 1, 3, 3])).field).toBe('weightShape[0]');
    expect(engineError(() => convTranspose2dShape([1, 1, 1, 1], [1, 1, 1, 1], { padding: 1 })).field).toBe(
      'padding',
    );
  });
});

describe('parameter and MAC counts', () => {
  it('a 5×5 convolution from 3 to 6 channels has 6·3·5·5 + 6 = 456 parameters', () => {
    expect(conv2dParams(3, 6, 5)).toBe(456);
    expect(conv2dParams(3, 6, 5, 1, false)).toBe(450);
  });

  it('the 13 convolutions of VGG-16 have 14,714,688 parameters, and the whole network 138,357,544', () => {
    const channels: [number, number][] = [
      [3, 64],
      [64, 64],
      [64, 128],
      [128, 128],
      [128, 256],
      [256, 256],
      [256, 256],
      [256, 512],
      [512, 512],
      [512, 512],
      [512, 512],
      [512, 512],
      [512, 512],
    ];
    const each = channels.map(([i, o]) => conv2dParams(i, o, 3));
    // conv1_1: 64·3·9 + 64 = 1,792; conv1_2: 64·64·9 + 64 = 36,928; conv3_1: 256·128·9 + 256 = 295,168;
    // conv4_2: 512·512·9 + 512 = 2,359,808.
    expect(each.slice(0, 2)).toEqual([1792, 36928]);
    expect(each[4]).toBe(295168);
    expect(each[8]).toBe(2359808);
    const convTotal = each.reduce((a, b) => a + b, 0);
    expect(convTotal).toBe(14714688);
    // fc6: 7·7·512 = 25,088 → 4,096; fc7: 4,096 → 4,096; fc8: 4,096 → 1,000.
    expect(linearParams(25088, 4096)).toBe(102764544);
    expect(convTotal + linearParams(25088, 4096) + linearParams(4096, 4096) + linearParams(4096, 1000)).toBe(
      138357544,
    );
  });

  it('grouped and depthwise convolutions divide the weights by the groups', () => {
    // depthwise 32 → 32, 3×3: 32·1·9 + 32 = 320
    expect(conv2dParams(32, 32, 3, 32)).toBe(320);
    // 8 → 16 in 4 groups, 3×5: 16·2·15 + 16 = 496
    expect(conv2dParams(8, 16, [3, 5], 4)).toBe(496);
  });

  it('a 5×5 convolution from 3 to 6 channels on a 28×28 output does 352,800 multiply–accumulates', () => {
    // 6·3·5·5 = 450 per position, 784 positions
    expect(conv2dMacs(3, 6, 5, 28, 28)).toBe(352800);
  });

  it('MACs equal the multiplications counted by a naive convolution loop', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (g, cinPer, coutPer, kh, kw, s, h0, w0) => {
          const cin = g * cinPer;
          const cout = g * coutPer;
          const h = h0 + kh;
          const w = w0 + kw;
          const { outShape } = conv2dShape([1, cin, h, w], [cout, cinPer, kh, kw], { stride: s, groups: g });
          let mults = 0;
          for (let co = 0; co < cout; co++) {
            const group = Math.floor(co / coutPer);
            for (let y = 0; y < outShape[2]; y++)
              for (let x = 0; x < outShape[3]; x++)
                for (let ci = group * cinPer; ci < (group + 1) * cinPer; ci++)
                  for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) mults++;
          }
          expect(conv2dMacs(cin, cout, [kh, kw], outShape[2], outShape[3], g)).toBe(mults);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a linear layer from 120 to 84 features has 120·84 + 84 = 10,164 parameters', () => {
    expect(linearParams(120, 84)).toBe(10164);
    expect(linearParams(120, 84, false)).toBe(10080);
  });

  it('rejects groups that do not divide the channels and counts that are not whole numbers', () => {
    expect(engineError(() => conv2dParams(6, 8, 3, 4)).field).toBe('groups');
    expect(engineError(() => conv2dParams(0, 8, 3)).field).toBe('inChannels');
    expect(engineError(() => conv2dParams(3, 8, [3, 0])).field).toBe('kernel');
    expect(engineError(() => conv2dMacs(3, 8, 3, 0, 4)).field).toBe('outH');
    expect(engineError(() => linearParams(10, 2.5)).field).toBe('outFeatures');
  });
});

/** Mostly values from `good`, sometimes one of the classic mistakes (0, a negative, a fraction). */
function mostly(good: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return fc.oneof({ weight: 15, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5) });
}

const base: Conv2dConfig = { inChannels: 3, height: 5, width: 5, outChannels: 8, kernel: 3 };

function fields(problems: { field: string }[]): string[] {
  return problems.map((p) => p.field);
}

describe('checkConv2d: every problem, in plain English', () => {
  it('a valid configuration has no problems', () => {
    expect(checkConv2d(base)).toEqual([]);
    expect(checkConv2d({ ...base, kernel: 7, padding: 1 })).toEqual([]);
    expect(checkConv2d({ ...base, padding: 'same', dilation: 2 })).toEqual([]);
  });

  it('a 7×7 kernel on an unpadded 5×5 input is a kernel problem with the range of valid kernels', () => {
    const problems = checkConv2d({ ...base, kernel: 7 });
    expect(problems).toEqual([
      {
        field: 'kernel',
        value: 7,
        message:
          'The 7×7 kernel is larger than the padded 5×5 input; use a kernel of at most 5 or pad by at least 1.',
        valid: 'kernel ≤ 5 for this input and padding',
        code: 'window',
        params: { kernel: '7×7', span: '7×7', padded: '5×5', limit: '5', axis: 'both' },
      },
    ]);
  });

  it('a dilated kernel that spans more than the input is a kernel problem that mentions the dilation', () => {
    // 3 taps at dilation 3 span 3·2 + 1 = 7 cells > 5.
    const [p] = checkConv2d({ ...base, dilation: 3 });
    expect(p!.field).toBe('kernel');
    expect(p!.message).toContain('spans 7×7');
    expect(p!.valid).toBe('kernel ≤ 2 for this input, padding and dilation');
  });

  it('a kernel only taller than the input says so', () => {
    const [p] = checkConv2d({ ...base, kernel: [6, 3] });
    expect(p!.message).toContain('taller than');
    expect(p!.valid).toBe('kernel height ≤ 5 for this input and padding');
  });

  it('groups that do not divide the channels are a groups problem listing the valid choices', () => {
    const problems = checkConv2d({ ...base, inChannels: 6, groups: 4 });
    expect(fields(problems)).toEqual(['groups']);
    expect(problems[0]!.message).toContain('does not divide the 6 input channels');
    expect(problems[0]!.valid).toBe('groups ∈ {1, 2} (divides both 6 and 8)');
  });

  it('stride 0 is a stride problem', () => {
    const problems = checkConv2d({ ...base, stride: 0 });
    expect(fields(problems)).toEqual(['stride']);
    expect(problems[0]!.message).toMatch(/^The stride must be a whole number of at least 1/);
  });

  it('negative padding is a padding problem', () => {
    const problems = checkConv2d({ ...base, padding: -1 });
    expect(fields(problems)).toEqual(['padding']);
    expect(problems[0]!.message).toContain('cannot be negative');
  });

  it('non-integer values are problems of their own fields', () => {
    expect(fields(checkConv2d({ ...base, kernel: 2.5 }))).toEqual(['kernel']);
    expect(fields(checkConv2d({ ...base, inChannels: 1.5 }))).toEqual(['inChannels']);
    expect(fields(checkConv2d({ ...base, width: 4.2 }))).toEqual(['input']);
    expect(fields(checkConv2d({ ...base, padding: [0.5, 1] }))).toEqual(['padding']);
    expect(fields(checkConv2d({ ...base, dilation: [1, 1.5] }))).toEqual(['dilation']);
    expect(fields(checkConv2d({ ...base, groups: 0.5 }))).toEqual(['groups']);
  });

  it('a missing configuration is reported, not thrown', () => {
    expect(fields(checkConv2d(null as unknown as Conv2dConfig))).toEqual(['input']);
    expect(fields(checkPool2d(undefined as unknown as Pool2dConfig))).toEqual(['input']);
  });

  it("'same' padding with stride 2 is a padding problem", () => {
    expect(fields(checkConv2d({ ...base, padding: 'same', stride: 2 }))).toEqual(['padding']);
  });

  it('collects every problem at once, one per field', () => {
    const problems = checkConv2d({
      inChannels: 6,
      height: 0,
      width: 5,
      outChannels: 0,
      kernel: 0,
      stride: 0,
      padding: -1,
      dilation: 0,
      groups: 4,
    });
    expect(fields(problems).sort()).toEqual([
      'dilation',
      'input',
      'kernel',
      'outChannels',
      'padding',
      'stride',
    ]);
    for (const p of problems) {
      expect(p.message).toMatch(/^[A-Z'g].*\.$/);
      expect(p.valid.length).toBeGreaterThan(0);
    }
  });

  it('has no problems exactly when conv2dShape accepts the configuration', () => {
    fc.assert(
      fc.property(
        fc.record({
          inChannels: mostly(fc.integer({ min: 1, max: 6 })),
          height: mostly(fc.integer({ min: 1, max: 8 })),
          width: mostly(fc.integer({ min: 1, max: 8 })),
          outChannels: mostly(fc.integer({ min: 1, max: 6 })),
          kernel: fc.oneof(
            mostly(fc.integer({ min: 1, max: 8 })),
            fc.tuple(mostly(fc.integer({ min: 1, max: 8 })), mostly(fc.integer({ min: 1, max: 8 }))),
          ),
          stride: fc.option(mostly(fc.integer({ min: 1, max: 3 })), { nil: undefined }),
          padding: fc.option(
            fc.oneof(
              mostly(fc.integer({ min: 0, max: 3 })),
              fc.tuple(mostly(fc.integer({ min: 0, max: 3 })), mostly(fc.integer({ min: 0, max: 3 }))),
              fc.constant('same' as const),
            ),
            { nil: undefined },
          ),
          dilation: fc.option(mostly(fc.integer({ min: 1, max: 3 })), { nil: undefined }),
          groups: fc.option(mostly(fc.integer({ min: 1, max: 3 })), { nil: undefined }),
        }),
        (cfg) => {
          const problems = checkConv2d(cfg as Conv2dConfig);
          let accepted = true;
          try {
            const k = typeof cfg.kernel === 'number' ? [cfg.kernel, cfg.kernel] : cfg.kernel;
            const cinPerGroup = cfg.inChannels / (cfg.groups ?? 1);
            conv2dShape(
              [1, cfg.inChannels, cfg.height, cfg.width],
              [cfg.outChannels, cinPerGroup, k[0], k[1]],
              cfg,
            );
          } catch (e) {
            expect(e).toBeInstanceOf(EngineError);
            accepted = false;
          }
          expect(problems.length === 0).toBe(accepted);
          expect(new Set(fields(problems)).size).toBe(problems.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('checkPool2d', () => {
  const pool: Pool2dConfig = { channels: 2, height: 5, width: 5, kernel: 2 };

  it('a valid pooling has no problems', () => {
    expect(checkPool2d(pool)).toEqual([]);
    expect(checkPool2d({ ...pool, kernel: 3, stride: 2, padding: 1, ceilMode: true })).toEqual([]);
  });

  it('padding above half the window is a padding problem (PyTorch: padding ≤ kernel/2)', () => {
    const problems = checkPool2d({ ...pool, kernel: 3, padding: 2 });
    expect(fields(problems)).toEqual(['padding']);
    expect(problems[0]!.valid).toBe('padding ≤ 1 for a 3×3 window');
  });

  it('a window larger than the input is a kernel problem in floor mode but allowed in ceil mode', () => {
    const small = { ...pool, height: 2, width: 2, kernel: 3 };
    expect(fields(checkPool2d(small))).toEqual(['kernel']);
    expect(checkPool2d(small)[0]!.valid).toBe('kernel ≤ 2 for this input, padding and stride');
    expect(checkPool2d({ ...small, ceilMode: true })).toEqual([]);
  });

  it('each bad field is reported once', () => {
    const problems = checkPool2d({
      channels: 0,
      height: 5,
      width: -5,
      kernel: [2, 0],
      stride: 0,
      dilation: 0.5,
      ceilMode: 1 as unknown as boolean,
    });
    expect(fields(problems).sort()).toEqual([
      'ceilMode',
      'channels',
      'dilation',
      'input',
      'kernel',
      'stride',
    ]);
  });

  it('has no problems exactly when pool2dShape accepts the configuration', () => {
    fc.assert(
      fc.property(
        fc.record({
          channels: mostly(fc.integer({ min: 1, max: 4 })),
          height: mostly(fc.integer({ min: 1, max: 8 })),
          width: mostly(fc.integer({ min: 1, max: 8 })),
          kernel: fc.oneof(
            mostly(fc.integer({ min: 1, max: 8 })),
            fc.tuple(mostly(fc.integer({ min: 1, max: 8 })), mostly(fc.integer({ min: 1, max: 8 }))),
          ),
          stride: fc.option(mostly(fc.integer({ min: 1, max: 3 })), { nil: undefined }),
          padding: fc.option(
            fc.oneof(
              mostly(fc.integer({ min: 0, max: 3 })),
              fc.tuple(mostly(fc.integer({ min: 0, max: 3 })), mostly(fc.integer({ min: 0, max: 3 }))),
            ),
            { nil: undefined },
          ),
          dilation: fc.option(mostly(fc.integer({ min: 1, max: 3 })), { nil: undefined }),
          ceilMode: fc.option(fc.boolean(), { nil: undefined }),
        }),
        (cfg) => {
          const problems = checkPool2d(cfg);
          let accepted = true;
          try {
            pool2dShape([1, cfg.channels, cfg.height, cfg.width], cfg);
          } catch (e) {
            expect(e).toBeInstanceOf(EngineError);
            accepted = false;
          }
          expect(problems.length === 0).toBe(accepted);
        },
      ),
      { numRuns: 200 },
    );
  });
});
