import { useState, type ComponentType, type KeyboardEvent } from 'react';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import './export.css';

/** Which end of the menu takes the focus when it opens: ↑ opens it on its last item, the rest on its first. */
export type MenuEnd = 'first' | 'last';

type Body = ComponentType<{ openOn: MenuEnd }>;

/** The menu's module once loaded (it stays loaded), and the load in progress. */
let loadedBody: Body | null = null;
let loadingBody: Promise<Body> | null = null;

/**
 * Loads the menu (ExportMenuBody.tsx, with its strings and the export plan) once; a failed load
 * (offline before it was cached) may be tried again.
 */
function loadBody(): Promise<Body> {
  if (!loadingBody) {
    loadingBody = import('./ExportMenuBody').then((m) => (loadedBody = m.ExportMenuBody));
    loadingBody.catch(() => {
      loadingBody = null;
    });
  }
  return loadingBody;
}

/** Starts loading the menu before it is needed (pointer over the button, or focus on it). */
const prefetch = () => void loadBody().catch(() => undefined);

/**
 * The header's Export menu as the first page load has it: only its button. The menu itself (its
 * items, messages, recording dialog and their strings) is loaded when the button is first used, and
 * fetched early when the pointer comes over the button or the focus comes to it; it then takes the
 * button's place and opens as the key or click asked (Enter, Space, ↓ or a click on its first item,
 * ↑ on its last).
 */
export function ExportMenu() {
  const t = useT(common);
  const [body, setBody] = useState<{ Menu: Body; openOn: MenuEnd } | null>(null);
  const [failed, setFailed] = useState(false);
  if (body) return <body.Menu openOn={body.openOn} />;

  const activate = (openOn: MenuEnd) => {
    if (loadedBody) return setBody({ Menu: loadedBody, openOn });
    setFailed(false);
    loadBody().then(
      (Menu) => setBody({ Menu, openOn }),
      () => setFailed(true),
    );
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      activate(e.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  return (
    <div className="export-menu">
      <button
        type="button"
        className="export-button"
        aria-haspopup="menu"
        aria-expanded={false}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => activate('first')}
        onKeyDown={onKey}
      >
        {t.exportButton}
        <span aria-hidden="true" className="export-caret">
          ▾
        </span>
      </button>
      <p role="status" className="export-status" data-testid="export-status">
        {failed ? t.exportLoadFailed : ''}
      </p>
    </div>
  );
}
