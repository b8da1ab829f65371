import { useAppStore, selectLang } from '../state/store';
import type { Namespace, Translation } from './core';

/** The dictionary of `ns` in the page's language; components re-render when the language changes. */
export function useT<T>(ns: Namespace<T>): Translation<T> {
  const lang = useAppStore(selectLang);
  return ns[lang];
}
