import { memo } from 'react';
import { rf } from '../../i18n/rf';
import { useT } from '../../i18n/useT';
import type { RfModel } from './model';
import { describeLayer, num } from './text';

/** The source of the published values (a title stays in its language). */
const PAPER = 'Computing Receptive Fields of Convolutional Neural Networks';

/**
 * The stack as a table: per layer its notation, kernel (and its span when dilated), stride, padding,
 * output size, receptive field, growth, jump and start, with the published values next to the
 * computed ones for AlexNet and VGG-16. The selected layer's row is marked; a layer's name selects
 * its centre cell.
 */
export const RfTable = memo(function RfTable({ model, at, onSelectLayer }: { model: RfModel; at: number; onSelectLayer: (at: number) => void }) {
  const t = useT(rf);
  const head = [t.thIndex, t.thLayer, t.thNotation, t.thK, t.thS, t.thP, t.thOutput, t.thField, t.thGrowth, t.thJump, t.thStart];
  const hasRef = model.rows.some((r) => r.reference !== null);
  const maxGrowth = Math.max(1, ...model.rows.map((r) => r.growth));
  return (
    <section className="stage-block rf-table-block" aria-labelledby="rf-table-title">
      <header>
        <h3 id="rf-table-title">{t.tableTitle}</h3>
      </header>
      <div className="rf-table-scroll" tabIndex={0} role="region" aria-label={t.tableScroll}>
        <table className="rf-table" data-testid="rf-table">
          <caption className="visually-hidden">{t.caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
              {hasRef && <th scope="col">{t.thReference}</th>}
            </tr>
          </thead>
          <tbody>
            <tr className="rf-input-row">
              <td>0</td>
              <th scope="row">{t.inputRow}</th>
              <td colSpan={4} />
              <td>
                {model.sides[0]}×{model.sides[0]}
              </td>
              <td>1</td>
              <td />
              <td>1</td>
              <td>0</td>
              {hasRef && <td />}
            </tr>
            {model.rows.map((r) => (
              <tr key={r.index} className={r.index === at ? 'rf-row-selected' : undefined} aria-current={r.index === at ? 'true' : undefined} data-testid={`rf-row-${r.index}`}>
                <td>{r.index}</td>
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => onSelectLayer(r.index)} title={t.selectCentre(r.name)}>
                    {r.name}
                  </button>
                </th>
                <td>
                  <code title={describeLayer(r.layer, t)}>{r.token}</code>
                </td>
                <td>
                  {r.layer.k}
                  {r.layer.d > 1 ? ` (${r.kEff})` : ''}
                </td>
                <td>{r.layer.s}</td>
                <td>{r.layer.p}</td>
                <td>
                  {r.outSize}×{r.outSize}
                </td>
                <td className="rf-r" data-testid={`rf-r-${r.index}`}>
                  <strong>{r.size}</strong>
                </td>
                <td className="rf-growth">
                  <span className="rf-growth-bar" style={{ width: `${(r.growth / maxGrowth) * 60}px` }} aria-hidden="true" />
                  +{r.growth} <span className="dim">= ({r.kEff} − 1)·{r.jumpBefore}</span>
                </td>
                <td>{r.jump}</td>
                <td>{num(r.start)}</td>
                {hasRef && (
                  <td
                    data-testid={`rf-ref-${r.index}`}
                    aria-label={
                      r.reference === null ? undefined : (r.reference === r.size ? t.refMatchLabel : t.refMismatchLabel)(String(r.reference))
                    }
                  >
                    {r.reference === null ? '' : (r.reference === r.size ? t.refMatch : t.refMismatch)(String(r.reference))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t.tableNote}</p>
      {hasRef && (
        <p className="hint">
          {t.refNoteBefore} <cite lang="en">“{PAPER}”</cite>
          {t.refNoteAfter}
        </p>
      )}
    </section>
  );
});
