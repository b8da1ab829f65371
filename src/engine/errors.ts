/**
 * The one error type the engine throws. It names the offending field, the value that was given and
 * what would have been valid, so a view can show the message as it is, next to the control concerned.
 * Besides its English sentence it carries a stable `code` and numeric/textual `params` (see
 * {@link Expectation}), so that a view can word the same refusal in another language without
 * parsing the English.
 */
export class EngineError extends Error {
  /** The argument or option at fault, e.g. `"padding"` or `"weight.shape[1]"`. */
  readonly field: string;
  /** The value that was given, as received. */
  readonly value: unknown;
  /** A human sentence saying what would have been valid, e.g. `"a whole number ≥ 1"`. */
  readonly expected: string;
  /** What kind of value was expected, stable across wording changes (`'invalid'` when unclassified). */
  readonly code: EngineErrorCode;
  /** The numbers and names the expectation depends on, e.g. `{ min: 1 }` for `'whole'`. */
  readonly params: Readonly<Record<string, string | number>>;

  constructor(field: string, value: unknown, expected: string | Expectation, detail?: string) {
    const shown = formatValue(value);
    const text = typeof expected === 'string' ? expected : expected.text;
    super(`${field} = ${shown} is not valid: expected ${text}${detail ? ` (${detail})` : ''}.`);
    this.name = 'EngineError';
    this.field = field;
    this.value = value;
    this.expected = text;
    this.code = typeof expected === 'string' ? 'invalid' : expected.code;
    this.params = typeof expected === 'string' ? {} : expected.params;
  }
}

/**
 * The kinds of expectation an {@link EngineError} can state. Parameters by code:
 * `whole` {min} · `wholeRange` {min, max} · `finite` · `positive` · `unitInterval` · `nonNegative` ·
 * `boolean` · `divisor` {count, of: 'input' | 'output' | 'channels'} · `channelsPerGroup` {expected, cin, groups} ·
 * `windowFits` {extent, padded} · `poolPadding` {maxH, maxW} · `valueCount` {count} · `length` {expected} ·
 * `rank` {ranks} · `preset` {preset, kh, kw} · `invalid` (anything else: only the English says more).
 */
export type EngineErrorCode =
  | 'whole'
  | 'wholeRange'
  | 'finite'
  | 'positive'
  | 'unitInterval'
  | 'nonNegative'
  | 'boolean'
  | 'divisor'
  | 'channelsPerGroup'
  | 'windowFits'
  | 'poolPadding'
  | 'valueCount'
  | 'length'
  | 'rank'
  | 'preset'
  | 'invalid';

/** What was expected: the English phrase of the message, with its code and parameters. */
export interface Expectation {
  readonly text: string;
  readonly code: EngineErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** An {@link Expectation}: the English phrase (exactly as the message shows it), its code and parameters. */
export function expecting(
  code: EngineErrorCode,
  text: string,
  params: Readonly<Record<string, string | number>> = {},
): Expectation {
  return { text, code, params };
}

/** Formats a value for an error message: arrays as `[a, b]`, typed arrays by their length. */
export function formatValue(value: unknown): string {
  if (value instanceof Float32Array || value instanceof Float64Array) {
    return `${value.constructor.name}(${value.length})`;
  }
  if (Array.isArray(value)) {
    return value.length > 8
      ? `[${value.slice(0, 8).map(formatValue).join(', ')}, … (${value.length})]`
      : `[${value.map(formatValue).join(', ')}]`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
