/**
 * Messages made outside React (URL problems, refused settings) carry their English text in
 * `message` and, when written, their Korean text in `ko`; the page shows the one of its language.
 * Pure: no React, no store.
 */
import type { Lang } from './core';

/** A message in English and (optionally) Korean. */
export interface LocalizedMessage {
  message: string;
  ko?: string;
}

/** The text of `m` in `lang`, falling back to English when no translation was written. */
export function localized(m: LocalizedMessage, lang: Lang): string {
  return lang === 'ko' && m.ko ? m.ko : m.message;
}

/** Both languages of one message, for code that builds messages: `{ message, ko }`. */
export function bilingual(en: string, ko: string): LocalizedMessage {
  return { message: en, ko };
}
