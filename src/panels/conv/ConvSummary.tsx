import { memo } from 'react';
import type { ConvConfig } from '../../state/types';
import { conv2dMacs, conv2dParams } from '../../engine/shapes';
import { CodeLine, SizeFormula } from '../../components/SizeFormula';
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
      <SizeFormula h={h} w={w} />
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
            {cfg.f}·{model.outH}·{model.outW} outputs × {cfg.c}·{cfg.k[0]}·{cfg.k[1]} ={' '}
            <strong>{formatCount(macs)}</strong>
          </dd>
        </div>
      </dl>
      <CodeLine code={code} />
    </section>
  );
});
