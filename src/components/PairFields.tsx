import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import type { ReactNode } from 'react';
import { NumberField } from './NumberField';

/**
 * A per-axis setting (kernel, stride, padding, dilation) as two whole-number fields, rows × cols,
 * with a "square" button that copies rows to cols. `max` may differ per axis; `explain` says why an
 * out-of-range value cannot work; `extra` adds controls after the button (e.g. "= window").
 */
export function PairFields({
  name,
  value,
  min,
  max,
  onChange,
  testId,
  explain,
  extra,
  width,
}: {
  name: string;
  value: [number, number];
  min: number;
  max: number | [number, number];
  onChange: (v: [number, number]) => void;
  testId: string;
  explain?: (axis: 0 | 1, v: number) => string;
  extra?: ReactNode;
  width?: number;
}) {
  const t = useT(common);
  const [maxH, maxW] = typeof max === 'number' ? [max, max] : max;
  return (
    <fieldset className="pair" data-testid={testId}>
      <legend>{name}</legend>
      <NumberField
        label={t.rows}
        value={value[0]}
        min={min}
        max={maxH}
        onChange={(v) => onChange([v, value[1]])}
        testId={`${testId}-h`}
        explain={explain && ((v) => explain(0, v))}
        width={width}
      />
      <span aria-hidden="true">×</span>
      <NumberField
        label={t.cols}
        value={value[1]}
        min={min}
        max={maxW}
        onChange={(v) => onChange([value[0], v])}
        testId={`${testId}-w`}
        explain={explain && ((v) => explain(1, v))}
        width={width}
      />
      <button
        type="button"
        className="small"
        onClick={() => onChange([value[0], value[0]])}
        disabled={value[0] === value[1]}
        title={t.sameBoth}
      >
        {t.square}
      </button>
      {extra}
    </fieldset>
  );
}
