import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { getAppStore, sharedOf } from '../state/store';
import { serializeHash } from '../state/codec';
import './update.css';

/**
 * The "new version available" banner: a polite status message in the page's language with a Reload
 * button (which lets the new build take over) and a dismiss button. It never reloads on its own.
 */
export function UpdateBanner({ onReload }: { onReload: () => void }) {
  const t = useT(common);
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  return (
    <aside className="update-banner" aria-label={t.updateLabel} data-testid="update-banner">
      <p role="status">{t.updateReady}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          onReload();
        }}
      >
        {t.reload}
      </button>
      <button type="button" className="update-dismiss" onClick={() => setOpen(false)} aria-label={t.dismissLabel}>
        ×
      </button>
    </aside>
  );
}

/** The link of what is on screen now (the address bar may lag by a throttled write). */
function writeCurrentLink(): void {
  const { route, config, views, ui } = getAppStore().getState();
  const hash = serializeHash(route, config, views, sharedOf(ui));
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

let shown = false;

/**
 * Shows the banner at the end of the page (once). `activate(beforeReload)` asks the new worker to
 * take over and reloads when it does, after `beforeReload` has written the current link.
 */
export function showUpdateBanner(activate: (beforeReload: () => void) => void): void {
  if (shown) return;
  shown = true;
  const host = document.createElement('div');
  host.className = 'update-host';
  document.body.appendChild(host);
  createRoot(host).render(<UpdateBanner onReload={() => activate(writeCurrentLink)} />);
}
