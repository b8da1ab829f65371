import { memo, useId, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import { rf, type RfStrings } from '../../i18n/rf';
import { useT } from '../../i18n/useT';
import {
  RF_LIMITS,
  RF_PRESETS,
  detectPreset,
  formatLayer,
  maxPadding,
  type RfConfig,
  type RfLayer,
  type RfPreset,
} from '../../state/views/rf';
import type { RfModel } from './model';
import { num } from './text';

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

/** The menu name and the note of each preset, in the page's language. */
export function presetText(t: RfStrings): Record<RfPreset, { label: string; note: string }> {
  return {
    stack: { label: t.presetStack, note: t.noteStack },
    lecture: { label: t.presetLecture, note: t.noteLecture },
    alexnet: { label: t.presetAlexnet, note: t.noteAlexnet },
    vgg16: { label: t.presetVgg16, note: t.noteVgg16 },
    custom: { label: t.presetCustom, note: t.noteCustom },
  };
}

/** The notation field: keeps what the user typed until it is applied or the stack changes elsewhere. */
function NotationField({
  value,
  onApply,
  t,
}: {
  value: string;
  onApply: (text: string) => void;
  t: RfStrings;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    setText(value);
  }
  return (
    <div className="rf-notation">
      <label htmlFor={id}>{t.notation}</label>
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
          {t.apply}
        </button>
      </div>
      <p className="hint" id={`${id}-help`}>
        {t.notationHelp}
      </p>
    </div>
  );
}

/** One layer's row: its type and numbers, and buttons to move, copy or remove it. */
/**
 * From this many layers on, each layer's row starts closed, showing its name and notation (a click or
 * Enter opens it): a stack of 30 layers would otherwise put 270 controls in the sidebar, and the page
 * pays for every one of them on every frame of a hover over the maps (~2.5 ms of 9 on the largest).
 */
const COLLAPSED_FROM = 9;

function LayerRow({
  layer,
  index,
  count,
  name,
  actions,
  refusal,
  t,
}: {
  t: RfStrings;
  layer: RfLayer;
  index: number;
  count: number;
  name: string;
  actions: RfActions;
  refusal: string | null;
}) {
  const n = index + 1;
  const kindId = useId();
  const [open, setOpen] = useState(count < COLLAPSED_FROM);
  return (
    <li className="rf-layer" data-testid={`rf-layer-${n}`}>
      <details open={open || refusal !== null} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {n}. {name} <code className="rf-layer-code">{formatLayer(layer)}</code>
        </summary>
        <fieldset>
          <legend className="visually-hidden">
            {n}. {name}
          </legend>
          <div className="row">
            <span className="field rf-kind">
              <label htmlFor={kindId}>{t.kind}</label>
              <select
                id={kindId}
                value={layer.kind}
                onChange={(e) => actions.update(index, { kind: e.target.value as RfLayer['kind'] })}
              >
                <option value="conv">{t.conv}</option>
                <option value="pool">{t.pool}</option>
              </select>
            </span>
            <NumberField
              label={t.k}
              hint={t.kHint}
              value={layer.k}
              min={1}
              max={RF_LIMITS.k}
              width={2}
              onChange={(k) => actions.update(index, { k })}
              testId={`rf-k-${n}`}
            />
            <NumberField
              label={t.s}
              hint={t.sHint}
              value={layer.s}
              min={1}
              max={RF_LIMITS.s}
              width={2}
              onChange={(s) => actions.update(index, { s })}
              testId={`rf-s-${n}`}
            />
            <NumberField
              label={t.p}
              hint={t.pHint}
              value={layer.p}
              min={0}
              max={maxPadding(layer)}
              width={2}
              onChange={(p) => actions.update(index, { p })}
              explain={(v) =>
                layer.kind === 'pool'
                  ? t.padPool(String(layer.k), String(maxPadding(layer)), num(v))
                  : t.padConv(String(RF_LIMITS.p), num(v))
              }
              testId={`rf-p-${n}`}
            />
            <NumberField
              label={t.d}
              hint={t.dHint}
              value={layer.d}
              min={1}
              max={RF_LIMITS.d}
              width={2}
              onChange={(d) => actions.update(index, { d })}
              testId={`rf-d-${n}`}
            />
          </div>
          <div className="row rf-layer-buttons">
            <button
              type="button"
              className="small"
              onClick={() => actions.move(index, -1)}
              disabled={index === 0}
              aria-label={t.up(String(n))}
            >
              ↑
            </button>
            <button
              type="button"
              className="small"
              onClick={() => actions.move(index, 1)}
              disabled={index === count - 1}
              aria-label={t.down(String(n))}
            >
              ↓
            </button>
            <button
              type="button"
              className="small"
              onClick={() => actions.add(index)}
              disabled={count >= RF_LIMITS.layers}
              aria-label={t.addAfter(String(n))}
            >
              {t.copyButton}
            </button>
            <button
              type="button"
              className="small"
              onClick={() => actions.remove(index)}
              disabled={count <= 1}
              aria-label={t.remove(String(n))}
            >
              {t.removeButton}
            </button>
          </div>
          {refusal && (
            <p className="rejection" role="alert" data-testid={`rejection-layer-${n}`}>
              {refusal}
            </p>
          )}
        </fieldset>
      </details>
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
  const t = useT(rf);
  const presets = presetText(t);
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
    <form className="controls" aria-label={t.form} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t.stack}</legend>
        <label className="field" htmlFor={presetId}>
          {t.preset}
        </label>
        <select
          id={presetId}
          value={cfg.preset}
          data-testid="rf-preset"
          onChange={(e) => actions.preset(e.target.value as RfPreset)}
        >
          {RF_PRESETS.map((p) => (
            <option key={p} value={p}>
              {presets[p].label}
            </option>
          ))}
        </select>
        <p className="hint">{presets[cfg.preset].note}</p>
        {counted && (
          <NumberField
            label={cfg.preset === 'stack' ? t.countStack : t.countLecture}
            value={detected.preset === cfg.preset ? detected.count : 3}
            min={1}
            max={RF_LIMITS.presetCount}
            onChange={(n) => actions.preset(cfg.preset, n)}
            testId="rf-count"
          />
        )}
        {reject('preset')}
        <NumberField
          label={t.inputSize}
          hint={t.inputHint(String(RF_LIMITS.size))}
          value={cfg.size}
          min={1}
          max={RF_LIMITS.size}
          onChange={actions.input}
          testId="rf-input"
        />
        {reject('in')}
        <NotationField value={cfg.layers} onApply={actions.layersText} t={t} />
        {reject('layers')}
        {reject('at')}
        <p className="hint">
          {t.caps(
            String(RF_LIMITS.layers),
            String(RF_LIMITS.k),
            String(RF_LIMITS.s),
            String(RF_LIMITS.p),
            String(RF_LIMITS.d),
            String(RF_LIMITS.size),
          )}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t.layers(String(model.layers.length))}</legend>
        <ol className="rf-layers">
          {model.layers.map((layer, i) => (
            <LayerRow
              key={`${i}:${model.layers.length >= COLLAPSED_FROM}`}
              layer={layer}
              index={i}
              count={model.layers.length}
              name={model.rows[i]!.name}
              actions={actions}
              refusal={rejection?.field === `layers#${i}` ? rejection.message : null}
              t={t}
            />
          ))}
        </ol>
      </fieldset>
    </form>
  );
});
