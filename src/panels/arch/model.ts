/**
 * What the architecture view computes, derived from its configuration (never stored): the input
 * tensor, seeded He-initialised weights for every layer, a real forward pass through the engine's
 * conv2d, relu and maxPool2d and a dense layer written here, the scores, and the fully connected
 * classifier on the same input for comparison.
 */
import { conv2d } from '../../engine/conv';
import { maxPool2d } from '../../engine/pool';
import { relu } from '../../engine/activation';
import { createRng, randomTensor } from '../../engine/random';
import { tensor, type Tensor } from '../../engine/tensor';
import { archLayers, type ArchConfig, type ArchLayer } from '../../state/views/arch';

/** An image's pixels already resized to the view's H×W: `channels` planes in 0…1. */
export interface ArchPixels {
  channels: number;
  h: number;
  w: number;
  data: Float32Array;
}

/** One layer's output after the forward pass. */
export interface LayerOutput {
  layer: ArchLayer;
  /** [1, C, H, W] for convolution, ReLU and pooling; [features] for flatten and linear layers. */
  value: Tensor;
  /** Largest magnitude, for the colour scale. */
  maxAbs: number;
  min: number;
  max: number;
}

export interface ArchForward {
  input: Tensor;
  inputMax: number;
  outputs: LayerOutput[];
  /** The last layer's outputs: one score per class. */
  scores: Float32Array;
  /** The fully connected classifier's scores on the same input. */
  linearScores: Float32Array;
}

/**
 * A dense (fully connected) layer, PyTorch's `nn.Linear`: y[o] = Σᵢ W[o, i]·x[i] + b[o], with the
 * weights row-major [out, in]; the sum is accumulated in float64 and stored as float32.
 */
export function dense(x: Float32Array, weight: Float32Array, bias: Float32Array, out: number): Float32Array {
  const inF = x.length;
  if (weight.length !== out * inF) throw new Error(`dense: weight has ${weight.length} values, expected ${out}·${inF}`);
  if (bias.length !== out) throw new Error(`dense: bias has ${bias.length} values, expected ${out}`);
  const y = new Float32Array(out);
  for (let o = 0; o < out; o++) {
    let s = 0;
    const row = o * inF;
    for (let i = 0; i < inF; i++) s += weight[row + i]! * x[i]!;
    y[o] = s + bias[o]!;
  }
  return y;
}

/** An independent seeded stream per layer, so changing one layer never changes another's weights. */
function stream(seed: number, salt: number) {
  return createRng((seed ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0);
}

/**
 * He (Kaiming) normal initialisation, as for ReLU networks: weights ~ N(0, 2 / fan_in), where
 * fan_in is the number of inputs of one output (C·k·k for a convolution, in_features for a linear
 * layer); biases 0.
 */
export function heWeights(seed: number, salt: number, shape: number[], fanIn: number): Tensor {
  return randomTensor(stream(seed, salt), shape, { kind: 'normal', mean: 0, std: Math.sqrt(2 / fanIn) });
}

/** The input tensor [1, C, H, W]: seeded uniform numbers in −1…1, or an image's pixels in 0…1 when given. */
export function buildArchInput(cfg: ArchConfig, pixels?: ArchPixels | null): Tensor {
  const shape = [1, cfg.c, cfg.h, cfg.w];
  if (cfg.src !== 'seeded' && pixels && pixels.h === cfg.h && pixels.w === cfg.w) {
    const out = tensor(shape);
    const plane = cfg.h * cfg.w;
    for (let c = 0; c < cfg.c; c++) {
      const from = Math.min(c, pixels.channels - 1);
      out.data.set(pixels.data.subarray(from * plane, (from + 1) * plane), c * plane);
    }
    return out;
  }
  return randomTensor(stream(cfg.seed, 1000), shape, { kind: 'float', min: -1, max: 1 });
}

function range(data: Float32Array) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, maxAbs: Math.max(Math.abs(min), Math.abs(max)) };
}

/**
 * Runs the network on the input: each convolution with He-normal weights (seeded per layer) and
 * zero biases, ReLU, max pooling with stride = size, flatten, linear layers likewise initialised.
 * Also runs the fully connected classifier (C·H·W → classes, He-normal, its own stream). The
 * configuration must be valid (`archLayers` reports no problem). The weights are untrained, so the
 * scores show the computation, not a prediction.
 */
export function forwardArch(cfg: ArchConfig, pixels?: ArchPixels | null): ArchForward {
  const { layers, problem } = archLayers(cfg);
  if (problem) throw new Error(problem.message);
  const input = buildArchInput(cfg, pixels);
  const outputs: LayerOutput[] = [];
  let x: Tensor = input;
  for (const layer of layers) {
    let y: Tensor;
    switch (layer.kind) {
      case 'conv': {
        const [C] = layer.inShape as [number];
        const F = layer.outShape[0]!;
        const k = layer.k!;
        const weight = heWeights(cfg.seed, layer.index, [F, C, k, k], C * k * k);
        y = conv2d(x, weight, new Float32Array(F), { padding: layer.p! });
        break;
      }
      case 'relu':
        y = relu(x);
        break;
      case 'pool':
        y = maxPool2d(x, { kernel: cfg.pool });
        break;
      case 'flatten':
        y = { shape: [x.data.length], data: x.data };
        break;
      case 'fc': {
        const inF = layer.inShape[0]!;
        const out = layer.outShape[0]!;
        const weight = heWeights(cfg.seed, layer.index, [out, inF], inF);
        y = { shape: [out], data: dense(x.data, weight.data, new Float32Array(out), out) };
        break;
      }
    }
    outputs.push({ layer, value: y, ...range(y.data) });
    x = y;
  }
  const inF = cfg.c * cfg.h * cfg.w;
  const linearWeight = heWeights(cfg.seed, 999, [cfg.classes, inF], inF);
  const linearScores = dense(input.data, linearWeight.data, new Float32Array(cfg.classes), cfg.classes);
  return { input, inputMax: range(input.data).maxAbs, outputs, scores: x.data, linearScores };
}

/** Softmax of scores (shifted by their maximum so nothing overflows). */
export function softmax(scores: ArrayLike<number>): number[] {
  let m = -Infinity;
  for (let i = 0; i < scores.length; i++) m = Math.max(m, scores[i]!);
  const e = Array.from({ length: scores.length }, (_, i) => Math.exp(scores[i]! - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
