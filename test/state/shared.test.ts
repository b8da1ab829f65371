import { describe, expect, it } from 'vitest';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import { browserLang, createAppStore, sharedOf } from '../../src/state/store';

describe('the keys every route carries: lang, present, embed', () => {
  it('a plain link names none of them, and reads none', () => {
    const link = serializeHash('conv', defaultConv());
    expect(link).not.toMatch(/lang=|present=|embed=/);
    expect(parseHash(link).shared).toEqual({});
  });

  it('Korean, presentation and embed modes are written after v= and read back on any route', () => {
    const link = serializeHash('pool', defaultConv(), {}, { lang: 'ko', present: 1, embed: 1 });
    expect(link).toMatch(/^#\/pool\?v=1&lang=ko&present=1&embed=1&/);
    const parsed = parseHash(link);
    expect(parsed.route).toBe('pool');
    expect(parsed.shared).toEqual({ lang: 'ko', present: 1, embed: 1 });
    expect(parsed.problems).toEqual([]);
  });

  it('an unknown language is named, English is used, and the rest of the link is kept', () => {
    const parsed = parseHash('#/conv?lang=fr&k=5&present=2');
    expect(parsed.conv.k).toEqual([5, 5]);
    expect(parsed.shared.lang).toBe('en');
    expect(parsed.shared.present).toBe(0);
    const keys = parsed.problems.map((p) => p.key);
    expect(keys).toEqual(['lang', 'present']);
    expect(parsed.problems[0]!.message).toContain('en, ko');
  });
});

describe('the language of the page', () => {
  it("is the first of the browser's languages ConvScope speaks, else English", () => {
    expect(browserLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(browserLang(['fr-FR', 'ko'])).toBe('ko');
    expect(browserLang(['de-DE', 'fr'])).toBe('en');
    expect(browserLang([])).toBe('en');
  });

  it("a link without lang shows the browser's language; a link with lang overrides it", () => {
    const store = createAppStore({ fallbackLang: 'ko' });
    store.getState().applyLink(parseHash('#/conv?k=3'));
    expect(store.getState().ui.lang).toBe('ko');
    store.getState().applyLink(parseHash('#/conv?lang=en'));
    expect(store.getState().ui.lang).toBe('en');
    expect(sharedOf(store.getState().ui)).toEqual({ lang: 'en', present: 0, embed: 0 });
  });

  it('switching language or presentation mode keeps the view and its configuration', () => {
    const store = createAppStore({ fallbackLang: 'en' });
    store.getState().applyLink(parseHash('#/conv?in=1x7x7&k=5&step=3'));
    store.getState().setLang('ko');
    store.getState().setPresent(true);
    const s = store.getState();
    expect(s.ui).toEqual({ lang: 'ko', present: true, embed: false });
    expect(s.config.k).toEqual([5, 5]);
    expect(s.config.step).toBe(3);
    expect(serializeHash(s.route, s.config, s.views, sharedOf(s.ui))).toMatch(/lang=ko&present=1&.*step=3/);
  });
});
