// @vitest-environment jsdom
import { describe, it, expect, afterEach, vi } from 'vitest';
import { createElement, useState } from 'react';
import { render, screen, fireEvent, cleanup, act } from '@testing-library/react';
import { NumberField, parseDecimal } from '../../src/components/NumberField';
import { getAppStore } from '../../src/state/store';

afterEach(() => cleanup());

function Harness(props: { decimal?: boolean; min: number; max: number; initial: number; onChange: (v: number) => void; check?: (v: number) => string | null }) {
  const [value, setValue] = useState(props.initial);
  return createElement(NumberField, {
    label: 'Offset',
    value,
    min: props.min,
    max: props.max,
    decimal: props.decimal,
    check: props.check,
    testId: 'field',
    onChange: (v: number) => {
      props.onChange(v);
      setValue(v);
    },
  });
}

describe('parseDecimal', () => {
  it('reads what people type: decimals, a true minus, exponents, a decimal comma; nothing else', () => {
    expect(parseDecimal(' 1.5 ')).toBe(1.5);
    expect(parseDecimal('−2')).toBe(-2);
    expect(parseDecimal('1e-5')).toBe(0.00001);
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal('.25')).toBe(0.25);
    for (const bad of ['', 'abc', '1.2.3', '--1', 'Infinity', '1e999', '0x10']) expect(parseDecimal(bad), bad).toBeNull();
  });
});

describe('NumberField', () => {
  it('whole numbers: a decimal is refused with the valid range, the typed text is kept, the value unchanged', () => {
    getAppStore().getState().setLang('en');
    const onChange = vi.fn();
    render(createElement(Harness, { min: 1, max: 8, initial: 3, onChange }));
    const input = screen.getByTestId('field') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2.5' } });
    expect(screen.getByRole('alert').textContent).toBe('Offset: enter a whole number from 1 to 8');
    expect(input.value).toBe('2.5');
    fireEvent.change(input, { target: { value: '9' } });
    expect(screen.getByRole('alert').textContent).toContain('9');
    fireEvent.change(input, { target: { value: '5' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onChange.mock.calls).toEqual([[5]]);
  });

  it('whole numbers: a text field with the spin-button role; ↑ and ↓ step by one within the range', () => {
    getAppStore().getState().setLang('en');
    const onChange = vi.fn();
    render(createElement(Harness, { min: 1, max: 4, initial: 3, onChange }));
    const input = screen.getByRole('spinbutton', { name: 'Offset' }) as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.getAttribute('aria-valuenow')).toBe('3');
    expect([input.getAttribute('aria-valuemin'), input.getAttribute('aria-valuemax')]).toEqual(['1', '4']);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.value).toBe('4');
    expect(input.getAttribute('aria-valuenow')).toBe('4');
    fireEvent.keyDown(input, { key: 'ArrowUp' }); // at the top already
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.value).toBe('2');
    expect(onChange.mock.calls).toEqual([[4], [3], [2]]);
    // A true minus sign is read too (a number input would have refused it).
    fireEvent.change(input, { target: { value: '−1' } });
    expect(screen.getByRole('alert').textContent).toContain('−1');
    expect(input.value).toBe('−1');
  });

  it('decimal mode: takes −1.5 and 0,25, refuses text and out-of-range values, and applies an extra rule', () => {
    getAppStore().getState().setLang('en');
    const onChange = vi.fn();
    render(createElement(Harness, { decimal: true, min: -100, max: 100, initial: 0, onChange, check: (v: number) => (v === 0 ? 'must not be 0' : null) }));
    const input = screen.getByTestId('field') as HTMLInputElement;
    expect(input.type).toBe('text');
    fireEvent.change(input, { target: { value: '−1.5' } });
    fireEvent.change(input, { target: { value: '0,25' } });
    expect(onChange.mock.calls).toEqual([[-1.5], [0.25]]);
    fireEvent.change(input, { target: { value: 'x' } });
    expect(screen.getByRole('alert').textContent).toBe('Offset: enter a number from −100 to 100');
    fireEvent.change(input, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('Offset: must not be 0');
    fireEvent.change(input, { target: { value: '250' } });
    expect(screen.getByRole('alert').textContent).toContain('250');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('in Korean, the messages are Korean', () => {
    getAppStore().getState().setLang('ko');
    render(createElement(Harness, { decimal: true, min: 0, max: 10, initial: 1, onChange: () => {} }));
    fireEvent.change(screen.getByTestId('field'), { target: { value: '?' } });
    expect(screen.getByRole('alert').textContent).toBe('Offset: 0부터 10까지의 수를 입력하세요');
    getAppStore().getState().setLang('en');
  });

  it('a message already shown follows a change of language, and the typed text stays', () => {
    getAppStore().getState().setLang('ko');
    render(createElement(Harness, { min: 1, max: 8, initial: 3, onChange: () => {} }));
    const input = screen.getByTestId('field') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '20' } });
    expect(screen.getByRole('alert').textContent).toContain('범위를 벗어납니다');
    act(() => getAppStore().getState().setLang('en'));
    expect(screen.getByRole('alert').textContent).toBe('Offset: 20 is out of range; use 1 to 8');
    expect(input.value).toBe('20');
  });
});
