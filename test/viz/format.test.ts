import { describe, expect, it } from 'vitest';
import { formatCell, formatTerm, formatValue } from '../../src/viz/format';

describe('number formats', () => {
  it('write a true minus sign, also in an exponent', () => {
    expect(formatCell(-2)).toBe('−2');
    expect(formatValue(-0.125)).toBe('−0.125');
    expect(formatValue(1e-20)).toBe('1e−20');
    expect(formatValue(-3.5e-7)).toBe('−3.5e−7');
    expect(formatValue(1234567.5)).toBe('1.23e+6');
    expect(formatTerm(-2)).toBe('(−2)');
  });
  it('never show a negative zero', () => {
    expect(formatCell(-0.001)).toBe('0');
  });
});
