import { useAppStore } from '../../state/store';

/** How much larger the view's drawings are in presentation mode (type, margins, cells), read from the store. */
export const PRESENT_SCALE = 1.5;

/** 1 normally, PRESENT_SCALE in presentation mode: charts and tensors multiply their sizes by it. */
export function usePresentScale(): number {
  return useAppStore((s) => (s.ui.present ? PRESENT_SCALE : 1));
}
