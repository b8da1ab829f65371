/**
 * Instructor decks: a titled list of steps, each a view link with a title and a note. Pure: no DOM,
 * no store. A deck travels two ways, both read by the same validator:
 *
 * - as a JSON file (`convscope-deck.json`), format version 1:
 *
 *       { "format": "convscope-deck", "version": 1, "title": "Week 3: strides",
 *         "steps": [ { "link": "#/conv?v=1&in=1x7x7&k=3&f=1&s=2&p=0&d=1&seed=7",
 *                      "title": "Stride 2", "note": "Count the steps." } ] }
 *
 *   `format` and `version` are required; `title` (≤ 120 characters) may be missing or empty; `steps`
 *   holds 1 to 50 steps, each with a `link` (a ConvScope link: the part from `#/` on, or a whole
 *   address; at most 2,000 characters; every setting in it must be usable), a `title` (≤ 120) and a
 *   `note` (≤ 1,000; both may be missing or empty). Other fields are ignored. Links are stored in
 *   their canonical form without page settings (language, presentation, lesson).
 * - in a link, as `deck=<base64url of the UTF-8 JSON above, unpadded>` (at most 100,000 characters).
 *
 * Reading never throws: anything that is not a valid deck gives `{ problems }`, each naming what is
 * wrong and what would be valid, and no deck.
 */
import { parseHash, serializeHash } from '../state/codec';
// Lessons and decks read links to any view at once: every view's URL module is registered with them.
import '../state/allViews';
import { MAX_DECK_TEXT, MAX_LESSON_STEPS } from '../state/params';

/** The `format` field of every deck. */
export const DECK_FORMAT = 'convscope-deck';
/** The format version this build writes and reads. */
export const DECK_VERSION = 1;

/** The caps of a deck, stated in the editor and in every message about them. */
export const DECK_LIMITS = {
  steps: MAX_LESSON_STEPS,
  title: 120,
  note: 1000,
  link: 2000,
  /** Characters of the `deck=` text of a link. */
  linkText: MAX_DECK_TEXT,
  /** Characters of a deck file (a file this long is not read at all). */
  file: 1_000_000,
} as const;

/** The name a downloaded deck gets. */
export const DECK_FILE_NAME = 'convscope-deck.json';

/** One step: a view link (`#/conv?v=1&…`), a title, a note for the students. */
export interface DeckStep {
  link: string;
  title: string;
  note: string;
}

/** A valid deck (1 to 50 steps, every field within its cap, every link usable). */
export interface Deck {
  format: typeof DECK_FORMAT;
  version: typeof DECK_VERSION;
  title: string;
  steps: DeckStep[];
}

/** Which field of a deck a problem is about: `title`, `steps`, or a step's field (step counted from 1). */
export type DeckField = { kind: 'deck'; name: 'title' | 'steps' } | { kind: 'step'; step: number; name: 'link' | 'title' | 'note' | 'step' };

/** Something that makes a text not a valid deck; `describeDeckProblem` turns it into a sentence. */
export type DeckProblem =
  | { kind: 'empty' }
  | { kind: 'fileTooLong'; length: number; max: number }
  /** The `deck=` text of a link is not a whole deck: not base64url of UTF-8 JSON (often cut off when copied). */
  | { kind: 'damagedLink' }
  | { kind: 'notJson'; detail: string }
  | { kind: 'notObject'; found: string }
  | { kind: 'format'; found: string }
  | { kind: 'version'; found: string }
  | { kind: 'newerVersion'; found: number }
  | { kind: 'wrongType'; field: DeckField; expected: 'text' | 'list' | 'object'; found: string }
  | { kind: 'tooLong'; field: DeckField; length: number; max: number }
  | { kind: 'emptyLink'; step: number }
  | { kind: 'noSteps' }
  | { kind: 'tooManySteps'; count: number; max: number }
  | { kind: 'badLink'; step: number; messages: string[] }
  | { kind: 'linkTextTooLong'; length: number; max: number }
  | { kind: 'more'; count: number };

/** A deck, or why there is none. */
export type DeckResult = { deck: Deck; problems?: undefined } | { deck?: undefined; problems: DeckProblem[] };

/** At most this many problems are listed; the rest are counted in one last `more`. */
export const MAX_DECK_PROBLEMS = 8;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/**
 * A value as it would be written in JSON, short, for messages, without calling anything on it:
 * `"abc"`, `3`, `true`, `null`, `[ … ]`, `{ … }`; '' for a missing value (the message says "nothing").
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[ … ]';
  switch (typeof value) {
    case 'string':
      return value.length > 30 ? `"${value.slice(0, 29)}…"` : `"${value}"`;
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return '{ … }';
    default:
      return `(${typeof value})`;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property of a parsed object (never one inherited from Object.prototype). */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * Reads a step's link as a ConvScope link: a whole address is cut at its `#`; the link must be
 * usable as it is (no problem from `parseHash`). Returns its canonical form without page settings,
 * or the problems' messages.
 */
export function canonicalLink(link: string): { link: string } | { messages: string[] } {
  const text = link.trim();
  const hash = text.includes('#') ? text.slice(text.indexOf('#')) : text.startsWith('/') ? `#${text}` : `#/${text}`;
  const parsed = parseHash(hash);
  if (parsed.problems.length > 0) return { messages: parsed.problems.map((p) => p.message) };
  return { link: serializeHash(parsed.route, parsed.conv, parsed.views) };
}

/** Checks an optional text field: missing → '', not text or too long → a problem. */
function readText(value: unknown, field: DeckField, max: number, problems: DeckProblem[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    problems.push({ kind: 'wrongType', field, expected: 'text', found: describeValue(value) });
    return '';
  }
  if (value.length > max) problems.push({ kind: 'tooLong', field, length: value.length, max });
  return value;
}

function capProblems(problems: DeckProblem[]): DeckProblem[] {
  if (problems.length <= MAX_DECK_PROBLEMS) return problems;
  const rest = problems.length - (MAX_DECK_PROBLEMS - 1);
  return [...problems.slice(0, MAX_DECK_PROBLEMS - 1), { kind: 'more', count: rest }];
}

function validateUnchecked(value: unknown): DeckResult {
  if (!isRecord(value)) return { problems: [{ kind: 'notObject', found: describeValue(value) }] };
  const format = own(value, 'format');
  if (format !== DECK_FORMAT) return { problems: [{ kind: 'format', found: describeValue(format) }] };
  const version = own(value, 'version');
  if (typeof version === 'number' && Number.isInteger(version) && version > DECK_VERSION) {
    return { problems: [{ kind: 'newerVersion', found: version }] };
  }
  if (version !== DECK_VERSION) return { problems: [{ kind: 'version', found: describeValue(version) }] };

  const problems: DeckProblem[] = [];
  const title = readText(own(value, 'title'), { kind: 'deck', name: 'title' }, DECK_LIMITS.title, problems);
  const rawSteps = own(value, 'steps');
  if (!Array.isArray(rawSteps)) {
    problems.push({ kind: 'wrongType', field: { kind: 'deck', name: 'steps' }, expected: 'list', found: describeValue(rawSteps) });
    return { problems: capProblems(problems) };
  }
  if (rawSteps.length === 0) return { problems: [...problems, { kind: 'noSteps' }] };
  if (rawSteps.length > DECK_LIMITS.steps) {
    return { problems: [...problems, { kind: 'tooManySteps', count: rawSteps.length, max: DECK_LIMITS.steps }] };
  }
  const steps: DeckStep[] = [];
  rawSteps.forEach((raw: unknown, i) => {
    const n = i + 1;
    if (!isRecord(raw)) {
      problems.push({ kind: 'wrongType', field: { kind: 'step', step: n, name: 'step' }, expected: 'object', found: describeValue(raw) });
      return;
    }
    const before = problems.length;
    const rawLink = own(raw, 'link');
    let link = '';
    if (typeof rawLink !== 'string') {
      problems.push({ kind: 'wrongType', field: { kind: 'step', step: n, name: 'link' }, expected: 'text', found: describeValue(rawLink) });
    } else if (rawLink.trim() === '') {
      problems.push({ kind: 'emptyLink', step: n });
    } else if (rawLink.length > DECK_LIMITS.link) {
      problems.push({ kind: 'tooLong', field: { kind: 'step', step: n, name: 'link' }, length: rawLink.length, max: DECK_LIMITS.link });
    } else {
      const read = canonicalLink(rawLink);
      if ('messages' in read) problems.push({ kind: 'badLink', step: n, messages: read.messages.slice(0, 3) });
      else link = read.link;
    }
    const stepTitle = readText(own(raw, 'title'), { kind: 'step', step: n, name: 'title' }, DECK_LIMITS.title, problems);
    const note = readText(own(raw, 'note'), { kind: 'step', step: n, name: 'note' }, DECK_LIMITS.note, problems);
    if (problems.length === before) steps.push({ link, title: stepTitle, note });
  });
  if (problems.length > 0) return { problems: capProblems(problems) };
  const deck: Deck = { format: DECK_FORMAT, version: DECK_VERSION, title, steps };
  const length = encodeDeck(deck).length;
  if (length > DECK_LIMITS.linkText) return { problems: [{ kind: 'linkTextTooLong', length, max: DECK_LIMITS.linkText }] };
  return { deck };
}

/**
 * Checks any value (e.g. parsed JSON) against the deck format and returns the deck, with its links in
 * canonical form, or every problem found (at most MAX_DECK_PROBLEMS). Never throws.
 */
export function validateDeck(value: unknown): DeckResult {
  try {
    return validateUnchecked(value);
  } catch {
    // Not expected: a last guard so that no input can break the page.
    return { problems: [{ kind: 'notObject', found: '?' }] };
  }
}

/** Reads the text of a deck file (JSON, a leading byte-order mark allowed). Never throws. */
export function parseDeckText(text: string): DeckResult {
  if (typeof text !== 'string') return { problems: [{ kind: 'empty' }] };
  if (text.length > DECK_LIMITS.file) return { problems: [{ kind: 'fileTooLong', length: text.length, max: DECK_LIMITS.file }] };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { problems: [{ kind: 'empty' }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    return { problems: [{ kind: 'notJson', detail: detail.length > 120 ? detail.slice(0, 119) + '…' : detail }] };
  }
  return validateDeck(value);
}

// ---------------------------------------------------------------------------------------------
// base64url of UTF-8
// ---------------------------------------------------------------------------------------------

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** base64url (RFC 4648 §5, unpadded) of the UTF-8 bytes of `text`. */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The UTF-8 text of unpadded base64url, or null when it is not valid base64url of valid UTF-8. */
export function fromBase64Url(code: string): string | null {
  if (!BASE64URL.test(code) || code.length % 4 === 1) return null;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The `deck=` text of a deck: base64url of its compact JSON. */
export function encodeDeck(deck: Deck): string {
  return toBase64Url(JSON.stringify(deck));
}

/** Reads the `deck=` text of a link. Never throws. */
export function decodeDeck(code: string): DeckResult {
  if (typeof code !== 'string' || code === '') return { problems: [{ kind: 'empty' }] };
  if (code.length > DECK_LIMITS.linkText) {
    return { problems: [{ kind: 'linkTextTooLong', length: code.length, max: DECK_LIMITS.linkText }] };
  }
  const text = fromBase64Url(code);
  if (text === null) return { problems: [{ kind: 'damagedLink' }] };
  const result = parseDeckText(text);
  // Text that decodes but is no JSON was cut off (or edited) on its way: say that, not the parser's words.
  if (result.problems?.[0]?.kind === 'notJson') return { problems: [{ kind: 'damagedLink' }] };
  return result;
}

/** The text of a deck file: the deck as indented JSON, ending with a newline. */
export function deckFileText(deck: Deck): string {
  return JSON.stringify(deck, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Editing: (deck, arg) → { deck } | { problem }
// ---------------------------------------------------------------------------------------------

/** An edit's outcome: the new deck, or why it is refused (the deck is then unchanged). */
export type DeckEdit = { deck: Deck; problem?: undefined } | { deck?: undefined; problem: DeckProblem };

/** Accepts an edited deck when a link can still carry it. */
function fits(deck: Deck): DeckEdit {
  const length = encodeDeck(deck).length;
  return length > DECK_LIMITS.linkText ? { problem: { kind: 'linkTextTooLong', length, max: DECK_LIMITS.linkText } } : { deck };
}

function checkStepFields(step: DeckStep, n: number): DeckProblem | null {
  if (step.title.length > DECK_LIMITS.title) {
    return { kind: 'tooLong', field: { kind: 'step', step: n, name: 'title' }, length: step.title.length, max: DECK_LIMITS.title };
  }
  if (step.note.length > DECK_LIMITS.note) {
    return { kind: 'tooLong', field: { kind: 'step', step: n, name: 'note' }, length: step.note.length, max: DECK_LIMITS.note };
  }
  if (step.link.length > DECK_LIMITS.link) {
    return { kind: 'tooLong', field: { kind: 'step', step: n, name: 'link' }, length: step.link.length, max: DECK_LIMITS.link };
  }
  const read = canonicalLink(step.link);
  return 'messages' in read ? { kind: 'badLink', step: n, messages: read.messages.slice(0, 3) } : null;
}

/** A new deck of one step. */
export function newDeck(title: string, step: DeckStep): DeckEdit {
  if (title.length > DECK_LIMITS.title) {
    return { problem: { kind: 'tooLong', field: { kind: 'deck', name: 'title' }, length: title.length, max: DECK_LIMITS.title } };
  }
  const problem = checkStepFields(step, 1);
  if (problem) return { problem };
  return fits({ format: DECK_FORMAT, version: DECK_VERSION, title, steps: [{ ...step, link: canonicalOrSame(step.link) }] });
}

function canonicalOrSame(link: string): string {
  const read = canonicalLink(link);
  return 'link' in read ? read.link : link;
}

/** Inserts `step` so that it becomes step `index` (0-based); refused beyond 50 steps. */
export function insertStep(deck: Deck, index: number, step: DeckStep): DeckEdit {
  if (deck.steps.length >= DECK_LIMITS.steps) {
    return { problem: { kind: 'tooManySteps', count: deck.steps.length + 1, max: DECK_LIMITS.steps } };
  }
  const at = Math.max(0, Math.min(deck.steps.length, Math.trunc(index)));
  const problem = checkStepFields(step, at + 1);
  if (problem) return { problem };
  const steps = [...deck.steps];
  steps.splice(at, 0, { ...step, link: canonicalOrSame(step.link) });
  return fits({ ...deck, steps });
}

/** Changes some fields of step `index` (0-based). */
export function updateStep(deck: Deck, index: number, patch: Partial<DeckStep>): DeckEdit {
  const old = deck.steps[index];
  if (!old) return { deck };
  const next = { ...old, ...patch };
  const problem = checkStepFields(next, index + 1);
  if (problem) return { problem };
  const steps = [...deck.steps];
  steps[index] = { ...next, link: canonicalOrSame(next.link) };
  return fits({ ...deck, steps });
}

/** Moves step `index` one place up (−1) or down (+1); a move past either end leaves the deck as it is. */
export function moveStep(deck: Deck, index: number, delta: -1 | 1): DeckEdit {
  const to = index + delta;
  if (!deck.steps[index] || to < 0 || to >= deck.steps.length) return { deck };
  const steps = [...deck.steps];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { deck: { ...deck, steps } };
}

/** Removes step `index`; a deck keeps at least one step (close it instead). */
export function removeStep(deck: Deck, index: number): DeckEdit {
  if (deck.steps.length <= 1) return { problem: { kind: 'noSteps' } };
  if (!deck.steps[index]) return { deck };
  return { deck: { ...deck, steps: deck.steps.filter((_, i) => i !== index) } };
}

/** Renames the deck. */
export function setDeckTitle(deck: Deck, title: string): DeckEdit {
  if (title.length > DECK_LIMITS.title) {
    return { problem: { kind: 'tooLong', field: { kind: 'deck', name: 'title' }, length: title.length, max: DECK_LIMITS.title } };
  }
  return fits({ ...deck, title });
}
