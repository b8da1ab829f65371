import { memo } from 'react';
import type { ConvConfig } from '../../state/types';
import { conv2dMacs, conv2dParams } from '../../engine/shapes';
import { CopyButton } from '../../components/CopyButton';
import { formatCount } from '../../viz/format';
import { axisFormula, pytorchLine } from './formula';
import type { ConvModel } from './model';

/**
 * The layer at a glance: shapes in and out, the output-size formula with this configuration's numbers
 * substituted (and what the floor drops), the parameter and multiply–accumulate counts, and the
 * PyTorch line that builds the same layer.
 */
export const ConvSummary = memo(function ConvSummary({ cfg, model }: { cfg: ConvConfig; model: ConvModel }) {
  const h = axisFormula(model.rows, 'H');
  const w = axisFormula(model.cols, 'W');
  const params = conv2dParams(cfg.c, cfg.f, cfg.k);
  const macs = conv2dMacs(cfg.c, cfg.f, cfg.k, model.outH, model.outW);
  const code = pytorchLine(cfg);
  const same = h.worked === w.worked;
  return (
    <section className="summary" aria-label="Layer summary" data-testid="summary">
      <p className="shapes" data-testid="shapes">
        <span title="input: channels × height × width">
          [{cfg.c}×{cfg.h}×{cfg.w}]
        </span>{' '}
        ⊛{' '}
        <span title="weights: filters × channels × kernel height × kernel width">
          [{cfg.f}×{cfg.c}×{cfg.k[0]}×{cfg.k[1]}]
        </span>{' '}
        →{' '}
        <strong data-testid="out-shape" title="output: filters × height × width">
          [{cfg.f}×{model.outH}×{model.outW}]
        </strong>
      </p>
      <div className="formula" data-testid="formula">
        {same ? (
          <p>
            <span className="formula-symbolic">H′ = W′ = {h.symbolic}</span>
            <br />= {h.worked}
          </p>
        ) : (
          <>
            <p>
              <span className="formula-symbolic">H′ = {h.symbolic}</span> = {h.worked}
            </p>
            <p>
              <span className="formula-symbolic">W′ = {w.symbolic}</span> = {w.worked}
            </p>
          </>
        )}
        {[h.note, same ? null : w.note].filter(Boolean).map((n) => (
          <p className="note" key={n}>
            {n}
          </p>
        ))}
      </div>
      <dl className="counts">
        <div>
          <dt>Parameters</dt>
          <dd data-testid="params">
            {cfg.f}·{cfg.c}·{cfg.k[0]}·{cfg.k[1]} + {cfg.f} = <strong>{formatCount(params)}</strong>
          </dd>
        </div>
        <div>
          <dt>Multiply–accumulates</dt>
          <dd data-testid="macs">
            {cfg.f}·{model.outH}·{model.outW} outputs × {cfg.c}·{cfg.k[0]}·{cfg.k[1]} = <strong>{formatCount(macs)}</strong>
          </dd>
        </div>
      </dl>
      <div className="code-line">
        <code data-testid="pytorch">{code}</code>
        <CopyButton text={code} label="Copy PyTorch" />
      </div>
    </section>
  );
});
