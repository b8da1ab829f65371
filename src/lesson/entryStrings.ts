/**
 * The few words of the lesson's entry point in the header, loaded with the page (the rest of the
 * lesson's strings, src/i18n/lesson.ts, load with the lesson). test/lesson/entry.test.ts checks them
 * as test/i18n/dictionaries.test.ts checks the namespaces of src/i18n/.
 */
import { defineStrings } from '../i18n/core';
import type en from '../i18n/en/entryStrings';

export const lessonEntry = defineStrings<typeof en>(
  'lessonEntry',
  { en: () => import('../i18n/en/entryStrings'), ko: () => import('../i18n/ko/entryStrings') },
  [],
);
