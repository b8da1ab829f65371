import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { localized } from '../i18n/localized';
import { getAppStore, useAppStore, selectPlaying, selectRejection, selectLang } from '../state/store';
import { SPEEDS } from '../state/params';
import {
  applyPreset,
  changeSpeed,
  globalStep,
  nextBatch,
  resetAffine,
  selectGroup,
  setAffine,
  setBatch,
  setEps,
  setGlobalStep,
  setGroups,
  setKind,
  setLayout,
  setMode,
  setMomentum,
  setOffset,
  setSeed,
  setShape,
  setSource,
  setSpeed,
  setSpread,
  setValue,
  type NormConfig,
  type NormResult,
} from '../state/views/norm';
import { normGroupTrace, normStep } from '../engine/trace-norm';
import { PlaybackBar } from '../components/PlaybackBar';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { ColorLegend } from '../components/ColorLegend';
import { NumberEditor } from '../components/NumberEditor';
import { useShortcuts } from '../components/useShortcuts';
import { usePlayback } from '../components/usePlayback';
import { useElementWidth } from '../components/useElementWidth';
import { useThrottled } from '../components/useThrottled';
import { common } from '../i18n/common';
import { norm } from '../i18n/norm';
import { useT } from '../i18n/useT';
import { maxAbsOf } from '../viz/color';
import { formatCount, formatValue } from '../viz/format';
import { buildBatch, buildTestSample } from './norm/data';
import {
  buildNormModel,
  channelNamer,
  countFormula,
  describeGroup,
  mapsOfGroup,
  progressOf,
  runningHistory,
  testResult,
  traceOptions,
} from './norm/model';
import {
  BADGE_H,
  HEADER_H,
  LABEL_W,
  cellOrigin,
  cellPath,
  coordsOf,
  mapsPath,
  prefixPath,
  suffixPath,
  tensorGeometry,
} from './norm/layout';
import { TENSOR_NUMBER_MIN_CELL, TensorView, type TensorOverlays } from './norm/TensorView';
import { StepSheet } from './norm/StepSheet';
import { GroupBars } from './norm/Charts';
import { ChannelHistograms } from './norm/ChannelHistograms';
import { TrainTest } from './norm/TrainTest';
import { NormControls, type NormActions } from './norm/NormControls';
import { NormSummary } from './norm/NormSummary';
import { stepArithmetic, stepHeadline } from './norm/steps';
import { useNormPixels } from './norm/usePixels';
import { usePresentScale } from './norm/present';
import { useAfterFirstPaint } from './norm/useAfterFirstPaint';
import './norm/norm.css';

/** The configuration without the walk-through's position and speed: what the data and statistics depend on. */
const structuralKey = (cfg: NormConfig) => JSON.stringify({ ...cfg, grp: 0, step: 0, speed: 0 });
/** What the mini-batches depend on (not γ, β, ε, the kind or the mode). */
const dataKey = (cfg: NormConfig) =>
  JSON.stringify([
    cfg.layout,
    cfg.n,
    cfg.c,
    cfg.h,
    cfg.w,
    cfg.src,
    cfg.seed,
    cfg.off,
    cfg.sd,
    cfg.x,
    cfg.cv,
    cfg.batch,
  ]);

/** The tallest a tensor is drawn (so that a large one does not push everything else off the page). */
const MAX_TENSOR_H = 1000;

/** The largest cell drawn, and how much larger it may be in presentation mode (so a tensor still fits a screen). */
const MAX_CELL = 60;
const MAX_CELL_PRESENT = 1.2;

/**
 * Cell size that fits a tensor into `width` pixels (and, when its cells cannot show numbers, into
 * MAX_TENSOR_H), with labels `scale` times their usual size and larger cells in presentation mode.
 */
function fitCell(cfg: NormConfig, width: number, scale: number): number {
  const labelW = Math.round(LABEL_W * scale);
  const max = Math.round(MAX_CELL * Math.min(scale, MAX_CELL_PRESENT));
  if (cfg.layout === 'nd') return Math.max(18, Math.min(max, Math.floor((width - labelW - 4) / cfg.c)));
  const gaps = (cfg.n - 1) * 12 + 4;
  const byWidth = Math.floor((width - labelW - gaps) / (cfg.n * cfg.w));
  const byHeight = Math.floor(
    (MAX_TENSOR_H * scale - HEADER_H * scale - cfg.c * (BADGE_H * scale + 6)) / (cfg.c * cfg.h),
  );
  // Cells too small for their numbers anyway also keep the whole tensor within MAX_TENSOR_H.
  const cell = Math.min(max, byWidth);
  return Math.max(3, cell >= TENSOR_NUMBER_MIN_CELL ? cell : Math.min(cell, byHeight));
}

/** Above this speed (steps per second) the screen-reader text says only "Playing". */
const LIVE_MAX_SPEED = 2;
/** The screen-reader text changes at most this often (ms). */
const LIVE_EVERY = 500;
/**
 * Above this speed (steps per second) the step sheet (its stages, arithmetic and member table) follows
 * playback at most 8 times a second: faster it cannot be read, and redrawing its ~100 numbers on every
 * frame took most of a frame on the largest tensor.
 */
const SHEET_MAX_SPEED = 30;
const SHEET_EVERY = 125;

/**
 * Paint the input by group or by value. Its own component, so the radios are not rendered again at
 * every step of playback (React sets a radio's name on each render, and the browser then re-files it
 * in its group).
 */
const PaintChoice = memo(function PaintChoice({
  paint,
  onPaint,
}: {
  paint: 'group' | 'value';
  onPaint: (p: 'group' | 'value') => void;
}) {
  const t = useT(norm);
  return (
    <div className="paint-choice" role="radiogroup" aria-label={t.paintByLabel}>
      <span className="dim" aria-hidden="true">
        {t.paintBy}
      </span>
      <label>
        <input type="radio" name="norm-paint" checked={paint === 'group'} onChange={() => onPaint('group')} />{' '}
        {t.paintGroup}
      </label>
      <label>
        <input type="radio" name="norm-paint" checked={paint === 'value'} onChange={() => onPaint('value')} />{' '}
        {t.paintValue}
      </label>
    </div>
  );
});

/**
 * The normalization lab: which values share one mean and variance under batch, layer, instance and
 * group norm (every group coloured and numbered on the tensor), one group's statistics worked out
 * step by step, the statistics per group filling in, each channel's distribution before and after
 * (with γ, β and ε to edit), and training against testing with running statistics.
 */
export function NormPanel() {
  const t = useT(norm);
  const tc = useT(common);
  const scale = usePresentScale();
  const store = getAppStore();
  const cfg = useAppStore((s) => s.views.norm);
  const playing = useAppStore(selectPlaying);
  const storedRejection = useAppStore(selectRejection);
  const lang = useAppStore(selectLang);
  // A refusal is shown in the page's language (its Korean when the action wrote one).
  const rejection = useMemo(
    () => (storedRejection ? { ...storedRejection, message: localized(storedRejection, lang) } : null),
    [storedRejection, lang],
  );
  const [hoverFlat, setHoverFlat] = useState<number | null>(null);
  const [hoverGroup, setHoverGroup] = useState<number | null>(null);
  const [paint, setPaint] = useState<'group' | 'value'>('group');
  const [help, setHelp] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [mainRef, mainWidth] = useElementWidth<HTMLDivElement>(900);
  // What lies below the fold on opening (the step sheet and the bars, the histograms, training vs
  // testing: about half of the page's elements) is rendered once the top has been painted.
  const below = useAfterFirstPaint();
  const valuesRef = useRef<Float32Array | null>(null);

  /** Applies a pure action to the latest configuration: stores the result, or records the refusal. */
  const run = useCallback(
    (action: (cfg: NormConfig) => NormResult) => {
      const st = store.getState();
      const r = action(st.views.norm);
      if ('config' in r) st.setView('norm', r.config);
      else st.reject(r.rejection.field, r.rejection.message, r.rejection.ko);
    },
    [store],
  );

  const key = structuralKey(cfg);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structural = useMemo(() => cfg, [key]);
  const dkey = dataKey(cfg);
  const { pixels, error: pixelError } = useNormPixels(structural);

  // Mini-batches 0 … batch (their running statistics), the current one last.
  const batches = useMemo(() => {
    if (!pixels) return null;
    const out = [];
    for (let b = 0; b <= structural.batch; b++) {
      const x = buildBatch(structural, b, pixels);
      if (!x) return null;
      out.push(x);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dkey, pixels]);
  const x = batches ? batches[batches.length - 1]! : null;
  const model = useMemo(() => (x ? buildNormModel(structural, x) : null), [structural, x]);
  const history = useMemo(
    () => (batches ? runningHistory(structural, batches) : null),
    [structural, batches],
  );
  const test = useMemo(() => {
    if (!pixels || !history || structural.mode !== 'test') return null;
    const t = buildTestSample(structural, pixels);
    return t ? testResult(structural, t, history) : null;
  }, [structural, pixels, history]);
  const opts = useMemo(() => traceOptions(structural), [structural]);
  const names = useMemo(() => channelNamer(structural, t), [structural, t]);

  const total = model?.total ?? 1;
  const at = Math.min(globalStep(cfg), total - 1);
  const step = useMemo(() => (x && model ? normStep(x, opts, at) : null), [x, model, opts, at]);
  const grp = step?.group ?? 0;
  const trace = useMemo(() => (x && model ? normGroupTrace(x, opts, grp) : null), [x, model, opts, grp]);
  const progress = progressOf(grp, step ? at - grp * (model?.per ?? 1) : 0, model?.m ?? 1);

  const setStep = useCallback((i: number) => run((c) => setGlobalStep(c, i)), [run]);
  const pause = useCallback(() => store.getState().pause(), [store]);
  const toggle = useCallback(() => {
    const st = store.getState();
    if (st.playing) return st.pause();
    const c = st.views.norm;
    if (model && globalStep(c) >= model.total - 1) run((cc) => setGlobalStep(cc, 0));
    // Not st.play(): it would restart the convolution view's walk-through.
    store.setState({ playing: true });
  }, [store, run, model]);

  usePlayback({ playing, speed: cfg.speed, step: at, total, setStep, onEnd: pause });
  useShortcuts({
    toggle,
    next: () => setStep(globalStep(store.getState().views.norm) + 1),
    prev: () => setStep(globalStep(store.getState().views.norm) - 1),
    first: () => setStep(0),
    last: () => setStep(total - 1),
    faster: () => run((c) => changeSpeed(c, 1)),
    slower: () => run((c) => changeSpeed(c, -1)),
    help: () => setHelp(true),
  });

  const actions = useMemo<NormActions>(
    () => ({
      setLayout: (l) => run((c) => setLayout(c, l)),
      setKind: (k) => run((c) => setKind(c, k)),
      setGroups: (g) => run((c) => setGroups(c, g)),
      setShape: (n, ch, h, w) => run((c) => setShape(c, n, ch, h, w)),
      setSource: (src) =>
        run((c) =>
          setSource(c, src, { values: valuesRef.current ?? undefined, conv: store.getState().config }),
        ),
      setSeed: (seed) => run((c) => setSeed(c, seed)),
      setOffset: (ch, v) => run((c) => setOffset(c, ch, v)),
      setSpread: (ch, v) => run((c) => setSpread(c, ch, v)),
      applyPreset: (p) => run((c) => applyPreset(c, p)),
      takeConv: () => run((c) => setSource(c, 'conv', { conv: store.getState().config })),
    }),
    [run, store],
  );
  // The data on screen, for "values typed by hand" to start from (read when the source changes).
  useEffect(() => {
    valuesRef.current = x?.data ?? null;
  }, [x]);

  // Geometry: input and output side by side when both stay readable, else one above the other.
  const pad = 26;
  const half = fitCell(structural, (mainWidth - 12) / 2 - pad, scale);
  const full = fitCell(structural, mainWidth - pad, scale);
  // Side by side when the cells keep their numbers there, or would lose them anyway.
  const cell = half >= TENSOR_NUMBER_MIN_CELL || full < TENSOR_NUMBER_MIN_CELL || half >= full ? half : full;
  const shape = useMemo(
    () => ({ layout: structural.layout, n: structural.n, c: structural.c, h: structural.h, w: structural.w }),
    [structural],
  );
  const geo = useMemo(() => tensorGeometry(shape, cell, scale), [shape, cell, scale]);

  // Highlights: the current group's maps, the members its stage has used, the current member; the hovered group.
  const hovered =
    hoverGroup ??
    (hoverFlat !== null && model
      ? model.mapGroup[coordsOf(shape, hoverFlat).n * shape.c + coordsOf(shape, hoverFlat).c]!
      : null);
  const groupMaps = useMemo(() => mapsOfGroup(structural, grp), [structural, grp]);
  const groupPath = useMemo(() => mapsPath(geo, groupMaps, 0), [geo, groupMaps]);
  const used = step ? (step.k >= 0 ? step.k + 1 : step.count) : 0;
  const laterPending = useMemo(() => {
    if (!model) return '';
    let d = '';
    for (let g = grp + 1; g < model.groups; g++) d += mapsPath(geo, mapsOfGroup(structural, g));
    return d;
  }, [geo, structural, grp, model]);
  const inputOverlays: TensorOverlays = {
    group: groupPath,
    done: step ? prefixPath(geo, groupMaps, used) : '',
    focus: step && step.member >= 0 ? cellPath(geo, step.member) : '',
    hover: hovered !== null && hovered !== grp ? mapsPath(geo, mapsOfGroup(structural, hovered), 0) : '',
  };
  const outputOverlays: TensorOverlays = {
    group: groupPath,
    pending: laterPending,
    pendingHere: suffixPath(geo, groupMaps, progress.outputsDone),
    focus: step && step.stage === 'affine' ? cellPath(geo, step.member) : '',
    hover: inputOverlays.hover,
  };

  const describeG = useCallback(
    (g: number) => describeGroup(structural, g, t, names),
    [structural, names, t],
  );
  const where = useCallback(
    (flat: number) => {
      const { n, c, r, q } = coordsOf(shape, flat);
      return shape.layout === 'nd'
        ? t.whereNd(String(n), names(c))
        : t.whereNchw(String(n), names(c), String(r), String(q));
    },
    [shape, names, t],
  );
  const whereShort = useCallback(
    (flat: number) => {
      const { n, c, r, q } = coordsOf(shape, flat);
      return shape.layout === 'nd' ? `n ${n}, d ${c}` : `n ${n}, c ${c}, (${r}, ${q})`;
    },
    [shape],
  );
  const groupStats = (g: number) =>
    model
      ? t.groupStats(
          String(g),
          describeG(g),
          formatCount(model.m),
          formatValue(model.mean[g]!),
          formatValue(model.variance[g]!),
        )
      : '';
  const describeIn = useCallback(
    (flat: number) => {
      if (!model) return '';
      const { n, c } = coordsOf(shape, flat);
      const g = model.mapGroup[n * shape.c + c]!;
      return t.describeIn(
        where(flat),
        formatValue(model.x.data[flat]!),
        String(g),
        formatValue(model.mean[g]!),
        formatValue(model.variance[g]!),
        formatCount(model.m),
      );
    },
    [model, shape, where, t],
  );
  const describeOut = useCallback(
    (flat: number) => {
      if (!model) return '';
      const { n, c } = coordsOf(shape, flat);
      const g = model.mapGroup[n * shape.c + c]!;
      return t.describeOut(
        where(flat),
        formatValue(model.y[flat]!),
        formatValue(model.xhat[flat]!),
        String(g),
      );
    },
    [model, shape, where, t],
  );
  const onActivate = useCallback(
    (flat: number) => {
      const st = store.getState();
      const c = st.views.norm;
      const { n, c: ch } = coordsOf(shape, flat);
      const g = model ? model.mapGroup[n * shape.c + ch]! : 0;
      if (c.src === 'custom') setEditing(flat);
      if (g !== c.grp) run((cc) => selectGroup(cc, g));
    },
    [store, shape, model, run],
  );
  const onHoverBar = useCallback((g: number | null) => setHoverGroup(g), []);
  const handlers = useMemo(
    () => ({
      gamma: (ch: number, v: number) => run((c) => setAffine(c, 'gamma', ch, v)),
      beta: (ch: number, v: number) => run((c) => setAffine(c, 'beta', ch, v)),
      eps: (v: number) => run((c) => setEps(c, v)),
      reset: () => run(resetAffine),
      mode: (m: 'train' | 'test') => run((c) => setMode(c, m)),
      next: () => run(nextBatch),
      batch: (b: number) => run((c) => setBatch(c, b)),
      momentum: (m: number) => run((c) => setMomentum(c, m)),
    }),
    [run],
  );

  const arith = step ? stepArithmetic(step, structural.eps, t) : '';
  const headline =
    hovered !== null && model
      ? groupStats(hovered)
      : step
        ? t.headline(formatCount(at + 1), String(grp), describeG(grp), arith)
        : t.reading;
  // What a screen reader hears: the current step worked out, at most twice a second; only "Playing" when fast.
  const liveNow = !step
    ? ''
    : playing && cfg.speed > LIVE_MAX_SPEED
      ? t.livePlaying
      : t.liveStep(tc.stepOf(formatCount(at + 1), formatCount(total)), String(grp), describeG(grp), arith);
  const live = useThrottled(liveNow, LIVE_EVERY);
  const sheetNow = useMemo(() => (step && trace ? { step, trace } : null), [step, trace]);
  const sheet = useThrottled(sheetNow, playing && cfg.speed > SHEET_MAX_SPEED ? SHEET_EVERY : 0);
  const yMax = useMemo(() => (model ? maxAbsOf(model.y) : 1), [model]);
  const xMax = useMemo(() => (model ? maxAbsOf(model.x.data) : 1), [model]);
  // Beside the step sheet when there is room for both (the sheet wants about 740 px, 900 px presented), else
  // below it at full width.
  const sheetW = scale > 1 ? 900 : 740;
  const barsW =
    mainWidth >= sheetW + 400
      ? Math.min(560, mainWidth - sheetW)
      : Math.max(240, Math.min(640 * scale, mainWidth - 26));
  const unit =
    structural.kind === 'batch' ? (structural.layout === 'nd' ? t.unitFeature : t.unitChannel) : t.unitGroup;
  const focusChannel = structural.kind === 'batch' ? grp : 0;

  return (
    <div className="norm-view">
      <aside className="side" aria-label={t.settings}>
        <NormControls cfg={structural} actions={actions} rejection={rejection} pixelError={pixelError} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">{t.title}</h2>
        <NormSummary cfg={structural} />
        {!model && <p className="hint">{t.reading}</p>}
        {model && (
          <>
            <PlaybackBar
              step={at}
              total={total}
              playing={playing}
              speed={cfg.speed}
              speeds={SPEEDS}
              describe={step ? t.playDescribe(String(grp), stepHeadline(step, t)) : ''}
              onStep={setStep}
              onToggle={toggle}
              onSpeed={(s) => run((c) => setSpeed(c, s))}
            />
            <p className="focus-line" data-testid="focus-line">
              {headline}
              <span className="dim edit-only"> · {tc.pressHelp}</span>
            </p>
            <p className="visually-hidden" aria-live="polite" data-testid="norm-live">
              {live}
            </p>
            <div className="stage">
              <section
                className="stage-block tensor-block"
                aria-labelledby="norm-in-title"
                style={{ maxWidth: Math.max(geo.width + 28, 340) }}
              >
                <header>
                  <h3 id="norm-in-title">
                    {t.input}{' '}
                    <span className="dim">
                      {structural.layout === 'nd'
                        ? `N×D = ${shape.n}×${shape.c}`
                        : `N×C×H×W = ${shape.n}×${shape.c}×${shape.h}×${shape.w}`}
                    </span>
                  </h3>
                  <PaintChoice paint={paint} onPaint={setPaint} />
                </header>
                <p className="hint">
                  {paint === 'group'
                    ? t.groupsHint(formatCount(model.groups), countFormula(structural))
                    : t.valueHint}{' '}
                  <span className="edit-only">{t.hoverHint}</span>
                  {cell < TENSOR_NUMBER_MIN_CELL ? ` ${t.tooSmall}` : ''}
                </p>
                {paint === 'value' && <ColorLegend maxAbs={xMax} label={t.inputValues} />}
                <div className="tensor-wrap">
                  <TensorView
                    geo={geo}
                    values={model.x.data}
                    mapGroup={model.mapGroup}
                    paint={paint}
                    maxAbs={xMax}
                    overlays={inputOverlays}
                    channelName={names}
                    label={(structural.src === 'custom' ? t.inputLabelEdit : t.inputLabel)(
                      shape.layout === 'nd'
                        ? t.shapeNd(String(shape.n), String(shape.c))
                        : t.shapeNchw(String(shape.n), String(shape.c), String(shape.h), String(shape.w)),
                      formatCount(model.groups),
                    )}
                    testId="tensor-in"
                    describe={describeIn}
                    onHover={setHoverFlat}
                    onActivate={onActivate}
                  />
                  {editing !== null && structural.src === 'custom' && (
                    <NumberEditor
                      initial={model.x.data[editing]!}
                      label={t.newValueAt(where(editing))}
                      style={{
                        left: cellOrigin(geo, editing)[0],
                        top: cellOrigin(geo, editing)[1] + geo.cell,
                      }}
                      onCommit={(v) => {
                        const i = editing;
                        setEditing(null);
                        run((c) => setValue(c, i, v));
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </div>
              </section>
              <section
                className="stage-block tensor-block"
                aria-labelledby="norm-out-title"
                style={{ maxWidth: Math.max(geo.width + 28, 340) }}
              >
                <header>
                  <h3 id="norm-out-title">
                    {t.output} <span className="dim">{t.outputNote}</span>
                  </h3>
                  <ColorLegend maxAbs={yMax} label={t.outputValues} />
                </header>
                <TensorView
                  geo={geo}
                  values={model.y}
                  mapGroup={model.mapGroup}
                  paint="value"
                  maxAbs={yMax}
                  overlays={outputOverlays}
                  channelName={names}
                  label={t.outputLabel}
                  testId="tensor-out"
                  describe={describeOut}
                  onHover={setHoverFlat}
                  onActivate={onActivate}
                />
              </section>
            </div>
            {below && (
              <>
                <div className="stage">
                  {sheet && (
                    <StepSheet
                      step={sheet.step}
                      trace={sheet.trace}
                      eps={structural.eps}
                      groupWords={describeG(sheet.step.group)}
                      countWords={countFormula(structural)}
                      where={whereShort}
                      whereHead={shape.layout === 'nd' ? t.whereHeadNd : t.whereHeadNchw}
                    />
                  )}
                  <section className="stage-block norm-bars" aria-label={t.statsPerGroup}>
                    <GroupBars
                      title={t.meanPerGroup(formatCount(model.groups))}
                      values={model.mean}
                      current={grp}
                      currentKnown={progress.meanKnown}
                      hovered={hovered}
                      width={barsW}
                      testId="bars-mean"
                      onHover={onHoverBar}
                      unit={unit}
                    />
                    <GroupBars
                      title={t.varPerGroup}
                      values={model.variance}
                      current={grp}
                      currentKnown={progress.varKnown}
                      hovered={hovered}
                      width={barsW}
                      testId="bars-var"
                      onHover={onHoverBar}
                      unit={unit}
                    />
                  </section>
                </div>
                <ChannelHistograms
                  cfg={structural}
                  model={model}
                  width={mainWidth}
                  channelName={names}
                  describeGroup={describeG}
                  onGamma={handlers.gamma}
                  onBeta={handlers.beta}
                  onEps={handlers.eps}
                  onReset={handlers.reset}
                  rejection={rejection}
                />
                <TrainTest
                  cfg={structural}
                  history={history}
                  test={test}
                  width={mainWidth}
                  channelName={names}
                  focusChannel={focusChannel}
                  onMode={handlers.mode}
                  onNextBatch={handlers.next}
                  onBatch={handlers.batch}
                  onMomentum={handlers.momentum}
                  rejection={rejection}
                />
              </>
            )}
          </>
        )}
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
