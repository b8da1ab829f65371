import { describe, it, expect, vi } from 'vitest';

/**
 * Each language's dictionary of a namespace is its own module, loaded on demand. These tests use fresh
 * module instances (the Vitest setup loads every dictionary in the shared ones).
 */
async function fresh() {
  vi.resetModules();
  const core = await import('../../src/i18n/core');
  const { pool } = await import('../../src/i18n/pool');
  const { rf } = await import('../../src/i18n/rf');
  return { core, pool, rf };
}

const HANGUL = /[\uac00-\ud7a3]/;

/** Every string a dictionary holds, messages called with sample arguments. */
function texts(dict: Record<string, unknown>): string[] {
  return Object.values(dict).map((v) => (typeof v === 'function' ? String(v('2', '3', '4', '5', '6', '7')) : String(v)));
}

describe('dictionaries load per language', () => {
  it('a namespace has no dictionary before it is loaded, and reading one then is an error that says what to do', async () => {
    const { pool } = await fresh();
    expect(pool.get('en')).toBeUndefined();
    expect(pool.get('ko')).toBeUndefined();
    expect(() => pool.ko).toThrow("await pool.load('ko') first");
  });

  it('loading English loads no Korean, and the same load is shared', async () => {
    const { pool } = await fresh();
    const [a, b] = await Promise.all([pool.load('en'), pool.load('en')]);
    expect(a).toBe(b);
    expect(pool.en.heading).toBe('Pooling and activation');
    expect(pool.get('ko')).toBeUndefined();
  });

  it('ensureLanguage loads the new language of every namespace in use, and is null when there is nothing to load', async () => {
    const { core, pool, rf } = await fresh();
    expect(core.ensureLanguage('ko')).toBeNull(); // nothing used yet
    await pool.load('en');
    const wait = core.ensureLanguage('ko');
    expect(wait).not.toBeNull();
    await wait;
    expect(pool.ko.heading).toBe('풀링과 활성화 함수');
    expect(rf.get('ko')).toBeUndefined(); // never used: not loaded
    expect(core.ensureLanguage('ko')).toBeNull();
    await core.ensureLanguage('ko', [rf]);
    expect(rf.get('ko')).toBeDefined();
  });

  it('the English modules hold no Korean text and every Korean module does: a page loads one language', async () => {
    const en = import.meta.glob('../../src/i18n/en/*.ts', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;
    const ko = import.meta.glob('../../src/i18n/ko/*.ts', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;
    expect(Object.keys(en).map((f) => f.split('/').pop()).sort()).toEqual(Object.keys(ko).map((f) => f.split('/').pop()).sort());
    expect(Object.keys(en).length).toBeGreaterThanOrEqual(10);
    for (const [file, dict] of Object.entries(en)) {
      expect(texts(dict).filter((t) => HANGUL.test(t)), file).toEqual([]);
    }
    for (const [file, dict] of Object.entries(ko)) {
      expect(texts(dict).some((t) => HANGUL.test(t)), file).toBe(true);
    }
  });
});
