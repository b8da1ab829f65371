import { useStableValue } from '../components/useStableValue';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useThrottled } from '../components/useThrottled';
import { getAppStore, useAppStore, selectConfig, selectPlaying, selectRejection } from '../state/store';
import { useT } from '../i18n/useT';
import { conv, type ConvT } from '../i18n/conv';
import { common } from '../i18n/common';
import { image as imageStrings } from '../i18n/image';
import { SPEEDS } from '../state/params';
import type { ConvConfig } from '../state/types';
import { PlaybackBar } from '../components/PlaybackBar';
import { ColorLegend } from '../components/ColorLegend';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { useShortcuts } from '../components/useShortcuts';
import { usePlayback } from '../components/usePlayback';
import { useElementWidth } from '../components/useElementWidth';
import { buildConvModel, type ImagePixels } from './conv/model';
import { highlightsFor, type Hover } from './conv/focus';
import { ConvControls, type ConvActions } from './conv/ConvControls';
import { PresentLayerBar } from './conv/PresentLayerBar';
import { ConvSummary } from './conv/ConvSummary';
import { InputMaps, FilterBank, OutputMaps, cellSize, numberCell, numberFont } from './conv/ConvMaps';
import { NUMBER_MIN_CELL } from '../components/Grid';
import { StepDetail } from './conv/StepDetail';
import { SAMPLES, decodeImage, imageErrorText, imageToPixels, loadSample, type SampleName } from '../io/image';
import { formatCount } from '../viz/format';
import { presetLabel, presetProblemText } from './conv/presets';
import { stepSpeech } from './conv/speech';
import './conv/conv.css';

/** The uploaded image, kept for the page's lifetime (never in the URL, never sent anywhere). */
let uploadedImage: ImageBitmap | null = null;

/** The configuration without the fields that change every frame, as a memo key for the model. */
const structuralKey = (cfg: ConvConfig) => JSON.stringify({ ...cfg, step: 0, speed: 0 });

/** An upload that was never chosen (a link with `src=upload` opened in a fresh page). */
const NO_IMAGE = new Error('no image');

function usePixels(cfg: ConvConfig, uploaded: ImageBitmap | null, t: ConvT) {
  const ti = useT(imageStrings);
  const [state, setState] = useState<{ key: string; pixels: ImagePixels | null; error: unknown }>({ key: '', pixels: null, error: null });
  const key = `${cfg.src}:${cfg.c}:${cfg.h}:${cfg.w}`;
  useEffect(() => {
    if (cfg.src === 'int' || cfg.src === 'float') return;
    let live = true;
    const source: Promise<ImageBitmap> =
      cfg.src === 'upload'
        ? uploaded
          ? Promise.resolve(uploaded)
          : Promise.reject(NO_IMAGE)
        : loadSample(cfg.src as SampleName);
    source.then(
      (img) => live && setState({ key, pixels: imageToPixels(img, cfg.c, cfg.h, cfg.w), error: null }),
      (err: unknown) => live && setState({ key, pixels: null, error: err }),
    );
    return () => {
      live = false;
    };
  }, [key, cfg.src, cfg.c, cfg.h, cfg.w, uploaded]);
  const image = cfg.src !== 'int' && cfg.src !== 'float';
  if (!image || state.key !== key) return { key, pixels: null, error: null };
  // The message is worded at render time, so it follows a change of language.
  const error = state.error === null ? null : state.error === NO_IMAGE ? t.noImage : imageErrorText(state.error, ti);
  return { key, pixels: state.pixels, error };
}

/**
 * The convolution view: controls, the layer's summary and formula, the input with its padding, the
 * filters, the output maps filling in, and one step worked in full. One focus — the hovered cell, else
 * the current step — drives every highlight.
 */
export function ConvPanel() {
  const store = getAppStore();
  const cfg = useAppStore(selectConfig);
  const playing = useAppStore(selectPlaying);
  const rejection = useAppStore(selectRejection);
  const present = useAppStore((s) => s.ui.present);
  const t = useT(conv);
  const tc = useT(common);
  const ti = useT(imageStrings);
  const [hover, setHover] = useState<Hover>(null);
  const [help, setHelp] = useState(false);
  const [uploaded, setUploaded] = useState<ImageBitmap | null>(uploadedImage);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const [mainRef, mainWidth] = useElementWidth<HTMLDivElement>(900);
  const [zoom, setZoom] = useState(1);
  const { pixels, error: pixelError } = usePixels(cfg, uploaded, t);
  const image = cfg.src !== 'int' && cfg.src !== 'float';

  const key = structuralKey(cfg);
  // The configuration as of its last structural change: what the controls and the summary show, so
  // they do not re-render on every step. The key stands for every field but step and speed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structural = useMemo(() => cfg, [key]);
  const model = useMemo(() => buildConvModel(structural, pixels), [structural, pixels]);
  const opts = useMemo(() => ({ stride: structural.s, padding: structural.p, dilation: structural.d }), [structural]);
  // Whole numbers only (the lecture's integers): presentation mode can then draw them larger.
  const ints = useMemo(() => [model.input.data, model.weight.data, model.bias].every((a) => a.every(Number.isInteger)), [model]);
  const step = Math.min(cfg.step, model.total - 1);
  const hl = useMemo(() => highlightsFor(model, opts, step, hover, t), [model, opts, step, hover, t]);
  // The filters' highlights change only when the step moves to another filter: keep them identical
  // otherwise, so the filter bank (every kernel, preset menu and bias) does not re-render each step.
  const weightHl = useStableValue(hl.weights);
  const biasHl = useStableValue(hl.bias);
  // Every store change copies the configuration, so its edits and presets are new objects each step.
  const edits = useStableValue(cfg.we);
  const presetList = useStableValue(cfg.fp);

  const upload = useCallback(
    async (file: File) => {
      try {
        const img = await decodeImage(file, `“${file.name}”`);
        uploadedImage = img;
        setUploaded(img);
        setUploadError(null);
        const s = store.getState();
        const { c, h, w } = s.config;
        s.setSource('upload');
        if (c !== 1 && c !== 3) s.setInput(3, Math.max(h, 32), Math.max(w, 32));
        else if (h < 16 || w < 16) s.setInput(c, 32, 32);
      } catch (err) {
        setUploadError(err);
      }
    },
    [store],
  );

  const actions = useMemo<ConvActions>(() => {
    const s = store.getState();
    return {
      setInput: s.setInput,
      setSource: (src) => {
        const st = store.getState();
        if (src in SAMPLES) {
          const sample = SAMPLES[src as SampleName];
          const c = st.config.c === 1 || st.config.c === 3 ? st.config.c : sample.channels;
          st.setSource(src);
          st.setInput(sample.channels === 1 ? 1 : c, sample.size, sample.size);
        } else st.setSource(src);
      },
      setSeed: s.setSeed,
      setKernel: s.setKernel,
      setStride: s.setStride,
      setPadding: s.setPadding,
      setDilation: s.setDilation,
      setFilters: s.setFilters,
      setAllPresets: s.setAllPresets,
      resetEdits: s.resetEdits,
      upload,
    };
  }, [store, upload]);

  const setStep = store.getState().setStep;
  usePlayback({ playing, speed: cfg.speed, step, total: model.total, setStep, onEnd: store.getState().pause });
  useShortcuts({
    toggle: () => store.getState().toggle(),
    next: () => setStep(store.getState().config.step + 1),
    prev: () => setStep(store.getState().config.step - 1),
    first: () => setStep(0),
    last: () => setStep(model.total - 1),
    faster: () => store.getState().faster(),
    slower: () => store.getState().slower(),
    help: () => setHelp(true),
  });

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) void upload(file);
  };

  const [, C, H, W] = model.input.shape as [number, number, number, number];
  const [F, , KH, KW] = model.weight.shape as [number, number, number, number];
  // The worked step is the heaviest part to draw and cannot be read at full speed: while steps come
  // quickly (playback, a held key) it follows at most 8 times a second; a single step shows at once.
  // Its props travel together, so a delayed step never meets another configuration's kernel.
  const detailNow = useMemo(
    () => ({ step: hl.step, weight: model.weight.data, kh: KH, kw: KW, channels: C, image, inputMax: model.inputMax, inputPalette: model.inputPalette, weightMax: model.weightMax, ints }),
    [hl.step, model, KH, KW, C, image, ints],
  );
  // A big filter (8×11×11: nearly a thousand products drawn) follows twice a second while playing.
  const detail = useThrottled(detailNow, playing && C * KH * KW > 200 ? 500 : 125);
  // What a screen reader hears: the focused step's worked sum (or what a hovered input cell or weight
  // does), at most twice a second; while playing fast, only that it plays.
  const speechNow =
    playing && cfg.speed > 4 ? t.livePlaying : hover && hover.kind !== 'output' ? hl.headline : stepSpeech(hl.step, t);
  const speech = useThrottled(speechNow, 500);
  // Cell sizes. Input and output side by side at one cell size when their numbers stay readable;
  // otherwise each block on its own row: small grids (≤ 24 columns) keep readable numbers and wrap
  // one grid per row if need be (phones); large maps (images) stay side by side, colours only. No
  // map grows past 360 px unless zoomed. Presenting, the settings are hidden and the maps take the
  // width (up to 640 px each, cells up to 96 px) with larger numbers, to be read from the back of a hall.
  const gaps = 48;
  const inUnits = C * model.cols.padded;
  const outUnits = F * model.outW;
  const together = (mainWidth - 4 * gaps) / (inUnits + outUnits);
  // Decimals need wider cells than the lecture's small integers to show their numbers.
  const minNumbers = numberCell(ints);
  const fit = (cols: number, n: number, cap: number) => {
    const row = (mainWidth - gaps - 14 * n) / (cols * n);
    if (row >= minNumbers) return Math.min(cap, row);
    if (cols <= 24) return Math.min(cap, (mainWidth - gaps) / cols);
    return Math.min(cap, row);
  };
  // A cell too narrow for its numbers shows colours only (hover reads the value), never numbers that overlap.
  const readable = (c: number) => (c >= minNumbers ? Math.floor(c) : c >= NUMBER_MIN_CELL ? NUMBER_MIN_CELL - 1 : Math.max(1.5, c));
  const mapBudget = present ? Math.max(360, Math.min(640, mainWidth / 2)) : 360;
  const inCap = Math.min(present ? 96 : 40, mapBudget / model.cols.padded);
  const outCap = Math.min(present ? 96 : 44, mapBudget / model.outW);
  // Side by side while the cells stay readable (presenting: large enough to read from afar).
  const sideBySide = together >= (present ? Math.max(34, minNumbers) : minNumbers);
  const inFit = sideBySide ? Math.min(inCap, together) : fit(model.cols.padded, C, inCap);
  // Presenting on separate rows, the outputs are not drawn much larger than the inputs.
  const outFit = sideBySide ? Math.min(outCap, together) : present ? Math.min(fit(model.outW, F, outCap), Math.max(inFit, 44)) : fit(model.outW, F, outCap);
  const inputCell = readable(zoom * inFit);
  const outputCell = readable(zoom * outFit);
  const legendWidth = present ? 240 : undefined;
  const weightCell = readable(present ? cellSize(KW, KH, 180, 52) : ints ? cellSize(KW, KH, 110, 28) : cellSize(KW, KH, 150, 34));
  const at = { oc: Math.floor(step / (model.outH * model.outW)), oh: Math.floor(step / model.outW) % model.outH, ow: step % model.outW };
  const describe = t.describeStep(`${at.oc}`, `${at.oh}`, `${at.ow}`);
  const large = H * W > 1600;
  const padded = model.rows.padded > H || model.cols.padded > W;
  const uploadText = uploadError ? imageErrorText(uploadError, ti) : pixelError;

  return (
    <div
      className={`conv-view${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <aside className="side edit-only" aria-label={t.settingsLabel}>
        <ConvControls cfg={structural} actions={actions} rejection={rejection} uploadError={uploadText} t={t} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">{t.title}</h2>
        <ConvSummary cfg={structural} model={model} t={t} />
        {present && <PresentLayerBar cfg={structural} actions={actions} rejection={rejection} t={t} />}
        <PlaybackBar
          step={step}
          total={model.total}
          playing={playing}
          speed={cfg.speed}
          speeds={SPEEDS}
          describe={describe}
          onStep={setStep}
          onToggle={() => store.getState().toggle()}
          onSpeed={store.getState().setSpeed}
        />
        <p className="focus-line" data-testid="focus-line">
          {hover ? hl.headline : tc.stepLine(formatCount(step + 1), hl.headline)}
          <span className="dim edit-only"> · {tc.pressHelp}</span>
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="live-step">
          {speech}
        </p>
        <div className="zoom" role="group" aria-label={t.zoom}>
          <button type="button" className="small" onClick={() => setZoom((z) => Math.max(0.5, z / 1.5))} disabled={zoom <= 0.5} aria-label={t.zoomOut}>
            −
          </button>
          <output aria-live="polite">{Math.round(zoom * 100)}%</output>
          <button type="button" className="small" onClick={() => setZoom((z) => Math.min(8, z * 1.5))} disabled={zoom >= 8} aria-label={t.zoomIn}>
            +
          </button>
          {zoom !== 1 && (
            <button type="button" className="small" onClick={() => setZoom(1)} title={t.zoomFitTitle}>
              {t.zoomFit}
            </button>
          )}
        </div>
        <div className="stage">
          <section className="stage-block" aria-labelledby="input-title">
            <header>
              <h3 id="input-title">
                {t.inputTitle}{' '}
                <span className="dim">
                  {C}×{H}×{W}
                  {padded ? ` ${t.paddedTo(`${C}×${model.rows.padded}×${model.cols.padded}`)}` : ''}
                </span>
              </h3>
              <ColorLegend maxAbs={model.inputMax} label={t.inputValues} palette={model.inputPalette} width={legendWidth} />
            </header>
            {large && <p className="hint">{t.largeInput}</p>}
            <InputMaps model={model} image={image} overlays={hl.input} cell={inputCell} fontSize={numberFont(inputCell, model.inputMax, ints, present)} onHover={setHover} t={t} />
          </section>
          <section className="stage-block" aria-labelledby="output-title">
            <header>
              <h3 id="output-title">
                {t.outputTitle} <span className="dim">{F}×{model.outH}×{model.outW}</span>
              </h3>
              <ColorLegend maxAbs={model.outputMax} label={t.outputValues} width={legendWidth} />
            </header>
            <OutputMaps model={model} filled={step} overlays={hl.output} cell={outputCell} fontSize={numberFont(outputCell, model.outputMax, ints, present)} onHover={setHover} onPick={setStep} t={t} />
          </section>
        </div>
        <div className="stage">
          <section className="stage-block" aria-labelledby="filters-title">
            <header>
              <h3 id="filters-title">
                {t.filtersTitle}{' '}
                <span className="dim">
                  {F}×{C}×{KH}×{KW} {t.biases(`${F}`)}
                </span>
              </h3>
              <ColorLegend maxAbs={model.weightMax} label={t.weightsLegend} width={legendWidth} />
            </header>
            {model.presetIssues.length > 0 && (
              <p className="hint">
                {model.presetIssues
                  .map((p) => t.presetFallback(`${p.filter}`, presetLabel(p.preset, t), presetProblemText(p.preset, KH, KW, t) ?? ''))
                  .join(' ')}
              </p>
            )}
            <FilterBank
              model={model}
              image={image}
              overlays={weightHl}
              biasFocus={biasHl}
              edited={edits}
              presets={presetList}
              cell={weightCell}
              fontSize={numberFont(weightCell, model.weightMax, ints, present)}
              onHover={setHover}
              onPreset={store.getState().setPreset}
              onEditWeight={store.getState().setWeight}
              onEditBias={store.getState().setBias}
              t={t}
            />
          </section>
          <StepDetail {...detail} present={present} t={t} />
        </div>
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
