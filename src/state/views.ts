/**
 * The registry of views other than the convolution view: each brings its configuration type, its
 * URL parameter table, its defaults and its repair of impossible combinations. The codec, the store
 * and the URL sync treat every view alike through this table, so a new view is one entry here (and
 * its own module beside this file).
 *
 * A view's module is loaded on demand, with the view: the first page loads the shell and the one view
 * it shows, not every view's URL table and messages. `loadView(route)` loads and registers a view's
 * module; `viewCodec(route)` reads a registered one. Before a link to a view is read (`parseHash`),
 * its module must be registered: the page does so before its first render (src/main.tsx) and the URL
 * sync before applying a link to a view not seen yet. The names of every view's keys are known at
 * once (`VIEW_KEYS`), so a link that gives a key of another view is explained without loading it.
 */
import type { ParamTable } from './params';
import type { ConvConfig, Route, UrlProblem } from './types';
import type { RfConfig } from './views/rf';
import type { ArchConfig } from './views/arch';
import type { PoolConfig } from './views/pool';
import type { IdeasConfig } from './views/ideas';
import type { NormConfig } from './views/norm';
/** How one view reads, writes and repairs its part of a link. */
export interface ViewCodec<C> {
  /** The view's own URL keys (besides the shared `v`). */
  table: ParamTable<C>;
  /** A fresh default configuration: what an empty link shows. */
  defaults: () => C;
  /** Makes a configuration whose keys are each valid also valid as a whole, saying what changed. */
  repair: (config: C) => { config: C; problems: UrlProblem[] };
}

/** The routes whose configuration lives in this registry. */
export type ViewRoute = Exclude<Route, 'conv'>;

/** The configuration each route keeps in the hash: the convolution view's and the registry's views'. */
export interface RouteConfigs extends ViewConfigs {
  conv: ConvConfig;
}

/** A view that has no settings (yet). */
export type NoSettings = Record<string, never>;

/** Each view's configuration. A view replaces `NoSettings` by its own type. */
export interface ViewConfigs {
  pool: PoolConfig;
  rf: RfConfig;
  arch: ArchConfig;
  norm: NormConfig;
  ideas: IdeasConfig;
}

/** The routes of the registry's views, in the order of the lecture. */
export const VIEW_ROUTES: readonly ViewRoute[] = ['pool', 'rf', 'arch', 'ideas', 'norm'];

type AnyCodec = ViewCodec<ViewConfigs[ViewRoute]>;
type Codecs = { [R in ViewRoute]: ViewCodec<ViewConfigs[R]> };

/** How each view's module is loaded: its own chunk, fetched when the view is first needed. */
const LOADERS: { readonly [R in ViewRoute]: () => Promise<Codecs[R]> } = {
  pool: () => import('./views/pool').then((m) => m.poolCodec),
  rf: () => import('./views/rf').then((m) => m.RF_CODEC),
  arch: () => import('./views/arch').then((m) => m.ARCH_CODEC),
  ideas: () => import('./views/ideas').then((m) => m.IDEAS_CODEC),
  norm: () => import('./views/norm').then((m) => m.normCodec),
};

/**
 * The names of each view's URL keys, known before its module loads (a unit test checks them against
 * the modules' tables). The codec uses them to say "`pk` is a setting of the pooling view".
 */
export const VIEW_KEYS: { readonly [R in ViewRoute]: readonly string[] } = {
  pool: ['part', 'kind', 'in', 'k', 's', 'p', 'd', 'ceil', 'cip', 'seed', 'src', 'rf', 'speed', 'step'],
  rf: ['preset', 'layers', 'in', 'at', 'row', 'col'],
  arch: ['in', 'f', 'k', 'p', 'pool', 'fc', 'classes', 'src', 'seed'],
  ideas: ['demo', 'seed', 'din', 'dk', 'dcout', 'dsrc', 'dfi', 'dpx', 'pin', 'pcout', 'ppx', 'tin', 'tk', 'tsrc', 'tt', 'lk', 'lin', 'lrelu'],
  norm: ['layout', 'kind', 'g', 'n', 'in', 'src', 'seed', 'off', 'sd', 'x', 'cv', 'gamma', 'beta', 'eps', 'mode', 'batch', 'mom', 'grp', 'step', 'speed'],
};

const registered: Partial<Codecs> = {};
const loading: Partial<Record<ViewRoute, Promise<AnyCodec>>> = {};

/** Registers a view's module (done by `loadView`; tests register every view at once, see allViews.ts). */
export function registerView<R extends ViewRoute>(route: R, codec: Codecs[R]): void {
  (registered as Record<ViewRoute, unknown>)[route] = codec;
}

/** Whether a view's module is registered, so that its links can be read at once. */
export function isViewLoaded(route: Route): boolean {
  return route === 'conv' || registered[route] !== undefined;
}

/**
 * Loads and registers a view's module (once; later calls share the first). The convolution view's
 * table is part of the shell, so `conv` resolves at once. A failed load (offline before the view was
 * cached) rejects and may be retried.
 */
export function loadView(route: Route): Promise<void> {
  if (route === 'conv' || registered[route]) return Promise.resolve();
  let promise = loading[route];
  if (!promise) {
    promise = (LOADERS[route] as () => Promise<AnyCodec>)().then(
      (codec) => {
        registerView(route, codec as never);
        return codec;
      },
      (error: unknown) => {
        delete loading[route];
        throw error;
      },
    );
    loading[route] = promise;
  }
  return promise.then(() => undefined);
}

/** A registered view's module; throws when it has not been loaded (a programming error: see `loadView`). */
export function viewCodec<R extends ViewRoute>(route: R): Codecs[R] {
  const codec = registered[route];
  if (!codec) throw new Error(`The ${route} view's module is not loaded yet: await loadView('${route}') first.`);
  return codec as Codecs[R];
}

/** The default configuration of every registered view (the others are added when they load). */
export function defaultViews(): ViewConfigs {
  const out: Partial<Record<ViewRoute, unknown>> = {};
  for (const r of VIEW_ROUTES) {
    const codec = registered[r];
    if (codec) out[r] = codec.defaults();
  }
  return out as ViewConfigs;
}

/** A deep copy of a configuration made of plain data (numbers, strings, booleans, arrays, records). */
export function cloneView<C>(config: C): C {
  return structuredClone(config);
}
