// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { readCssRgb } from '../../src/viz/cssColor';

// The browser's own resolution (light-dark() per theme) is checked in Chromium: test/e2e/shell.spec.ts
// reads a canvas grid's padding pixels in each theme.
describe('readCssRgb', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('style');
  });

  it('falls back where the DOM does not resolve the variable, and leaves no probe behind', () => {
    document.documentElement.style.setProperty('--pad-fill', 'light-dark(#e2e8f0, #273244)');
    const before = document.body.childElementCount;
    // jsdom computes no light-dark(); whatever it gives is either the light colour or the fallback.
    expect(['226,232,240', '1,2,3']).toContain(readCssRgb('--pad-fill', [1, 2, 3]).join());
    expect(readCssRgb('--missing', [1, 2, 3])).toEqual([1, 2, 3]);
    expect(document.body.childElementCount).toBe(before);
  });
});
