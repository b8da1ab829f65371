import { describe, it, expect } from 'vitest';
import { axisFormula, pytorchLine } from '../../src/panels/conv/formula';
import { convAxis } from '../../src/engine/shapes';
import { conv } from '../../src/i18n/conv';

describe('the output-size formula with numbers substituted', () => {
  it('writes the lecture example 5×5, pad 1, kernel 3, stride 2 as ⌊(5 + 2·1 − 3)/2⌋ + 1 = 3', () => {
    const f = axisFormula(convAxis(5, 3, 2, 1, 1, 1), 'W', conv.en);
    expect(f.symbolic).toBe('⌊(W + 2P − K)/S⌋ + 1');
    expect(f.worked).toBe('⌊(5 + 2·1 − 3)/2⌋ + 1 = ⌊4/2⌋ + 1 = 2 + 1 = 3');
    expect(f.result).toBe(3);
    expect(f.note).toBeNull();
  });
  it('drops the division and floor at stride 1: 32 with a 5×5 kernel gives 28', () => {
    const f = axisFormula(convAxis(32, 5, 1, 0, 0, 1), 'H', conv.en);
    expect(f.worked).toBe('(32 + 2·0 − 5) + 1 = 27 + 1 = 28');
  });
  it('includes dilation: 7 with a 3-tap kernel at dilation 2 gives 3', () => {
    const f = axisFormula(convAxis(7, 3, 1, 0, 0, 2), 'H', conv.en);
    expect(f.symbolic).toBe('(H + 2P − D·(K − 1) − 1) + 1');
    expect(f.worked).toBe('(7 + 2·0 − 2·(3 − 1) − 1) + 1 = 2 + 1 = 3');
  });
  it('says which input rows the floor drops: 6 rows, kernel 3, stride 2 leave the last row unused', () => {
    const f = axisFormula(convAxis(6, 3, 2, 0, 0, 1), 'H', conv.en);
    expect(f.worked).toBe('⌊(6 + 2·0 − 3)/2⌋ + 1 = ⌊3/2⌋ + 1 = 1 + 1 = 2');
    expect(f.note).toBe('3/2 is not a whole number: the floor drops the last 1 input row, which no window reaches.');
  });
  it('writes uneven padding as P₁ + P₂', () => {
    const f = axisFormula(convAxis(5, 2, 1, 0, 1, 1), 'H', conv.en);
    expect(f.symbolic).toBe('(H + P₁ + P₂ − K) + 1');
    expect(f.worked).toBe('(5 + 0 + 1 − 2) + 1 = 4 + 1 = 5');
  });
});

describe('the PyTorch line for the current layer', () => {
  it('matches the issue: nn.Conv2d(3, 2, kernel_size=3, stride=2, padding=1)', () => {
    expect(pytorchLine({ c: 3, f: 2, k: [3, 3], s: [2, 2], p: [1, 1, 1, 1], d: [1, 1] })).toBe(
      'nn.Conv2d(3, 2, kernel_size=3, stride=2, padding=1)',
    );
  });
  it('leaves out defaults and writes per-axis values as tuples', () => {
    expect(pytorchLine({ c: 1, f: 4, k: [3, 5], s: [1, 1], p: [0, 0, 0, 0], d: [1, 2] })).toBe(
      'nn.Conv2d(1, 4, kernel_size=(3, 5), dilation=(1, 2))',
    );
  });
  it('pads unevenly with nn.ZeroPad2d((left, right, top, bottom)) before the convolution', () => {
    expect(pytorchLine({ c: 3, f: 1, k: [2, 2], s: [1, 1], p: [0, 1, 0, 1], d: [1, 1] })).toBe(
      'nn.Sequential(nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(3, 1, kernel_size=2))',
    );
  });
});
