import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { useId, useState } from 'react';
import { formatValue } from '../viz/format';

/** Reads a decimal typed by a person: `1.5`, `-2`, `−2` (true minus), `1e-5`, `0,5`; null when it is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/[−–]/g, '-').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Reads a whole number typed by a person (also with a true minus sign); null when it is not one. */
function parseWhole(text: string): number | null {
  const v = parseDecimal(text);
  return v !== null && Number.isInteger(v) ? v : null;
}

/**
 * A labelled number field that never loses what the user typed: the text is kept locally, a value is
 * passed on only when it is valid — a whole number in [min, max], or with `decimal` any number in
 * [min, max] (typed as `1.5`, `−2`, `1e-5` or `0,5`) — and not excluded by `check`; otherwise the field
 * says what would be valid. When the value or its bounds change from outside, the field follows.
 *
 * Both kinds are text inputs: a number input refuses "0,5" and "−2" (and would lose them), and each
 * one costs the page's every frame (Chromium re-layerizes its spin button whenever anything on the page
 * repaints: 120 of them in the receptive-field view's sidebar cost ~3 ms per frame). A whole-number
 * field is an ARIA spin button instead: ↑ and ↓ step it by one within [min, max], as a number input's do.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  onChange,
  hint,
  explain,
  testId,
  width,
  decimal = false,
  hideLabel = false,
  shortLabel,
  check,
  className,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  hint?: string;
  /** Says why an out-of-range value cannot work (e.g. "a 9-row kernel does not fit …"), instead of the plain range. */
  explain?: (v: number) => string;
  testId?: string;
  /** The width of the input in characters (4 for whole numbers, 6 for decimals by default). */
  width?: number;
  /** Any number, not only whole ones; shown formatted (true minus, exponent form for tiny values). */
  decimal?: boolean;
  /** The label is for screen readers only (e.g. in a table whose header names the column). */
  hideLabel?: boolean;
  /** A short visible label (e.g. "γ"); `label` stays the accessible name and the name in messages. */
  shortLabel?: string;
  /** An extra rule: a sentence when the value is not allowed, else null. */
  check?: (v: number) => string | null;
  /** Extra classes on the field (e.g. `edit-only`). */
  className?: string;
}) {
  const t = useT(common);
  const id = useId();
  const show = (v: number) => (decimal ? formatValue(v) : String(v));
  const read = decimal ? parseDecimal : parseWhole;
  const [text, setText] = useState(show(value));
  /** The text last refused, or null; its message is worded at each render, so it follows a change of language. */
  const [refused, setRefused] = useState<string | null>(null);
  const [prev, setPrev] = useState(`${value}:${min}:${max}`);
  if (prev !== `${value}:${min}:${max}`) {
    // The value or its bounds changed from outside (a link, a preset, another field): show the value
    // afresh unless it is what was typed.
    if (read(text) !== value) setText(show(value));
    setPrev(`${value}:${min}:${max}`);
    setRefused(null);
  }
  /** Why `typed` cannot be taken, in the page's language, or null when it can. */
  const problem = (typed: string): string | null => {
    const v = read(typed);
    if (v === null) {
      const [lo, hi] = [formatValue(min), formatValue(max)];
      return decimal ? t.enterNumber(label, lo, hi) : t.enterWhole(label, lo, hi);
    }
    if (v < min || v > max)
      return explain ? explain(v) : t.outOfRange(label, formatValue(v), formatValue(min), formatValue(max));
    const extra = check?.(v) ?? null;
    return extra ? `${label}: ${extra}` : null;
  };
  const error = refused === null ? null : problem(refused);
  const submit = (typed: string) => {
    if (problem(typed) !== null) {
      setRefused(typed);
      return;
    }
    setRefused(null);
    const v = read(typed)!;
    if (v !== value) onChange(v);
  };
  /** ↑/↓ on a whole-number field: one more or one less than the value shown (or typed), kept in range. */
  const stepBy = (delta: number) => {
    const from = read(text) ?? value;
    const next = Math.max(min, Math.min(max, from + delta));
    setText(show(next));
    submit(show(next));
  };
  const classes = ['number-field', decimal && 'decimal-field', hideLabel && 'bare', className]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {shortLabel ? (
          <>
            <span aria-hidden="true">{shortLabel}</span>
            <span className="visually-hidden">{label}</span>
          </>
        ) : (
          label
        )}
      </label>
      <input
        id={id}
        type="text"
        role={decimal ? undefined : 'spinbutton'}
        aria-valuemin={decimal ? undefined : min}
        aria-valuemax={decimal ? undefined : max}
        aria-valuenow={decimal ? undefined : value}
        inputMode={decimal ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        style={{ width: `${(width ?? (decimal ? 6 : 4)) + 2}ch` }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        title={hint}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          submit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (decimal || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          stepBy(e.key === 'ArrowUp' ? 1 : -1);
        }}
        onBlur={() => {
          if (error) return;
          setText(show(value));
        }}
      />
      {error && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
