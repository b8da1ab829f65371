import { memo } from 'react';
import { NumberField } from '../../components/NumberField';
import { common } from '../../i18n/common';
import { norm, type NormText } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import { formatCount } from '../../viz/format';
import {
  DATA_PRESETS,
  NORM_LIMITS,
  divisors,
  offsetOf,
  spreadOf,
  type DataPreset,
  type NormConfig,
  type NormKindName,
  type NormLayout,
  type NormSource,
} from '../../state/views/norm';
import { IMAGE_ORDER } from './data';

/** What the controls can ask for. */
export interface NormActions {
  setLayout: (layout: NormLayout) => void;
  setKind: (kind: NormKindName) => void;
  setGroups: (g: number) => void;
  setShape: (n: number, c: number, h: number, w: number) => void;
  setSource: (src: NormSource) => void;
  setSeed: (seed: number) => void;
  setOffset: (c: number, v: number) => void;
  setSpread: (c: number, v: number) => void;
  applyPreset: (p: DataPreset) => void;
  takeConv: () => void;
}

/** The choices of the controls, worded in `t`'s language. */
const sources = (t: NormText): { value: NormSource; label: string }[] => [
  { value: 'random', label: t.srcRandom },
  { value: 'image', label: t.srcImage },
  { value: 'conv', label: t.srcConv },
  { value: 'custom', label: t.srcCustom },
];
const presets = (t: NormText): { value: DataPreset; label: string }[] => [
  { value: 'lecture', label: t.presetLecture },
  { value: 'nearconst', label: t.presetNearconst },
  { value: 'constant', label: t.presetConstant },
  { value: 'standard', label: t.presetStandard },
];
const kinds = (t: NormText): { value: NormKindName; label: string; hint: string }[] => [
  { value: 'batch', label: t.batchNorm, hint: t.batchHint },
  { value: 'layer', label: t.layerNorm, hint: t.layerHint },
  { value: 'instance', label: t.instanceNorm, hint: t.instanceHint },
  { value: 'group', label: t.groupNorm, hint: t.groupHint },
];
const imageNames = (t: NormText): Record<(typeof IMAGE_ORDER)[number], string> => ({
  checker: t.imageChecker,
  digit: t.imageDigit,
  gradient: t.imageGradient,
  scene: t.imageScene,
});

/**
 * The lab's settings: the data (layout, source, shape, seed, per-channel offsets and spreads, presets)
 * and the normalization (kind, number of groups). A refused change is explained next to its control
 * while the previous value stays. In presentation mode only the choice of normalization stays: the
 * data settings are editing controls (`edit-only`).
 */
export const NormControls = memo(function NormControls({
  cfg,
  actions,
  rejection,
  pixelError,
}: {
  cfg: NormConfig;
  actions: NormActions;
  rejection: { field: string; message: string } | null;
  pixelError: string | null;
}) {
  const t = useT(norm);
  const tc = useT(common);
  const nd = cfg.layout === 'nd';
  const fromConv = cfg.src === 'conv';
  const reject = (...fields: string[]) =>
    rejection && fields.includes(rejection.field) ? (
      <p className="rejection" role="alert" data-testid={`rejection-${rejection.field}`}>
        {rejection.message}
      </p>
    ) : null;
  const channels = nd ? t.featuresD : t.channelsC;
  const unitName = (c: number) => (nd ? t.featureN(String(c)) : t.channelN(String(c)));
  const limitArgs = [
    String(NORM_LIMITS.n),
    String(NORM_LIMITS.c),
    String(NORM_LIMITS.hw),
    formatCount(NORM_LIMITS.n * NORM_LIMITS.c * NORM_LIMITS.hw ** 2),
  ] as const;
  const names = imageNames(t);
  return (
    <form
      className="controls norm-controls"
      aria-label={t.settingsLabel}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>{t.legendKind}</legend>
        <div className="kind-choices" role="radiogroup" aria-label={t.whichKind}>
          {kinds(t).map((k) => {
            const off = nd && (k.value === 'instance' || k.value === 'group');
            return (
              <label
                key={k.value}
                className={`kind-choice${cfg.kind === k.value ? ' chosen' : ''}`}
                title={off ? t.needsMaps : k.hint}
              >
                <input
                  type="radio"
                  name="norm-kind"
                  value={k.value}
                  checked={cfg.kind === k.value}
                  disabled={off}
                  onChange={() => actions.setKind(k.value)}
                  data-testid={`kind-${k.value}`}
                />
                <span>
                  {k.label} <span className="dim">{k.hint}</span>
                </span>
              </label>
            );
          })}
        </div>
        {reject('kind')}
        {cfg.kind === 'group' && (
          <label className="field">
            {t.groupsLabel(String(cfg.c))}
            <select
              value={cfg.g}
              onChange={(e) => actions.setGroups(Number(e.target.value))}
              data-testid="groups"
            >
              {divisors(cfg.c).map((d) => (
                <option key={d} value={d}>
                  {d} {d === 1 ? t.isLayer : d === cfg.c ? t.isInstance : t.channelsEach(String(cfg.c / d))}
                </option>
              ))}
            </select>
          </label>
        )}
        {reject('g')}
      </fieldset>

      <fieldset className="edit-only">
        <legend>{t.legendData}</legend>
        <div className="layout-choices" role="radiogroup" aria-label={t.layout}>
          <label>
            <input
              type="radio"
              name="norm-layout"
              checked={!nd}
              onChange={() => actions.setLayout('nchw')}
              data-testid="layout-nchw"
            />{' '}
            N×C×H×W <span className="dim">{t.afterConv}</span>
          </label>
          <label>
            <input
              type="radio"
              name="norm-layout"
              checked={nd}
              onChange={() => actions.setLayout('nd')}
              data-testid="layout-nd"
            />{' '}
            N×D <span className="dim">{t.fullyConnected}</span>
          </label>
        </div>
        {reject('layout')}
        <label className="field">
          {t.source}
          <select
            value={cfg.src}
            onChange={(e) => actions.setSource(e.target.value as NormSource)}
            data-testid="source"
          >
            {sources(t).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {reject('src', 'cv')}
        {pixelError && (
          <p className="rejection" role="alert">
            {t.imagesFailed(pixelError)}
          </p>
        )}
        <div className="row">
          <NumberField
            label={t.samplesN}
            value={cfg.n}
            min={1}
            max={NORM_LIMITS.n}
            onChange={(n) => actions.setShape(n, cfg.c, cfg.h, cfg.w)}
            testId="shape-n"
          />
          {fromConv ? (
            <span className="number-field">
              <span>{channels}</span>
              <output data-testid="shape-c">{cfg.c}</output>
            </span>
          ) : (
            <NumberField
              label={channels}
              value={cfg.c}
              min={1}
              max={NORM_LIMITS.c}
              onChange={(c) => actions.setShape(cfg.n, c, cfg.h, cfg.w)}
              testId="shape-c"
            />
          )}
          {!nd &&
            (fromConv ? (
              <span className="number-field">
                <span>H × W</span>
                <output>
                  {cfg.h} × {cfg.w}
                </output>
              </span>
            ) : (
              <>
                <NumberField
                  label={t.heightH}
                  value={cfg.h}
                  min={1}
                  max={NORM_LIMITS.hw}
                  onChange={(h) => actions.setShape(cfg.n, cfg.c, h, cfg.w)}
                  testId="shape-h"
                  width={3}
                />
                <NumberField
                  label={t.widthW}
                  value={cfg.w}
                  min={1}
                  max={NORM_LIMITS.hw}
                  onChange={(w) => actions.setShape(cfg.n, cfg.c, cfg.h, w)}
                  testId="shape-w"
                  width={3}
                />
              </>
            ))}
        </div>
        {reject('n', 'in')}
        <p className="hint">
          {cfg.src === 'custom'
            ? t.limitsCustom(...limitArgs, formatCount(NORM_LIMITS.custom))
            : t.limits(...limitArgs)}
        </p>

        {cfg.src === 'random' && (
          <>
            <div className="row">
              <NumberField
                label={t.seed}
                value={cfg.seed}
                min={0}
                max={4294967295}
                width={10}
                onChange={actions.setSeed}
                testId="seed"
              />
              <button
                type="button"
                className="small"
                onClick={() => actions.setSeed((Math.random() * 2 ** 32) >>> 0)}
              >
                {t.newSeed}
              </button>
            </div>
            {reject('seed')}
            <label className="field">
              {t.preset}
              <select
                value=""
                onChange={(e) => {
                  if (e.target.value) actions.applyPreset(e.target.value as DataPreset);
                }}
                data-testid="preset"
              >
                <option value="">{t.choosePreset}</option>
                {presets(t)
                  .filter((p) => DATA_PRESETS.includes(p.value))
                  .map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
              </select>
            </label>
            <table className="channel-table">
              <caption className="hint">{t.channelCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{nd ? t.colFeature : t.colChannel}</th>
                  <th scope="col">{t.colOffset}</th>
                  <th scope="col">{t.colSpread}</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: cfg.c }, (_, c) => (
                  <tr key={c}>
                    <th scope="row">{c}</th>
                    <td>
                      <NumberField
                        decimal
                        label={t.offsetOf(unitName(c))}
                        hideLabel
                        value={offsetOf(cfg, c)}
                        min={-100}
                        max={100}
                        onChange={(v) => actions.setOffset(c, v)}
                        testId={`offset-${c}`}
                      />
                    </td>
                    <td>
                      <NumberField
                        decimal
                        label={t.spreadOf(unitName(c))}
                        hideLabel
                        value={spreadOf(cfg, c)}
                        min={0}
                        max={100}
                        onChange={(v) => actions.setSpread(c, v)}
                        testId={`spread-${c}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {reject('off', 'sd')}
          </>
        )}
        {cfg.src === 'image' && (
          <p className="hint">
            {t.imageHint(IMAGE_ORDER.map((n) => names[n]).join(', '), String(cfg.h), String(cfg.w))}
            {nd ? ` ${t.imageHintNd}` : ''}
          </p>
        )}
        {cfg.src === 'conv' && (
          <>
            <p className="hint">
              {t.convHint}
              {nd ? ` ${t.convHintNd}` : ''}
            </p>
            <div className="row">
              <button type="button" className="small" onClick={actions.takeConv} data-testid="take-conv">
                {t.takeConv}
              </button>
              <a href="#/conv">{tc.openConv}</a>
            </div>
          </>
        )}
        {cfg.src === 'custom' && <p className="hint">{t.customHint}</p>}
        {reject('x')}
      </fieldset>
    </form>
  );
});
