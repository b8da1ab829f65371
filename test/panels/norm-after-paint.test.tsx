// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { renderHook, act, cleanup } from '@testing-library/react';
import { AFTER_PAINT_MAX_WAIT, useAfterFirstPaint } from '../../src/panels/norm/useAfterFirstPaint';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useAfterFirstPaint', () => {
  it('is false on the first render and becomes true only after an animation frame and then a task', () => {
    const frames: FrameRequestCallback[] = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const { result } = renderHook(() => useAfterFirstPaint());
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(AFTER_PAINT_MAX_WAIT / 2));
    expect(result.current).toBe(false); // no frame yet: still waiting for the first paint
    expect(frames).toHaveLength(1);
    act(() => frames[0]!(0));
    expect(result.current).toBe(false); // the frame paints after its callbacks: a task later
    act(() => vi.advanceTimersByTime(0));
    expect(result.current).toBe(true);
    vi.useRealTimers();
  });

  it('stays true, and asks for no further frame, once the first paint is past', () => {
    const frames: FrameRequestCallback[] = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const { result, rerender } = renderHook(() => useAfterFirstPaint());
    act(() => frames[0]!(0));
    act(() => vi.advanceTimersByTime(0));
    rerender();
    rerender();
    expect(result.current).toBe(true);
    expect(frames).toHaveLength(1);
    vi.useRealTimers();
  });

  it('does not wait for a frame longer than AFTER_PAINT_MAX_WAIT ms', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', () => 1); // a frame that never comes
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const { result } = renderHook(() => useAfterFirstPaint());
    act(() => vi.advanceTimersByTime(AFTER_PAINT_MAX_WAIT - 1));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    vi.useRealTimers();
  });
});
