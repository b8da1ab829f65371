import { describe, expect, it } from 'vitest';
import { INTRO_STEPS, INTRO_TITLE } from '../../src/lesson/intro';
import { parseHash, serializeHash } from '../../src/state/codec';
import { MAX_LESSON_STEPS } from '../../src/state/params';
import { VIEW_ROUTES } from '../../src/state/views';

const HANGUL = /[\uac00-\ud7a3]/;

/** Sentences: text up to a . ! ? or 。 followed by a space or the end (numbers like 1.5 are not split). */
const sentences = (text: string) => text.split(/(?<=[.!?。])\s+/).filter((s) => s.trim() !== '');

/** The numbers of a text (3,072 and 2·3·3 count as written), so both languages can be compared. */
const numbers = (text: string) => (text.match(/\d+(?:,\d{3})*/g) ?? []).sort();

describe('the built-in lesson', () => {
  it('walks the lecture in order, one idea per step', () => {
    expect(INTRO_STEPS.map((s) => s.id)).toEqual([
      'linear',
      'depth',
      'filters',
      'activation',
      'stride',
      'padding',
      'pointwise',
      'receptive',
      'dilation',
      'pooling',
      'architecture',
      'batch',
      'layer',
      'instance',
      'group',
    ]);
    expect(INTRO_STEPS.length).toBeLessThanOrEqual(MAX_LESSON_STEPS);
  });

  it('every step link opens its view with no problem, and is written the way the app writes it', () => {
    for (const step of INTRO_STEPS) {
      const parsed = parseHash(step.link);
      expect(parsed.problems, step.id).toEqual([]);
      expect(parsed.shared, `${step.id} carries no page settings`).toEqual({});
      expect(serializeHash(parsed.route, parsed.conv, parsed.views), step.id).toBe(step.link);
    }
  });

  it('each step shows the view its text is about', () => {
    const route = (id: string) => parseHash(INTRO_STEPS.find((s) => s.id === id)!.link);
    expect(route('linear').route).toBe('arch');
    expect(route('linear').views.arch).toMatchObject({ c: 3, h: 32, w: 32, classes: 10 }); // 3·32·32 = 3072 inputs
    expect(route('depth').views.ideas).toMatchObject({ demo: 'depth', dc: 3, dk: 5 }); // 3×5×5 = 75
    expect(route('filters').conv).toMatchObject({ c: 3, h: 6, w: 6, f: 4, k: [3, 3], s: [1, 1] }); // → 4×4×4
    expect(route('activation').views.ideas).toMatchObject({ demo: 'linear', lk: [3, 3], lrelu: 'off' });
    expect(route('stride').conv).toMatchObject({ h: 7, k: [3, 3], s: [2, 2], p: [0, 0, 0, 0] }); // (7 − 3)/2 + 1 = 3
    expect(route('padding').conv).toMatchObject({ h: 5, k: [3, 3], s: [2, 2], p: [1, 1, 1, 1] }); // ⌊(5 + 2 − 3)/2⌋ + 1 = 3
    expect(route('pointwise').views.ideas).toMatchObject({ demo: '1x1', pc: 3, ph: 5, pcout: 2 });
    expect(route('receptive').views.rf).toMatchObject({ layers: 'c3p1*3', at: 3 }); // 1 + 3·2 = 7
    expect(route('dilation').conv).toMatchObject({ h: 7, k: [3, 3], d: [2, 2], s: [1, 1] }); // 7 − 5 + 1 = 3
    expect(route('pooling').views.pool).toMatchObject({ kind: 'max', c: 2, h: 4, k: [2, 2], s: [2, 2] });
    expect(route('architecture').views.arch).toMatchObject({ f: [16, 32, 64], pool: 2 }); // 32 → 16 → 8 → 4
    expect(route('batch').views.norm).toMatchObject({ kind: 'batch', n: 2, c: 3, h: 3, w: 3 }); // N·H·W = 18
    expect(route('layer').views.norm).toMatchObject({ kind: 'layer', layout: 'nd', n: 2, c: 3 }); // μ: 2×1
    expect(route('instance').views.norm).toMatchObject({ kind: 'instance', h: 3, w: 3 }); // H·W = 9
    expect(route('group').views.norm).toMatchObject({ kind: 'group', g: 2, c: 4, h: 3, w: 3 }); // 2·3·3 = 18
  });

  it('every link is a registered view or the convolution view', () => {
    for (const step of INTRO_STEPS) {
      const { route } = parseHash(step.link);
      expect(route === 'conv' || (VIEW_ROUTES as readonly string[]).includes(route), step.id).toBe(true);
    }
  });

  it('has a title and 2 to 4 sentences in English and in Korean for every step', () => {
    for (const lang of ['en', 'ko'] as const) {
      expect(INTRO_TITLE[lang].trim().length).toBeGreaterThan(0);
      for (const step of INTRO_STEPS) {
        const { title, text } = step[lang];
        expect(title.trim().length, `${step.id} ${lang} title`).toBeGreaterThan(0);
        const n = sentences(text).length;
        expect(n, `${step.id} ${lang}: ${n} sentences`).toBeGreaterThanOrEqual(2);
        expect(n, `${step.id} ${lang}: ${n} sentences`).toBeLessThanOrEqual(4);
        expect(text, `${step.id} ${lang}`).not.toMatch(/\s{2,}|undefined/);
      }
    }
  });

  it('the Korean texts are Korean, and the English ones are not', () => {
    expect(HANGUL.test(INTRO_TITLE.ko)).toBe(true);
    for (const step of INTRO_STEPS) {
      expect(HANGUL.test(step.ko.title), step.id).toBe(true);
      expect(HANGUL.test(step.ko.text), step.id).toBe(true);
      expect(HANGUL.test(step.en.title + step.en.text), step.id).toBe(false);
    }
  });

  it('both languages give the same numbers', () => {
    for (const step of INTRO_STEPS) {
      expect(numbers(step.ko.text), step.id).toEqual(numbers(step.en.text));
    }
  });

  it('titles are unique, so the step list reads well', () => {
    for (const lang of ['en', 'ko'] as const) {
      const titles = INTRO_STEPS.map((s) => s[lang].title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});
