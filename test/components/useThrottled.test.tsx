// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { renderHook, act, cleanup } from '@testing-library/react';
import { useThrottled } from '../../src/components/useThrottled';
import { getAppStore } from '../../src/state/store';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  act(() => getAppStore().getState().setLang('en'));
});

/** A text in the page's language, as a view builds its spoken text. */
const say = (step: number, lang: string) => (lang === 'ko' ? `단계 ${step}` : `Step ${step}`);

describe('useThrottled', () => {
  it('passes a change after a quiet spell at once, and a burst at most once per interval, ending on the latest', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const { result, rerender } = renderHook(({ v }) => useThrottled(v, 100), { initialProps: { v: 0 } });
    expect(result.current).toBe(0);
    act(() => vi.advanceTimersByTime(500));
    rerender({ v: 1 });
    expect(result.current).toBe(1); // after a quiet spell: at once
    rerender({ v: 2 });
    rerender({ v: 3 });
    expect(result.current).toBe(1); // a burst waits
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe(3); // and ends on the latest value
  });

  it('follows a change of the page’s language at once, even in the middle of a burst', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    act(() => getAppStore().getState().setLang('en'));
    const { result, rerender } = renderHook(({ step }) => useThrottled(say(step, getAppStore().getState().ui.lang), 500), {
      initialProps: { step: 1 },
    });
    act(() => vi.advanceTimersByTime(1000));
    rerender({ step: 2 });
    expect(result.current).toBe('Step 2');
    // A change of language right after: without waiting for the interval, and with no English left.
    act(() => vi.advanceTimersByTime(10));
    act(() => getAppStore().getState().setLang('ko'));
    expect(result.current).toBe('단계 2');
    // Stepping on is throttled again as before, in the new language.
    rerender({ step: 3 });
    rerender({ step: 4 });
    expect(result.current).toBe('단계 2');
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe('단계 4');
    act(() => getAppStore().getState().setLang('en'));
    expect(result.current).toBe('Step 4');
  });

  it('passes every value straight through while the interval is 0, and throttles from the latest one when it grows', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const returned: string[] = [];
    const { result, rerender } = renderHook(
      ({ v, ms }) => {
        const shown = useThrottled(v, ms);
        returned.push(shown);
        return shown;
      },
      { initialProps: { v: 'a', ms: 0 } },
    );
    expect(result.current).toBe('a');
    returned.length = 0;
    rerender({ v: 'b', ms: 0 });
    // The very render that receives the change returns it: no render of the stale value first (which
    // an effect passing it on later would cost: a second commit after every change).
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.every((x) => x === 'b')).toBe(true);
    returned.length = 0;
    rerender({ v: 'c', ms: 0 });
    expect(returned.every((x) => x === 'c')).toBe(true);
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current).toBe('c');
    rerender({ v: 'd', ms: 100 }); // playing starts: the first change after a quiet spell passes at once
    expect(result.current).toBe('d');
    rerender({ v: 'e', ms: 100 });
    expect(result.current).toBe('d'); // then a burst waits
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe('e');
    rerender({ v: 'f', ms: 0 }); // paused again: at once
    expect(result.current).toBe('f');
  });
});
