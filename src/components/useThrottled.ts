import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at once when it changes after a quiet spell, and at most once per `ms` while it
 * keeps changing (the latest value always arrives). For parts of a view that are expensive to draw
 * and unreadable at full speed anyway, such as the worked arithmetic of a step during fast playback.
 * With `ms` ≤ 0 the value passes straight through, in the same render (no second render after each
 * change), so a caller can throttle only while playing.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const through = ms <= 0;
  // Kept in step while unthrottled (React's pattern for information from earlier renders: a state set
  // during render re-runs this component at once), so that throttling later starts from this value.
  if (through && shown !== value) setShown(value);
  useEffect(() => {
    if (through) return;
    const now = performance.now();
    const wait = last.current + ms - now;
    if (wait <= 0) {
      last.current = now;
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, through]);
  return through ? value : shown;
}
