/**
 * Theme colours read from the page's stylesheet, for painting that CSS does not reach (canvas pixels).
 *
 * A theme variable is written as `light-dark(#e2e8f0, #273244)`, and what it stands for depends on the
 * theme shown. So a colour is read the way the page uses it: as the background of a hidden probe
 * element, which the browser computes to `rgb(…)` for the theme shown (d3 parses it). A background
 * rather than a text colour, because `background-color` is not inherited: a variable that is missing or
 * not a colour leaves the probe transparent instead of handing it its parent's text colour.
 */
import { color } from 'd3';

export type Rgb = [number, number, number];

/**
 * The colour a CSS variable of the page (`--pad-fill`, …) resolves to for the theme shown, as opaque
 * RGB; `fallback` when it cannot be read: no document, a variable that is missing, not a colour or
 * transparent, or a DOM that does not compute colours (jsdom returns the declared text).
 */
export function readCssRgb(name: string, fallback: Rgb): Rgb {
  if (typeof document === 'undefined' || !document.body) return fallback;
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.backgroundColor = `var(${name})`;
  document.body.appendChild(probe);
  try {
    const c = color(getComputedStyle(probe).backgroundColor)?.rgb();
    return c && c.opacity > 0 ? [Math.round(c.r), Math.round(c.g), Math.round(c.b)] : fallback;
  } catch {
    return fallback;
  } finally {
    probe.remove();
  }
}
