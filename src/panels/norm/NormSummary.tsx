import { memo } from 'react';
import { CopyButton } from '../../components/CopyButton';
import {
  NORM_KINDS,
  groupCountOf,
  groupSizeOf,
  type NormConfig,
  type NormKindName,
} from '../../state/views/norm';
import { coincidences, countFormula, pytorchLine, shapeTable } from './model';

/** Test ids of the rows of the table of shapes. */
const ROW_IDS: Record<string, string> = { 'x, y': 'x', 'μ, σ': 'stats', 'γ, β': 'affine' };

const KIND_TITLES: Record<NormKindName, string> = {
  batch: 'batch',
  layer: 'layer',
  instance: 'instance',
  group: 'group',
};

/** How many groups each normalization has, in symbols and numbers. */
function groupsText(cfg: Readonly<NormConfig>, kind: NormKindName): string | null {
  const nd = cfg.layout === 'nd';
  if (nd && (kind === 'instance' || kind === 'group')) return null;
  const at = { ...cfg, kind, g: kind === 'group' ? cfg.g : 1 };
  const count = groupCountOf(at);
  switch (kind) {
    case 'batch':
      return `${nd ? 'D' : 'C'} = ${count}`;
    case 'layer':
      return `N = ${count}`;
    case 'instance':
      return `N·C = ${count}`;
    case 'group':
      return cfg.kind === 'group' ? `N·G = ${count}` : 'N·G';
  }
}

/** Values per group m for each normalization. */
function sizeText(cfg: Readonly<NormConfig>, kind: NormKindName): string | null {
  const nd = cfg.layout === 'nd';
  if (nd && (kind === 'instance' || kind === 'group')) return null;
  if (kind === 'group' && cfg.kind !== 'group') return '(C/G)·H·W';
  return countFormula({ ...cfg, kind });
}

/**
 * The normalization at a glance: the table of shapes (x, μ and σ, γ and β, groups, values per group)
 * for all four normalizations with the chosen one highlighted and marked, the PyTorch module, and a
 * note when the choice coincides with another normalization.
 */
export const NormSummary = memo(function NormSummary({ cfg }: { cfg: NormConfig }) {
  const rows = shapeTable(cfg);
  const code = pytorchLine(cfg);
  const notes = coincidences(cfg);
  const kinds = cfg.layout === 'nd' ? NORM_KINDS.filter((k) => k === 'batch' || k === 'layer') : NORM_KINDS;
  return (
    <section className="summary norm-summary" aria-label="Shapes of the normalization" data-testid="summary">
      <div className="shape-table-wrap">
        <table className="shape-table" data-testid="shape-table">
          <caption className="visually-hidden">
            Shapes for each normalization; the chosen one is marked
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">tensor</span>
              </th>
              {kinds.map((k) => (
                <th
                  key={k}
                  scope="col"
                  className={k === cfg.kind ? 'current' : undefined}
                  data-testid={`col-${k}`}
                >
                  {KIND_TITLES[k]} {k === cfg.kind && <span className="chosen-mark">✓ chosen</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {kinds.map((k) => (
                  <td
                    key={k}
                    className={k === cfg.kind ? 'current' : undefined}
                    data-testid={k === cfg.kind ? `shape-${ROW_IDS[r.name] ?? 'row'}` : undefined}
                  >
                    {r.shapes[k] ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">groups</th>
              {kinds.map((k) => (
                <td
                  key={k}
                  className={k === cfg.kind ? 'current' : undefined}
                  data-testid={k === cfg.kind ? 'shape-groups' : undefined}
                >
                  {groupsText(cfg, k) ?? '—'}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">m per group</th>
              {kinds.map((k) => (
                <td
                  key={k}
                  className={k === cfg.kind ? 'current' : undefined}
                  data-testid={k === cfg.kind ? 'shape-m' : undefined}
                >
                  {sizeText(cfg, k) ?? '—'}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div className="norm-summary-side">
        <p className="norm-formula">
          y = γ · (x − μ) / √(σ² + ε) + β{' '}
          <span className="dim">· μ, σ² over each group of {groupSizeOf(cfg)} values</span>
        </p>
        <div className="code-line">
          <code data-testid="pytorch">{code.code}</code>
          <CopyButton text={code.code} label="Copy PyTorch" />
        </div>
        {code.note && <p className="hint">{code.note}</p>}
        {notes.map((n) => (
          <p key={n} className="coincidence" role="note" data-testid="coincidence">
            {n}
          </p>
        ))}
      </div>
    </section>
  );
});
