/**
 * Offline use and updates. In a production build a service worker (written by scripts/sw-plugin.mjs)
 * precaches every file, so after the first visit the app works with the network off. It is
 * registered relative to the page, so any base path works, and only once the first view has rendered
 * and the page has gone idle, so its precaching never delays the first render. Without one (file://, a private window, an old browser, a failed
 * registration) the app works as before.
 *
 * When a new build's worker has installed and waits (the open page keeps the build it started with),
 * a small banner says so in the page's language; only when the user chooses "Reload" is the waiting
 * worker asked to take over (`SKIP_WAITING`), and the page reloads once the new worker controls it.
 * The link is written to the address bar first, so the reload keeps the view as it was. Nothing
 * reloads on its own. The banner's code is loaded only when there is something to say.
 */

/** The message the waiting worker takes over on (see scripts/sw-plugin.mjs). */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/**
 * Registers the service worker in a production build and offers its updates, once `after` has settled
 * (the first view is on screen), the page has loaded and the main thread has gone idle.
 */
export function registerServiceWorker(after: Promise<unknown> = Promise.resolve()): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register(new URL('sw.js', document.baseURI))
      .then(watchForUpdates)
      .catch(() => {
        // Offline use is an extra: a failed registration must not disturb the page or its console.
      });
  };
  // After the first view has rendered and the page has loaded, then gone idle (at most 3 s later): the
  // precaching of every file must not compete with the first view's own chunks (loaded after `load`,
  // while the main thread waits for them and looks idle) nor with its first render.
  const whenIdle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 1000);
  };
  const whenLoaded = () => {
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  };
  void after.then(whenLoaded, whenLoaded);
}

/**
 * Calls `offer` with a new build's worker once it waits to take over this page's old one: now if
 * one already waits, else when an update finishes installing. A first installation (no worker
 * controlled the page before) is not an update and offers nothing.
 */
export function watchForUpdates(reg: ServiceWorkerRegistration, offer: (worker: ServiceWorker) => void = showUpdate): void {
  const isUpdate = () => navigator.serviceWorker.controller !== null;
  if (reg.waiting && isUpdate()) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && isUpdate()) offer(worker);
    });
  });
}

let offered: ServiceWorker | null = null;

/** Shows the banner for `worker` (once per worker). */
function showUpdate(worker: ServiceWorker): void {
  if (offered === worker) return;
  offered = worker;
  void import('./UpdateBanner')
    .then((m) => m.showUpdateBanner((beforeReload) => activate(worker, beforeReload)))
    .catch(() => {
      // The banner's code could not be loaded: the update will come with the next visit.
    });
}

let reloading = false;

/**
 * Asks `worker` to take over and reloads the page once it controls it (once). `beforeReload` runs
 * just before the reload (the banner writes the current link to the address bar).
 */
export function activate(worker: ServiceWorker, beforeReload: () => void = () => {}): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    beforeReload();
    window.location.reload();
  });
  worker.postMessage(SKIP_WAITING);
}
