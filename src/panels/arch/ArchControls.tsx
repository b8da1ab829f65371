import { memo, useId, useRef } from 'react';
import { NumberField } from '../../components/NumberField';
import { ARCH_LIMITS, type ArchConfig, type ArchSource } from '../../state/views/arch';
import { formatCount } from '../../viz/format';

/** What the controls can ask for; the panel turns each into a pure action and the store. */
export interface ArchActions {
  input: (c: number, h: number, w: number) => void;
  source: (src: ArchSource) => void;
  upload: (file: File) => void;
  seed: (seed: number) => void;
  blocks: (n: number) => void;
  block: (i: number, patch: { f?: number; k?: number; p?: number }) => void;
  pool: (size: number) => void;
  fcCount: (m: number) => void;
  fcWidth: (i: number, width: number) => void;
  classes: (n: number) => void;
}

const TEXT = {
  form: 'Architecture settings',
  input: 'Input',
  source: 'Source',
  sources: {
    seeded: 'Seeded numbers in −1…1',
    checker: 'Sample: checkerboard',
    digit: 'Sample: handwritten digit',
    gradient: 'Sample: colour gradient',
    scene: 'Sample: small scene',
    upload: 'Your image…',
  } as Record<ArchSource, string>,
  fileLabel: 'Choose an image from your computer',
  stays: 'Your image is read in this browser and never sent anywhere; it is resized to H×W.',
  channels: 'Channels',
  height: 'Height',
  width: 'Width',
  seed: 'Seed',
  newSeed: 'New seed',
  conv: 'Convolution blocks [Conv, ReLU, Pool]',
  n: 'N, the number of blocks',
  block: (i: number) => `conv${i}`,
  filters: 'filters',
  kernel: 'kernel',
  padding: 'padding',
  pool: 'Pool size (stride = size; 1 = no pooling)',
  fc: 'Classifier [FC, ReLU]×M → FC',
  m: 'M, hidden layers',
  fcWidth: (i: number) => `fc${i} width`,
  classes: 'Classes (outputs of the last layer)',
  caps: `Limits: input up to ${ARCH_LIMITS.c}×${ARCH_LIMITS.hw}×${ARCH_LIMITS.hw}; ${ARCH_LIMITS.blocks} blocks of up to ${ARCH_LIMITS.filters} filters, kernels 1–${ARCH_LIMITS.k}, padding 0–${ARCH_LIMITS.p}; pools up to ${ARCH_LIMITS.pool}; ${ARCH_LIMITS.fcLayers} hidden layers of up to ${ARCH_LIMITS.fcWidth}; ${ARCH_LIMITS.classes} classes; at most ${formatCount(ARCH_LIMITS.macs)} multiply–accumulates and ${formatCount(ARCH_LIMITS.params)} parameters, so the forward pass stays quick. Convolutions use stride 1.`,
};

/**
 * The architecture view's controls: the input (source, your own image, shape, seed), the N
 * convolution blocks (filters, kernel, padding each) and the pool size, the M hidden fully connected
 * layers and the number of classes. A refused change is explained next to its control.
 */
export const ArchControls = memo(function ArchControls({
  cfg,
  actions,
  rejection,
  uploadError,
}: {
  cfg: ArchConfig;
  actions: ArchActions;
  rejection: { field: string; message: string } | null;
  uploadError: string | null;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const sourceId = useId();
  const reject = (field: string) =>
    rejection?.field === field ? (
      <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
        {rejection.message}
      </p>
    ) : null;
  return (
    <form className="controls" aria-label={TEXT.form} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{TEXT.input}</legend>
        <label className="field" htmlFor={sourceId}>
          {TEXT.source}
        </label>
        <select
          id={sourceId}
          value={cfg.src}
          data-testid="arch-source"
          onChange={(e) => {
            const v = e.target.value as ArchSource;
            if (v === 'upload') fileRef.current?.click();
            else actions.source(v);
          }}
        >
          {(Object.keys(TEXT.sources) as ArchSource[]).map((s) => (
            <option key={s} value={s}>
              {TEXT.sources[s]}
            </option>
          ))}
        </select>
        <input
          ref={fileRef}
          type="file"
          accept="image/*"
          className="visually-hidden"
          aria-label={TEXT.fileLabel}
          data-testid="arch-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) actions.upload(file);
            e.target.value = '';
          }}
        />
        <p className="hint">{TEXT.stays}</p>
        {uploadError && (
          <p className="rejection" role="alert" data-testid="upload-error">
            {uploadError}
          </p>
        )}
        {reject('src')}
        <div className="row">
          <NumberField label={TEXT.channels} value={cfg.c} min={1} max={ARCH_LIMITS.c} onChange={(c) => actions.input(c, cfg.h, cfg.w)} testId="arch-c" width={2} />
          <NumberField label={TEXT.height} value={cfg.h} min={1} max={ARCH_LIMITS.hw} onChange={(h) => actions.input(cfg.c, h, cfg.w)} testId="arch-h" width={3} />
          <NumberField label={TEXT.width} value={cfg.w} min={1} max={ARCH_LIMITS.hw} onChange={(w) => actions.input(cfg.c, cfg.h, w)} testId="arch-w" width={3} />
        </div>
        {reject('in')}
        <div className="row">
          <NumberField label={TEXT.seed} value={cfg.seed} min={0} max={4294967295} width={10} onChange={actions.seed} testId="arch-seed" />
          <button type="button" className="small" onClick={() => actions.seed((Math.random() * 2 ** 32) >>> 0)}>
            {TEXT.newSeed}
          </button>
        </div>
        {reject('seed')}
      </fieldset>

      <fieldset>
        <legend>{TEXT.conv}</legend>
        <NumberField label={TEXT.n} value={cfg.f.length} min={1} max={ARCH_LIMITS.blocks} onChange={actions.blocks} testId="arch-n" />
        {cfg.f.map((f, i) => (
          <fieldset key={i} className="arch-block" data-testid={`arch-block-${i + 1}`}>
            <legend>{TEXT.block(i + 1)}</legend>
            <div className="row">
              <NumberField label={TEXT.filters} value={f} min={1} max={ARCH_LIMITS.filters} onChange={(v) => actions.block(i, { f: v })} testId={`arch-f-${i + 1}`} width={3} />
              <NumberField label={TEXT.kernel} value={cfg.k[i]!} min={1} max={ARCH_LIMITS.k} onChange={(v) => actions.block(i, { k: v })} testId={`arch-k-${i + 1}`} width={2} />
              <NumberField label={TEXT.padding} value={cfg.p[i]!} min={0} max={ARCH_LIMITS.p} onChange={(v) => actions.block(i, { p: v })} testId={`arch-p-${i + 1}`} width={2} />
            </div>
          </fieldset>
        ))}
        {reject('f')}
        {reject('k')}
        {reject('p')}
        <NumberField label={TEXT.pool} value={cfg.pool} min={1} max={ARCH_LIMITS.pool} onChange={actions.pool} testId="arch-pool" />
        {reject('pool')}
      </fieldset>

      <fieldset>
        <legend>{TEXT.fc}</legend>
        <NumberField label={TEXT.m} value={cfg.fc.length} min={0} max={ARCH_LIMITS.fcLayers} onChange={actions.fcCount} testId="arch-m" />
        <div className="row">
          {cfg.fc.map((w, i) => (
            <NumberField key={i} label={TEXT.fcWidth(i + 1)} value={w} min={1} max={ARCH_LIMITS.fcWidth} onChange={(v) => actions.fcWidth(i, v)} testId={`arch-fc-${i + 1}`} width={3} />
          ))}
        </div>
        {reject('fc')}
        <NumberField label={TEXT.classes} value={cfg.classes} min={1} max={ARCH_LIMITS.classes} onChange={actions.classes} testId="arch-classes" />
        {reject('classes')}
      </fieldset>
      <p className="hint">{TEXT.caps}</p>
    </form>
  );
});
