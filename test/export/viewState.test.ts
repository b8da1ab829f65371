// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { currentSpeed, currentStep, nextStep, routeSteps, snapshotView } from '../../src/export/viewState';

describe('what the export reads from the view on screen', () => {
  it('the convolution, pooling and normalization views step; the others do not', () => {
    expect(routeSteps('conv')).toBe(true);
    expect(routeSteps('pool')).toBe(true);
    expect(routeSteps('norm')).toBe(true);
    expect(routeSteps('rf')).toBe(false);
    expect(routeSteps('arch')).toBe(false);
    expect(routeSteps('ideas')).toBe(false);
  });

  it('the current step and speed are those of the view on screen', () => {
    const store = createAppStore({ route: 'conv', config: { step: 4, speed: 8 } });
    expect(currentStep(store.getState())).toBe(4);
    expect(currentSpeed(store.getState())).toBe(8);
    store.getState().setRoute('norm');
    store.getState().setView('norm', { ...store.getState().views.norm, step: 3 });
    expect(currentStep(store.getState())).toBe(3);
  });

  it('a view without steps has no current step', () => {
    const store = createAppStore({ route: 'rf' });
    expect(currentStep(store.getState())).toBeNull();
  });
});

describe('stepping the view and putting it back', () => {
  /** A stand-in for a view's keyboard shortcuts: → moves the convolution one step on. */
  function shortcuts(store: ReturnType<typeof createAppStore>) {
    const target = new EventTarget();
    target.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'ArrowRight') store.getState().setStep(store.getState().config.step + 1);
    });
    return target;
  }

  it('→ moves the view on, and says when it did not (the last step)', () => {
    // The lecture example has 2 filters × 3 × 3 outputs = 18 steps (0 to 17).
    const store = createAppStore({ route: 'conv', config: { c: 3, h: 5, w: 5, k: [3, 3], s: [2, 2], p: [1, 1, 1, 1], f: 2, fp: ['random', 'random'], step: 16 } });
    const keys = shortcuts(store);
    expect(nextStep(store, keys)).toBe(true);
    expect(store.getState().config.step).toBe(17);
    expect(nextStep(store, keys)).toBe(false);
    expect(store.getState().config.step).toBe(17);
  });

  it('a snapshot puts the convolution back at its step after a recording moved it', () => {
    const store = createAppStore({ route: 'conv', config: { step: 2 } });
    const snap = snapshotView(store);
    const keys = shortcuts(store);
    nextStep(store, keys);
    nextStep(store, keys);
    expect(store.getState().config.step).toBe(4);
    snap.restore();
    expect(store.getState().config.step).toBe(2);
  });

  it('a snapshot puts another view back as it was, group and step', () => {
    const store = createAppStore({ route: 'norm' });
    const before = store.getState().views.norm;
    const snap = snapshotView(store);
    store.getState().setView('norm', { ...before, grp: 1, step: 5 });
    snap.restore();
    expect(store.getState().views.norm).toEqual(before);
  });

  it('a snapshot leaves the view alone when the user has gone to another view', () => {
    const store = createAppStore({ route: 'conv', config: { step: 2 } });
    const snap = snapshotView(store);
    store.getState().setStep(5);
    store.getState().setRoute('pool');
    snap.restore();
    expect(store.getState().config.step).toBe(5);
  });
});
