/**
 * The registry of views other than the convolution view: each brings its configuration type, its
 * URL parameter table, its defaults and its repair of impossible combinations. The codec, the store
 * and the URL sync treat every view alike through this table, so a new view is one entry here (and
 * its own module beside this file). View modules may import params.ts and the codec; the codec
 * imports this file, and the registry's getters keep that cycle harmless.
 */
import type { ParamTable } from './params';
import type { ConvConfig, Route, UrlProblem } from './types';
import { RF_CODEC, type RfConfig } from './views/rf';
import { ARCH_CODEC, type ArchConfig } from './views/arch';
import { poolCodec, type PoolConfig } from './views/pool';
import { IDEAS_CODEC, type IdeasConfig } from './views/ideas';
import { normCodec, type NormConfig } from './views/norm';

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

/**
 * The registry. Getters, not values: a view module may import the codec, which imports this file,
 * so whichever module loads first, no entry is read before its module has run.
 */
export const VIEW_CODECS: { readonly [R in ViewRoute]: ViewCodec<ViewConfigs[R]> } = {
  get pool() {
    return poolCodec;
  },
  get rf() {
    return RF_CODEC;
  },
  get arch() {
    return ARCH_CODEC;
  },
  get norm() {
    return normCodec;
  },
  get ideas() {
    return IDEAS_CODEC;
  },
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
