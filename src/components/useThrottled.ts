import { useEffect, useRef, useState } from 'react';
import { useAppStore, selectLang } from '../state/store';

/**
 * `value`, passed on at once when it changes after a quiet spell, and at most once per `ms` while it
 * keeps changing (the latest value always arrives). For parts of a view that are expensive to draw
 * and unreadable at full speed anyway, such as the worked arithmetic of a step during fast playback,
 * or the spoken text of a live region. A change of the page's language is passed on at once: the
 * text then says the same thing in the other language, and must not be heard (or seen) in the old
 * one until the interval ends. With `ms` ≤ 0 the value passes straight through, in the same render
 * (no second render after each change), so a caller can throttle only while playing.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const lang = useAppStore(selectLang);
  const [shown, setShown] = useState(value);
  const [shownLang, setShownLang] = useState(lang);
  const last = useRef(0);
  const through = ms <= 0;
  if (lang !== shownLang) {
    // Adjusting state while rendering (React re-renders at once, before anything is committed).
    setShownLang(lang);
    setShown(value);
  } else if (through && shown !== value) {
    // Kept in step while unthrottled (the same pattern), so that throttling later starts from this value.
    setShown(value);
  }
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
