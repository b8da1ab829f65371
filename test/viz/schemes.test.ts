import { describe, it, expect } from 'vitest';
// The reference: d3-scale-chromatic itself (through d3), which the app no longer loads.
import {
  interpolateGreys as d3Greys,
  interpolateRdBu as d3RdBu,
  schemeGreys as d3SchemeGreys,
  schemeRdBu as d3SchemeRdBu,
  schemeTableau10 as d3Tableau10,
} from 'd3';
import { interpolateGreys, interpolateRdBu, schemeTableau10 } from '../../src/viz/schemes';
import { GREY_LUT, LUT_SIZE, SIGNED_LUT, makeLut } from '../../src/viz/color';

/** 0, 1 and many points between, including the knots of an 11- and a 9-colour ramp and values just beside them. */
const T_VALUES = (() => {
  const ts = new Set<number>([0, 1, 1e-9, 1 - 1e-9, 0.5]);
  for (let i = 0; i <= 1000; i++) ts.add(i / 1000);
  for (let i = 0; i < LUT_SIZE; i++) ts.add(i / (LUT_SIZE - 1));
  for (const n of [8, 10]) for (let k = 0; k <= n; k++) for (const d of [-1e-7, 0, 1e-7]) ts.add(Math.min(1, Math.max(0, k / n + d)));
  return [...ts];
})();

describe('the colour schemes copied from d3-scale-chromatic', () => {
  it('interpolateRdBu gives exactly d3-scale-chromatic’s colour string at every t', () => {
    expect(T_VALUES.length).toBeGreaterThan(1000);
    for (const t of T_VALUES) expect(interpolateRdBu(t), `t = ${t}`).toBe(d3RdBu(t));
  });

  it('interpolateGreys gives exactly d3-scale-chromatic’s colour string at every t', () => {
    for (const t of T_VALUES) expect(interpolateGreys(t), `t = ${t}`).toBe(d3Greys(t));
  });

  it('the maps end on the ColorBrewer colours, and RdBu’s middle is a light grey (a B-spline: it does not pass through the knots)', () => {
    expect(interpolateRdBu(0)).toBe('rgb(103, 0, 31)');
    expect(interpolateRdBu(0.5)).toBe('rgb(242, 239, 238)');
    expect(interpolateRdBu(1)).toBe('rgb(5, 48, 97)');
    expect(interpolateGreys(0)).toBe('rgb(255, 255, 255)');
    expect(interpolateGreys(1)).toBe('rgb(0, 0, 0)');
    // The ramps are built from the largest ColorBrewer classes, as d3's are.
    expect(d3SchemeRdBu[11]![0]).toBe('#67001f');
    expect(d3SchemeGreys[9]![8]).toBe('#000000');
  });

  it('schemeTableau10 is d3-scale-chromatic’s list of ten colours', () => {
    expect(schemeTableau10).toEqual(d3Tableau10);
    expect(schemeTableau10).toHaveLength(10);
    expect(schemeTableau10[0]).toBe('#4e79a7');
  });

  it('the lookup tables painted on canvases are those of d3-scale-chromatic’s maps', () => {
    expect(SIGNED_LUT).toEqual(makeLut((t) => d3RdBu(1 - t)));
    expect(GREY_LUT).toEqual(makeLut((t) => d3Greys(1 - t)));
  });
});
