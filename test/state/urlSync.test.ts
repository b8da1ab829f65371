import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { bindUrl, URL_WRITE_INTERVAL_MS, type UrlWindow } from '../../src/state/urlSync';
import { createAppStore, type AppStore } from '../../src/state/store';
import { serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';

const LECTURE_LINK = '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7';
/** The pooling view's link with its default settings (canonical form, all of its core keys). */
const POOL_LINK = serializeHash('pool', defaultConv());

/**
 * A tiny in-memory window: a location with a hash, a history of entries with push/replace, and
 * event listeners. `userTypes` and `back` act like the user; `calls` records every history call.
 */
function fakeWindow(initialHash = '') {
  const entries = [initialHash];
  let index = 0;
  const location = { hash: initialHash };
  const listeners = new Map<string, Set<() => void>>();
  const calls: { kind: 'push' | 'replace'; hash: string }[] = [];
  const dispatch = (type: string) => listeners.get(type)?.forEach((fn) => fn());
  const history = {
    state: null as unknown,
    pushState(_state: unknown, _title: string, url: string) {
      entries.splice(index + 1, Infinity, url);
      index++;
      location.hash = url;
      calls.push({ kind: 'push', hash: url });
    },
    replaceState(_state: unknown, _title: string, url: string) {
      entries[index] = url;
      location.hash = url;
      calls.push({ kind: 'replace', hash: url });
    },
  };
  const win = {
    location,
    history,
    addEventListener(type: string, fn: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(fn);
    },
    removeEventListener(type: string, fn: () => void) {
      listeners.get(type)?.delete(fn);
    },
  };
  return {
    win: win as unknown as UrlWindow,
    location,
    calls,
    entries,
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    /** The user edits the hash in the address bar: a new entry, then `hashchange`. */
    userTypes(hash: string) {
      entries.splice(index + 1, Infinity, hash);
      index++;
      location.hash = hash;
      dispatch('hashchange');
    },
    /** The user presses Back: `popstate`, then `hashchange` when the hash differs. */
    back() {
      const from = location.hash;
      index--;
      location.hash = entries[index]!;
      dispatch('popstate');
      if (location.hash !== from) dispatch('hashchange');
    },
  };
}

let store: AppStore;
beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('bindUrl on bind', () => {
  it('reads the hash into the store, problems into the messages', () => {
    const fake = fakeWindow('#/conv?k=5&seed=3&foo=1');
    bindUrl(store, fake.win);
    expect(store.getState().config).toMatchObject({ k: [5, 5], seed: 3 });
    expect(store.getState().problems.map((p) => p.key)).toEqual(['foo']);
  });

  it('replaces the hash by its canonical link (no new history entry)', () => {
    const fake = fakeWindow('');
    bindUrl(store, fake.win);
    expect(fake.calls).toEqual([{ kind: 'replace', hash: LECTURE_LINK }]);
    expect(fake.entries).toEqual([LECTURE_LINK]);
  });

  it('writes nothing when the hash is already canonical', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    expect(fake.calls).toEqual([]);
  });

  it('a link to another view keeps the store’s convolution configuration', () => {
    store.getState().setSeed(42);
    const fake = fakeWindow('#/pool');
    bindUrl(store, fake.win);
    expect(store.getState()).toMatchObject({ route: 'pool', config: { seed: 42 } });
    expect(fake.location.hash).toBe(POOL_LINK);
  });
});

describe('bindUrl writes store changes', () => {
  it('replaces the hash when a URL field changes', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().setSeed(8);
    expect(fake.calls).toEqual([{ kind: 'replace', hash: LECTURE_LINK.replace('seed=7', 'seed=8') }]);
  });

  it('writes nothing when no URL field changed (playback, messages, rejections, no-op changes)', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().dismissProblems();
    store.getState().setSeed(-1); // refused
    store.getState().setKernel(3); // same value
    store.getState().play();
    store.getState().pause();
    expect(fake.calls).toEqual([]);
  });

  it('pushes a history entry when the route changes', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().setRoute('pool');
    expect(fake.calls).toEqual([{ kind: 'push', hash: POOL_LINK }]);
    expect(fake.entries).toEqual([LECTURE_LINK, POOL_LINK]);
  });

  it('while playing writes at most once per 500 ms, the last state always written', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().play();
    for (let i = 1; i <= 10; i++) {
      store.getState().setStep(i); // ten steps within 100 ms
      vi.advanceTimersByTime(10);
    }
    expect(fake.calls.map((c) => c.hash)).toEqual([`${LECTURE_LINK}&step=1`]); // leading write
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS - 100);
    expect(fake.calls.map((c) => c.hash)).toEqual([`${LECTURE_LINK}&step=1`, `${LECTURE_LINK}&step=10`]);
    vi.advanceTimersByTime(5 * URL_WRITE_INTERVAL_MS);
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls.every((c) => c.kind === 'replace')).toBe(true);
  });

  it('while playing at a steady pace, writes are 500 ms apart', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().play();
    const times: number[] = [];
    let last = fake.calls.length;
    for (let t = 0; t < 2000; t += 50) {
      store.getState().setStep((t / 50) % 18);
      if (fake.calls.length !== last) {
        times.push(t);
        last = fake.calls.length;
      }
      vi.advanceTimersByTime(50);
    }
    expect(fake.calls.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(URL_WRITE_INTERVAL_MS - 50);
  });

  it('pausing writes the pending state at once', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().play();
    store.getState().setStep(1);
    store.getState().setStep(2);
    store.getState().setStep(3);
    expect(fake.location.hash).toBe(`${LECTURE_LINK}&step=1`);
    store.getState().pause();
    expect(fake.location.hash).toBe(`${LECTURE_LINK}&step=3`);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS * 2);
    expect(fake.calls).toHaveLength(2);
  });

  it('when not playing, a single change is written at once and a burst of changes is throttled', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().setStep(1);
    expect(fake.calls.map((c) => c.hash)).toEqual([`${LECTURE_LINK}&step=1`]);
    store.getState().setStep(2); // e.g. a held arrow key
    store.getState().setStep(3);
    expect(fake.calls).toHaveLength(1);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(fake.calls.map((c) => c.hash)).toEqual([`${LECTURE_LINK}&step=1`, `${LECTURE_LINK}&step=3`]);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    store.getState().setStep(4); // after a quiet interval, at once again
    expect(fake.calls.at(-1)!.hash).toBe(`${LECTURE_LINK}&step=4`);
  });

  it('a history call the browser refuses is retried after the interval', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    const real = fake.win.history.replaceState.bind(fake.win.history);
    let refuse = true;
    fake.win.history.replaceState = (...args: Parameters<History['replaceState']>) => {
      if (refuse) throw new Error('SecurityError: too many calls');
      real(...args);
    };
    expect(() => store.getState().setSeed(9)).not.toThrow();
    expect(fake.location.hash).toBe(LECTURE_LINK);
    refuse = false;
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(fake.location.hash).toBe(LECTURE_LINK.replace('seed=7', 'seed=9'));
  });
});

describe('bindUrl reads navigation', () => {
  it('applies a hash the user typed, with its problems, and shows its canonical form', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().setSeed(5);
    fake.userTypes('#/conv?k=5&zz=1');
    expect(store.getState().config).toMatchObject({ k: [5, 5], seed: 7 });
    expect(store.getState().problems.map((p) => p.key)).toEqual(['zz']);
    expect(fake.location.hash).toBe(LECTURE_LINK.replace('k=3', 'k=5'));
    expect(fake.calls.at(-1)!.kind).toBe('replace');
  });

  it('Back after a route change restores the previous view and configuration', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().setSeed(5);
    store.getState().setRoute('arch');
    const callsBefore = fake.calls.length;
    fake.back();
    expect(store.getState()).toMatchObject({ route: 'conv', config: { seed: 5 } });
    expect(fake.calls).toHaveLength(callsBefore); // the canonical link needs no rewrite
  });

  it('popstate and the hashchange that follows apply the link once', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().setRoute('rf');
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    fake.back();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('navigation cancels a pending throttled write', () => {
    const fake = fakeWindow(LECTURE_LINK);
    bindUrl(store, fake.win);
    store.getState().play();
    store.getState().setStep(1);
    store.getState().setStep(2); // pending
    fake.userTypes('#/conv?seed=3');
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS * 2);
    expect(fake.location.hash).toBe(LECTURE_LINK.replace('seed=7', 'seed=3'));
    expect(store.getState().config.seed).toBe(3);
  });

  it('a link whose strings are still loading is not overwritten by a pending throttled write', async () => {
    const fake = fakeWindow(LECTURE_LINK);
    let release!: () => void;
    const loading = new Promise<void>((resolve) => (release = resolve));
    bindUrl(store, fake.win, { prepare: (link) => (link.shared.lang === 'ko' ? loading : null) });
    store.getState().setStep(1); // written at once
    store.getState().setStep(2); // pending until the interval ends
    const typed = `${LECTURE_LINK}&step=4&lang=ko`;
    fake.userTypes(typed);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS * 2);
    expect(fake.location.hash).toBe(typed);
    expect(store.getState().config.step).toBe(2);
    release();
    await loading;
    await Promise.resolve();
    expect(store.getState().config.step).toBe(4);
    expect(store.getState().ui.lang).toBe('ko');
  });
});

describe('unbind', () => {
  it('stops reading and writing, and removes its listeners', () => {
    const fake = fakeWindow(LECTURE_LINK);
    const unbind = bindUrl(store, fake.win);
    expect(fake.listenerCount()).toBe(2);
    unbind();
    expect(fake.listenerCount()).toBe(0);
    store.getState().setSeed(9);
    fake.userTypes('#/conv?k=5');
    expect(store.getState().config).toMatchObject({ seed: 9, k: [3, 3] });
    expect(fake.calls).toEqual([]);
  });

  it('writes a pending throttled change', () => {
    const fake = fakeWindow(LECTURE_LINK);
    const unbind = bindUrl(store, fake.win);
    store.getState().play();
    store.getState().setStep(1);
    store.getState().setStep(2);
    unbind();
    expect(fake.location.hash).toBe(`${LECTURE_LINK}&step=2`);
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS * 2);
    expect(fake.calls).toHaveLength(2);
  });
});
