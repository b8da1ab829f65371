/**
 * Moving between lesson steps: a step's link is applied to the store like a link the user opened,
 * except that the page settings (language, presentation, embed) and the lesson keys are kept, so the
 * address bar always reproduces the exact lesson, step and view. Also the links a deck is made of
 * and shared by.
 */
import { parseHash, serializeHash } from '../state/codec';
// Lessons and decks read links to any view at once: every view's URL module is registered with them.
import '../state/allViews';
import { sharedOf, type AppState, type AppStore, type LessonRef } from '../state/store';
import type { Route } from '../state/types';
import type { common } from '../i18n/common';
import type { Deck } from './deck';
import { encodeDeck } from './deck';

/** The view on screen as a deck step's link: route and configuration, no page settings. */
export function currentViewLink(state: Pick<AppState, 'route' | 'config' | 'views'>): string {
  return serializeHash(state.route, state.config, state.views);
}

/**
 * Shows `link`'s view with `lesson` open: the link's route and configuration replace the view's,
 * the problem banner is cleared (lesson links are checked beforehand), the page settings stay.
 */
export function applyStepLink(store: AppStore, link: string, lesson: LessonRef): void {
  const state = store.getState();
  const parsed = parseHash(link);
  parsed.shared = sharedOf({ ...state.ui, lesson });
  state.applyLink(parsed);
}

/** The route a step's link shows. */
export function routeOfLink(link: string): Route {
  return parseHash(link).route;
}

type NavKey = 'navConv' | 'navPool' | 'navRf' | 'navArch' | 'navIdeas' | 'navNorm';
const VIEW_NAME: Record<Route, NavKey> = {
  conv: 'navConv',
  pool: 'navPool',
  rf: 'navRf',
  arch: 'navArch',
  ideas: 'navIdeas',
  norm: 'navNorm',
};

/** The name of the view a link shows, in the page's language (`tc`: the shell's dictionary): a step's default title. */
export function viewNameOf(link: string, tc: Pick<(typeof common)['en'], NavKey>): string {
  return tc[VIEW_NAME[routeOfLink(link)]];
}

/**
 * The link that opens `deck` at step 1 in a fresh page: the first step's view, then the deck. No
 * language or presentation mode: the person opening it decides.
 */
export function deckShareLink(base: string, deck: Deck): string {
  const first = parseHash(deck.steps[0]!.link);
  return base + serializeHash(first.route, first.conv, first.views, { deck: encodeDeck(deck), ls: 1 });
}
