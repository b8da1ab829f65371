/**
 * Strings of the architecture view (`#/arch`): the builder's controls, the network summary, the
 * diagram, the layer table, the PyTorch code, the scores, the parameter comparison and the feature
 * maps. Numbers, shapes and formulas arrive already formatted (src/viz/format.ts), so they read the
 * same in both languages; layer names (conv1, pool1, fc1, out) and PyTorch modules stay as code.
 */
import { defineStrings } from './core';
import type en from './en/arch';

export const arch = defineStrings<typeof en>(
  'arch',
  { en: () => import('./en/arch'), ko: () => import('./ko/arch') },
  ['code'],
);
