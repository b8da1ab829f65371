import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at once when it changes after a quiet spell, and at most once per `ms` while it
 * keeps changing (the latest value always arrives). For parts of a view that are expensive to draw
 * and unreadable at full speed anyway, such as the worked arithmetic of a step during fast playback.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
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
  }, [value, ms]);
  return shown;
}
