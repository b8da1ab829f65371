/**
 * Strings of the lecture-ideas view (`#/ideas`): the four demonstrations (a filter is as deep as its
 * input, 1×1 convolution, an image-sized filter is template matching, stacked linear convolutions are
 * one) with their explanations, controls, grid labels and worked arithmetic. Numbers, shapes and
 * formulas arrive already formatted (src/viz/format.ts) and read the same in both languages.
 */
import { defineStrings } from './core';
import type en from './en/ideas';

export const ideas = defineStrings<typeof en>(
  'ideas',
  { en: () => import('./en/ideas'), ko: () => import('./ko/ideas') },
  ['versus'],
);
