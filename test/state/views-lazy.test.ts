import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';

/**
 * The page loads each view's URL module with the view. These tests use fresh module instances (the
 * Vitest setup registers every view in the shared ones), so nothing but the conv view is loaded at first.
 */
type Modules = {
  views: typeof import('../../src/state/views');
  codec: typeof import('../../src/state/codec');
  store: typeof import('../../src/state/store');
  urlSync: typeof import('../../src/state/urlSync');
};

async function fresh(): Promise<Modules> {
  vi.resetModules();
  return {
    views: await import('../../src/state/views'),
    codec: await import('../../src/state/codec'),
    store: await import('../../src/state/store'),
    urlSync: await import('../../src/state/urlSync'),
  };
}

/** A window whose hash the user can type; records history writes. */
function fakeWindow(hash: string) {
  const location = { hash };
  const listeners = new Map<string, Set<() => void>>();
  const writes: string[] = [];
  const history = {
    state: null,
    pushState: (_s: unknown, _t: string, url: string) => (writes.push(url), (location.hash = url)),
    replaceState: (_s: unknown, _t: string, url: string) => (writes.push(url), (location.hash = url)),
  };
  return {
    location,
    history,
    writes,
    addEventListener: (type: string, fn: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(fn);
    },
    removeEventListener: (type: string, fn: () => void) => listeners.get(type)?.delete(fn),
    userTypes(next: string) {
      location.hash = next;
      listeners.get('hashchange')?.forEach((fn) => fn());
    },
  };
}

/** Lets pending dynamic imports and their continuations run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('view modules load on demand', () => {
  let m: Modules;
  beforeEach(async () => {
    m = await fresh();
  });
  afterEach(() => {
    vi.doUnmock('../../src/state/views/rf');
  });

  it('before its module loads, a view is not readable; the conv view always is', () => {
    expect(m.views.isViewLoaded('conv')).toBe(true);
    expect(m.views.isViewLoaded('pool')).toBe(false);
    expect(() => m.views.viewCodec('pool')).toThrow(/loadView\('pool'\)/);
    expect(m.views.defaultViews()).toEqual({});
  });

  it('a link to an unloaded view is written with the shared keys only, and reads back as its defaults once loaded', async () => {
    const conv = (await import('../../src/state/params')).defaultConv();
    expect(m.codec.serializeHash('pool', conv, {}, { lang: 'ko' })).toBe('#/pool?v=1&lang=ko');
    await m.views.loadView('pool');
    const parsed = m.codec.parseHash('#/pool?v=1&lang=ko');
    expect(parsed.problems).toEqual([]);
    expect(parsed.views.pool).toEqual(m.views.viewCodec('pool').defaults());
  });

  it('a key of another view is named as such without loading that view', () => {
    const parsed = m.codec.parseHash('#/conv?ceil=1&eps=0.1');
    expect(parsed.problems.map((p) => p.message)).toEqual([
      "'ceil' is a setting of the pooling view, not of the convolution view; ignored.",
      "'eps' is a setting of the normalization view, not of the convolution view; ignored.",
    ]);
    expect(m.views.isViewLoaded('pool')).toBe(false);
    expect(m.views.isViewLoaded('norm')).toBe(false);
  });

  it('routeOfHash names the view to load, for any text', () => {
    expect(m.codec.routeOfHash('#/norm?kind=ln')).toBe('norm');
    expect(m.codec.routeOfHash('#/Pool/')).toBe('pool');
    expect(m.codec.routeOfHash('#/nope?x')).toBe('conv');
    expect(m.codec.routeOfHash('')).toBe('conv');
  });

  it('loading twice shares one load, and the module registered is the view module itself', async () => {
    const a = m.views.loadView('arch');
    const b = m.views.loadView('arch');
    await Promise.all([a, b]);
    const arch = await import('../../src/state/views/arch');
    expect(m.views.viewCodec('arch')).toBe(arch.ARCH_CODEC);
  });

  it('the URL sync reads a link to an unloaded view once its module has loaded, and keeps every key', async () => {
    const store = m.store.createAppStore({ fallbackLang: 'en' });
    const win = fakeWindow('#/pool?v=1&kind=avg&k=3&s=1');
    m.urlSync.bindUrl(store, win as never);
    // Not read yet: the page waits, and the address bar is left alone.
    expect(store.getState().route).toBe('conv');
    expect(win.writes).toEqual([]);
    await settle();
    expect(store.getState().route).toBe('pool');
    const pool = store.getState().views.pool;
    expect([pool.kind, pool.k, pool.s]).toEqual(['avg', [3, 3], [1, 1]]);
    expect(win.location.hash).toContain('kind=avg');
    expect(win.location.hash).toContain('k=3');
  });

  it('a second link typed before the first view loaded wins', async () => {
    const store = m.store.createAppStore({ fallbackLang: 'en' });
    const win = fakeWindow('#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7');
    m.urlSync.bindUrl(store, win as never);
    win.userTypes('#/norm?v=1');
    win.userTypes('#/rf?v=1');
    await settle();
    expect(store.getState().route).toBe('rf');
  });

  it('a view whose module cannot be loaded is shown (so the page says so) and its link stays in the address bar', async () => {
    vi.doMock('../../src/state/views/rf', () => {
      throw new Error('offline');
    });
    const store = m.store.createAppStore({ fallbackLang: 'en' });
    const win = fakeWindow('#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7');
    m.urlSync.bindUrl(store, win as never);
    win.userTypes('#/rf?v=1&layers=3');
    await settle();
    expect(store.getState().route).toBe('rf');
    expect(win.location.hash).toBe('#/rf?v=1&layers=3');
    expect(m.views.isViewLoaded('rf')).toBe(false);
  });

  it('setRoute adds the defaults of a loaded view and refuses one still loading', async () => {
    const store = m.store.createAppStore({ fallbackLang: 'en' });
    store.getState().setRoute('ideas');
    expect(store.getState().route).toBe('conv');
    expect(store.getState().rejection?.field).toBe('route');
    await m.views.loadView('ideas');
    store.getState().setRoute('ideas');
    expect(store.getState().route).toBe('ideas');
    expect(store.getState().views.ideas).toEqual(m.views.viewCodec('ideas').defaults());
  });
});
