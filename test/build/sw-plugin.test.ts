import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import {
  isPrecached,
  precacheManifest,
  serviceWorker,
  serviceWorkerSource,
  type Precache,
} from '../../scripts/sw-plugin.mjs';

const hex = (data: string) => createHash('sha256').update(data).digest('hex');

describe('the precache list', () => {
  it('leaves out source maps, the worker itself and dotfiles, and keeps everything else', () => {
    expect(isPrecached('assets/index-abc.js')).toBe(true);
    expect(isPrecached('assets/index-abc.css')).toBe(true);
    expect(isPrecached('index.html')).toBe(true);
    expect(isPrecached('samples/scene.png')).toBe(true);
    expect(isPrecached('favicon.svg')).toBe(true);
    expect(isPrecached('assets/index-abc.js.map')).toBe(false);
    expect(isPrecached('sw.js')).toBe(false);
    expect(isPrecached('.DS_Store')).toBe(false);
    expect(isPrecached('samples/.gitkeep')).toBe(false);
    // Only the worker at the root is the worker.
    expect(isPrecached('assets/sw.js')).toBe(true);
  });

  it('lists files sorted, relative to sw.js, once each', () => {
    const m = precacheManifest([
      { name: 'index.html', source: '<html>' },
      { name: 'assets/b.js', source: 'b' },
      { name: 'assets/b.js.map', source: '{}' },
      { name: 'sw.js', source: 'old worker' },
      { name: 'assets/a.css', source: 'a' },
      { name: 'samples\\digit.png', source: new Uint8Array([1, 2]) },
      { name: './favicon.svg', source: '<svg/>' },
      { name: 'assets/a.css', source: 'a second copy' },
    ]);
    expect(m.urls).toEqual([
      './assets/a.css',
      './assets/b.js',
      './favicon.svg',
      './index.html',
      './samples/digit.png',
    ]);
  });

  it('names the cache by a hash of every name with the hash of its content', () => {
    const m = precacheManifest([
      { name: 'index.html', source: '<html>' },
      { name: 'assets/a.js', source: 'a' },
    ]);
    // Worked by hand: names sorted, each "name\0sha256(content)\n", the SHA-256 of the whole, 16 hex digits.
    const expected = hex(`assets/a.js\0${hex('a')}\nindex.html\0${hex('<html>')}\n`).slice(0, 16);
    expect(m.version).toBe(expected);
    expect(m.cacheName).toBe(`convscope-${expected}`);
    expect(m.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same cache for the same build in any order, and a new one when any precached file changes', () => {
    const files = [
      { name: 'index.html', source: '<html>' },
      { name: 'assets/a.js', source: 'a' },
      { name: 'samples/scene.png', source: new Uint8Array([1, 2, 3]) },
    ];
    const v = precacheManifest(files).version;
    expect(precacheManifest([...files].reverse()).version).toBe(v);
    // A sample image with the same name but new pixels (no hash in its name) still changes the cache.
    expect(
      precacheManifest([
        files[0]!,
        files[1]!,
        { name: 'samples/scene.png', source: new Uint8Array([1, 2, 4]) },
      ]).version,
    ).not.toBe(v);
    expect(precacheManifest([...files, { name: 'assets/b.js', source: 'b' }]).version).not.toBe(v);
    expect(precacheManifest(files.slice(1)).version).not.toBe(v);
    // Source maps are not precached, so they do not change the cache either.
    expect(precacheManifest([...files, { name: 'assets/a.js.map', source: '{}' }]).version).toBe(v);
  });
});

/** A fake service-worker global: caches in a Map, a recording fetch, and the events the worker listens to. */
function fakeWorker(
  precache: Precache,
  scope: string,
  existing: Record<string, Record<string, string>> = {},
  network: (url: string) => Response = (url) => new Response(`network ${url}`),
) {
  const stores = new Map<string, Map<string, Response>>();
  for (const [name, entries] of Object.entries(existing))
    stores.set(name, new Map(Object.entries(entries).map(([u, body]) => [u, new Response(body)])));
  const fetched: string[] = [];
  const listeners: Record<string, (event: unknown) => void> = {};
  let claimed = false;
  let skipped = 0;
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      put: async (url: string, res: Response) => void store.set(url, res),
      match: async (url: string) => store.get(url)?.clone(),
    };
  };
  const globals = {
    URL,
    Response,
    Set,
    Promise,
    Error,
    self: {
      registration: { scope },
      location: { href: `${scope}sw.js`, origin: new URL(scope).origin },
      addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] = fn),
      clients: { claim: async () => void (claimed = true) },
      skipWaiting: async () => void (skipped += 1),
    },
    caches: {
      open,
      keys: async () => [...stores.keys()],
      delete: async (name: string) => stores.delete(name),
    },
    fetch: async (url: string | { url: string }) => {
      const u = typeof url === 'string' ? url : url.url;
      fetched.push(u);
      return network(u);
    },
  };
  runInNewContext(serviceWorkerSource(precache), globals);
  const lifecycle = async (type: 'install' | 'activate') => {
    let done: Promise<unknown> = Promise.resolve();
    listeners[type]!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  /** Dispatches a fetch; the response text, or null when the worker leaves the request to the browser. */
  const request = async (url: string, init: { method?: string; mode?: string } = {}) => {
    let answer: Promise<Response> | null = null;
    listeners.fetch!({
      request: { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' },
      respondWith: (p: Promise<Response>) => (answer = p),
    });
    return answer ? ((await answer) as Response).text() : null;
  };
  /** Posts a message to the worker, as a page does. */
  const message = (data: unknown) => listeners.message!({ data });
  return { stores, fetched, lifecycle, request, message, claimed: () => claimed, skipped: () => skipped };
}

describe('the service worker', () => {
  const scope = 'https://school.example/x/y/';
  const precache = precacheManifest([
    { name: 'index.html', source: '<html>' },
    { name: 'assets/index-1.js', source: 'js' },
    { name: 'samples/scene.png', source: 'png' },
  ]);
  const cache = `${precache.cacheName} ${scope}`;

  it('precaches every file of the list, resolved against its own folder, into a cache named by version and scope', async () => {
    const sw = fakeWorker(precache, scope);
    await sw.lifecycle('install');
    expect(sw.fetched.sort()).toEqual([
      `${scope}assets/index-1.js`,
      `${scope}index.html`,
      `${scope}samples/scene.png`,
    ]);
    expect([...sw.stores.keys()]).toEqual([cache]);
    expect([...sw.stores.get(cache)!.keys()].sort()).toEqual(sw.fetched);
  });

  it('on activation deletes its own older caches at this scope only, and claims the open pages', async () => {
    const sw = fakeWorker(precache, scope, {
      [`convscope-0000000000000000 ${scope}`]: {},
      [`convscope-0000000000000000 https://school.example/other/`]: {},
      'someone-else': {},
    });
    await sw.lifecycle('install');
    await sw.lifecycle('activate');
    expect([...sw.stores.keys()].sort()).toEqual(
      ['convscope-0000000000000000 https://school.example/other/', cache, 'someone-else'].sort(),
    );
    expect(sw.claimed()).toBe(true);
  });

  it('answers precached files and the app page from the cache, and leaves everything else to the browser', async () => {
    const sw = fakeWorker(precache, scope);
    await sw.lifecycle('install');
    sw.fetched.length = 0;
    expect(await sw.request(`${scope}assets/index-1.js`)).toBe(`network ${scope}assets/index-1.js`);
    expect(await sw.request(`${scope}samples/scene.png`)).toBe(`network ${scope}samples/scene.png`);
    // Navigations to the app's folder or its index.html (any query or hash) get the cached page.
    expect(await sw.request(`${scope}`, { mode: 'navigate' })).toBe(`network ${scope}index.html`);
    expect(await sw.request(`${scope}?lang=ko#/pool?v=1`, { mode: 'navigate' })).toBe(
      `network ${scope}index.html`,
    );
    expect(await sw.request(`${scope}index.html#/conv`, { mode: 'navigate' })).toBe(
      `network ${scope}index.html`,
    );
    expect(sw.fetched).toEqual([]); // all of the above came from the cache
    // Not ours: other origins, other methods, files outside the build, other pages of the site.
    expect(await sw.request('https://cdn.example/x/y/assets/index-1.js')).toBeNull();
    expect(await sw.request(`${scope}assets/index-1.js`, { method: 'POST' })).toBeNull();
    expect(await sw.request(`${scope}assets/unknown.js`)).toBeNull();
    expect(await sw.request('https://school.example/x/other.html', { mode: 'navigate' })).toBeNull();
    expect(await sw.request(`${scope}notes/`, { mode: 'navigate' })).toBeNull();
  });

  it('takes over from a waiting state only when a page asks with SKIP_WAITING, never on install', async () => {
    const sw = fakeWorker(precache, scope);
    await sw.lifecycle('install');
    expect(sw.skipped()).toBe(0);
    sw.message({ type: 'something else' });
    sw.message(null);
    sw.message('SKIP_WAITING');
    expect(sw.skipped()).toBe(0);
    sw.message({ type: 'SKIP_WAITING' });
    expect(sw.skipped()).toBe(1);
  });

  it('a failed file fails the install and leaves no half-filled cache', async () => {
    const sw = fakeWorker(precache, scope, {}, (url) =>
      url.endsWith('.png') ? new Response('', { status: 404 }) : new Response('ok'),
    );
    await expect(sw.lifecycle('install')).rejects.toThrow('samples/scene.png: HTTP 404');
    expect([...sw.stores.keys()]).toEqual([]);
  });
});

describe('the Vite plugin', () => {
  it('emits sw.js precaching every file the build writes (lazy chunks, CSS, HTML, public files) but no source map', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sw-plugin-'));
    try {
      mkdirSync(join(root, 'public', 'samples'), { recursive: true });
      writeFileSync(join(root, 'public', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      writeFileSync(join(root, 'public', 'samples', 'scene.png'), new Uint8Array([137, 80, 78, 71]));
      writeFileSync(
        join(root, 'index.html'),
        '<!doctype html><title>t</title><script type="module" src="./main.js"></script>',
      );
      writeFileSync(
        join(root, 'main.js'),
        "import './main.css';\nimport('./lazy.js').then((m) => console.log(m.value));\n",
      );
      writeFileSync(join(root, 'main.css'), 'body { color: red }\n');
      writeFileSync(join(root, 'lazy.js'), 'export const value = 42;\n');
      const outDir = join(root, 'out');
      await build({
        root,
        configFile: false,
        base: './',
        logLevel: 'silent',
        plugins: [serviceWorker()],
        build: { outDir, sourcemap: true, emptyOutDir: true },
      });
      const written = (
        readdirSync(outDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]
      )
        .filter((d) => d.isFile())
        .map((d) =>
          join(d.parentPath, d.name)
            .slice(outDir.length + 1)
            .split('\\')
            .join('/'),
        );
      expect(written).toContain('sw.js');
      expect(written.some((f) => f.endsWith('.map'))).toBe(true);
      const expected = written.filter((f) => !f.endsWith('.map') && f !== 'sw.js').sort();
      expect(expected).toEqual(expect.arrayContaining(['favicon.svg', 'index.html', 'samples/scene.png']));
      expect(expected.filter((f) => /^assets\/lazy-.*\.js$/.test(f))).toHaveLength(1);
      expect(expected.filter((f) => /^assets\/.*\.css$/.test(f))).toHaveLength(1);
      const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
      const listed = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)![1]!) as string[];
      expect(listed).toEqual(expected.map((f) => `./${f}`));
      // The version is that of the files as written (so the HTML is hashed after Vite transformed it).
      const files = expected.map((name) => ({ name, source: readFileSync(join(outDir, name)) }));
      expect(sw).toContain(JSON.stringify(precacheManifest(files).cacheName));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
