/** Strings of the Export menu and its recording dialog, loaded with the menu (its button's label is in common.ts). */
import { defineStrings } from './core';
import type en from './en/exporting';

export const exporting = defineStrings<typeof en>(
  'exporting',
  { en: () => import('./en/exporting'), ko: () => import('./ko/exporting') },
  [],
);
