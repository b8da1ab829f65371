import { use } from 'react';
import { useAppStore, selectLang } from '../state/store';
import type { Namespace, Translation } from './core';

/**
 * The dictionary of `ns` in the page's language; components re-render when the language changes. A
 * dictionary not loaded yet suspends the component (the nearest Suspense boundary shows its fallback)
 * until it is: the page preloads the dictionaries a view needs with the view (src/App.tsx), and a
 * change of language loads the new ones before it happens (`ensureLanguage`), so this is rare.
 */
export function useT<T>(ns: Namespace<T>): Translation<T> {
  const lang = useAppStore(selectLang);
  // Always `use` (never conditionally): a loaded dictionary's promise is settled, so it returns at once.
  return use(ns.load(lang));
}
