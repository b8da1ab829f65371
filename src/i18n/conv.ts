/**
 * Strings of the convolution view (`#/conv`): its controls, summary, maps, worked step, the sentences
 * built by its model code (focus headlines, formula notes, the spoken step). The messages about image
 * files are in image.ts. Numbers arrive already formatted (src/viz/format.ts).
 */
import { defineStrings } from './core';
import type en from './en/conv';

/** The convolution view's namespace. `valid`, `same` and `full` are PyTorch's names of padding modes. */
export const conv = defineStrings<typeof en>(
  'conv',
  { en: () => import('./en/conv'), ko: () => import('./ko/conv') },
  ['valid', 'same', 'full'],
);

/** The convolution view's dictionary in one language (what `useT(conv)` returns). */
export type ConvT = (typeof conv)['en'];
