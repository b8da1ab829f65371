import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { localized } from '../i18n/localized';
import { getAppStore, useAppStore, selectPlaying, selectRejection, selectLang } from '../state/store';
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
import { useThrottled } from '../components/useThrottled';
import { poolStep } from '../engine/trace';
import { useT } from '../i18n/useT';
import { pool } from '../i18n/pool';
import { common } from '../i18n/common';
import { NUMBER_MIN_CELL } from '../components/Grid';
import { imageErrorText, imageToPixels, loadSample, type SampleName } from '../io/image';
import { image as imageStrings } from '../i18n/image';
import type { ImagePixels } from './conv/model';
import { formatCount } from '../viz/format';
import { buildPoolModel, stepPosition } from './pool/model';
import { buildReluModel } from './pool/relu';
import { poolHighlights, stepAnnouncement, type PoolHover } from './pool/focus';
import { PoolControls, type PoolActions } from './pool/PoolControls';
import { PoolSummary } from './pool/PoolSummary';
import { PoolMaps } from './pool/PoolMaps';
import { PoolStepDetail } from './pool/PoolStepDetail';
import './pool/pool.css';

// The ReLU part shows only when chosen (`part=relu`): its code loads then.
const ReluPart = lazy(() => import('./pool/ReluPart').then((m) => ({ default: m.ReluPart })));

const selectPool = (s: AppState) => s.views.pool;
const selectPresent = (s: AppState) => s.ui.present;

/** Above this speed (steps per second) the live region says "Playing" instead of reading every step. */
const ANNOUNCE_MAX_SPEED = 2;

/** The configuration without the fields that change every frame, as a memo key for the model. */
const structuralKey = (cfg: PoolConfig) => JSON.stringify({ ...cfg, step: 0, speed: 0 });

/** A sample image's pixels at the configured size (null for seeded inputs, or until loaded). */
function usePixels(cfg: PoolConfig): { key: string; pixels: ImagePixels | null; error: string | null } {
  const ti = useT(imageStrings);
  const [state, setState] = useState<{ key: string; pixels: ImagePixels | null; error: unknown }>({
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
      (err: unknown) => live && setState({ key, pixels: null, error: err }),
    );
    return () => {
      live = false;
    };
  }, [key, image, cfg.src, cfg.c, cfg.h, cfg.w]);
  if (!image || state.key !== key) return { key, pixels: null, error: null };
  // The message is worded at render time, so it follows a change of language.
  return { key, pixels: state.pixels, error: state.error === null ? null : imageErrorText(state.error, ti) };
}

const PARTS = [
  { part: 'pool', label: 'partPool' },
  { part: 'relu', label: 'partRelu' },
] as const satisfies readonly { part: PoolPart; label: keyof typeof pool.en }[];

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
  const storedRejection = useAppStore(selectRejection);
  const lang = useAppStore(selectLang);
  // A refusal is shown in the page's language (its Korean when the action wrote one).
  const rejection = useMemo(
    () => (storedRejection ? { ...storedRejection, message: localized(storedRejection, lang) } : null),
    [storedRejection, lang],
  );
  const present = useAppStore(selectPresent);
  const t = useT(pool);
  const tc = useT(common);
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
  // A hovered cell belongs to the maps it was on: a new configuration (a link, a control) drops it.
  const [hoverKey, setHoverKey] = useState(key);
  if (hoverKey !== key) {
    setHoverKey(key);
    setHover(null);
  }
  const model = useMemo(() => buildPoolModel(structural, pixels), [structural, pixels]);
  const relu = useMemo(
    () => (structural.part === 'relu' ? buildReluModel(structural, model.input) : null),
    [structural, model],
  );
  const step = Math.max(0, Math.min(cfg.step, model.total - 1));
  const hl = useMemo(() => poolHighlights(model, step, hover, t), [model, step, hover, t]);

  /** Applies a pure action's result: the new configuration, or the refusal next to its control. */
  const apply = useCallback(
    (result: PoolResult) => {
      const s = store.getState();
      if ('config' in result) s.setView('pool', result.config);
      else s.reject(result.rejection.field, result.rejection.message, result.rejection.ko);
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
  // are capped so that eight channels stay on one screen, and painted on canvases. Presenting, the
  // settings are hidden and the cells grow, to read from the back of a hall.
  const C = model.channels;
  const pairUnits = model.drawW + model.outW;
  // Best: every channel in one row with the worked step beside them, numbers still readable; else
  // as many channel pairs per row as keep numbers readable (the step then goes below); else one
  // pair per row, colours only.
  const beside = mainWidth >= 880 ? (present ? 520 : 400) : 0;
  const gap = present ? 90 : 70;
  const perRow = (n: number, room: number) => (room - n * gap) / (n * pairUnits);
  // Whole numbers read at the grid's smallest numbered cell; decimals such as −0.72 need more room.
  const legible = (cfg.src === 'int' ? NUMBER_MIN_CELL : 34) * (present ? 1.5 : 1);
  const sideBySide = beside > 0 && perRow(C, mainWidth - beside) >= legible;
  let pairs = C;
  while (!sideBySide && pairs > 1 && perRow(pairs, mainWidth) < legible) pairs--;
  const capped = (present ? (C <= 2 ? 560 : 420) : C <= 2 ? 380 : 300) / Math.max(model.drawH, model.drawW);
  const most = present ? (C <= 2 ? 96 : 72) : C <= 2 ? 56 : 44;
  // Presenting, one row of channels also fits the height: the bars above take about 15 root ems.
  const rem = present ? parseFloat(getComputedStyle(document.documentElement).fontSize) || 21 : 0;
  const tall = present && pairs === C ? Math.max(legible, (window.innerHeight - 15 * rem) / model.drawH) : Infinity;
  const raw = Math.min(most, capped, tall, perRow(pairs, sideBySide ? mainWidth - beside : mainWidth));
  const cell = raw >= NUMBER_MIN_CELL ? Math.floor(raw) : Math.max(1.5, raw);
  const at = stepPosition(step, model.outH, model.outW);
  const describe = t.stepAt(formatCount(at.c), formatCount(at.oh), formatCount(at.ow));
  const large = cfg.h * cfg.w > 1600 || cell < NUMBER_MIN_CELL;

  // What a screen reader hears: the current step's worked arithmetic, at most twice a second while
  // playing, and only "Playing" at speeds nobody could follow. The hovered cell does not change it.
  const fast = playing && cfg.speed > ANNOUNCE_MAX_SPEED;
  const shownStep = hover === null ? hl.step : null;
  const announcement = useMemo(() => {
    if (!stepping) return '';
    if (fast) return t.playing;
    const s = shownStep ?? poolStep(model.input, model.opts, step);
    return stepAnnouncement(s, structural.w, structural.cip === 'true', t);
  }, [stepping, fast, shownStep, model, step, structural, t]);
  const announced = useThrottled(announcement, playing ? 500 : 0);
  // The worked step follows playback at most eight times a second (a big window, whose equation lists
  // up to 121 values, twice): at full speed it is unreadable anyway, and redrawing it every frame costs
  // a layout of its long equation. Paused, it follows every step and hover at once.
  const taps = structural.k[0] * structural.k[1];
  const detailStep = useThrottled(hl.step, playing ? (taps > 25 ? 500 : 125) : 0);

  return (
    <div className="pool-view">
      <aside className="side edit-only" aria-label={t.settings}>
        <PoolControls cfg={structural} actions={actions} rejection={rejection} loadError={loadError} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">{t.heading}</h2>
        <div className="pool-toolbar">
          <div className="pool-parts" role="group" aria-label={t.parts}>
            {PARTS.map((p) => (
              <button
                key={p.part}
                type="button"
                aria-pressed={cfg.part === p.part}
                onClick={() => choosePart(p.part)}
                data-testid={`part-${p.part}`}
              >
                {t[p.label]}
              </button>
            ))}
          </div>
          {present && (
            // Presenting hides the settings; the lecture still switches between max and average pooling.
            <div className="pool-parts" role="group" aria-label={t.kind} data-testid="present-kind">
              {(['max', 'avg'] as const).map((k) => (
                <button
                  key={k}
                  type="button"
                  aria-pressed={cfg.kind === k}
                  onClick={() => actions.setKind(k)}
                  data-testid={`present-kind-${k}`}
                >
                  {k === 'max' ? t.kindMax : t.kindAvg}
                </button>
              ))}
            </div>
          )}
        </div>
        {loading && <p className="hint">{t.loadingImage}</p>}
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
            <p className="focus-line" data-testid="focus-line">
              {hover ? hl.headline : tc.stepLine(formatCount(step + 1), hl.headline)}
              <span className="dim edit-only"> · {tc.pressHelp}</span>
            </p>
            <p className="visually-hidden" aria-live="polite" data-testid="live-step">
              {announced}
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
                    {t.mapsTitle}{' '}
                    <span className="dim">
                      {C}×{cfg.h}×{cfg.w} → {C}×{model.outH}×{model.outW}
                    </span>
                  </h3>
                  <ColorLegend
                    maxAbs={model.inputMax}
                    label={t.values}
                    palette={model.inputPalette}
                    width={present ? 240 : 160}
                  />
                </header>
                <p className="hint">
                  {model.kind === 'max' ? t.padReadsMax : t.padReadsAvg}
                  {large ? ` ${t.largeMaps}` : ''}
                  <span className="edit-only"> {t.hoverHint}</span>
                </p>
                <PoolMaps
                  model={model}
                  image={image}
                  filled={step}
                  input={hl.input}
                  output={hl.output}
                  cell={cell}
                  present={present}
                  onHover={setHover}
                  onPick={goTo}
                />
              </section>
              <PoolStepDetail
                step={detailStep}
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
                present={present}
              />
            </div>
          </>
        ) : (
          relu && (
            <Suspense
              fallback={
                <p className="loading" role="status">
                  {tc.loading}
                </p>
              }
            >
              <ReluPart cfg={structural} relu={relu} image={image} width={mainWidth} present={present} />
            </Suspense>
          )
        )}
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
