/*
 * Step-by-step traces of the engine's operations, which the views animate: convolution, pooling and
 * normalization. Every step is computed directly from its index, in time proportional to its window
 * (or group), and its result equals the whole-tensor function's value at that position.
 */
export {
  convGeometry,
  convStep,
  convStepAt,
  convStepCount,
  convStepIndex,
  inputsForWeight,
  outputsFedBy,
  type ConvFeed,
  type ConvGeometry,
  type ConvStep,
  type ConvTap,
  type ConvTraceOptions,
  type ConvWeightUse,
  type TraceWindow,
} from './trace-conv';
export {
  poolGeometry,
  poolStep,
  poolStepCount,
  type PoolGeometry,
  type PoolKind,
  type PoolStep,
  type PoolTap,
  type PoolTraceOptions,
} from './trace-pool';
export {
  normGroupCount,
  normGroupMembers,
  normGroupOf,
  normGroupTrace,
  normStep,
  normStepCount,
  type NormGroupTrace,
  type NormKind,
  type NormStage,
  type NormStep,
  type NormTraceOptions,
} from './trace-norm';
