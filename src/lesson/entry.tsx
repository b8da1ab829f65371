/**
 * The lesson's footprint in the first page load: the header's "Lesson" button and the place of the
 * lesson bar. Everything else (the bar, the built-in lesson, decks, their strings and styles) is
 * loaded on demand, the first time a lesson or the chooser is shown.
 */
import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { getAppStore, sharedOf, useAppStore, type AppState } from '../state/store';
import { parseHash, routeOfHash } from '../state/codec';
import { loadView } from '../state/views';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { lessonEntry } from './entryStrings';
import './entry.css';

const LessonPanel = lazy(() => import('./LessonPanel').then((m) => ({ default: m.LessonPanel })));

/** The id of the lesson bar, for the header button's `aria-controls` and focus. */
export const LESSON_BAR_ID = 'lesson-bar';

const selectShown = (s: AppState) => !s.ui.embed && (s.ui.lesson !== undefined || s.lessonMenu);
const selectOpen = (s: AppState) => s.ui.lesson !== undefined;

/** Shows a message instead of the lesson bar when its code could not be loaded (e.g. offline). */
class LessonBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * While a lesson is open, a click on an in-app link (`<a href="#/pool">`: the header's views, a
 * view's own tabs) shows that view with the lesson still open, instead of a plain link that would
 * close it (and drop the language and presentation mode). Modified clicks (new tab…) are left alone.
 */
function keepLessonOnLinks(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  const href = a?.getAttribute('href') ?? '';
  if (!href.startsWith('#/') || (a as HTMLAnchorElement).target === '_blank') return;
  const state = getAppStore().getState();
  if (!state.ui.lesson) return;
  e.preventDefault();
  // The view's URL module may not be loaded yet (the lesson's own code loads them all, but this
  // listener can run first); a view that cannot be loaded is left to the plain link, which says so.
  loadView(routeOfHash(href)).then(
    () => {
      const now = getAppStore().getState();
      const link = parseHash(href);
      link.shared = sharedOf(now.ui);
      now.applyLink(link);
    },
    () => {
      window.location.hash = href.slice(1);
    },
  );
}

/**
 * The lesson bar, between the link's problems and the view: shown while a lesson or deck is open
 * (`lesson=`, `deck=` in the link) or the lesson chooser is; never in embed mode.
 */
export function LessonBar() {
  const shown = useAppStore(selectShown);
  const open = useAppStore(selectOpen);
  const t = useT(lessonEntry);
  const tc = useT(common);
  useEffect(() => {
    if (!open) return;
    document.addEventListener('click', keepLessonOnLinks, true);
    return () => document.removeEventListener('click', keepLessonOnLinks, true);
  }, [open]);
  if (!shown) return null;
  return (
    <LessonBoundary
      fallback={
        <section className="lesson-bar lesson-placeholder" role="alert">
          {t.loadFailed}
        </section>
      }
    >
      <Suspense
        fallback={
          <section className="lesson-bar lesson-placeholder" role="status">
            {tc.loading}
          </section>
        }
      >
        <LessonPanel />
      </Suspense>
    </LessonBoundary>
  );
}

/**
 * The header's entry point: opens the lesson chooser (built-in lesson, own decks) or, while a lesson
 * is open, moves the focus to its bar.
 */
export function LessonButton() {
  const t = useT(lessonEntry);
  const shown = useAppStore(selectShown);
  const open = useAppStore(selectOpen);
  const onClick = () => {
    const s = getAppStore().getState();
    if (s.ui.lesson !== undefined) {
      const bar = document.getElementById(LESSON_BAR_ID);
      bar?.scrollIntoView?.({ block: 'nearest' });
      bar?.focus();
    } else {
      s.setLessonMenu(!s.lessonMenu);
    }
  };
  return (
    <button
      type="button"
      className="lesson-toggle"
      aria-expanded={shown}
      aria-controls={shown ? LESSON_BAR_ID : undefined}
      title={open ? t.lessonOpenTitle : t.lessonTitle}
      onClick={onClick}
      data-testid="lesson-open"
    >
      {t.lesson}
    </button>
  );
}
