/**
 * The colour theme: the system's (prefers-color-scheme), light or dark. A preference of the viewer,
 * like the system setting it overrides, so it is kept in localStorage rather than in shared links.
 */
import { useEffect, useState } from 'react';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const KEY = 'convscope.theme';

/** Reads the saved theme; anything unreadable is `auto`. */
export function savedTheme(): Theme {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return (THEMES as readonly string[]).includes(v ?? '') ? (v as Theme) : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * Applies a theme to the document: `data-theme` on <html> sets its `color-scheme` (styles.css); `auto`
 * removes it, leaving `light dark`, the system's.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

/** The theme and its setter; the choice is applied to the document and remembered. */
export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(savedTheme);
  useEffect(() => {
    applyTheme(theme);
    try {
      globalThis.localStorage?.setItem(KEY, theme);
    } catch {
      // Storage may be refused (private mode): the choice then lasts for this page only.
    }
  }, [theme]);
  return [theme, setTheme];
}
