import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useThrottled } from '../components/useThrottled';
import { getAppStore, useAppStore, selectConfig, selectPlaying, selectRejection } from '../state/store';
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
import { ConvSummary } from './conv/ConvSummary';
import { InputMaps, FilterBank, OutputMaps, cellSize } from './conv/ConvMaps';
import { NUMBER_MIN_CELL } from '../components/Grid';
import { StepDetail } from './conv/StepDetail';
import { SAMPLES, decodeImage, imageToPixels, loadSample, type SampleName } from '../io/image';
import { formatCount } from '../viz/format';

/** The uploaded image, kept for the page's lifetime (never in the URL, never sent anywhere). */
let uploadedImage: ImageBitmap | null = null;

/** The configuration without the fields that change every frame, as a memo key for the model. */
const structuralKey = (cfg: ConvConfig) => JSON.stringify({ ...cfg, step: 0, speed: 0 });

function usePixels(cfg: ConvConfig, uploaded: ImageBitmap | null) {
  const [state, setState] = useState<{ key: string; pixels: ImagePixels | null; error: string | null }>({ key: '', pixels: null, error: null });
  const key = `${cfg.src}:${cfg.c}:${cfg.h}:${cfg.w}`;
  useEffect(() => {
    if (cfg.src === 'int' || cfg.src === 'float') return;
    let live = true;
    const source: Promise<ImageBitmap> =
      cfg.src === 'upload'
        ? uploaded
          ? Promise.resolve(uploaded)
          : Promise.reject(new Error('No image was chosen. Pick one with “Your image…” or drop one on the input.'))
        : loadSample(cfg.src as SampleName);
    source.then(
      (img) => live && setState({ key, pixels: imageToPixels(img, cfg.c, cfg.h, cfg.w), error: null }),
      (err: Error) => live && setState({ key, pixels: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [key, cfg.src, cfg.c, cfg.h, cfg.w, uploaded]);
  const image = cfg.src !== 'int' && cfg.src !== 'float';
  return image && state.key === key ? state : { key, pixels: null, error: null };
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
  const [hover, setHover] = useState<Hover>(null);
  const [help, setHelp] = useState(false);
  const [uploaded, setUploaded] = useState<ImageBitmap | null>(uploadedImage);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [mainRef, mainWidth] = useElementWidth<HTMLDivElement>(900);
  const [zoom, setZoom] = useState(1);
  const { pixels, error: pixelError } = usePixels(cfg, uploaded);
  const image = cfg.src !== 'int' && cfg.src !== 'float';

  const key = structuralKey(cfg);
  // The configuration as of its last structural change: what the controls and the summary show, so
  // they do not re-render on every step. The key stands for every field but step and speed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structural = useMemo(() => cfg, [key]);
  const model = useMemo(() => buildConvModel(structural, pixels), [structural, pixels]);
  const opts = useMemo(() => ({ stride: structural.s, padding: structural.p, dilation: structural.d }), [structural]);
  const step = Math.min(cfg.step, model.total - 1);
  const hl = useMemo(() => highlightsFor(model, opts, step, hover), [model, opts, step, hover]);

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
        setUploadError((err as Error).message);
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
    () => ({ step: hl.step, weight: model.weight.data, kh: KH, kw: KW, channels: C, image, inputMax: model.inputMax, inputPalette: model.inputPalette, weightMax: model.weightMax }),
    [hl.step, model, KH, KW, C, image],
  );
  const detail = useThrottled(detailNow, 125);
  // Cell sizes. Input and output side by side at one cell size when their numbers stay readable;
  // otherwise each block on its own row: small grids (≤ 24 columns) keep readable numbers and wrap
  // one grid per row if need be (phones); large maps (images) stay side by side, colours only. No
  // map grows past 360 px unless zoomed.
  const gaps = 48;
  const inUnits = C * model.cols.padded;
  const outUnits = F * model.outW;
  const together = (mainWidth - 4 * gaps) / (inUnits + outUnits);
  const fit = (cols: number, n: number, cap: number) => {
    const row = (mainWidth - gaps - 14 * n) / (cols * n);
    if (row >= NUMBER_MIN_CELL) return Math.min(cap, row);
    if (cols <= 24) return Math.min(cap, (mainWidth - gaps) / cols);
    return Math.min(cap, row);
  };
  const readable = (c: number) => (c >= NUMBER_MIN_CELL ? Math.floor(c) : Math.max(1.5, c));
  const inCap = Math.min(40, 360 / model.cols.padded);
  const outCap = Math.min(44, 360 / model.outW);
  const inputCell = readable(zoom * (together >= NUMBER_MIN_CELL ? Math.min(inCap, together) : fit(model.cols.padded, C, inCap)));
  const outputCell = readable(zoom * (together >= NUMBER_MIN_CELL ? Math.min(outCap, together) : fit(model.outW, F, outCap)));
  const weightCell = cellSize(KW, KH, 110, 28);
  const at = { oc: Math.floor(step / (model.outH * model.outW)), oh: Math.floor(step / model.outW) % model.outH, ow: step % model.outW };
  const describe = `filter ${at.oc}, row ${at.oh}, column ${at.ow}`;
  const large = H * W > 1600;

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
      <aside className="side" aria-label="Settings">
        <ConvControls cfg={structural} actions={actions} rejection={rejection} uploadError={uploadError ?? pixelError} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">Convolution</h2>
        <ConvSummary cfg={structural} model={model} />
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
        <p className="focus-line" aria-live="polite" data-testid="focus-line">
          {hover ? hl.headline : `Step ${formatCount(step + 1)}: ${hl.headline}`} · <span className="dim">press ? for keyboard shortcuts</span>
        </p>
        <div className="zoom" role="group" aria-label="Zoom">
          <button type="button" className="small" onClick={() => setZoom((z) => Math.max(0.5, z / 1.5))} disabled={zoom <= 0.5} aria-label="Zoom out">
            −
          </button>
          <output aria-live="polite">{Math.round(zoom * 100)}%</output>
          <button type="button" className="small" onClick={() => setZoom((z) => Math.min(8, z * 1.5))} disabled={zoom >= 8} aria-label="Zoom in">
            +
          </button>
          {zoom !== 1 && (
            <button type="button" className="small" onClick={() => setZoom(1)}>
              Fit
            </button>
          )}
        </div>
        <div className="stage">
          <section className="stage-block" aria-labelledby="input-title">
            <header>
              <h3 id="input-title">
                Input <span className="dim">{C}×{H}×{W}{model.rows.padded > H || model.cols.padded > W ? ` padded to ${C}×${model.rows.padded}×${model.cols.padded}` : ''}</span>
              </h3>
              <ColorLegend maxAbs={model.inputMax} label="Input values" palette={model.inputPalette} />
            </header>
            {large && <p className="hint">Large input: colours only. Hover a cell to read its value.</p>}
            <InputMaps model={model} image={image} overlays={hl.input} cell={inputCell} onHover={setHover} />
          </section>
          <section className="stage-block" aria-labelledby="output-title">
            <header>
              <h3 id="output-title">
                Output <span className="dim">{F}×{model.outH}×{model.outW}</span>
              </h3>
              <ColorLegend maxAbs={model.outputMax} label="Output values" />
            </header>
            <OutputMaps model={model} filled={step} overlays={hl.output} cell={outputCell} onHover={setHover} onPick={setStep} />
          </section>
        </div>
        <div className="stage">
          <section className="stage-block" aria-labelledby="filters-title">
            <header>
              <h3 id="filters-title">
                Filters <span className="dim">{F}×{C}×{KH}×{KW} + {F} biases</span>
              </h3>
              <ColorLegend maxAbs={model.weightMax} label="Weights" />
            </header>
            {model.presetIssues.length > 0 && (
              <p className="hint">{model.presetIssues.map((p) => `Filter ${p.filter}: ${p.message}; using random weights.`).join(' ')}</p>
            )}
            <FilterBank
              model={model}
              image={image}
              overlays={hl.weights}
              biasFocus={hl.bias}
              edited={cfg.we}
              presets={cfg.fp}
              cell={weightCell}
              onHover={setHover}
              onPreset={store.getState().setPreset}
              onEditWeight={store.getState().setWeight}
              onEditBias={store.getState().setBias}
            />
          </section>
          <StepDetail {...detail} />
        </div>
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
