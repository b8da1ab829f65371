import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { influenceRegion } from '../../src/engine/receptive';
import { buildRfModel, dependencyAxis, fieldFormula, recurrenceText, runs, selectionRegions, toSpec } from '../../src/panels/rf/model';
import { formatLayers, stackProblem, type RfLayer } from '../../src/state/views/rf';
import { rf } from '../../src/i18n/rf';

const model = (layers: string, size = 32) => buildRfModel({ layers, size });
const fields = (layers: string, size = 32) => model(layers, size).rows.map((r) => r.size);

describe('receptive fields of the table', () => {
  it('3 stacked 3×3 stride-1 convolutions see 3, 5, 7 input cells: 1 + 3·(3 − 1) = 7', () => {
    expect(fields('c3p1*3')).toEqual([3, 5, 7]);
    expect(fieldFormula(model('c3p1*3'), 3, rf.en)).toEqual({ simple: true, text: '1 + L·(K − 1) = 1 + 3·(3 − 1) = 7' });
  });

  it('a 2×2 stride-2 pool after the first two 3×3 layers makes the third add 4 instead of 2', () => {
    // conv: r₁ = 1 + (3 − 1)·1 = 3, j₁ = 1; conv: r₂ = 3 + 2·1 = 5, j₂ = 1;
    // pool 2×2/2: r₃ = 5 + (2 − 1)·1 = 6, j₃ = 1·2 = 2; conv: r₄ = 6 + (3 − 1)·2 = 10.
    // (The often-quoted "5 + (3 − 1)·2 = 9" leaves out the pool's own window: it is the value for a
    // stride-2 subsampling with a 1×1 window, checked just below.)
    const m = model('c3p1*2,p2,c3p1');
    expect(m.rows.map((r) => r.size)).toEqual([3, 5, 6, 10]);
    expect(m.rows.map((r) => r.jump)).toEqual([1, 1, 2, 2]);
    expect(m.rows.map((r) => r.growth)).toEqual([2, 2, 1, 4]);
    expect(fields('c3p1*2,p1s2,c3p1')).toEqual([3, 5, 5, 9]);
    expect(recurrenceText(m.rows[3]!, 6, rf.en)).toBe('r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10');
    expect(fieldFormula(m, 4, rf.en)).toEqual({
      simple: false,
      text: 'r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (3 − 1)·1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = 10',
    });
  });

  it('four 3×3 layers reach 9; with a 2×2/2 pool after the second, 14', () => {
    expect(fields('c3*4')).toEqual([3, 5, 7, 9]);
    // 3, 5, then the pool 5 + 1 = 6 (jump 2), then 6 + 2·2 = 10, 10 + 2·2 = 14.
    expect(fields('c3*2,p2,c3*2')).toEqual([3, 5, 6, 10, 14]);
  });

  it('AlexNet: conv1 11, pool1 19, conv2 51, pool2 67, conv3 99, conv4 131, conv5 163, pool5 195', () => {
    const m = model('c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2', 224);
    expect(m.rows.map((r) => [r.name, r.size])).toEqual([
      ['conv1', 11],
      ['pool1', 19],
      ['conv2', 51],
      ['pool2', 67],
      ['conv3', 99],
      ['conv4', 131],
      ['conv5', 163],
      ['pool5', 195],
    ]);
    expect(m.rows.map((r) => r.reference)).toEqual([11, 19, 51, 67, 99, 131, 163, 195]);
    // Jumps 4, 8, 8, 16, 16, 16, 16, 32; starts: conv1 pads 2 → −2, conv2 pads 2 at jump 8 → −18,
    // conv3–5 pad 1 at jump 16 → −34, −50, −66.
    expect(m.rows.map((r) => r.jump)).toEqual([4, 8, 8, 16, 16, 16, 16, 32]);
    expect(m.rows.map((r) => r.start)).toEqual([-2, -2, -18, -18, -34, -50, -66, -66]);
    expect(m.sides).toEqual([224, 55, 27, 27, 13, 13, 13, 13, 6]);
  });

  it('VGG-16: conv1_1 3 … pool5 212', () => {
    const m = model('c3p1*2,p2,c3p1*2,p2,c3p1*3,p2,c3p1*3,p2,c3p1*3,p2', 224);
    expect(m.rows.map((r) => r.size)).toEqual([3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212]);
    expect(m.rows[0]!.name).toBe('conv1_1');
    expect(m.rows[17]!.name).toBe('pool5');
    expect(m.rows.every((r) => r.reference === r.size)).toBe(true);
    // Growth per layer: each 3×3 conv adds 2·j, where j doubles after every pool: 2, 4, 8, 16, 32.
    expect(m.rows.map((r) => r.growth)).toEqual([2, 2, 1, 4, 4, 2, 8, 8, 8, 4, 16, 16, 16, 8, 32, 32, 32, 16]);
  });

  it('names a custom stack generically and pads each map by the padding of the layer that reads it', () => {
    const m = model('c3p1,p2,c5p2', 16);
    expect(m.rows.map((r) => r.name)).toEqual(['conv1', 'pool1', 'conv2']);
    expect(m.pads).toEqual([1, 0, 2, 0]);
    expect(m.sides).toEqual([16, 16, 8, 8]);
  });

  it('dilation enters through the effective kernel: 3×3 at dilation 1, 2, 4 gives 3, 7, 15', () => {
    const m = model('c3,c3d2,c3d4', 40);
    expect(m.rows.map((r) => r.size)).toEqual([3, 7, 15]);
    expect(m.rows.map((r) => r.kEff)).toEqual([3, 5, 9]);
    expect(recurrenceText(m.rows[1]!, 3, rf.en)).toBe('r₂ = r₁ + (k − 1)·j₁ = 3 + (5 − 1)·1 = 7 (dilated: k = 2·(3 − 1) + 1 = 5)');
  });
});

describe('the cells a selected cell depends on', () => {
  it('layer 3 cell (16, 16) of three 3×3 p1 layers: rows 15–17 of layer 2, 14–18 of layer 1, 13–19 of the input', () => {
    const m = model('c3p1*3');
    const regions = selectionRegions(m, 3, 16, 16);
    expect(regions.map((r) => r.box)).toEqual([
      { top: 13, left: 13, bottom: 19, right: 19 },
      { top: 14, left: 14, bottom: 18, right: 18 },
      { top: 15, left: 15, bottom: 17, right: 17 },
      { top: 16, left: 16, bottom: 16, right: 16 },
    ]);
    expect(regions[0]!.count).toBe(49);
    expect(regions.every((r) => r.exact)).toBe(true);
  });

  it('a corner cell: the theory reaches 3 cells into the padding, the input cells are rows 0–3', () => {
    const [input] = selectionRegions(model('c3p1*3'), 3, 0, 0);
    expect(input!.theory).toEqual({ top: -3, left: -3, bottom: 3, right: 3 });
    expect(input!.box).toEqual({ top: 0, left: 0, bottom: 3, right: 3 });
    expect(input!.count).toBe(16);
  });

  it('dilation 2 leaves gaps: cell 5 of a 3×3 d2 layer reads rows 5, 7, 9 — the 5×5 box is a bounding box of 9 cells', () => {
    const [input] = selectionRegions(model('c3d2', 16), 1, 5, 5);
    expect(input!.rows).toEqual([5, 7, 9]);
    expect(input!.exact).toBe(false);
    expect(input!.box).toEqual({ top: 5, left: 5, bottom: 9, right: 9 });
    expect(input!.count).toBe(9);
    expect(runs(input!.rows)).toEqual([
      [5, 1],
      [7, 1],
      [9, 1],
    ]);
  });

  it('a stride larger than the kernel skips cells: c1s2 then c3 reads input rows 2, 4, 6 for cell 1', () => {
    // layer 2 cell 1 reads layer-1 cells 1, 2, 3; layer 1 (1×1, stride 2) cell x reads input 2x.
    const rows = dependencyAxis([{ kind: 'conv', k: 1, s: 2, p: 0, d: 1 }, { kind: 'conv', k: 3, s: 1, p: 0, d: 1 }], [10, 5, 3], 2, 1);
    expect(rows).toEqual([[2, 4, 6], [1, 2, 3], [1]]);
  });

  const layerArb = (gaps: boolean) =>
    fc
      .record({
        kind: fc.constantFrom<'conv' | 'pool'>('conv', 'pool'),
        k: fc.integer({ min: 1, max: 4 }),
        s: fc.integer({ min: 1, max: 3 }),
        p: fc.integer({ min: 0, max: 2 }),
        d: fc.integer({ min: 1, max: gaps ? 2 : 1 }),
      })
      .map((l): RfLayer => ({
        ...l,
        s: gaps ? l.s : Math.min(l.s, l.k),
        p: l.kind === 'pool' ? Math.min(l.p, Math.floor(l.k / 2)) : l.p,
      }));
  const inputRegion = (layers: RfLayer[], a: number, b: number) => {
    fc.pre(stackProblem(layers, 48) === null);
    const m = buildRfModel({ layers: formatLayers(layers), size: 48 });
    const at = m.layers.length;
    const side = m.sides[at]!;
    const [row, col] = [a % side, b % side];
    const [mine] = selectionRegions(m, at, row, col);
    return { mine: mine!, engine: influenceRegion(m.layers.map(toSpec), 48, at - 1, row, col) };
  };

  it('without gaps (dilation 1, stride ≤ kernel) it is exactly the engine\'s influenceRegion (random stacks)', () => {
    fc.assert(
      fc.property(fc.array(layerArb(false), { minLength: 1, maxLength: 5 }), fc.nat(1000), fc.nat(1000), (layers, a, b) => {
        const { mine, engine } = inputRegion(layers, a, b);
        expect(mine.exact).toBe(true);
        expect(mine.box).toEqual(engine);
      }),
      { numRuns: 80 },
    );
  });

  it('with gaps its box lies inside the engine\'s influenceRegion, which can be wider at a padded border', () => {
    fc.assert(
      fc.property(fc.array(layerArb(true), { minLength: 1, maxLength: 5 }), fc.nat(1000), fc.nat(1000), (layers, a, b) => {
        const { mine, engine } = inputRegion(layers, a, b);
        if (mine.box === null) return;
        expect(engine).not.toBeNull();
        expect(mine.box.top).toBeGreaterThanOrEqual(engine!.top);
        expect(mine.box.left).toBeGreaterThanOrEqual(engine!.left);
        expect(mine.box.bottom).toBeLessThanOrEqual(engine!.bottom);
        expect(mine.box.right).toBeLessThanOrEqual(engine!.right);
      }),
      { numRuns: 80 },
    );
    // 1×1 stride 2 padding 1, then 2×2: cell 0 reads layer-1 cells 0 and 1, which read input −1
    // (padding) and 1. Only input cell 1 feeds it; the engine clamps −1 to 0 and reports rows 0–1.
    const { mine, engine } = inputRegion([{ kind: 'conv', k: 1, s: 2, p: 1, d: 1 }, { kind: 'conv', k: 2, s: 1, p: 0, d: 1 }], 0, 0);
    expect(mine.rows).toEqual([1]);
    expect(engine).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  });
});
