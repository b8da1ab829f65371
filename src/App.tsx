import type { ComponentType } from 'react';
import { getAppStore, useAppStore, selectProblems, selectRoute } from './state/store';
import { ProblemBanner } from './components/ProblemBanner';
import { CopyButton } from './components/CopyButton';
import { ConvPanel } from './panels/ConvPanel';
import { NormPanel } from './panels/NormPanel';
import { RfPanel } from './panels/RfPanel';
import { ArchPanel } from './panels/ArchPanel';
import { PoolPanel } from './panels/PoolPanel';
import { IdeasPanel } from './panels/IdeasPanel';
import type { Route } from './state/types';
import { serializeHash } from './state/codec';

/** The link to what is on screen now, from the store (the address bar may lag by a throttled write). */
const currentLink = () => {
  const { route, config, views } = getAppStore().getState();
  return window.location.href.split('#')[0] + serializeHash(route, config, views);
};

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
        <CopyButton className="copy-link" text={currentLink} label="Copy link" />
      </header>
      <ProblemBanner problems={problems} onDismiss={() => getAppStore().getState().dismissProblems()} />
      <main id="main">
        {view.Panel ? (
          <view.Panel />
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
