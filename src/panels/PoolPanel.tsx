import { useCallback, useEffect, useMemo, useState } from 'react';
import { getAppStore, useAppStore, selectPlaying, selectRejection } from '../state/store';
import { SPEEDS } from '../state/params';
import {
  changeSpeed,
  clonePool,
  isImageSource,
  setCeil,
  setCountIncludePad,
  setDilation,
  setInput,
  setKernel,
  setKind,
  setPadding,
  setPart,
  setReluFilter,
  setSeed,
  setSource,
  setSpeed,
  setStep,
  setStride,
  type PoolConfig,
  type PoolPart,
  type PoolResult,
} from '../state/views/pool';
import type { AppState } from '../state/store';
import { PlaybackBar } from '../components/PlaybackBar';
import { ColorLegend } from '../components/ColorLegend';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { useShortcuts } from '../components/useShortcuts';
import { usePlayback } from '../components/usePlayback';
import { useElementWidth } from '../components/useElementWidth';
import { NUMBER_MIN_CELL } from '../components/Grid';
import { imageToPixels, loadSample, type SampleName } from '../io/image';
import type { ImagePixels } from './conv/model';
import { formatCount } from '../viz/format';
import { buildPoolModel, stepPosition } from './pool/model';
import { buildReluModel } from './pool/relu';
import { poolHighlights, type PoolHover } from './pool/focus';
import { PoolControls, type PoolActions } from './pool/PoolControls';
import { PoolSummary } from './pool/PoolSummary';
import { PoolMaps } from './pool/PoolMaps';
import { PoolStepDetail } from './pool/PoolStepDetail';
import { ReluPart } from './pool/ReluPart';
import './pool/pool.css';

const selectPool = (s: AppState) => s.views.pool;

/** The configuration without the fields that change every frame, as a memo key for the model. */
const structuralKey = (cfg: PoolConfig) => JSON.stringify({ ...cfg, step: 0, speed: 0 });

/** A sample image's pixels at the configured size (null for seeded inputs, or until loaded). */
function usePixels(cfg: PoolConfig) {
  const [state, setState] = useState<{ key: string; pixels: ImagePixels | null; error: string | null }>({
    key: '',
    pixels: null,
    error: null,
  });
  const key = `${cfg.src}:${cfg.c}:${cfg.h}:${cfg.w}`;
  const image = isImageSource(cfg.src);
  useEffect(() => {
    if (!image) return;
    let live = true;
    loadSample(cfg.src as SampleName).then(
      (img) => live && setState({ key, pixels: imageToPixels(img, cfg.c, cfg.h, cfg.w), error: null }),
      (err: Error) => live && setState({ key, pixels: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [key, image, cfg.src, cfg.c, cfg.h, cfg.w]);
  return image && state.key === key ? state : { key, pixels: null, error: null };
}

const PARTS: { part: PoolPart; label: string }[] = [
  { part: 'pool', label: 'Pooling, step by step' },
  { part: 'relu', label: 'Activation (ReLU)' },
];

/**
 * The pooling view (`#/pool`): max or average pooling walked through one output cell at a time — the
 * window on its channel, the maximum (with PyTorch's tie rule) or the sum and divisor, padding drawn
 * as −∞ or 0 — with the output-size formula, the zero parameter count, the PyTorch line; and, as a
 * second part, ReLU applied to a convolution's output and the [Conv, ReLU, Pool] block.
 */
export function PoolPanel() {
  const store = getAppStore();
  const cfg = useAppStore(selectPool);
  const playing = useAppStore(selectPlaying);
  const rejection = useAppStore(selectRejection);
  const [hover, setHover] = useState<PoolHover>(null);
  const [help, setHelp] = useState(false);
  const [mainRef, mainWidth] = useElementWidth<HTMLDivElement>(900);
  const { pixels, error: loadError } = usePixels(cfg);
  const image = isImageSource(cfg.src);
  const loading = image && !pixels && !loadError;

  const key = structuralKey(cfg);
  // The configuration as of its last structural change: what the controls and the summary show, so
  // they do not re-render on every step. The key stands for every field but step and speed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structural = useMemo(() => cfg, [key]);
  const model = useMemo(() => buildPoolModel(structural, pixels), [structural, pixels]);
  const relu = useMemo(
    () => (structural.part === 'relu' ? buildReluModel(structural, model.input) : null),
    [structural, model],
  );
  const step = Math.max(0, Math.min(cfg.step, model.total - 1));
  const hl = useMemo(() => poolHighlights(model, step, hover), [model, step, hover]);

  /** Applies a pure action's result: the new configuration, or the refusal next to its control. */
  const apply = useCallback(
    (result: PoolResult) => {
      const s = store.getState();
      if ('config' in result) s.setView('pool', result.config);
      else s.reject(result.rejection.field, result.rejection.message);
    },
    [store],
  );
  const current = useCallback(() => store.getState().views.pool, [store]);

  const actions = useMemo<PoolActions>(
    () => ({
      setKind: (v) => apply(setKind(current(), v)),
      setSource: (v) => apply(setSource(current(), v)),
      setInput: (c, h, w) => apply(setInput(current(), c, h, w)),
      setSeed: (v) => apply(setSeed(current(), v)),
      setKernel: (v) => apply(setKernel(current(), v)),
      setStride: (v) => apply(setStride(current(), v)),
      setPadding: (v) => apply(setPadding(current(), v)),
      setDilation: (v) => apply(setDilation(current(), v)),
      setCeil: (v) => apply(setCeil(current(), v)),
      setCountIncludePad: (v) => apply(setCountIncludePad(current(), v)),
      setReluFilter: (v) => apply(setReluFilter(current(), v)),
    }),
    [apply, current],
  );

  const goTo = useCallback((n: number) => apply(setStep(current(), n)), [apply, current]);
  const toggle = useCallback(() => {
    const s = store.getState();
    if (s.playing) return s.pause();
    const c = s.views.pool;
    if (c.part !== 'pool') return;
    if (c.step >= model.total - 1 && model.total > 1) s.setView('pool', { ...clonePool(c), step: 0 });
    store.setState({ playing: true });
  }, [store, model.total]);
  const pause = useCallback(() => store.getState().pause(), [store]);
  const onSpeed = useCallback((v: number) => apply(setSpeed(current(), v)), [apply, current]);
  const choosePart = (part: PoolPart) => {
    pause();
    setHover(null);
    apply(setPart(current(), part));
  };

  // Playing belongs to the view that started it: the store keeps one flag for every view, and a
  // link followed from another view does not clear it, so entering and leaving this view pause.
  useEffect(() => {
    pause();
    return pause;
  }, [pause]);

  const stepping = cfg.part === 'pool';
  usePlayback({
    playing: playing && stepping,
    speed: cfg.speed,
    step,
    total: model.total,
    setStep: goTo,
    onEnd: pause,
  });
  // The ReLU part does not step: only the speed and the help keys work there.
  useShortcuts({
    toggle: stepping ? toggle : undefined,
    next: stepping ? () => goTo(current().step + 1) : undefined,
    prev: stepping ? () => goTo(current().step - 1) : undefined,
    first: stepping ? () => goTo(0) : undefined,
    last: stepping ? () => goTo(model.total - 1) : undefined,
    faster: () => apply(changeSpeed(current(), 1)),
    slower: () => apply(changeSpeed(current(), -1)),
    help: () => setHelp(true),
  });

  // Every channel pair (input and output at one cell size) fits the width when it can; large inputs
  // are capped so that eight channels stay on one screen, and painted on canvases.
  const C = model.channels;
  const pairUnits = model.drawW + model.outW;
  // Best: every channel in one row with the worked step beside them, numbers still readable; else
  // as many channel pairs per row as keep numbers readable (the step then goes below); else one
  // pair per row, colours only.
  const beside = mainWidth >= 880 ? 400 : 0;
  const perRow = (n: number, room: number) => (room - n * 70) / (n * pairUnits);
  // Whole numbers read at the grid's smallest numbered cell; decimals such as −0.72 need more room.
  const legible = cfg.src === 'int' ? NUMBER_MIN_CELL : 34;
  const sideBySide = beside > 0 && perRow(C, mainWidth - beside) >= legible;
  let pairs = C;
  while (!sideBySide && pairs > 1 && perRow(pairs, mainWidth) < legible) pairs--;
  const capped = (C <= 2 ? 380 : 300) / Math.max(model.drawH, model.drawW);
  const raw = Math.min(C <= 2 ? 56 : 44, capped, perRow(pairs, sideBySide ? mainWidth - beside : mainWidth));
  const cell = raw >= NUMBER_MIN_CELL ? Math.floor(raw) : Math.max(1.5, raw);
  const at = stepPosition(step, model.outH, model.outW);
  const describe = `channel ${at.c}, row ${at.oh}, column ${at.ow}`;
  const large = cfg.h * cfg.w > 1600 || cell < NUMBER_MIN_CELL;

  return (
    <div className="pool-view">
      <aside className="side" aria-label="Settings">
        <PoolControls cfg={structural} actions={actions} rejection={rejection} loadError={loadError} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">Pooling and activation</h2>
        <div className="pool-parts" role="group" aria-label="Part of the view">
          {PARTS.map((p) => (
            <button
              key={p.part}
              type="button"
              aria-pressed={cfg.part === p.part}
              onClick={() => choosePart(p.part)}
              data-testid={`part-${p.part}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        {loading && <p className="hint">Loading the sample image…</p>}
        {stepping ? (
          <>
            <PoolSummary cfg={structural} model={model} />
            <PlaybackBar
              step={step}
              total={model.total}
              playing={playing}
              speed={cfg.speed}
              speeds={SPEEDS}
              describe={describe}
              onStep={goTo}
              onToggle={toggle}
              onSpeed={onSpeed}
            />
            <p className="focus-line" aria-live="polite" data-testid="focus-line">
              {hover ? hl.headline : `Step ${formatCount(step + 1)}: ${hl.headline}`} ·{' '}
              <span className="dim">press ? for keyboard shortcuts</span>
            </p>
            <div className="stage">
              <section
                className={`stage-block pool-maps-block${sideBySide ? '' : ' wide'}`}
                style={
                  sideBySide ? { flex: `0 1 ${Math.ceil(C * (pairUnits * cell + 70) + 30)}px` } : undefined
                }
                aria-labelledby="pool-maps-title"
              >
                <header>
                  <h3 id="pool-maps-title">
                    Input → output, channel by channel{' '}
                    <span className="dim">
                      {C}×{cfg.h}×{cfg.w} → {C}×{model.outH}×{model.outW}
                    </span>
                  </h3>
                  <ColorLegend maxAbs={model.inputMax} label="Values" palette={model.inputPalette} />
                </header>
                <p className="hint">
                  {model.kind === 'max'
                    ? 'Padding reads as −∞ in max pooling. '
                    : 'Padding reads as 0 in average pooling. '}
                  {large ? 'Large maps: colours only; hover a cell to read its value. ' : ''}
                  Hover an output cell for its window, an input cell for the windows that contain it; click an
                  output cell to jump to its step.
                </p>
                <PoolMaps
                  model={model}
                  image={image}
                  filled={step}
                  input={hl.input}
                  output={hl.output}
                  cell={cell}
                  onHover={setHover}
                  onPick={goTo}
                />
              </section>
              <PoolStepDetail
                step={hl.step}
                kernel={structural.k}
                width={cfg.w}
                channels={C}
                image={image}
                countIncludePad={structural.cip === 'true'}
                inputMax={model.inputMax}
                inputPalette={model.inputPalette}
                divisors={model.divisors}
                outH={model.outH}
                outW={model.outW}
              />
            </div>
          </>
        ) : (
          relu && <ReluPart cfg={structural} relu={relu} image={image} width={mainWidth} />
        )}
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
