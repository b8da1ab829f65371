import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  createAppStore,
  getAppStore,
  selectConfig,
  selectPlaying,
  selectProblems,
  selectRejection,
  selectRoute,
  selectTotalSteps,
  type AppStore,
} from '../../src/state/store';
import { parseHash, serializeHash } from '../../src/state/codec';
import type { ConvConfig } from '../../src/state/types';

const LECTURE: ConvConfig = {
  c: 3,
  h: 5,
  w: 5,
  src: 'int',
  seed: 7,
  k: [3, 3],
  s: [2, 2],
  d: [1, 1],
  p: [1, 1, 1, 1],
  f: 2,
  fp: ['random', 'random'],
  we: {},
  b: {},
  step: 0,
  speed: 2,
};

const cfg = (store: AppStore) => store.getState().config;
const act = (store: AppStore) => store.getState();

/** Total steps by hand: f · H′ · W′ with H′ = floor((H + pads − d(k−1) − 1)/s) + 1. */
const steps = (c: ConvConfig) =>
  c.f *
  (Math.floor((c.h + c.p[0] + c.p[1] - c.d[0] * (c.k[0] - 1) - 1) / c.s[0]) + 1) *
  (Math.floor((c.w + c.p[2] + c.p[3] - c.d[1] * (c.k[1] - 1) - 1) / c.s[1]) + 1);

/** Runs an action and checks it was refused: configuration unchanged, a rejection for `field`. */
function expectRefused(store: AppStore, field: string, run: () => void): string {
  const before = structuredClone(cfg(store));
  run();
  expect(cfg(store)).toEqual(before);
  const rejection = store.getState().rejection;
  expect(rejection?.field).toBe(field);
  expect(rejection!.message.length).toBeGreaterThan(10);
  return rejection!.message;
}

describe('createAppStore', () => {
  it('starts with the lecture example on the conv route, paused, with no messages', () => {
    const store = createAppStore();
    const s = store.getState();
    expect(s.config).toEqual(LECTURE);
    expect([s.route, s.playing, s.problems, s.rejection]).toEqual(['conv', false, [], null]);
  });

  it('gives each caller its own store', () => {
    const a = createAppStore();
    const b = createAppStore();
    act(a).setSeed(1);
    expect(cfg(b).seed).toBe(7);
  });

  it('takes initial data and makes an invalid initial configuration valid, saying what changed', () => {
    const store = createAppStore({
      route: 'pool',
      config: { seed: 3, k: [9, 9], p: [0, 0, 0, 0] },
      playing: true,
    });
    expect(store.getState()).toMatchObject({ route: 'pool', playing: true });
    expect(cfg(store)).toEqual({ ...LECTURE, seed: 3, p: [0, 0, 0, 0] });
    expect(store.getState().problems.map((p) => p.key)).toEqual(['k']);
  });

  it('getAppStore returns one store for the page', () => {
    expect(getAppStore()).toBe(getAppStore());
  });

  it('the selectors read their slice', () => {
    const s = createAppStore().getState();
    expect(selectRoute(s)).toBe('conv');
    expect(selectConfig(s)).toBe(s.config);
    expect(selectPlaying(s)).toBe(false);
    expect(selectProblems(s)).toEqual([]);
    expect(selectRejection(s)).toBeNull();
    expect(selectTotalSteps(s)).toBe(18);
  });

  it('holds only serialisable data besides the actions', () => {
    const s = createAppStore().getState();
    const data = Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v !== 'function'));
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('route slice', () => {
  it('setRoute changes the view and pauses playback', () => {
    const store = createAppStore({ playing: true });
    act(store).setRoute('rf');
    expect(store.getState()).toMatchObject({ route: 'rf', playing: false });
  });

  it('setRoute refuses a route that does not exist', () => {
    const store = createAppStore();
    act(store).setRoute('nope' as never);
    expect(store.getState().route).toBe('conv');
    expect(store.getState().rejection?.field).toBe('route');
  });
});

describe('conv slice: input and source', () => {
  it('setInput changes the shape and keeps weight edits when the channels stay', () => {
    const store = createAppStore({ config: { we: { 5: 1 } } });
    act(store).setInput(3, 7, 9);
    expect(cfg(store)).toMatchObject({ c: 3, h: 7, w: 9, we: { 5: 1 } });
  });

  it('setInput with other channels clears the weight edits (their indices change meaning)', () => {
    const store = createAppStore({ config: { we: { 5: 1 }, b: { 0: 2 } } });
    act(store).setInput(1, 5, 5);
    expect(cfg(store)).toMatchObject({ c: 1, we: {}, b: { 0: 2 } });
  });

  it('setInput clamps the step to the new total', () => {
    const store = createAppStore({ config: { step: 17 } });
    act(store).setInput(3, 3, 3); // 2 filters × 2 × 2 = 8 steps
    expect(cfg(store).step).toBe(7);
  });

  it('setInput refuses out-of-range sizes and inputs too small for the kernel', () => {
    const store = createAppStore({ config: { p: [0, 0, 0, 0] } });
    expect(expectRefused(store, 'in', () => act(store).setInput(9, 5, 5))).toContain('channels from 1 to 8');
    expect(expectRefused(store, 'in', () => act(store).setInput(3, 2, 5))).toContain(
      'padded input has only 2 rows',
    );
    expectRefused(store, 'in', () => act(store).setInput(3, 5.5, 5));
  });

  it('setSource and setSeed change their field; bad values are refused', () => {
    const store = createAppStore();
    act(store).setSource('scene');
    act(store).setSeed(4294967295);
    expect(cfg(store)).toMatchObject({ src: 'scene', seed: 4294967295 });
    expectRefused(store, 'src', () => act(store).setSource('photo' as never));
    expectRefused(store, 'seed', () => act(store).setSeed(-1));
    expectRefused(store, 'seed', () => act(store).setSeed(1.5));
  });

  it('an accepted change clears the last rejection', () => {
    const store = createAppStore();
    act(store).setSeed(-1);
    expect(store.getState().rejection).not.toBeNull();
    act(store).setSeed(8);
    expect(store.getState().rejection).toBeNull();
  });

  it('clearRejection clears it', () => {
    const store = createAppStore();
    act(store).setSeed(-1);
    act(store).clearRejection();
    expect(store.getState().rejection).toBeNull();
  });
});

describe('conv slice: geometry', () => {
  it('setKernel takes [kh, kw] or one number, clears weight edits and clamps the step', () => {
    const store = createAppStore({ config: { we: { 1: 2 }, step: 17 } });
    act(store).setKernel([5, 3]); // H′ = floor((7−5)/2)+1 = 2, W′ = 3 → 12 steps
    expect(cfg(store)).toMatchObject({ k: [5, 3], we: {}, step: 11 });
    act(store).setKernel(1);
    expect(cfg(store).k).toEqual([1, 1]);
  });

  it('setKernel to the same size keeps the weight edits', () => {
    const store = createAppStore({ config: { we: { 1: 2 } } });
    act(store).setKernel([3, 3]);
    expect(cfg(store).we).toEqual({ 1: 2 });
  });

  it('setKernel refuses a kernel larger than the padded input, keeping every setting', () => {
    const store = createAppStore({ config: { we: { 1: 2 }, seed: 9 } });
    const message = expectRefused(store, 'k', () => act(store).setKernel([9, 3]));
    expect(message).toBe(
      'With dilation 1 a kernel of 9 spans 9 rows, but the padded input has only 7 rows (5 + padding 1 + 1), so there would be no output.',
    );
    expect(expectRefused(store, 'k', () => act(store).setKernel([0, 3]))).toMatch(/^The kernel size must be/);
    expectRefused(store, 'k', () => act(store).setKernel([12, 3]));
  });

  it('setStride changes the stride and clamps the step', () => {
    const store = createAppStore({ config: { step: 17 } });
    act(store).setStride([1, 2]); // 2 × 5 × 3 = 30 steps
    expect(cfg(store)).toMatchObject({ s: [1, 2], step: 17 });
    act(store).setStride(3); // 2 × 2 × 2 = 8
    expect(cfg(store)).toMatchObject({ s: [3, 3], step: 7 });
    expectRefused(store, 's', () => act(store).setStride(9));
  });

  it('setPadding takes four sides, two, or one; refuses padding that leaves no output', () => {
    const store = createAppStore({ config: { k: [7, 7] } });
    act(store).setPadding([1, 2, 3, 4]);
    expect(cfg(store).p).toEqual([1, 2, 3, 4]);
    act(store).setPadding([2, 1]);
    expect(cfg(store).p).toEqual([2, 2, 1, 1]);
    act(store).setPadding(1);
    expect(cfg(store).p).toEqual([1, 1, 1, 1]);
    expectRefused(store, 'p', () => act(store).setPadding(0)); // 7 > 5
    expectRefused(store, 'p', () => act(store).setPadding([11, 0, 0, 0]));
  });

  it('setDilation changes the dilation; refuses one that makes the kernel overflow', () => {
    const store = createAppStore();
    act(store).setDilation([3, 2]); // spans 7 and 5 rows/columns of 7
    expect(cfg(store).d).toEqual([3, 2]);
    expectRefused(store, 'd', () => act(store).setDilation(4));
    expectRefused(store, 'd', () => act(store).setDilation(0));
  });
});

describe('conv slice: filters and edits', () => {
  it('setFilters resizes the presets, keeps edits of remaining filters and clamps the step', () => {
    const store = createAppStore({
      config: { fp: ['box', 'gauss'], we: { 3: 1, 30: 2 }, b: { 0: 1, 1: 2 }, step: 17 },
    });
    act(store).setFilters(1);
    expect(cfg(store)).toMatchObject({ f: 1, fp: ['box'], we: { 3: 1 }, b: { 0: 1 }, step: 8 });
    act(store).setFilters(3);
    expect(cfg(store)).toMatchObject({ f: 3, fp: ['box', 'random', 'random'], we: { 3: 1 }, b: { 0: 1 } });
    expectRefused(store, 'f', () => act(store).setFilters(9));
  });

  it('setPreset sets one filter and drops that filter’s weight edits only', () => {
    const store = createAppStore({ config: { we: { 3: 1, 30: 2 } } });
    act(store).setPreset(1, 'sobelx'); // filter 1 holds indices 27…53
    expect(cfg(store)).toMatchObject({ fp: ['random', 'sobelx'], we: { 3: 1 } });
    expectRefused(store, 'fp', () => act(store).setPreset(2, 'box'));
    expectRefused(store, 'fp', () => act(store).setPreset(0, 'blur' as never));
  });

  it('setAllPresets sets every filter and clears the weight edits', () => {
    const store = createAppStore({ config: { we: { 3: 1 } } });
    act(store).setAllPresets('laplace');
    expect(cfg(store)).toMatchObject({ fp: ['laplace', 'laplace'], we: {} });
    expectRefused(store, 'fp', () => act(store).setAllPresets('blur' as never));
  });

  it('setWeight edits one weight within f·c·kh·kw; refuses other indices and values', () => {
    const store = createAppStore();
    act(store).setWeight(53, -2.5);
    act(store).setWeight(0, -0);
    expect(cfg(store).we).toEqual({ 0: 0, 53: -2.5 });
    expect(Object.is(cfg(store).we[0], -0)).toBe(false);
    expectRefused(store, 'w', () => act(store).setWeight(54, 1));
    expectRefused(store, 'w', () => act(store).setWeight(1.5, 1));
    expectRefused(store, 'w', () => act(store).setWeight(1, 1001));
    expectRefused(store, 'w', () => act(store).setWeight(1, NaN));
  });

  it('setBias edits one bias; refuses other filters and values', () => {
    const store = createAppStore();
    act(store).setBias(1, 0.5);
    expect(cfg(store).b).toEqual({ 1: 0.5 });
    expectRefused(store, 'b', () => act(store).setBias(2, 1));
    expectRefused(store, 'b', () => act(store).setBias(0, Infinity));
  });

  it('resetEdits clears weight and bias edits', () => {
    const store = createAppStore({ config: { we: { 1: 1 }, b: { 0: 1 } } });
    act(store).resetEdits();
    expect(cfg(store)).toMatchObject({ we: {}, b: {} });
  });
});

describe('conv slice: step and speed', () => {
  it('setStep clamps to [0, total − 1] and drops fractions', () => {
    const store = createAppStore();
    act(store).setStep(5);
    expect(cfg(store).step).toBe(5);
    act(store).setStep(100);
    expect(cfg(store).step).toBe(17);
    act(store).setStep(-3);
    expect(cfg(store).step).toBe(0);
    act(store).setStep(4.7);
    expect(cfg(store).step).toBe(4);
    expectRefused(store, 'step', () => act(store).setStep(NaN));
  });

  it('setSpeed accepts the listed speeds only', () => {
    const store = createAppStore();
    act(store).setSpeed(60);
    expect(cfg(store).speed).toBe(60);
    expectRefused(store, 'speed', () => act(store).setSpeed(3));
  });

  it('faster and slower walk the speed list and stop at its ends', () => {
    const store = createAppStore();
    act(store).faster();
    expect(cfg(store).speed).toBe(4);
    act(store).slower();
    act(store).slower();
    act(store).slower();
    expect(cfg(store).speed).toBe(0.5);
    act(store).setSpeed(960);
    act(store).faster();
    expect(cfg(store).speed).toBe(960);
    expect(store.getState().rejection).toBeNull();
  });
});

describe('playback slice', () => {
  it('play, pause and toggle switch playing', () => {
    const store = createAppStore();
    act(store).play();
    expect(store.getState().playing).toBe(true);
    act(store).pause();
    expect(store.getState().playing).toBe(false);
    act(store).toggle();
    expect(store.getState().playing).toBe(true);
    act(store).toggle();
    expect(store.getState().playing).toBe(false);
  });

  it('play from the last step starts over at step 0', () => {
    const store = createAppStore({ config: { step: 17 } });
    act(store).play();
    expect(store.getState()).toMatchObject({ playing: true, config: { step: 0 } });
  });
});

describe('messages slice', () => {
  it('applyLink sets the route, configuration and problems; dismissProblems clears them', () => {
    const store = createAppStore();
    act(store).setSeed(-1);
    act(store).applyLink(parseHash('#/conv?k=5&foo=1'));
    expect(store.getState()).toMatchObject({ route: 'conv', config: { k: [5, 5] }, rejection: null });
    expect(store.getState().problems.map((p) => p.key)).toEqual(['foo']);
    act(store).dismissProblems();
    expect(store.getState().problems).toEqual([]);
  });

  it('applyLink of another route keeps the convolution configuration', () => {
    const store = createAppStore({ config: { seed: 99 } });
    act(store).applyLink(parseHash('#/norm'));
    expect(store.getState().route).toBe('norm');
    expect(cfg(store).seed).toBe(99);
  });
});

describe('invariants', () => {
  it('no sequence of actions produces an impossible configuration or loses other settings', () => {
    const small = (lo: number, hi: number) => fc.integer({ min: lo - 1, max: hi + 1 });
    const action = fc.oneof(
      fc.tuple(fc.constant('setInput'), small(1, 8), small(1, 12), small(1, 12)),
      fc.tuple(fc.constant('setKernel'), small(1, 11), small(1, 11)),
      fc.tuple(fc.constant('setStride'), small(1, 8), small(1, 8)),
      fc.tuple(fc.constant('setDilation'), small(1, 6), small(1, 6)),
      fc.tuple(fc.constant('setPadding'), small(0, 10), small(0, 10)),
      fc.tuple(fc.constant('setFilters'), small(1, 8)),
      fc.tuple(fc.constant('setWeight'), fc.integer({ min: 0, max: 300 }), fc.integer({ min: -5, max: 5 })),
      fc.tuple(fc.constant('setBias'), fc.integer({ min: 0, max: 9 }), fc.integer({ min: -5, max: 5 })),
      fc.tuple(fc.constant('setStep'), fc.integer({ min: -2, max: 400 })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const store = createAppStore({ config: { seed: 123 } });
        for (const [name, a, b, c] of actions as [string, number, number?, number?][]) {
          const s = store.getState();
          if (name === 'setInput') s.setInput(a, b!, c!);
          else if (name === 'setKernel') s.setKernel([a, b!]);
          else if (name === 'setStride') s.setStride([a, b!]);
          else if (name === 'setDilation') s.setDilation([a, b!]);
          else if (name === 'setPadding') s.setPadding([a, b!]);
          else if (name === 'setFilters') s.setFilters(a);
          else if (name === 'setWeight') s.setWeight(a, b!);
          else if (name === 'setBias') s.setBias(a, b!);
          else s.setStep(a);
          const c2 = cfg(store);
          const total = steps(c2);
          expect(total).toBeGreaterThan(0);
          expect(c2.step).toBeGreaterThanOrEqual(0);
          expect(c2.step).toBeLessThan(total);
          expect(c2.fp).toHaveLength(c2.f);
          const count = c2.f * c2.c * c2.k[0] * c2.k[1];
          expect(Object.keys(c2.we).every((i) => Number(i) < count)).toBe(true);
          expect(Object.keys(c2.b).every((i) => Number(i) < c2.f)).toBe(true);
          expect(c2.seed).toBe(123);
          // What the store holds reads back from its own link without problems.
          expect(parseHash(serializeHash('conv', c2))).toEqual({ route: 'conv', conv: c2, views: {}, shared: {}, problems: [] });
        }
      }),
      { numRuns: 100 },
    );
  });
});
