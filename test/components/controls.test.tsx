// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/react';
import { PlaybackBar } from '../../src/components/PlaybackBar';
import { NumberField } from '../../src/components/NumberField';
import { ProblemBanner } from '../../src/components/ProblemBanner';
import { NumberEditor } from '../../src/components/NumberEditor';
import { isTypingTarget } from '../../src/components/useShortcuts';

afterEach(cleanup);

describe('PlaybackBar', () => {
  const props = {
    step: 4,
    total: 18,
    playing: false,
    speed: 2,
    speeds: [1, 2, 4],
    describe: 'filter 0, row 1, column 1',
  };
  it('says which step of how many and what it computes', () => {
    const { container } = render(<PlaybackBar {...props} onStep={() => {}} onToggle={() => {}} onSpeed={() => {}} />);
    expect(container.querySelector('.step-label')!.textContent).toBe('Step 5 of 18 · filter 0, row 1, column 1');
  });
  it('steps back and forward, jumps to both ends and toggles play', () => {
    const onStep = vi.fn();
    const onToggle = vi.fn();
    render(<PlaybackBar {...props} onStep={onStep} onToggle={onToggle} onSpeed={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Jump to the first step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Jump to the last step' }));
    expect(onStep.mock.calls).toEqual([[5], [3], [0], [17]]);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(onToggle).toHaveBeenCalledTimes(1);
  });
  it('disables going back at the first step and forward at the last', () => {
    const { rerender } = render(<PlaybackBar {...props} step={0} onStep={() => {}} onToggle={() => {}} onSpeed={() => {}} />);
    expect(screen.getByRole('button', { name: 'Previous step' })).toHaveProperty('disabled', true);
    rerender(<PlaybackBar {...props} step={17} onStep={() => {}} onToggle={() => {}} onSpeed={() => {}} />);
    expect(screen.getByRole('button', { name: 'Next step' })).toHaveProperty('disabled', true);
  });
  it('scrubs to any step on the timeline and changes speed', () => {
    const onStep = vi.fn();
    const onSpeed = vi.fn();
    render(<PlaybackBar {...props} onStep={onStep} onToggle={() => {}} onSpeed={onSpeed} />);
    fireEvent.change(screen.getByRole('slider'), { target: { value: '12' } });
    expect(onStep).toHaveBeenCalledWith(12);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '4' } });
    expect(onSpeed).toHaveBeenCalledWith(4);
  });
});

describe('NumberField', () => {
  it('passes on a whole number in range', () => {
    const onChange = vi.fn();
    render(<NumberField label="Height" value={5} min={1} max={128} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Height'), { target: { value: '12' } });
    expect(onChange).toHaveBeenCalledWith(12);
  });
  it('refuses an out-of-range value, says what is valid and keeps what was typed', () => {
    const onChange = vi.fn();
    render(<NumberField label="Kernel" value={3} min={1} max={7} onChange={onChange} />);
    const field = screen.getByLabelText('Kernel') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '9' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Kernel: 9 is out of range; use 1 to 7');
    expect(field.value).toBe('9');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });
  it('follows a value changed from outside', () => {
    const { rerender } = render(<NumberField label="Stride" value={1} min={1} max={8} onChange={() => {}} />);
    rerender(<NumberField label="Stride" value={2} min={1} max={8} onChange={() => {}} />);
    expect((screen.getByLabelText('Stride') as HTMLInputElement).value).toBe('2');
  });
});

describe('NumberEditor', () => {
  it('commits a number with a true minus sign or a hyphen on Enter', () => {
    const onCommit = vi.fn();
    render(<NumberEditor initial={1} label="Weight" onCommit={onCommit} onCancel={() => {}} />);
    const field = screen.getByLabelText('Weight');
    fireEvent.change(field, { target: { value: '−2.5' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith(-2.5);
  });
  it('refuses text that is not a number and cancels on Escape', () => {
    const onCommit = vi.fn();
    const onCancel = vi.fn();
    render(<NumberEditor initial={1} label="Weight" onCommit={onCommit} onCancel={onCancel} />);
    const field = screen.getByLabelText('Weight');
    fireEvent.change(field, { target: { value: 'abc' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/between −1000 and 1000/);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('ProblemBanner', () => {
  it('lists each problem with its key and can be dismissed', () => {
    const onDismiss = vi.fn();
    render(<ProblemBanner problems={[{ key: 'k', message: 'k=0: the kernel size must be a whole number from 1 to 11; using 3.' }]} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain('k=0: the kernel size must be a whole number from 1 to 11; using 3.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss this message' }));
    expect(onDismiss).toHaveBeenCalled();
  });
  it('renders nothing when the link was fine', () => {
    const { container } = render(<ProblemBanner problems={[]} onDismiss={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('keyboard shortcuts', () => {
  it('leave text fields alone but work on buttons, sliders and the page', () => {
    const text = document.createElement('input');
    const range = document.createElement('input');
    range.type = 'range';
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(range)).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});
