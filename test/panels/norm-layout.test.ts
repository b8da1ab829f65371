import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BADGE_H,
  HEADER_H,
  LABEL_W,
  cellOrigin,
  coordsOf,
  flatAt,
  flatIndex,
  flatOfTable,
  mapOrigin,
  prefixPath,
  suffixPath,
  tableOf,
  tensorGeometry,
  type TensorShape,
} from '../../src/panels/norm/layout';

/** The number of cells a path of `M x yhW vH h−W Z` rectangles covers, at `cell` pixels per cell. */
function cellsIn(path: string, cell: number): number {
  let total = 0;
  for (const m of path.matchAll(/M[-\d.]+ [-\d.]+h([-\d.]+)v([-\d.]+)/g))
    total += (Number(m[1]) / cell) * (Number(m[2]) / cell);
  return Math.round(total);
}

describe('where the tensor is drawn', () => {
  const shape: TensorShape = { layout: 'nchw', n: 2, c: 3, h: 4, w: 5 };

  it('samples side by side and channels stacked: map (1, 2) of 4×5 cells of 10 px', () => {
    const g = tensorGeometry(shape, 10);
    // across: one map of 50 px plus a gap of 12; down: a badge, 40 px of map and a gap of 6
    expect(mapOrigin(g, 0, 0)).toEqual([LABEL_W, HEADER_H + BADGE_H]);
    expect(mapOrigin(g, 1, 2)).toEqual([LABEL_W + 62, HEADER_H + BADGE_H + 2 * (BADGE_H + 46)]);
    expect(g.width).toBe(LABEL_W + 62 + 50 + 2);
  });

  it('in presentation mode (scale 1.5) the labels and badges take 1.5 times the room; the cells do not move within a map', () => {
    const g = tensorGeometry(shape, 10, 1.5);
    // labels 74 → 111 px wide, header 18 → 27 px, badges 16 → 24 px
    expect(mapOrigin(g, 0, 0)).toEqual([111, 27 + 24]);
    expect(mapOrigin(g, 1, 2)).toEqual([111 + 62, 27 + 24 + 2 * (24 + 46)]);
    expect(g.scale).toBe(1.5);
    expect(tensorGeometry(shape, 10).scale).toBe(1);
  });

  it('an N×D matrix has one row per sample and one column per feature', () => {
    const g = tensorGeometry({ layout: 'nd', n: 3, c: 4, h: 9, w: 9 }, 20);
    expect(cellOrigin(g, 1 * 4 + 2)).toEqual([LABEL_W + 40, HEADER_H + 20]);
    expect(flatAt(g, LABEL_W + 45, HEADER_H + 25)).toBe(6);
  });

  it('every cell is found again under its own centre, and nothing is found in the gaps', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 4 }),
          c: fc.integer({ min: 1, max: 4 }),
          h: fc.integer({ min: 1, max: 5 }),
          w: fc.integer({ min: 1, max: 5 }),
        }),
        fc.integer({ min: 4, max: 40 }),
        fc.boolean(),
        (s, cell, nd) => {
          const g = tensorGeometry({ ...s, layout: nd ? 'nd' : 'nchw' }, cell);
          const size = nd ? s.n * s.c : s.n * s.c * s.h * s.w;
          for (let i = 0; i < size; i++) {
            const [x, y] = cellOrigin(g, i);
            expect(flatAt(g, x + cell / 2, y + cell / 2)).toBe(i);
            const [R, Q] = tableOf(g, i);
            expect(flatOfTable(g, R, Q)).toBe(i);
            const { n, c, r, q } = coordsOf(g, i);
            expect(flatIndex(g, n, c, r, q)).toBe(i);
          }
          if (!nd && s.n > 1) {
            const [x, y] = mapOrigin(g, 0, 0);
            expect(flatAt(g, x + g.mapW + 6, y + 1)).toBeNull();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the keyboard table clamps at its edges', () => {
    expect(flatOfTable(shape, -1, 0)).toBe(0);
    // row 0, last column: sample 1, channel 0, row 0, column 4
    expect(flatOfTable(shape, 0, 99)).toBe(flatIndex(shape, 1, 0, 0, 4));
  });

  it('a prefix of a group’s members and its complement cover the group exactly once', () => {
    const g = tensorGeometry(shape, 10);
    const maps: [number, number][] = [
      [0, 1],
      [1, 1],
    ];
    for (let k = 0; k <= 40; k++) {
      expect(cellsIn(prefixPath(g, maps, k), 10)).toBe(k);
      expect(cellsIn(suffixPath(g, maps, k), 10)).toBe(40 - k);
    }
  });
});
