import { EngineError, expecting } from './errors';

/** The names of the filter presets the views offer. */
export const FILTER_PRESETS = ['random', 'identity', 'box', 'gauss', 'sharpen', 'sobelx', 'sobely', 'laplace'] as const;
export type PresetName = (typeof FILTER_PRESETS)[number];

/**
 * Which kernel sizes a preset supports, as a sentence for the UI, or `null` when `[kh, kw]` works.
 * Identity and sharpen need a centre cell (odd sizes); Sobel and Laplacian are defined at 3×3.
 */
export function presetProblem(name: PresetName, kh: number, kw: number): string | null {
  switch (name) {
    case 'identity':
    case 'sharpen':
      return kh % 2 === 1 && kw % 2 === 1 ? null : 'needs an odd kernel size (a centre cell)';
    case 'sobelx':
    case 'sobely':
    case 'laplace':
      return kh === 3 && kw === 3 ? null : 'is defined for a 3×3 kernel';
    default:
      return null;
  }
}

/** Row `n − 1` of Pascal's triangle: the binomial approximation of a Gaussian of `n` taps. */
function binomial(n: number): number[] {
  let row = [1];
  for (let i = 1; i < n; i++) {
    const next = [1];
    for (let j = 1; j < i; j++) next.push(row[j - 1]! + row[j]!);
    next.push(1);
    row = next;
  }
  return row;
}

/**
 * The 2-D kernel of a preset, `kh × kw`, row-major. Smoothing presets (identity, box, Gaussian,
 * sharpen) sum to 1; derivative presets (Sobel x/y, Laplacian) sum to 0. `random` has no fixed kernel
 * and is rejected here. Throws an `EngineError` when the preset does not support the size.
 */
export function presetKernel2d(name: PresetName, kh: number, kw: number): Float32Array {
  if (!Number.isInteger(kh) || kh < 1 || !Number.isInteger(kw) || kw < 1) {
    throw new EngineError('kernel', [kh, kw], expecting('whole', 'whole numbers ≥ 1', { min: 1 }));
  }
  const problem = name === 'random' ? 'has no fixed kernel' : presetProblem(name, kh, kw);
  if (problem) throw new EngineError('preset', name, expecting('preset', `a preset that supports a ${kh}×${kw} kernel`, { preset: name, kh, kw }), `${name} ${problem}`);
  const k = new Float32Array(kh * kw);
  const centre = Math.floor(kh / 2) * kw + Math.floor(kw / 2);
  switch (name) {
    case 'identity':
      k[centre] = 1;
      break;
    case 'box':
      k.fill(1 / (kh * kw));
      break;
    case 'gauss': {
      const rows = binomial(kh);
      const cols = binomial(kw);
      const total = rows.reduce((a, b) => a + b, 0) * cols.reduce((a, b) => a + b, 0);
      for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) k[i * kw + j] = (rows[i]! * cols[j]!) / total;
      break;
    }
    case 'sharpen':
      // 2·identity − box: keeps the mean, amplifies the difference from the neighbourhood.
      k.fill(-1 / (kh * kw));
      k[centre] = 2 - 1 / (kh * kw);
      if (kh === 3 && kw === 3) k.set([0, -1, 0, -1, 5, -1, 0, -1, 0]);
      break;
    case 'sobelx':
      k.set([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
      break;
    case 'sobely':
      k.set([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
      break;
    case 'laplace':
      k.set([0, 1, 0, 1, -4, 1, 0, 1, 0]);
      break;
  }
  return k;
}

/**
 * A whole filter `[channels, kh, kw]` from a preset: the 2-D kernel on every input channel. Smoothing
 * presets are divided by the channel count, so the filter acts on the channels' mean and a grey image
 * keeps its brightness; derivative presets are not, so their weights stay whole numbers.
 */
export function presetFilter(name: PresetName, channels: number, kh: number, kw: number): Float32Array {
  if (!Number.isInteger(channels) || channels < 1) throw new EngineError('channels', channels, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
  const k2 = presetKernel2d(name, kh, kw);
  const scale = name === 'sobelx' || name === 'sobely' || name === 'laplace' ? 1 : 1 / channels;
  const out = new Float32Array(channels * kh * kw);
  for (let c = 0; c < channels; c++) for (let i = 0; i < k2.length; i++) out[c * k2.length + i] = k2[i]! * scale;
  return out;
}
