import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import {
  ARCH_LIMITS,
  archLayers,
  archPytorch,
  archTotals,
  defaultArch,
  linearClassifierParams,
  repairArch,
  setArchBlock,
  setArchBlocks,
  setArchClasses,
  setArchFcCount,
  setArchFcWidth,
  setArchInput,
  setArchPool,
  setArchSource,
  type ArchConfig,
  type ArchResult,
} from '../../src/state/views/arch';

const ok = (r: ArchResult): ArchConfig => {
  if (!('config' in r)) throw new Error(`refused: ${r.rejection.message}`);
  return r.config;
};
const refused = (r: ArchResult) => {
  if ('config' in r) throw new Error('expected a refusal');
  return r.rejection;
};

describe('the default network, worked by hand', () => {
  // 3×32×32 → conv1 3→16, k3 p1: (32 + 2·1 − 3) + 1 = 32 → 16×32×32; pool 2 → 16×16×16;
  // conv2 16→32 → 32×16×16; pool 2 → 32×8×8; flatten → 32·8·8 = 2048; fc1 2048→64; out 64→10.
  const { layers, problem } = archLayers(defaultArch());

  it('has the shapes 16×32×32, 16×16×16, 32×16×16, 32×8×8, 2048, 64, 10', () => {
    expect(problem).toBeNull();
    expect(layers.map((l) => `${l.name} ${l.outShape.join('×')}`)).toEqual([
      'conv1 16×32×32',
      'relu1 16×32×32',
      'pool1 16×16×16',
      'conv2 32×16×16',
      'relu2 32×16×16',
      'pool2 32×8×8',
      'flatten 2048',
      'fc1 64',
      'relu_fc1 64',
      'out 10',
    ]);
  });

  it('counts parameters: conv1 16·3·9 + 16 = 448, conv2 32·16·9 + 32 = 4640, fc1 2048·64 + 64 = 131136, out 64·10 + 10 = 650', () => {
    expect(layers.map((l) => l.params)).toEqual([448, 0, 0, 4640, 0, 0, 0, 131136, 0, 650]);
    expect(layers[0]!.paramsText).toBe('16·3·3·3 + 16');
    expect(layers[7]!.paramsText).toBe('64·2048 + 64');
    const totals = archTotals(layers);
    // 448 + 4640 + 131136 + 650 = 136874; the convolutional part 448 + 4640 = 5088.
    expect(totals.params).toBe(136874);
    expect(totals.convParams).toBe(5088);
    expect(totals.fcParams).toBe(131786);
  });

  it('counts multiply–accumulates: conv1 16·32·32·27 = 442368, conv2 32·16·16·144 = 1179648, fc1 131072, out 640', () => {
    expect(layers.map((l) => l.macs)).toEqual([442368, 0, 0, 1179648, 0, 0, 0, 131072, 0, 640]);
    expect(layers[0]!.macsText).toBe('16·32·32 outputs × 3·3·3');
    expect(archTotals(layers).macs).toBe(442368 + 1179648 + 131072 + 640);
  });

  it('counts activations: 16384 + 16384 + 4096 + 8192 + 8192 + 2048 + 2048 + 64 + 64 + 10', () => {
    expect(layers.map((l) => l.activations)).toEqual([16384, 16384, 4096, 8192, 8192, 2048, 2048, 64, 64, 10]);
  });

  it('the fully connected classifier on the same input: 3072 inputs, weights 10×3072, 30,730 parameters', () => {
    expect(linearClassifierParams(defaultArch())).toBe(10 * 3072 + 10);
    expect(linearClassifierParams(defaultArch())).toBe(30730);
  });

  it('writes the nn.Sequential whose shapes match', () => {
    expect(archPytorch(layers, [3, 32, 32])).toBe(
      [
        'import torch.nn as nn',
        '',
        '# input: a batch of N images of 3×32×32 (N×3×32×32)',
        'model = nn.Sequential(',
        '    nn.Conv2d(3, 16, kernel_size=3, padding=1),   # → 16×32×32',
        '    nn.ReLU(),                                    # → 16×32×32',
        '    nn.MaxPool2d(2),                              # → 16×16×16',
        '    nn.Conv2d(16, 32, kernel_size=3, padding=1),  # → 32×16×16',
        '    nn.ReLU(),                                    # → 32×16×16',
        '    nn.MaxPool2d(2),                              # → 32×8×8',
        '    nn.Flatten(),                                 # → 2048',
        '    nn.Linear(2048, 64),                          # → 64',
        '    nn.ReLU(),                                    # → 64',
        '    nn.Linear(64, 10),                            # → 10',
        ')',
      ].join('\n'),
    );
  });
});

describe('other networks', () => {
  it('no pooling and no hidden layer: 1×28×28 → conv 8 k5 p0 → 24×24 → Linear(4608, 10)', () => {
    const cfg: ArchConfig = { ...defaultArch(), c: 1, h: 28, w: 28, f: [8], k: [5], p: [0], pool: 1, fc: [] };
    const { layers, problem } = archLayers(cfg);
    expect(problem).toBeNull();
    // (28 − 5) + 1 = 24; 8·24·24 = 4608; conv 8·1·25 + 8 = 208; linear 10·4608 + 10 = 46090.
    expect(layers.map((l) => l.torch)).toEqual(['nn.Conv2d(1, 8, kernel_size=5)', 'nn.ReLU()', 'nn.Flatten()', 'nn.Linear(4608, 10)']);
    expect(layers.map((l) => l.params)).toEqual([208, 0, 0, 46090]);
  });

  it('pool size 3 floors: 3×32×32, conv k3 p1 → 32, pool 3 → ⌊32/3⌋ = 10', () => {
    const { layers } = archLayers({ ...defaultArch(), f: [4], k: [3], p: [1], pool: 3 });
    expect(layers[2]!.outShape).toEqual([4, 10, 10]);
  });

  it('pooling below 1×1 is a problem naming the layer and what is valid', () => {
    // 3×8×8: pool 2 → 4, → 2, → 1, then pool4 would get a 1×1 map.
    const { problem } = archLayers({ ...defaultArch(), h: 8, w: 8, f: [4, 4, 4, 4], k: [3, 3, 3, 3], p: [1, 1, 1, 1] });
    expect(problem).toMatchObject({
      field: 'pool',
      layer: 'pool4',
      message:
        'pool4 (nn.MaxPool2d(2)) would pool a 4×1×1 map below 1×1: a 2×2 window needs at least 2×2 cells. Valid here: no pooling (pool size 1), or at most 3 blocks, or a larger input.',
    });
  });

  it('the valid pool sizes are those the whole network can take, not the size of the map pooled by the refused size', () => {
    // 3×32×32, three k3 p1 blocks. Pool 4: 32 → 8 → 2, and pool3 would get a 2×2 map. Pool 3 works
    // (32 → 10 → 3 → 1), although the 2×2 map the message names is smaller than 3.
    const cfg = { ...defaultArch(), f: [16, 32, 64], k: [3, 3, 3], p: [1, 1, 1] };
    expect(archLayers({ ...cfg, pool: 3 }).problem).toBeNull();
    expect(archLayers({ ...cfg, pool: 4 }).problem).toMatchObject({
      field: 'pool',
      layer: 'pool3',
      message:
        'pool3 (nn.MaxPool2d(4)) would pool a 64×2×2 map below 1×1: a 4×4 window needs at least 4×4 cells. Valid here: pool size 1 (no pooling) to 3, or at most 2 blocks, or a larger input.',
      ko:
        'pool3(nn.MaxPool2d(4))은(는) 64×2×2 맵을 1×1보다 작게 만듭니다. 4×4 윈도우에는 최소 4×4칸이 필요합니다. 여기서 가능한 것: 풀링 크기 1(풀링 없음)부터 3까지, 또는 블록 최대 2개, 또는 더 큰 입력.',
    });
  });

  it('a kernel larger than the padded map is a problem naming the layer and the valid kernels', () => {
    const { problem } = archLayers({ ...defaultArch(), h: 4, w: 4, f: [4], k: [7], p: [0] });
    expect(problem!.field).toBe('k');
    expect(problem!.message).toBe(
      'conv1 (nn.Conv2d(3, 4, kernel_size=7)) gets a 3×4×4 map: a 7×7 kernel does not fit in 4 + 2·0 = 4 padded cells, so it would have no output. Valid here: a kernel from 1 to 4, or padding of at least 2.',
    );
  });

  it('a network beyond the size caps is refused with its count and the cap', () => {
    const { problem } = archLayers({ ...defaultArch(), c: 4, h: 64, w: 64, f: [64, 64], k: [7, 7], p: [3, 3], pool: 1 });
    expect(problem!.message).toContain(`at most ${ARCH_LIMITS.macs.toLocaleString('en-US')}`);
  });
});

describe('links', () => {
  it('the default link names every setting', () => {
    expect(serializeHash('arch', defaultConv(), { arch: defaultArch() })).toBe(
      '#/arch?v=1&in=3x32x32&f=16,32&k=3,3&p=1,1&pool=2&fc=64&classes=10&seed=1',
    );
  });

  it('a hand-written link round-trips', () => {
    const hash = '#/arch?v=1&in=1x28x28&f=8,16,32&k=5,3,3&p=2,1,1&pool=2&fc=&classes=10&src=digit&seed=4';
    const parsed = parseHash(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.views.arch).toEqual({ c: 1, h: 28, w: 28, f: [8, 16, 32], k: [5, 3, 3], p: [2, 1, 1], pool: 2, fc: [], classes: 10, src: 'digit', seed: 4 });
    expect(serializeHash('arch', defaultConv(), parsed.views)).toBe(hash);
  });

  it('k and p left at their defaults follow the number of blocks quietly', () => {
    const parsed = parseHash('#/arch?f=8,16,32');
    expect(parsed.problems).toEqual([]);
    expect(parsed.views.arch).toMatchObject({ f: [8, 16, 32], k: [3, 3, 3], p: [1, 1, 1] });
  });

  it('a k list of another length is cut, said so', () => {
    const parsed = parseHash('#/arch?f=8&k=5,5,5');
    expect(parsed.views.arch!.k).toEqual([5]);
    expect(parsed.problems).toMatchObject([{ key: 'k', message: 'k=5,5,5: 3 kernel values for 1 block (f has 1); ignoring the last 2.' }]);
  });

  it('a block that cannot pool loses it and the ones after, with the layer named', () => {
    const parsed = parseHash('#/arch?in=3x8x8&f=4,4,4,4,4');
    expect(parsed.views.arch!.f).toEqual([4, 4, 4]);
    expect(parsed.problems[0]!.key).toBe('pool');
    expect(parsed.problems[0]!.message).toContain('pool4 (nn.MaxPool2d(2)) would pool a 4×1×1 map below 1×1');
    expect(parsed.problems[0]!.message).toContain('Keeping the first 3 blocks.');
  });

  it('an uploaded image in a link is refused; unreadable values fall back with a message', () => {
    const parsed = parseHash('#/arch?src=upload&f=16,abc&classes=0');
    expect(parsed.views.arch).toMatchObject({ src: 'seeded', f: [16, 32], classes: 10 });
    expect(parsed.problems.map((p) => p.key)).toEqual(['f', 'classes', 'src']);
  });

  it('repair always leaves a network that works (random links)', () => {
    fc.assert(
      fc.property(
        fc.record({
          c: fc.integer({ min: 1, max: 4 }),
          h: fc.integer({ min: 1, max: 64 }),
          w: fc.integer({ min: 1, max: 64 }),
          f: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }),
          k: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
          p: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
          pool: fc.integer({ min: 1, max: 4 }),
          fc: fc.array(fc.integer({ min: 1, max: 512 }), { maxLength: 3 }),
          classes: fc.integer({ min: 1, max: 100 }),
        }),
        (partial) => {
          const { config } = repairArch({ ...defaultArch(), ...partial });
          expect(archLayers(config).problem).toBeNull();
          expect(config.k).toHaveLength(config.f.length);
          expect(config.p).toHaveLength(config.f.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('actions', () => {
  const base = defaultArch();

  it('adding a block doubles the last filters; removing drops the last block', () => {
    const three = ok(setArchBlocks(base, 3));
    expect(three).toMatchObject({ f: [16, 32, 64], k: [3, 3, 3], p: [1, 1, 1] });
    expect(ok(setArchBlocks(three, 1))).toMatchObject({ f: [16], k: [3], p: [1] });
  });

  it('too many blocks for the input is refused, naming the pooling layer', () => {
    const small = ok(setArchInput(base, 3, 8, 8));
    const r = refused(setArchBlocks(small, 4));
    expect(r.field).toBe('pool');
    expect(r.message).toMatch(/^pool4 \(nn\.MaxPool2d\(2\)\) would pool a 64×1×1 map below 1×1/);
  });

  it('a kernel too large for its map is refused with the valid range', () => {
    const small = ok(setArchInput(base, 3, 4, 4));
    // 4 → conv 4 → pool 2 → conv2 with k 7, p 1: 2 + 2 = 4 < 7.
    expect(refused(setArchBlock(small, 1, { k: 7 })).message).toContain('Valid here: a kernel from 1 to 4');
  });

  it('values out of range are refused with the range', () => {
    expect(refused(setArchBlock(base, 0, { f: 65 })).message).toBe('conv1 has 1 to 64 filters.');
    expect(refused(setArchPool(base, 5)).message).toBe('The pool size must be from 1 (no pooling) to 4.');
    expect(refused(setArchClasses(base, 0)).message).toBe('The number of classes must be from 1 to 100.');
    expect(refused(setArchInput(base, 3, 65, 32)).message).toContain('from 1 to 64');
    expect(refused(setArchFcWidth(base, 1, 10)).message).toBe('There is no hidden layer fc2; M = 1.');
  });

  it('changing M copies the last width; M = 0 leaves flatten → Linear(2048, 10)', () => {
    expect(ok(setArchFcCount(base, 3)).fc).toEqual([64, 64, 64]);
    const none = ok(setArchFcCount(base, 0));
    expect(archLayers(none).layers.slice(-1)[0]!.torch).toBe('nn.Linear(2048, 10)');
  });

  it('sources: a sample is accepted, an unknown name is refused', () => {
    expect(ok(setArchSource(base, 'scene')).src).toBe('scene');
    expect(refused(setArchSource(base, 'cat' as 'scene')).field).toBe('src');
  });
});
