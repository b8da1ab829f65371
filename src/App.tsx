import { Component, lazy, Suspense, useEffect, type ComponentType, type MouseEvent, type ReactNode } from 'react';
import { getAppStore, useAppStore, selectProblems, selectRoute, selectUi, sharedOf } from './state/store';
import { ProblemBanner } from './components/ProblemBanner';
import { CopyButton } from './components/CopyButton';
import { ExportMenu } from './export/ExportMenu';
import { Settings, togglePresent } from './shell/Settings';
import type { Route } from './state/types';
import { serializeHash } from './state/codec';
import { loadView } from './state/views';
import { useT } from './i18n/useT';
import { common } from './i18n/common';
import { conv as convStrings } from './i18n/conv';
import { pool as poolStrings } from './i18n/pool';
import { rf as rfStrings } from './i18n/rf';
import { arch as archStrings } from './i18n/arch';
import { ideas as ideasStrings } from './i18n/ideas';
import { norm as normStrings } from './i18n/norm';
import { image as imageStrings } from './i18n/image';
import { ensureLanguage, type AnyNamespace, type Lang } from './i18n/core';
import { lessonEntry } from './lesson/entryStrings';
import { LessonBar, LessonButton } from './lesson/entry';

/** The link to what is on screen now, from the store (the address bar may lag by a throttled write). */
const currentLink = () => {
  const { route, config, views, ui } = getAppStore().getState();
  return window.location.href.split('#')[0] + serializeHash(route, config, views, sharedOf(ui));
};

/** The same view as a full page: the current link without the embed flag. */
const fullPageLink = () => {
  const { route, config, views, ui } = getAppStore().getState();
  return window.location.href.split('#')[0] + serializeHash(route, config, views, sharedOf({ ...ui, embed: false }));
};

/**
 * A header link goes to the view as the user left it, with the page's language and modes (a bare
 * `#/pool` would reset both). Computed at click time, so the header does not re-render on every step.
 * Modified clicks (new tab, new window) keep the plain link.
 */
function followViewLink(e: MouseEvent<HTMLAnchorElement>, to: Route) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.defaultPrevented) return;
  const { config, views, ui } = getAppStore().getState();
  e.preventDefault();
  window.location.hash = serializeHash(to, config, views, sharedOf(ui)).slice(1);
}

/**
 * Each view's code: its panel and its URL module (src/state/views), loaded together when the view is
 * first shown, so the first page loads only the shell and one view. The panel is never shown before
 * its module is registered.
 */
const PANELS: { readonly [R in Route]: () => Promise<ComponentType> } = {
  conv: () => import('./panels/ConvPanel').then((m) => m.ConvPanel),
  pool: () => Promise.all([import('./panels/PoolPanel'), loadView('pool')]).then(([m]) => m.PoolPanel),
  rf: () => Promise.all([import('./panels/RfPanel'), loadView('rf')]).then(([m]) => m.RfPanel),
  arch: () => Promise.all([import('./panels/ArchPanel'), loadView('arch')]).then(([m]) => m.ArchPanel),
  ideas: () => Promise.all([import('./panels/IdeasPanel'), loadView('ideas')]).then(([m]) => m.IdeasPanel),
  norm: () => Promise.all([import('./panels/NormPanel'), loadView('norm')]).then(([m]) => m.NormPanel),
};

/**
 * The dictionaries each view's text comes from, loaded with it in the page's language (a dictionary
 * missing here still loads when first used, one round trip later); the shell's are always loaded.
 */
const SHELL_STRINGS: readonly AnyNamespace[] = [common, lessonEntry];
const VIEW_STRINGS: { readonly [R in Route]: readonly AnyNamespace[] } = {
  conv: [convStrings, imageStrings],
  pool: [poolStrings, imageStrings],
  rf: [rfStrings],
  arch: [archStrings],
  ideas: [ideasStrings],
  norm: [normStrings, imageStrings],
};

/** Loads the shell's and a view's dictionaries in `lang` (at once when they are loaded already). */
export function preloadStrings(route: Route, lang: Lang): Promise<void> {
  return ensureLanguage(lang, [...SHELL_STRINGS, ...VIEW_STRINGS[route]]) ?? Promise.resolve();
}

/** Starts loading a view's code (the page does so for its first view before the first render). */
export function preloadView(route: Route): Promise<unknown> {
  return PANELS[route]();
}

const lazyPanel = (route: Route) =>
  lazy(() =>
    Promise.all([PANELS[route](), preloadStrings(route, getAppStore().getState().ui.lang)]).then(([Panel]) => ({
      default: Panel,
    })),
  );
const ConvPanel = lazyPanel('conv');
const PoolPanel = lazyPanel('pool');
const RfPanel = lazyPanel('rf');
const ArchPanel = lazyPanel('arch');
const IdeasPanel = lazyPanel('ideas');
const NormPanel = lazyPanel('norm');

type NavKey = 'navConv' | 'navPool' | 'navRf' | 'navArch' | 'navIdeas' | 'navNorm';

/** The views, in the order of the lecture. */
const VIEWS: { route: Route; label: NavKey; Panel: ComponentType }[] = [
  { route: 'conv', label: 'navConv', Panel: ConvPanel },
  { route: 'pool', label: 'navPool', Panel: PoolPanel },
  { route: 'rf', label: 'navRf', Panel: RfPanel },
  { route: 'arch', label: 'navArch', Panel: ArchPanel },
  { route: 'ideas', label: 'navIdeas', Panel: IdeasPanel },
  { route: 'norm', label: 'navNorm', Panel: NormPanel },
];

/** Shows a message instead of a view whose code could not be loaded (e.g. offline before it was cached). */
class ViewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The application shell: header with the views, the page settings, export and copy link; the
 * link's problems; the current view. Presentation mode hides the editing chrome and enlarges
 * everything; embed mode shows the view alone with a link to the full page.
 */
export function App() {
  const t = useT(common);
  const route = useAppStore(selectRoute);
  const problems = useAppStore(selectProblems);
  const ui = useAppStore(selectUi);
  const view = VIEWS.find((v) => v.route === route)!;
  useEffect(() => {
    document.documentElement.lang = ui.lang;
  }, [ui.lang]);
  useEffect(() => {
    document.documentElement.classList.toggle('presenting', ui.present);
  }, [ui.present]);
  const className = ['app', ui.present && 'present', ui.embed && 'embed'].filter(Boolean).join(' ');
  return (
    <div className={className} data-route={route}>
      {ui.embed ? (
        <nav className="embed-nav" aria-label={t.brand}>
          <h1 className="visually-hidden">{t.brand}</h1>
          <a
            className="embed-link"
            href={fullPageLink()}
            target="_blank"
            rel="noopener"
            onClick={(e) => {
              e.currentTarget.href = fullPageLink();
            }}
          >
            {t.openFull}
          </a>
        </nav>
      ) : (
        <header className="app-header">
          <a className="skip-link" href="#main">
            {t.skipToView}
          </a>
          <h1>
            <a href="#/conv" onClick={(e) => followViewLink(e, 'conv')}>
              {t.brand}
            </a>
          </h1>
          <nav aria-label={t.navLabel}>
            {VIEWS.map((v) => (
              <a
                key={v.route}
                href={`#/${v.route}`}
                aria-current={v.route === route ? 'page' : undefined}
                onClick={(e) => followViewLink(e, v.route)}
              >
                {t[v.label]}
              </a>
            ))}
          </nav>
          <div className="header-tools">
            <LessonButton />
            <Settings />
            <ExportMenu />
            <CopyButton className="copy-link" text={currentLink} label={t.copyLink} />
          </div>
        </header>
      )}
      {ui.present && ui.embed && (
        <button type="button" className="exit-present" onClick={togglePresent}>
          {t.exitPresent}
        </button>
      )}
      {!ui.embed && (
        <ProblemBanner problems={problems} onDismiss={() => getAppStore().getState().dismissProblems()} />
      )}
      <LessonBar />
      <main id="main" tabIndex={-1}>
        <ViewBoundary
          key={route}
          fallback={
            <section className="not-ready" role="alert">
              <h2>{t[view.label]}</h2>
              <p>{t.loadFailed}</p>
              <button type="button" onClick={() => window.location.reload()}>
                {t.reload}
              </button>
            </section>
          }
        >
          <Suspense fallback={<p className="loading" role="status">{t.loading}</p>}>
            <view.Panel />
          </Suspense>
        </ViewBoundary>
      </main>
    </div>
  );
}
