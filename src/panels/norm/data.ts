import { createRng } from '../../engine/random';
import { tensor, type Tensor } from '../../engine/tensor';
import type { ImagePixels } from '../conv/model';
import type { ConvLayerSamples } from './convLayer';
import type { ConvConfig } from '../../state/types';
import { NORM_LIMITS, offsetOf, spreadOf, unpackConv, type NormConfig } from '../../state/views/norm';

/**
 * The normalization lab's data, derived from its configuration (pure: the random numbers come from
 * the seed, images arrive as pixels already read). Every mini-batch is a tensor [N, C, H, W] (or
 * [N, D]); a test sample is one more sample [1, C, H, W] from the same source.
 */

/** The shipped sample images the lab cycles through, in order. */
export const IMAGE_ORDER = ['checker', 'digit', 'gradient', 'scene'] as const;
export type ImageName = (typeof IMAGE_ORDER)[number];

/** How sample `index` of the image source is flipped: none, left–right, top–bottom, both. */
export const FLIPS = ['', 'flipped left–right', 'flipped top–bottom', 'turned half round'] as const;

/** The sample index of the test sample (a combination of image and flip no small batch starts with). */
export const TEST_INDEX = 13;

/**
 * What the data needs that is read or loaded on demand: the four samples at the lab's C×H×W, the
 * convolution's input image, and the convolution source's code.
 */
export interface NormPixels {
  samples?: Partial<Record<ImageName, ImagePixels>>;
  /** The convolution's input image (source `conv` with an image input), at the convolution's c×h×w. */
  conv?: ImagePixels | null;
  /** The convolution source's layer (convLayer.ts), loaded when that source is chosen. */
  convLayer?: ConvLayerSamples;
}

/** A 32-bit mix of whole numbers (a MurmurHash3 finalizer per word), for independent seeded streams. */
export function mix(...words: number[]): number {
  let h = 0x811c9dc5;
  for (const word of words) {
    h = Math.imul(h ^ (word >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Decimal places that keep a spread visible: 2, or more for spreads below 0.1 (0.001 gets 5). */
export function decimalsFor(spread: number): number {
  if (spread === 0 || spread >= 0.1) return 2;
  return Math.min(6, Math.ceil(-Math.log10(spread)) + 2);
}

const round = (v: number, decimals: number) => {
  const k = 10 ** decimals;
  const r = Math.round(v * k) / k;
  return r === 0 ? 0 : r;
};

/** The salt of a stream: mini-batch b, or the test sample. */
const streamOf = (batch: number | 'test') => (batch === 'test' ? 0x7e57 : batch + 1);

/**
 * Seeded normal values, channel by channel: channel c of every sample is offset_c + spread_c·z,
 * rounded to `decimalsFor(spread_c)` places. Each (batch, channel) has its own stream, so adding a
 * channel or a sample leaves the others' numbers as they were.
 */
function randomData(cfg: Readonly<NormConfig>, n: number, batch: number | 'test'): Tensor {
  const s = cfg.layout === 'nd' ? 1 : cfg.h * cfg.w;
  const shape = cfg.layout === 'nd' ? [n, cfg.c] : [n, cfg.c, cfg.h, cfg.w];
  const out = tensor(shape);
  for (let c = 0; c < cfg.c; c++) {
    const rng = createRng(mix(cfg.seed, streamOf(batch), c));
    const off = offsetOf(cfg, c);
    const sd = spreadOf(cfg, c);
    const dec = decimalsFor(sd);
    for (let i = 0; i < n; i++) {
      const base = (i * cfg.c + c) * s;
      for (let j = 0; j < s; j++) out.data[base + j] = round(off + sd * rng.normal(), dec);
    }
  }
  return out;
}

/** Copies a [C, H, W] plane set flipped as `FLIPS[flip]` says. */
function flipped(p: ImagePixels, flip: number): ImagePixels {
  if (flip === 0) return p;
  const data = new Float32Array(p.data.length);
  const plane = p.h * p.w;
  for (let c = 0; c < p.channels; c++)
    for (let r = 0; r < p.h; r++)
      for (let q = 0; q < p.w; q++) {
        const rr = flip & 2 ? p.h - 1 - r : r;
        const qq = flip & 1 ? p.w - 1 - q : q;
        data[c * plane + r * p.w + q] = p.data[c * plane + rr * p.w + qq]!;
      }
  return { ...p, data };
}

/** Which image and flip sample `index` of the image source is. */
export function imageOf(index: number): { name: ImageName; flip: number } {
  return {
    name: IMAGE_ORDER[index % IMAGE_ORDER.length]!,
    flip: Math.floor(index / IMAGE_ORDER.length) % FLIPS.length,
  };
}

/** Global average pooling of an [N, C, H, W] tensor: [N, C], what a fully connected layer after it sees. */
export function globalAverage(t: Tensor): Tensor {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const s = h * w;
  const out = tensor([n, c]);
  for (let i = 0; i < n * c; i++) {
    let sum = 0;
    for (let j = 0; j < s; j++) sum += t.data[i * s + j]!;
    out.data[i] = round(sum / s, 4);
  }
  return out;
}

/** Samples `first … first + n − 1` of the image source as [n, C, H, W], pixel values in 0…1 with two decimals. */
function imageData(cfg: Readonly<NormConfig>, n: number, first: number, pixels: NormPixels): Tensor | null {
  const plane = cfg.h * cfg.w;
  const out = tensor([n, cfg.c, cfg.h, cfg.w]);
  for (let i = 0; i < n; i++) {
    const { name, flip } = imageOf(first + i);
    const p = pixels.samples?.[name];
    if (!p || p.h !== cfg.h || p.w !== cfg.w || p.channels !== cfg.c) return null;
    const f = flipped(p, flip);
    for (let j = 0; j < cfg.c * plane; j++)
      out.data[i * cfg.c * plane + j] = Math.round(f.data[j]! * 100) / 100;
  }
  return out;
}

/** The convolution configuration of the `conv` source. */
export function convOf(cfg: Readonly<NormConfig>): ConvConfig {
  return unpackConv(cfg.cv).conv;
}

/** Whether the convolution's input is an image (then it needs pixels). */
export const convNeedsImage = (conv: Readonly<ConvConfig>) => conv.src !== 'int' && conv.src !== 'float';

/**
 * Samples `first … first + n − 1` of the convolution source: the convolution view's layer applied to
 * inputs seeded `seed + index` (sample 0 is exactly the convolution view's output), or to its image
 * flipped as the image source flips. Null while the layer's code or the image is not loaded.
 */
function convData(cfg: Readonly<NormConfig>, n: number, first: number, pixels: NormPixels): Tensor | null {
  const conv = convOf(cfg);
  const image = convNeedsImage(conv);
  if (!pixels.convLayer || (image && !pixels.conv)) return null;
  const picture = pixels.conv;
  return pixels.convLayer(conv, n, first, image && picture ? (index) => flipped(picture, imageOf(index).flip) : null);
}

/** Rounds hand-typed values into a tensor of the configuration's shape. */
function customData(cfg: Readonly<NormConfig>): Tensor {
  const shape = cfg.layout === 'nd' ? [cfg.n, cfg.c] : [cfg.n, cfg.c, cfg.h, cfg.w];
  const out = tensor(shape);
  for (let i = 0; i < out.data.length; i++) out.data[i] = cfg.x[i] ?? 0;
  return out;
}

/**
 * Mini-batch `batch` (0-based) of the configuration's source, [N, C, H, W] or [N, D]; null while
 * images are still being read. Typed values are the same in every mini-batch (there is only one).
 * In the N×D layout, images and convolution outputs are averaged over H×W first.
 */
export function buildBatch(cfg: Readonly<NormConfig>, batch: number, pixels: NormPixels = {}): Tensor | null {
  return sampleSet(cfg, cfg.n, batch, pixels);
}

/** The test sample, [1, C, H, W] or [1, D]: a sample no mini-batch contained (typed values: the first sample). */
export function buildTestSample(cfg: Readonly<NormConfig>, pixels: NormPixels = {}): Tensor | null {
  return sampleSet(cfg, 1, 'test', pixels);
}

function sampleSet(
  cfg: Readonly<NormConfig>,
  n: number,
  batch: number | 'test',
  pixels: NormPixels,
): Tensor | null {
  const first = batch === 'test' ? TEST_INDEX : batch * cfg.n;
  switch (cfg.src) {
    case 'random':
      return randomData(cfg, n, batch);
    case 'custom': {
      const all = customData(cfg);
      if (batch !== 'test') return all;
      const per = all.data.length / cfg.n;
      return { shape: [1, ...all.shape.slice(1)], data: all.data.slice(0, per) };
    }
    case 'image':
    case 'conv': {
      const full =
        cfg.src === 'image'
          ? imageData({ ...cfg, layout: 'nchw' }, n, first, pixels)
          : convData(cfg, n, first, pixels);
      if (!full) return null;
      return cfg.layout === 'nd' ? globalAverage(full) : full;
    }
  }
}

/** How many values the largest configuration holds (for the stated caps). */
export const MAX_VALUES = NORM_LIMITS.n * NORM_LIMITS.c * NORM_LIMITS.hw * NORM_LIMITS.hw;
