/**
 * The one error type the engine throws. It names the offending field, the value that was given and
 * what would have been valid, so a view can show the message as it is, next to the control concerned.
 */
export class EngineError extends Error {
  /** The argument or option at fault, e.g. `"padding"` or `"weight.shape[1]"`. */
  readonly field: string;
  /** The value that was given, as received. */
  readonly value: unknown;
  /** A human sentence saying what would have been valid, e.g. `"a whole number ≥ 1"`. */
  readonly expected: string;

  constructor(field: string, value: unknown, expected: string, detail?: string) {
    const shown = formatValue(value);
    super(`${field} = ${shown} is not valid: expected ${expected}${detail ? ` (${detail})` : ''}.`);
    this.name = 'EngineError';
    this.field = field;
    this.value = value;
    this.expected = expected;
  }
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
