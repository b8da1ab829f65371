// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/react';
import { Grid, CELL_PAD, CELL_PENDING } from '../../src/components/Grid';

afterEach(cleanup);

describe('Grid', () => {
  const values = Float32Array.from([1, -2, 0.5, 0]);
  it('draws small grids as SVG with each number, a true minus sign and padding as 0', () => {
    const kinds = Uint8Array.from([0, 0, 0, CELL_PAD]);
    const { container } = render(<Grid rows={2} cols={2} values={values} kinds={kinds} maxAbs={2} cell={30} label="test grid" />);
    expect([...container.querySelectorAll('svg text')].map((t) => t.textContent)).toEqual(['1', '−2', '0.5', '0']);
  });
  it('leaves cells that are not computed yet blank', () => {
    const kinds = Uint8Array.from([0, 0, CELL_PENDING, CELL_PENDING]);
    const { container } = render(<Grid rows={2} cols={2} values={values} kinds={kinds} maxAbs={2} cell={30} label="g" />);
    expect(container.querySelectorAll('svg text')).toHaveLength(2);
  });
  it('shows colours only when cells are too small for numbers', () => {
    const { container } = render(<Grid rows={2} cols={2} values={values} maxAbs={2} cell={12} label="g" />);
    expect(container.querySelectorAll('svg text')).toHaveLength(0);
    expect(container.querySelectorAll('svg rect')).toHaveLength(4);
  });
  it('paints large grids on a canvas instead of thousands of SVG cells', () => {
    const big = new Float32Array(100 * 100);
    const { container } = render(<Grid rows={100} cols={100} values={big} maxAbs={1} cell={3} label="g" />);
    expect(container.querySelectorAll('canvas')).toHaveLength(1);
    expect(container.querySelectorAll('svg rect')).toHaveLength(0);
  });
  it('draws every overlay of one kind as a single path', () => {
    const { container } = render(
      <Grid rows={2} cols={2} values={values} maxAbs={2} cell={30} label="g" overlays={[
        { r: 0, c: 0, h: 1, w: 1, kind: 'feed' },
        { r: 1, c: 1, h: 1, w: 1, kind: 'feed' },
        { r: 0, c: 0, h: 2, w: 2, kind: 'window' },
      ]} />,
    );
    expect(container.querySelectorAll('path.overlay-feed')).toHaveLength(1);
    expect(container.querySelector('path.overlay-feed')!.getAttribute('d')).toBe('M0 0h30v30h-30ZM30 30h30v30h-30Z');
    expect(container.querySelectorAll('path.overlay-window')).toHaveLength(1);
  });
  it('is one tab stop: arrow keys select a cell, Enter activates it, and the caption reads its value', () => {
    const onFocusCell = vi.fn();
    const onActivate = vi.fn();
    render(<Grid rows={2} cols={2} values={values} maxAbs={2} cell={30} label="weights" onFocusCell={onFocusCell} onActivate={onActivate} />);
    const grid = screen.getByRole('grid', { name: 'weights' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' }); // first press selects (0, 0)
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowRight' }); // stays at the edge
    expect(onFocusCell.mock.calls).toEqual([[0, 0], [0, 1], [0, 1]]);
    expect(screen.getByText('row 0, column 1: −2')).toBeTruthy();
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledWith(0, 1);
  });
});
