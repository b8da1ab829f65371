import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHash, serializeHash } from '../../src/state/codec';
import { DEFAULT_SHARED, ROUTES, defaultConv } from '../../src/state/params';
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

describe('the lesson keys every route carries: lesson, ls, deck', () => {
  const DECK = 'eyJmb3JtYXQiOiJjb252c2NvcGUtZGVjayJ9'; // base64url text (its content is the lesson module's business)

  it('a built-in lesson step round-trips on any route, after the page settings', () => {
    const link = serializeHash('norm', defaultConv(), {}, { lang: 'ko', lesson: 'intro', ls: 12 });
    expect(link).toMatch(/^#\/norm\?v=1&lang=ko&lesson=intro&ls=12&/);
    const parsed = parseHash(link);
    expect(parsed.shared).toEqual({ lang: 'ko', lesson: 'intro', ls: 12 });
    expect(parsed.problems).toEqual([]);
  });

  it('a deck is written last, after the view’s own keys, and read back exactly', () => {
    const link = serializeHash('conv', defaultConv(), {}, { deck: DECK, ls: 2 });
    expect(link).toBe(`#/conv?v=1&ls=2&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7&deck=${DECK}`);
    const parsed = parseHash(link);
    expect(parsed.shared).toEqual({ ls: 2, deck: DECK });
    expect(parsed.problems).toEqual([]);
  });

  it('the defaults (no lesson, step 1, no deck) are never written', () => {
    const link = serializeHash('pool', defaultConv(), {}, { lesson: 'none', ls: 1, deck: '' });
    expect(link).not.toMatch(/lesson=|ls=|deck=/);
  });

  it('malformed deck text is named, says what is valid, and is ignored; the rest of the link is kept', () => {
    const parsed = parseHash('#/conv?k=5&deck=abc$def!&lesson=intro');
    expect(parsed.conv.k).toEqual([5, 5]);
    expect(parsed.shared).toEqual({ deck: '', lesson: 'intro' });
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.key).toBe('deck');
    expect(parsed.problems[0]!.message).toBe(
      'deck=abc$def!: the deck must be at most 100,000 characters: letters, digits, - and _ ' +
        '(the base64url text of a deck copied from ConvScope); ignored.',
    );
  });

  it('a deck longer than 100,000 characters is refused with its length', () => {
    const parsed = parseHash(`#/conv?deck=${'A'.repeat(100_001)}`);
    expect(parsed.shared.deck).toBe('');
    expect(parsed.problems[0]!.message).toMatch(/^deck=A+…: it has 100,001 characters; the deck must be at most 100,000/);
  });

  it('a bad lesson name or step is named with what is valid', () => {
    const parsed = parseHash('#/conv?lesson=advanced&ls=0');
    expect(parsed.problems.map((p) => p.key)).toEqual(['lesson', 'ls']);
    expect(parsed.problems[0]!.message).toContain('the lesson must be one of none, intro');
    expect(parsed.problems[1]!.message).toContain('the lesson step must be a whole number from 1 to 50');
  });

  it('opening a lesson link opens the lesson at its step; a deck wins over lesson= and says so', () => {
    const store = createAppStore({ fallbackLang: 'en' });
    store.getState().applyLink(parseHash('#/rf?lesson=intro&ls=8'));
    expect(store.getState().ui.lesson).toEqual({ id: 'intro', step: 8, deck: '' });
    expect(store.getState().route).toBe('rf');
    store.getState().applyLink(parseHash(`#/conv?lesson=intro&deck=${DECK}&ls=2`));
    expect(store.getState().ui.lesson).toEqual({ id: 'deck', step: 2, deck: DECK });
    expect(store.getState().problems.map((p) => p.key)).toEqual(['lesson']);
  });

  it('ls without a lesson is named and ignored; a plain link closes the lesson', () => {
    const store = createAppStore({ fallbackLang: 'en' });
    store.getState().applyLink(parseHash('#/conv?lesson=intro&ls=3'));
    store.getState().applyLink(parseHash('#/conv?ls=4'));
    expect(store.getState().ui.lesson).toBeUndefined();
    expect(store.getState().problems).toEqual([
      {
        key: 'ls',
        message: 'ls=4: no lesson is open (the link has neither lesson=intro nor deck=); ignored.',
        ko: 'ls=4: 열린 강의가 없습니다(링크에 lesson=intro도 deck=도 없습니다). 무시합니다.',
      },
    ]);
  });

  it('sharedOf writes the open lesson, so the address bar and Copy link reproduce lesson, step and view', () => {
    const store = createAppStore({ fallbackLang: 'en' });
    store.getState().applyLink(parseHash('#/pool?k=3&lesson=intro&ls=10&present=1'));
    const s = store.getState();
    expect(sharedOf(s.ui)).toEqual({ lang: 'en', present: 1, embed: 0, lesson: 'intro', ls: 10 });
    const again = createAppStore({ fallbackLang: 'en' });
    again.getState().applyLink(parseHash(serializeHash(s.route, s.config, s.views, sharedOf(s.ui))));
    expect(again.getState().ui).toEqual(s.ui);
    expect(again.getState().views.pool).toEqual(s.views.pool);
  });

  it('setLesson opens, moves and closes a lesson without touching the view; bad steps and deck text are refused', () => {
    const store = createAppStore({ fallbackLang: 'ko' });
    store.getState().applyLink(parseHash('#/conv?k=5&step=2'));
    store.getState().setLessonMenu(true);
    store.getState().setLesson({ id: 'deck', step: 1, deck: DECK });
    expect(store.getState().lessonMenu).toBe(false);
    expect(store.getState().ui).toEqual({ lang: 'ko', present: false, embed: false, lesson: { id: 'deck', step: 1, deck: DECK } });
    expect(store.getState().config.k).toEqual([5, 5]);
    store.getState().setLesson({ id: 'deck', step: 51, deck: DECK });
    expect(store.getState().rejection?.field).toBe('ls');
    store.getState().setLesson({ id: 'deck', step: 2, deck: 'not base64!' });
    expect(store.getState().rejection?.field).toBe('deck');
    store.getState().setLesson({ id: 'deck', step: 2, deck: '' });
    expect(store.getState().rejection?.field).toBe('deck');
    expect(store.getState().ui.lesson).toEqual({ id: 'deck', step: 1, deck: DECK });
    store.getState().setLesson(undefined);
    expect(store.getState().ui).toEqual({ lang: 'ko', present: false, embed: false });
    expect(sharedOf(store.getState().ui)).toEqual({ lang: 'ko', present: 0, embed: 0 });
  });

  it('parseHash never throws on any lesson keys, and what it reads writes back clean', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('intro', 'none', 'INTRO', '1', '50', '51', '-1', 'eyJ', 'a_b-c', ''),
    );
    fc.assert(
      fc.property(fc.constantFrom('lesson', 'ls', 'deck'), value, fc.constantFrom(...ROUTES), (key, v, route) => {
        const parsed = parseHash(`#/${route}?${key}=${encodeURIComponent(v)}`);
        expect(parsed.route).toBe(route);
        const written = Object.fromEntries(
          Object.entries(parsed.shared).filter(([k, x]) => x !== DEFAULT_SHARED[k as keyof typeof DEFAULT_SHARED]),
        );
        const again = parseHash(serializeHash(route, parsed.conv, parsed.views, parsed.shared));
        expect(again.problems).toEqual([]);
        expect(again.shared).toEqual(written);
        const store = createAppStore({ fallbackLang: 'en' });
        store.getState().applyLink(parsed);
        const ui = store.getState().ui;
        if (ui.lesson) expect(ui.lesson.step).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
