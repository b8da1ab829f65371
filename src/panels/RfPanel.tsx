import { useCallback, useMemo, useState } from 'react';
import { localized } from '../i18n/localized';
import { getAppStore, useAppStore, selectRejection, selectLang, type AppState } from '../state/store';
import {
  addRfLayer,
  applyRfPreset,
  moveRfLayer,
  removeRfLayer,
  rfLayersOf,
  selectRfCell,
  setRfInput,
  setRfLayersText,
  updateRfLayer,
  type RfConfig,
  type RfResult,
} from '../state/views/rf';
import { useElementWidth } from '../components/useElementWidth';
import { useThrottled } from '../components/useThrottled';
import { useShortcuts } from '../components/useShortcuts';
import { rf } from '../i18n/rf';
import { useT } from '../i18n/useT';
import { buildRfModel, selectionRegions } from './rf/model';
import { summaryText } from './rf/text';
import { RfControls, type RfActions } from './rf/RfControls';
import { RfMaps, type RfFocus } from './rf/RfMaps';
import { RfSummary } from './rf/RfSummary';
import { RfTable } from './rf/RfTable';
import { RfCompare, RfGrowthChart } from './rf/RfCharts';
import './rf/rf.css';

const selectRf = (s: AppState): RfConfig => s.views.rf;
const selectPresent = (s: AppState): boolean => s.ui.present;

/** The legend of the maps: each swatch's class and its text's key (never colour alone: see the outline). */
const LEGEND = [
  { cls: 'rf-swatch-field', key: 'legendField' },
  { cls: 'rf-swatch-selected', key: 'legendSelected' },
  { cls: 'rf-swatch-pad', key: 'legendPad' },
  { cls: 'rf-swatch-outline', key: 'legendOutline' },
] as const;

/**
 * The receptive-field view: a stack of convolutions and poolings with its controls, the selected
 * cell's field with the formula worked, every map from the input up with the field lit in each
 * earlier map, the per-layer table (size, growth, jump, start, published values) and charts of how
 * the field grows, with and without downsampling.
 */
export function RfPanel() {
  const store = getAppStore();
  const t = useT(rf);
  const cfg = useAppStore(selectRf);
  const present = useAppStore(selectPresent);
  const storedRejection = useAppStore(selectRejection);
  const lang = useAppStore(selectLang);
  // A refusal is shown in the page's language (its Korean when the action wrote one).
  const rejection = useMemo(
    () => (storedRejection ? { ...storedRejection, message: localized(storedRejection, lang) } : null),
    [storedRejection, lang],
  );
  const [hover, setHover] = useState<RfFocus | null>(null);
  const [zoom, setZoom] = useState(1);
  const [mainRef, mainWidth] = useElementWidth<HTMLDivElement>(900);

  const model = useMemo(() => buildRfModel({ layers: cfg.layers, size: cfg.size }), [cfg.layers, cfg.size]);
  const selected = useMemo<RfFocus>(() => ({ at: cfg.at, row: cfg.row, col: cfg.col }), [cfg.at, cfg.row, cfg.col]);
  const focus = hover && hover.at <= model.layers.length && hover.row < model.sides[hover.at]! && hover.col < model.sides[hover.at]! ? hover : selected;
  const regions = useMemo(() => selectionRegions(model, focus.at, focus.row, focus.col), [model, focus.at, focus.row, focus.col]);
  const preview = focus !== selected;
  const summary = useMemo(() => summaryText(model, focus, preview, regions, t), [model, focus, preview, regions, t]);
  // The screen reader hears the focused cell's field, at most twice a second while the pointer sweeps.
  const live = useThrottled(summary.live, 500);

  /** Stores an accepted configuration or records the refusal (under `field` when given). */
  const apply = useCallback(
    (result: RfResult, field?: string) => {
      const s = store.getState();
      if ('config' in result) s.setView('rf', result.config);
      else s.reject(field ?? result.rejection.field, result.rejection.message, result.rejection.ko);
    },
    [store],
  );
  const current = useCallback(() => store.getState().views.rf, [store]);

  const actions = useMemo<RfActions>(
    () => ({
      preset: (p, count) => apply(applyRfPreset(current(), p, count)),
      input: (n) => apply(setRfInput(current(), n)),
      layersText: (text) => apply(setRfLayersText(current(), text)),
      update: (i, patch) => apply(updateRfLayer(current(), i, patch), `layers#${i}`),
      add: (i) => apply(addRfLayer(current(), i), `layers#${i}`),
      remove: (i) => apply(removeRfLayer(current(), i), `layers#${i}`),
      move: (i, d) => apply(moveRfLayer(current(), i, d), `layers#${i}`),
    }),
    [apply, current],
  );
  const onSelect = useCallback(
    (f: RfFocus) => {
      setHover(null);
      apply(selectRfCell(current(), f.at, f.row, f.col));
    },
    [apply, current],
  );
  const onSelectLayer = useCallback(
    (at: number) => {
      const side = buildRfModel(current()).sides[at]!;
      apply(selectRfCell(current(), at, Math.floor(side / 2), Math.floor(side / 2)));
    },
    [apply, current],
  );
  // ←/→, PageUp/PageDown (a presentation clicker), Home/End: the previous, next, first, last layer.
  const goLayer = useCallback(
    (to: (at: number, count: number) => number) => {
      const c = current();
      const count = rfLayersOf(c).length;
      const at = Math.max(1, Math.min(count, to(c.at, count)));
      if (at !== c.at) {
        setHover(null);
        onSelectLayer(at);
      }
    },
    [current, onSelectLayer],
  );
  useShortcuts({
    next: () => goLayer((at) => at + 1),
    prev: () => goLayer((at) => at - 1),
    first: () => goLayer(() => 1),
    last: () => goLayer((_, count) => count),
  });
  const onLoad = useCallback((layers: string) => actions.layersText(layers), [actions]);

  // One cell size for every map when they fit side by side at 4 px or more (so the shrinking shows);
  // otherwise each map gets its own scale within a budget. Zoom multiplies both. Presenting, the
  // maps may grow larger so they read from the back of a hall.
  const padded = model.sides.map((s, m) => s + 2 * model.pads[m]!);
  const gaps = (present ? 40 : 28) * padded.length;
  const together = (mainWidth - 40 - gaps) / padded.reduce((a, b) => a + b, 0);
  const most = present ? 40 : 18;
  const budget = present ? Math.max(200, Math.min(420, mainWidth / 3)) : Math.max(140, Math.min(240, mainWidth - 40));
  const cell = useCallback(
    (m: number) => {
      const raw = zoom * (together >= 4 ? Math.min(most, together) : Math.min(most - 2, budget / padded[m]!));
      return raw >= 4 ? Math.floor(raw) : raw;
    },
    // padded is derived from the model
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [zoom, together, budget, most, model],
  );
  const largest = Math.max(...model.sides);
  const scale = present ? 1.5 : 1;

  return (
    <div className="rf-view">
      <aside className="side edit-only" aria-label={t.settings}>
        <RfControls cfg={cfg} model={model} actions={actions} rejection={rejection} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">{t.title}</h2>
        <RfSummary text={summary} label={t.summaryLabel} />
        <p className="visually-hidden" aria-live="polite" data-testid="rf-live">
          {live}
        </p>
        <section className="stage-block rf-maps-block" aria-labelledby="rf-maps-title">
          <header>
            <h3 id="rf-maps-title">{t.maps}</h3>
            <ul className="rf-legend" aria-label={t.legendLabel}>
              {LEGEND.map((l) => (
                <li key={l.cls}>
                  <span className={`rf-swatch ${l.cls}`} aria-hidden="true" /> {t[l.key]}
                </li>
              ))}
            </ul>
            <div className="zoom rf-zoom" role="group" aria-label={t.zoom}>
              <button type="button" className="small" onClick={() => setZoom((z) => Math.max(0.5, z / 1.5))} disabled={zoom <= 0.5} aria-label={t.zoomOut}>
                −
              </button>
              <output aria-live="polite">{Math.round(zoom * 100)}%</output>
              <button type="button" className="small" onClick={() => setZoom((z) => Math.min(8, z * 1.5))} disabled={zoom >= 8} aria-label={t.zoomIn}>
                +
              </button>
              {zoom !== 1 && (
                <button type="button" className="small" onClick={() => setZoom(1)}>
                  {t.fit}
                </button>
              )}
            </div>
          </header>
          <p className="hint rf-maps-hint">
            {t.hint} {t.keysHint}
          </p>
          {largest > 64 && <p className="hint">{t.large(String(largest))}</p>}
          <RfMaps model={model} focus={focus} regions={regions} cell={cell} onPreview={setHover} onSelect={onSelect} />
        </section>
        <RfTable model={model} at={cfg.at} onSelectLayer={onSelectLayer} />
        <div className="stage">
          <RfGrowthChart rows={model.rows} width={mainWidth - 30} scale={scale} />
          <RfCompare width={mainWidth} onLoad={onLoad} scale={scale} />
        </div>
      </div>
    </div>
  );
}
