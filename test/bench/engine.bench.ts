// Speed of the engine's tensor operations against TensorFlow.js on its plain-JavaScript CPU backend,
// in one process. Each `describe` holds ours and tfjs on the same shape, so Vitest prints the ratio.
// Inputs (NCHW for us, NHWC for tfjs) are built outside the timed functions; the tfjs side reads its
// result with dataSync() so the work really happens, and disposes it. Convolutions run without bias on
// both sides. Batch norm in training mode is compared with tf.moments + tf.batchNorm (tfjs has no
// fused training-mode op), and in inference mode with tf.batchNorm alone.
import { bench, describe } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { conv2d } from '../../src/engine/conv';
import { maxPool2d } from '../../src/engine/pool';
import { batchNorm } from '../../src/engine/norm';
import type { Tensor } from '../../src/engine/tensor';

await tf.setBackend('cpu');

/** Deterministic uniform values in [−1, 1) (a small LCG; benchmarks need no quality randomness). */
function values(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return out;
}

/** The same values reordered from [a, b, c, d] to the axis order `perm`. */
function permute(data: Float32Array, shape: number[], perm: number[]): Float32Array {
  const strides = [shape[1]! * shape[2]! * shape[3]!, shape[2]! * shape[3]!, shape[3]!, 1];
  const outShape = perm.map((p) => shape[p]!);
  const out = new Float32Array(data.length);
  let o = 0;
  for (let i = 0; i < outShape[0]!; i++)
    for (let j = 0; j < outShape[1]!; j++)
      for (let k = 0; k < outShape[2]!; k++)
        for (let l = 0; l < outShape[3]!; l++) {
          const idx = [i, j, k, l];
          let src = 0;
          for (let a = 0; a < 4; a++) src += idx[a]! * strides[perm[a]!]!;
          out[o++] = data[src]!;
        }
  return out;
}

const NCHW_TO_NHWC = [0, 2, 3, 1];

/** Throws when our NCHW result and tfjs's NHWC result differ (so the benchmark compares like with like). */
function assertSame(ours: Tensor, theirs: tf.Tensor, what: string): void {
  const mine = permute(ours.data, ours.shape, NCHW_TO_NHWC);
  const ref = theirs.dataSync();
  let worst = 0;
  for (let i = 0; i < ref.length; i++)
    worst = Math.max(worst, Math.abs(mine[i]! - ref[i]!) / Math.max(1, Math.abs(ref[i]!)));
  if (mine.length !== ref.length || worst > 1e-4)
    throw new Error(`${what}: results differ from tfjs (worst ${worst})`);
}
/** Weights [Cout, Cin, Kh, Kw] → tfjs filter [Kh, Kw, Cin, Cout]. */
const OIHW_TO_HWIO = [2, 3, 1, 0];

interface ConvShape {
  input: [number, number, number, number];
  weight: [number, number, number, number];
  stride: number;
  pad: number;
}

const convShapes: ConvShape[] = [
  { input: [1, 3, 224, 224], weight: [64, 3, 7, 7], stride: 2, pad: 3 },
  { input: [1, 16, 64, 64], weight: [32, 16, 3, 3], stride: 1, pad: 1 },
  { input: [1, 3, 32, 32], weight: [8, 3, 3, 3], stride: 1, pad: 0 },
];

for (const s of convShapes) {
  const [n, c, h, w] = s.input;
  const x: Tensor = { shape: [...s.input], data: values(n * c * h * w, 1) };
  const wt: Tensor = {
    shape: [...s.weight],
    data: values(
      s.weight.reduce((a, b) => a * b, 1),
      2,
    ),
  };
  const tx = tf.tensor4d(permute(x.data, x.shape, NCHW_TO_NHWC), [n, h, w, c]);
  const tw = tf.tensor4d(permute(wt.data, wt.shape, OIHW_TO_HWIO), [
    s.weight[2],
    s.weight[3],
    c,
    s.weight[0],
  ]);
  const pad: 'valid' | [[number, number], [number, number], [number, number], [number, number]] =
    s.pad === 0
      ? 'valid'
      : [
          [0, 0],
          [s.pad, s.pad],
          [s.pad, s.pad],
          [0, 0],
        ];
  // Both sides must compute the same thing: compare once, outside the timed functions.
  const ours = conv2d(x, wt, null, { stride: s.stride, padding: s.pad });
  const theirs = tf.conv2d(tx, tw, s.stride, pad);
  assertSame(ours, theirs, `conv2d ${s.input}`);
  theirs.dispose();
  const heavy = s.input[2] >= 64;
  const opts = heavy ? { time: 2000, iterations: 5, warmupIterations: 2 } : { time: 1000 };
  describe(`conv2d [${s.input}] ⊛ [${s.weight}] stride ${s.stride} pad ${s.pad}`, () => {
    bench(
      'convscope conv2d',
      () => {
        conv2d(x, wt, null, { stride: s.stride, padding: s.pad });
      },
      opts,
    );
    bench(
      'tfjs-cpu conv2d',
      () => {
        const y = tf.conv2d(tx, tw, s.stride, pad);
        y.dataSync();
        y.dispose();
      },
      opts,
    );
  });
}

{
  const shape: [number, number, number, number] = [8, 16, 32, 32];
  const x: Tensor = { shape, data: values(8 * 16 * 32 * 32, 4) };
  const tx = tf.tensor4d(permute(x.data, shape, NCHW_TO_NHWC), [8, 32, 32, 16]);

  const pooled = tf.maxPool(tx, 2, 2, 'valid');
  assertSame(maxPool2d(x, { kernel: 2, stride: 2 }), pooled, 'maxPool2d');
  pooled.dispose();

  describe('maxPool2d 2×2 stride 2 on [8,16,32,32]', () => {
    bench('convscope maxPool2d', () => {
      maxPool2d(x, { kernel: 2, stride: 2 });
    });
    bench('tfjs-cpu maxPool', () => {
      const y = tf.maxPool(tx, 2, 2, 'valid');
      y.dataSync();
      y.dispose();
    });
  });

  const gamma = values(16, 5);
  const beta = values(16, 6);
  const runningMean = values(16, 7);
  const runningVar = values(16, 8).map((v) => v + 1.5);
  const tGamma = tf.tensor1d(gamma);
  const tBeta = tf.tensor1d(beta);
  const tMean = tf.tensor1d(runningMean);
  const tVar = tf.tensor1d(runningVar);

  const tfTrain = tf.tidy(() => {
    const { mean, variance } = tf.moments(tx, [0, 1, 2]);
    return tf.batchNorm(tx, mean, variance, tBeta, tGamma, 1e-5);
  });
  assertSame(batchNorm(x, { gamma, beta }).output, tfTrain, 'batchNorm training');
  tfTrain.dispose();
  const tfEval = tf.batchNorm(tx, tMean, tVar, tBeta, tGamma, 1e-5);
  assertSame(
    batchNorm(x, { gamma, beta, training: false, runningMean, runningVar }).output,
    tfEval,
    'batchNorm inference',
  );
  tfEval.dispose();

  describe('batchNorm training (batch statistics) on [8,16,32,32]', () => {
    bench('convscope batchNorm training', () => {
      batchNorm(x, { gamma, beta });
    });
    bench('tfjs-cpu moments + batchNorm', () => {
      const y = tf.tidy(() => {
        const { mean, variance } = tf.moments(tx, [0, 1, 2]);
        return tf.batchNorm(tx, mean, variance, tBeta, tGamma, 1e-5);
      });
      y.dataSync();
      y.dispose();
    });
  });

  describe('batchNorm inference (running statistics) on [8,16,32,32]', () => {
    bench('convscope batchNorm inference', () => {
      batchNorm(x, { gamma, beta, training: false, runningMean, runningVar });
    });
    bench('tfjs-cpu batchNorm', () => {
      const y = tf.batchNorm(tx, tMean, tVar, tBeta, tGamma, 1e-5);
      y.dataSync();
      y.dispose();
    });
  });
}
