import { memo } from 'react';
import { archTotals, type ArchLayer } from '../../state/views/arch';
import { formatCount } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { arch } from '../../i18n/arch';
import { macsText } from './text';

const shape = (s: readonly number[]) => s.map((n) => formatCount(n)).join('×');

/**
 * The network as a table: per layer its `nn.Sequential` index, name, PyTorch module, output shape,
 * parameters and multiply–accumulates (each with its count worked) and activation volume; then the
 * totals, with the convolutional and fully connected parts. Headers, PyTorch modules and worked counts
 * may wrap (a worked count before its " = ", never inside it), so the table fits a 1280-pixel window.
 */
export const ArchTable = memo(function ArchTable({ input, layers }: { input: number[]; layers: readonly ArchLayer[] }) {
  const t = useT(arch);
  const totals = archTotals(layers);
  const head = ['#', t.colLayer, t.colModule, t.colShape, t.colParams, t.colMacs, t.colActs];
  return (
    <section className="stage-block arch-table-block" aria-labelledby="arch-table-title">
      <header>
        <h3 id="arch-table-title">{t.tableTitle}</h3>
      </header>
      <div className="arch-table-scroll" tabIndex={0} role="region" aria-label={t.tableRegion}>
        <table className="arch-table" data-testid="arch-table">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="arch-input-row">
              <td />
              <th scope="row">{t.inputName}</th>
              <td />
              <td data-testid="shape-input">{shape(input)}</td>
              <td />
              <td />
              <td>{formatCount(input.reduce((a, b) => a * b, 1))}</td>
            </tr>
            {layers.map((l) => (
              <tr key={l.index} className={`arch-row-${l.kind}`} data-testid={`row-${l.name}`}>
                <td>{l.index}</td>
                <th scope="row">{l.name}</th>
                <td>
                  <code>{l.torch}</code>
                </td>
                <td data-testid={`shape-${l.name}`}>{shape(l.outShape)}</td>
                <td data-testid={`params-${l.name}`}>
                  {l.params ? (
                    <>
                      <span className="dim arch-work">{l.paramsText} =</span> <span className="arch-count">{formatCount(l.params)}</span>
                    </>
                  ) : (
                    <span className="dim">0</span>
                  )}
                </td>
                <td data-testid={`macs-${l.name}`}>
                  {l.macs ? (
                    <>
                      <span className="dim arch-work">{macsText(l, t)} =</span> <span className="arch-count">{formatCount(l.macs)}</span>
                    </>
                  ) : (
                    <span className="dim">0</span>
                  )}
                </td>
                <td>{formatCount(l.activations)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row" colSpan={3}>
                {t.total}
              </th>
              <td data-testid="params-total">
                <strong>{formatCount(totals.params)}</strong>
              </td>
              <td data-testid="macs-total">
                <strong>{formatCount(totals.macs)}</strong>
              </td>
              <td data-testid="activations-total">
                <strong>{formatCount(totals.activations)}</strong>
              </td>
            </tr>
            <tr className="dim">
              <td />
              <th scope="row" colSpan={3}>
                {t.convPart}
              </th>
              <td data-testid="params-conv">{formatCount(totals.convParams)}</td>
              <td />
              <td />
            </tr>
            <tr className="dim">
              <td />
              <th scope="row" colSpan={3}>
                {t.fcPart}
              </th>
              <td data-testid="params-fc">{formatCount(totals.fcParams)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">{t.tableNote}</p>
    </section>
  );
});
