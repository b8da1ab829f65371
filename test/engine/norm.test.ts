import { describe, it, expect } from 'vitest';
import { batchNorm, layerNorm, instanceNorm, groupNorm } from '../../src/engine/norm';
import { EngineError } from '../../src/engine/errors';
import type { Tensor } from '../../src/engine/tensor';

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

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (Math.abs(actual[i]! - e) > tol * Math.max(1, Math.abs(e)))
      expect.fail(`index ${i}: got ${actual[i]}, expected ${e}`);
  }
}

function expectEngineError(fn: () => unknown, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).field).toBe(field);
    return;
  }
  expect.fail(`expected an EngineError for ${field}`);
}

/** Mean and biased variance in float64, two passes, written independently of the engine. */
function stats(values: ArrayLike<number>): [number, number] {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  const m = s / values.length;
  let q = 0;
  for (let i = 0; i < values.length; i++) q += (values[i]! - m) ** 2;
  return [m, q / values.length];
}

const SQRT = (v: number) => Math.sqrt(v + 1e-5);

describe('batchNorm', () => {
  it('a channel [1, 2, 3, 4] has mean 2.5 and biased variance 1.25', () => {
    const r = batchNorm(t([4, 1], [1, 2, 3, 4]));
    expect(r.mean[0]).toBe(2.5);
    expect(r.var[0]).toBe(1.25);
    expect(r.output.shape).toEqual([4, 1]);
    expectClose(
      r.output.data,
      [-1.5, -0.5, 0.5, 1.5].map((v) => v / SQRT(1.25)),
    );
  });

  it('the statistics of a channel span the whole batch and all positions (N·H·W values)', () => {
    // channel 0 holds 1,2 (item 0) and 3,4 (item 1); channel 1 holds 10,10 and 20,20
    const r = batchNorm(t([2, 2, 1, 2], [1, 2, 10, 10, 3, 4, 20, 20]));
    expect(Array.from(r.mean)).toEqual([2.5, 15]);
    expect(Array.from(r.var)).toEqual([1.25, 25]);
  });

  it('gamma scales and beta shifts each channel after normalization', () => {
    const r = batchNorm(t([4, 1], [1, 2, 3, 4]), { gamma: [2], beta: [10], eps: 1e-3 });
    expectClose(
      r.output.data,
      [-1.5, -0.5, 0.5, 1.5].map((v) => (2 * v) / Math.sqrt(1.25 + 1e-3) + 10),
    );
  });

  it('training updates the running statistics with momentum and the unbiased variance', () => {
    const r = batchNorm(t([4, 1], [1, 2, 3, 4]), { runningMean: [0], runningVar: [1], momentum: 0.1 });
    // 0.9·0 + 0.1·2.5 = 0.25; unbiased variance 1.25·4/3 = 5/3, so 0.9·1 + 0.1·5/3
    expectClose(r.newRunningMean!, [0.25]);
    expectClose(r.newRunningVar!, [0.9 + 0.1 * (5 / 3)]);
    expect(r.mean[0]).toBe(2.5);
  });

  it('a single value per channel has variance 0 and normalizes to beta', () => {
    const r = batchNorm(t([1, 2], [5, -3]), { beta: [1, 2] });
    expect(Array.from(r.var)).toEqual([0, 0]);
    expect(Array.from(r.output.data)).toEqual([1, 2]);
  });

  it('without running statistics, training returns no running update', () => {
    const r = batchNorm(t([4, 1], [1, 2, 3, 4]));
    expect(r.newRunningMean).toBeUndefined();
    expect(r.newRunningVar).toBeUndefined();
  });

  it('inference (training false) normalizes with the running statistics and returns them', () => {
    const r = batchNorm(t([4, 1], [1, 2, 3, 4]), {
      training: false,
      runningMean: [2],
      runningVar: [4],
      beta: [1],
    });
    expectClose(
      r.output.data,
      [-1, 0, 1, 2].map((v) => v / SQRT(4) + 1),
    );
    expect(Array.from(r.mean)).toEqual([2]);
    expect(Array.from(r.var)).toEqual([4]);
    expect(r.newRunningMean).toBeUndefined();
  });

  it('values far from zero (1000 + U(−1, 1)) give the right variance', () => {
    const x = rand(4 * 3 * 8 * 8, 11).map((v) => 1000 + v);
    const r = batchNorm(t([4, 3, 8, 8], x));
    for (let c = 0; c < 3; c++) {
      const vals: number[] = [];
      for (let n = 0; n < 4; n++) for (let i = 0; i < 64; i++) vals.push(x[(n * 3 + c) * 64 + i]!);
      const [m, v] = stats(vals);
      expect(v).toBeGreaterThan(0.2); // ≈ 1/3 for U(−1, 1)
      expectClose([r.mean[c]!], [m], 1e-7);
      expectClose([r.var[c]!], [v], 1e-5);
    }
    const [m0, v0] = stats(Array.from(r.output.data).filter((_, i) => Math.floor(i / 64) % 3 === 0));
    expect(Math.abs(m0)).toBeLessThan(1e-4);
    expect(Math.abs(v0 - 1)).toBeLessThan(1e-3);
  });
});

describe('layerNorm, instanceNorm and groupNorm', () => {
  it('layerNorm normalizes each sample over all its values; [1, 2, 3, 4] gives mean 2.5, variance 1.25', () => {
    const r = layerNorm(t([2, 4], [1, 2, 3, 4, 10, 10, 10, 10]));
    expect(Array.from(r.mean)).toEqual([2.5, 10]);
    expect(Array.from(r.var)).toEqual([1.25, 0]);
    expectClose(r.output.data, [...[-1.5, -0.5, 0.5, 1.5].map((v) => v / SQRT(1.25)), 0, 0, 0, 0]);
  });

  it('layerNorm takes per-channel gamma/beta (length C) shared over the positions', () => {
    const x = t([1, 2, 1, 2], [1, 2, 3, 4]);
    const r = layerNorm(x, { gamma: [1, 2], beta: [0, -1] });
    const z = [-1.5, -0.5, 0.5, 1.5].map((v) => v / SQRT(1.25));
    expectClose(r.output.data, [z[0]!, z[1]!, 2 * z[2]! - 1, 2 * z[3]! - 1]);
  });

  it('layerNorm takes elementwise gamma/beta (length C·H·W), like nn.LayerNorm([C, H, W])', () => {
    const x = t([1, 2, 1, 2], [1, 2, 3, 4]);
    const r = layerNorm(x, { gamma: [1, 2, 3, 4], beta: [0, 0, 0, 1] });
    const z = [-1.5, -0.5, 0.5, 1.5].map((v) => v / SQRT(1.25));
    expectClose(r.output.data, [z[0]!, 2 * z[1]!, 3 * z[2]!, 4 * z[3]! + 1]);
  });

  it('instanceNorm has one mean and variance per (sample, channel), sample-major', () => {
    const r = instanceNorm(t([2, 2, 1, 2], [1, 3, 5, 5, 0, 4, -2, 2]));
    expect(Array.from(r.mean)).toEqual([2, 5, 2, 0]);
    expect(Array.from(r.var)).toEqual([1, 0, 4, 4]);
  });

  it('groupNorm has one mean and variance per (sample, group) over consecutive channels', () => {
    const r = groupNorm(t([1, 4, 1, 1], [1, 3, 10, 20]), {
      groups: 2,
      gamma: [1, 1, 2, 2],
      beta: [0, 0, 0, 5],
    });
    expect(Array.from(r.mean)).toEqual([2, 15]);
    expect(Array.from(r.var)).toEqual([1, 25]);
    expectClose(r.output.data, [-1 / SQRT(1), 1 / SQRT(1), (2 * -5) / SQRT(25), (2 * 5) / SQRT(25) + 5]);
  });

  it('instanceNorm of a 1×1 map has variance 0 and gives beta', () => {
    const r = instanceNorm(t([1, 2, 1, 1], [7, -7]), { beta: [0.5, -0.5] });
    expect(Array.from(r.var)).toEqual([0, 0]);
    expect(Array.from(r.output.data)).toEqual([0.5, -0.5]);
  });

  it('values far from zero (1000 + U(−1, 1)) give the right variance in every norm', () => {
    const x = rand(2 * 4 * 16 * 16, 12).map((v) => 1000 + v);
    const input = t([2, 4, 16, 16], x);
    const checks: [ReturnType<typeof layerNorm>, number][] = [
      [layerNorm(input), 4 * 256],
      [instanceNorm(input), 256],
      [groupNorm(input, { groups: 2 }), 2 * 256],
    ];
    for (const [r, len] of checks) {
      for (let s = 0; s < r.mean.length; s++) {
        const [m, v] = stats(x.subarray(s * len, (s + 1) * len));
        expect(v).toBeGreaterThan(0.2);
        expectClose([r.mean[s]!], [m], 1e-7);
        expectClose([r.var[s]!], [v], 1e-5);
      }
    }
  });
});

describe('normalizations reject bad input with an EngineError naming the field', () => {
  const x = t([2, 3, 2, 2], rand(24, 3));
  it('a rank-3 input', () => expectEngineError(() => batchNorm(t([2, 3, 4], rand(24, 1))), 'input.shape'));
  it('a rank-2 input to instanceNorm', () =>
    expectEngineError(() => instanceNorm(t([2, 3], rand(6, 1))), 'input.shape'));
  it('gamma of the wrong length', () =>
    expectEngineError(() => batchNorm(x, { gamma: [1, 2] }), 'gamma.length'));
  it('beta of the wrong length', () =>
    expectEngineError(() => groupNorm(x, { groups: 3, beta: [1] }), 'beta.length'));
  it('layerNorm gamma that is neither per channel nor per element', () =>
    expectEngineError(() => layerNorm(x, { gamma: [1, 2, 3, 4, 5] }), 'gamma.length'));
  it('groups that do not divide the channels', () =>
    expectEngineError(() => groupNorm(x, { groups: 2 }), 'groups'));
  it('inference without running statistics', () =>
    expectEngineError(() => batchNorm(x, { training: false }), 'runningMean'));
  it('inference without a running variance', () =>
    expectEngineError(() => batchNorm(x, { training: false, runningMean: [0, 0, 0] }), 'runningVar'));
  it('a running mean of the wrong length', () =>
    expectEngineError(() => batchNorm(x, { runningMean: [0], runningVar: [1, 1, 1] }), 'runningMean.length'));
  it('a negative running variance', () =>
    expectEngineError(
      () => batchNorm(x, { training: false, runningMean: [0, 0, 0], runningVar: [1, -1, 1] }),
      'runningVar[1]',
    ));
  it('a zero eps', () => expectEngineError(() => layerNorm(x, { eps: 0 }), 'eps'));
  it('a momentum above 1', () => expectEngineError(() => batchNorm(x, { momentum: 2 }), 'momentum'));
  it('a running-statistics update from a single value per channel (no unbiased variance)', () =>
    expectEngineError(
      () => batchNorm(t([1, 3], [1, 2, 3]), { runningMean: [0, 0, 0], runningVar: [1, 1, 1] }),
      'input.shape',
    ));
  it('a NaN in the input', () => expectEngineError(() => layerNorm(t([1, 2], [1, NaN])), 'input[1]'));
  it('a non-finite gamma', () =>
    expectEngineError(() => instanceNorm(x, { gamma: [1, Infinity, 1] }), 'gamma[1]'));
});
