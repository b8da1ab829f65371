import { lazy, Suspense, type ComponentType } from 'react';
import { getAppStore, useAppStore, selectProblems, selectRoute } from './state/store';
import { ProblemBanner } from './components/ProblemBanner';
import { CopyButton } from './components/CopyButton';
import { ExportMenu } from './export/ExportMenu';
import type { Route } from './state/types';
import { serializeHash } from './state/codec';

/** The link to what is on screen now, from the store (the address bar may lag by a throttled write). */
const currentLink = () => {
  const { route, config, views } = getAppStore().getState();
  return window.location.href.split('#')[0] + serializeHash(route, config, views);
};

// Each view is its own chunk, loaded when first shown: the first page loads only the shell and one view.
const ConvPanel = lazy(() => import('./panels/ConvPanel').then((m) => ({ default: m.ConvPanel })));
const PoolPanel = lazy(() => import('./panels/PoolPanel').then((m) => ({ default: m.PoolPanel })));
const RfPanel = lazy(() => import('./panels/RfPanel').then((m) => ({ default: m.RfPanel })));
const ArchPanel = lazy(() => import('./panels/ArchPanel').then((m) => ({ default: m.ArchPanel })));
const IdeasPanel = lazy(() => import('./panels/IdeasPanel').then((m) => ({ default: m.IdeasPanel })));
const NormPanel = lazy(() => import('./panels/NormPanel').then((m) => ({ default: m.NormPanel })));

/** The views, in the order of the lecture. A view without a panel yet is left out of the navigation. */
const VIEWS: { route: Route; label: string; Panel: ComponentType | null }[] = [
  { route: 'conv', label: 'Convolution', Panel: ConvPanel },
  { route: 'pool', label: 'Pooling', Panel: PoolPanel },
  { route: 'rf', label: 'Receptive fields', Panel: RfPanel },
  { route: 'arch', label: 'Architecture', Panel: ArchPanel },
  { route: 'ideas', label: 'Lecture ideas', Panel: IdeasPanel },
  { route: 'norm', label: 'Normalization', Panel: NormPanel },
];

/** The application shell: header with the views and the copy-link button, the link's problems, and the current view. */
export function App() {
  const route = useAppStore(selectRoute);
  const problems = useAppStore(selectProblems);
  const view = VIEWS.find((v) => v.route === route)!;
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <a href="#/conv">ConvScope</a>
        </h1>
        <nav aria-label="Views">
          {VIEWS.filter((v) => v.Panel).map((v) => (
            <a key={v.route} href={`#/${v.route}`} aria-current={v.route === route ? 'page' : undefined}>
              {v.label}
            </a>
          ))}
        </nav>
        <ExportMenu />
        <CopyButton className="copy-link" text={currentLink} label="Copy link" />
      </header>
      <ProblemBanner problems={problems} onDismiss={() => getAppStore().getState().dismissProblems()} />
      <main id="main">
        {view.Panel ? (
          <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
            <view.Panel />
          </Suspense>
        ) : (
          <section className="not-ready" data-testid="not-ready">
            <h2>{view.label}</h2>
            <p>
              This view is not built yet. <a href="#/conv">Open the convolution view</a>.
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
