import { useEffect, useId, useRef, useState } from 'react';
import { getAppStore } from '../state/store';
import type { ExportStrings } from './ExportMenuBody';
import type { RecordArea, RecordProgress } from './capture';
import {
  RECORD_LIMITS,
  defaultFrameRate,
  defaultStepCount,
  formatBytes,
  pickWebmType,
  readWhole,
  videoFrameSize,
  videoSeconds,
  visiblePart,
} from './plan';
import { currentSpeed, nextStep, snapshotView } from './viewState';

/** Seconds with at most one decimal: `10`, `2.5`. */
const seconds = (s: number) => String(Math.round(s * 10) / 10);

/** The frame size a recording of the view would have, for the dialog's summary. */
function frameSizeOf(area: RecordArea): { width: number; height: number } {
  const main = document.getElementById('main');
  if (!main) return { width: 0, height: 0 };
  const r = main.getBoundingClientRect();
  const part =
    area === 'whole'
      ? { x: 0, y: 0, width: r.width, height: r.height }
      : visiblePart(
          { x: r.x, y: r.y, width: r.width, height: r.height },
          { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight },
        );
  return videoFrameSize(part.width, part.height);
}

/**
 * The WebM recording dialog (a native modal <dialog>, loaded on demand): frames per second, number of
 * steps and area; then progress with a Cancel button; then what was saved. The view's step is put back
 * once its frames are captured, and on cancel.
 */
export default function RecordDialog({
  strings: t,
  onClose,
  onStatus,
}: {
  strings: ExportStrings;
  onClose: () => void;
  onStatus: (message: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [fpsText, setFpsText] = useState(() => String(defaultFrameRate(currentSpeed(getAppStore().getState()))));
  const [stepsText, setStepsText] = useState(() =>
    String(defaultStepCount(defaultFrameRate(currentSpeed(getAppStore().getState())))),
  );
  const [area, setArea] = useState<RecordArea>('visible');
  const [phase, setPhase] = useState<'setup' | 'running' | 'done'>('setup');
  const [progress, setProgress] = useState<RecordProgress | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => abort.current?.abort();
  }, []);

  // The button that was pressed goes away: focus follows to the one that takes its place.
  useEffect(() => {
    if (phase === 'running') cancelRef.current?.focus();
    if (phase === 'done') closeRef.current?.focus();
  }, [phase]);

  const { fps: fpsLimits, steps: stepLimits } = RECORD_LIMITS;
  const fps = readWhole(fpsText, fpsLimits.min, fpsLimits.max);
  const steps = readWhole(stepsText, stepLimits.min, stepLimits.max);
  const size = frameSizeOf(area);

  const record = async () => {
    const main = document.getElementById('main');
    if (fps === null || steps === null || !main) return;
    const mimeType = pickWebmType((type) => MediaRecorder.isTypeSupported(type));
    if (mimeType === null) return setMessage(t.noWebm);
    const store = getAppStore();
    store.getState().pause();
    const snapshot = snapshotView(store);
    const controller = new AbortController();
    abort.current = controller;
    setPhase('running');
    setMessage('');
    setProgress({ phase: 'capture', done: 0, total: steps });
    try {
      const { recordSteps, download, ExportCancelled } = await import('./capture');
      try {
        const rec = await recordSteps({
          element: main,
          route: snapshot.route,
          fps,
          steps,
          area,
          mimeType,
          advance: () => store.getState().route === snapshot.route && nextStep(store),
          restore: snapshot.restore,
          signal: controller.signal,
          onProgress: setProgress,
        });
        if (rec.frames < 2) {
          setMessage(t.tooShort);
        } else {
          download(rec.blob, rec.fileName);
          const saved = t.savedWebm(rec.fileName, rec.frames, seconds(videoSeconds(rec.frames, fps)), rec.width, rec.height, formatBytes(rec.blob.size));
          setMessage(rec.frames < steps ? `${saved} ${t.stoppedEarly(rec.frames)}` : saved);
          onStatus(saved);
        }
      } catch (err) {
        if (err instanceof ExportCancelled) {
          onStatus(t.cancelled);
          ref.current?.close();
          return;
        }
        throw err;
      }
    } catch (err) {
      snapshot.restore();
      setMessage(t.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      abort.current = null;
    }
    setPhase('done');
  };

  const running = phase === 'running';
  const status =
    running && progress
      ? progress.phase === 'capture'
        ? t.capturing(Math.min(progress.done + 1, progress.total), progress.total)
        : t.encoding(progress.done, progress.total)
      : message;

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="record-dialog"
      onClose={onClose}
      onCancel={() => abort.current?.abort()}
      // The view's keyboard shortcuts listen on the window: keys typed here are the dialog's own.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id={`${id}-title`}>{t.dialogTitle}</h2>
      <p className="export-dialog-intro">{t.dialogIntro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void record();
        }}
      >
        <div className="export-fields">
          <label className="export-field">
            <span>{t.fps}</span>
            <input
              type="number"
              inputMode="numeric"
              min={fpsLimits.min}
              max={fpsLimits.max}
              step={1}
              value={fpsText}
              disabled={running}
              aria-invalid={fps === null || undefined}
              aria-describedby={fps === null ? `${id}-fps-error` : undefined}
              data-testid="record-fps"
              onChange={(e) => setFpsText(e.target.value)}
            />
            {fps === null && (
              <span id={`${id}-fps-error`} className="field-error">
                {t.invalid(fpsLimits.min, fpsLimits.max)}
              </span>
            )}
          </label>
          <label className="export-field">
            <span>{t.steps}</span>
            <input
              type="number"
              inputMode="numeric"
              min={stepLimits.min}
              max={stepLimits.max}
              step={1}
              value={stepsText}
              disabled={running}
              aria-invalid={steps === null || undefined}
              aria-describedby={steps === null ? `${id}-steps-error` : undefined}
              data-testid="record-steps"
              onChange={(e) => setStepsText(e.target.value)}
            />
            {steps === null && (
              <span id={`${id}-steps-error`} className="field-error">
                {t.invalid(stepLimits.min, stepLimits.max)}
              </span>
            )}
          </label>
        </div>
        <fieldset className="export-area" disabled={running}>
          <legend>{t.area}</legend>
          <label>
            <input type="radio" name={`${id}-area`} value="visible" checked={area === 'visible'} onChange={() => setArea('visible')} />{' '}
            {t.areaVisible}
          </label>
          <label>
            <input type="radio" name={`${id}-area`} value="whole" checked={area === 'whole'} onChange={() => setArea('whole')} />{' '}
            {t.areaWhole}
          </label>
        </fieldset>
        <p className="export-summary" data-testid="record-summary">
          {fps !== null && steps !== null
            ? t.summary(steps, fps, seconds(videoSeconds(steps, fps)), size.width, size.height)
            : '\u00a0'}
        </p>
        {running && progress && (
          <progress
            className="export-progress"
            max={progress.total * 2}
            value={progress.phase === 'capture' ? progress.done : progress.total + progress.done}
            aria-label={t.progressLabel}
          />
        )}
        <p role="status" className="export-dialog-status" data-testid="record-status">
          {status}
        </p>
        <div className="export-actions">
          {phase === 'setup' && (
            <button type="submit" className="export-primary" disabled={fps === null || steps === null} data-testid="record-start">
              {t.record}
            </button>
          )}
          {running ? (
            <button key="cancel" ref={cancelRef} type="button" onClick={() => abort.current?.abort()} data-testid="record-cancel">
              {t.cancel}
            </button>
          ) : (
            <button key="close" ref={closeRef} type="button" onClick={() => ref.current?.close()} data-testid="record-close">
              {phase === 'done' ? t.close : t.cancel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
