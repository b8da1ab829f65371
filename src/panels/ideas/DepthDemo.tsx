import { Fragment, useCallback, useId, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount } from '../../viz/format';
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
import { LiveText, Refusal, SeedField, ShapeFields, TensorPicture, fitCell, usePresent, useSamplePixels, type DemoProps } from './common';
import { useT } from '../../i18n/useT';
import { ideas } from '../../i18n/ideas';
import { cellText, channelName, depthSourceName, depthSumText, sizeText } from './text';

const LIMITS = IDEAS_LIMITS.depth;

/**
 * The filter's depth, which a student may try to change: every typed whole number is tried (the
 * input's own depth is accepted and clears a refusal, any other is refused with the reason); the
 * field shows the real depth again when it loses focus.
 */
function FilterDepthField({ depth, onTry }: { depth: number; onTry: (d: number) => void }) {
  const t = useT(ideas);
  const id = useId();
  const [text, setText] = useState(String(depth));
  const [prev, setPrev] = useState(depth);
  if (prev !== depth) {
    setPrev(depth);
    setText(String(depth));
  }
  return (
    <span className="number-field">
      <label htmlFor={id}>{t.channelsPerFilter}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={text}
        style={{ width: '6ch' }}
        title={t.filterDepthTitle}
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
  const t = useT(ideas);
  const { zoom } = usePresent();
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const { pixels, failed } = useSamplePixels(cfg.dsrc, cfg.dc, cfg.dh, cfg.dw);
  /** The filter depth last tried, to say why it was refused (in the page's language). */
  const [tried, setTried] = useState<number | null>(null);
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
  const cell = narrow ? fitCell(Math.max(cfg.dw, cfg.dh), (width - 90) / 2.6, 30, 8) : Math.max(8, Math.min(Math.round(34 * zoom), Math.floor(wideCell)));
  const kcell = fitCell(K, narrow ? (width - 90) / 4 : Math.min(cell * Math.max(cfg.dw, cfg.dh), 130 * zoom), Math.round(26 * zoom), 8);
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

  const describeFlat = useCallback(
    (_r: number, i: number) => t.flatCell(String(i), String(Math.floor(i / (K * K))), String(Math.floor((i % (K * K)) / K)), String(i % K)),
    [K, t],
  );
  const describeCell = useCallback((row: number, col: number) => cellText(row, col, t), [t]);
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
        describe: (row: number, col: number) => t.outCell(String(f), String(row), String(col)),
      })),
    [act, cfg, t],
  );

  const parts = model.parts.map((p) => p[r * ow + q]!);
  const bias = model.bias[fi]!;
  const result = model.output.data[fi * plane + r * ow + q]!;
  const sum = depthSumText({ filter: fi, row: r, col: q }, parts, bias, result, rgb, t);
  const other = C === 1 ? 2 : C - 1;
  const chName = (c: number) => channelName(c, C, rgb, t);
  const tryDepth = (d: number) => {
    setTried(d);
    act(setFilterDepth(cfg, d));
  };
  const fdMessage = tried !== null && Number.isInteger(tried) && tried >= 1 ? t.fdMismatch(String(tried), String(C)) : t.fdWhole(String(C));

  return (
    <div className="ideas-demo" data-testid="demo-depth">
      <aside className="side" aria-label={t.settings}>
        <form className="controls" aria-label={t.depthSettings} onSubmit={(e) => e.preventDefault()}>
          <fieldset className="edit-only">
            <legend>{t.input}</legend>
            <label className="field">
              {t.source}
              <select value={cfg.dsrc} data-testid="depth-source" onChange={(e) => act(setDepthSource(cfg, e.target.value as DepthSource))}>
                {DEPTH_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {depthSourceName(s, t)}
                  </option>
                ))}
              </select>
            </label>
            <ShapeFields legend={t.shape} c={C} h={cfg.dh} w={cfg.dw} min={[1, 3, 3]} max={[LIMITS.c, LIMITS.hw, LIMITS.hw]} onChange={(c, h, w) => act(setDepthInput(cfg, c, h, w))} testId="depth-in" />
            <Refusal field="din" rejection={rejection} />
            {failed && (
              <p className="rejection" role="alert">
                {t.sampleFailed(depthSourceName(cfg.dsrc, t))}
              </p>
            )}
            {!image && <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />}
          </fieldset>
          <fieldset>
            <legend>{t.filtersLegend}</legend>
            <div className="row">
              <span className="edit-only">
                <FilterDepthField depth={C} onTry={tryDepth} />
              </span>
              <button type="button" className="small" onClick={() => tryDepth(other)} data-testid="try-depth">
                {t.tryDepth(String(other))}
              </button>
            </div>
            {rejection?.field === 'fd' && (
              <p className="rejection" role="alert" data-testid="rejection-fd">
                {fdMessage}
              </p>
            )}
            <div className="row edit-only">
              <NumberField label={t.kernelSize} value={K} min={1} max={Math.min(LIMITS.k, cfg.dh, cfg.dw)} onChange={(k) => act(setDepthKernel(cfg, k))} testId="depth-k" />
              <NumberField label={t.filtersCout} value={cfg.dcout} min={1} max={LIMITS.cout} onChange={(n) => act(setDepthCout(cfg, n))} hint={t.coutHint} testId="depth-cout" />
            </div>
            <Refusal field="dk" rejection={rejection} />
            <Refusal field="dcout" rejection={rejection} />
            {cfg.dcout > 1 && (
              <label className="field">
                {t.filterDetail}
                <select value={fi} data-testid="depth-filter" onChange={(e) => act(setDepthFilter(cfg, Number(e.target.value)))}>
                  {Array.from({ length: cfg.dcout }, (_, f) => (
                    <option key={f} value={f}>
                      {t.filterN(String(f))}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </fieldset>
          <p className="hint edit-only">{t.depthHover}</p>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="depth-title">
          <h3 id="depth-title">{t.depthTitle}</h3>
          <p className="shapes" data-testid="depth-shapes">
            [{C}×{cfg.dh}×{cfg.dw}] ⊛ [{cfg.dcout}×{C}×{K}×{K}] → [{cfg.dcout}×{oh}×{ow}]
          </p>
          <p className="lead">{t.depthLead(String(C))}</p>
          <p data-testid="depth-count">
            {t.countLead(`${C}×${K}×${K}`)}
            <strong>{formatCount(perFilter)}</strong>
            {t.countTail(formatCount(perFilter))}
          </p>
          <p data-testid="depth-cout-line">{t.coutLine(String(cfg.dcout), `${cfg.dcout}·(${C}·${K}·${K} + 1)`, formatCount(cfg.dcout * (perFilter + 1)))}</p>
        </section>

        <section className="stage-block" aria-labelledby="depth-work-title">
          <header>
            <h3 id="depth-work-title">
              {t.workTitle(String(fi))} <span className="dim">{t.workDim(String(C))}</span>
            </h3>
            <ColorLegend maxAbs={model.partMax} label={t.mapsLegend} />
          </header>
          <div className={`depth-grid${narrow ? ' narrow' : ''}`} style={narrow ? undefined : { gridTemplateColumns: `repeat(${C}, max-content 20px) max-content 20px max-content` }}>
            {planes.map((values, c) => (
              <Fragment key={c}>
                <div className="depth-cell" style={at(1, 2 * c + 1)}>
                  <div className="map">
                    <h4>{t.inputOf(chName(c))}</h4>
                    <Grid rows={cfg.dh} cols={cfg.dw} values={values} maxAbs={model.inputMax} palette={model.inputPalette} cell={cell} overlays={windowOverlay} label={t.inputOfLabel(chName(c), sizeText(cfg.dh, cfg.dw))} testId={`depth-input-${c}`} describe={describeCell} />
                  </div>
                </div>
                <div className="depth-cell" style={at(2, 2 * c + 1)}>
                  <span className="op" aria-hidden="true">⋆</span>
                  <div className="map">
                    <h4>{t.slice(String(fi), String(c))}</h4>
                    <Grid rows={K} cols={K} values={slices[c]!} maxAbs={model.weightMax} cell={kcell} label={t.sliceLabel(String(fi), chName(c), sizeText(K, K))} testId={`depth-slice-${c}`} describe={describeCell} />
                  </div>
                </div>
                <div className="depth-cell" style={at(3, 2 * c + 1)}>
                  <span className="op" aria-hidden="true">=</span>
                  <div className="map">
                    <h4>{t.mapN(String(c))}</h4>
                    <Grid rows={oh} cols={ow} values={model.parts[c]!} maxAbs={model.partMax} cell={cell} overlays={focusOverlay} label={t.mapOfLabel(chName(c), sizeText(oh, ow))} testId={`depth-part-${c}`} onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} describe={describeCell} />
                  </div>
                </div>
                <span className="op depth-join" aria-hidden="true" style={at(3, 2 * c + 2)}>
                  +
                </span>
              </Fragment>
            ))}
            <div className="depth-cell" style={at(3, 2 * C + 1)}>
              <div className="map">
                <h4>{t.bias}</h4>
                <Grid rows={1} cols={1} values={biasCell} maxAbs={model.weightMax} cell={Math.max(kcell, 28)} label={t.biasOf(String(fi))} testId="depth-bias" describe={describeCell} />
              </div>
            </div>
            <span className="op depth-join" aria-hidden="true" style={at(3, 2 * C + 2)}>
              =
            </span>
            <div className="depth-cell" style={at(3, 2 * C + 3)}>
              <div className="map">
                <h4>{t.outputChannel(String(fi))}</h4>
                <Grid rows={oh} cols={ow} values={outputs[fi]!} maxAbs={model.outputMax} cell={cell} overlays={focusOverlay} label={t.outputChannelLabel(String(fi), sizeText(oh, ow))} testId="depth-output" onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} describe={describeCell} />
              </div>
            </div>
          </div>
          <p className="worked" data-testid="depth-sum">
            {sum}
          </p>
          <LiveText text={sum} testId="depth-live" />
          <div className="flat-row">
            <span className="flat-name">{t.flatName(String(fi))}</span>
            <Grid rows={1} cols={perFilter} values={flat} maxAbs={model.weightMax} cell={Math.max(2, Math.min(20, Math.floor((width - 110) / perFilter)))} label={t.flatLabel(String(fi), formatCount(perFilter))} testId="depth-flat" describe={describeFlat} />
          </div>
          {rgb && (
            <p className="hint picture-line">
              <TensorPicture data={model.input.data} c={3} h={cfg.dh} w={cfg.dw} size={64} range="unit" label={t.pictureLabel(sizeText(cfg.dh, cfg.dw))} /> {t.pictureNote}
            </p>
          )}
        </section>

        <section className="stage-block" aria-labelledby="depth-all-title">
          <header>
            <h3 id="depth-all-title">
              {t.allTitle(String(cfg.dcout))}{' '}
              <span className="dim">{t.allDim(`${cfg.dcout}×${oh}×${ow}`)}</span>
            </h3>
          </header>
          <div className="map-row" data-testid="depth-outputs">
            {outputs.map((values, f) => (
              <div className={`map${f === fi ? ' chosen' : ''}`} key={f}>
                <h4>
                  {t.outHead(String(f))}
                  {f === fi ? t.workedAbove : ''}
                </h4>
                <Grid rows={oh} cols={ow} values={values} maxAbs={model.outputMax} cell={fitCell(ow, narrow ? width - 40 : 220 * zoom, Math.round(40 * zoom), 8)} overlays={f === fi ? focusOverlay : undefined} label={t.outLabel(String(f), sizeText(oh, ow))} testId={`depth-out-${f}`} describe={outputHandlers[f]!.describe} onActivate={outputHandlers[f]!.activate} />
              </div>
            ))}
          </div>
          <p className="hint">{t.clickOut}</p>
        </section>
      </div>
    </div>
  );
}
