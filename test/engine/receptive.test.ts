import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EngineError } from '../../src/engine/errors';
import {
  influenceRegion,
  layerOutputSizes,
  receptiveFieldFormula,
  receptiveFields,
  receptiveRegion,
  regionInLayer,
  type RFLayerSpec,
} from '../../src/engine/receptive';

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

const conv = (k: number, s = 1, p = 0, name?: string): RFLayerSpec => ({
  kind: 'conv',
  kernel: k,
  stride: s,
  padding: p,
  name,
});
const pool = (k: number, s: number, name?: string): RFLayerSpec => ({
  kind: 'pool',
  kernel: k,
  stride: s,
  name,
});
const relu: RFLayerSpec = { kind: 'relu' };

// AlexNet (Krizhevsky et al. 2012) as in Araujo et al.: conv1 11×11/4, pool1 3×3/2, conv2 5×5 p2,
// pool2 3×3/2, conv3–5 3×3 p1, pool5 3×3/2.
const alexnet: RFLayerSpec[] = [
  conv(11, 4, 0, 'conv1'),
  relu,
  pool(3, 2, 'pool1'),
  conv(5, 1, 2, 'conv2'),
  relu,
  pool(3, 2, 'pool2'),
  conv(3, 1, 1, 'conv3'),
  conv(3, 1, 1, 'conv4'),
  conv(3, 1, 1, 'conv5'),
  pool(3, 2, 'pool5'),
];

// VGG-16 feature layers: 3×3 convolutions with padding 1, 2×2 max pools with stride 2.
const vgg16: RFLayerSpec[] = [2, 2, 3, 3, 3].flatMap((n, block) => [
  ...Array.from({ length: n }, (_, i) => conv(3, 1, 1, `conv${block + 1}_${i + 1}`)),
  pool(2, 2, `pool${block + 1}`),
]);

describe('receptiveFields', () => {
  it('L stacked 3×3 stride-1 layers see 1 + 2L cells', () => {
    const layers = Array.from({ length: 5 }, () => conv(3, 1, 1));
    expect(receptiveFields(layers).map((f) => f.size[0])).toEqual([3, 5, 7, 9, 11]);
  });

  it('L stacked K×K stride-1 layers see 1 + L·(K − 1) cells (any L, K)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), (L, K) => {
        const f = receptiveFields(Array.from({ length: L }, () => conv(K)));
        expect(f[L - 1]!.size).toEqual([1 + L * (K - 1), 1 + L * (K - 1)]);
        expect(f[L - 1]!.jump).toEqual([1, 1]);
      }),
      { numRuns: 60 },
    );
  });

  it('a 2×2 stride-2 pool between 3×3 layers makes the field grow twice as fast after it', () => {
    // conv 3: r = 3, j = 1; pool 2/2: r = 3 + 1·1 = 4, j = 2; conv 3: r = 4 + 2·2 = 8; conv 3: r = 8 + 2·2 = 12.
    const f = receptiveFields([conv(3), pool(2, 2), conv(3), conv(3)]);
    expect(f.map((x) => x.size[0])).toEqual([3, 4, 8, 12]);
    expect(f.map((x) => x.jump[0])).toEqual([1, 2, 2, 2]);
    // Without the pool, three 3×3 layers reach only 7.
    expect(receptiveFields([conv(3), conv(3), conv(3)])[2]!.size[0]).toBe(7);
  });

  it('AlexNet: 11, 19, 51, 67, 99, 131, 163, 195 (Araujo et al., Distill 2019)', () => {
    const f = receptiveFields(alexnet);
    const named = alexnet.map((l, i) => [l, f[i]!] as const).filter(([l]) => l.kind !== 'relu');
    expect(named.map(([, x]) => x.size[0])).toEqual([11, 19, 51, 67, 99, 131, 163, 195]);
    expect(named.map(([, x]) => x.jump[0])).toEqual([4, 8, 8, 16, 16, 16, 16, 32]);
    // start: conv2 pads 2 cells of a layer with jump 8 → −16; conv3–5 each pad 1 cell at jump 16 → −32, −48, −64.
    expect(named.map(([, x]) => x.start[0])).toEqual([0, 0, -16, -16, -32, -48, -64, -64]);
  });

  it('VGG-16: 3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212', () => {
    const f = receptiveFields(vgg16);
    expect(f.map((x) => x.size[0])).toEqual([
      3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212,
    ]);
    expect(f[f.length - 1]!.jump).toEqual([32, 32]);
    // Every conv pads 1 at its jump: 2·1 + 2·2 + 3·4 + 3·8 + 3·16 = 90 cells before the input.
    expect(f[f.length - 1]!.start).toEqual([-90, -90]);
  });

  it('dilation enters through the effective kernel d·(k − 1) + 1', () => {
    // 3×3 at dilation 1, 2, 4 (a context module): r = 3, 3 + 4 = 7, 7 + 8 = 15.
    const f = receptiveFields([1, 2, 4].map((d) => ({ kernel: 3, dilation: d })));
    expect(f.map((x) => x.size[0])).toEqual([3, 7, 15]);
  });

  it('rows and columns are independent', () => {
    const [f] = receptiveFields([{ kernel: [3, 5], stride: [1, 2], padding: [0, 1, 2, 3] }]);
    expect(f).toEqual({ size: [3, 5], jump: [1, 2], start: [0, -2] });
  });

  it('ReLU layers change nothing, and pools default their stride to the kernel', () => {
    expect(receptiveFields([conv(3), relu, conv(3)])[2]).toEqual(receptiveFields([conv(3), conv(3)])[1]);
    expect(receptiveFields([{ kind: 'pool', kernel: 2 }])[0]!.jump).toEqual([2, 2]);
  });

  it('rejects malformed layers, naming the layer and the field', () => {
    expect(engineError(() => receptiveFields([conv(3), { kernel: 0 }])).field).toBe('layers[1].kernel');
    expect(engineError(() => receptiveFields([{ kind: 'conv' }])).field).toBe('layers[0].kernel');
    expect(engineError(() => receptiveFields([{ kind: 'dense' as 'conv', kernel: 3 }])).field).toBe(
      'layers[0].kind',
    );
    expect(engineError(() => receptiveFields([{ kind: 'relu', kernel: 3 }])).field).toBe('layers[0].kernel');
    expect(engineError(() => receptiveFields([{ kernel: 3, padding: -1 }])).field).toBe('layers[0].padding');
    expect(engineError(() => receptiveFields([{ kernel: 3, ceilMode: true }])).field).toBe(
      'layers[0].ceilMode',
    );
  });
});

describe('receptiveRegion and regionInLayer', () => {
  it('output cell (1, 2) of a 3×3 stride-2 padding-1 convolution sees input rows 1–3 and columns 3–5', () => {
    // start −1, jump 2: row 1 → −1 + 2 = 1 … 3; column 2 → −1 + 4 = 3 … 5.
    expect(receptiveRegion([conv(3, 2, 1)], 0, 1, 2)).toEqual({ top: 1, left: 3, bottom: 3, right: 5 });
  });

  it('a corner cell of a padded layer reaches into the padding (negative coordinates)', () => {
    expect(receptiveRegion([conv(3, 1, 1), conv(3, 1, 1)], 1, 0, 0)).toEqual({
      top: -2,
      left: -2,
      bottom: 2,
      right: 2,
    });
  });

  it('layer −1 is the input itself', () => {
    expect(receptiveRegion([conv(3)], -1, 4, 5)).toEqual({ top: 4, left: 5, bottom: 4, right: 5 });
  });

  it('regionInLayer: a VGG pool1 cell depends on a 4×4 block of conv1_1 and a 2×2 block of conv1_2', () => {
    // pool1 cell (1, 1): in conv1_2 rows 2–3 (the 2×2 window); in conv1_1 rows 1 … 4 (3×3 p1 around rows 2–3).
    expect(regionInLayer(vgg16, 2, 1, 1, 1)).toEqual({ top: 2, left: 2, bottom: 3, right: 3 });
    expect(regionInLayer(vgg16, 2, 1, 1, 0)).toEqual({ top: 1, left: 1, bottom: 4, right: 4 });
    expect(regionInLayer(vgg16, 2, 1, 1, 2)).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
  });

  it('regionInLayer with target −1 is receptiveRegion, and composing through any layer gives the same input region', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kernel: fc.integer({ min: 1, max: 4 }),
            stride: fc.integer({ min: 1, max: 3 }),
            padding: fc.integer({ min: 0, max: 2 }),
            dilation: fc.integer({ min: 1, max: 2 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.nat(4),
        fc.nat(4),
        fc.nat(10),
        fc.nat(10),
        (layers, li, ti, row, col) => {
          const l = li % layers.length;
          const t = (ti % (l + 2)) - 1; // −1 … l
          const inInput = receptiveRegion(layers, l, row, col);
          expect(regionInLayer(layers, l, row, col, -1)).toEqual(inInput);
          // Map the region in layer t back to the input with layer t's own field.
          const mid = regionInLayer(layers, l, row, col, t);
          const f = t === -1 ? { size: [1, 1], jump: [1, 1], start: [0, 0] } : receptiveFields(layers)[t]!;
          expect(f.start[0]! + mid.top * f.jump[0]!).toBe(inInput.top);
          expect(f.start[1]! + mid.left * f.jump[1]!).toBe(inInput.left);
          expect(f.start[0]! + mid.bottom * f.jump[0]! + f.size[0]! - 1).toBe(inInput.bottom);
          expect(f.start[1]! + mid.right * f.jump[1]! + f.size[1]! - 1).toBe(inInput.right);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('rejects layer indices out of range and negative or fractional cells', () => {
    expect(engineError(() => receptiveRegion([conv(3)], 1, 0, 0)).field).toBe('layerIndex');
    expect(engineError(() => receptiveRegion([conv(3)], 0, -1, 0)).field).toBe('row');
    expect(engineError(() => receptiveRegion([conv(3)], 0, 0, 0.5)).field).toBe('col');
    expect(engineError(() => regionInLayer([conv(3), conv(3)], 0, 0, 0, 1)).field).toBe('targetLayer');
  });
});

// ───────── brute force: propagate sets of input cells through a naive layer stack ─────────

interface NaiveLayer {
  k: [number, number];
  s: [number, number];
  d: [number, number];
  p: [number, number, number, number]; // top, bottom, left, right
}

/**
 * Runs the layer stack on an H×W input where each cell holds the set of input cells it depends on
 * (input cell (r, c) holds {r·W + c}; padding holds nothing). Each output cell is the union over its
 * window's taps. Output sizes come from counting window placements. Returns every layer's output.
 */
function propagate(layers: NaiveLayer[], H: number, W: number): Set<number>[][][] {
  let cur: Set<number>[][] = Array.from({ length: H }, (_, r) =>
    Array.from({ length: W }, (_, c) => new Set([r * W + c])),
  );
  const outs: Set<number>[][][] = [];
  for (const L of layers) {
    const h = cur.length;
    const w = cur[0]!.length;
    const count = (n: number, k: number, s: number, d: number, pb: number, pa: number) => {
      let m = 0;
      for (let start = 0; start + d * (k - 1) < n + pb + pa; start += s) m++;
      return m;
    };
    const oh = count(h, L.k[0], L.s[0], L.d[0], L.p[0], L.p[1]);
    const ow = count(w, L.k[1], L.s[1], L.d[1], L.p[2], L.p[3]);
    if (oh < 1 || ow < 1) return [];
    const next: Set<number>[][] = [];
    for (let i = 0; i < oh; i++) {
      const row: Set<number>[] = [];
      for (let j = 0; j < ow; j++) {
        const acc = new Set<number>();
        for (let a = 0; a < L.k[0]; a++) {
          for (let b = 0; b < L.k[1]; b++) {
            const y = i * L.s[0] - L.p[0] + a * L.d[0];
            const x = j * L.s[1] - L.p[2] + b * L.d[1];
            if (y >= 0 && y < h && x >= 0 && x < w) for (const v of cur[y]![x]!) acc.add(v);
          }
        }
        row.push(acc);
      }
      next.push(row);
    }
    outs.push(next);
    cur = next;
  }
  return outs;
}

function cellsOf(
  region: { top: number; left: number; bottom: number; right: number } | null,
  H: number,
  W: number,
): number[] {
  const out: number[] = [];
  if (!region) return out;
  for (let r = Math.max(0, region.top); r <= Math.min(H - 1, region.bottom); r++)
    for (let c = Math.max(0, region.left); c <= Math.min(W - 1, region.right); c++) out.push(r * W + c);
  return out;
}

const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);

const toSpec = (L: NaiveLayer, kind: 'conv' | 'pool' | 'relu'): RFLayerSpec =>
  kind === 'relu' ? { kind } : { kind, kernel: L.k, stride: L.s, dilation: L.d, padding: L.p };
const identity: NaiveLayer = { k: [1, 1], s: [1, 1], d: [1, 1], p: [0, 0, 0, 0] };

/** A layer without holes: dilation 1, stride ≤ kernel, padding < kernel (so no window is all padding). */
const solidLayer = fc
  .record({
    kind: fc.constantFrom<'conv' | 'pool' | 'relu'>('conv', 'conv', 'pool', 'relu'),
    k: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    sRaw: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    pRaw: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)),
  })
  .map(({ kind, k, sRaw, pRaw }) => {
    const L: NaiveLayer =
      kind === 'relu'
        ? identity
        : {
            k,
            s: [Math.min(sRaw[0], k[0]), Math.min(sRaw[1], k[1])],
            d: [1, 1],
            p: [pRaw[0] % k[0], pRaw[1] % k[0], pRaw[2] % k[1], pRaw[3] % k[1]],
          };
    return { kind, L };
  });

/** Any layer, holes allowed (dilation 2, stride larger than the kernel, windows entirely in padding). */
const anyLayer = fc.record({
  kind: fc.constantFrom<'conv' | 'pool' | 'relu'>('conv', 'conv', 'pool', 'relu'),
  L: fc.record({
    k: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    s: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    d: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    p: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)),
  }),
});

describe('receptive regions agree with brute-force dependency propagation', () => {
  it('influenceRegion is exactly the set of input cells that reach each output cell (no holes)', () => {
    fc.assert(
      fc.property(
        fc.array(solidLayer, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (stack, H, W) => {
          const naive = stack.map(({ kind, L }) => (kind === 'relu' ? identity : L));
          const outs = propagate(naive, H, W);
          fc.pre(outs.length === stack.length);
          const specs = stack.map(({ kind, L }) => toSpec(L, kind));
          expect(layerOutputSizes(specs, [H, W])).toEqual(outs.map((o) => [o.length, o[0]!.length]));
          const mismatches: string[] = [];
          outs.forEach((out, l) =>
            out.forEach((row, i) =>
              row.forEach((deps, j) => {
                const truth = sorted(deps).join(',');
                if (truth !== cellsOf(influenceRegion(specs, [H, W], l, i, j), H, W).join(',')) {
                  mismatches.push(`influence of layer ${l} cell (${i}, ${j})`);
                }
                // The theoretical field always contains the true influence.
                const theory = new Set(cellsOf(receptiveRegion(specs, l, i, j), H, W));
                if ([...deps].some((v) => !theory.has(v)))
                  mismatches.push(`theory of layer ${l} cell (${i}, ${j})`);
              }),
            ),
          );
          expect(mismatches).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('receptiveRegion ∩ input is exactly the influence when every layer fits its input exactly (no floor drops)', () => {
    fc.assert(
      fc.property(
        fc.array(solidLayer, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
        (stack, outH, outW) => {
          const naive = stack.map(({ kind, L }) => (kind === 'relu' ? identity : L));
          // Work the input size backwards so that each layer is exact: in = (out − 1)·s + k − pb − pa.
          let h = outH;
          let w = outW;
          for (let l = naive.length - 1; l >= 0; l--) {
            const L = naive[l]!;
            h = (h - 1) * L.s[0] + L.k[0] - L.p[0] - L.p[1];
            w = (w - 1) * L.s[1] + L.k[1] - L.p[2] - L.p[3];
            fc.pre(h >= 1 && w >= 1);
          }
          const outs = propagate(naive, h, w);
          const specs = stack.map(({ kind, L }) => toSpec(L, kind));
          expect(outs.length).toBe(stack.length);
          const mismatches: string[] = [];
          outs.forEach((out, l) =>
            out.forEach((row, i) =>
              row.forEach((deps, j) => {
                if (sorted(deps).join(',') !== cellsOf(receptiveRegion(specs, l, i, j), h, w).join(',')) {
                  mismatches.push(`layer ${l} cell (${i}, ${j})`);
                }
              }),
            ),
          );
          expect(mismatches).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with holes (dilation, stride > kernel, all-padding windows) the true influence stays inside both regions', () => {
    fc.assert(
      fc.property(
        fc.array(anyLayer, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (stack, H, W) => {
          const naive = stack.map(({ kind, L }) => (kind === 'relu' ? identity : L));
          const specs = stack.map(({ kind, L }) => toSpec(L, kind));
          const outs = propagate(naive, H, W);
          fc.pre(outs.length === stack.length);
          const mismatches: string[] = [];
          outs.forEach((out, l) =>
            out.forEach((row, i) =>
              row.forEach((deps, j) => {
                const exact = new Set(cellsOf(influenceRegion(specs, [H, W], l, i, j), H, W));
                const theory = new Set(cellsOf(receptiveRegion(specs, l, i, j), H, W));
                if ([...deps].some((v) => !exact.has(v)) || [...exact].some((v) => !theory.has(v))) {
                  mismatches.push(`layer ${l} cell (${i}, ${j})`);
                }
              }),
            ),
          );
          expect(mismatches).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('influenceRegion and layerOutputSizes', () => {
  it('a cell the floor dropped is in the theoretical field but influences nothing', () => {
    // 6 cells, 3-window stride 2: windows 0–2 and 2–4 (cell 5 dropped). Then 3-window, padding 1:
    // output cell 1 sees layer-1 cells 0, 1 and the padding, so input cells 0–4; theory says 0–6.
    const layers = [
      { kernel: [3, 1] as [number, number], stride: [2, 1] as [number, number] },
      { kernel: [3, 1] as [number, number], padding: [1, 0] as [number, number] },
    ];
    expect(receptiveRegion(layers, 1, 1, 0)).toEqual({ top: 0, left: 0, bottom: 6, right: 0 });
    expect(influenceRegion(layers, [6, 1], 1, 1, 0)).toEqual({ top: 0, left: 0, bottom: 4, right: 0 });
  });

  it('a window made only of padding sees nothing', () => {
    expect(influenceRegion([{ kernel: 1, padding: 1 }], [3, 3], 0, 0, 0)).toBeNull();
  });

  it('AlexNet on a 227×227 image: 55, 55, 27, 27, 27, 13, 13, 13, 13, 6', () => {
    expect(layerOutputSizes(alexnet, 227).map((s) => s[0])).toEqual([55, 55, 27, 27, 27, 13, 13, 13, 13, 6]);
  });

  it('rejects an input too small for the stack and cells outside a layer', () => {
    expect(engineError(() => layerOutputSizes([conv(5)], 3)).field).toBe('inputSize');
    expect(engineError(() => influenceRegion([conv(3)], 5, 0, 3, 0)).field).toBe('row');
  });
});

describe('receptiveFieldFormula', () => {
  it('three 3×3 layers: 1 + L·(K − 1) = 1 + 3·(3 − 1) = 7', () => {
    expect(receptiveFieldFormula([conv(3, 1, 1), relu, conv(3, 1, 1), relu, conv(3, 1, 1)])).toEqual({
      simple: true,
      text: '1 + L·(K − 1) = 1 + 3·(3 − 1) = 7',
    });
  });

  it('AlexNet writes out the general sum with its numbers', () => {
    const { simple, text } = receptiveFieldFormula(alexnet);
    expect(simple).toBe(false);
    expect(text).toBe(
      'r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (11 − 1)·1 + (3 − 1)·4 + (5 − 1)·8 + (3 − 1)·8 + (3 − 1)·16 + (3 − 1)·16 + (3 − 1)·16 + (3 − 1)·16 = 195',
    );
  });

  it('its result always equals the size receptiveFields computes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kernel: fc.integer({ min: 1, max: 5 }),
            stride: fc.integer({ min: 1, max: 3 }),
            dilation: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (layers) => {
          const { text } = receptiveFieldFormula(layers);
          const size = receptiveFields(layers)[layers.length - 1]!.size[0];
          expect(text).toMatch(
            new RegExp(`= ${size}( \\(k_l is the effective kernel d·\\(k − 1\\) \\+ 1\\))?$`),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shows rows and columns separately when they differ, and notes dilation', () => {
    expect(receptiveFieldFormula([{ kernel: [3, 5] }]).text).toBe(
      'rows: r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (3 − 1)·1 = 3; columns: r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (5 − 1)·1 = 5',
    );
    expect(receptiveFieldFormula([{ kernel: 3, dilation: 2 }]).text).toContain(
      '(5 − 1)·1 = 5 (k_l is the effective kernel',
    );
    expect(receptiveFieldFormula([]).simple).toBe(true);
  });
});
