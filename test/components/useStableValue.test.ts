import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/components/useStableValue';

describe('sameData', () => {
  it('compares plain data deeply', () => {
    expect(sameData([[{ r: 1, c: 2, kind: 'focus' }]], [[{ r: 1, c: 2, kind: 'focus' }]])).toBe(true);
    expect(sameData([[{ r: 1, c: 2 }]], [[{ r: 1, c: 3 }]])).toBe(false);
    expect(sameData({ 3: 2.5 }, { 3: 2.5 })).toBe(true);
    expect(sameData({ 3: 2.5 }, { 3: 2.5, 4: 1 })).toBe(false);
    expect(sameData([true, false], [true, false])).toBe(true);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
});
