import { memo } from 'react';
import type { ConvConfig } from '../../state/types';
import { conv2dMacs, conv2dParams } from '../../engine/shapes';
import { CodeLine, SizeFormula } from '../../components/SizeFormula';
import { formatCount } from '../../viz/format';
import { axisFormula, pytorchLine } from './formula';
import type { ConvModel } from './model';
import type { ConvT } from '../../i18n/conv';

/**
 * The layer at a glance: shapes in and out, the output-size formula with this configuration's numbers
 * substituted (and what the floor drops), the parameter and multiply–accumulate counts, and the
 * PyTorch line that builds the same layer.
 */
export const ConvSummary = memo(function ConvSummary({ cfg, model, t }: { cfg: ConvConfig; model: ConvModel; t: ConvT }) {
  const h = axisFormula(model.rows, 'H', t);
  const w = axisFormula(model.cols, 'W', t);
  const params = conv2dParams(cfg.c, cfg.f, cfg.k);
  const macs = conv2dMacs(cfg.c, cfg.f, cfg.k, model.outH, model.outW);
  const code = pytorchLine(cfg);
  return (
    <section className="summary" aria-label={t.summaryLabel} data-testid="summary">
      <p className="shapes" data-testid="shapes">
        <span title={t.inputShapeTitle}>
          [{cfg.c}×{cfg.h}×{cfg.w}]
        </span>{' '}
        ⊛{' '}
        <span title={t.weightShapeTitle}>
          [{cfg.f}×{cfg.c}×{cfg.k[0]}×{cfg.k[1]}]
        </span>{' '}
        →{' '}
        <strong data-testid="out-shape" title={t.outputShapeTitle}>
          [{cfg.f}×{model.outH}×{model.outW}]
        </strong>
      </p>
      <SizeFormula h={h} w={w} />
      <dl className="counts">
        <div>
          <dt>{t.parameters}</dt>
          <dd data-testid="params">
            {cfg.f}·{cfg.c}·{cfg.k[0]}·{cfg.k[1]} + {cfg.f} = <strong>{formatCount(params)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t.macs}</dt>
          <dd data-testid="macs">
            {cfg.f}·{model.outH}·{model.outW} {t.outputsWord} × {cfg.c}·{cfg.k[0]}·{cfg.k[1]} ={' '}
            <strong>{formatCount(macs)}</strong>
          </dd>
        </div>
      </dl>
      <CodeLine code={code} />
    </section>
  );
});
