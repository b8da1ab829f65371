import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { useEffect, useRef, useState } from 'react';

/**
 * A small in-place number field, placed over the cell being edited. Enter or leaving the field
 * commits; Escape cancels. A value that is not a finite number between −1000 and 1000 is refused
 * with a message, and the field keeps what was typed so nothing is lost.
 */
export function NumberEditor({
  initial,
  label,
  style,
  onCommit,
  onCancel,
}: {
  initial: number;
  label: string;
  style?: React.CSSProperties;
  onCommit: (v: number) => void;
  onCancel: () => void;
}) {
  const t = useT(common);
  const [text, setText] = useState(String(initial).replace('-', '−'));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    const v = Number(text.trim().replace(/[−–]/g, '-').replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(v) || Math.abs(v) > 1000) {
      setError(t.enterEdit('−1000', '1000'));
      return false;
    }
    onCommit(Math.round(v * 10000) / 10000);
    return true;
  };
  return (
    <span className="number-editor" style={style}>
      <input
        ref={ref}
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') onCancel();
        }}
        onBlur={() => {
          commit();
        }}
      />
      {error && (
        <span className="number-editor-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
