import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { formatCount } from '../viz/format';

/** Small inline icons: emoji glyphs like ⏮ are missing from many fonts (and from projector laptops). */
function Icon({ name }: { name: 'first' | 'prev' | 'play' | 'pause' | 'next' | 'last' }) {
  const paths: Record<typeof name, string> = {
    first: 'M3 2h2v12H3zM14 2v12L6 8z',
    prev: 'M12 2v12L4 8z',
    play: 'M4 2v12l10-6z',
    pause: 'M3 2h4v12H3zM9 2h4v12H9z',
    next: 'M4 2v12l8-6z',
    last: 'M11 2h2v12h-2zM2 2v12l8-6z',
  };
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

export interface PlaybackBarProps {
  step: number;
  total: number;
  playing: boolean;
  speed: number;
  speeds: readonly number[];
  /** What the current step computes, e.g. "filter 1, row 0, column 2". */
  describe: string;
  onStep: (step: number) => void;
  onToggle: () => void;
  onSpeed: (speed: number) => void;
}

const speedLabel = (s: number) => (s < 1 ? `${s}` : formatCount(s));

/**
 * Play/pause, step back/forward, jump to start/end, a timeline to scrub to any step, and the speed in
 * steps per second. Shared by every view that walks through steps.
 */
export function PlaybackBar({ step, total, playing, speed, speeds, describe, onStep, onToggle, onSpeed }: PlaybackBarProps) {
  const t = useT(common);
  const last = Math.max(0, total - 1);
  return (
    <div className="playback" role="group" aria-label={t.playback}>
      <div className="playback-buttons">
        <button type="button" onClick={() => onStep(0)} disabled={step <= 0} aria-label={t.first} title={t.firstTitle}>
          <Icon name="first" />
        </button>
        <button type="button" onClick={() => onStep(step - 1)} disabled={step <= 0} aria-label={t.prev} title={t.prevTitle}>
          <Icon name="prev" />
        </button>
        <button
          type="button"
          className="play"
          onClick={onToggle}
          aria-label={playing ? t.pause : t.play}
          aria-pressed={playing}
          title={playing ? t.pauseTitle : t.playTitle}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" onClick={() => onStep(step + 1)} disabled={step >= last} aria-label={t.next} title={t.nextTitle}>
          <Icon name="next" />
        </button>
        <button type="button" onClick={() => onStep(last)} disabled={step >= last} aria-label={t.last} title={t.lastTitle}>
          <Icon name="last" />
        </button>
      </div>
      <label className="timeline">
        <span className="visually-hidden">{t.step}</span>
        <input
          type="range"
          min={0}
          max={last}
          value={step}
          onChange={(e) => onStep(Number(e.target.value))}
          aria-valuetext={`${t.stepOf(formatCount(step + 1), formatCount(total))}: ${describe}`}
        />
      </label>
      <output className="step-label" aria-live="off">
        <strong>{t.stepOf(formatCount(step + 1), formatCount(total))}</strong> · {describe}
      </output>
      <label className="speed">
        {t.speed}
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} title={t.speedTitle}>
          {speeds.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
              {t.perSecond}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
