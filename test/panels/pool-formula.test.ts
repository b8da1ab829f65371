import { describe, it, expect } from 'vitest';
import { poolAxis } from '../../src/engine/shapes';
import { poolAxisFormula, poolPytorchLine } from '../../src/panels/pool/formula';
import { defaultPool, type PoolConfig } from '../../src/state/views/pool';
import { pool } from '../../src/i18n/pool';

const en = pool.en;
const ko = pool.ko;

const cfgOf = (patch: Partial<PoolConfig>): PoolConfig => ({ ...defaultPool(), ...patch });

describe('the pooling output-size formula', () => {
  it('4 wide, window 2, stride 2: ⌊(4 + 2·0 − 2)/2⌋ + 1 = 2', () => {
    const f = poolAxisFormula(poolAxis(4, 2, 2, 0, 0), 'W', false, en);
    expect(f.symbolic).toBe('⌊(W + 2P − K)/S⌋ + 1');
    expect(f.worked).toBe('⌊(4 + 2·0 − 2)/2⌋ + 1 = ⌊2/2⌋ + 1 = 1 + 1 = 2');
    expect(f.result).toBe(2);
    expect(f.note).toBeNull();
  });

  it('5 wide, window 2, stride 2: the floor drops the last input column; ceil mode keeps one more window', () => {
    const floor = poolAxisFormula(poolAxis(5, 2, 2, 0, 0), 'W', false, en);
    expect(floor.worked).toBe('⌊(5 + 2·0 − 2)/2⌋ + 1 = ⌊3/2⌋ + 1 = 1 + 1 = 2');
    expect(floor.note).toContain('the floor drops the last 1 input column');
    const ceil = poolAxisFormula(poolAxis(5, 2, 2, 0, 0, 1, true), 'W', true, en);
    expect(ceil.symbolic).toBe('⌈(W + 2P − K)/S⌉ + 1');
    expect(ceil.worked).toBe('⌈(5 + 2·0 − 2)/2⌉ + 1 = ⌈3/2⌉ + 1 = 2 + 1 = 3');
    expect(ceil.note).toContain('hangs 1 cell past the padded input');
  });

  it('ceil mode drops a last window that would start in the padding after the input (PyTorch’s rule)', () => {
    // 5 tall, padding 1, window 2, stride 2: ⌈5/2⌉ + 1 = 4, but window 3 would start at 6 = H + P.
    const f = poolAxisFormula(poolAxis(5, 2, 2, 1, 1, 1, true), 'H', true, en);
    expect(f.worked).toBe('⌈(5 + 2·1 − 2)/2⌉ + 1 = ⌈5/2⌉ + 1 = 3 + 1 = 4 → 3');
    expect(f.result).toBe(3);
    expect(f.note).toContain('(4 − 1)·2 = 6, which is not before H + P = 5 + 1 = 6');
  });

  it('ceil mode changes nothing when the division is exact; stride 1 needs no rounding; dilation is written out', () => {
    expect(poolAxisFormula(poolAxis(4, 2, 2, 0, 0, 1, true), 'H', true, en).note).toBe(
      '2/2 is a whole number, so ceil mode changes nothing on this axis.',
    );
    expect(poolAxisFormula(poolAxis(4, 3, 1, 1, 1), 'H', false, en).worked).toBe('(4 + 2·1 − 3) + 1 = 3 + 1 = 4');
    const d = poolAxisFormula(poolAxis(7, 3, 2, 0, 0, 2), 'H', false, en);
    expect(d.symbolic).toBe('⌊(H + 2P − D·(K − 1) − 1)/S⌋ + 1');
    expect(d.worked).toBe('⌊(7 + 2·0 − 2·(3 − 1) − 1)/2⌋ + 1 = ⌊2/2⌋ + 1 = 1 + 1 = 2');
  });
});

describe('the pooling output-size notes in Korean', () => {
  it('read the same formula and numbers, with the note in Korean', () => {
    const f = poolAxisFormula(poolAxis(5, 2, 2, 0, 0), 'W', false, ko);
    expect(f.worked).toBe(poolAxisFormula(poolAxis(5, 2, 2, 0, 0), 'W', false, en).worked);
    expect(f.note).toBe(
      '3/2은(는) 정수가 아닙니다. 내림 때문에 어떤 윈도우도 닿지 않는 마지막 입력 1열이 버려집니다 (ceil 모드라면 윈도우를 하나 더 둡니다).',
    );
    expect(poolAxisFormula(poolAxis(4, 2, 2, 0, 0, 1, true), 'H', true, ko).note).toBe(
      '2/2은(는) 정수이므로 ceil 모드는 이 축에서 아무것도 바꾸지 않습니다.',
    );
  });

  it('explain PyTorch’s dropped last window in ceil mode with the same worked numbers', () => {
    const f = poolAxisFormula(poolAxis(5, 2, 2, 1, 1, 1, true), 'H', true, ko);
    expect(f.worked).toBe('⌈(5 + 2·1 − 2)/2⌉ + 1 = ⌈5/2⌉ + 1 = 3 + 1 = 4 → 3');
    expect(f.note).toBe(
      'ceil 모드: 마지막 윈도우는 패딩 포함 위치 (4 − 1)·2 = 6에서 시작하는데, 이는 H + P = 5 + 1 = 6보다 앞이 아닙니다. ' +
        '입력 뒤의 패딩에서 시작하게 되므로 PyTorch는 이 윈도우를 버리고 H′ = 3입니다.',
    );
  });

  it('say how far a ceil-mode window hangs past the padded input, in English and in Korean', () => {
    const g = poolAxis(5, 2, 2, 0, 0, 1, true);
    expect(poolAxisFormula(g, 'W', true, en).note).toBe(
      '3/2 is not a whole number: ceil mode keeps one more window, which starts inside the input and hangs 1 cell past the padded input (those cells are never read).',
    );
    expect(poolAxisFormula(g, 'W', true, ko).note).toBe(
      '3/2은(는) 정수가 아닙니다. ceil 모드는 입력 안에서 시작하는 윈도우를 하나 더 두며, 이 윈도우는 패딩한 입력 밖으로 1칸 걸칩니다 (그 칸은 읽지 않습니다).',
    );
  });
});

describe('the floor and padding', () => {
  it('4 tall, window 3, stride 2, padding 1: the floor leaves one padding cell unread (1 cell, 1칸)', () => {
    const g = poolAxis(4, 3, 2, 1, 1);
    expect(poolAxisFormula(g, 'H', false, en).worked).toBe('⌊(4 + 2·1 − 3)/2⌋ + 1 = ⌊3/2⌋ + 1 = 1 + 1 = 2');
    expect(poolAxisFormula(g, 'H', false, en).note).toBe(
      '3/2 is not a whole number: the floor leaves out 1 cell of padding at the end.',
    );
    expect(poolAxisFormula(g, 'H', false, ko).note).toBe(
      '3/2은(는) 정수가 아닙니다. 내림 때문에 끝의 패딩 1칸은 쓰이지 않습니다.',
    );
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
