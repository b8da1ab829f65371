import { memo } from 'react';
import { conv2dParams } from '../../engine/shapes';
import { CodeLine, SizeFormula } from '../../components/SizeFormula';
import { formatCount } from '../../viz/format';
import type { PoolConfig } from '../../state/views/pool';
import { poolAxisFormula, poolPytorchLine } from './formula';
import type { PoolModel } from './model';

/**
 * The pooling layer at a glance: shapes in and out (the channels stay, each map shrinks), the
 * output-size formula with the numbers substituted (floor or ceil mode), the parameter count — zero —
 * next to what a convolution over the same window would learn, and the PyTorch line.
 */
export const PoolSummary = memo(function PoolSummary({ cfg, model }: { cfg: PoolConfig; model: PoolModel }) {
  const ceil = cfg.ceil === 'true';
  const h = poolAxisFormula(model.rows, 'H', ceil);
  const w = poolAxisFormula(model.cols, 'W', ceil);
  const code = poolPytorchLine(cfg);
  const convParams = conv2dParams(cfg.c, cfg.c, cfg.k);
  const name = cfg.kind === 'max' ? 'max' : 'average';
  return (
    <section className="summary" aria-label="Layer summary" data-testid="summary">
      <p className="shapes">
        <span data-testid="shapes">
          <span title="input: channels × height × width">
            [{cfg.c}×{cfg.h}×{cfg.w}]
          </span>{' '}
          → {name} pool {cfg.k[0]}×{cfg.k[1]} →{' '}
          <strong data-testid="out-shape" title="output: channels × height × width">
            [{cfg.c}×{model.outH}×{model.outW}]
          </strong>
        </span>{' '}
        <span className="pool-channels dim" data-testid="channels-note">
          {cfg.c === 1
            ? 'one channel, pooled on its own'
            : `each of the ${cfg.c} channels pooled on its own: ${cfg.c} in, ${cfg.c} out`}
        </span>
      </p>
      <SizeFormula h={h} w={w} />
      <dl className="counts">
        <div>
          <dt>Learnable parameters</dt>
          <dd data-testid="params">
            <strong>0</strong> (a fixed rule: {cfg.kind === 'max' ? 'take the maximum' : 'take the mean'})
          </dd>
        </div>
        <div>
          <dt>
            A Conv2d({cfg.c}, {cfg.c}) over the same window
          </dt>
          <dd data-testid="conv-params">
            {cfg.c}·{cfg.c}·{cfg.k[0]}·{cfg.k[1]} + {cfg.c} = <strong>{formatCount(convParams)}</strong>
          </dd>
        </div>
      </dl>
      <CodeLine code={code} />
    </section>
  );
});
