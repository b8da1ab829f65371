import { useEffect, useState } from 'react';

/** The longest the parts below the fold wait for a frame (a busy or throttled page may be slow to give one). */
export const AFTER_PAINT_MAX_WAIT = 200;

/**
 * False on a component's first render, true from a render after the browser has painted that first
 * one (the next animation frame, then a task; or at the latest after AFTER_PAINT_MAX_WAIT ms). Parts of
 * a view below the fold wait for it, so that the first paint of what the page opens on does not wait
 * for them to be rendered, styled and laid out.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    const done = () => setPainted(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame is painted after its animation-frame callbacks: a task queued from one runs after it.
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => (timer = setTimeout(done, 0)))
        : 0;
    const fallback = setTimeout(done, AFTER_PAINT_MAX_WAIT);
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [painted]);
  return painted;
}
