import { useCallback, useMemo, useState } from 'react';
import { getAppStore, useAppStore, selectRejection, type AppState } from '../state/store';
import {
  addRfLayer,
  applyRfPreset,
  moveRfLayer,
  removeRfLayer,
  selectRfCell,
  setRfInput,
  setRfLayersText,
  updateRfLayer,
  type RfConfig,
  type RfResult,
} from '../state/views/rf';
import { useElementWidth } from '../components/useElementWidth';
import { buildRfModel, selectionRegions } from './rf/model';
import { RfControls, type RfActions } from './rf/RfControls';
import { RfMaps, type RfFocus } from './rf/RfMaps';
import { RfSummary } from './rf/RfSummary';
import { RfTable } from './rf/RfTable';
import { RfCompare, RfGrowthChart } from './rf/RfCharts';
import './rf/rf.css';

const selectRf = (s: AppState): RfConfig => s.views.rf;

const TEXT = {
  title: 'Receptive fields',
  hint: 'Hover a cell of any layer to preview its receptive field; click it (or focus a map, move with the arrow keys and press Enter) to select it.',
  maps: 'Feature maps, input to last layer',
  legend: [
    { cls: 'rf-swatch-field', text: 'feeds the selected cell' },
    { cls: 'rf-swatch-selected', text: 'selected cell' },
    { cls: 'rf-swatch-pad', text: 'zero padding' },
    { cls: 'rf-swatch-outline', text: 'outline: the field by the recurrence' },
  ],
  large: (n: number) => `The ${n}×${n} maps are drawn at reduced scale; zoom in to see single cells.`,
  zoom: 'Zoom',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit',
};

/**
 * The receptive-field view: a stack of convolutions and poolings with its controls, the selected
 * cell's field with the formula worked, every map from the input up with the field lit in each
 * earlier map, the per-layer table (size, growth, jump, start, published values) and charts of how
 * the field grows, with and without downsampling.
 */
export function RfPanel() {
  const store = getAppStore();
  const cfg = useAppStore(selectRf);
  const rejection = useAppStore(selectRejection);
  const [hover, setHover] = useState<RfFocus | null>(null);
  const [zoom, setZoom] = useState(1);
  const [mainRef, mainWidth] = useElementWidth<HTMLDivElement>(900);

  const model = useMemo(() => buildRfModel({ layers: cfg.layers, size: cfg.size }), [cfg.layers, cfg.size]);
  const selected = useMemo<RfFocus>(() => ({ at: cfg.at, row: cfg.row, col: cfg.col }), [cfg.at, cfg.row, cfg.col]);
  const focus = hover && hover.at <= model.layers.length && hover.row < model.sides[hover.at]! && hover.col < model.sides[hover.at]! ? hover : selected;
  const regions = useMemo(() => selectionRegions(model, focus.at, focus.row, focus.col), [model, focus.at, focus.row, focus.col]);

  /** Stores an accepted configuration or records the refusal (under `field` when given). */
  const apply = useCallback(
    (result: RfResult, field?: string) => {
      const s = store.getState();
      if ('config' in result) s.setView('rf', result.config);
      else s.reject(field ?? result.rejection.field, result.rejection.message);
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
  const onLoad = useCallback((layers: string) => actions.layersText(layers), [actions]);

  // One cell size for every map when they fit side by side at 4 px or more (so the shrinking shows);
  // otherwise each map gets its own scale within a budget. Zoom multiplies both.
  const padded = model.sides.map((s, t) => s + 2 * model.pads[t]!);
  const gaps = 28 * padded.length;
  const together = (mainWidth - 40 - gaps) / padded.reduce((a, b) => a + b, 0);
  const budget = Math.max(140, Math.min(240, mainWidth - 40));
  const cell = useCallback(
    (t: number) => {
      const raw = zoom * (together >= 4 ? Math.min(18, together) : Math.min(16, budget / padded[t]!));
      return raw >= 4 ? Math.floor(raw) : raw;
    },
    // padded is derived from the model
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [zoom, together, budget, model],
  );
  const largest = Math.max(...model.sides);

  return (
    <div className="rf-view">
      <aside className="side" aria-label="Settings">
        <RfControls cfg={cfg} model={model} actions={actions} rejection={rejection} />
      </aside>
      <div className="main-col" ref={mainRef}>
        <h2 className="visually-hidden">{TEXT.title}</h2>
        <RfSummary model={model} focus={focus} preview={focus !== selected} regions={regions} />
        <section className="stage-block rf-maps-block" aria-labelledby="rf-maps-title">
          <header>
            <h3 id="rf-maps-title">{TEXT.maps}</h3>
            <ul className="rf-legend" aria-label="Legend">
              {TEXT.legend.map((l) => (
                <li key={l.cls}>
                  <span className={`rf-swatch ${l.cls}`} aria-hidden="true" /> {l.text}
                </li>
              ))}
            </ul>
            <div className="zoom rf-zoom" role="group" aria-label={TEXT.zoom}>
              <button type="button" className="small" onClick={() => setZoom((z) => Math.max(0.5, z / 1.5))} disabled={zoom <= 0.5} aria-label={TEXT.zoomOut}>
                −
              </button>
              <output aria-live="polite">{Math.round(zoom * 100)}%</output>
              <button type="button" className="small" onClick={() => setZoom((z) => Math.min(8, z * 1.5))} disabled={zoom >= 8} aria-label={TEXT.zoomIn}>
                +
              </button>
              {zoom !== 1 && (
                <button type="button" className="small" onClick={() => setZoom(1)}>
                  {TEXT.fit}
                </button>
              )}
            </div>
          </header>
          <p className="hint">{TEXT.hint}</p>
          {largest > 64 && <p className="hint">{TEXT.large(largest)}</p>}
          <RfMaps model={model} focus={focus} regions={regions} cell={cell} onPreview={setHover} onSelect={onSelect} />
        </section>
        <RfTable model={model} at={cfg.at} onSelectLayer={onSelectLayer} />
        <div className="stage">
          <RfGrowthChart rows={model.rows} width={mainWidth - 30} />
          <RfCompare width={mainWidth} onLoad={onLoad} />
        </div>
      </div>
    </div>
  );
}
