// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { renderHook, act, cleanup } from '@testing-library/react';
import { useThrottled } from '../../src/components/useThrottled';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

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
});
