/**
 * ConvScope's engine: pure TypeScript over plain tensors `{ shape, data: Float32Array }`, with PyTorch's
 * semantics (NCHW, weights [Cout, Cin/groups, Kh, Kw], floor for output sizes, biased variance,
 * ε = 1e-5). No DOM, no React, no global state. Every bad input throws an `EngineError` naming the
 * field, the value and what would be valid.
 */
export { EngineError } from './errors';
export { tensor, sizeOf, type Tensor, type Vec, type Dims4 } from './tensor';
export { pair, pad4, type Pair, type Padding, type Pad4 } from './params';

// Operations, all at once
export { conv2d, convTranspose2d, type Conv2dOptions, type ConvTranspose2dOptions } from './conv';
export { maxPool2d, avgPool2d, type MaxPool2dOptions, type AvgPool2dOptions } from './pool';
export { relu } from './activation';
export {
  batchNorm,
  layerNorm,
  instanceNorm,
  groupNorm,
  type NormStats,
  type NormOptions,
  type BatchNormOptions,
  type BatchNormResult,
  type GroupNormOptions,
} from './norm';

// Shape arithmetic, validity, counts
export {
  convAxis,
  poolAxis,
  convTransposeAxis,
  conv2dShape,
  pool2dShape,
  convTranspose2dShape,
  checkConv2d,
  checkPool2d,
  maxKernelFor,
  samePadding,
  fullPadding,
  conv2dParams,
  conv2dMacs,
  linearParams,
  type AxisGeometry,
  type ConvShape,
  type Problem,
  type ConvPadding,
  type Conv2dConfig,
  type Pool2dConfig,
  type Conv2dOptions as Conv2dShapeOptions,
  type Pool2dOptions as Pool2dShapeOptions,
  type ConvTranspose2dOptions as ConvTranspose2dShapeOptions,
} from './shapes';

// Receptive fields
export {
  receptiveFields,
  receptiveRegion,
  regionInLayer,
  influenceRegion,
  layerOutputSizes,
  receptiveFieldFormula,
  type RFLayerSpec,
  type RFInfo,
  type Region,
} from './receptive';

// Step-by-step traces
export * from './trace';

// Seeded data and filter presets
export { createRng, randomTensor, type Rng, type RandomDist } from './random';
export { FILTER_PRESETS, presetKernel2d, presetFilter, presetProblem, type PresetName } from './presets';
