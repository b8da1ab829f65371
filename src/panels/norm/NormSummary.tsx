import { memo } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { common } from '../../i18n/common';
import { norm, type NormText } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import {
  NORM_KINDS,
  groupCountOf,
  groupSizeOf,
  type NormConfig,
  type NormKindName,
} from '../../state/views/norm';
import { formatCount } from '../../viz/format';
import { coincidences, countFormula, pytorchLine, shapeTable } from './model';

/** Test ids of the rows of the table of shapes. */
const ROW_IDS: Record<string, string> = { 'x, y': 'x', 'μ, σ': 'stats', 'γ, β': 'affine' };

const kindTitles = (t: NormText): Record<NormKindName, string> => ({
  batch: t.kindBatch,
  layer: t.kindLayer,
  instance: t.kindInstance,
  group: t.kindGroup,
});

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
  const t = useT(norm);
  const tc = useT(common);
  const rows = shapeTable(cfg);
  const code = pytorchLine(cfg, t);
  const notes = coincidences(cfg, t);
  const titles = kindTitles(t);
  const kinds = cfg.layout === 'nd' ? NORM_KINDS.filter((k) => k === 'batch' || k === 'layer') : NORM_KINDS;
  return (
    <section className="summary norm-summary" aria-label={t.shapesLabel} data-testid="summary">
      {/* Focusable, so that a table wider than the screen scrolls from the keyboard too. */}
      <div className="shape-table-wrap" tabIndex={0} role="region" aria-label={t.shapesCaption}>
        <table className="shape-table" data-testid="shape-table">
          <caption className="visually-hidden">{t.shapesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t.tensorHead}</span>
              </th>
              {kinds.map((k) => (
                <th
                  key={k}
                  scope="col"
                  className={k === cfg.kind ? 'current' : undefined}
                  data-testid={`col-${k}`}
                >
                  {titles[k]} {k === cfg.kind && <span className="chosen-mark">{t.chosen}</span>}
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
              <th scope="row">{t.rowGroups}</th>
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
              <th scope="row">{t.rowM}</th>
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
          <span className="math">y = γ · (x − μ) / √(σ² + ε) + β</span>{' '}
          <span className="dim">· {t.overEachGroup(formatCount(groupSizeOf(cfg)))}</span>
        </p>
        <div className="code-line">
          <code data-testid="pytorch">{code.code}</code>
          <CopyButton text={code.code} label={tc.copyPytorch} />
        </div>
        {code.note && <p className="hint">{code.note}</p>}
        {notes.map((n) => (
          <p key={n.text} className="coincidence" role="note" data-testid="coincidence">
            {n.text}
            {n.code && (
              <>
                {' '}
                <code>{n.code}</code>
              </>
            )}
          </p>
        ))}
      </div>
    </section>
  );
});
