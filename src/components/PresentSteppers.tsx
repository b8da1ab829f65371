import { memo } from 'react';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';

/** One setting of the bar: its name and value, and what − and + do. */
export interface Stepper {
  /** Names the test ids: `present-<id>`, `present-<id>-less`, `present-<id>-more`. */
  id: string;
  name: string;
  value: string;
  less: () => void;
  more: () => void;
  atMin: boolean;
  atMax: boolean;
}

/**
 * Presenting hides a view's settings, yet a lecture changes a few of them as it goes ("set the padding
 * to 0, then to 2"; "add a block"): this bar gives those a − and a + each, large enough for a lecture
 * hall. The view passes its own actions, so an impossible change is refused with the view's message,
 * shown under the bar (`refusal`).
 */
export const PresentSteppers = memo(function PresentSteppers({
  label,
  items,
  refusal,
}: {
  label: string;
  items: readonly Stepper[];
  refusal: string | null;
}) {
  const tc = useT(common);
  return (
    <div className="present-steppers" role="group" aria-label={label} data-testid="present-steppers">
      <div className="present-steppers-items">
        {items.map((it) => (
          <div key={it.id} className="present-stepper" role="group" aria-label={it.name}>
            <span className="present-stepper-name">{it.name}</span>
            <button type="button" onClick={it.less} disabled={it.atMin} aria-label={tc.decrease(it.name)} data-testid={`present-${it.id}-less`}>
              −
            </button>
            <output className="present-stepper-value" data-testid={`present-${it.id}`}>
              {it.value}
            </output>
            <button type="button" onClick={it.more} disabled={it.atMax} aria-label={tc.increase(it.name)} data-testid={`present-${it.id}-more`}>
              +
            </button>
          </div>
        ))}
      </div>
      {refusal !== null && (
        <p className="rejection" role="alert" data-testid="present-rejection">
          {refusal}
        </p>
      )}
    </div>
  );
});
