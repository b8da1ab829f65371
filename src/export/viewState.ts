/**
 * What the export needs to know about the view on screen, read generically from the store and the
 * views' parameter tables (no view is named here): its configuration, its current step and speed,
 * whether it steps at all; and how to step it and put it back afterwards.
 */
import type { AppState, AppStore } from '../state/store';
import type { Route } from '../state/types';
import { CONV_PARAMS } from '../state/params';
import { VIEW_KEYS, type ViewRoute } from '../state/views';

/** The configuration of the view on screen (a view's config in the store, as is: do not change it). */
export function routeConfig(state: AppState): Readonly<Record<string, unknown>> {
  if (state.route === 'conv') return state.config as unknown as Record<string, unknown>;
  return (state.views[state.route as ViewRoute] ?? {}) as unknown as Record<string, unknown>;
}

/** True when the route's link has a `step` key, i.e. the view walks through steps. */
export function routeSteps(route: Route): boolean {
  const keys = route === 'conv' ? CONV_PARAMS.map((spec) => spec.key) : VIEW_KEYS[route as ViewRoute];
  return !!keys?.includes('step');
}

/** The view's current step (its `step` setting), or null when it has none. */
export function currentStep(state: AppState): number | null {
  if (!routeSteps(state.route)) return null;
  const step = routeConfig(state).step;
  return typeof step === 'number' && Number.isInteger(step) ? step : null;
}

/** The view's playback speed in steps per second, or null when it has none. */
export function currentSpeed(state: AppState): number | null {
  const speed = routeConfig(state).speed;
  return typeof speed === 'number' && Number.isFinite(speed) ? speed : null;
}

/** The view on screen, remembered so that it can be put back after a recording stepped through it. */
export interface ViewSnapshot {
  route: Route;
  /** A serialised copy of the configuration, to tell whether a step changed anything. */
  key: string;
  /** Puts the view back as it was (when it is still on screen). */
  restore: () => void;
}

/** Remembers the view on screen now. */
export function snapshotView(store: AppStore): ViewSnapshot {
  const state = store.getState();
  const route = state.route;
  const saved = state.route === 'conv' ? state.config : state.views[route as ViewRoute];
  return {
    route,
    key: JSON.stringify(saved),
    restore: () => {
      const now = store.getState();
      if (now.route !== route) return;
      // Only the step changed while recording (the keyboard's "next step"): put the whole
      // configuration back through the store's own actions.
      if (route === 'conv') now.setStep(state.config.step);
      else now.setView(route as ViewRoute, saved as never);
    },
  };
}

/** A serialised copy of the view's configuration now (compare with `ViewSnapshot.key`). */
export function viewKey(store: AppStore): string {
  return JSON.stringify(routeConfig(store.getState()));
}

/**
 * Moves the view on screen one step on, as the → key does (every view binds it through
 * `useShortcuts`), and says whether its configuration changed (false at the last step, or in a view
 * or part of a view that does not step).
 */
export function nextStep(store: AppStore, target: EventTarget = window): boolean {
  const before = viewKey(store);
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true, cancelable: true }));
  return viewKey(store) !== before;
}
