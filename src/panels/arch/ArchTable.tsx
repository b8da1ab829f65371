import { memo } from 'react';
import { archTotals, type ArchLayer } from '../../state/views/arch';
import { formatCount } from '../../viz/format';

const TEXT = {
  title: 'Layer by layer',
  caption: 'Every layer of the network with its output shape, parameters, multiply–accumulates and activation volume',
  head: ['#', 'Layer', 'PyTorch module', 'Output shape', 'Parameters', 'Multiply–accumulates', 'Activations'],
  input: 'input',
  total: 'Total',
  convPart: 'of which convolutions',
  fcPart: 'of which fully connected',
  note:
    'Parameters: a convolution has F·C·k·k weights and F biases; a linear layer out·in weights and out biases. Multiply–accumulates count one per weight use (one image). Activations are the values each layer outputs.',
};

const shape = (s: readonly number[]) => s.map((n) => formatCount(n)).join('×');

/**
 * The network as a table: per layer its `nn.Sequential` index, name, PyTorch module, output shape,
 * parameters and multiply–accumulates (each with its count worked) and activation volume; then the
 * totals, with the convolutional and fully connected parts.
 */
export const ArchTable = memo(function ArchTable({ input, layers }: { input: number[]; layers: readonly ArchLayer[] }) {
  const t = archTotals(layers);
  return (
    <section className="stage-block arch-table-block" aria-labelledby="arch-table-title">
      <header>
        <h3 id="arch-table-title">{TEXT.title}</h3>
      </header>
      <div className="arch-table-scroll" tabIndex={0} role="region" aria-label="Layer table, scrollable">
        <table className="arch-table" data-testid="arch-table">
          <caption className="visually-hidden">{TEXT.caption}</caption>
          <thead>
            <tr>
              {TEXT.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="arch-input-row">
              <td />
              <th scope="row">{TEXT.input}</th>
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
                      <span className="dim">{l.paramsText} =</span> {formatCount(l.params)}
                    </>
                  ) : (
                    <span className="dim">0</span>
                  )}
                </td>
                <td data-testid={`macs-${l.name}`}>
                  {l.macs ? (
                    <>
                      <span className="dim">{l.macsText} =</span> {formatCount(l.macs)}
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
              <th scope="row">{TEXT.total}</th>
              <td />
              <td />
              <td data-testid="params-total">
                <strong>{formatCount(t.params)}</strong>
              </td>
              <td data-testid="macs-total">
                <strong>{formatCount(t.macs)}</strong>
              </td>
              <td data-testid="activations-total">
                <strong>{formatCount(t.activations)}</strong>
              </td>
            </tr>
            <tr className="dim">
              <td />
              <th scope="row">{TEXT.convPart}</th>
              <td />
              <td />
              <td data-testid="params-conv">{formatCount(t.convParams)}</td>
              <td />
              <td />
            </tr>
            <tr className="dim">
              <td />
              <th scope="row">{TEXT.fcPart}</th>
              <td />
              <td />
              <td data-testid="params-fc">{formatCount(t.fcParams)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">{TEXT.note}</p>
    </section>
  );
});
