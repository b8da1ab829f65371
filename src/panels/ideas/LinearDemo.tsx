import { Fragment, useCallback, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount, formatTerm, formatValue } from '../../viz/format';
import { IDEAS_LIMITS, setLinearKernels, setLinearLayers, setLinearRelu, setLinearSize, setSeed, linearMinSize } from '../../state/views/ideas';
import { LINEAR_TOLERANCE, buildLinearModel, composeTerms, type Kernel2d } from './models';
import { Refusal, SeedField, fitCell, type DemoProps } from './common';

/** The demonstration's words, in one place. */
const TEXT = {
  title: 'Stacked convolutions without an activation are one convolution',
  lead:
    'Stride-1, unpadded convolutions with nothing in between are linear, and a linear map of a linear map is linear: the ' +
    'whole stack equals ONE convolution whose kernel is the (full) convolution of the kernels. Put a ReLU in between ' +
    'and no single kernel can do it any more.',
  settings: 'Linear-stack demonstration settings',
  hover: 'Hover a cell of the composed kernel to see how it is made.',
  pytorch:
    'PyTorch’s conv2d is a cross-correlation; applying K₁ then K₂ equals cross-correlating once with K₁ ∗ K₂, their full ' +
    'convolution: every weight of K₁ stamps a scaled copy of K₂.',
};

const LIMITS = IDEAS_LIMITS.linear;
const sub = (i: number) => String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
const NONE: Overlay[] = [];

/** Outlines of the cells listed by row-major index in a map `cols` wide. */
function cellsOutlined(indices: number[], cols: number, kind: Overlay['kind']): Overlay[] {
  return indices.map((i) => ({ r: Math.floor(i / cols), c: i % cols, h: 1, w: 1, kind }));
}

/** A titled grid of a single-channel map or kernel. */
function MapBox({ title, map, maxAbs, cell, label, testId, overlays, onFocusCell, onBlurCell }: { title: string; map: Kernel2d; maxAbs: number; cell: number; label: string; testId: string; overlays?: Overlay[]; onFocusCell?: (r: number, c: number) => void; onBlurCell?: () => void }) {
  return (
    <div className="map">
      <h4>
        {title} <span className="dim">{map.h}×{map.w}</span>
      </h4>
      <Grid rows={map.h} cols={map.w} values={map.data} maxAbs={maxAbs} cell={cell} overlays={overlays} label={label} testId={testId} onFocusCell={onFocusCell} onBlurCell={onBlurCell} />
    </div>
  );
}

/**
 * The linear demonstration: a single-channel input through 2 or 3 stride-1 unpadded convolutions, the
 * one composed kernel (size K₁ + K₂ − 1 …) applied once, and the two outputs compared cell for cell;
 * a switch puts a ReLU between the layers and shows which cells then differ, and by how much.
 */
export function LinearDemo({ cfg, act, rejection }: DemoProps) {
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const key = JSON.stringify([cfg.seed, cfg.lk, cfg.lin, cfg.lrelu]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const m = useMemo(() => buildLinearModel(cfg), [key]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const n = cfg.lk.length;
  const [h, w] = cfg.lin;
  const narrow = width < 640;
  const cell = fitCell(Math.max(h, w), narrow ? Math.min(width - 40, 240) : Math.min(240, (width - 120) / 3.2), 30, 8);
  const kcell = fitCell(Math.max(...cfg.lk), 110, 28, 10);
  const ccell = fitCell(m.composed.h, narrow ? 200 : 220, 32, 12);

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

  const sizeFormula = `${cfg.lk.join(' + ')} − ${n - 1} = ${m.composed.h}`;
  const chain = [`${h}×${w}`, ...m.pre.map((p) => `${p.h}×${p.w}`)].join(' → ');
  const listed = m.differing.slice(0, 8).map((i) => {
    const r = Math.floor(i / m.stack.w);
    const c = i % m.stack.w;
    return `(${r}, ${c}): stack ${formatValue(m.stack.data[i]!)} vs one kernel ${formatValue(m.direct.data[i]!)}, off by ${formatValue(m.diff[i]!)}`;
  });

  return (
    <div className="ideas-demo" data-testid="demo-linear">
      <aside className="side" aria-label="Settings">
        <form className="controls" aria-label={TEXT.settings} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Stack</legend>
            <label className="field">
              Layers
              <select value={n} data-testid="linear-layers" onChange={(e) => act(setLinearLayers(cfg, Number(e.target.value)))}>
                <option value={2}>2 layers</option>
                <option value={3}>3 layers</option>
              </select>
            </label>
            <div className="row">
              {cfg.lk.map((k, i) => (
                <NumberField
                  key={i}
                  label={`Kernel ${i + 1}`}
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
              <input type="checkbox" checked={m.relu} onChange={(e) => act(setLinearRelu(cfg, e.target.checked))} data-testid="relu-switch" /> ReLU between the layers
            </label>
          </fieldset>
          <fieldset>
            <legend>Input</legend>
            <div className="row">
              <NumberField label="rows" value={h} min={linearMinSize(cfg.lk)} max={LIMITS.hw} onChange={(x) => act(setLinearSize(cfg, x, w))} testId="linear-h" />
              <NumberField label="columns" value={w} min={linearMinSize(cfg.lk)} max={LIMITS.hw} onChange={(x) => act(setLinearSize(cfg, h, x))} testId="linear-w" />
            </div>
            <Refusal field="lin" rejection={rejection} />
            <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />
          </fieldset>
          <p className="hint">{TEXT.hover}</p>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="linear-title">
          <h3 id="linear-title">{TEXT.title}</h3>
          <p className="shapes" data-testid="linear-shapes">
            stack: {chain}; one {m.composed.h}×{m.composed.w} kernel: {h}×{w} → {m.direct.h}×{m.direct.w}
          </p>
          <p className="lead">{TEXT.lead}</p>
          <p data-testid="linear-size">
            Composed kernel size: {sizeFormula} (K₁ + K₂ − 1{n === 3 ? ' + K₃ − 1' : ''}).
          </p>
          <p className={`verdict${m.maxDiff > 0 ? ' broken' : ''}`} role="status">
            <span data-testid="max-diff">max |difference| = {formatValue(m.maxDiff)}</span>
            {' — '}
            <span data-testid="linear-verdict">
              {m.differing.length === 0
                ? `the stack and the single kernel agree in all ${formatCount(m.stack.data.length)} cells.`
                : `${m.differing.length} of ${m.stack.data.length} cells differ: with a ReLU between, the stack is no longer one convolution.`}
            </span>
          </p>
        </section>

        <section className="stage-block" aria-labelledby="linear-stack-title">
          <header>
            <h3 id="linear-stack-title">
              The stack <span className="dim">{n} layers{m.relu ? ', ReLU after each but the last' : ', nothing in between'}</span>
            </h3>
            <ColorLegend maxAbs={m.mapMax} label="Map values" />
          </header>
          <div className="chain" data-testid="linear-stack">
            <MapBox title="input" map={m.input} maxAbs={Math.max(m.inputMax, m.mapMax)} cell={cell} label={`Input, ${h} by ${w}`} testId="linear-input" />
            {m.kernels.map((k, i) => (
              <Fragment key={i}>
                <span className="op" aria-hidden="true">⋆</span>
                <MapBox title={`K${sub(i)}`} map={k} maxAbs={m.kernelMax} cell={kcell} label={`Kernel ${i + 1}, ${k.h} by ${k.w}`} testId={`linear-kernel-${i}`} />
                <span className="op" aria-hidden="true">=</span>
                <MapBox title={i === n - 1 ? 'stack output' : `layer ${i + 1}`} map={m.pre[i]!} maxAbs={m.mapMax} cell={cell} overlays={i === n - 1 ? differ : zeroed[i]} label={`Layer ${i + 1} output, ${m.pre[i]!.h} by ${m.pre[i]!.w}`} testId={`linear-layer-${i}`} />
                {m.relu && i < n - 1 && (
                  <>
                    <span className="op relu-op">ReLU →</span>
                    <MapBox title={`ReLU(layer ${i + 1})`} map={m.post[i]!} maxAbs={m.mapMax} cell={cell} label={`Layer ${i + 1} after ReLU`} testId={`linear-relu-${i}`} />
                  </>
                )}
              </Fragment>
            ))}
          </div>
          {m.relu ? (
            <p className="hint" data-testid="linear-negatives">
              Dashed outlines: the {m.negatives} negative intermediate values the ReLU sets to 0.
            </p>
          ) : (
            <p className="hint" data-testid="linear-negatives">
              The intermediate maps hold {m.negatives} negative values; without a ReLU they pass on unchanged.
            </p>
          )}
        </section>

        <section className="stage-block" aria-labelledby="linear-one-title">
          <header>
            <h3 id="linear-one-title">
              One kernel <span className="dim">K = {cfg.lk.map((_, i) => `K${sub(i)}`).join(' ∗ ')}</span>
            </h3>
          </header>
          <div className="chain">
            {n === 3 && <MapBox title="K₁ ∗ K₂" map={m.prefixes[0]!} maxAbs={m.composedMax} cell={ccell} label="K1 composed with K2" testId="linear-prefix" />}
            <MapBox title="composed K" map={m.composed} maxAbs={m.composedMax} cell={ccell} overlays={composedFocus} label={`Composed kernel, ${m.composed.h} by ${m.composed.w}. Hover a cell to see how it is made.`} testId="linear-composed" onFocusCell={onFocusComposed} onBlurCell={onBlur} />
            <span className="op" aria-hidden="true">→</span>
            <MapBox title="input ⋆ K, once" map={m.direct} maxAbs={m.mapMax} cell={cell} overlays={differ} label={`Input correlated once with the composed kernel, ${m.direct.h} by ${m.direct.w}`} testId="linear-direct" />
            <span className="op" aria-hidden="true">vs</span>
            <MapBox title="|stack − one kernel|" map={{ h: m.stack.h, w: m.stack.w, data: m.diff }} maxAbs={Math.max(1, m.maxDiff)} cell={cell} overlays={differ} label={`Absolute differences, ${m.stack.h} by ${m.stack.w}`} testId="linear-diff" />
          </div>
          <p className="worked" aria-live="polite" data-testid="linear-terms">
            K[{u}, {v}] = Σ {leftName}[i, j]·{rightName}[{u} − i, {v} − j] ={' '}
            {terms.map((t) => `${formatTerm(t.av)}·${formatTerm(t.bv)}`).join(' + ')} = <strong>{formatValue(m.composed.data[u * m.composed.w + v]!)}</strong>
          </p>
          <p className="hint">{TEXT.pytorch}</p>
          {m.differing.length > 0 && (
            <div data-testid="linear-differing">
              <p>
                Cells that differ (outlined), tolerance {LINEAR_TOLERANCE.toExponential(0).replace('-', '−')}·max(1, |value|):
              </p>
              <ul className="differing">
                {listed.map((t) => (
                  <li key={t}>{t}</li>
                ))}
                {m.differing.length > listed.length && <li>and {m.differing.length - listed.length} more</li>}
              </ul>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
