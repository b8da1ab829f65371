import { memo } from 'react';
import { NumberField } from '../../components/NumberField';
import { PairFields } from '../../components/PairFields';
import { FILTER_PRESETS } from '../../state/params';
import {
  POOL_LIMITS,
  isImageSource,
  type PoolConfig,
  type PoolKind,
  type PoolSource,
} from '../../state/views/pool';
import type { FilterPreset } from '../../state/types';
import { useT } from '../../i18n/useT';
import { pool, type PoolText } from '../../i18n/pool';
import { formatCount } from '../../viz/format';

/** What the controls can ask for; the panel turns each into a pure action on the configuration. */
export interface PoolActions {
  setKind: (kind: PoolKind) => void;
  setSource: (src: PoolSource) => void;
  setInput: (c: number, h: number, w: number) => void;
  setSeed: (seed: number) => void;
  setKernel: (k: [number, number]) => void;
  setStride: (s: [number, number]) => void;
  setPadding: (p: [number, number]) => void;
  setDilation: (d: [number, number]) => void;
  setCeil: (on: boolean) => void;
  setCountIncludePad: (on: boolean) => void;
  setReluFilter: (rf: FilterPreset) => void;
}

/** The dictionary keys of the sources and of the filter presets, in the order they are offered. */
const SOURCE_KEYS = {
  int: 'srcInt',
  float: 'srcFloat',
  checker: 'srcChecker',
  digit: 'srcDigit',
  gradient: 'srcGradient',
  scene: 'srcScene',
} as const satisfies Record<PoolSource, keyof PoolText>;
const PRESET_KEYS = {
  random: 'presetRandom',
  identity: 'presetIdentity',
  box: 'presetBox',
  gauss: 'presetGauss',
  sharpen: 'presetSharpen',
  sobelx: 'presetSobelx',
  sobely: 'presetSobely',
  laplace: 'presetLaplace',
} as const satisfies Record<FilterPreset, keyof PoolText>;

/**
 * The pooling view's controls: the input (source, size, seed), the pooling (kind, window, stride,
 * padding, dilation, ceil_mode, count_include_pad) and, in the ReLU part, the filter whose output ReLU
 * acts on. A refused change is explained next to its control while the previous value stays.
 */
export const PoolControls = memo(function PoolControls({
  cfg,
  actions,
  rejection,
  loadError,
}: {
  cfg: PoolConfig;
  actions: PoolActions;
  rejection: { field: string; message: string } | null;
  loadError: string | null;
}) {
  const t = useT(pool);
  const reject = (field: string) =>
    rejection?.field === field ? (
      <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
        {rejection.message}
      </p>
    ) : null;
  const image = isImageSource(cfg.src);
  const max = cfg.kind === 'max';
  return (
    <form className="controls" aria-label={t.form} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t.input}</legend>
        <label className="field">
          {t.source}
          <select
            value={cfg.src}
            data-testid="source"
            onChange={(e) => actions.setSource(e.target.value as PoolSource)}
          >
            {(Object.keys(SOURCE_KEYS) as PoolSource[]).map((s) => (
              <option key={s} value={s}>
                {t[SOURCE_KEYS[s]]}
              </option>
            ))}
          </select>
        </label>
        {loadError && (
          <p className="rejection" role="alert" data-testid="load-error">
            {t.imageFailed}
          </p>
        )}
        {reject('src')}
        <div className="row">
          <NumberField
            label={t.channels}
            value={cfg.c}
            min={1}
            max={POOL_LIMITS.c}
            onChange={(c) => actions.setInput(c, cfg.h, cfg.w)}
            testId="in-c"
            width={2}
          />
          <NumberField
            label={t.height}
            value={cfg.h}
            min={1}
            max={POOL_LIMITS.hw}
            onChange={(h) => actions.setInput(cfg.c, h, cfg.w)}
            testId="in-h"
            width={3}
          />
          <NumberField
            label={t.width}
            value={cfg.w}
            min={1}
            max={POOL_LIMITS.hw}
            onChange={(w) => actions.setInput(cfg.c, cfg.h, w)}
            testId="in-w"
            width={3}
          />
        </div>
        {reject('in')}
        {!image && (
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
              title={t.newSeedTitle}
            >
              {t.newSeed}
            </button>
          </div>
        )}
        {reject('seed')}
        <p className="hint">{t.sizes(formatCount(POOL_LIMITS.c), formatCount(POOL_LIMITS.hw))}</p>
      </fieldset>

      {cfg.part === 'relu' && (
        <fieldset>
          <legend>{t.relu}</legend>
          <label className="field">
            {t.reluFilter}
            <select
              value={cfg.rf}
              data-testid="relu-filter"
              onChange={(e) => actions.setReluFilter(e.target.value as FilterPreset)}
            >
              {FILTER_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t[PRESET_KEYS[p]]}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{t.reluFilterHint}</p>
          {reject('rf')}
        </fieldset>
      )}

      <fieldset>
        <legend>{t.pooling}</legend>
        <fieldset className="pool-kind" data-testid="kind">
          <legend>{t.kind}</legend>
          {(['max', 'avg'] as const).map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name="pool-kind"
                value={k}
                checked={cfg.kind === k}
                onChange={() => actions.setKind(k)}
                data-testid={`kind-${k}`}
              />
              {k === 'max' ? t.kindMax : t.kindAvg}
            </label>
          ))}
        </fieldset>
        {reject('kind')}
        <PairFields
          width={2}
          name={t.window}
          value={cfg.k}
          min={1}
          max={POOL_LIMITS.k}
          onChange={actions.setKernel}
          testId="kernel"
        />
        {reject('k')}
        <PairFields
          width={2}
          name={t.stride}
          value={cfg.s}
          min={1}
          max={POOL_LIMITS.s}
          onChange={actions.setStride}
          testId="stride"
          extra={
            <button
              type="button"
              className="small"
              onClick={() => actions.setStride([cfg.k[0], cfg.k[1]])}
              disabled={cfg.s[0] === cfg.k[0] && cfg.s[1] === cfg.k[1]}
              title={t.strideFollowTitle}
            >
              {t.strideFollow}
            </button>
          }
        />
        {reject('s')}
        <PairFields
          width={2}
          name={t.padding}
          value={cfg.p}
          min={0}
          max={POOL_LIMITS.p}
          onChange={actions.setPadding}
          testId="padding"
        />
        <p className="hint">
          {t.paddingHint} {max ? t.paddingMax : t.paddingAvg}
        </p>
        {reject('p')}
        {max ? (
          <PairFields
            width={2}
            name={t.dilation}
            value={cfg.d}
            min={1}
            max={POOL_LIMITS.d}
            onChange={actions.setDilation}
            testId="dilation"
          />
        ) : (
          <p className="hint">{t.noDilation}</p>
        )}
        {reject('d')}
        <label className="toggle">
          <input
            type="checkbox"
            checked={cfg.ceil === 'true'}
            onChange={(e) => actions.setCeil(e.target.checked)}
            data-testid="ceil"
          />{' '}
          {t.ceil}
        </label>
        {reject('ceil')}
        {!max && (
          <label className="toggle">
            <input
              type="checkbox"
              checked={cfg.cip === 'true'}
              onChange={(e) => actions.setCountIncludePad(e.target.checked)}
              data-testid="cip"
            />{' '}
            {t.cip}
          </label>
        )}
        {reject('cip')}
      </fieldset>
    </form>
  );
});
