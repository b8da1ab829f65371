import { useState } from 'react';

/** Deep equality of plain data: numbers, strings, booleans, null, arrays and plain objects. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * `value`, or the previous one when it holds the same data: a memoised child then skips re-rendering
 * when a parent rebuilds an equal array (e.g. the filters' highlights, unchanged while a step moves
 * within one filter).
 */
export function useStableValue<T>(value: T): T {
  // React's pattern for information from earlier renders: a state updated during render.
  const [stable, setStable] = useState(value);
  if (stable !== value && !sameData(stable, value)) {
    setStable(value);
    return value;
  }
  return stable;
}
