import { Fragment, useCallback, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount, formatValue } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { ideas } from '../../i18n/ideas';
import { cellText, composedCellText, differingLines, sizeText, tolText } from './text';
import { IDEAS_LIMITS, setLinearKernels, setLinearLayers, setLinearRelu, setLinearSize, setSeed, linearMinSize } from '../../state/views/ideas';
import { LINEAR_TOLERANCE, buildLinearModel, composeTerms, type Kernel2d } from './models';
import { LiveText, Refusal, SeedField, fitCell, usePresent, type DemoProps } from './common';

const LIMITS = IDEAS_LIMITS.linear;
const sub = (i: number) => String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
const NONE: Overlay[] = [];

/** Outlines of the cells listed by row-major index in a map `cols` wide. */
function cellsOutlined(indices: number[], cols: number, kind: Overlay['kind']): Overlay[] {
  return indices.map((i) => ({ r: Math.floor(i / cols), c: i % cols, h: 1, w: 1, kind }));
}

/** A titled grid of a single-channel map or kernel. */
function MapBox({ title, map, maxAbs, cell, label, testId, overlays, onFocusCell, onBlurCell, describe }: { title: string; map: Kernel2d; maxAbs: number; cell: number; label: string; testId: string; overlays?: Overlay[]; onFocusCell?: (r: number, c: number) => void; onBlurCell?: () => void; describe: (r: number, c: number) => string }) {
  return (
    <div className="map">
      <h4>
        {title} <span className="dim">{map.h}×{map.w}</span>
      </h4>
      <Grid rows={map.h} cols={map.w} values={map.data} maxAbs={maxAbs} cell={cell} overlays={overlays} label={label} testId={testId} onFocusCell={onFocusCell} onBlurCell={onBlurCell} describe={describe} />
    </div>
  );
}

/**
 * The linear demonstration: a single-channel input through 2 or 3 stride-1 unpadded convolutions, the
 * one composed kernel (size K₁ + K₂ − 1 …) applied once, and the two outputs compared cell for cell;
 * a switch puts a ReLU between the layers and shows which cells then differ, and by how much.
 */
export function LinearDemo({ cfg, act, rejection }: DemoProps) {
  const t = useT(ideas);
  const { zoom } = usePresent();
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const key = JSON.stringify([cfg.seed, cfg.lk, cfg.lin, cfg.lrelu]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const m = useMemo(() => buildLinearModel(cfg), [key]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const n = cfg.lk.length;
  const [h, w] = cfg.lin;
  const narrow = width < 640;
  const cell = fitCell(Math.max(h, w), narrow ? Math.min(width - 40, 240) : Math.min(240 * zoom, (width - 120) / 3.2), Math.round(30 * zoom), 8);
  const kcell = fitCell(Math.max(...cfg.lk), 110 * zoom, Math.round(28 * zoom), 10);
  const ccell = fitCell(m.composed.h, narrow ? 200 : 220 * zoom, Math.round(32 * zoom), 12);

  const center = Math.floor((m.composed.h - 1) / 2);
  const [u, v] = hover ?? [center, center];
  const left = n === 2 ? m.kernels[0]! : m.prefixes[n - 3]!;
  const right = m.kernels[n - 1]!;
  const terms = composeTerms(left, right, u, v);
  const leftName = n === 2 ? 'K₁' : '(K₁ ∗ K₂)';
  const rightName = `K${sub(n - 1)}`;

  const composedFocus = useMemo<Overlay[]>(() => [{ r: u, c: v, h: 1, w: 1, kind: 'focus' }], [u, v]);
  const differ = useMemo(() => cellsOutlined(m.differing, m.stack.w, 'focus'), [m]);
  const zeroed = useMemo(
    () =>
      m.pre.map((map, i) => {
        if (!m.relu || i === n - 1) return NONE;
        const neg: number[] = [];
        map.data.forEach((x, j) => (x < 0 ? neg.push(j) : 0));
        return cellsOutlined(neg, map.w, 'feed');
      }),
    [m, n],
  );
  const onFocusComposed = useCallback((r: number, c: number) => setHover([r, c]), []);
  const onBlur = useCallback(() => setHover(null), []);
  const describeCell = useCallback((r: number, c: number) => cellText(r, c, t), [t]);

  const sizeFormula = `${cfg.lk.join(' + ')} − ${n - 1} = ${m.composed.h}`;
  const chain = [`${h}×${w}`, ...m.pre.map((p) => `${p.h}×${p.w}`)].join(' → ');
  const listed = differingLines(m.differing, m.stack.w, m.stack.data, m.direct.data, m.diff, t);
  const composedAt = m.composed.data[u * m.composed.w + v]!;
  const composedValue = formatValue(composedAt);
  const worked = composedCellText(u, v, leftName, rightName, terms, composedAt);
  const N = String(n);

  return (
    <div className="ideas-demo" data-testid="demo-linear">
      <aside className="side" aria-label={t.settings}>
        <form className="controls" aria-label={t.linearSettings} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>{t.stack}</legend>
            <label className="field edit-only">
              {t.layers}
              <select value={n} data-testid="linear-layers" onChange={(e) => act(setLinearLayers(cfg, Number(e.target.value)))}>
                <option value={2}>{t.nLayers('2')}</option>
                <option value={3}>{t.nLayers('3')}</option>
              </select>
            </label>
            <div className="row edit-only">
              {cfg.lk.map((k, i) => (
                <NumberField
                  key={i}
                  label={t.kernelN(String(i + 1))}
                  value={k}
                  min={1}
                  max={LIMITS.k}
                  onChange={(x) => act(setLinearKernels(cfg, cfg.lk.map((y, j) => (j === i ? x : y))))}
                  testId={`linear-k-${i}`}
                />
              ))}
            </div>
            <Refusal field="lk" rejection={rejection} />
            <label className="toggle relu-switch">
              <input type="checkbox" checked={m.relu} onChange={(e) => act(setLinearRelu(cfg, e.target.checked))} data-testid="relu-switch" /> {t.reluSwitch}
            </label>
          </fieldset>
          <fieldset className="edit-only">
            <legend>{t.input}</legend>
            <div className="row">
              <NumberField label={t.rows} value={h} min={linearMinSize(cfg.lk)} max={LIMITS.hw} onChange={(x) => act(setLinearSize(cfg, x, w))} testId="linear-h" />
              <NumberField label={t.columns} value={w} min={linearMinSize(cfg.lk)} max={LIMITS.hw} onChange={(x) => act(setLinearSize(cfg, h, x))} testId="linear-w" />
            </div>
            <Refusal field="lin" rejection={rejection} />
            <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />
          </fieldset>
          <p className="hint edit-only">{t.linearHover}</p>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="linear-title">
          <h3 id="linear-title">{t.linearTitle}</h3>
          <p className="shapes" data-testid="linear-shapes">
            {t.linearShapes(chain, sizeText(m.composed.h, m.composed.w), sizeText(h, w), sizeText(m.direct.h, m.direct.w))}
          </p>
          <p className="lead">{t.linearLead}</p>
          <p data-testid="linear-size">{t.composedSize(sizeFormula, `K₁ + K₂ − 1${n === 3 ? ' + K₃ − 1' : ''}`)}</p>
          <p className={`verdict${m.maxDiff > 0 ? ' broken' : ''}`} role="status">
            <span className="verdict-mark" aria-hidden="true">
              {m.maxDiff > 0 ? '✗ ' : '✓ '}
            </span>
            <span data-testid="max-diff">{t.maxDiff(formatValue(m.maxDiff))}</span>
            {' — '}
            <span data-testid="linear-verdict">
              {m.differing.length === 0
                ? t.agree(formatCount(m.stack.data.length))
                : t.differ(formatCount(m.differing.length), formatCount(m.stack.data.length))}
            </span>
          </p>
        </section>

        <section className="stage-block" aria-labelledby="linear-stack-title">
          <header>
            <h3 id="linear-stack-title">
              {t.stackTitle} <span className="dim">{m.relu ? t.stackRelu(N) : t.stackPlain(N)}</span>
            </h3>
            <ColorLegend maxAbs={m.mapMax} label={t.mapValues} />
          </header>
          <div className="chain" data-testid="linear-stack">
            <MapBox title={t.inputName} map={m.input} maxAbs={Math.max(m.inputMax, m.mapMax)} cell={cell} label={t.inputOfLabel(t.inputName, sizeText(h, w))} testId="linear-input" describe={describeCell} />
            {m.kernels.map((k, i) => (
              <Fragment key={i}>
                <span className="op" aria-hidden="true">⋆</span>
                <MapBox title={`K${sub(i)}`} map={k} maxAbs={m.kernelMax} cell={kcell} label={t.kernelLabel(String(i + 1), sizeText(k.h, k.w))} testId={`linear-kernel-${i}`} describe={describeCell} />
                <span className="op" aria-hidden="true">=</span>
                <MapBox title={i === n - 1 ? t.stackOutput : t.layerN(String(i + 1))} map={m.pre[i]!} maxAbs={m.mapMax} cell={cell} overlays={i === n - 1 ? differ : zeroed[i]} label={t.layerOutLabel(String(i + 1), sizeText(m.pre[i]!.h, m.pre[i]!.w))} testId={`linear-layer-${i}`} describe={describeCell} />
                {m.relu && i < n - 1 && (
                  <>
                    <span className="op relu-op">ReLU →</span>
                    <MapBox title={t.reluOf(String(i + 1))} map={m.post[i]!} maxAbs={m.mapMax} cell={cell} label={t.reluOfLabel(String(i + 1))} testId={`linear-relu-${i}`} describe={describeCell} />
                  </>
                )}
              </Fragment>
            ))}
          </div>
          <p className="hint" data-testid="linear-negatives">
            {m.relu ? t.negativesOn(formatCount(m.negatives)) : t.negativesOff(formatCount(m.negatives))}
          </p>
        </section>

        <section className="stage-block" aria-labelledby="linear-one-title">
          <header>
            <h3 id="linear-one-title">
              {t.oneKernel} <span className="dim">K = {cfg.lk.map((_, i) => `K${sub(i)}`).join(' ∗ ')}</span>
            </h3>
          </header>
          <div className="chain">
            {n === 3 && <MapBox title="K₁ ∗ K₂" map={m.prefixes[0]!} maxAbs={m.composedMax} cell={ccell} label={t.prefixLabel} testId="linear-prefix" describe={describeCell} />}
            <MapBox title={t.composedK} map={m.composed} maxAbs={m.composedMax} cell={ccell} overlays={composedFocus} label={t.composedLabel(sizeText(m.composed.h, m.composed.w))} testId="linear-composed" onFocusCell={onFocusComposed} onBlurCell={onBlur} describe={describeCell} />
            <span className="op" aria-hidden="true">→</span>
            <MapBox title={t.onceTitle} map={m.direct} maxAbs={m.mapMax} cell={cell} overlays={differ} label={t.onceLabel(sizeText(m.direct.h, m.direct.w))} testId="linear-direct" describe={describeCell} />
            <span className="op" aria-hidden="true">{t.versus}</span>
            <MapBox title={t.diffTitle} map={{ h: m.stack.h, w: m.stack.w, data: m.diff }} maxAbs={Math.max(1, m.maxDiff)} cell={cell} overlays={differ} label={t.diffLabel(sizeText(m.stack.h, m.stack.w))} testId="linear-diff" describe={describeCell} />
          </div>
          <p className="worked" data-testid="linear-terms">
            {worked.slice(0, worked.length - composedValue.length)}
            <strong>{composedValue}</strong>
          </p>
          <LiveText text={worked} testId="linear-live" />
          <p className="hint">{t.linearPytorch}</p>
          {m.differing.length > 0 && (
            <div data-testid="linear-differing">
              <p>{t.differTitle(tolText(LINEAR_TOLERANCE))}</p>
              <ul className="differing">
                {listed.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {m.differing.length > listed.length && <li>{t.more(formatCount(m.differing.length - listed.length))}</li>}
              </ul>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
