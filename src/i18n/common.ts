/** Strings of the application shell and of the components every view shares. */
import { defineStrings } from './core';
import type en from './en/common';

export const common = defineStrings<typeof en>(
  'common',
  { en: () => import('./en/common'), ko: () => import('./ko/common') },
  ['brand', 'keySpace'],
);
