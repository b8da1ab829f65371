import { describe, it, expect } from 'vitest';
import { buildArchInput, dense, forwardArch, heWeights, softmax } from '../../src/panels/arch/model';
import { archLayers, defaultArch, type ArchConfig } from '../../src/state/views/arch';

const close = (a: number, b: number, tol = 1e-4) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('dense', () => {
  it('computes W·x + b: [[1, 2], [3, 4]]·[1, −1] + [0.5, 0] = [−0.5, −1]', () => {
    const y = dense(new Float32Array([1, -1]), new Float32Array([1, 2, 3, 4]), new Float32Array([0.5, 0]), 2);
    expect(Array.from(y)).toEqual([-0.5, -1]);
  });

  it('refuses weights of the wrong size', () => {
    expect(() => dense(new Float32Array(3), new Float32Array(5), new Float32Array(2), 2)).toThrow('expected 2·3');
  });
});

describe('He initialisation', () => {
  it('draws weights with mean ≈ 0 and variance ≈ 2 / fan_in', () => {
    // 64 filters of 16·3·3 = 144 inputs: 9216 draws, variance 2/144 ≈ 0.0139.
    const w = heWeights(1, 3, [64, 16, 3, 3], 144).data;
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const variance = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(variance).toBeGreaterThan(0.9 * (2 / 144));
    expect(variance).toBeLessThan(1.1 * (2 / 144));
  });

  it('is reproducible from the seed and differs between layers', () => {
    expect(heWeights(7, 0, [4, 3, 3, 3], 27).data).toEqual(heWeights(7, 0, [4, 3, 3, 3], 27).data);
    expect(heWeights(7, 0, [4, 3, 3, 3], 27).data).not.toEqual(heWeights(7, 3, [4, 3, 3, 3], 27).data);
  });
});

describe('the forward pass of the default network', () => {
  const cfg = defaultArch();
  const run = forwardArch(cfg);
  const out = (name: string) => run.outputs.find((o) => o.layer.name === name)!;

  it('gives every layer the shape the table lists, and 10 finite scores', () => {
    const { layers } = archLayers(cfg);
    expect(run.outputs.map((o) => o.value.shape.slice(o.value.shape.length === 4 ? 1 : 0))).toEqual(layers.map((l) => l.outShape));
    expect(run.scores).toHaveLength(10);
    expect(Array.from(run.scores).every(Number.isFinite)).toBe(true);
    expect(run.input.data.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it('conv1 at (channel 5, row 0, column 7) equals a naive sum over the 3×3×3 window with zero padding', () => {
    const w = heWeights(cfg.seed, 0, [16, 3, 3, 3], 27).data;
    const x = run.input.data;
    const [oc, oh, ow] = [5, 0, 7];
    let s = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) {
          const h = oh + i - 1;
          const v = ow + j - 1;
          if (h < 0 || h >= 32 || v < 0 || v >= 32) continue;
          s += x[(c * 32 + h) * 32 + v]! * w[((oc * 3 + c) * 3 + i) * 3 + j]!;
        }
    close(out('conv1').value.data[(oc * 32 + oh) * 32 + ow]!, s);
  });

  it('ReLU keeps positives and zeroes negatives; pooling takes the max of each 2×2 window', () => {
    const conv = out('conv1').value.data;
    const r = out('relu1').value.data;
    for (let i = 0; i < conv.length; i += 97) expect(r[i]).toBe(Math.max(0, conv[i]!));
    const p = out('pool1').value.data;
    // pool1 (channel 3, row 4, column 6) = max of relu1 rows 8–9, columns 12–13.
    const at = (c: number, h: number, w: number) => r[(c * 32 + h) * 32 + w]!;
    expect(p[(3 * 16 + 4) * 16 + 6]).toBe(Math.max(at(3, 8, 12), at(3, 8, 13), at(3, 9, 12), at(3, 9, 13)));
  });

  it('flattens channel by channel, row by row (PyTorch\'s order), and the scores are the last Linear applied to fc1\'s ReLU', () => {
    expect(Array.from(out('flatten').value.data)).toEqual(Array.from(out('pool2').value.data));
    const hidden = out('relu_fc1').value.data;
    const w = heWeights(cfg.seed, 9, [10, 64], 64).data;
    for (let o = 0; o < 10; o++) {
      let s = 0;
      for (let i = 0; i < 64; i++) s += w[o * 64 + i]! * hidden[i]!;
      close(run.scores[o]!, s);
    }
  });

  it('the fully connected classifier multiplies the 3072 input values by its own 10×3072 weights', () => {
    const w = heWeights(cfg.seed, 999, [10, 3072], 3072).data;
    let s = 0;
    for (let i = 0; i < 3072; i++) s += w[2 * 3072 + i]! * run.input.data[i]!;
    close(run.linearScores[2]!, s);
  });

  it('the same seed gives the same scores; another seed other scores', () => {
    expect(forwardArch(cfg).scores).toEqual(run.scores);
    expect(forwardArch({ ...cfg, seed: 2 }).scores).not.toEqual(run.scores);
  });
});

describe('inputs and scores', () => {
  it('an image\'s pixels are used as they are; a grey image fills every channel', () => {
    const cfg: ArchConfig = { ...defaultArch(), c: 3, h: 2, w: 2, src: 'digit' };
    const x = buildArchInput(cfg, { channels: 1, h: 2, w: 2, data: new Float32Array([0, 0.25, 0.5, 1]) });
    expect(Array.from(x.data)).toEqual([0, 0.25, 0.5, 1, 0, 0.25, 0.5, 1, 0, 0.25, 0.5, 1]);
  });

  it('softmax of [0, ln 3] is [0.25, 0.75]', () => {
    const p = softmax([0, Math.log(3)]);
    close(p[0]!, 0.25, 1e-12);
    close(p[1]!, 0.75, 1e-12);
  });
});
