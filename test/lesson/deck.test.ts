import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DECK_LIMITS,
  canonicalLink,
  decodeDeck,
  deckFileText,
  encodeDeck,
  fromBase64Url,
  insertStep,
  moveStep,
  newDeck,
  parseDeckText,
  removeStep,
  setDeckTitle,
  toBase64Url,
  updateStep,
  validateDeck,
  type Deck,
  type DeckProblem,
  type DeckResult,
} from '../../src/lesson/deck';
import { parseHash } from '../../src/state/codec';

const STRIDE = '#/conv?v=1&in=1x7x7&k=3&f=1&s=2&p=0&d=1&seed=7';
const POOL = '#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9';

/** A valid deck written by hand, as a file would hold it. */
const FILE = {
  format: 'convscope-deck',
  version: 1,
  title: 'Week 3',
  steps: [
    { link: STRIDE, title: 'Stride 2', note: 'Count the steps.' },
    { link: POOL, title: '최대 풀링', note: '창마다 가장 큰 값.' },
  ],
};

const problemsOf = (r: DeckResult): DeckProblem[] => {
  expect(r.deck, 'no deck when there are problems').toBeUndefined();
  return r.problems ?? [];
};

describe('reading a deck file', () => {
  it('a hand-written valid deck is read as it is', () => {
    const r = parseDeckText(JSON.stringify(FILE));
    expect(r.problems).toBeUndefined();
    expect(r.deck).toEqual(FILE);
  });

  it('missing title and notes are read as empty; other fields are ignored; a byte-order mark is allowed', () => {
    const r = parseDeckText('\uFEFF' + JSON.stringify({ format: 'convscope-deck', version: 1, steps: [{ link: STRIDE, extra: 1 }], author: 'me' }));
    expect(r.deck).toEqual({ format: 'convscope-deck', version: 1, title: '', steps: [{ link: STRIDE, title: '', note: '' }] });
  });

  it('links are stored canonically: a whole address is cut at #, page settings and defaults are dropped', () => {
    const r = validateDeck({ ...FILE, steps: [{ link: 'https://example.org/convscope/#/conv?k=3&s=2&in=1x7x7&f=1&p=0&lang=ko&present=1', title: '', note: '' }] });
    expect(r.deck?.steps[0]!.link).toBe(STRIDE);
    expect(canonicalLink('/pool?kind=max')).toEqual({ link: POOL });
    expect(canonicalLink('pool')).toEqual({ link: POOL });
  });

  it('not JSON: says so and what a deck file is', () => {
    const [p] = problemsOf(parseDeckText('{"format": "convscope-deck", '));
    expect(p!.kind).toBe('notJson');
    expect(problemsOf(parseDeckText('   '))).toEqual([{ kind: 'empty' }]);
  });

  it('not an object, wrong format, wrong or newer version: one problem naming what was found', () => {
    expect(problemsOf(validateDeck([1, 2]))).toEqual([{ kind: 'notObject', found: '[ … ]' }]);
    expect(problemsOf(validateDeck('deck'))).toEqual([{ kind: 'notObject', found: '"deck"' }]);
    expect(problemsOf(validateDeck({ ...FILE, format: 'slides' }))).toEqual([{ kind: 'format', found: '"slides"' }]);
    expect(problemsOf(validateDeck({ ...FILE, format: undefined }))).toEqual([{ kind: 'format', found: '' }]);
    expect(problemsOf(validateDeck({ ...FILE, version: '1' }))).toEqual([{ kind: 'version', found: '"1"' }]);
    expect(problemsOf(validateDeck({ ...FILE, version: 0 }))).toEqual([{ kind: 'version', found: '0' }]);
    expect(problemsOf(validateDeck({ ...FILE, version: 2 }))).toEqual([{ kind: 'newerVersion', found: 2 }]);
  });

  it('steps missing, empty or more than 50 are refused', () => {
    expect(problemsOf(validateDeck({ ...FILE, steps: undefined }))).toEqual([
      { kind: 'wrongType', field: { kind: 'deck', name: 'steps' }, expected: 'list', found: '' },
    ]);
    expect(problemsOf(validateDeck({ ...FILE, steps: [] }))).toEqual([{ kind: 'noSteps' }]);
    const many = Array.from({ length: 51 }, () => FILE.steps[0]);
    expect(problemsOf(validateDeck({ ...FILE, steps: many }))).toEqual([{ kind: 'tooManySteps', count: 51, max: 50 }]);
    expect(validateDeck({ ...FILE, steps: many.slice(0, 50) }).deck?.steps).toHaveLength(50);
  });

  it('every bad step field is named with its step number, and nothing is loaded', () => {
    const problems = problemsOf(
      validateDeck({
        ...FILE,
        title: 7,
        steps: [
          { link: STRIDE, title: 'x'.repeat(121) },
          'not a step',
          { link: '', note: 'n' },
          { link: '#/conv?k=0', title: 'bad kernel' },
          { link: STRIDE, note: 'y'.repeat(1001) },
          { title: 'no link' },
        ],
      }),
    );
    expect(problems.map((p) => p.kind)).toEqual(['wrongType', 'tooLong', 'wrongType', 'emptyLink', 'badLink', 'tooLong', 'wrongType']);
    expect(problems[0]).toEqual({ kind: 'wrongType', field: { kind: 'deck', name: 'title' }, expected: 'text', found: '7' });
    expect(problems[1]).toEqual({ kind: 'tooLong', field: { kind: 'step', step: 1, name: 'title' }, length: 121, max: 120 });
    expect(problems[2]).toEqual({ kind: 'wrongType', field: { kind: 'step', step: 2, name: 'step' }, expected: 'object', found: '"not a step"' });
    expect(problems[3]).toEqual({ kind: 'emptyLink', step: 3 });
    expect(problems[4]).toMatchObject({ kind: 'badLink', step: 4 });
    expect((problems[4] as { messages: string[] }).messages[0]).toContain('k=0');
    expect(problems[5]).toEqual({ kind: 'tooLong', field: { kind: 'step', step: 5, name: 'note' }, length: 1001, max: 1000 });
    expect(problems[6]).toEqual({ kind: 'wrongType', field: { kind: 'step', step: 6, name: 'link' }, expected: 'text', found: '' });
  });

  it('a link to a view that does not exist, or with an unknown key, has problems', () => {
    const [a] = problemsOf(validateDeck({ ...FILE, steps: [{ link: '#/softmax?k=3' }] }));
    expect(a).toMatchObject({ kind: 'badLink', step: 1 });
    const [b] = problemsOf(validateDeck({ ...FILE, steps: [{ link: '#/conv?kernel=3' }] }));
    expect((b as { messages: string[] }).messages[0]).toContain("unknown setting 'kernel'");
  });

  it('lists at most 8 problems, the last one counting the rest', () => {
    const steps = Array.from({ length: 20 }, () => ({ link: '' }));
    const problems = problemsOf(validateDeck({ ...FILE, steps }));
    expect(problems).toHaveLength(8);
    expect(problems[7]).toEqual({ kind: 'more', count: 13 });
  });

  it('a file longer than 1,000,000 characters is not read', () => {
    expect(problemsOf(parseDeckText(' '.repeat(DECK_LIMITS.file + 1)))).toEqual([
      { kind: 'fileTooLong', length: DECK_LIMITS.file + 1, max: DECK_LIMITS.file },
    ]);
  });

  it('a deck too large for a link is refused with its size', () => {
    // 50 steps of long Korean notes (3 bytes a character in UTF-8): about 50 · 1000 · 3 · 4/3 characters.
    const steps = Array.from({ length: 50 }, () => ({ link: STRIDE, title: '', note: '가'.repeat(1000) }));
    const [p] = problemsOf(validateDeck({ ...FILE, steps }));
    expect(p).toMatchObject({ kind: 'linkTextTooLong', max: DECK_LIMITS.linkText });
    expect((p as { length: number }).length).toBeGreaterThan(200_000);
  });
});

describe('decks in links (base64url of UTF-8 JSON)', () => {
  it('base64url round-trips any text, Korean and emoji included, without padding or + /', () => {
    for (const text of ['', 'a', 'ab', 'abc', '합성곱 🙂', '\u0000\uFFFF', 'ÿ>?']) {
      const code = toBase64Url(text);
      expect(code).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(code)).toBe(text);
    }
    expect(toBase64Url('ÿ>?')).toBe('w78-Pw'); // the bytes c3 bf 3e 3f: "w78+Pw==" in plain base64
  });

  it('damaged text is not base64url of UTF-8', () => {
    expect(fromBase64Url('abc$')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull(); // a length of 4n + 1 cannot be base64
    expect(fromBase64Url('_w')).toBeNull(); // the byte ff is not UTF-8
    expect(problemsOf(decodeDeck('_w'))).toEqual([{ kind: 'damagedLink' }]);
    expect(problemsOf(decodeDeck(toBase64Url('{"format": "convscope-')))).toEqual([{ kind: 'damagedLink' }]);
    expect(problemsOf(decodeDeck(''))).toEqual([{ kind: 'empty' }]);
  });

  it('a deck encodes to link text and decodes back equal', () => {
    const deck = validateDeck(FILE).deck!;
    const code = encodeDeck(deck);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDeck(code)).toEqual({ deck });
  });

  it('a cut-off link gives a problem, not a broken deck', () => {
    const code = encodeDeck(validateDeck(FILE).deck!);
    for (const cut of [1, 5, 17, code.length - 3]) {
      const r = decodeDeck(code.slice(0, cut));
      expect(r.deck).toBeUndefined();
      expect(r.problems!.length).toBeGreaterThan(0);
    }
  });

  it('the file text is indented JSON that reads back as the same deck', () => {
    const deck = validateDeck(FILE).deck!;
    const text = deckFileText(deck);
    expect(text).toContain('\n  "format": "convscope-deck",\n  "version": 1,');
    expect(parseDeckText(text)).toEqual({ deck });
  });
});

describe('editing a deck', () => {
  const deck = validateDeck(FILE).deck!;
  const step = (link: string, title = 't', note = '') => ({ link, title, note });

  it('a new deck holds one step with its link in canonical form', () => {
    const made = newDeck('Mine', step('#/conv?k=3&in=1x7x7&s=2&p=0&f=1'));
    expect(made.deck).toEqual({ format: 'convscope-deck', version: 1, title: 'Mine', steps: [step(STRIDE)] });
  });

  it('inserting puts the step at the index; the 51st step is refused', () => {
    const r = insertStep(deck, 1, step('#/rf'));
    expect(r.deck!.steps.map((s) => parseHash(s.link).route)).toEqual(['conv', 'rf', 'pool']);
    let full: Deck = deck;
    while (full.steps.length < 50) full = insertStep(full, 0, step(STRIDE)).deck!;
    expect(insertStep(full, 0, step(STRIDE)).problem).toEqual({ kind: 'tooManySteps', count: 51, max: 50 });
  });

  it('a step with a bad link or a too long note is refused and the deck stays as it was', () => {
    expect(insertStep(deck, 0, step('#/conv?k=99')).problem).toMatchObject({ kind: 'badLink', step: 1 });
    expect(updateStep(deck, 1, { note: 'z'.repeat(1001) }).problem).toEqual({
      kind: 'tooLong',
      field: { kind: 'step', step: 2, name: 'note' },
      length: 1001,
      max: 1000,
    });
    expect(setDeckTitle(deck, 'q'.repeat(121)).problem).toMatchObject({ kind: 'tooLong', max: 120 });
    expect(deck.steps).toHaveLength(2);
  });

  it('moving up and down swaps neighbours; past an end nothing changes', () => {
    const moved = moveStep(deck, 1, -1).deck!;
    expect(moved.steps.map((s) => s.title)).toEqual(['최대 풀링', 'Stride 2']);
    expect(moveStep(deck, 0, -1).deck).toEqual(deck);
    expect(moveStep(deck, 1, 1).deck).toEqual(deck);
  });

  it('removing keeps at least one step', () => {
    const one = removeStep(deck, 0).deck!;
    expect(one.steps.map((s) => s.title)).toEqual(['최대 풀링']);
    expect(removeStep(one, 0).problem).toEqual({ kind: 'noSteps' });
  });

  it('an edit that makes the deck too long for a link is refused', () => {
    let big: Deck = deck;
    const note = '가'.repeat(1000);
    let refused: DeckProblem | undefined;
    for (let i = 0; i < 48 && !refused; i++) {
      const r = insertStep(big, 0, step(STRIDE, '', note));
      if (r.problem) refused = r.problem;
      else big = r.deck;
    }
    expect(refused).toMatchObject({ kind: 'linkTextTooLong', max: DECK_LIMITS.linkText });
    expect(encodeDeck(big).length).toBeLessThanOrEqual(DECK_LIMITS.linkText);
  });
});

describe('properties', () => {
  /** The validator's contract: never throws; a deck xor problems; a deck is valid and round-trips. */
  const check = (r: DeckResult) => {
    expect((r.deck === undefined) !== (r.problems === undefined)).toBe(true);
    if (r.problems) {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.length).toBeLessThanOrEqual(8);
    } else {
      expect(decodeDeck(encodeDeck(r.deck!))).toEqual({ deck: r.deck });
    }
  };

  it('validateDeck never throws on any value', () => {
    fc.assert(fc.property(fc.anything(), (v) => check(validateDeck(v))), { numRuns: 300 });
  });

  it('parseDeckText and decodeDeck never throw on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => check(parseDeckText(s))), { numRuns: 200 });
    fc.assert(fc.property(fc.json(), (s) => check(parseDeckText(s))), { numRuns: 200 });
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom(...'AZaz09_-Qw+/=') }), (s) => check(decodeDeck(s))),
      { numRuns: 200 },
    );
  });

  const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
  const validStep = fc.record({
    link: fc.constantFrom(STRIDE, POOL, '#/rf', '#/norm?kind=group&g=3&in=6x3x3', '#/ideas?demo=1x1'),
    title: text(30),
    note: text(120),
  });
  const validDeck = fc.record({
    format: fc.constant('convscope-deck'),
    version: fc.constant(1),
    title: text(30),
    steps: fc.array(validStep, { minLength: 1, maxLength: 8 }),
  });

  it('any valid deck is read, and survives a link and a file unchanged', () => {
    fc.assert(
      fc.property(validDeck, (d) => {
        const r = validateDeck(d);
        expect(r.problems).toBeUndefined();
        expect(r.deck!.steps.map((s) => [s.title, s.note])).toEqual(d.steps.map((s) => [s.title, s.note]));
        expect(decodeDeck(encodeDeck(r.deck!))).toEqual({ deck: r.deck });
        expect(parseDeckText(deckFileText(r.deck!))).toEqual({ deck: r.deck });
      }),
      { numRuns: 80 },
    );
  });

  it('a valid deck with one field spoiled is refused, never half-loaded', () => {
    const spoil = fc.constantFrom<(d: Record<string, unknown>) => void>(
      (d) => (d.format = 'deck'),
      (d) => (d.version = 3),
      (d) => (d.steps = {}),
      (d) => ((d.steps as Record<string, unknown>[])[0]!.link = '#/conv?s=0'),
      (d) => ((d.steps as Record<string, unknown>[])[0]!.note = 5),
      (d) => ((d.steps as Record<string, unknown>[])[0]!.title = 'x'.repeat(200)),
    );
    fc.assert(
      fc.property(validDeck, spoil, (d, f) => {
        const copy = structuredClone(d) as unknown as Record<string, unknown>;
        f(copy);
        const r = validateDeck(copy);
        expect(r.deck).toBeUndefined();
        expect(r.problems!.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });
});
