/**
 * Keeps the location hash and the store in step: the URL is the state. The hash is read into the
 * store on bind and whenever the user edits the URL or goes Back/Forward; store changes are written
 * back (replaceState, or pushState for a change of view) only when the serialised link changes, and
 * at most every `URL_WRITE_INTERVAL_MS` while playing, because browsers throttle history calls.
 */
import { parseHash, routeOfHash, serializeHash, type ParsedHash } from './codec';
import { sharedOf, type AppState, type AppStore } from './store';
import { isViewLoaded, loadView } from './views';

/** The part of `window` the binding uses (a tiny fake will do in tests). */
export type UrlWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

/** Options of `bindUrl`. */
export interface BindOptions {
  /**
   * Called with each link read before it is applied; when it returns a promise (e.g. the strings of the
   * link's language are loading), the link is applied once it settles, unless the URL changed meanwhile.
   */
  prepare?: (link: ParsedHash) => Promise<unknown> | null | undefined;
}

/** While playing, the hash is written at most once per this many milliseconds. */
export const URL_WRITE_INTERVAL_MS = 500;

/**
 * Binds `store` to the location hash of `win` and returns the function that unbinds it. On bind,
 * the hash is parsed into the store (problems into the messages slice) and replaced by its
 * canonical form. Then: a store change that changes the link is written with `replaceState`, a
 * change of route with `pushState`; a burst of changes (playing, a held arrow key) is throttled to one
 * write per 500 ms with the last one always written, and pausing writes at once; `hashchange` and `popstate` (the user edited
 * the URL or pressed Back) parse the new hash and apply it. Unbinding writes any pending change.
 *
 * A link to a view whose module has not loaded yet is read once it has (`loadView`); meanwhile the
 * page stays as it was. If the module cannot be loaded (offline before it was ever cached), the view is
 * shown anyway, so that the page says it could not be loaded, and the address bar keeps the link.
 */
export function bindUrl(store: AppStore, win: UrlWindow, options: BindOptions = {}): () => void {
  /** The hash the URL holds, as far as this binding knows. */
  let written = win.location.hash;
  /** Set while applying a link, so the store change it causes is not written back. */
  let applying = false;
  /** The throttling window after a write while playing, and whether a write waits for its end. */
  let cooldown: ReturnType<typeof setTimeout> | null = null;
  let pending = false;

  const linkOf = (state: AppState) => serializeHash(state.route, state.config, state.views, sharedOf(state.ui));

  /** Writes `hash`; returns false when the browser refused (e.g. too many history calls). */
  const write = (mode: 'push' | 'replace', hash: string): boolean => {
    try {
      if (mode === 'push') win.history.pushState(null, '', hash);
      else win.history.replaceState(win.history.state, '', hash);
      written = hash;
      return true;
    } catch {
      return false;
    }
  };

  const stopCooldown = () => {
    if (cooldown !== null) clearTimeout(cooldown);
    cooldown = null;
    pending = false;
  };

  const startCooldown = () => {
    cooldown = setTimeout(endCooldown, URL_WRITE_INTERVAL_MS);
  };

  /** The end of a throttling window: writes the latest link if a write waited. */
  function endCooldown() {
    cooldown = null;
    if (!pending) return;
    pending = false;
    const hash = linkOf(store.getState());
    if (hash === written) return;
    if (!write('replace', hash)) pending = true;
    startCooldown();
  }

  /** Writes now, or, when the browser refuses, retries after a throttling window. */
  const writeOrRetry = (mode: 'push' | 'replace', hash: string) => {
    if (write(mode, hash)) return;
    pending = true;
    if (cooldown === null) startCooldown();
  };

  const onStoreChange = (state: AppState, prev: AppState) => {
    if (applying || awaiting !== null) return;
    const hash = linkOf(state);
    if (state.route !== prev.route) {
      stopCooldown();
      if (hash !== written) writeOrRetry('push', hash);
      return;
    }
    if (hash === written) return;
    if (prev.playing && !state.playing) {
      // Just paused: write at once.
      stopCooldown();
      writeOrRetry('replace', hash);
      return;
    }
    // A first change is written at once; a burst (playing, or a held arrow key) at most once per
    // interval, the last change always written when the interval ends.
    if (cooldown !== null) {
      pending = true;
      return;
    }
    if (!write('replace', hash)) pending = true;
    startCooldown();
  };

  let bound = true;
  /** The hash being read while its view's module or its strings load: nothing is written meanwhile. */
  let awaiting: string | null = null;

  /** Parses the current hash into the store, then shows its canonical form in the address bar. */
  const applyUrl = () => {
    const hash = win.location.hash;
    const route = routeOfHash(hash);
    // The link read now supersedes a throttled write still waiting: writing it would replace the link
    // being read (before its view's module or strings have loaded) with the page's older state.
    stopCooldown();
    if (!isViewLoaded(route)) {
      const stillWanted = () => bound && win.location.hash === hash;
      awaiting = hash;
      loadView(route).then(
        () => {
          if (awaiting === hash) awaiting = null;
          if (stillWanted()) applyUrl();
        },
        () => {
          if (awaiting === hash) awaiting = null;
          if (!stillWanted()) return;
          stopCooldown();
          applying = true;
          try {
            store.setState({ route, playing: false });
          } finally {
            applying = false;
          }
          written = hash;
        },
      );
      return;
    }
    const link = parseHash(hash);
    const wait = options.prepare?.(link);
    if (wait) {
      awaiting = hash;
      const apply = () => {
        if (awaiting === hash) awaiting = null;
        if (bound && win.location.hash === hash) applyParsed(hash, link);
      };
      wait.then(apply, apply);
      return;
    }
    applyParsed(hash, link);
  };

  /** Applies a link read from `hash`, then shows its canonical form in the address bar. */
  const applyParsed = (hash: string, link: ParsedHash) => {
    stopCooldown();
    applying = true;
    try {
      store.getState().applyLink(link);
    } finally {
      applying = false;
    }
    written = hash;
    const canonical = linkOf(store.getState());
    if (canonical !== hash) writeOrRetry('replace', canonical);
  };

  /** The user edited the URL or moved in the history. */
  const onNavigate = () => {
    if (win.location.hash === written) return; // e.g. the hashchange that follows a popstate
    applyUrl();
  };

  applyUrl();
  const unsubscribe = store.subscribe(onStoreChange);
  win.addEventListener('hashchange', onNavigate);
  win.addEventListener('popstate', onNavigate);

  return () => {
    bound = false;
    unsubscribe();
    win.removeEventListener('hashchange', onNavigate);
    win.removeEventListener('popstate', onNavigate);
    const wasPending = pending;
    stopCooldown();
    if (wasPending) {
      const hash = linkOf(store.getState());
      if (hash !== written) write('replace', hash);
    }
  };
}
