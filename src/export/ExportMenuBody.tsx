import { useT } from '../i18n/useT';
import { exporting } from '../i18n/exporting';
import { common } from '../i18n/common';
import type { Translation } from '../i18n/core';
import { lazy, Suspense, useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { getAppStore, useAppStore, selectRoute } from '../state/store';
import { currentStep, routeSteps } from './viewState';
import { pickWebmType } from './plan';
import type { MenuEnd } from './ExportMenu';

/** The strings' type, for the recording dialog (loaded on demand). */
export type ExportStrings = Translation<typeof exporting.en>;

/** The menu's width in CSS pixels (export.css: .export-list). */
const MENU_WIDTH = 280;

const RecordDialog = lazy(() => import('./RecordDialog'));

/** Loads the export code (and the rasterizer) on demand; the first call starts the download. */
const loadCapture = () => import('./capture');

/** Why the WebM item is unavailable in this browser and view, or null when it is available. */
function webmUnavailable(stepping: boolean, t: ExportStrings): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement === 'undefined' || !('captureStream' in HTMLCanvasElement.prototype)) {
    return t.noRecorder;
  }
  if (pickWebmType((t) => MediaRecorder.isTypeSupported(t)) === null) return t.noWebm;
  if (!stepping) return t.noSteps;
  return null;
}

/**
 * The header's Export menu: a PNG of the current view (the `<main id="main">` element) 1920 pixels
 * wide, and a WebM of a few steps through a small dialog. A menu button: Enter, Space or ↓ opens it
 * on its first item (↑ on its last); ↑/↓, Home/End and Tab move; Escape closes it and returns to the
 * button. This module is loaded when the menu is first opened (ExportMenu.tsx shows the button until
 * then), and mounts open on `openOn`; the export code itself loads when the menu opens.
 */
export function ExportMenuBody({ openOn }: { openOn: MenuEnd }) {
  const t = useT(exporting);
  const tc = useT(common);
  const route = useAppStore(selectRoute);
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  const [recording, setRecording] = useState(false);
  const [status, setStatus] = useState('');
  const id = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const focusOnOpen = useRef<MenuEnd>(openOn);
  // The menu hangs from the button's right edge, unless the button is too near the left edge of the
  // window for that (a phone, where the header wraps).
  const [alignStart, setAlignStart] = useState(false);
  const measure = () => setAlignStart((buttonRef.current?.getBoundingClientRect().right ?? Infinity) < MENU_WIDTH + 16);
  // Mounted open: place the menu before it is painted.
  useLayoutEffect(measure, []);

  const stepping = routeSteps(route);
  const webmReason = open ? webmUnavailable(stepping, t) : null;

  // On opening: focus an item, and fetch the export code while the user chooses.
  useEffect(() => {
    if (!open) return;
    void loadCapture().catch(() => undefined);
    const items = itemRefs.current.filter((b): b is HTMLButtonElement => b !== null);
    (focusOnOpen.current === 'last' ? items[items.length - 1] : items[0])?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // A message stays a few seconds.
  useEffect(() => {
    if (!status || busy) return;
    const timer = setTimeout(() => setStatus(''), 8000);
    return () => clearTimeout(timer);
  }, [status, busy]);

  const openMenu = (where: MenuEnd) => {
    measure();
    focusOnOpen.current = where;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      if (open && (e.key === 'Enter' || e.key === ' ')) return close(true);
      openMenu(e.key === 'ArrowUp' ? 'last' : 'first');
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = itemRefs.current.filter((b): b is HTMLButtonElement => b !== null);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    let to: number;
    switch (e.key) {
      case 'ArrowDown':
        to = (at + 1) % items.length;
        break;
      case 'ArrowUp':
        to = (at - 1 + items.length) % items.length;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = items.length - 1;
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return close(true);
      case 'ArrowLeft':
      case 'ArrowRight':
        // Not the view's "previous/next step" while the menu is open.
        e.preventDefault();
        e.stopPropagation();
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    items[to]?.focus();
  };

  // Tab moves through the items; leaving the menu (Tab past the last item, a click elsewhere) closes it.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (open && e.relatedTarget && !wrapRef.current?.contains(e.relatedTarget as Node)) setOpen(false);
  };

  const exportPng = async () => {
    close(true);
    const main = document.getElementById('main');
    if (!main) return setStatus(t.noView);
    measure();
    setBusy(true);
    setStatus(t.renderingPng);
    try {
      const { exportPng: render, download } = await loadCapture();
      const step = currentStep(getAppStore().getState());
      const picture = await render(main, route, step);
      download(picture.blob, picture.fileName);
      setStatus(t.savedPng(picture.fileName, picture.width, picture.height));
    } catch (err) {
      setStatus(t.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  const openRecorder = () => {
    if (webmReason) return;
    setOpen(false);
    setRecording(true);
  };

  return (
    <div className={`export-menu${alignStart ? ' align-start' : ''}`} ref={wrapRef} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="export-button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKey}
      >
        {busy ? t.busy : tc.exportButton}
        <span aria-hidden="true" className="export-caret">
          ▾
        </span>
      </button>
      {open && (
        <ul role="menu" id={`${id}-menu`} className="export-list" aria-labelledby={`${id}-button`} onKeyDown={onMenuKey}>
          <li role="none">
            <button
              ref={(b) => {
                itemRefs.current[0] = b;
              }}
              type="button"
              role="menuitem"
              className="export-item"
              aria-disabled={busy || undefined}
              data-testid="export-png"
              onClick={() => void (busy ? undefined : exportPng())}
            >
              <span className="export-item-name">{t.png}</span>
              <span className="export-item-hint">{t.pngHint}</span>
            </button>
          </li>
          <li role="none">
            <button
              ref={(b) => {
                itemRefs.current[1] = b;
              }}
              type="button"
              role="menuitem"
              className="export-item"
              aria-disabled={webmReason !== null || busy || undefined}
              data-testid="export-webm"
              onClick={openRecorder}
            >
              <span className="export-item-name">{t.webm}</span>
              <span className="export-item-hint">{webmReason ?? t.webmHint}</span>
            </button>
          </li>
        </ul>
      )}
      <p role="status" className="export-status" data-testid="export-status">
        {status}
      </p>
      {recording && (
        <Suspense fallback={null}>
          <RecordDialog
            strings={t}
            onClose={() => {
              setRecording(false);
              buttonRef.current?.focus();
            }}
            onStatus={(message) => {
              measure();
              setStatus(message);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
