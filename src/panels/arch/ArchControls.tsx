import { memo, useId, useRef } from 'react';
import { NumberField } from '../../components/NumberField';
import { ARCH_LIMITS, ARCH_SOURCES, type ArchConfig, type ArchSource } from '../../state/views/arch';
import { useT } from '../../i18n/useT';
import { arch } from '../../i18n/arch';
import { capsText, sourceName } from './text';

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
  const t = useT(arch);
  const fileRef = useRef<HTMLInputElement>(null);
  const sourceId = useId();
  const reject = (field: string) =>
    rejection?.field === field ? (
      <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
        {rejection.message}
      </p>
    ) : null;
  return (
    <form className="controls" aria-label={t.form} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t.input}</legend>
        <label className="field" htmlFor={sourceId}>
          {t.source}
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
          {ARCH_SOURCES.map((s) => (
            <option key={s} value={s}>
              {sourceName(s, t)}
            </option>
          ))}
        </select>
        <input
          ref={fileRef}
          type="file"
          accept="image/*"
          className="visually-hidden"
          aria-label={t.fileLabel}
          data-testid="arch-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) actions.upload(file);
            e.target.value = '';
          }}
        />
        <p className="hint">{t.stays}</p>
        {uploadError && (
          <p className="rejection" role="alert" data-testid="upload-error">
            {uploadError}
          </p>
        )}
        {reject('src')}
        <div className="row">
          <NumberField label={t.channels} value={cfg.c} min={1} max={ARCH_LIMITS.c} onChange={(c) => actions.input(c, cfg.h, cfg.w)} testId="arch-c" width={2} />
          <NumberField label={t.height} value={cfg.h} min={1} max={ARCH_LIMITS.hw} onChange={(h) => actions.input(cfg.c, h, cfg.w)} testId="arch-h" width={3} />
          <NumberField label={t.width} value={cfg.w} min={1} max={ARCH_LIMITS.hw} onChange={(w) => actions.input(cfg.c, cfg.h, w)} testId="arch-w" width={3} />
        </div>
        {reject('in')}
        <div className="row">
          <NumberField label={t.seed} value={cfg.seed} min={0} max={4294967295} width={10} onChange={actions.seed} testId="arch-seed" />
          <button type="button" className="small" title={t.newSeedTitle} onClick={() => actions.seed((Math.random() * 2 ** 32) >>> 0)}>
            {t.newSeed}
          </button>
        </div>
        {reject('seed')}
      </fieldset>

      <fieldset>
        <legend>{t.conv}</legend>
        <NumberField label={t.n} value={cfg.f.length} min={1} max={ARCH_LIMITS.blocks} onChange={actions.blocks} testId="arch-n" />
        {cfg.f.map((f, i) => (
          <fieldset key={i} className="arch-block" data-testid={`arch-block-${i + 1}`}>
            <legend>{`conv${i + 1}`}</legend>
            <div className="row">
              <NumberField label={t.filters} value={f} min={1} max={ARCH_LIMITS.filters} onChange={(v) => actions.block(i, { f: v })} testId={`arch-f-${i + 1}`} width={3} />
              <NumberField label={t.kernel} value={cfg.k[i]!} min={1} max={ARCH_LIMITS.k} onChange={(v) => actions.block(i, { k: v })} testId={`arch-k-${i + 1}`} width={2} />
              <NumberField label={t.padding} value={cfg.p[i]!} min={0} max={ARCH_LIMITS.p} onChange={(v) => actions.block(i, { p: v })} testId={`arch-p-${i + 1}`} width={2} />
            </div>
          </fieldset>
        ))}
        {reject('f')}
        {reject('k')}
        {reject('p')}
        <NumberField label={t.pool} value={cfg.pool} min={1} max={ARCH_LIMITS.pool} onChange={actions.pool} testId="arch-pool" />
        {reject('pool')}
      </fieldset>

      <fieldset>
        <legend>{t.fc}</legend>
        <NumberField label={t.m} value={cfg.fc.length} min={0} max={ARCH_LIMITS.fcLayers} onChange={actions.fcCount} testId="arch-m" />
        <div className="row">
          {cfg.fc.map((w, i) => (
            <NumberField key={i} label={t.fcWidth(`fc${i + 1}`)} value={w} min={1} max={ARCH_LIMITS.fcWidth} onChange={(v) => actions.fcWidth(i, v)} testId={`arch-fc-${i + 1}`} width={3} />
          ))}
        </div>
        {reject('fc')}
        <NumberField label={t.classes} value={cfg.classes} min={1} max={ARCH_LIMITS.classes} onChange={actions.classes} testId="arch-classes" />
        {reject('classes')}
      </fieldset>
      <p className="hint">{capsText(t)}</p>
    </form>
  );
});
