/**
 * Registers every view's module at once, for code that must read links to any view synchronously
 * without waiting: the lesson and deck code (loaded on demand itself) and the tests. The page does not
 * import this: it loads each view's module with the view (`loadView`).
 */
import { registerView } from './views';
import { poolCodec } from './views/pool';
import { RF_CODEC } from './views/rf';
import { ARCH_CODEC } from './views/arch';
import { IDEAS_CODEC } from './views/ideas';
import { normCodec } from './views/norm';

/** Registers the modules of all views (idempotent). */
export function registerAllViews(): void {
  registerView('pool', poolCodec);
  registerView('rf', RF_CODEC);
  registerView('arch', ARCH_CODEC);
  registerView('ideas', IDEAS_CODEC);
  registerView('norm', normCodec);
}

registerAllViews();
