/**
 * Strings of the receptive-field view (`#/rf`): its panel, summary, maps, controls, table and
 * charts, and the worked sentences built by `src/panels/rf/text.ts` and `model.ts`. Numbers arrive
 * formatted (true minus sign), so both languages show the same numbers and formulas.
 */
import { defineStrings, type Translation } from './core';
import type en from './en/rf';

/** The receptive-field view's namespace. */
export const rf = defineStrings<typeof en>(
  'rf',
  { en: () => import('./en/rf'), ko: () => import('./ko/rf') },
  ['thIndex', 'k', 's', 'p', 'd', 'thS', 'thP', 'refMatch', 'refMismatch'],
);

/** The receptive-field view's dictionary in one language (what text builders take as `t`). */
export type RfStrings = Translation<typeof en>;
