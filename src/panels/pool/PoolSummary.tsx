import { memo } from 'react';
import { conv2dParams } from '../../engine/shapes';
import { CodeLine, SizeFormula } from '../../components/SizeFormula';
import { formatCount } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { pool } from '../../i18n/pool';
import type { PoolConfig } from '../../state/views/pool';
import { poolAxisFormula, poolPytorchLine } from './formula';
import type { PoolModel } from './model';

/**
 * The pooling layer at a glance: shapes in and out (the channels stay, each map shrinks), the
 * output-size formula with the numbers substituted (floor or ceil mode), the parameter count — zero —
 * next to what a convolution over the same window would learn, and the PyTorch line.
 */
export const PoolSummary = memo(function PoolSummary({ cfg, model }: { cfg: PoolConfig; model: PoolModel }) {
  const t = useT(pool);
  const ceil = cfg.ceil === 'true';
  const h = poolAxisFormula(model.rows, 'H', ceil, t);
  const w = poolAxisFormula(model.cols, 'W', ceil, t);
  const code = poolPytorchLine(cfg);
  const convParams = conv2dParams(cfg.c, cfg.c, cfg.k);
  const c = formatCount(cfg.c);
  return (
    <section className="summary" aria-label={t.summary} data-testid="summary">
      <p className="shapes">
        <span data-testid="shapes">
          <span title={t.shapeIn}>
            [{cfg.c}×{cfg.h}×{cfg.w}]
          </span>{' '}
          → {cfg.kind === 'max' ? t.shapeMax : t.shapeAvg} {cfg.k[0]}×{cfg.k[1]} →{' '}
          <strong data-testid="out-shape" title={t.shapeOut}>
            [{cfg.c}×{model.outH}×{model.outW}]
          </strong>
        </span>{' '}
        <span className="pool-channels dim" data-testid="channels-note">
          {cfg.c === 1 ? t.oneChannel : t.eachChannel(c)}
        </span>
      </p>
      <SizeFormula h={h} w={w} />
      <dl className="counts">
        <div>
          <dt>{t.learnable}</dt>
          <dd data-testid="params">
            <strong>0</strong> {cfg.kind === 'max' ? t.ruleMax : t.ruleAvg}
          </dd>
        </div>
        <div>
          <dt>{t.convSame(c)}</dt>
          <dd data-testid="conv-params">
            {cfg.c}·{cfg.c}·{cfg.k[0]}·{cfg.k[1]} + {cfg.c} = <strong>{formatCount(convParams)}</strong>
          </dd>
        </div>
      </dl>
      <CodeLine code={code} />
    </section>
  );
});
