import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadStrings, preloadView } from './App';
import { ensureLanguage } from './i18n/core';
import { getAppStore } from './state/store';
import { bindUrl } from './state/urlSync';
import { routeOfHash, sharedOfHash } from './state/codec';
import { loadView } from './state/views';
import { registerServiceWorker } from './shell/serviceWorker';
import './styles.css';

// The URL is the state: read the link into the store, then keep the two in step. Before the first
// render, the linked view's URL module (each view's is its own chunk) and the strings of the page's
// language are loaded; the view's panel starts loading at the same time.
const hash = window.location.hash;
const first = routeOfHash(hash);
const lang = sharedOfHash(hash).lang ?? getAppStore().getState().fallbackLang;
const start = () => {
  bindUrl(getAppStore(), window, { prepare: (link) => ensureLanguage(link.shared.lang ?? getAppStore().getState().fallbackLang) });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
const panel = preloadView(first);
panel.catch(() => {
  // Shown by the view's own error boundary when it renders.
});
const ready = Promise.allSettled([loadView(first), preloadStrings(first, lang)]).then(start);

// Offline use and its "new version" banner (src/shell/serviceWorker.ts), once the first view is on screen:
// its panel has loaded and the first render was started, then two frames.
registerServiceWorker(
  Promise.allSettled([ready, panel]).then(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  ),
);
