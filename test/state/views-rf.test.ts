import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import {
  ALEXNET,
  DEFAULT_LAYERS,
  VGG16,
  addRfLayer,
  applyRfPreset,
  conv,
  defaultRf,
  detectPreset,
  formatLayers,
  minInputSize,
  moveRfLayer,
  parseLayers,
  pool,
  removeRfLayer,
  repairRf,
  selectRfCell,
  setRfInput,
  setRfLayersText,
  stackProblem,
  stackSizes,
  updateRfLayer,
  type RfConfig,
  type RfLayer,
  type RfResult,
} from '../../src/state/views/rf';

const ok = (r: RfResult): RfConfig => {
  if (!('config' in r)) throw new Error(`refused: ${r.rejection.message}`);
  return r.config;
};
const refused = (r: RfResult) => {
  if ('config' in r) throw new Error('expected a refusal');
  return r.rejection;
};
const link = (query: string) => parseHash(`#/rf?${query}`);

describe('the layer notation', () => {
  it('reads c3s1p1,c3s1p1,p2s2 as two 3×3 stride-1 padding-1 convolutions and a 2×2 stride-2 pool', () => {
    const { layers, problems } = parseLayers('c3s1p1,c3s1p1,p2s2');
    expect(problems).toEqual([]);
    expect(layers).toEqual([conv(3, 1, 1), conv(3, 1, 1), pool(2, 2)]);
    expect(layers[2]).toEqual({ kind: 'pool', k: 2, s: 2, p: 0, d: 1 });
  });

  it('writes the canonical short form: defaults left out, runs as *n', () => {
    expect(formatLayers([conv(3, 1, 1), conv(3, 1, 1), pool(2, 2)])).toBe('c3p1*2,p2');
    expect(formatLayers(ALEXNET)).toBe('c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2');
    expect(formatLayers(VGG16)).toBe('c3p1*2,p2,c3p1*2,p2,c3p1*3,p2,c3p1*3,p2,c3p1*3,p2');
    expect(formatLayers([conv(3, 2, 0, 2)])).toBe('c3s2d2');
    expect(formatLayers([pool(3, 1, 1)])).toBe('p3s1p1');
  });

  it('is tolerant: case, spaces, other separators, long names, a k prefix, options in any order, 3x3', () => {
    const { layers, problems } = parseLayers(' Conv3P1S1 ; pool2 | MaxPool3s2 , ck5d2  c3x3*2 ');
    expect(problems).toEqual([]);
    expect(layers).toEqual([conv(3, 1, 1), pool(2), pool(3, 2), conv(5, 1, 0, 2), conv(3), conv(3)]);
  });

  it('reading what it writes gives the same layers (any stack)', () => {
    const layer = fc.record({
      kind: fc.constantFrom<'conv' | 'pool'>('conv', 'pool'),
      k: fc.integer({ min: 1, max: 11 }),
      s: fc.integer({ min: 1, max: 8 }),
      d: fc.integer({ min: 1, max: 6 }),
      p: fc.integer({ min: 0, max: 10 }),
    }).map((l): RfLayer => ({ ...l, p: l.kind === 'pool' ? Math.min(l.p, Math.floor(l.k / 2)) : l.p }));
    fc.assert(
      fc.property(fc.array(layer, { minLength: 1, maxLength: 30 }), (layers) => {
        const back = parseLayers(formatLayers(layers));
        expect(back.problems).toEqual([]);
        expect(back.layers).toEqual(layers);
      }),
      { numRuns: 80 },
    );
  });

  it('skips a layer it cannot read and says what a layer looks like', () => {
    const { layers, problems } = parseLayers('c3,q2,c3');
    expect(layers).toEqual([conv(3), conv(3)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("layer 2 'q2' not understood");
    expect(problems[0]).toContain('c (convolution) or p (max pooling)');
  });

  it('explains values out of range: kernel 13, a pool padded more than half its kernel, non-square, repeated option', () => {
    const { layers, problems } = parseLayers('c13,p2p2,c3x5,c3s2s3,c3*0');
    expect(layers).toEqual([]);
    expect(problems[0]).toContain('kernel must be from 1 to 11, not 13');
    expect(problems[1]).toContain('a 2×2 pooling may be padded by at most 1');
    expect(problems[2]).toContain('square kernels only');
    expect(problems[3]).toContain('stride (s) is given twice');
    expect(problems[4]).toContain('repeats it no times');
  });

  it('keeps at most 30 layers and says how many were left out', () => {
    const { layers, problems } = parseLayers('c3*25,c1*10');
    expect(layers).toHaveLength(30);
    expect(problems).toEqual([expect.stringContaining('the last 5 were left out')]);
  });
});

describe('stack geometry', () => {
  it('3 stacked 3×3 p1 convolutions keep a 32×32 map at 32×32; the lecture stack halves it each block', () => {
    expect(stackSizes(parseLayers('c3p1*3').layers, 32)).toEqual([32, 32, 32]);
    // 32 → conv 32 → pool 16 → conv 16 → pool 8 → conv 8 → pool 4
    expect(stackSizes(parseLayers('c3p1,p2,c3p1,p2,c3p1,p2').layers, 32)).toEqual([32, 16, 16, 8, 8, 4]);
  });

  it('AlexNet on 224: 55, 27, 27, 13, 13, 13, 13, 6 (the paper\'s map sizes); VGG-16 ends at 7', () => {
    // conv1: ⌊(224 + 2·2 − 11)/4⌋ + 1 = ⌊217/4⌋ + 1 = 55; pool1: ⌊(55 − 3)/2⌋ + 1 = 27; conv2 (5, p2) keeps 27;
    // pool2: ⌊24/2⌋ + 1 = 13; conv3–5 keep 13; pool5: ⌊10/2⌋ + 1 = 6.
    expect(stackSizes(ALEXNET, 224)).toEqual([55, 27, 27, 13, 13, 13, 13, 6]);
    expect(stackSizes(VGG16, 224).filter((_, i) => VGG16[i]!.kind === 'pool')).toEqual([112, 56, 28, 14, 7]);
  });

  it('names the first layer that would have no output and the smallest input that works', () => {
    // Lecture ×6 on 32: 32 → 16 → 8 → 4 → 2 → 1; the 6th conv keeps 1×1 (p1), the 6th pool gets a 1×1 map.
    const layers = Array.from({ length: 6 }, () => [conv(3, 1, 1), pool(2)]).flat();
    const problem = stackProblem(layers, 32)!;
    expect(problem.index).toBe(11);
    expect(problem.message).toContain('Layer 12 (p2) gets a 1×1 map');
    expect(problem.message).toContain('at least 64×64');
    expect(minInputSize(layers)).toBe(64);
    expect(stackProblem(layers, 64)).toBeNull();
  });
});

describe('presets', () => {
  it('recognises each preset and its L or N', () => {
    expect(detectPreset(parseLayers('c3p1*5').layers)).toEqual({ preset: 'stack', count: 5 });
    expect(detectPreset(parseLayers('c3p1,p2,c3p1,p2').layers)).toEqual({ preset: 'lecture', count: 2 });
    expect(detectPreset(ALEXNET).preset).toBe('alexnet');
    expect(detectPreset(VGG16).preset).toBe('vgg16');
    expect(detectPreset(parseLayers('c3,c3').layers).preset).toBe('custom');
  });

  it('loading AlexNet uses a 224 input and selects pool5\'s centre cell', () => {
    const cfg = ok(applyRfPreset(defaultRf(), 'alexnet'));
    expect(cfg).toEqual({ preset: 'alexnet', layers: 'c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2', size: 224, at: 8, row: 3, col: 3 });
  });

  it('changing L keeps the input; a lecture stack too deep for it is refused with the size it needs', () => {
    const five = ok(applyRfPreset(defaultRf(), 'stack', 5));
    expect(five.layers).toBe('c3p1*5');
    expect(five.size).toBe(32);
    const lecture = ok(applyRfPreset(defaultRf(), 'lecture'));
    expect(lecture.layers).toBe('c3p1,p2,c3p1,p2,c3p1,p2');
    expect(refused(applyRfPreset(lecture, 'lecture', 6)).message).toContain('at least 64×64');
  });
});

describe('links', () => {
  it('the default link is the 3-layer stack on 32×32 with layer 3\'s cell (16, 16) selected', () => {
    expect(serializeHash('rf', defaultConv(), { rf: defaultRf() })).toBe('#/rf?v=1&preset=stack&layers=c3p1*3&in=32&at=3&row=16&col=16');
  });

  it('a hand-written link round-trips', () => {
    const hash = '#/rf?v=1&preset=custom&layers=c3p1*2,p2,c3p1&in=16&at=4&row=2&col=5';
    const parsed = parseHash(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.views.rf).toEqual({ preset: 'custom', layers: 'c3p1*2,p2,c3p1', size: 16, at: 4, row: 2, col: 5 });
    expect(serializeHash('rf', defaultConv(), parsed.views)).toBe(hash);
  });

  it('a link with layers in a loose form is read and written back canonically, without complaint', () => {
    const parsed = link('preset=custom&layers=C3S1P1,c3s1p1;P2S2&in=32&at=3&row=1&col=1');
    expect(parsed.problems).toEqual([]);
    expect(parsed.views.rf!.layers).toBe('c3p1*2,p2');
  });

  it('a link naming only a preset gets its layers, input size and last layer\'s centre', () => {
    expect(link('preset=vgg16').views.rf).toEqual({
      preset: 'vgg16',
      layers: 'c3p1*2,p2,c3p1*2,p2,c3p1*3,p2,c3p1*3,p2,c3p1*3,p2',
      size: 224,
      at: 18,
      row: 3,
      col: 3,
    });
    expect(link('preset=alexnet').problems).toEqual([]);
  });

  it('a preset the layers do not match becomes custom, with a message', () => {
    const parsed = link('preset=alexnet&layers=c3,c5');
    expect(parsed.views.rf!.preset).toBe('custom');
    expect(parsed.problems[0]).toMatchObject({ key: 'preset', message: expect.stringContaining('the layers are not AlexNet') });
    // The default selection (layer 3) does not exist in a 2-layer stack either.
    expect(parsed.problems[1]).toMatchObject({ key: 'at', message: 'at=3: the stack has 2 layers; selecting the last one.' });
  });

  it('a bad layer is skipped and named; the rest of the link is kept', () => {
    const parsed = link('preset=custom&layers=c3,zz9,c3&in=20&at=2&row=3&col=4');
    expect(parsed.views.rf).toEqual({ preset: 'custom', layers: 'c3*2', size: 20, at: 2, row: 3, col: 4 });
    expect(parsed.problems).toMatchObject([{ key: 'layers', message: expect.stringContaining("layer 2 'zz9' not understood") }]);
  });

  it('a stack too deep for the input gets the smallest input that works, said so', () => {
    const parsed = link('preset=alexnet&layers=c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2&in=32&at=1&row=0&col=0');
    // On 32: conv1 7, pool1 3, conv2 3, pool2 1, conv3–5 1, pool5 would get a 1×1 map.
    expect(parsed.problems[0]!.key).toBe('in');
    expect(parsed.problems[0]!.message).toContain('Layer 8 (p3s2) gets a 1×1 map');
    expect(parsed.views.rf!.size).toBe(minInputSize(ALEXNET));
  });

  it('a selection outside the stack or the map is moved inside, said so', () => {
    const parsed = link('preset=stack&layers=c3*2&in=10&at=9&row=40&col=2');
    // 10 → 8 → 6: layer 2's map is 6×6, so row 40 becomes the centre 3.
    expect(parsed.views.rf).toMatchObject({ at: 2, row: 3, col: 2 });
    expect(parsed.problems.map((p) => p.key)).toEqual(['preset', 'at', 'row']);
  });

  it('nothing readable in layers gives the default stack', () => {
    const parsed = link('layers=hello');
    expect(parsed.views.rf!.layers).toBe(DEFAULT_LAYERS);
    expect(parsed.problems.some((p) => p.message.includes('no layer could be used'))).toBe(true);
  });

  it('repair never leaves an invalid configuration (random links)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 30 }), fc.nat(255), (text, size, at, row) => {
        const { config } = repairRf({ preset: 'custom', layers: text, size, at, row, col: row });
        const layers = parseLayers(config.layers).layers;
        expect(layers.length).toBeGreaterThan(0);
        expect(stackProblem(layers, config.size)).toBeNull();
        expect(config.at).toBeLessThanOrEqual(layers.length);
        const side = stackSizes(layers, config.size)[config.at - 1]!;
        expect(config.row).toBeLessThan(side);
        expect(config.col).toBeLessThan(side);
      }),
      { numRuns: 100 },
    );
  });
});

describe('actions', () => {
  const base = defaultRf();

  it('an input too small for the stack is refused, naming the layer', () => {
    const lecture = ok(applyRfPreset(base, 'lecture'));
    const r = refused(setRfInput(lecture, 4));
    // 4 → conv 4 → pool 2 → conv 2 → pool 1 → conv 1 → the third pool gets a 1×1 map.
    expect(r.field).toBe('in');
    expect(r.message).toContain('Layer 6 (p2) gets a 1×1 map');
    expect(r.message).toContain('at least 8×8');
    expect(ok(setRfInput(lecture, 8)).size).toBe(8);
  });

  it('a smaller input moves a selected cell outside the new map to the centre', () => {
    const cfg = ok(setRfInput({ ...base, row: 30, col: 2 }, 10));
    expect(cfg).toMatchObject({ size: 10, row: 5, col: 5 });
  });

  it('adding, removing and moving layers keep the preset honest', () => {
    let cfg = ok(addRfLayer(base, 2));
    expect(cfg).toMatchObject({ layers: 'c3p1*4', preset: 'stack' });
    cfg = ok(updateRfLayer(cfg, 1, { kind: 'pool', k: 2 }));
    expect(cfg).toMatchObject({ layers: 'c3p1,p2,c3p1*2', preset: 'custom' });
    cfg = ok(moveRfLayer(cfg, 1, 1));
    expect(cfg.layers).toBe('c3p1*2,p2,c3p1');
    expect(refused(moveRfLayer(cfg, 3, 1)).message).toContain('cannot move down');
    cfg = ok(removeRfLayer(cfg, 2));
    expect(cfg.layers).toBe('c3p1*3');
  });

  it('removing a layer below the selection keeps the same layer selected', () => {
    const cfg = ok(removeRfLayer({ ...base, at: 3, row: 4, col: 5 }, 0));
    expect(cfg).toMatchObject({ layers: 'c3p1*2', at: 2, row: 4, col: 5 });
  });

  it('the last layer cannot be removed; an invalid layer edit names the layer and the range', () => {
    const one = ok(setRfLayersText(base, 'c3'));
    expect(refused(removeRfLayer(one, 0)).message).toBe('The stack needs at least one layer.');
    expect(refused(updateRfLayer(base, 1, { k: 12 })).message).toBe('Layer 2: The kernel must be from 1 to 11, not 12.');
    expect(refused(updateRfLayer(base, 0, { kind: 'pool', k: 2, p: 2 })).message).toContain('padded by at most 1');
  });

  it('typed notation with a bad layer is refused with the notation\'s message and nothing changes', () => {
    const r = refused(setRfLayersText(base, 'c3,x'));
    expect(r.field).toBe('layers');
    expect(r.message).toMatch(/^Layer 2 'x' not understood/);
  });

  it('selecting a cell checks the layer and the map', () => {
    expect(ok(selectRfCell(base, 1, 0, 31))).toMatchObject({ at: 1, row: 0, col: 31 });
    expect(refused(selectRfCell(base, 4, 0, 0)).message).toBe('The layers are numbered 1 to 3.');
    expect(refused(selectRfCell(base, 2, 32, 0)).message).toBe("Layer 2's map is 32×32: rows and columns 0 to 31.");
  });
});
