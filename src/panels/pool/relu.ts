import { conv2d } from '../../engine/conv';
import { relu } from '../../engine/activation';
import { presetFilter } from '../../engine/presets';
import { randomTensor } from '../../engine/random';
import { tensor, type Tensor } from '../../engine/tensor';
import { maxAbsOf } from '../../viz/color';
import { formatCount } from '../../viz/format';
import type { PoolText } from '../../i18n/pool';
import type { PoolConfig } from '../../state/views/pool';
import { poolTensor, stream } from './model';

/** The ReLU part of the view: a convolution's signed output, before and after ReLU, then pooled. */
export interface ReluModel {
  /** The 3×3 filter `[1, C, 3, 3]` (no bias). */
  weight: Tensor;
  /** The convolution's output `[1, 1, H, W]` (stride 1, padding 1 keeps the size): signed. */
  before: Tensor;
  /** ReLU of it: every negative cell becomes 0. */
  after: Tensor;
  /** After pooling with the view's pooling settings: the last map of Conv → ReLU → Pool. */
  pooled: Tensor;
  /** 1 where the convolution's output was negative (the cells ReLU set to 0). */
  negative: Uint8Array;
  /** How many cells were negative, and how many cells there are. */
  negatives: number;
  cells: number;
  /** One colour scale for the three maps, so a value keeps its colour along the strip. */
  maxAbs: number;
  weightMax: number;
}

/**
 * The filter whose output ReLU is applied to: a preset on every input channel, or seeded weights
 * (whole numbers in −1…1 for integer inputs, two-decimal numbers in −1…1 otherwise).
 */
export function reluFilter(cfg: PoolConfig): Tensor {
  const shape = [1, cfg.c, 3, 3];
  if (cfg.rf !== 'random') return tensor(shape, presetFilter(cfg.rf, cfg.c, 3, 3));
  const rng = stream(cfg.seed, 0x9e3779b9);
  return cfg.src === 'int'
    ? randomTensor(rng, shape, { kind: 'int', min: -1, max: 1 })
    : randomTensor(rng, shape, { kind: 'float', min: -1, max: 1, decimals: 2 });
}

/** The sentence under the maps: "7 of 16 cells were negative and became 0.", worded by `t`. */
export function zeroedSentence(negatives: number, cells: number, t: PoolText): string {
  return negatives === 0 ? t.zeroedNone(formatCount(cells)) : t.zeroed(formatCount(negatives), formatCount(cells));
}

/**
 * Convolves `input` [1, C, H, W] with the configured 3×3 filter (stride 1, padding 1, no bias; the
 * engine's conv2d), applies ReLU (the engine's relu), counts the cells it zeroed, and pools the result
 * with the view's pooling settings: the lecture's [Conv, ReLU, Pool] block.
 */
export function buildReluModel(cfg: PoolConfig, input: Tensor): ReluModel {
  const weight = reluFilter(cfg);
  const before = conv2d(input, weight, null, { stride: 1, padding: 1 });
  const after = relu(before);
  const negative = new Uint8Array(before.data.length);
  let negatives = 0;
  for (let i = 0; i < before.data.length; i++) {
    if (before.data[i]! < 0) {
      negative[i] = 1;
      negatives++;
    }
  }
  const pooled = poolTensor(cfg, after);
  return {
    weight,
    before,
    after,
    pooled,
    negative,
    negatives,
    cells: before.data.length,
    maxAbs: maxAbsOf(before.data),
    weightMax: maxAbsOf(weight.data),
  };
}
