import { memo } from 'react';
import type { RfSummaryText } from './text';

/**
 * The selected cell's receptive field in words and numbers: its size, where it lies in the input
 * (and whether the outline is exact, reaches into the padding, or is only a bounding box), the
 * formula with the numbers substituted (1 + L·(K − 1) when it applies, the general sum otherwise),
 * the recurrence step of the selected layer, and its jump and start. The sentences come from
 * `summaryText` in the page's language.
 */
export const RfSummary = memo(function RfSummary({ text, label }: { text: RfSummaryText; label: string }) {
  return (
    <section className="summary rf-summary" aria-label={label} data-testid="rf-summary">
      <div className="rf-headline">
        <h3 data-testid="rf-selected">{text.heading}</h3>
        <p className="rf-size" data-testid="rf-size">
          {text.size}
        </p>
        <p data-testid="rf-region">{text.where}</p>
        <p className="hint" data-testid="rf-detail">
          {text.detail}
        </p>
      </div>
      <div className="formula rf-formula">
        <p className="note-plain">{text.why}</p>
        <p className="rf-math" data-testid="rf-formula">
          {text.formula}
        </p>
        <p className="note-plain">{text.recurrenceIntro}</p>
        <p className="rf-math" data-testid="rf-recurrence">
          {text.recurrence}
        </p>
        <p className="note-plain" data-testid="rf-jump">
          {text.jumpStart}
        </p>
      </div>
    </section>
  );
});
