import { describe, it, expect } from 'vitest';
import { poolAxis } from '../../src/engine/shapes';
import { poolAxisFormula, poolPytorchLine } from '../../src/panels/pool/formula';
import { defaultPool, type PoolConfig } from '../../src/state/views/pool';

const cfgOf = (patch: Partial<PoolConfig>): PoolConfig => ({ ...defaultPool(), ...patch });

describe('the pooling output-size formula', () => {
  it('4 wide, window 2, stride 2: ⌊(4 + 2·0 − 2)/2⌋ + 1 = 2', () => {
    const f = poolAxisFormula(poolAxis(4, 2, 2, 0, 0), 'W', false);
    expect(f.symbolic).toBe('⌊(W + 2P − K)/S⌋ + 1');
    expect(f.worked).toBe('⌊(4 + 2·0 − 2)/2⌋ + 1 = ⌊2/2⌋ + 1 = 1 + 1 = 2');
    expect(f.result).toBe(2);
    expect(f.note).toBeNull();
  });

  it('5 wide, window 2, stride 2: the floor drops the last input column; ceil mode keeps one more window', () => {
    const floor = poolAxisFormula(poolAxis(5, 2, 2, 0, 0), 'W', false);
    expect(floor.worked).toBe('⌊(5 + 2·0 − 2)/2⌋ + 1 = ⌊3/2⌋ + 1 = 1 + 1 = 2');
    expect(floor.note).toContain('the floor drops the last 1 input column');
    const ceil = poolAxisFormula(poolAxis(5, 2, 2, 0, 0, 1, true), 'W', true);
    expect(ceil.symbolic).toBe('⌈(W + 2P − K)/S⌉ + 1');
    expect(ceil.worked).toBe('⌈(5 + 2·0 − 2)/2⌉ + 1 = ⌈3/2⌉ + 1 = 2 + 1 = 3');
    expect(ceil.note).toContain('hangs 1 cell past the padded input');
  });

  it('ceil mode drops a last window that would start in the padding after the input (PyTorch’s rule)', () => {
    // 5 tall, padding 1, window 2, stride 2: ⌈5/2⌉ + 1 = 4, but window 3 would start at 6 = H + P.
    const f = poolAxisFormula(poolAxis(5, 2, 2, 1, 1, 1, true), 'H', true);
    expect(f.worked).toBe('⌈(5 + 2·1 − 2)/2⌉ + 1 = ⌈5/2⌉ + 1 = 3 + 1 = 4 → 3');
    expect(f.result).toBe(3);
    expect(f.note).toContain('(4 − 1)·2 = 6, which is not before H + P = 5 + 1 = 6');
  });

  it('ceil mode changes nothing when the division is exact; stride 1 needs no rounding; dilation is written out', () => {
    expect(poolAxisFormula(poolAxis(4, 2, 2, 0, 0, 1, true), 'H', true).note).toBe(
      '2/2 is a whole number, so ceil mode changes nothing on this axis.',
    );
    expect(poolAxisFormula(poolAxis(4, 3, 1, 1, 1), 'H', false).worked).toBe('(4 + 2·1 − 3) + 1 = 3 + 1 = 4');
    const d = poolAxisFormula(poolAxis(7, 3, 2, 0, 0, 2), 'H', false);
    expect(d.symbolic).toBe('⌊(H + 2P − D·(K − 1) − 1)/S⌋ + 1');
    expect(d.worked).toBe('⌊(7 + 2·0 − 2·(3 − 1) − 1)/2⌋ + 1 = ⌊2/2⌋ + 1 = 1 + 1 = 2');
  });
});

describe('the PyTorch line', () => {
  it('writes the lecture’s max pooling with its stride', () => {
    expect(poolPytorchLine(defaultPool())).toBe('nn.MaxPool2d(kernel_size=2, stride=2)');
  });
  it('writes only the arguments that differ from PyTorch’s defaults', () => {
    expect(poolPytorchLine(cfgOf({ kind: 'avg', k: [3, 3], p: [1, 1], ceil: 'true', cip: 'false' }))).toBe(
      'nn.AvgPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)',
    );
    expect(poolPytorchLine(cfgOf({ k: [2, 3], s: [1, 1], p: [1, 0], d: [2, 2] }))).toBe(
      'nn.MaxPool2d(kernel_size=(2, 3), stride=1, padding=(1, 0), dilation=2)',
    );
    // count_include_pad is an average-pooling argument; a max pool never writes it.
    expect(poolPytorchLine(cfgOf({ cip: 'false' }))).toBe('nn.MaxPool2d(kernel_size=2, stride=2)');
  });
});
