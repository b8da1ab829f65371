import { describe, expect, it } from 'vitest';

type Fn = (...args: string[]) => string;
type Entry = string | Fn;
interface LooseNamespace {
  en: Record<string, Entry>;
  ko: Record<string, Entry>;
  same: readonly string[];
}

// Every namespace module of the i18n layer, found by file: a new one is checked without listing it here.
const modules = import.meta.glob('../../src/i18n/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;

const isNamespace = (x: unknown): x is LooseNamespace =>
  typeof x === 'object' && x !== null && 'en' in x && 'ko' in x && 'same' in x;

const namespaces: [string, LooseNamespace][] = [];
for (const [file, mod] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (isNamespace(value)) namespaces.push([`${file.split('/').pop()}:${name}`, value]);
  }
}

const HANGUL = /[\uac00-\ud7a3]/;
const sample = (n: number) => Array.from({ length: n }, (_, i) => String(i + 2));

describe('the English and Korean dictionaries', () => {
  it('are found (the shell namespace at least)', () => {
    expect(namespaces.map(([n]) => n)).toContain('common.ts:common');
  });

  for (const [name, ns] of namespaces) {
    describe(name, () => {
      it('have exactly the same keys in both languages', () => {
        const en = Object.keys(ns.en).sort();
        const ko = Object.keys(ns.ko).sort();
        expect(ko.filter((k) => !en.includes(k)), 'keys only in Korean').toEqual([]);
        expect(en.filter((k) => !ko.includes(k)), 'keys missing in Korean').toEqual([]);
      });

      it('give every message the same kind and parameters in both languages, never empty', () => {
        for (const key of Object.keys(ns.en)) {
          const en = ns.en[key];
          const ko = ns.ko[key];
          expect(typeof ko, key).toBe(typeof en);
          if (typeof en === 'function' && typeof ko === 'function') {
            expect(ko.length, `${key}: parameters`).toBe(en.length);
            const args = sample(en.length);
            for (const out of [en(...args), ko(...args)]) {
              expect(typeof out, key).toBe('string');
              expect(out.trim().length, key).toBeGreaterThan(0);
              expect(out, key).not.toMatch(/undefined|NaN|\[object/);
            }
            // Every parameter shows up in both languages.
            for (const a of args) {
              expect(en(...args), `${key} (en) uses its parameters`).toContain(a);
              expect(ko(...args), `${key} (ko) uses its parameters`).toContain(a);
            }
          } else {
            expect(String(en).trim().length, key).toBeGreaterThan(0);
            expect(String(ko).trim().length, key).toBeGreaterThan(0);
          }
        }
      });

      it('translate every English sentence (only the listed names and symbols stay the same)', () => {
        const untranslated = Object.keys(ns.en).filter((key) => {
          if (ns.same.includes(key)) return false;
          const en = ns.en[key];
          const ko = ns.ko[key];
          const text = typeof ko === 'function' ? String(ko(...sample(ko.length))) : String(ko);
          const enText = typeof en === 'function' ? String(en(...sample(en.length))) : String(en);
          // A Korean text has Hangul unless it has no words at all.
          return /[A-Za-z]{2}/.test(enText) && !HANGUL.test(text);
        });
        expect(untranslated, 'English left in the Korean dictionary').toEqual([]);
      });

      it('list as "same" only keys that exist and are indeed the same', () => {
        for (const key of ns.same) {
          expect(Object.keys(ns.en), key).toContain(key);
          if (typeof ns.en[key] === 'string') expect(ns.ko[key], key).toBe(ns.en[key]);
        }
      });
    });
  }
});
