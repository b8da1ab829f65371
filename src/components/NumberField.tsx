import { useId, useState } from 'react';

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
  const submit = (t: string) => {
    const v = Number(t.trim());
    if (t.trim() === '' || !Number.isInteger(v)) {
      setError(`${label}: enter a whole number from ${min} to ${max}`);
      return;
    }
    if (v < min || v > max) {
      setError(explain ? explain(v) : `${label}: ${v} is out of range; use ${min} to ${max}`);
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
