import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getAppStore } from './state/store';
import { bindUrl } from './state/urlSync';
import { registerServiceWorker } from './shell/serviceWorker';
import './styles.css';

// The URL is the state: read the link into the store, then keep the two in step.
bindUrl(getAppStore(), window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker(); // offline use and its "new version" banner: src/shell/serviceWorker.ts
