import { memo, useRef } from 'react';
import type { ConvConfig, FilterPreset, InputSource } from '../../state/types';
import { NumberField } from '../../components/NumberField';
import { PairFields } from '../../components/PairFields';
import { fullPadding, samePadding, maxKernelFor } from '../../engine/shapes';
import { PRESETS, SOURCES, presetProblemText } from './presets';
import type { ConvT } from '../../i18n/conv';
import { localized } from '../../i18n/localized';
import { useAppStore, selectLang, type Rejection } from '../../state/store';

export interface ConvActions {
  setInput: (c: number, h: number, w: number) => void;
  setSource: (src: InputSource) => void;
  setSeed: (seed: number) => void;
  setKernel: (k: [number, number]) => void;
  setStride: (s: [number, number]) => void;
  setPadding: (p: [number, number, number, number]) => void;
  setDilation: (d: [number, number]) => void;
  setFilters: (f: number) => void;
  setAllPresets: (p: FilterPreset) => void;
  resetEdits: () => void;
  upload: (file: File) => void;
}

/** Bounds of the view, stated in the UI where they bite. */
export const LIMITS = { c: 8, hw: 128, k: 11, s: 8, p: 10, d: 6, f: 8 } as const;

/**
 * The convolution view's controls: the input (source, size, seed, your own image), the filters
 * (count, preset) and the hyper-parameters (kernel, stride, padding with valid/same/full shortcuts,
 * dilation). Each control's bounds follow from the rest of the configuration, and a refused change is
 * explained next to the control while the previous value stays.
 */
export const ConvControls = memo(function ConvControls({
  cfg,
  actions,
  rejection,
  uploadError,
  t,
}: {
  cfg: ConvConfig;
  t: ConvT;
  actions: ConvActions;
  rejection: Rejection | null;
  uploadError: string | null;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const lang = useAppStore(selectLang);
  const [pt, pb, pl, pr] = cfg.p;
  const maxK: [number, number] = [
    Math.max(1, Math.min(LIMITS.k, maxKernelFor(cfg.h, pt, pb, cfg.d[0]))),
    Math.max(1, Math.min(LIMITS.k, maxKernelFor(cfg.w, pl, pr, cfg.d[1]))),
  ];
  const same = [samePadding(cfg.k[0], cfg.d[0]), samePadding(cfg.k[1], cfg.d[1])];
  const full = [fullPadding(cfg.k[0], cfg.d[0]), fullPadding(cfg.k[1], cfg.d[1])];
  const sameOk = same.every(([a, b]) => a <= LIMITS.p && b <= LIMITS.p);
  const fullOk = full.every((v) => v <= LIMITS.p);
  const reject = (field: string) =>
    rejection?.field === field ? (
      <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
        {localized(rejection, lang)}
      </p>
    ) : null;
  const image = cfg.src !== 'int' && cfg.src !== 'float';
  const allPreset = cfg.fp.every((p) => p === cfg.fp[0]) && cfg.fp.length === cfg.f ? cfg.fp[0]! : 'mixed';
  return (
    <form className="controls" aria-label={t.formLabel} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t.inputTitle}</legend>
        <label className="field">
          {t.source}
          <select
            value={cfg.src}
            data-testid="source"
            onChange={(e) => {
              const v = e.target.value as InputSource;
              if (v === 'upload') fileRef.current?.click();
              else actions.setSource(v);
            }}
          >
            {SOURCES.map((s) => (
              <option key={s.value} value={s.value}>
                {t[s.label]}
              </option>
            ))}
          </select>
        </label>
        <input
          ref={fileRef}
          type="file"
          accept="image/*"
          className="visually-hidden"
          aria-label={t.chooseImage}
          data-testid="file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) actions.upload(file);
            e.target.value = '';
          }}
        />
        <p className="hint">{t.dropHint}</p>
        {uploadError && (
          <p className="rejection" role="alert" data-testid="upload-error">
            {uploadError}
          </p>
        )}
        <div className="row">
          <NumberField
            label={t.channels}
            value={cfg.c}
            min={1}
            max={image ? 3 : LIMITS.c}
            onChange={(c) => actions.setInput(c, cfg.h, cfg.w)}
            hint={image ? t.channelsImageHint : t.channelsHint(`${LIMITS.c}`)}
            testId="in-c"
          />
          <NumberField label={t.height} value={cfg.h} min={1} max={LIMITS.hw} onChange={(h) => actions.setInput(cfg.c, h, cfg.w)} testId="in-h" />
          <NumberField label={t.width} value={cfg.w} min={1} max={LIMITS.hw} onChange={(w) => actions.setInput(cfg.c, cfg.h, w)} testId="in-w" />
        </div>
        {reject('in')}
        {!image && (
          <div className="row">
            <NumberField label={t.seed} value={cfg.seed} min={0} max={4294967295} width={10} onChange={actions.setSeed} testId="seed" />
            <button type="button" className="small" onClick={() => actions.setSeed((Math.random() * 2 ** 32) >>> 0)} title={t.newSeedTitle}>
              {t.newSeed}
            </button>
          </div>
        )}
        <p className="hint">{t.sizesHint(`${LIMITS.c}`, `${LIMITS.hw}`)}</p>
      </fieldset>

      <fieldset>
        <legend>{t.filtersTitle}</legend>
        <div className="row">
          <NumberField label={t.filtersCount} value={cfg.f} min={1} max={LIMITS.f} onChange={actions.setFilters} hint={t.filtersHint} testId="filters-count" />
          <label className="field">
            {t.allFilters}
            <select value={allPreset} data-testid="preset" onChange={(e) => actions.setAllPresets(e.target.value as FilterPreset)}>
              {allPreset === 'mixed' && <option value="mixed">{t.mixed}</option>}
              {PRESETS.map((p) => {
                const problem = presetProblemText(p.value, cfg.k[0], cfg.k[1], t);
                return (
                  <option key={p.value} value={p.value} disabled={!!problem}>
                    {t[p.label]}
                    {problem ? ` — ${problem}` : ''}
                  </option>
                );
              })}
            </select>
          </label>
        </div>
        {reject('f')}
        {(Object.keys(cfg.we).length > 0 || Object.keys(cfg.b).length > 0) && (
          <button type="button" className="small" onClick={actions.resetEdits}>
            {t.undoEdits}
          </button>
        )}
        <p className="hint">{t.editHint}</p>
      </fieldset>

      <fieldset>
        <legend>{t.layer}</legend>
        <PairFields
          name={t.kernel}
          value={cfg.k}
          min={1}
          max={maxK}
          onChange={actions.setKernel}
          testId="kernel"
          explain={(axis, v) => {
            const [size, before, after] = axis === 0 ? [cfg.h, pt, pb] : [cfg.w, pl, pr];
            const d = cfg.d[axis];
            if (v < 1 || !Number.isInteger(v)) return axis === 0 ? t.kernelMinRows : t.kernelMinCols;
            if (v > LIMITS.k) return t.kernelMax(`${LIMITS.k}`, `${maxK[axis]}`);
            const span = d * (v - 1) + 1;
            return t.kernelNoFit(
              `${v}`,
              axis === 0 ? t.unitRows : t.unitCols,
              d > 1 ? t.atDilation(`${d}`, `${span}`) : '',
              `${size} + ${before} + ${after} = ${size + before + after}`,
              `${maxK[axis]}`,
            );
          }}
        />
        {reject('k')}
        <PairFields name={t.stride} value={cfg.s} min={1} max={[LIMITS.s, LIMITS.s]} onChange={actions.setStride} testId="stride" />
        {reject('s')}
        <fieldset className="padding" data-testid="padding">
          <legend>{t.padding}</legend>
          <div className="row">
            <NumberField label={t.padTop} value={pt} min={0} max={LIMITS.p} onChange={(v) => actions.setPadding([v, pb, pl, pr])} testId="pad-t" width={2} />
            <NumberField label={t.padBottom} value={pb} min={0} max={LIMITS.p} onChange={(v) => actions.setPadding([pt, v, pl, pr])} testId="pad-b" width={2} />
            <NumberField label={t.padLeft} value={pl} min={0} max={LIMITS.p} onChange={(v) => actions.setPadding([pt, pb, v, pr])} testId="pad-l" width={2} />
            <NumberField label={t.padRight} value={pr} min={0} max={LIMITS.p} onChange={(v) => actions.setPadding([pt, pb, pl, v])} testId="pad-r" width={2} />
          </div>
          <div className="row shortcuts-row">
            <button type="button" className="small" onClick={() => actions.setPadding([0, 0, 0, 0])} title={t.validTitle}>
              {t.valid}
            </button>
            <button
              type="button"
              className="small"
              disabled={!sameOk}
              onClick={() => actions.setPadding([same[0]![0], same[0]![1], same[1]![0], same[1]![1]])}
              title={t.sameTitle}
            >
              {t.same}
            </button>
            <button
              type="button"
              className="small"
              disabled={!fullOk}
              onClick={() => actions.setPadding([full[0]!, full[0]!, full[1]!, full[1]!])}
              title={t.fullTitle}
            >
              {t.full}
            </button>
          </div>
        </fieldset>
        {reject('p')}
        <PairFields name={t.dilation} value={cfg.d} min={1} max={[LIMITS.d, LIMITS.d]} onChange={actions.setDilation} testId="dilation" />
        {reject('d')}
      </fieldset>
    </form>
  );
});
