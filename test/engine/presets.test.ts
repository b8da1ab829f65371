import { describe, it, expect } from 'vitest';
import { presetKernel2d, presetFilter, presetProblem, FILTER_PRESETS } from '../../src/engine/presets';
import { EngineError } from '../../src/engine/errors';

const close = (a: ArrayLike<number>, b: number[]) => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 6));
};

describe('filter presets', () => {
  it('identity is a single 1 at the centre', () => {
    close(presetKernel2d('identity', 3, 3), [0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });
  it('the 3×3 Gaussian is the binomial [1 2 1]ᵀ[1 2 1] / 16', () => {
    close(presetKernel2d('gauss', 3, 3), [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16));
  });
  it('the 5×5 Gaussian sums to 1 and peaks at the centre with 36/256', () => {
    const k = presetKernel2d('gauss', 5, 5);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(k[12]).toBeCloseTo(36 / 256, 7);
  });
  it('box blur averages: every weight of a 2×3 box is 1/6', () => {
    close(presetKernel2d('box', 2, 3), Array(6).fill(1 / 6));
  });
  it('Sobel x, Sobel y and the Laplacian are the textbook 3×3 kernels', () => {
    close(presetKernel2d('sobelx', 3, 3), [-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    close(presetKernel2d('sobely', 3, 3), [-1, -2, -1, 0, 0, 0, 1, 2, 1]);
    close(presetKernel2d('laplace', 3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0]);
  });
  it('sharpen at 3×3 is the classic kernel and at 5×5 is 2·identity − box, summing to 1', () => {
    close(presetKernel2d('sharpen', 3, 3), [0, -1, 0, -1, 5, -1, 0, -1, 0]);
    const k = presetKernel2d('sharpen', 5, 5);
    expect(k[12]).toBeCloseTo(2 - 1 / 25, 6);
    expect(k[0]).toBeCloseTo(-1 / 25, 6);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
  it('smoothing presets sum to 1 and derivative presets to 0 at every supported size', () => {
    for (const name of FILTER_PRESETS) {
      if (name === 'random') continue;
      for (const [kh, kw] of [[1, 1], [3, 3], [5, 5], [4, 4], [3, 5]] as const) {
        if (presetProblem(name, kh, kw)) continue;
        const sum = presetKernel2d(name, kh, kw).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(name.startsWith('sobel') || name === 'laplace' ? 0 : 1, 5);
      }
    }
  });
  it('a 3-channel blur divides by the channels, a 3-channel Sobel keeps whole weights', () => {
    const blur = presetFilter('box', 3, 3, 3);
    expect(blur.length).toBe(27);
    expect(blur[0]).toBeCloseTo(1 / 27, 7);
    const sobel = presetFilter('sobelx', 3, 3, 3);
    close(sobel.subarray(18), [-1, 0, 1, -2, 0, 2, -1, 0, 1]);
  });
  it('refuses sizes a preset does not support, saying why', () => {
    expect(presetProblem('sobelx', 5, 5)).toMatch(/3×3/);
    expect(presetProblem('identity', 4, 4)).toMatch(/odd/);
    expect(() => presetKernel2d('laplace', 5, 5)).toThrow(EngineError);
    expect(() => presetKernel2d('random', 3, 3)).toThrow(/no fixed kernel/);
    expect(() => presetKernel2d('box', 0, 3)).toThrow(/kernel/);
  });
});
