import { useId, useState } from 'react';
import { formatValue } from '../../viz/format';
import { common } from '../../i18n/common';
import { norm } from '../../i18n/norm';
import { useT } from '../../i18n/useT';

/** Reads a decimal typed by a person: `1.5`, `-2`, `−2` (true minus), `1e-5`, `0,5`; null when it is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/[−–]/g, '-').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** How a value is shown in the field: short, with a true minus sign, exponent form for tiny values. */
const show = (v: number) => formatValue(v);

/**
 * A labelled decimal field that never loses what the user typed: a value is passed on only when it is
 * a number in [min, max] (and not excluded by `check`), otherwise the field says what would be valid.
 * When the value or its bounds change from outside, the field follows. It behaves and words its
 * messages like the shared whole-number `NumberField` (src/components/NumberField.tsx): the same
 * out-of-range message (`common.outOfRange`), and "enter a number from … to …" in place of
 * "enter a whole number from … to …".
 */
export function DecimalField({
  label,
  value,
  min,
  max,
  onChange,
  hint,
  testId,
  width = 6,
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
  testId?: string;
  width?: number;
  hideLabel?: boolean;
  /** A short visible label (e.g. "γ"); `label` stays the accessible name and the name in messages. */
  shortLabel?: string;
  /** An extra rule: a sentence when the value is not allowed, else null. */
  check?: (v: number) => string | null;
  /** Extra classes on the field (e.g. `edit-only`). */
  className?: string;
}) {
  const t = useT(norm);
  const tc = useT(common);
  const id = useId();
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string | null>(null);
  const [prev, setPrev] = useState(`${value}:${min}:${max}`);
  if (prev !== `${value}:${min}:${max}`) {
    // The value or its bounds changed from outside (a link, a preset, a reset): show the value afresh
    // unless it is what was typed.
    if (parseDecimal(text) !== value) setText(show(value));
    setPrev(`${value}:${min}:${max}`);
    setError(null);
  }
  const submit = (typed: string) => {
    const v = parseDecimal(typed);
    if (v === null) {
      setError(t.enterNumber(label, show(min), show(max)));
      return;
    }
    if (v < min || v > max) {
      setError(tc.outOfRange(label, show(v), show(min), show(max)));
      return;
    }
    const extra = check?.(v) ?? null;
    if (extra) {
      setError(`${label}: ${extra}`);
      return;
    }
    setError(null);
    if (v !== value) onChange(v);
  };
  return (
    <span
      className={`number-field decimal-field${hideLabel ? ' bare' : ''}${className ? ` ${className}` : ''}`}
    >
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
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        style={{ width: `${width + 2}ch` }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        title={hint}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          submit(e.target.value);
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
