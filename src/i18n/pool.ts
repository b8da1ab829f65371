/**
 * Strings of the pooling view (`#/pool`): the controls, the summary, the maps, the worked step, the
 * output-size notes and the ReLU part. Numbers come in already formatted (src/viz/format.ts), so they
 * read the same in both languages; English plurals are decided from those strings ('1' is singular).
 */
import { defineStrings } from './core';
import type en from './en/pool';

export const pool = defineStrings<typeof en>(
  'pool',
  { en: () => import('./en/pool'), ko: () => import('./ko/pool') },
  ['relu', 'conv', 'pool'],
);

/** The pooling view's dictionary in one language, as the view's text builders take it. */
export type PoolText = (typeof pool)['en'];
