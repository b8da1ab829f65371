/**
 * Sentences about decks that cannot be read or edits that are refused, in the page's language: the
 * deck module reports structured problems, this module words them with the lesson dictionary (passed
 * in, never read from the store). Numbers are formatted once, identically in both languages. Pure.
 */
import type { Translation } from '../i18n/core';
import type { lesson } from '../i18n/lesson';
import { formatCount } from '../viz/format';
import { DECK_FORMAT, DECK_LIMITS, DECK_VERSION, type DeckField, type DeckProblem } from './deck';

/** The lesson dictionary in one language. */
export type LessonT = Translation<(typeof lesson)['en']>;

const n = (value: number) => formatCount(value);

function fieldName(field: DeckField, t: LessonT): string {
  if (field.kind === 'deck') return field.name === 'title' ? t.fieldDeckTitle : t.fieldDeckSteps;
  const step = n(field.step);
  switch (field.name) {
    case 'link':
      return t.fieldStepLink(step);
    case 'title':
      return t.fieldStepTitle(step);
    case 'note':
      return t.fieldStepNote(step);
    case 'step':
      return t.fieldStep(step);
  }
}

/** One problem as a sentence saying what is wrong and what would be valid. */
export function describeDeckProblem(p: DeckProblem, t: LessonT): string {
  const found = (value: string) => (value === '' ? t.nothing : value);
  switch (p.kind) {
    case 'empty':
      return t.pEmpty;
    case 'fileTooLong':
      return t.pFileTooLong(n(p.length), n(p.max));
    case 'damagedLink':
      return t.pDamagedLink;
    case 'notJson':
      return t.pNotJson(p.detail || 'JSON.parse');
    case 'notObject':
      return t.pNotObject(found(p.found));
    case 'format':
      return t.pFormat(found(p.found));
    case 'version':
      return t.pVersion(found(p.found));
    case 'newerVersion':
      return t.pNewerVersion(n(p.found));
    case 'wrongType': {
      const expected = p.expected === 'text' ? t.expectText : p.expected === 'list' ? t.expectList : t.expectObject;
      return t.pWrongType(fieldName(p.field, t), expected, found(p.found));
    }
    case 'tooLong':
      return t.pTooLong(fieldName(p.field, t), n(p.length), n(p.max));
    case 'emptyLink':
      return t.pEmptyLink(n(p.step));
    case 'noSteps':
      return t.pNoSteps;
    case 'tooManySteps':
      return t.pTooManySteps(n(p.count), n(p.max));
    case 'badLink':
      return t.pBadLink(n(p.step), p.messages.join(' '));
    case 'linkTextTooLong':
      return t.pLinkTextTooLong(n(p.length), n(p.max));
    case 'more':
      return t.pMore(n(p.count));
  }
}

/** The caps of a deck, as a sentence. */
export function deckLimitsText(t: LessonT): string {
  return t.limits(n(DECK_LIMITS.steps), n(DECK_LIMITS.title), n(DECK_LIMITS.note));
}

/** A small valid deck file, shown under a loading error as an example. */
export const DECK_EXAMPLE = JSON.stringify(
  {
    format: DECK_FORMAT,
    version: DECK_VERSION,
    title: 'Week 3',
    steps: [{ link: '#/conv?v=1&in=1x7x7&k=3&f=1&s=2&p=0&d=1&seed=7', title: 'Stride 2', note: 'Count the steps.' }],
  },
  null,
  2,
);
