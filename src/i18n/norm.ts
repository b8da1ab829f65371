/**
 * Strings of the normalization view (#/norm): batch, layer, instance and group norm step by step,
 * and training against testing with running statistics. Numbers arrive already formatted
 * (src/viz/format.ts), so both languages show them identically; symbols (μ, σ², ε, γ, β, N, C, H, W)
 * and PyTorch code stay as they are.
 */
import { defineStrings } from './core';
import type en from './en/norm';

export const norm = defineStrings<typeof en>(
  'norm',
  { en: () => import('./en/norm'), ko: () => import('./ko/norm') },
  ['whereHeadNd', 'colXhat', 'colY'],
);

/** The normalization view's dictionary in one language (what text builders take as `t`). */
export type NormText = (typeof norm)['en'];
