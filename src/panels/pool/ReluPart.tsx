import { memo, useCallback, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { CopyButton } from '../../components/CopyButton';
import { formatCount as num, formatValue } from '../../viz/format';
import type { PoolConfig } from '../../state/views/pool';
import { useT } from '../../i18n/useT';
import { pool } from '../../i18n/pool';
import { common } from '../../i18n/common';
import { poolPytorchLine } from './formula';
import { zeroedSentence, type ReluModel } from './relu';
import { channelName, hasDecimals, numberSize } from './PoolMaps';

interface ReluPartProps {
  cfg: PoolConfig;
  relu: ReluModel;
  image: boolean;
  width: number;
  /** Presentation mode: larger cells, to read from the back of a hall. */
  present: boolean;
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
export const ReluPart = memo(function ReluPart({ cfg, relu, image, width, present }: ReluPartProps) {
  const t = useT(pool);
  const tc = useT(common);
  const [, , H, W] = relu.before.shape as [number, number, number, number];
  const [, , PH, PW] = relu.pooled.shape as [number, number, number, number];
  const [hover, setHover] = useState<[number, number] | null>(null);
  const cell = present
    ? cellFor(Math.min(560, (width - 160) / 2), H, W, 80)
    : cellFor(Math.min(360, (width - 120) / 2), H, W, 44);
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
  const describe = useCallback((r: number, c: number) => t.cellAt(num(r), num(c)), [t]);
  const C = cfg.c;
  const per = 9;
  const filters = useMemo(
    () => Array.from({ length: C }, (_, c) => relu.weight.data.subarray(c * per, (c + 1) * per)),
    [relu, C],
  );
  // Decimal weights such as −0.77 need wider cells than whole ones to stay inside them.
  const weightDecimals = useMemo(() => hasDecimals(relu.weight.data), [relu]);
  const filterCell = present ? 44 : weightDecimals ? 34 : 24;
  const stripCell = present
    ? cellFor(Math.min(320, (width - 200) / 3), H, W, 48)
    : cellFor(Math.min(200, (width - 160) / 3), H, W, 28);
  const code = `nn.Sequential(nn.Conv2d(${C}, 1, kernel_size=3, padding=1, bias=False), nn.ReLU(), ${poolPytorchLine(cfg)})`;
  // A cell selected before the size changed may be gone: then nothing is focused.
  const focused = hover && hover[0] < H && hover[1] < W ? relu.before.data[hover[0] * W + hover[1]]! : null;
  const sentence = zeroedSentence(relu.negatives, relu.cells, t);
  const negatives = num(relu.negatives);
  const decimals = useMemo(() => hasDecimals(relu.before.data), [relu]);
  const font = numberSize(cell, present, decimals);
  const filterFont = numberSize(filterCell, present, weightDecimals);

  return (
    <div className="pool-relu" data-testid="relu-part">
      <section className="stage-block" aria-labelledby="relu-title">
        <header>
          <h3 id="relu-title">{t.reluTitle}</h3>
          <ColorLegend maxAbs={relu.maxAbs} label={t.reluLegend} width={present ? 240 : 160} />
        </header>
        <p className="hint">{t.reluIntro}</p>
        <div className="pool-relu-row">
          <div className="map">
            <h4>
              {t.filter} <span className="dim">1×{C}×3×3</span>
            </h4>
            <div className="pool-filter-grids">
              {filters.map((values, c) => (
                <div key={c}>
                  <h5>{channelName(c, C, image, t)}</h5>
                  <Grid
                    rows={3}
                    cols={3}
                    values={values}
                    maxAbs={relu.weightMax}
                    cell={filterCell}
                    fontSize={filterFont}
                    label={t.filterLabel(channelName(c, C, image, t))}
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
              {t.convOutput}{' '}
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
              fontSize={font}
              overlays={overlays}
              label={t.beforeLabel(num(H), num(W), negatives)}
              testId="relu-before"
              describe={describe}
              onFocusCell={onCell}
              onBlurCell={onLeave}
            />
          </div>
          <span className="pool-arrow" aria-hidden="true">
            {t.relu} →
          </span>
          <div className="map">
            <h4>
              {t.afterRelu}{' '}
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
              fontSize={font}
              overlays={overlays}
              label={t.afterLabel(num(H), num(W), negatives)}
              testId="relu-after"
              describe={describe}
              onFocusCell={onCell}
              onBlurCell={onLeave}
            />
          </div>
        </div>
        <p className="pool-relu-count" data-testid="relu-count">
          <strong>{sentence}</strong>{' '}
          {relu.negatives > 0 && outline && <span className="dim">{t.negativeMark}</span>}
        </p>
        <p className="focus-line" aria-live="polite" data-testid="relu-focus">
          {hover && focused !== null
            ? `${t.reluAt(num(hover[0]), num(hover[1]), formatValue(focused), formatValue(Math.max(0, focused)))}${focused < 0 ? ` ${t.wasNegative}` : ''}`
            : t.reluHover}
        </p>
      </section>
      <section className="stage-block" aria-labelledby="strip-title">
        <header>
          <h3 id="strip-title">{t.strip}</h3>
        </header>
        <div className="pool-strip" data-testid="relu-strip">
          {[
            { name: t.conv, data: relu.before.data, h: H, w: W, id: 'strip-conv' },
            { name: t.relu, data: relu.after.data, h: H, w: W, id: 'strip-relu' },
            { name: t.pool, data: relu.pooled.data, h: PH, w: PW, id: 'strip-pool' },
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
                  values={m.data}
                  maxAbs={relu.maxAbs}
                  cell={stripCell}
                  fontSize={numberSize(stripCell, present, decimals || hasDecimals(m.data))}
                  label={t.stripLabel(m.name, num(m.h), num(m.w))}
                  testId={m.id}
                  describe={describe}
                />
              </div>
            </div>
          ))}
        </div>
        <div className="code-line">
          <code data-testid="relu-pytorch">{code}</code>
          <CopyButton text={code} label={tc.copyPytorch} />
        </div>
      </section>
    </div>
  );
});
