import { describe, expect, it } from 'vitest';
import { lesson } from '../../src/i18n/lesson';
import { lessonEntry } from '../../src/lesson/entryStrings';
import { DECK_EXAMPLE, deckLimitsText, describeDeckProblem } from '../../src/lesson/messages';
import { parseDeckText, type DeckProblem } from '../../src/lesson/deck';

const HANGUL = /[\uac00-\ud7a3]/;
const en = lesson.en;
const ko = lesson.ko;

describe('messages about decks, in both languages', () => {
  it('a field that is too long: which field, its length and the cap, numbers alike in both languages', () => {
    const p: DeckProblem = { kind: 'tooLong', field: { kind: 'step', step: 3, name: 'note' }, length: 1234, max: 1000 };
    expect(describeDeckProblem(p, en)).toBe('Step 3’s “note” has 1,234 characters; at most 1,000 are allowed.');
    expect(describeDeckProblem(p, ko)).toBe('3단계의 “note”이(가) 1,234자입니다; 최대 1,000자까지 허용됩니다.');
  });

  it('a wrong type names what was found, and "nothing" when the field is missing', () => {
    const p: DeckProblem = { kind: 'wrongType', field: { kind: 'deck', name: 'steps' }, expected: 'list', found: '' };
    expect(describeDeckProblem(p, en)).toBe('The deck’s “steps” must be a list [ … ] of steps; found nothing.');
    expect(describeDeckProblem(p, ko)).toBe('덱의 “steps”은(는) 단계의 목록 [ … ]여야 하는데 없음입니다.');
    const q: DeckProblem = { kind: 'format', found: '"slides"' };
    expect(describeDeckProblem(q, en)).toBe('“format” must be "convscope-deck"; found "slides". Is this file a ConvScope deck?');
  });

  it('too many steps, a newer version, a bad link', () => {
    expect(describeDeckProblem({ kind: 'tooManySteps', count: 51, max: 50 }, en)).toBe(
      'That makes 51 steps; a deck holds at most 50.',
    );
    expect(describeDeckProblem({ kind: 'newerVersion', found: 2 }, ko)).toContain('버전 2');
    expect(describeDeckProblem({ kind: 'badLink', step: 2, messages: ['k=0: the kernel size must be …'] }, en)).toBe(
      'Step 2’s link has settings that cannot be used: k=0: the kernel size must be …',
    );
  });

  it('every kind of problem reads as a sentence in both languages', () => {
    const all: DeckProblem[] = [
      { kind: 'empty' },
      { kind: 'fileTooLong', length: 2_000_000, max: 1_000_000 },
      { kind: 'damagedLink' },
      { kind: 'notJson', detail: 'Unexpected end of JSON input' },
      { kind: 'notObject', found: '[ … ]' },
      { kind: 'format', found: '' },
      { kind: 'version', found: '"1"' },
      { kind: 'newerVersion', found: 3 },
      { kind: 'wrongType', field: { kind: 'step', step: 1, name: 'link' }, expected: 'text', found: '5' },
      { kind: 'wrongType', field: { kind: 'step', step: 2, name: 'step' }, expected: 'object', found: 'null' },
      { kind: 'tooLong', field: { kind: 'deck', name: 'title' }, length: 121, max: 120 },
      { kind: 'tooLong', field: { kind: 'step', step: 1, name: 'title' }, length: 121, max: 120 },
      { kind: 'tooLong', field: { kind: 'step', step: 1, name: 'link' }, length: 2001, max: 2000 },
      { kind: 'emptyLink', step: 4 },
      { kind: 'noSteps' },
      { kind: 'tooManySteps', count: 60, max: 50 },
      { kind: 'badLink', step: 1, messages: ['unknown setting ‘x’ ignored.'] },
      { kind: 'linkTextTooLong', length: 123_456, max: 100_000 },
      { kind: 'more', count: 5 },
    ];
    for (const p of all) {
      const e = describeDeckProblem(p, en);
      const k = describeDeckProblem(p, ko);
      expect(e, p.kind).toMatch(/^[“"A-Z…].*[.?:…]$/s);
      expect(HANGUL.test(k), p.kind).toBe(true);
      expect(k, p.kind).not.toMatch(/undefined|NaN/);
    }
  });

  it('a file that is not JSON is described from the parser, in the page language', () => {
    const r = parseDeckText('{"format": ');
    const text = describeDeckProblem(r.problems![0]!, ko);
    expect(text).toMatch(/^JSON이 아닙니다 \(.+\)\. 덱 파일은/);
  });

  it('the limits sentence and the example deck', () => {
    expect(deckLimitsText(en)).toBe('A deck holds up to 50 steps; titles up to 120 characters, notes up to 1,000.');
    expect(deckLimitsText(ko)).toBe('덱에는 최대 50단계가 들어갑니다; 제목은 120자까지, 메모는 1,000자까지입니다.');
    expect(parseDeckText(DECK_EXAMPLE).problems).toBeUndefined();
  });
});

describe('the header entry point strings (checked like the namespaces of src/i18n/)', () => {
  it('have the same keys in both languages, never empty, Korean in Hangul', () => {
    expect(Object.keys(lessonEntry.ko).sort()).toEqual(Object.keys(lessonEntry.en).sort());
    for (const key of Object.keys(lessonEntry.en) as (keyof typeof lessonEntry.en)[]) {
      expect(lessonEntry.en[key].trim().length, key).toBeGreaterThan(0);
      expect(HANGUL.test(lessonEntry.ko[key]), key).toBe(true);
    }
  });
});
