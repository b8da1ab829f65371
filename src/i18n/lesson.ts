/**
 * Strings of the lesson bar, the lesson chooser and the deck editor (src/lesson/), and the messages
 * about decks that cannot be read. Loaded with the lesson code, on demand. The built-in lesson's own
 * texts live beside its links in src/lesson/intro.ts.
 */
import { defineStrings } from './core';
import type en from './en/lesson';

export const lesson = defineStrings<typeof en>(
  'lesson',
  { en: () => import('./en/lesson'), ko: () => import('./ko/lesson') },
  [],
);
