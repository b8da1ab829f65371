/**
 * The application store (zustand 5), built from typed slices: the route, the convolution
 * configuration with its actions, playback, and the messages about the current link. It holds only
 * serialisable data; everything drawn is derived from it. Actions never produce an impossible
 * configuration: one that would is refused, the previous value is kept, and a `rejection` says why.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import {
  checkParam,
  convTotalSteps,
  convWeightCount,
  describeMisfit,
  topicKo,
  sanitizeConv,
  type ParsedHash,
} from './codec';
import {
  CONV_PARAMS,
  FILTER_PRESETS,
  LANGS,
  MAX_LESSON_STEPS,
  ROUTES,
  SHARED_PARAMS,
  SPEEDS,
  cloneConv,
  defaultConv,
  type Lang,
  type SharedConfig,
} from './params';
import type { ConvConfig, FilterPreset, InputSource, Route, UrlProblem } from './types';
import { cloneView, defaultViews, isViewLoaded, viewCodec, type ViewConfigs, type ViewRoute } from './views';

/** A refused change, shown next to the control concerned. `field` is the URL key (`k`, `in`, `w`, …). */
export interface Rejection {
  field: string;
  message: string;
  /** The same message in Korean, when written (shown with `localized(rejection, lang)`). */
  ko?: string;
}

/** A per-axis value: `n` for both axes or `[h, w]`. */
export type PairInput = number | readonly [number, number];
/** Padding: `n`, `[h, w]` (top/bottom, left/right) or `[top, bottom, left, right]`. */
export type PaddingInput = number | readonly [number, number] | readonly [number, number, number, number];

/** Which view is shown. */
export interface RouteSlice {
  route: Route;
  /** Shows another view (pausing playback when the view changes). */
  setRoute: (route: Route) => void;
}

/** The convolution view's configuration and its actions. */
export interface ConvSlice {
  config: ConvConfig;
  /** The last refused change, or null; cleared by the next accepted change. */
  rejection: Rejection | null;
  setInput: (c: number, h: number, w: number) => void;
  setSource: (src: InputSource) => void;
  setSeed: (seed: number) => void;
  setKernel: (k: PairInput) => void;
  setStride: (s: PairInput) => void;
  setPadding: (p: PaddingInput) => void;
  setDilation: (d: PairInput) => void;
  setFilters: (f: number) => void;
  setPreset: (filterIndex: number, preset: FilterPreset) => void;
  setAllPresets: (preset: FilterPreset) => void;
  setWeight: (flatIndex: number, value: number) => void;
  setBias: (filterIndex: number, value: number) => void;
  resetEdits: () => void;
  setStep: (n: number) => void;
  setSpeed: (n: number) => void;
  faster: () => void;
  slower: () => void;
  clearRejection: () => void;
}

/** Playback of the walk-through (not in the URL). */
export interface PlaybackSlice {
  playing: boolean;
  /** Starts playing; from the last step, starts over at step 0. */
  play: () => void;
  pause: () => void;
  toggle: () => void;
}

/** Messages about the link the page was opened with. */
export interface MessagesSlice {
  problems: UrlProblem[];
  dismissProblems: () => void;
  /**
   * Applies a parsed link: its route and problems, and its convolution configuration when the
   * route is `conv` (other routes leave the configuration as it is). Clears any rejection.
   */
  applyLink: (link: ParsedHash) => void;
}

/**
 * The other views' configurations (pooling, receptive fields, …), each validated by its own module
 * in `views/`; the panels change them through `setView`. A view's entry exists once its module is
 * loaded (`loadView`): the view on screen always has one, because a route is only shown through a
 * link read by its loaded module (`applyLink`) or `setRoute`, which adds the defaults.
 */
export interface ViewsSlice {
  views: ViewConfigs;
  /**
   * Replaces one view's configuration. The caller passes a configuration its view module has
   * validated; a refused change goes to `rejection` instead (field = the URL key).
   */
  setView: <R extends ViewRoute>(route: R, config: ViewConfigs[R]) => void;
  /** Records a refused change of a view's setting, shown next to its control. */
  reject: (field: string, message: string, ko?: string) => void;
}

/**
 * The lesson open on the page (links: `lesson=intro&ls=3`, or `deck=<base64url>&ls=3`): the built-in
 * lesson or an instructor's deck, and its step counted from 1. The deck's text is kept as the link
 * holds it; src/lesson/deck.ts reads and validates it.
 */
export interface LessonRef {
  /** `intro`: the built-in lesson; `deck`: the deck whose text is `deck`. */
  id: 'intro' | 'deck';
  /** The step shown, from 1 (the lesson module brings it inside the lesson's length). */
  step: number;
  /** The deck's base64url text (`id: 'deck'` only; '' otherwise). */
  deck: string;
}

/** The page's own settings, carried by every link: language, presentation and embed modes, the open lesson. */
export interface UiConfig {
  lang: Lang;
  present: boolean;
  embed: boolean;
  /** The open lesson or deck; absent when none is open. */
  lesson?: LessonRef;
}

/** The interface settings and their actions. */
export interface UiSlice {
  ui: UiConfig;
  /** The language used when a link names none (the browser's, if ConvScope speaks it). */
  fallbackLang: Lang;
  /** Whether the lesson chooser is shown while no lesson is open (not in the link). */
  lessonMenu: boolean;
  setLang: (lang: Lang) => void;
  setPresent: (on: boolean) => void;
  /**
   * Opens a lesson or deck at a step, or closes it (`undefined`), keeping the view as it is (to go
   * to a step's view, apply its link with `applyLink`). A step outside 1…50 or deck text a link
   * could not carry is refused (`rejection`, field `ls` or `deck`). Closes the chooser.
   */
  setLesson: (lesson: LessonRef | undefined) => void;
  /** Shows or hides the lesson chooser. */
  setLessonMenu: (on: boolean) => void;
}

/** The whole store state. */
export type AppState = RouteSlice & ConvSlice & PlaybackSlice & MessagesSlice & ViewsSlice & UiSlice;
/** A store made by `createAppStore`. */
export type AppStore = StoreApi<AppState>;

/** The data (no actions) a store may start with. */
export interface AppInitial {
  route?: Route;
  config?: Partial<ConvConfig>;
  playing?: boolean;
  problems?: UrlProblem[];
  /** The language when a link names none (default: the browser's language, else English). */
  fallbackLang?: Lang;
}

/** The first of the browser's preferred languages that ConvScope speaks, else English. */
export function browserLang(languages?: readonly string[]): Lang {
  const list =
    languages ??
    (typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : []);
  for (const tag of list) {
    const base = String(tag ?? '').toLowerCase().split('-')[0] as Lang;
    if ((LANGS as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

type Slice<T> = StateCreator<AppState, [], [], T>;

const spec = (key: string) => CONV_PARAMS.find((s) => s.key === key)!;
const SPEC = {
  in: spec('in'),
  src: spec('src'),
  seed: spec('seed'),
  k: spec('k'),
  s: spec('s'),
  p: spec('p'),
  d: spec('d'),
  f: spec('f'),
  w: spec('w'),
  speed: spec('speed'),
};

function toPair(v: PairInput): [number, number] | null {
  if (typeof v === 'number') return [v, v];
  return Array.isArray(v) && v.length === 2 ? [v[0], v[1]] : null;
}

function toPadding(v: PaddingInput): [number, number, number, number] | null {
  if (typeof v === 'number') return [v, v, v, v];
  if (Array.isArray(v) && v.length === 2) return [v[0], v[0], v[1], v[1]];
  if (Array.isArray(v) && v.length === 4) return [v[0], v[1], v[2], v[3]];
  return null;
}

function sameConfig(a: ConvConfig, b: ConvConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isEdit(v: number): boolean {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1000;
}

const routeSlice: Slice<RouteSlice> = (set, get) => ({
  route: 'conv',
  setRoute: (route) => {
    if (!ROUTES.includes(route)) {
      return set({
        rejection: {
          field: 'route',
          message: `The views are ${ROUTES.join(', ')}.`,
          ko: `뷰는 ${ROUTES.join(', ')}입니다.`,
        },
      });
    }
    if (route === get().route) return;
    if (!isViewLoaded(route)) {
      // Not expected from the page (links load a view's module before showing it, see urlSync.ts).
      return set({
        rejection: { field: 'route', message: `The ${route} view is still loading.`, ko: `${route} 뷰를 불러오는 중입니다.` },
      });
    }
    const views = get().views;
    if (route !== 'conv' && views[route] === undefined) {
      set({ route, playing: false, views: { ...views, [route]: viewCodec(route).defaults() } });
    } else set({ route, playing: false });
  },
});

const convSlice: Slice<ConvSlice> = (set, get) => {
  /** Refuses a change: keeps the configuration, records why. */
  const refuse = (field: string, message: string, ko: string) => set({ rejection: { field, message, ko } });

  /**
   * Accepts a candidate configuration unless it is impossible: clamps the step to the new total
   * and drops edits outside the weights and biases, then stores it and clears the rejection.
   */
  const commit = (field: string, next: ConvConfig) => {
    const misfit = describeMisfit(next);
    if (misfit !== null) return refuse(field, misfit, describeMisfit(next, 'ko')!);
    const total = convTotalSteps(next);
    next.step = Math.min(Math.max(0, next.step), total - 1);
    const count = convWeightCount(next);
    for (const i of Object.keys(next.we)) if (Number(i) >= count) delete next.we[Number(i)];
    for (const i of Object.keys(next.b)) if (Number(i) >= next.f) delete next.b[Number(i)];
    while (next.fp.length < next.f) next.fp.push('random');
    next.fp.length = next.f;
    const { config, rejection } = get();
    if (sameConfig(config, next)) {
      if (rejection !== null) set({ rejection: null });
      return;
    }
    set({ config: next, rejection: null });
  };

  /** A copy of the current configuration to change. */
  const draft = () => cloneConv(get().config);

  /** Validates a value against its parameter row; refuses with the row's message when invalid. */
  const valid = (field: keyof typeof SPEC, value: unknown): boolean => {
    const problem = checkParam(SPEC[field], value);
    if (problem !== null) refuse(field, problem, checkParam(SPEC[field], value, 'ko')!);
    return problem === null;
  };

  const changeSpeed = (delta: 1 | -1) => {
    const { speed } = get().config;
    let at = SPEEDS.indexOf(speed);
    if (at < 0) {
      // Not one of the speeds (cannot happen through the actions): start from the nearest.
      at = SPEEDS.reduce(
        (best, s, i) => (Math.abs(s - speed) < Math.abs(SPEEDS[best]! - speed) ? i : best),
        0,
      );
    }
    const nextIndex = Math.min(SPEEDS.length - 1, Math.max(0, at + delta));
    const next = draft();
    next.speed = SPEEDS[nextIndex]!;
    commit('speed', next);
  };

  return {
    config: defaultConv(),
    rejection: null,

    setInput: (c, h, w) => {
      if (!valid('in', [c, h, w])) return;
      const next = draft();
      if (c !== next.c) next.we = {};
      Object.assign(next, { c, h, w });
      commit('in', next);
    },
    setSource: (src) => {
      if (!valid('src', src)) return;
      const next = draft();
      next.src = src;
      commit('src', next);
    },
    setSeed: (seed) => {
      if (!valid('seed', seed)) return;
      const next = draft();
      next.seed = seed;
      commit('seed', next);
    },
    setKernel: (k) => {
      const pair = toPair(k);
      if (!valid('k', pair)) return;
      const next = draft();
      if (pair![0] !== next.k[0] || pair![1] !== next.k[1]) next.we = {};
      next.k = pair!;
      commit('k', next);
    },
    setStride: (s) => {
      const pair = toPair(s);
      if (!valid('s', pair)) return;
      const next = draft();
      next.s = pair!;
      commit('s', next);
    },
    setPadding: (p) => {
      const pad = toPadding(p);
      if (!valid('p', pad)) return;
      const next = draft();
      next.p = pad!;
      commit('p', next);
    },
    setDilation: (d) => {
      const pair = toPair(d);
      if (!valid('d', pair)) return;
      const next = draft();
      next.d = pair!;
      commit('d', next);
    },
    setFilters: (f) => {
      if (!valid('f', f)) return;
      const next = draft();
      // Filters are the outermost axis of [f, c, kh, kw]: the edits of the filters that remain keep
      // their meaning, those of removed filters are dropped by commit().
      next.f = f;
      commit('f', next);
    },
    setPreset: (filterIndex, preset) => {
      const { f } = get().config;
      if (!Number.isInteger(filterIndex) || filterIndex < 0 || filterIndex >= f) {
        return refuse(
          'fp',
          `There ${f === 1 ? 'is 1 filter' : `are ${f} filters`}: filter ${filterIndex} does not exist.`,
          `필터는 ${f}개입니다. ${topicKo(`필터 ${filterIndex}`)} 없습니다.`,
        );
      }
      if (!FILTER_PRESETS.includes(preset)) {
        return refuse(
          'fp',
          `The filter presets are ${FILTER_PRESETS.join(', ')}.`,
          `필터 프리셋은 ${FILTER_PRESETS.join(', ')}입니다.`,
        );
      }
      const next = draft();
      next.fp[filterIndex] = preset;
      // Choosing a preset replaces the filter: its weight edits go.
      const per = next.c * next.k[0] * next.k[1];
      for (const i of Object.keys(next.we).map(Number)) {
        if (i >= filterIndex * per && i < (filterIndex + 1) * per) delete next.we[i];
      }
      commit('fp', next);
    },
    setAllPresets: (preset) => {
      if (!FILTER_PRESETS.includes(preset)) {
        return refuse(
          'fp',
          `The filter presets are ${FILTER_PRESETS.join(', ')}.`,
          `필터 프리셋은 ${FILTER_PRESETS.join(', ')}입니다.`,
        );
      }
      const next = draft();
      next.fp = Array.from({ length: next.f }, () => preset);
      next.we = {};
      commit('fp', next);
    },
    setWeight: (flatIndex, value) => {
      const count = convWeightCount(get().config);
      if (!Number.isInteger(flatIndex) || flatIndex < 0 || flatIndex >= count) {
        return refuse(
          'w',
          `There are ${count} weights (indices 0 to ${count - 1}): weight ${flatIndex} does not exist.`,
          `가중치는 ${count}개(인덱스 0부터 ${count - 1}까지)입니다. ${topicKo(`가중치 ${flatIndex}`)} 없습니다.`,
        );
      }
      if (!isEdit(value)) {
        return refuse(
          'w',
          'A weight must be a number from -1000 to 1000.',
          '가중치는 -1000에서 1000 사이의 숫자여야 합니다.',
        );
      }
      const next = draft();
      next.we[flatIndex] = value === 0 ? 0 : value;
      commit('w', next);
    },
    setBias: (filterIndex, value) => {
      const { f } = get().config;
      if (!Number.isInteger(filterIndex) || filterIndex < 0 || filterIndex >= f) {
        return refuse(
          'b',
          `There ${f === 1 ? 'is 1 filter' : `are ${f} filters`}: filter ${filterIndex} does not exist.`,
          `필터는 ${f}개입니다. ${topicKo(`필터 ${filterIndex}`)} 없습니다.`,
        );
      }
      if (!isEdit(value)) {
        return refuse(
          'b',
          'A bias must be a number from -1000 to 1000.',
          '편향은 -1000에서 1000 사이의 숫자여야 합니다.',
        );
      }
      const next = draft();
      next.b[filterIndex] = value === 0 ? 0 : value;
      commit('b', next);
    },
    resetEdits: () => {
      const next = draft();
      next.we = {};
      next.b = {};
      commit('w', next);
    },
    setStep: (n) => {
      if (typeof n !== 'number' || Number.isNaN(n)) {
        return refuse('step', 'The step must be a whole number.', '단계는 정수여야 합니다.');
      }
      const next = draft();
      const total = convTotalSteps(next);
      next.step = Math.min(Math.max(0, Math.trunc(n)), total - 1);
      commit('step', next);
    },
    setSpeed: (n) => {
      if (!valid('speed', n)) return;
      const next = draft();
      next.speed = n;
      commit('speed', next);
    },
    faster: () => changeSpeed(1),
    slower: () => changeSpeed(-1),
    clearRejection: () => {
      if (get().rejection !== null) set({ rejection: null });
    },
  };
};

const playbackSlice: Slice<PlaybackSlice> = (set, get) => ({
  playing: false,
  play: () => {
    const { config, playing } = get();
    if (playing) return;
    const last = convTotalSteps(config) - 1;
    if (config.step >= last && last > 0) set({ playing: true, config: { ...cloneConv(config), step: 0 } });
    else set({ playing: true });
  },
  pause: () => {
    if (get().playing) set({ playing: false });
  },
  toggle: () => (get().playing ? get().pause() : get().play()),
});

/**
 * The lesson a link's shared keys open, and what of them could not be used: a deck wins over
 * `lesson=` when both are given; `ls` without a lesson means nothing.
 */
export function lessonOfShared(shared: Partial<SharedConfig>): { lesson?: LessonRef; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const step = shared.ls ?? 1;
  if (shared.deck) {
    if (shared.lesson === 'intro') {
      problems.push({
        key: 'lesson',
        message: 'lesson=intro and deck= were both given: a link opens one lesson at a time; showing the deck.',
        ko: 'lesson=intro와 deck=이 함께 주어졌습니다. 링크는 한 번에 강의 하나만 열 수 있으므로 덱을 보여 줍니다.',
      });
    }
    return { lesson: { id: 'deck', step, deck: shared.deck }, problems };
  }
  if (shared.lesson === 'intro') return { lesson: { id: 'intro', step, deck: '' }, problems };
  if (shared.ls !== undefined && shared.ls !== 1) {
    problems.push({
      key: 'ls',
      message: `ls=${shared.ls}: no lesson is open (the link has neither lesson=intro nor deck=); ignored.`,
      ko: `ls=${shared.ls}: 열린 강의가 없습니다(링크에 lesson=intro도 deck=도 없습니다). 무시합니다.`,
    });
  }
  return { problems };
}

const messagesSlice: Slice<MessagesSlice> = (set) => ({
  problems: [],
  dismissProblems: () => set({ problems: [] }),
  applyLink: (link) =>
    set((state) => {
      const { lesson, problems } = lessonOfShared(link.shared);
      const ui: UiConfig = {
        lang: link.shared.lang ?? state.fallbackLang,
        present: link.shared.present === 1,
        embed: link.shared.embed === 1,
      };
      if (lesson) ui.lesson = lesson;
      return {
        route: link.route,
        // Playback belongs to the view on screen: a link to another view stops it.
        playing: link.route === state.route ? state.playing : false,
        config: link.route === 'conv' ? cloneConv(link.conv) : state.config,
        views: { ...state.views, ...cloneView(link.views) },
        problems: [...link.problems, ...problems],
        rejection: null,
        ui,
        // A link that opens a lesson replaces the chooser.
        lessonMenu: lesson ? false : state.lessonMenu,
      };
    }),
});

const DECK_SPEC = SHARED_PARAMS.find((s) => s.key === 'deck')!;
const LS_SPEC = SHARED_PARAMS.find((s) => s.key === 'ls')!;

const uiSlice: Slice<UiSlice> = (set, get) => ({
  ui: { lang: 'en', present: false, embed: false },
  fallbackLang: 'en',
  lessonMenu: false,
  setLang: (lang) => {
    if ((LANGS as readonly string[]).includes(lang) && get().ui.lang !== lang) set({ ui: { ...get().ui, lang } });
  },
  setPresent: (on) => {
    if (get().ui.present !== on) set({ ui: { ...get().ui, present: on } });
  },
  setLesson: (lesson) => {
    const { ui } = get();
    if (lesson === undefined) {
      const rest = { ...ui };
      delete rest.lesson;
      return set({ ui: rest, lessonMenu: false });
    }
    const stepProblem = checkParam(LS_SPEC, lesson.step);
    if (stepProblem !== null) {
      return set({
        rejection: { field: 'ls', message: stepProblem, ko: checkParam(LS_SPEC, lesson.step, 'ko')! },
      });
    }
    const deck = lesson.id === 'deck' ? lesson.deck : '';
    const noText = lesson.id === 'deck' && deck === '';
    const deckProblem = noText ? 'A deck needs its text.' : checkParam(DECK_SPEC, deck);
    if (deckProblem !== null) {
      const ko = noText ? '덱에는 텍스트가 필요합니다.' : checkParam(DECK_SPEC, deck, 'ko')!;
      return set({ rejection: { field: 'deck', message: deckProblem, ko } });
    }
    const same = ui.lesson && ui.lesson.id === lesson.id && ui.lesson.step === lesson.step && ui.lesson.deck === deck;
    if (same && !get().lessonMenu) return;
    set({ ui: { ...ui, lesson: { id: lesson.id, step: lesson.step, deck } }, lessonMenu: false });
  },
  setLessonMenu: (on) => {
    if (get().lessonMenu !== on) set({ lessonMenu: on });
  },
});

/** The shared link keys of the interface settings: `lang`, `present`, `embed`, and the open lesson's. */
export function sharedOf(
  ui: UiConfig,
): Pick<SharedConfig, 'lang' | 'present' | 'embed'> & Partial<Pick<SharedConfig, 'lesson' | 'ls' | 'deck'>> {
  const out: ReturnType<typeof sharedOf> = { lang: ui.lang, present: ui.present ? 1 : 0, embed: ui.embed ? 1 : 0 };
  if (ui.lesson) {
    if (ui.lesson.id === 'intro') out.lesson = 'intro';
    else out.deck = ui.lesson.deck;
    out.ls = Math.min(MAX_LESSON_STEPS, Math.max(1, ui.lesson.step));
  }
  return out;
}

const viewsSlice: Slice<ViewsSlice> = (set) => ({
  views: defaultViews(),
  setView: (route, config) => set((state) => ({ views: { ...state.views, [route]: config }, rejection: null })),
  reject: (field, message, ko) => set({ rejection: ko === undefined ? { field, message } : { field, message, ko } }),
});

/**
 * Makes a store, optionally starting from `initial` data. The initial configuration is merged over
 * the default one and made valid (`sanitizeConv`); whatever had to be changed joins `problems`.
 * Each test makes its own store.
 */
export function createAppStore(initial: AppInitial = {}): AppStore {
  const { conv, problems } = sanitizeConv(initial.config ?? {});
  return createStore<AppState>()((...a) => ({
    ...routeSlice(...a),
    ...convSlice(...a),
    ...playbackSlice(...a),
    ...messagesSlice(...a),
    ...viewsSlice(...a),
    ...uiSlice(...a),
    ui: { lang: initial.fallbackLang ?? browserLang(), present: false, embed: false },
    fallbackLang: initial.fallbackLang ?? browserLang(),
    route: initial.route && ROUTES.includes(initial.route) ? initial.route : 'conv',
    config: conv,
    playing: initial.playing ?? false,
    problems: [...(initial.problems ?? []), ...problems],
  }));
}

let appStore: AppStore | null = null;

/** The page's store, made on first use. */
export function getAppStore(): AppStore {
  appStore ??= createAppStore();
  return appStore;
}

/** Reads from the page's store in a React component, re-rendering when the selected value changes. */
export function useAppStore<U>(selector: (state: AppState) => U): U {
  return useStore(getAppStore(), selector);
}

/** Selectors, defined once so components share stable functions. */
export const selectRoute = (s: AppState): Route => s.route;
export const selectConfig = (s: AppState): ConvConfig => s.config;
export const selectPlaying = (s: AppState): boolean => s.playing;
export const selectProblems = (s: AppState): UrlProblem[] => s.problems;
export const selectRejection = (s: AppState): Rejection | null => s.rejection;
export const selectUi = (s: AppState): UiConfig => s.ui;
export const selectLang = (s: AppState): Lang => s.ui.lang;
/** The number of steps of the walk-through, `f·H′·W′`. */
export const selectTotalSteps = (s: AppState): number => convTotalSteps(s.config);
