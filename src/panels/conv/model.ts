import type { ConvConfig, FilterPreset } from '../../state/types';
import { conv2d } from '../../engine/conv';
import { convAxis, type AxisGeometry } from '../../engine/shapes';
import { createRng, randomTensor } from '../../engine/random';
import { presetFilter, presetProblem } from '../../engine/presets';
import { tensor, type Tensor } from '../../engine/tensor';
import { maxAbsOf, paletteFor, type Palette } from '../../viz/color';

/** Pixels of a sample or uploaded image, already resized to the view's H×W: `[channels, h, w]` in 0…1. */
export interface ImagePixels {
  channels: number;
  h: number;
  w: number;
  data: Float32Array;
}

/** Everything the convolution view draws, derived from the configuration (never stored). */
export interface ConvModel {
  input: Tensor;
  weight: Tensor;
  bias: Float32Array;
  output: Tensor;
  rows: AxisGeometry;
  cols: AxisGeometry;
  outH: number;
  outW: number;
  /** Steps of the walk-through: filters × output rows × output columns. */
  total: number;
  inputMax: number;
  /** Grey for inputs that are never negative (images), signed otherwise. */
  inputPalette: Palette;
  weightMax: number;
  outputMax: number;
  /**
   * Filters whose preset does not fit the kernel size, with the reason (in English; the view words it
   * in the page's language from `preset`); they fall back to random.
   */
  presetIssues: { filter: number; preset: FilterPreset; message: string }[];
}

const isImageSource = (src: ConvConfig['src']) => src !== 'int' && src !== 'float';

/** Independent seeded streams, so resizing the input never changes the filters and vice versa. */
const stream = (seed: number, salt: number) => createRng((seed ^ salt) >>> 0);

/**
 * The input tensor `[1, C, H, W]`: seeded integers in −2…2 (like a lecture's worked example), seeded
 * floats in −1…1 with two decimals, or an image's pixels in 0…1 (two decimals) when they are given.
 */
export function buildInput(cfg: ConvConfig, pixels?: ImagePixels | null): Tensor {
  const shape = [1, cfg.c, cfg.h, cfg.w];
  if (isImageSource(cfg.src) && pixels && pixels.h === cfg.h && pixels.w === cfg.w) {
    const out = tensor(shape);
    const plane = cfg.h * cfg.w;
    for (let c = 0; c < cfg.c; c++) {
      const from = Math.min(c, pixels.channels - 1);
      for (let i = 0; i < plane; i++) out.data[c * plane + i] = Math.round(pixels.data[from * plane + i]! * 100) / 100;
    }
    return out;
  }
  const rng = stream(cfg.seed, 0);
  return cfg.src === 'float'
    ? randomTensor(rng, shape, { kind: 'float', min: -1, max: 1, decimals: 2 })
    : randomTensor(rng, shape, { kind: 'int', min: -2, max: 2 });
}

/**
 * The weights `[F, C, Kh, Kw]` and biases `[F]`: each filter from its preset, or seeded (integers in
 * −1…1 for integer inputs, two-decimal floats otherwise), then the user's edits on top. Preset
 * filters have no bias.
 */
export function buildFilters(cfg: ConvConfig): { weight: Tensor; bias: Float32Array; presetIssues: ConvModel['presetIssues'] } {
  const [kh, kw] = cfg.k;
  const per = cfg.c * kh * kw;
  const weight = tensor([cfg.f, cfg.c, kh, kw]);
  const wrng = stream(cfg.seed, 0x9e3779b9);
  const ints = cfg.src === 'int';
  const random = ints
    ? randomTensor(wrng, [cfg.f, per], { kind: 'int', min: -1, max: 1 })
    : randomTensor(wrng, [cfg.f, per], { kind: 'float', min: -1, max: 1, decimals: 2 });
  const presetIssues: ConvModel['presetIssues'] = [];
  for (let f = 0; f < cfg.f; f++) {
    const preset = cfg.fp[f] ?? 'random';
    const problem = preset === 'random' ? null : presetProblem(preset, kh, kw);
    if (problem) presetIssues.push({ filter: f, preset, message: `${preset} ${problem}` });
    const values = preset === 'random' || problem ? random.data.subarray(f * per, (f + 1) * per) : presetFilter(preset, cfg.c, kh, kw);
    weight.data.set(values, f * per);
  }
  const brng = stream(cfg.seed, 0x85ebca6b);
  const bias = ints
    ? randomTensor(brng, [cfg.f], { kind: 'int', min: 0, max: 1 }).data
    : randomTensor(brng, [cfg.f], { kind: 'float', min: -0.5, max: 0.5, decimals: 2 }).data;
  // A preset is a classic image filter: it comes without a bias, so flat regions give 0.
  for (let f = 0; f < cfg.f; f++) if ((cfg.fp[f] ?? 'random') !== 'random' && !presetIssues.some((p) => p.filter === f)) bias[f] = 0;
  for (const [i, v] of Object.entries(cfg.we)) if (+i < weight.data.length) weight.data[+i] = v;
  for (const [i, v] of Object.entries(cfg.b)) if (+i < bias.length) bias[+i] = v;
  return { weight, bias, presetIssues };
}

/** Builds the whole model of the convolution view for a valid configuration. */
export function buildConvModel(cfg: ConvConfig, pixels?: ImagePixels | null): ConvModel {
  const input = buildInput(cfg, pixels);
  const { weight, bias, presetIssues } = buildFilters(cfg);
  const [pt, pb, pl, pr] = cfg.p;
  const rows = convAxis(cfg.h, cfg.k[0], cfg.s[0], pt, pb, cfg.d[0]);
  const cols = convAxis(cfg.w, cfg.k[1], cfg.s[1], pl, pr, cfg.d[1]);
  const output = conv2d(input, weight, bias, {
    stride: cfg.s,
    padding: [pt, pb, pl, pr],
    dilation: cfg.d,
  });
  return {
    input,
    weight,
    bias,
    output,
    rows,
    cols,
    outH: rows.output,
    outW: cols.output,
    total: cfg.f * rows.output * cols.output,
    inputMax: maxAbsOf(input.data),
    inputPalette: paletteFor(input.data),
    weightMax: Math.max(maxAbsOf(weight.data), maxAbsOf(bias)),
    outputMax: maxAbsOf(output.data),
    presetIssues,
  };
}
