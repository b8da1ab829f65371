import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { precacheManifest, serviceWorkerSource } from '../../scripts/sw-plugin.mjs';
import { ROUTES } from '../../src/state/params';
import type { Route } from '../../src/state/types';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

/** What shows that a view rendered: its panel's root and its (visually hidden) heading. */
const VIEW: Record<Route, { root: string; heading: string }> = {
  conv: { root: '.conv-view', heading: 'Convolution' },
  pool: { root: '.pool-view', heading: 'Pooling and activation' },
  rf: { root: '.rf-view', heading: 'Receptive fields' },
  arch: { root: '.arch-view', heading: 'A whole network' },
  ideas: { root: '.ideas-view', heading: 'Lecture ideas' },
  norm: { root: '.norm-view', heading: 'Normalization' },
};

async function expectView(page: Page, route: Route) {
  const view = page.locator(VIEW[route].root);
  // A view's code loads on demand: on a busy machine that can take longer than the usual 5 s.
  await expect(view).toBeVisible({ timeout: 15_000 });
  await expect(
    view.getByRole('heading', { level: 2, name: VIEW[route].heading, exact: true }),
  ).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ConvScope');
}

/** Waits until the service worker is active and controls the page (it claims the page on its first activation). */
async function waitForServiceWorker(page: Page) {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
    .toBe('activated');
  return scope;
}

/** Records, from now on, every request that failed and every response that did not come from the service worker. */
function watchNetwork(context: BrowserContext) {
  const failed: string[] = [];
  const fromNetwork: string[] = [];
  context.on('requestfailed', (r) => {
    // A request cancelled because the page navigated on (a favicon still loading at a reload) is not
    // a network failure; offline failures read net::ERR_INTERNET_DISCONNECTED or net::ERR_FAILED.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  context.on('response', (r) => {
    if (!r.fromServiceWorker() && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      fromNetwork.push(r.url());
  });
  return { failed, fromNetwork };
}

test.describe('offline use', () => {
  test('the built site registers a service worker that precaches every file of the build', async ({
    page,
    baseURL,
  }) => {
    await page.goto('./#/conv');
    await expectView(page, 'conv');
    expect(await waitForServiceWorker(page)).toBe(baseURL);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = await Promise.all(
        names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)),
      );
      return { names, urls: urls.flat() };
    });
    expect(cached.names).toHaveLength(1);
    expect(cached.names[0]).toMatch(/^convscope-[0-9a-f]{16} /);
    const paths = cached.urls.map((u) => u.slice(baseURL!.length));
    for (const file of ['index.html', 'favicon.svg', 'samples/scene.png', 'samples/digit.png'])
      expect(paths).toContain(file);
    // Every view's lazily loaded chunk and the CSS, but no source map and not the worker itself.
    for (const panel of ['ConvPanel', 'PoolPanel', 'RfPanel', 'ArchPanel', 'IdeasPanel', 'NormPanel'])
      expect(paths.some((p) => p.startsWith(`assets/${panel}-`) && p.endsWith('.js'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
    expect(paths.filter((p) => p.endsWith('.map') || p === 'sw.js')).toEqual([]);
  });

  test('after the first visit every view opens and reloads with the network off', async ({
    page,
    context,
  }) => {
    test.slow(); // every view, loaded and reloaded
    await page.goto('./#/conv');
    await expectView(page, 'conv');
    await waitForServiceWorker(page);
    const net = watchNetwork(context);
    await context.setOffline(true);
    for (const route of ROUTES) {
      // First a switch inside the page (the view's chunk is loaded on demand), then a full reload.
      await page.goto(`./#/${route}`);
      await expectView(page, route);
      await page.reload();
      await expectView(page, route);
      expect(
        await page.evaluate(() => navigator.serviceWorker.controller !== null),
        `#/${route} is controlled`,
      ).toBe(true);
    }
    // An image input, fetched from the site's samples/ folder.
    await page.goto('./#/conv?v=1&src=scene&in=3x64x64&k=3&f=4&s=1&p=1&d=1&seed=7');
    await expectView(page, 'conv');
    await page.reload();
    await expectView(page, 'conv');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(net.failed, 'failed requests').toEqual([]);
    expect(net.fromNetwork, 'responses that did not come from the service worker').toEqual([]);
  });

  test('a walk through every view after the first load sends no request outside the origin, and none to the network', async ({
    page,
    context,
    baseURL,
  }) => {
    test.slow(); // every view, loaded and reloaded
    const origin = new URL(baseURL!).origin;
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await page.goto('./#/conv');
    await expectView(page, 'conv');
    await waitForServiceWorker(page);
    const net = watchNetwork(context);
    const links = [
      ...ROUTES.map((r) => `#/${r}`),
      '#/conv?v=1&src=scene&in=3x64x64&k=3&f=4&s=1&p=1&d=1&seed=7',
      '#/ideas?v=1&demo=1x1',
      '#/ideas?v=1&demo=template',
      '#/ideas?v=1&demo=linear',
      '#/rf?v=1&preset=vgg16',
      '#/norm?v=1&kind=group&g=3&n=2&in=6x4x4',
    ];
    for (const link of links) {
      await page.goto(`./${link}`);
      await expectView(page, link.slice(2).split('?')[0] as Route);
    }
    // The header's navigation, as a student would use it.
    for (const name of [
      'Pooling',
      'Receptive fields',
      'Architecture',
      'Lecture ideas',
      'Normalization',
      'Convolution',
    ]) {
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();
      await expect(
        page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }),
      ).toHaveAttribute('aria-current', 'page');
    }
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
    );
    expect(foreign, 'requests outside the origin').toEqual([]);
    expect(net.failed, 'failed requests').toEqual([]);
    expect(net.fromNetwork, 'requests that reached the network after the first load').toEqual([]);
  });

  test('served from a sub-folder (/x/y/) of another host, it works offline there too', async ({
    browser,
  }) => {
    test.slow(); // every view, loaded and reloaded
    const outDir = resolve(process.env.E2E_OUTDIR ?? 'dist');
    const server = await serveUnder(outDir, '/x/y/');
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/x/y/`;
    const context = await browser.newContext();
    const errors: string[] = [];
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    try {
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}#/pool`);
      await expectView(page, 'pool');
      expect(await waitForServiceWorker(page)).toBe(base);
      const net = watchNetwork(context);
      await context.setOffline(true);
      for (const route of ROUTES) {
        await page.goto(`${base}#/${route}`);
        await expectView(page, route);
        await page.reload();
        await expectView(page, route);
      }
      // A second tab opened offline at the folder itself gets the cached page.
      const other = await context.newPage();
      other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await other.goto(`${base}index.html#/norm`);
      await expectView(other, 'norm');
      expect(net.failed, 'failed requests').toEqual([]);
      expect(net.fromNetwork, 'responses that did not come from the service worker').toEqual([]);
      expect(
        requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')),
      ).toEqual([]);
      expect(errors, 'console errors').toEqual([]);
      // The network really is off (the browser logs this failure, hence after the check above): a
      // file outside the build is not answered by the service worker and cannot be fetched.
      const reached = await page.evaluate(() =>
        fetch(`not-in-the-build-${Date.now()}.txt`).then(
          () => true,
          () => false,
        ),
      );
      expect(reached).toBe(false);
    } finally {
      await context.close();
      await new Promise((r) => server.close(r));
    }
  });
});

test('a host without the service worker file: the page works, with no error of its own', async ({
  browser,
}) => {
  const server = await serveUnder(resolve(process.env.E2E_OUTDIR ?? 'dist'), '/x/y/', ['sw.js']);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/x/y/`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}#/rf`);
    await expectView(page, 'rf');
    // The page asked for the worker, got a 404, and carried on without one.
    await expect.poll(() => server.seen).toContain('/x/y/sw.js');
    await page.waitForTimeout(300);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(
      0,
    );
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Pooling' }).click();
    await expectView(page, 'pool');
    // Chromium itself notes the 404 of a worker script in the console (no page can silence that);
    // the page adds nothing: no uncaught rejection, no error of its own.
    expect(
      errors.filter(
        (e) => !e.startsWith('A bad HTTP response code (404) was received when fetching the script'),
      ),
    ).toEqual([]);
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
  }
});

test('with service workers blocked by the browser, the page works and its console stays clean', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('./#/arch');
    await expectView(page, 'arch');
    await page.waitForTimeout(500);
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Normalization' })
      .click();
    await expectView(page, 'norm');
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(errors, 'console errors').toEqual([]);
  } finally {
    await context.close();
  }
});

test('a new build replaces the old one once its pages are closed, and its old cache is deleted', async ({
  browser,
}) => {
  test.slow(); // two builds, several loads
  const { root, oldBuild, newBuild, marker, next } = await twoBuilds();
  const server = await serveUnder(oldBuild, '/x/y/');
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/x/y/`;
  const context = await browser.newContext();
  const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
  try {
    const first = await context.newPage();
    await first.goto(`${base}#/conv`);
    await expectView(first, 'conv');
    await waitForServiceWorker(first);
    const [oldCache] = await cacheNames(first);
    expect(oldCache).toMatch(/^convscope-[0-9a-f]{16} /);
    expect(oldCache).not.toContain(next.version);

    server.dir = newBuild;
    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    // The new worker has precached the new build and waits: the open page keeps the build it started with.
    await expect
      .poll(() =>
        first.evaluate(
          async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none',
        ),
      )
      .toBe('installed');
    expect((await cacheNames(first)).sort()).toEqual([oldCache, `${next.cacheName} ${base}`].sort());
    // The page offers the new version but does not take it on its own.
    await expect(first.getByTestId('update-banner')).toBeVisible();
    await first.goto(`${base}#/pool`);
    await expectView(first, 'pool');
    await first.close();

    // Every page of the old build is closed. The browser notices it a moment later, then activates the new
    // worker, which deletes the old cache: watched from a page of the same origin outside the app's folder
    // (not a client of the worker, so it does not hold the old one; visiting the app too early would).
    const outside = await context.newPage();
    await outside.goto(base.replace('/x/y/', '/'));
    await expect.poll(() => cacheNames(outside)).toEqual([`${next.cacheName} ${base}`]);
    await outside.close();
    // The next visit gets the new build, offline too.
    const second = await context.newPage();
    await second.goto(`${base}#/norm`);
    await expectView(second, 'norm');
    await expect.poll(() => cacheNames(second)).toEqual([`${next.cacheName} ${base}`]);
    await waitForServiceWorker(second);
    await context.setOffline(true);
    await second.reload();
    await expectView(second, 'norm');
    expect(await second.evaluate(async () => (await fetch('favicon.svg')).text())).toContain(marker);
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
    await rm(root, { recursive: true, force: true });
  }
});

test('when a new build is waiting, a banner in the page’s language offers it; Reload switches to it and keeps the link', async ({
  browser,
}) => {
  test.slow(); // two builds, several loads
  const { root, oldBuild, newBuild, marker, next } = await twoBuilds();
  const server = await serveUnder(oldBuild, '/');
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const context = await browser.newContext();
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9&lang=ko`);
    await expect(page.locator('.pool-view')).toBeVisible({ timeout: 15_000 });
    await waitForServiceWorker(page);
    const banner = page.getByTestId('update-banner');
    // A first installation is no update: nothing to offer.
    await page.waitForTimeout(300);
    await expect(banner).toHaveCount(0);

    server.dir = newBuild;
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
      return navigator.serviceWorker.getRegistration().then((r) => r!.update());
    });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(banner.getByRole('status')).toHaveText('ConvScope의 새 버전이 준비되었습니다. 새로 고침하면 새 버전을 사용합니다.');
    await expect(page.getByRole('complementary', { name: '새 버전' })).toBeVisible();
    // It follows the page's language, and waits for the user: the page has not reloaded.
    await page.getByTestId('lang').selectOption('en');
    await expect(banner.getByRole('status')).toHaveText('A new version of ConvScope is ready. Reload to use it.');
    const axe = await new AxeBuilder({ page }).include('[data-testid="update-banner"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(async () => (await fetch('favicon.svg')).text())).not.toContain(marker);

    // The view moves on (the address bar may lag behind the store), then Reload.
    await page.locator('#main').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 3 of 8');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect
      // (an evaluation that meets the reload itself counts as "not yet": the poll asks again)
      .poll(() =>
        page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument ?? false).catch(() => true),
      )
      .toBe(false);
    await expectView(page, 'pool');
    // The new build controls the page, the old cache is gone, and the link (step, language) was kept.
    expect(await page.evaluate(async () => (await fetch('favicon.svg')).text())).toContain(marker);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`${next.cacheName} ${base}`]);
    await expect(page.locator('.step-label')).toContainText('Step 3 of 8');
    expect(page.url()).toContain('step=2');
    expect(page.url()).not.toContain('lang=ko');
    await expect(banner).toHaveCount(0);

    // A banner that is dismissed goes away and reloads nothing.
    server.dir = oldBuild;
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
      return navigator.serviceWorker.getRegistration().then((r) => r!.update());
    });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await banner.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(errors, 'console errors').toEqual([]);
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
    await rm(root, { recursive: true, force: true });
  }
});

/**
 * Two builds in a temporary folder: the test's build (`old`), and a copy (`new`) with a changed favicon
 * (it ends with `marker`) and the service worker rewritten for it (`next`: its precache list).
 */
async function twoBuilds() {
  const root = await mkdtemp(join(tmpdir(), 'convscope-sw-'));
  const [oldBuild, newBuild] = [join(root, 'old'), join(root, 'new')];
  await cp(resolve(process.env.E2E_OUTDIR ?? 'dist'), oldBuild, { recursive: true });
  await cp(oldBuild, newBuild, { recursive: true });
  const marker = `<!-- new build ${Date.now()} -->`;
  await writeFile(
    join(newBuild, 'favicon.svg'),
    (await readFile(join(newBuild, 'favicon.svg'), 'utf8')) + marker,
  );
  const names = (await readdir(newBuild, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(newBuild.length + 1)
        .split('\\')
        .join('/'),
    );
  const files = await Promise.all(
    names.map(async (name) => ({ name, source: await readFile(join(newBuild, name)) })),
  );
  const next = precacheManifest(files);
  await writeFile(join(newBuild, 'sw.js'), serviceWorkerSource(next));
  return { root, oldBuild, newBuild, marker, next };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * A minimal static host serving `dir` under the path `prefix` only (less the `hidden` files), on a free
 * port; `server.seen` lists the paths asked for, and setting `server.dir` serves another folder.
 */
async function serveUnder(
  dir: string,
  prefix: string,
  hidden: string[] = [],
): Promise<Server & { seen: string[]; dir: string }> {
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    seen.push(path);
    if (!path.startsWith(prefix) || hidden.includes(path.slice(prefix.length))) {
      // A page with a body (an empty 404 would be Chromium's own error page, of no origin).
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(host.dir, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const host = Object.assign(server, { seen, dir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return host;
}
