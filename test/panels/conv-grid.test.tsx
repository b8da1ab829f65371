// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/react';
import { Grid, CELL_PENDING } from '../../src/components/Grid';
import { numberCell, numberFont } from '../../src/panels/conv/ConvMaps';

afterEach(cleanup);

// What the convolution view asks of the shared Grid: its words for a pending cell, and larger
// numbers in presentation mode. Without these props the grid behaves as before.
describe('Grid props used by the convolution view', () => {
  const values = Float32Array.from([1, -2, 0.5, 0]);
  const kinds = Uint8Array.from([0, 0, CELL_PENDING, CELL_PENDING]);

  it('says a pending cell is not computed yet in the words it is given', () => {
    render(
      <Grid rows={2} cols={2} values={values} kinds={kinds} maxAbs={2} cell={30} label="출력" pendingText="아직 계산하지 않음" describe={(r, c) => `${r}행 ${c}열`} />,
    );
    const grid = screen.getByRole('grid', { name: '출력' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' }); // selects (0, 0)
    fireEvent.keyDown(grid, { key: 'ArrowDown' }); // (1, 0): pending
    expect(screen.getByText('1행 0열: 아직 계산하지 않음')).toBeTruthy();
  });

  it('keeps the English default when no words are given', () => {
    render(<Grid rows={2} cols={2} values={values} kinds={kinds} maxAbs={2} cell={30} label="g" />);
    const grid = screen.getByRole('grid', { name: 'g' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(screen.getByText('row 1, column 0: not computed yet')).toBeTruthy();
  });

  it('draws the numbers at the font size it is given, else at 36% of the cell up to 16 px', () => {
    const { container, rerender } = render(<Grid rows={2} cols={2} values={values} maxAbs={2} cell={30} label="g" />);
    expect(container.querySelector('g[font-size]')!.getAttribute('font-size')).toBe(String(30 * 0.36));
    rerender(<Grid rows={2} cols={2} values={values} maxAbs={2} cell={60} label="g" />);
    expect(container.querySelector('g[font-size]')!.getAttribute('font-size')).toBe('16');
    rerender(<Grid rows={2} cols={2} values={values} maxAbs={2} cell={60} label="g" fontSize={27} />);
    expect(container.querySelector('g[font-size]')!.getAttribute('font-size')).toBe('27');
  });
});

describe('the font of a grid’s numbers in the convolution view', () => {
  it('presenting, is half the cell for one-digit integers (−2…2 in 40-pixel cells: 20 px)', () => {
    expect(numberFont(40, 2, true, true)).toBe(20);
  });
  it('presenting, shrinks for wider numbers so they stay inside the cell: −10 in 40-pixel cells', () => {
    // a minus and two digits: 0.84 + 2 · 0.64 = 2.12 em; 40 · 0.86 / 2.12 = 16.22…
    expect(numberFont(40, 10, true, true)).toBeCloseTo(16.226, 2);
  });
  it('leaves room for 3.1 em (−0.25) when values are not whole numbers', () => {
    // 62 · 0.86 / 3.1 = 17.2 presenting; 30 · 0.86 / 3.1 = 8.32 otherwise
    expect(numberFont(62, 1, false, true)).toBeCloseTo(17.2, 5);
    expect(numberFont(30, 1, false, false)).toBeCloseTo(8.323, 2);
  });
  it('leaves whole numbers to the grid’s own size outside presentation mode', () => {
    expect(numberFont(40, 2, true, false)).toBeUndefined();
  });
  it('is at most 32 px presenting (16 px otherwise) and never below 9 px presenting', () => {
    expect(numberFont(200, 1, true, true)).toBe(32);
    expect(numberFont(200, 1, false, false)).toBe(16);
    expect(numberFont(10, 1000, true, true)).toBe(9);
  });
  it('shows decimals from 28-pixel cells and whole numbers from 22', () => {
    expect(numberCell(false)).toBe(28);
    expect(numberCell(true)).toBe(22);
  });
});
