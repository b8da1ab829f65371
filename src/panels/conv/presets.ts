import type { FilterPreset, InputSource } from '../../state/types';
import type { ConvT } from '../../i18n/conv';
import { presetProblem } from '../../engine/presets';

type SourceKey = 'srcInt' | 'srcFloat' | 'srcChecker' | 'srcDigit' | 'srcGradient' | 'srcScene' | 'srcUpload';
type PresetKey = 'presetRandom' | 'presetIdentity' | 'presetBox' | 'presetGauss' | 'presetSharpen' | 'presetSobelx' | 'presetSobely' | 'presetLaplace';

/** The input sources the controls offer, each with the key of its label. */
export const SOURCES: { value: InputSource; label: SourceKey }[] = [
  { value: 'int', label: 'srcInt' },
  { value: 'float', label: 'srcFloat' },
  { value: 'checker', label: 'srcChecker' },
  { value: 'digit', label: 'srcDigit' },
  { value: 'gradient', label: 'srcGradient' },
  { value: 'scene', label: 'srcScene' },
  { value: 'upload', label: 'srcUpload' },
];

/** The filter presets the controls offer, each with the key of its label. */
export const PRESETS: { value: FilterPreset; label: PresetKey }[] = [
  { value: 'random', label: 'presetRandom' },
  { value: 'identity', label: 'presetIdentity' },
  { value: 'box', label: 'presetBox' },
  { value: 'gauss', label: 'presetGauss' },
  { value: 'sharpen', label: 'presetSharpen' },
  { value: 'sobelx', label: 'presetSobelx' },
  { value: 'sobely', label: 'presetSobely' },
  { value: 'laplace', label: 'presetLaplace' },
];

/** A preset's name in the language of `t`. */
export function presetLabel(preset: FilterPreset, t: Pick<ConvT, PresetKey>): string {
  const p = PRESETS.find((q) => q.value === preset);
  return p ? t[p.label] : preset;
}

/**
 * Why a preset does not fit a `kh × kw` kernel, in the language of `t`, or null when it fits. The
 * engine's `presetProblem` decides; this only puts its verdict into words.
 */
export function presetProblemText(preset: FilterPreset, kh: number, kw: number, t: Pick<ConvT, 'presetNeedsOdd' | 'presetNeeds3'>): string | null {
  if (preset === 'random' || presetProblem(preset, kh, kw) === null) return null;
  return preset === 'identity' || preset === 'sharpen' ? t.presetNeedsOdd : t.presetNeeds3;
}
