import { useEffect, useRef } from 'react';

/**
 * While `playing`, advances the step at `speed` steps per second on animation frames (several steps
 * per frame at high speeds), and calls `onEnd` at the last step. Uses the latest values on every frame.
 */
export function usePlayback({
  playing,
  speed,
  step,
  total,
  setStep,
  onEnd,
}: {
  playing: boolean;
  speed: number;
  step: number;
  total: number;
  setStep: (n: number) => void;
  onEnd: () => void;
}) {
  const latest = useRef({ speed, step, total, setStep, onEnd });
  useEffect(() => {
    latest.current = { speed, step, total, setStep, onEnd };
  });
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last: number | null = null;
    let carry = 0;
    const tick = (now: number) => {
      const l = latest.current;
      if (last !== null) {
        carry += ((now - last) / 1000) * l.speed;
        const advance = Math.floor(carry);
        if (advance > 0) {
          carry -= advance;
          const next = Math.min(l.total - 1, l.step + advance);
          l.setStep(next);
          if (next >= l.total - 1) {
            l.onEnd();
            return;
          }
        }
      } else if (l.speed >= 1) {
        carry = 1; // the first step comes at once, so pressing play visibly does something
      }
      last = now;
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing]);
}
