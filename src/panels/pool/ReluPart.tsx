import { memo, useCallback, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { CopyButton } from '../../components/CopyButton';
import { formatValue } from '../../viz/format';
import type { PoolConfig } from '../../state/views/pool';
import { poolPytorchLine } from './formula';
import { zeroedSentence, type ReluModel } from './relu';
import { channelName } from './PoolMaps';

/** UI strings of the ReLU part, in one place. */
const TEXT = {
  title: 'Activation: ReLU after a convolution',
  intro:
    'A convolution’s output is signed. ReLU(x) = max(0, x) keeps every positive value and sets every negative one to 0; it has no parameters either.',
  filter: 'Filter',
  before: 'Convolution output',
  after: 'After ReLU',
  relu: 'ReLU',
  legend: 'Dashed outline: was negative, now 0.',
  strip: 'The lecture’s block: Conv → ReLU → Pool',
  conv: 'Conv',
  pool: 'Pool',
};

interface ReluPartProps {
  cfg: PoolConfig;
  relu: ReluModel;
  image: boolean;
  width: number;
}

const cellFor = (budget: number, h: number, w: number, max = 40) => {
  const c = Math.min(max, budget / Math.max(h, w));
  return c >= 22 ? Math.floor(c) : Math.max(1.5, c);
};

/**
 * The ReLU part of the pooling view: a 3×3 convolution of the input gives a signed map; ReLU sets its
 * negative cells to 0 (outlined, and counted); then the three maps of the lecture's [Conv, ReLU, Pool]
 * block side by side, with the PyTorch code that builds it.
 */
export const ReluPart = memo(function ReluPart({ cfg, relu, image, width }: ReluPartProps) {
  const [, , H, W] = relu.before.shape as [number, number, number, number];
  const [, , PH, PW] = relu.pooled.shape as [number, number, number, number];
  const [hover, setHover] = useState<[number, number] | null>(null);
  const cell = cellFor(Math.min(360, (width - 120) / 2), H, W, 44);
  const outline = cell >= 10;
  const marks = useMemo<Overlay[]>(() => {
    if (!outline) return [];
    const out: Overlay[] = [];
    for (let i = 0; i < relu.negative.length; i++)
      if (relu.negative[i]) out.push({ r: Math.floor(i / W), c: i % W, h: 1, w: 1, kind: 'feed' });
    return out;
  }, [relu, W, outline]);
  const overlays = useMemo<Overlay[]>(
    () => (hover ? [...marks, { r: hover[0], c: hover[1], h: 1, w: 1, kind: 'focus' }] : marks),
    [marks, hover],
  );
  const onCell = useCallback((r: number, c: number) => setHover([r, c]), []);
  const onLeave = useCallback(() => setHover(null), []);
  const describe = useCallback((r: number, c: number) => `row ${r}, column ${c}`, []);
  const C = cfg.c;
  const per = 9;
  const filters = useMemo(
    () => Array.from({ length: C }, (_, c) => relu.weight.data.subarray(c * per, (c + 1) * per)),
    [relu, C],
  );
  const filterCell = 24;
  const stripCell = cellFor(Math.min(200, (width - 160) / 3), H, W, 28);
  const code = `nn.Sequential(nn.Conv2d(${C}, 1, kernel_size=3, padding=1, bias=False), nn.ReLU(), ${poolPytorchLine(cfg)})`;
  const focused = hover ? relu.before.data[hover[0] * W + hover[1]]! : null;
  const sentence = zeroedSentence(relu.negatives, relu.cells);

  return (
    <div className="pool-relu" data-testid="relu-part">
      <section className="stage-block" aria-labelledby="relu-title">
        <header>
          <h3 id="relu-title">{TEXT.title}</h3>
          <ColorLegend maxAbs={relu.maxAbs} label="Convolution output values" />
        </header>
        <p className="hint">{TEXT.intro}</p>
        <div className="pool-relu-row">
          <div className="map">
            <h4>
              {TEXT.filter} <span className="dim">1×{C}×3×3</span>
            </h4>
            <div className="pool-filter-grids">
              {filters.map((values, c) => (
                <div key={c}>
                  <h5>{channelName(c, C, image)}</h5>
                  <Grid
                    rows={3}
                    cols={3}
                    values={values}
                    maxAbs={relu.weightMax}
                    cell={filterCell}
                    label={`Filter weights on ${channelName(c, C, image)}, 3 by 3`}
                    testId={`relu-weight-${c}`}
                    describe={describe}
                  />
                </div>
              ))}
            </div>
          </div>
          <span className="pool-arrow" aria-hidden="true">
            ⊛ →
          </span>
          <div className="map">
            <h4>
              {TEXT.before}{' '}
              <span className="dim">
                1×{H}×{W}
              </span>
            </h4>
            <Grid
              rows={H}
              cols={W}
              values={relu.before.data}
              maxAbs={relu.maxAbs}
              cell={cell}
              overlays={overlays}
              label={`Convolution output before ReLU, ${H} by ${W}; ${relu.negatives} cells are negative`}
              testId="relu-before"
              describe={describe}
              onFocusCell={onCell}
              onBlurCell={onLeave}
            />
          </div>
          <span className="pool-arrow" aria-hidden="true">
            {TEXT.relu} →
          </span>
          <div className="map">
            <h4>
              {TEXT.after}{' '}
              <span className="dim">
                1×{H}×{W}
              </span>
            </h4>
            <Grid
              rows={H}
              cols={W}
              values={relu.after.data}
              maxAbs={relu.maxAbs}
              cell={cell}
              overlays={overlays}
              label={`After ReLU, ${H} by ${W}; ${relu.negatives} cells became 0`}
              testId="relu-after"
              describe={describe}
              onFocusCell={onCell}
              onBlurCell={onLeave}
            />
          </div>
        </div>
        <p className="pool-relu-count" data-testid="relu-count">
          <strong>{sentence}</strong>{' '}
          {relu.negatives > 0 && outline && <span className="dim">{TEXT.legend}</span>}
        </p>
        <p className="focus-line" aria-live="polite" data-testid="relu-focus">
          {hover && focused !== null
            ? `Row ${hover[0]}, column ${hover[1]}: ReLU(${formatValue(focused)}) = max(0, ${formatValue(focused)}) = ${formatValue(Math.max(0, focused))}${focused < 0 ? ' (was negative)' : ''}`
            : 'Hover a cell (or select it with the arrow keys) to see ReLU applied to it.'}
        </p>
      </section>
      <section className="stage-block" aria-labelledby="strip-title">
        <header>
          <h3 id="strip-title">{TEXT.strip}</h3>
        </header>
        <div className="pool-strip" data-testid="relu-strip">
          {[
            { name: TEXT.conv, t: relu.before.data, h: H, w: W, id: 'strip-conv' },
            { name: TEXT.relu, t: relu.after.data, h: H, w: W, id: 'strip-relu' },
            { name: TEXT.pool, t: relu.pooled.data, h: PH, w: PW, id: 'strip-pool' },
          ].map((m, i) => (
            <div className="pool-strip-item" key={m.id}>
              {i > 0 && (
                <span className="pool-arrow" aria-hidden="true">
                  →
                </span>
              )}
              <div className="map">
                <h4>
                  {m.name}{' '}
                  <span className="dim">
                    1×{m.h}×{m.w}
                  </span>
                </h4>
                <Grid
                  rows={m.h}
                  cols={m.w}
                  values={m.t}
                  maxAbs={relu.maxAbs}
                  cell={stripCell}
                  label={`${m.name}: 1 by ${m.h} by ${m.w}`}
                  testId={m.id}
                  describe={describe}
                />
              </div>
            </div>
          ))}
        </div>
        <div className="code-line">
          <code data-testid="relu-pytorch">{code}</code>
          <CopyButton text={code} label="Copy PyTorch" />
        </div>
      </section>
    </div>
  );
});
