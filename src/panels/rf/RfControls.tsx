import { memo, useId, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import {
  PRESET_LABELS,
  RF_LIMITS,
  RF_PRESETS,
  detectPreset,
  maxPadding,
  type RfConfig,
  type RfLayer,
  type RfPreset,
} from '../../state/views/rf';
import type { RfModel } from './model';

/**
 * What the controls can ask for; the panel turns each into a pure action and the store. A refused
 * edit of layer i is recorded with the field `layers#i` and shown in that layer's row.
 */
export interface RfActions {
  preset: (preset: RfPreset, count?: number) => void;
  input: (size: number) => void;
  layersText: (text: string) => void;
  update: (index: number, patch: Partial<RfLayer>) => void;
  add: (index: number) => void;
  remove: (index: number) => void;
  move: (index: number, delta: -1 | 1) => void;
}

const TEXT = {
  form: 'Receptive field settings',
  stack: 'Stack',
  preset: 'Preset',
  count: { stack: 'L, the number of layers', lecture: 'N, the number of blocks' },
  input: 'Input size (height = width)',
  inputHint: `1 to ${RF_LIMITS.size}`,
  notation: 'Layers in link notation',
  apply: 'Apply',
  notationHelp:
    'c = convolution, p = max pooling, then the kernel; s stride, p padding, d dilation; *n repeats. Example: c3p1*2,p2s2.',
  layers: (n: number) => `Layers (${n})`,
  kind: 'Type',
  conv: 'convolution',
  pool: 'max pooling',
  k: 'k',
  s: 's',
  p: 'p',
  d: 'd',
  kHint: 'kernel size',
  sHint: 'stride',
  pHint: 'zero padding on every side',
  dHint: 'dilation: spacing between kernel taps',
  up: (i: number) => `Move layer ${i} up`,
  down: (i: number) => `Move layer ${i} down`,
  addAfter: (i: number) => `Add a copy of layer ${i} after it`,
  remove: (i: number) => `Remove layer ${i}`,
  caps: `Limits: up to ${RF_LIMITS.layers} layers, square kernels 1–${RF_LIMITS.k}, stride 1–${RF_LIMITS.s}, padding 0–${RF_LIMITS.p} (a pooling at most half its kernel, as in PyTorch), dilation 1–${RF_LIMITS.d}, inputs up to ${RF_LIMITS.size}×${RF_LIMITS.size}. ReLU acts on each cell alone, so it never changes a field and is not listed.`,
  presetNote: {
    stack: 'Stacked 3×3 convolutions with padding 1: the field grows by 2 per layer.',
    lecture: 'Conv 3×3 (padding 1), ReLU, max pool 2×2 stride 2, repeated N times.',
    alexnet: 'Krizhevsky et al. 2012; padding as in torchvision, so a 224 input gives 55, 27, 13 and 6.',
    vgg16: 'Simonyan & Zisserman 2015, configuration D: 3×3 convolutions, 2×2 pools.',
    custom: 'Edit the layers below or type them in the notation.',
  } as Record<RfPreset, string>,
};

/** The notation field: keeps what the user typed until it is applied or the stack changes elsewhere. */
function NotationField({ value, onApply }: { value: string; onApply: (text: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    setText(value);
  }
  return (
    <div className="rf-notation">
      <label htmlFor={id}>{TEXT.notation}</label>
      <div className="row">
        <input
          id={id}
          type="text"
          value={text}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          data-testid="rf-notation"
          aria-describedby={`${id}-help`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onApply(text);
            }
          }}
        />
        <button type="button" className="small" onClick={() => onApply(text)} data-testid="rf-notation-apply">
          {TEXT.apply}
        </button>
      </div>
      <p className="hint" id={`${id}-help`}>
        {TEXT.notationHelp}
      </p>
    </div>
  );
}

/** One layer's row: its type and numbers, and buttons to move, copy or remove it. */
function LayerRow({
  layer,
  index,
  count,
  name,
  actions,
  refusal,
}: {
  layer: RfLayer;
  index: number;
  count: number;
  name: string;
  actions: RfActions;
  refusal: string | null;
}) {
  const n = index + 1;
  const kindId = useId();
  return (
    <li className="rf-layer" data-testid={`rf-layer-${n}`}>
      <fieldset>
        <legend>
          {n}. {name}
        </legend>
        <div className="row">
          <span className="field rf-kind">
            <label htmlFor={kindId}>{TEXT.kind}</label>
            <select id={kindId} value={layer.kind} onChange={(e) => actions.update(index, { kind: e.target.value as RfLayer['kind'] })}>
              <option value="conv">{TEXT.conv}</option>
              <option value="pool">{TEXT.pool}</option>
            </select>
          </span>
          <NumberField label={TEXT.k} hint={TEXT.kHint} value={layer.k} min={1} max={RF_LIMITS.k} width={2} onChange={(k) => actions.update(index, { k })} testId={`rf-k-${n}`} />
          <NumberField label={TEXT.s} hint={TEXT.sHint} value={layer.s} min={1} max={RF_LIMITS.s} width={2} onChange={(s) => actions.update(index, { s })} testId={`rf-s-${n}`} />
          <NumberField
            label={TEXT.p}
            hint={TEXT.pHint}
            value={layer.p}
            min={0}
            max={maxPadding(layer)}
            width={2}
            onChange={(p) => actions.update(index, { p })}
            explain={(v) =>
              layer.kind === 'pool'
                ? `A ${layer.k}×${layer.k} pooling may be padded by 0 to ${maxPadding(layer)} (PyTorch allows at most half the kernel), not ${v}.`
                : `Padding is 0 to ${RF_LIMITS.p} here, not ${v}.`
            }
            testId={`rf-p-${n}`}
          />
          <NumberField label={TEXT.d} hint={TEXT.dHint} value={layer.d} min={1} max={RF_LIMITS.d} width={2} onChange={(d) => actions.update(index, { d })} testId={`rf-d-${n}`} />
        </div>
        <div className="row rf-layer-buttons">
          <button type="button" className="small" onClick={() => actions.move(index, -1)} disabled={index === 0} aria-label={TEXT.up(n)}>
            ↑
          </button>
          <button type="button" className="small" onClick={() => actions.move(index, 1)} disabled={index === count - 1} aria-label={TEXT.down(n)}>
            ↓
          </button>
          <button type="button" className="small" onClick={() => actions.add(index)} disabled={count >= RF_LIMITS.layers} aria-label={TEXT.addAfter(n)}>
            + copy
          </button>
          <button type="button" className="small" onClick={() => actions.remove(index)} disabled={count <= 1} aria-label={TEXT.remove(n)}>
            × remove
          </button>
        </div>
        {refusal && (
          <p className="rejection" role="alert" data-testid={`rejection-layer-${n}`}>
            {refusal}
          </p>
        )}
      </fieldset>
    </li>
  );
}

/**
 * The receptive-field view's controls: the preset (with L or N), the input size, the stack in the
 * link notation, and every layer's type, kernel, stride, padding and dilation with buttons to
 * reorder, copy and remove layers. A refused change is explained next to its control.
 */
export const RfControls = memo(function RfControls({
  cfg,
  model,
  actions,
  rejection,
}: {
  cfg: RfConfig;
  model: RfModel;
  actions: RfActions;
  rejection: { field: string; message: string } | null;
}) {
  const presetId = useId();
  const reject = (field: string) =>
    rejection?.field === field ? (
      <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
        {rejection.message}
      </p>
    ) : null;
  const detected = detectPreset(model.layers);
  const counted = cfg.preset === 'stack' || cfg.preset === 'lecture';
  return (
    <form className="controls" aria-label={TEXT.form} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{TEXT.stack}</legend>
        <label className="field" htmlFor={presetId}>
          {TEXT.preset}
        </label>
        <select id={presetId} value={cfg.preset} data-testid="rf-preset" onChange={(e) => actions.preset(e.target.value as RfPreset)}>
          {RF_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
        <p className="hint">{TEXT.presetNote[cfg.preset]}</p>
        {counted && (
          <NumberField
            label={TEXT.count[cfg.preset as 'stack' | 'lecture']}
            value={detected.preset === cfg.preset ? detected.count : 3}
            min={1}
            max={RF_LIMITS.presetCount}
            onChange={(n) => actions.preset(cfg.preset, n)}
            testId="rf-count"
          />
        )}
        {reject('preset')}
        <NumberField label={TEXT.input} hint={TEXT.inputHint} value={cfg.size} min={1} max={RF_LIMITS.size} onChange={actions.input} testId="rf-input" />
        {reject('in')}
        <NotationField value={cfg.layers} onApply={actions.layersText} />
        {reject('layers')}
        {reject('at')}
        <p className="hint">{TEXT.caps}</p>
      </fieldset>
      <fieldset>
        <legend>{TEXT.layers(model.layers.length)}</legend>
        <ol className="rf-layers">
          {model.layers.map((layer, i) => (
            <LayerRow
              key={i}
              layer={layer}
              index={i}
              count={model.layers.length}
              name={model.rows[i]!.name}
              actions={actions}
              refusal={rejection?.field === `layers#${i}` ? rejection.message : null}
            />
          ))}
        </ol>
      </fieldset>
    </form>
  );
});
