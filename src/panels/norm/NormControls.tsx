import { memo } from 'react';
import { NumberField } from '../../components/NumberField';
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
import { DecimalField } from './DecimalField';
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

/** UI strings of the controls, in one place. */
const TEXT = {
  sources: [
    { value: 'random', label: 'Seeded random numbers' },
    { value: 'image', label: 'Sample images' },
    { value: 'conv', label: 'The convolution view’s output' },
    { value: 'custom', label: 'Values typed by hand' },
  ] as { value: NormSource; label: string }[],
  presets: [
    { value: 'lecture', label: 'Lecture: channel 0 ≈ 5 ± 2, channel 1 ≈ −3 ± 0.5, …' },
    { value: 'nearconst', label: 'Near-constant channel 1 (spread 0.001: watch ε)' },
    { value: 'constant', label: 'Constant channel 1 (variance 0)' },
    { value: 'standard', label: 'Already standardized (mean 0, spread 1)' },
  ] as { value: DataPreset; label: string }[],
  kinds: [
    { value: 'batch', label: 'Batch norm', hint: 'per channel, over N·H·W' },
    { value: 'layer', label: 'Layer norm', hint: 'per sample, over C·H·W' },
    { value: 'instance', label: 'Instance norm', hint: 'per sample and channel, over H·W' },
    { value: 'group', label: 'Group norm', hint: 'per sample and group of C/G channels' },
  ] as { value: NormKindName; label: string; hint: string }[],
};

/**
 * The lab's settings: the data (layout, source, shape, seed, per-channel offsets and spreads, presets)
 * and the normalization (kind, number of groups). A refused change is explained next to its control
 * while the previous value stays.
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
  const nd = cfg.layout === 'nd';
  const fromConv = cfg.src === 'conv';
  const reject = (...fields: string[]) =>
    rejection && fields.includes(rejection.field) ? (
      <p className="rejection" role="alert" data-testid={`rejection-${rejection.field}`}>
        {rejection.message}
      </p>
    ) : null;
  const channels = nd ? 'Features D' : 'Channels C';
  return (
    <form
      className="controls norm-controls"
      aria-label="Normalization settings"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>Normalization</legend>
        <div className="kind-choices" role="radiogroup" aria-label="Which normalization">
          {TEXT.kinds.map((k) => {
            const off = nd && (k.value === 'instance' || k.value === 'group');
            return (
              <label
                key={k.value}
                className={`kind-choice${cfg.kind === k.value ? ' chosen' : ''}`}
                title={off ? 'Needs H×W maps: switch to N×C×H×W' : k.hint}
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
            Groups G (must divide C = {cfg.c})
            <select
              value={cfg.g}
              onChange={(e) => actions.setGroups(Number(e.target.value))}
              data-testid="groups"
            >
              {divisors(cfg.c).map((d) => (
                <option key={d} value={d}>
                  {d}{' '}
                  {d === 1
                    ? '(= layer norm)'
                    : d === cfg.c
                      ? '(= instance norm)'
                      : `(${cfg.c / d} channels each)`}
                </option>
              ))}
            </select>
          </label>
        )}
        {reject('g')}
      </fieldset>

      <fieldset>
        <legend>Data</legend>
        <div className="layout-choices" role="radiogroup" aria-label="Layout">
          <label>
            <input
              type="radio"
              name="norm-layout"
              checked={!nd}
              onChange={() => actions.setLayout('nchw')}
              data-testid="layout-nchw"
            />{' '}
            N×C×H×W <span className="dim">(after a convolution)</span>
          </label>
          <label>
            <input
              type="radio"
              name="norm-layout"
              checked={nd}
              onChange={() => actions.setLayout('nd')}
              data-testid="layout-nd"
            />{' '}
            N×D <span className="dim">(fully connected)</span>
          </label>
        </div>
        {reject('layout')}
        <label className="field">
          Source
          <select
            value={cfg.src}
            onChange={(e) => actions.setSource(e.target.value as NormSource)}
            data-testid="source"
          >
            {TEXT.sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {reject('src', 'cv')}
        {pixelError && (
          <p className="rejection" role="alert">
            {pixelError}
          </p>
        )}
        <div className="row">
          <NumberField
            label="Samples N"
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
                  label="Height H"
                  value={cfg.h}
                  min={1}
                  max={NORM_LIMITS.hw}
                  onChange={(h) => actions.setShape(cfg.n, cfg.c, h, cfg.w)}
                  testId="shape-h"
                  width={3}
                />
                <NumberField
                  label="Width W"
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
          Up to {NORM_LIMITS.n} samples of {NORM_LIMITS.c} channels of {NORM_LIMITS.hw}×{NORM_LIMITS.hw} (
          {(NORM_LIMITS.n * NORM_LIMITS.c * NORM_LIMITS.hw ** 2).toLocaleString('en')} values) keep playback
          smooth{cfg.src === 'custom' ? `; typed values fill at most ${NORM_LIMITS.custom}` : ''}.
        </p>

        {cfg.src === 'random' && (
          <>
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
              >
                New seed
              </button>
            </div>
            {reject('seed')}
            <label className="field">
              Preset
              <select
                value=""
                onChange={(e) => {
                  if (e.target.value) actions.applyPreset(e.target.value as DataPreset);
                }}
                data-testid="preset"
              >
                <option value="">Choose offsets and spreads…</option>
                {TEXT.presets
                  .filter((p) => DATA_PRESETS.includes(p.value))
                  .map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
              </select>
            </label>
            <table className="channel-table">
              <caption className="hint">Channel c is offset_c + spread_c · z, z standard normal.</caption>
              <thead>
                <tr>
                  <th scope="col">{nd ? 'feature' : 'channel'}</th>
                  <th scope="col">offset</th>
                  <th scope="col">spread</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: cfg.c }, (_, c) => (
                  <tr key={c}>
                    <th scope="row">{c}</th>
                    <td>
                      <DecimalField
                        label={`Offset of ${nd ? 'feature' : 'channel'} ${c}`}
                        hideLabel
                        value={offsetOf(cfg, c)}
                        min={-100}
                        max={100}
                        onChange={(v) => actions.setOffset(c, v)}
                        testId={`offset-${c}`}
                      />
                    </td>
                    <td>
                      <DecimalField
                        label={`Spread of ${nd ? 'feature' : 'channel'} ${c}`}
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
            Sample n is the {IMAGE_ORDER.join(', ')} image in turn (then flipped), resized to {cfg.h}×{cfg.w};
            C = 1 is grey, C = 3 red, green and blue.
            {nd ? ' In N×D each feature is a channel’s mean over the image (global average pooling).' : ''}
          </p>
        )}
        {cfg.src === 'conv' && (
          <>
            <p className="hint">
              Sample n is the convolution view’s layer applied to an input seeded seed + n (sample 0 is
              exactly what the convolution view shows). Its output shape sets C, H and W.
              {nd ? ' In N×D each feature is a channel’s mean (global average pooling).' : ''}
            </p>
            <div className="row">
              <button type="button" className="small" onClick={actions.takeConv} data-testid="take-conv">
                Use the convolution view’s current settings
              </button>
              <a href="#/conv">Open the convolution view</a>
            </div>
          </>
        )}
        {cfg.src === 'custom' && (
          <p className="hint">
            Click a value in the tensor (or select it with the arrow keys and press Enter) to type a new one.
          </p>
        )}
        {reject('x')}
      </fieldset>
    </form>
  );
});
