/**
 * The i18n layer: typed dictionaries, one module per namespace (`shell.ts`, `conv.ts`, …). Each
 * namespace is written once in English and once in Korean; the Korean one must have exactly the
 * English one's keys, and a message with parameters is a function with the same parameters in both
 * languages, so a missing or mistyped key fails the type check, and `test/i18n/dictionaries.test.ts`
 * fails at run time too. Numbers and formulas are formatted by `src/viz/format.ts`, identically in
 * both languages. Pure: no React, no DOM.
 */
import type { Lang } from '../state/params';

export type { Lang };
export { LANGS } from '../state/params';

/** One message: plain text, or a function of its parameters giving text. */
export type Message = string | ((...args: never[]) => string);

/** The other language's dictionary for an English one: the same keys, the same parameters. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** A namespace: its dictionaries by language. */
export interface Namespace<T> {
  readonly en: Translation<T>;
  readonly ko: Translation<T>;
  /** Keys whose Korean text is deliberately the same as the English one (symbols, names, code). */
  readonly same: readonly (keyof T & string)[];
}

/**
 * Defines a namespace from its English and Korean dictionaries. `same` lists the keys whose text is
 * deliberately identical in both (e.g. "PyTorch", "ReLU"); the dictionary test flags any other
 * English sentence left untranslated.
 */
export function defineStrings<T extends Record<string, Message>>(
  en: T,
  ko: Translation<T>,
  same: readonly (keyof T & string)[] = [],
): Namespace<T> {
  return { en: en as unknown as Translation<T>, ko, same };
}

/** The names of the languages, each in its own language (for the language switch). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ko: '한국어' };
