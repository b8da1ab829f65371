// @ts-check
/**
 * Offline use: a Vite plugin that writes `sw.js`, a service worker precaching every file of the build.
 *
 * At build time (the last generateBundle hook, after the HTML is emitted) it lists every file that
 * ends up in the output folder — the entry and every lazily loaded view chunk, the CSS, `index.html`, and the files
 * copied from `public/` (favicon, sample images) — but not the source maps, and emits `sw.js` at the
 * root of the output with that list and a version derived from a hash of the list (names and
 * contents). URLs are relative to `sw.js`, so the site works from any static host and base path.
 *
 * The worker (see `serviceWorkerSource`) precaches the list on install, deletes the previous
 * version's cache on activate, and answers same-origin GET requests for precached files from the
 * cache (navigations to the app's page get the cached `index.html`). It never touches other origins.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The service worker's file name, at the root of the output folder. */
export const SW_FILE = 'sw.js';

/** The prefix of every cache this app creates (a cache's full name also holds the version and scope). */
export const CACHE_PREFIX = 'convscope-';

/**
 * One file of the output folder: its path relative to the folder ('/'-separated) and its content.
 * @typedef {{ name: string, source: string | Uint8Array }} OutputFile
 */

/**
 * What the service worker precaches: `urls`, './'-relative URLs of the files (relative to `sw.js`),
 * sorted by name; `version`, 16 hex digits of a SHA-256 over every file's name and content hash (a new
 * build, a new version); `cacheName`, `convscope-<version>` (the worker appends its scope, so two
 * deployments on one origin never clash).
 * @typedef {{ urls: string[], version: string, cacheName: string }} Precache
 */

/**
 * Whether a file of the output is precached: everything but source maps, the worker itself and dotfiles.
 * @param {string} name
 * @returns {boolean}
 */
export function isPrecached(name) {
  const base = name.split('/').pop() ?? name;
  return !name.endsWith('.map') && name !== SW_FILE && !base.startsWith('.');
}

/** @param {string | Uint8Array} data */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * The precache list and cache version of a build's files: source maps, `sw.js` and dotfiles are left
 * out, a name given twice counts once (the first wins), names are sorted, and the version hashes each
 * name with the hash of its content, so changing any precached file (even one without a hash in its
 * name, like `index.html` or a sample image) gives a new cache. Pure; the order of `files` does not matter.
 * @param {readonly OutputFile[]} files
 * @returns {Precache}
 */
export function precacheManifest(files) {
  /** @type {Map<string, string>} */
  const byName = new Map();
  for (const f of files) {
    const name = f.name.replace(/\\/g, '/').replace(/^\.?\//, '');
    if (isPrecached(name) && !byName.has(name)) byName.set(name, sha256(f.source));
  }
  const names = [...byName.keys()].sort();
  const version = sha256(names.map((n) => `${n}\0${byName.get(n)}\n`).join('')).slice(0, 16);
  return { urls: names.map((n) => `./${n}`), version, cacheName: `${CACHE_PREFIX}${version}` };
}

/**
 * The source of `sw.js` for a precache list. Install: fetch every URL (revalidating the HTTP cache)
 * into a cache named `<cacheName> <scope>`; a failed file fails the install, so a half-filled cache
 * is never used. Activate: delete this app's caches of other versions at the same scope, then claim
 * the open pages, so the very first visit works offline without a reload. An update waits until
 * every page of the old version is closed, so one page never mixes two builds — unless a page asks it
 * to take over with the message `{ type: 'SKIP_WAITING' }` (the page's "new version" banner does so
 * when the user chooses to reload; src/shell/serviceWorker.ts).
 * Fetch: same-origin GET only; precached files come from the cache (falling back to the network if
 * somehow missing); a navigation to the app's folder or its `index.html` gets the cached `index.html`.
 * Anything else (other origins, other methods, files not in the build) is left to the browser.
 * @param {Precache} precache
 * @returns {string}
 */
export function serviceWorkerSource(precache) {
  return `// ConvScope's service worker, written by scripts/sw-plugin.mjs at build time. Version ${precache.version}.
'use strict';
const PREFIX = ${JSON.stringify(CACHE_PREFIX)};
const FILES = ${JSON.stringify(precache.urls, null, 1)};
const SCOPE = self.registration.scope;
const CACHE = ${JSON.stringify(precache.cacheName)} + ' ' + SCOPE;
const URLS = FILES.map((f) => new URL(f, self.location.href).href);
const PRECACHED = new Set(URLS);
const INDEX = new URL('./index.html', self.location.href).href;
const APP_PAGES = new Set([SCOPE, INDEX]);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(
          URLS.map(async (url) => {
            const res = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
            if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
            // A redirected response may not answer a navigation: store a fresh copy of it.
            const copy = res.redirected
              ? new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers })
              : res;
            await cache.put(url, copy);
          }),
        );
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const stale = names.filter((n) => n.startsWith(PREFIX) && n.endsWith(' ' + SCOPE) && n !== CACHE);
      await Promise.all(stale.map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

// Only when a page asks (its user chose "Reload" in the new-version banner): never on its own.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.hash = '';
  let key = url.href;
  if (!PRECACHED.has(key)) {
    url.search = '';
    if (request.mode !== 'navigate' || !APP_PAGES.has(url.href)) return;
    key = INDEX;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match(key)) || fetch(request);
    })(),
  );
});
`;
}

/**
 * Every file under `dir`, as '/'-separated paths relative to it.
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path).map((p) => `${entry}/${p}`) : [entry];
  });
}

/**
 * The Vite plugin: in a client build, emits `sw.js` precaching every file of the bundle (chunks, CSS,
 * `index.html`; it runs after Vite's HTML plugin) and of the public folder that Vite copies.
 * @returns {import('vite').Plugin}
 */
export function serviceWorker() {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  return {
    name: 'convscope-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // Last of all, after Vite has filled in the chunks' preload lists, so the hash is of the files as written.
      order: 'post',
      handler(_options, bundle) {
        if (config.build.ssr) return;
        /** @type {OutputFile[]} */
        const files = Object.values(bundle).map((item) => ({
          name: item.fileName,
          source: item.type === 'chunk' ? item.code : item.source,
        }));
        if (config.publicDir && config.build.copyPublicDir !== false) {
          for (const name of walk(config.publicDir)) {
            files.push({ name, source: readFileSync(join(config.publicDir, name)) });
          }
        }
        if (!files.some((f) => f.name === 'index.html')) {
          this.warn('no index.html in the bundle: the service worker cannot answer navigations offline');
        }
        const precache = precacheManifest(files);
        this.emitFile({ type: 'asset', fileName: SW_FILE, source: serviceWorkerSource(precache) });
        const where = relative(config.root, config.build.outDir) || '.';
        config.logger.info(
          `service worker: ${precache.urls.length} files precached in ${where}/${SW_FILE} (${precache.cacheName})`,
        );
      },
    },
  };
}
