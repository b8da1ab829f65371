/**
 * The i18n layer: typed dictionaries, one module per namespace (`shell.ts`, `conv.ts`, …). Each
 * namespace is written once in English and once in Korean; the Korean one must have exactly the
 * English one's keys, and a message with parameters is a function with the same parameters in both
 * languages, so a missing or mistyped key fails the type check, and `test/i18n/dictionaries.test.ts`
 * fails at run time too. Numbers and formulas are formatted by `src/viz/format.ts`, identically in
 * both languages. Pure: no React, no DOM. Each language's dictionary of a namespace is its own module
 * (`en/`, `ko/`), loaded on demand: a page loads the strings of its own language only.
 */
import { LANGS, type Lang } from '../state/params';

export type { Lang };
export { LANGS };

/** One message: plain text, or a function of its parameters giving text. */
export type Message = string | ((...args: never[]) => string);

/** The other language's dictionary for an English one: the same keys, the same parameters. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** A module holding one language's dictionary of a namespace (src/i18n/en/*.ts, src/i18n/ko/*.ts). */
type DictionaryModule = { default: object };

/**
 * A namespace: its dictionaries by language, each its own chunk loaded on demand, so a page loads the
 * strings of its own language only. `load(lang)` fetches one (once, always the same promise, marked
 * settled for React's `use` once it is); `get(lang)` reads it when loaded;
 * `en` and `ko` read a loaded one (they throw before: a programming error, see `ensureLanguage`).
 */
export interface Namespace<T> {
  readonly id: string;
  /** Keys whose Korean text is deliberately the same as the English one (symbols, names, code). */
  readonly same: readonly (keyof T & string)[];
  get(lang: Lang): Translation<T> | undefined;
  load(lang: Lang): Promise<Translation<T>>;
  readonly en: Translation<T>;
  readonly ko: Translation<T>;
}

/** Any namespace, as far as loading goes. */
export interface AnyNamespace {
  readonly id: string;
  get(lang: Lang): object | undefined;
  load(lang: Lang): Promise<object>;
}

/** Every namespace defined so far (a namespace module defines itself when imported). */
const NAMESPACES: AnyNamespace[] = [];

/**
 * Defines a namespace from the loaders of its English and Korean dictionaries (`() => import(…)`, one
 * module per language). `same` lists the keys whose text is deliberately identical in both (e.g.
 * "PyTorch", "ReLU"); the dictionary test flags any other English sentence left untranslated.
 */
export function defineStrings<T extends Record<string, Message>>(
  id: string,
  loaders: Readonly<Record<Lang, () => Promise<DictionaryModule>>>,
  same: readonly (keyof T & string)[] = [],
): Namespace<T> {
  const loaded: Partial<Record<Lang, Translation<T>>> = {};
  const pending: Partial<Record<Lang, Promise<Translation<T>>>> = {};
  const read = (lang: Lang): Translation<T> => {
    const dict = loaded[lang];
    if (!dict) throw new Error(`The ${lang} strings of '${id}' are not loaded yet: await ${id}.load('${lang}') first.`);
    return dict;
  };
  const ns: Namespace<T> = {
    id,
    same,
    get: (lang) => loaded[lang],
    load(lang) {
      let promise = pending[lang];
      if (!promise) {
        const started = loaders[lang]().then(
          (m) => {
            const dict = m.default as Translation<T>;
            loaded[lang] = dict;
            // React's `use` reads a settled thenable's status and value and returns at once.
            Object.assign(started, { status: 'fulfilled', value: dict });
            return dict;
          },
          (error: unknown) => {
            delete pending[lang];
            throw error;
          },
        );
        promise = started;
        pending[lang] = promise;
      }
      return promise;
    },
    get en() {
      return read('en');
    },
    get ko() {
      return read('ko');
    },
  };
  NAMESPACES.push(ns);
  return ns;
}

/**
 * Defines a namespace whose dictionaries are both part of the module (no loading): for the few texts that
 * code outside React needs at once in both languages, such as the URL layer's bilingual messages
 * (src/state builds every problem in English and Korean when it reads a link).
 */
export function defineStaticStrings<T extends Record<string, Message>>(
  id: string,
  en: T,
  ko: Translation<T>,
  same: readonly (keyof T & string)[] = [],
): Namespace<T> {
  const dicts: Record<Lang, Translation<T>> = { en: en as unknown as Translation<T>, ko };
  const settled = (lang: Lang) =>
    Object.assign(Promise.resolve(dicts[lang]), { status: 'fulfilled', value: dicts[lang] });
  const promises: Record<Lang, Promise<Translation<T>>> = { en: settled('en'), ko: settled('ko') };
  const ns: Namespace<T> = {
    id,
    same,
    get: (lang) => dicts[lang],
    load: (lang) => promises[lang],
    en: dicts.en,
    ko: dicts.ko,
  };
  NAMESPACES.push(ns);
  return ns;
}

/**
 * Loads `lang`'s dictionaries of `namespaces` (by default: of every namespace the page has used, i.e.
 * loaded in some language), so that switching to `lang` shows no empty moment. Returns null when
 * everything is loaded already, so callers can switch at once.
 */
export function ensureLanguage(lang: Lang, namespaces?: readonly AnyNamespace[]): Promise<void> | null {
  const wanted = namespaces ?? NAMESPACES.filter((ns) => LANGS.some((l) => ns.get(l) !== undefined));
  const missing = wanted.filter((ns) => ns.get(lang) === undefined);
  if (missing.length === 0) return null;
  return Promise.all(missing.map((ns) => ns.load(lang))).then(() => undefined);
}

/** Every namespace defined so far (for tests: load them all). */
export function allNamespaces(): readonly AnyNamespace[] {
  return NAMESPACES;
}

/** The names of the languages, each in its own language (for the language switch). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ko: '한국어' };
