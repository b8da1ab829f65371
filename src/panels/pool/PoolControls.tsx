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

/** UI strings of the controls, in one place. */
const TEXT = {
  form: 'Pooling settings',
  input: 'Input',
  source: 'Source',
  sources: {
    int: 'Random integers 0–9',
    float: 'Random decimals −1…1',
    checker: 'Checkerboard (image)',
    digit: 'Handwritten 7 (image)',
    gradient: 'Colour gradient (image)',
    scene: 'Landscape (image)',
  } satisfies Record<PoolSource, string>,
  newSeed: 'New seed',
  sizes: `Up to ${POOL_LIMITS.c} channels of ${POOL_LIMITS.hw}×${POOL_LIMITS.hw}.`,
  pooling: 'Pooling',
  kind: 'Kind',
  kinds: { max: 'Max pooling', avg: 'Average pooling' } satisfies Record<PoolKind, string>,
  window: 'Window (kernel_size)',
  stride: 'Stride',
  strideFollow: '= window',
  strideFollowTitle: 'PyTorch’s default: stride = kernel_size, so windows tile the input without overlap',
  padding: 'Padding',
  paddingHint: 'At most half the window on each axis (PyTorch’s rule).',
  paddingMax: 'Padding acts as −∞: it can never win the maximum.',
  paddingAvg: 'Padding reads as 0.',
  dilation: 'Dilation',
  noDilation: 'Average pooling has no dilation in PyTorch.',
  ceil: 'ceil_mode: round the output size up',
  cip: 'count_include_pad: padding counts in the divisor',
  relu: 'Filter before ReLU',
  reluHint: 'A 3×3 filter over all input channels, stride 1, padding 1, no bias.',
  presets: {
    random: 'Random (seeded)',
    identity: 'Identity',
    box: 'Box blur',
    gauss: 'Gaussian blur',
    sharpen: 'Sharpen',
    sobelx: 'Sobel x (vertical edges)',
    sobely: 'Sobel y (horizontal edges)',
    laplace: 'Laplacian',
  } satisfies Record<FilterPreset, string>,
};

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
  const reject = (field: string) =>
    rejection?.field === field ? (
      <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
        {rejection.message}
      </p>
    ) : null;
  const image = isImageSource(cfg.src);
  const max = cfg.kind === 'max';
  return (
    <form className="controls" aria-label={TEXT.form} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{TEXT.input}</legend>
        <label className="field">
          {TEXT.source}
          <select
            value={cfg.src}
            data-testid="source"
            onChange={(e) => actions.setSource(e.target.value as PoolSource)}
          >
            {(Object.keys(TEXT.sources) as PoolSource[]).map((s) => (
              <option key={s} value={s}>
                {TEXT.sources[s]}
              </option>
            ))}
          </select>
        </label>
        {loadError && (
          <p className="rejection" role="alert" data-testid="load-error">
            {loadError}
          </p>
        )}
        {reject('src')}
        <div className="row">
          <NumberField
            label="Channels"
            value={cfg.c}
            min={1}
            max={POOL_LIMITS.c}
            onChange={(c) => actions.setInput(c, cfg.h, cfg.w)}
            testId="in-c"
            width={2}
          />
          <NumberField
            label="Height"
            value={cfg.h}
            min={1}
            max={POOL_LIMITS.hw}
            onChange={(h) => actions.setInput(cfg.c, h, cfg.w)}
            testId="in-h"
            width={3}
          />
          <NumberField
            label="Width"
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
              label="Seed"
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
              title="A new random seed"
            >
              {TEXT.newSeed}
            </button>
          </div>
        )}
        {reject('seed')}
        <p className="hint">{TEXT.sizes}</p>
      </fieldset>

      {cfg.part === 'relu' && (
        <fieldset>
          <legend>ReLU</legend>
          <label className="field">
            {TEXT.relu}
            <select
              value={cfg.rf}
              data-testid="relu-filter"
              onChange={(e) => actions.setReluFilter(e.target.value as FilterPreset)}
            >
              {FILTER_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {TEXT.presets[p]}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{TEXT.reluHint}</p>
          {reject('rf')}
        </fieldset>
      )}

      <fieldset>
        <legend>{TEXT.pooling}</legend>
        <fieldset className="pool-kind" data-testid="kind">
          <legend>{TEXT.kind}</legend>
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
              {TEXT.kinds[k]}
            </label>
          ))}
        </fieldset>
        {reject('kind')}
        <PairFields
          width={2}
          name={TEXT.window}
          value={cfg.k}
          min={1}
          max={POOL_LIMITS.k}
          onChange={actions.setKernel}
          testId="kernel"
        />
        {reject('k')}
        <PairFields
          width={2}
          name={TEXT.stride}
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
              title={TEXT.strideFollowTitle}
            >
              {TEXT.strideFollow}
            </button>
          }
        />
        {reject('s')}
        <PairFields
          width={2}
          name={TEXT.padding}
          value={cfg.p}
          min={0}
          max={POOL_LIMITS.p}
          onChange={actions.setPadding}
          testId="padding"
        />
        <p className="hint">
          {TEXT.paddingHint} {max ? TEXT.paddingMax : TEXT.paddingAvg}
        </p>
        {reject('p')}
        {max ? (
          <PairFields
            width={2}
            name={TEXT.dilation}
            value={cfg.d}
            min={1}
            max={POOL_LIMITS.d}
            onChange={actions.setDilation}
            testId="dilation"
          />
        ) : (
          <p className="hint">{TEXT.noDilation}</p>
        )}
        {reject('d')}
        <label className="toggle">
          <input
            type="checkbox"
            checked={cfg.ceil === 'true'}
            onChange={(e) => actions.setCeil(e.target.checked)}
            data-testid="ceil"
          />{' '}
          {TEXT.ceil}
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
            {TEXT.cip}
          </label>
        )}
        {reject('cip')}
      </fieldset>
    </form>
  );
});
