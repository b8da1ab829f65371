import { memo } from 'react';
import { describeLayer } from '../../state/views/rf';
import type { RfModel } from './model';

const M = '\u2212';
const num = (n: number) => (n < 0 ? `${M}${-n}` : `${n}`);

const TEXT = {
  caption: 'Every layer: its output size, receptive field r, how much it grows, jump j (effective stride) and start u, all in input cells',
  head: ['#', 'Layer', 'Notation', 'k (span)', 's', 'p', 'Output', 'Field r', 'Growth (k − 1)·j', 'Jump j', 'Start u'],
  reference: 'Published r',
  input: 'input',
  select: (name: string) => `Select the centre cell of ${name}`,
  note:
    'Growth is what each layer adds to the field: (k − 1) times the jump of the layer before. After every downsampling the jump doubles, so each later layer adds more. Start u is where the field of cell 0 begins (negative: in the padding).',
  refNote:
    'Published values: AlexNet from Araujo, Norris & Sim, “Computing Receptive Fields of Convolutional Neural Networks”, Distill 2019; VGG-16 (212 at pool5, same source) and the standard per-layer tabulation.',
};

/**
 * The stack as a table: per layer its notation, kernel (and its span when dilated), stride, padding,
 * output size, receptive field, growth, jump and start, with the published values next to the
 * computed ones for AlexNet and VGG-16. The selected layer's row is marked; a layer's name selects
 * its centre cell.
 */
export const RfTable = memo(function RfTable({ model, at, onSelectLayer }: { model: RfModel; at: number; onSelectLayer: (at: number) => void }) {
  const hasRef = model.rows.some((r) => r.reference !== null);
  const maxGrowth = Math.max(1, ...model.rows.map((r) => r.growth));
  return (
    <section className="stage-block rf-table-block" aria-labelledby="rf-table-title">
      <header>
        <h3 id="rf-table-title">Layers</h3>
      </header>
      <div className="rf-table-scroll" tabIndex={0} role="region" aria-label="Layer table, scrollable">
        <table className="rf-table" data-testid="rf-table">
          <caption className="visually-hidden">{TEXT.caption}</caption>
          <thead>
            <tr>
              {TEXT.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
              {hasRef && <th scope="col">{TEXT.reference}</th>}
            </tr>
          </thead>
          <tbody>
            <tr className="rf-input-row">
              <td>0</td>
              <th scope="row">{TEXT.input}</th>
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
                  <button type="button" className="linkish" onClick={() => onSelectLayer(r.index)} title={TEXT.select(r.name)}>
                    {r.name}
                  </button>
                </th>
                <td>
                  <code title={describeLayer(r.layer)}>{r.token}</code>
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
                  <td data-testid={`rf-ref-${r.index}`}>
                    {r.reference === null ? '' : r.reference === r.size ? `${r.reference} ✓` : `${r.reference} ✗`}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{TEXT.note}</p>
      {hasRef && <p className="hint">{TEXT.refNote}</p>}
    </section>
  );
});
