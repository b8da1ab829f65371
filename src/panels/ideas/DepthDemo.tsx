import { Fragment, useCallback, useId, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount, formatTerm, formatValue } from '../../viz/format';
import {
  DEPTH_SOURCES,
  IDEAS_LIMITS,
  setDepthCout,
  setDepthFilter,
  setDepthInput,
  setDepthKernel,
  setDepthPixel,
  setDepthSource,
  setFilterDepth,
  setSeed,
  type DepthSource,
} from '../../state/views/ideas';
import { buildDepthModel } from './models';
import { Refusal, SeedField, ShapeFields, TensorPicture, channelLabel, fitCell, useSamplePixels, type DemoProps } from './common';

/** The demonstration's words, in one place. */
const TEXT = {
  title: 'A filter is as deep as its input',
  lead: (c: number) =>
    `Each filter has one k×k slice per input channel. Each slice slides over its own channel, the ${c} maps are added, ` +
    `and the bias is added once: one filter makes ONE output channel.`,
  sources: { seeded: 'Seeded whole numbers', gradient: 'Colour gradient (RGB image)', scene: 'Landscape (RGB image)' } as Record<DepthSource, string>,
  settings: 'Depth demonstration settings',
  hover: 'Hover or click a cell of a map to follow one output value.',
};

const LIMITS = IDEAS_LIMITS.depth;

/**
 * The filter's depth, which a student may try to change: every typed whole number is tried (the
 * input's own depth is accepted and clears a refusal, any other is refused with the reason); the
 * field shows the real depth again when it loses focus.
 */
function FilterDepthField({ depth, onTry }: { depth: number; onTry: (d: number) => void }) {
  const id = useId();
  const [text, setText] = useState(String(depth));
  const [prev, setPrev] = useState(depth);
  if (prev !== depth) {
    setPrev(depth);
    setText(String(depth));
  }
  return (
    <span className="number-field">
      <label htmlFor={id}>Channels per filter</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={text}
        style={{ width: '6ch' }}
        title="A filter's depth: it must equal the input's channel count"
        data-testid="filter-depth"
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v)) onTry(v);
        }}
        onBlur={() => setText(String(depth))}
      />
    </span>
  );
}

/**
 * The depth demonstration: an input of C channels and filters of C×k×k. One filter is worked channel
 * by channel (input channel ⋆ its slice = a map), the maps summed plus the bias into its single
 * output channel; below, every filter's channel. A filter of another depth is refused with the reason.
 */
export function DepthDemo({ cfg, act, rejection }: DemoProps) {
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const { pixels, error } = useSamplePixels(cfg.dsrc, cfg.dc, cfg.dh, cfg.dw);
  const image = cfg.dsrc !== 'seeded';
  const key = JSON.stringify([cfg.seed, cfg.dc, cfg.dh, cfg.dw, cfg.dk, cfg.dcout, cfg.dsrc, cfg.dfi]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => buildDepthModel(cfg, pixels), [key, pixels]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const [r, q] = hover ?? cfg.dpx;
  const { dc: C, dk: K, dfi: fi } = cfg;
  const { oh, ow } = model;
  const plane = oh * ow;
  const perFilter = C * K * K;
  const rgb = image && C === 3;

  // Wide screens: one column per channel (input ⋆ slice = map, read downwards), the maps summed along
  // the bottom row into the output. Narrow screens: the same grid transposed, one row per channel.
  const narrow = width < 700;
  const wideCell = (width - 60 - (2 * C + 2) * 24) / (C * Math.max(cfg.dw, cfg.dh) + ow);
  const cell = narrow ? fitCell(Math.max(cfg.dw, cfg.dh), (width - 90) / 2.6, 30, 8) : Math.max(8, Math.min(34, Math.floor(wideCell)));
  const kcell = fitCell(K, narrow ? (width - 90) / 4 : Math.min(cell * Math.max(cfg.dw, cfg.dh), 130), 26, 8);
  const at = (row: number, col: number) => (narrow ? { gridRow: col, gridColumn: row } : { gridRow: row, gridColumn: col });

  const windowOverlay = useMemo<Overlay[]>(() => [{ r, c: q, h: K, w: K, kind: 'window' }], [r, q, K]);
  const focusOverlay = useMemo<Overlay[]>(() => [{ r, c: q, h: 1, w: 1, kind: 'focus' }], [r, q]);
  const planes = useMemo(
    () => Array.from({ length: C }, (_, c) => model.input.data.subarray(c * cfg.dh * cfg.dw, (c + 1) * cfg.dh * cfg.dw)),
    [model, C, cfg.dh, cfg.dw],
  );
  const slices = useMemo(
    () => Array.from({ length: C }, (_, c) => model.weight.data.subarray((fi * C + c) * K * K, (fi * C + c + 1) * K * K)),
    [model, C, K, fi],
  );
  const outputs = useMemo(() => Array.from({ length: cfg.dcout }, (_, f) => model.output.data.subarray(f * plane, (f + 1) * plane)), [model, cfg.dcout, plane]);
  const flat = useMemo(() => model.weight.data.subarray(fi * perFilter, (fi + 1) * perFilter), [model, fi, perFilter]);
  const biasCell = useMemo(() => model.bias.subarray(fi, fi + 1), [model, fi]);

  const describeFlat = useCallback((_r: number, i: number) => `element ${i}: channel ${Math.floor(i / (K * K))}, row ${Math.floor((i % (K * K)) / K)}, column ${i % K}`, [K]);
  const onFocusCell = useCallback((row: number, col: number) => setHover([row, col]), []);
  const onBlurCell = useCallback(() => setHover(null), []);
  const pin = useCallback((row: number, col: number) => act(setDepthPixel(cfg, row, col)), [act, cfg]);
  const outputHandlers = useMemo(
    () =>
      Array.from({ length: cfg.dcout }, (_, f) => ({
        activate: (row: number, col: number) => {
          const chosen = setDepthFilter(cfg, f);
          act('config' in chosen ? setDepthPixel(chosen.config, row, col) : chosen);
        },
        describe: (row: number, col: number) => `filter ${f}'s output, row ${row}, column ${col}`,
      })),
    [act, cfg],
  );

  const parts = model.parts.map((p) => p[r * ow + q]!);
  const bias = model.bias[fi]!;
  const result = model.output.data[fi * plane + r * ow + q]!;
  const sum = `${parts.map((v, c) => `${formatTerm(v)} (from ${channelLabel(c, C, rgb)})`).join(' + ')} + ${formatTerm(bias)} (bias) = ${formatValue(result)}`;
  const other = C === 1 ? 2 : C - 1;

  return (
    <div className="ideas-demo" data-testid="demo-depth">
      <aside className="side" aria-label="Settings">
        <form className="controls" aria-label={TEXT.settings} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Input</legend>
            <label className="field">
              Source
              <select value={cfg.dsrc} data-testid="depth-source" onChange={(e) => act(setDepthSource(cfg, e.target.value as DepthSource))}>
                {DEPTH_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {TEXT.sources[s]}
                  </option>
                ))}
              </select>
            </label>
            <ShapeFields legend="Shape" c={C} h={cfg.dh} w={cfg.dw} min={[1, 3, 3]} max={[LIMITS.c, LIMITS.hw, LIMITS.hw]} onChange={(c, h, w) => act(setDepthInput(cfg, c, h, w))} testId="depth-in" />
            <Refusal field="din" rejection={rejection} />
            {error && (
              <p className="rejection" role="alert">
                {error}
              </p>
            )}
            {!image && <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />}
          </fieldset>
          <fieldset>
            <legend>Filters</legend>
            <div className="row">
              <FilterDepthField depth={C} onTry={(d) => act(setFilterDepth(cfg, d))} />
              <button type="button" className="small" onClick={() => act(setFilterDepth(cfg, other))} data-testid="try-depth">
                Try a {other}-channel filter
              </button>
            </div>
            <Refusal field="fd" rejection={rejection} />
            <div className="row">
              <NumberField label="Kernel size k" value={K} min={1} max={Math.min(LIMITS.k, cfg.dh, cfg.dw)} onChange={(k) => act(setDepthKernel(cfg, k))} testId="depth-k" />
              <NumberField label="Filters (Cout)" value={cfg.dcout} min={1} max={LIMITS.cout} onChange={(n) => act(setDepthCout(cfg, n))} hint="Each filter gives one output channel" testId="depth-cout" />
            </div>
            <Refusal field="dk" rejection={rejection} />
            <Refusal field="dcout" rejection={rejection} />
            {cfg.dcout > 1 && (
              <label className="field">
                Filter worked in detail
                <select value={fi} data-testid="depth-filter" onChange={(e) => act(setDepthFilter(cfg, Number(e.target.value)))}>
                  {Array.from({ length: cfg.dcout }, (_, f) => (
                    <option key={f} value={f}>
                      Filter {f}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </fieldset>
          <p className="hint">{TEXT.hover}</p>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="depth-title">
          <h3 id="depth-title">{TEXT.title}</h3>
          <p className="shapes" data-testid="depth-shapes">
            [{C}×{cfg.dh}×{cfg.dw}] ⊛ [{cfg.dcout}×{C}×{K}×{K}] → [{cfg.dcout}×{oh}×{ow}]
          </p>
          <p className="lead">{TEXT.lead(C)}</p>
          <p data-testid="depth-count">
            One filter is {C}×{K}×{K} = <strong>{formatCount(perFilter)}</strong> numbers: flattened, a {formatCount(perFilter)}-vector (plus 1 bias).
          </p>
          <p data-testid="depth-cout-line">
            {cfg.dcout} {cfg.dcout === 1 ? 'filter gives 1 output channel' : `filters give ${cfg.dcout} output channels`}; parameters {cfg.dcout}·({C}·{K}·{K} + 1) ={' '}
            {formatCount(cfg.dcout * (perFilter + 1))}.
          </p>
        </section>

        <section className="stage-block" aria-labelledby="depth-work-title">
          <header>
            <h3 id="depth-work-title">
              Filter {fi}, channel by channel <span className="dim">{C} maps, summed, plus the bias</span>
            </h3>
            <ColorLegend maxAbs={model.partMax} label="Maps" />
          </header>
          <div className={`depth-grid${narrow ? ' narrow' : ''}`} style={narrow ? undefined : { gridTemplateColumns: `repeat(${C}, max-content 20px) max-content 20px max-content` }}>
            {planes.map((values, c) => (
              <Fragment key={c}>
                <div className="depth-cell" style={at(1, 2 * c + 1)}>
                  <div className="map">
                    <h4>input {channelLabel(c, C, rgb)}</h4>
                    <Grid rows={cfg.dh} cols={cfg.dw} values={values} maxAbs={model.inputMax} palette={model.inputPalette} cell={cell} overlays={windowOverlay} label={`Input ${channelLabel(c, C, rgb)}, ${cfg.dh} by ${cfg.dw}`} testId={`depth-input-${c}`} />
                  </div>
                </div>
                <div className="depth-cell" style={at(2, 2 * c + 1)}>
                  <span className="op" aria-hidden="true">⋆</span>
                  <div className="map">
                    <h4>filter {fi}, slice {c}</h4>
                    <Grid rows={K} cols={K} values={slices[c]!} maxAbs={model.weightMax} cell={kcell} label={`Filter ${fi}, slice on ${channelLabel(c, C, rgb)}, ${K} by ${K}`} testId={`depth-slice-${c}`} />
                  </div>
                </div>
                <div className="depth-cell" style={at(3, 2 * c + 1)}>
                  <span className="op" aria-hidden="true">=</span>
                  <div className="map">
                    <h4>map {c}</h4>
                    <Grid rows={oh} cols={ow} values={model.parts[c]!} maxAbs={model.partMax} cell={cell} overlays={focusOverlay} label={`Map of ${channelLabel(c, C, rgb)}, ${oh} by ${ow}`} testId={`depth-part-${c}`} onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} />
                  </div>
                </div>
                <span className="op depth-join" aria-hidden="true" style={at(3, 2 * c + 2)}>
                  +
                </span>
              </Fragment>
            ))}
            <div className="depth-cell" style={at(3, 2 * C + 1)}>
              <div className="map">
                <h4>bias</h4>
                <Grid rows={1} cols={1} values={biasCell} maxAbs={model.weightMax} cell={Math.max(kcell, 28)} label={`Bias of filter ${fi}`} testId="depth-bias" />
              </div>
            </div>
            <span className="op depth-join" aria-hidden="true" style={at(3, 2 * C + 2)}>
              =
            </span>
            <div className="depth-cell" style={at(3, 2 * C + 3)}>
              <div className="map">
                <h4>output channel {fi}</h4>
                <Grid rows={oh} cols={ow} values={outputs[fi]!} maxAbs={model.outputMax} cell={cell} overlays={focusOverlay} label={`Output channel ${fi}, ${oh} by ${ow}`} testId="depth-output" onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} />
              </div>
            </div>
          </div>
          <p className="worked" aria-live="polite" data-testid="depth-sum">
            Output [{fi}, {r}, {q}] = {sum}
          </p>
          <div className="flat-row">
            <span className="flat-name">filter {fi} flattened</span>
            <Grid rows={1} cols={perFilter} values={flat} maxAbs={model.weightMax} cell={Math.max(2, Math.min(20, Math.floor((width - 110) / perFilter)))} label={`Filter ${fi} flattened: ${perFilter} numbers`} testId="depth-flat" describe={describeFlat} />
          </div>
          {rgb && (
            <p className="hint picture-line">
              <TensorPicture data={model.input.data} c={3} h={cfg.dh} w={cfg.dw} size={64} range="unit" label={`The input as a colour picture, ${cfg.dh} by ${cfg.dw}`} /> The input as a picture: its red, green and blue channels are the three planes above.
            </p>
          )}
        </section>

        <section className="stage-block" aria-labelledby="depth-all-title">
          <header>
            <h3 id="depth-all-title">
              {cfg.dcout} {cfg.dcout === 1 ? 'filter' : 'filters'} → {cfg.dcout} output {cfg.dcout === 1 ? 'channel' : 'channels'}{' '}
              <span className="dim">
                output {cfg.dcout}×{oh}×{ow}
              </span>
            </h3>
          </header>
          <div className="map-row" data-testid="depth-outputs">
            {outputs.map((values, f) => (
              <div className={`map${f === fi ? ' chosen' : ''}`} key={f}>
                <h4>
                  filter {f} → channel {f}
                  {f === fi ? ' (worked above)' : ''}
                </h4>
                <Grid rows={oh} cols={ow} values={values} maxAbs={model.outputMax} cell={fitCell(ow, narrow ? width - 40 : 220, 40, 8)} overlays={f === fi ? focusOverlay : undefined} label={`Output channel ${f}, ${oh} by ${ow}. Press Enter to work it above.`} testId={`depth-out-${f}`} describe={outputHandlers[f]!.describe} onActivate={outputHandlers[f]!.activate} />
              </div>
            ))}
          </div>
          <p className="hint">Click an output channel to work its filter above.</p>
        </section>
      </div>
    </div>
  );
}
