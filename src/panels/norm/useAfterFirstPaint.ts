import { useEffect, useState } from 'react';

/**
 * False on a component's first render, true from a render after the browser has painted that first
 * one (the next animation frame, then a task). Parts of a view below the fold wait for it, so that the
 * first paint of what the page opens on does not wait for them to be rendered, styled and laid out.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => (timer = setTimeout(() => setPainted(true), 0));
    // A frame is painted after its animation-frame callbacks: the task queued from one runs after it.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(later) : (later(), 0);
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
