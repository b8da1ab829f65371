import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { useId, useState } from 'react';
import { formatValue } from '../viz/format';

/**
 * A labelled whole-number field that never loses what the user typed: the text is kept locally, a
 * value is passed on only when it is a whole number in [min, max], and otherwise the field says what
 * would be valid. When the value changes from outside, the field follows.
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
  width = 4,
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
  width?: number;
}) {
  const t = useT(common);
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const [prev, setPrev] = useState(`${value}:${min}:${max}`);
  if (prev !== `${value}:${min}:${max}`) {
    // The value or its bounds changed from outside (a link, a preset, another field): show it afresh.
    if (!prev.startsWith(`${value}:`)) setText(String(value));
    setPrev(`${value}:${min}:${max}`);
    setError(null);
  }
  const submit = (typed: string) => {
    const v = Number(typed.trim());
    if (typed.trim() === '' || !Number.isInteger(v)) {
      setError(t.enterWhole(label, formatValue(min), formatValue(max)));
      return;
    }
    if (v < min || v > max) {
      setError(explain ? explain(v) : t.outOfRange(label, formatValue(v), formatValue(min), formatValue(max)));
      return;
    }
    setError(null);
    if (v !== value) onChange(v);
  };
  return (
    <span className="number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
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
          setText(String(value));
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
