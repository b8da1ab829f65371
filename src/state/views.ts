/**
 * The registry of views other than the convolution view: each brings its configuration type, its
 * URL parameter table, its defaults and its repair of impossible combinations. The codec, the store
 * and the URL sync treat every view alike through this table, so a new view is one entry here (and
 * its own module beside this file). View modules may import from params.ts and codec helpers;
 * params.ts never imports this file, so there is no import cycle.
 */
import type { ParamTable } from './params';
import type { ConvConfig, Route, UrlProblem } from './types';

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
  pool: NoSettings;
  rf: NoSettings;
  arch: NoSettings;
  norm: NoSettings;
}

const noSettings: ViewCodec<NoSettings> = {
  table: [],
  defaults: () => ({}),
  repair: (config) => ({ config, problems: [] }),
};

/** The registry. */
export const VIEW_CODECS: { readonly [R in ViewRoute]: ViewCodec<ViewConfigs[R]> } = {
  pool: noSettings,
  rf: noSettings,
  arch: noSettings,
  norm: noSettings,
};

export const VIEW_ROUTES = Object.keys(VIEW_CODECS) as ViewRoute[];

/** Every view's default configuration. */
export function defaultViews(): ViewConfigs {
  const out = {} as Record<ViewRoute, unknown>;
  for (const r of VIEW_ROUTES) out[r] = VIEW_CODECS[r].defaults();
  return out as unknown as ViewConfigs;
}

/** A deep copy of a configuration made of plain data (numbers, strings, booleans, arrays, records). */
export function cloneView<C>(config: C): C {
  return structuredClone(config);
}
