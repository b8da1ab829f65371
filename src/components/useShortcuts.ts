import { useEffect, useRef } from 'react';

/** The keyboard shortcuts every stepping view understands. */
export interface ShortcutHandlers {
  toggle?: () => void;
  next?: () => void;
  prev?: () => void;
  first?: () => void;
  last?: () => void;
  faster?: () => void;
  slower?: () => void;
  help?: () => void;
}

/** The list shown by the `?` dialog, in the order it is shown: keys (or dictionary keys of key names) and the action's key. */
export const SHORTCUTS = [
  { keys: ['keySpace'], action: 'scPlay' },
  { keys: ['→', 'PageDown'], action: 'scNext' },
  { keys: ['←', 'PageUp'], action: 'scPrev' },
  { keys: ['Home'], action: 'scFirst' },
  { keys: ['End'], action: 'scLast' },
  { keys: ['+'], action: 'scFaster' },
  { keys: ['−'], action: 'scSlower' },
  { keys: ['?'], action: 'scHelp' },
  { keys: ['P'], action: 'scPresent' },
  { keys: ['keyArrows', 'Enter'], action: 'scGrid' },
] as const;

/** True when a key press belongs to a text field (or another control that uses it) rather than to us. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(type);
  }
  return false;
}

/**
 * Binds Space, ←/→, Home/End, +/− and ? on the window, whenever focus is not in a text field. A range
 * slider keeps its own arrow keys; a focused button keeps Space and Enter.
 */
export function useShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      const onRange = el?.tagName === 'INPUT' && (el as HTMLInputElement).type === 'range';
      const onButton = el?.tagName === 'BUTTON' || el?.getAttribute('role') === 'button';
      const h = ref.current;
      let fn: (() => void) | undefined;
      switch (e.key) {
        case ' ':
          if (!onButton) fn = h.toggle;
          break;
        case 'ArrowRight':
          if (!onRange) fn = h.next;
          break;
        case 'PageDown':
          // Presentation clickers send PageDown/PageUp: the next step, unless a lesson takes it first.
          fn = h.next;
          break;
        case 'PageUp':
          fn = h.prev;
          break;
        case 'ArrowLeft':
          if (!onRange) fn = h.prev;
          break;
        case 'Home':
          if (!onRange) fn = h.first;
          break;
        case 'End':
          if (!onRange) fn = h.last;
          break;
        case '+':
        case '=':
          fn = h.faster;
          break;
        case '-':
        case '_':
          fn = h.slower;
          break;
        case '?':
          fn = h.help;
          break;
      }
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
