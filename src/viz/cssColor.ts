/**
 * Theme colours read from the page's stylesheet, for painting that CSS does not reach (canvas pixels).
 *
 * A theme variable's own computed value is not a dependable colour: the variables are not registered,
 * and how a browser serializes `light-dark(#e2e8f0, #273244)` there varies (left as that text, or
 * resolved, as Chromium 156 does, to hex, with alpha as eight digits). A colour is therefore read the
 * way the page uses it: as the background of a hidden probe element, which the browser computes to
 * `rgb(…)` for the theme shown. A background rather than a text colour, because `background-color`
 * is not inherited: a variable that is missing or not a colour leaves the probe transparent (read as
 * "no colour") instead of handing it its parent's text colour.
 */

/** Red, green, blue, 0–255, and alpha, 0–1. */
export type Rgba = [number, number, number, number];
export type Rgb = [number, number, number];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A channel of rgb(): a number (0–255) or a percentage; `none` is 0. */
function channel(token: string): number {
  if (token === 'none') return 0;
  const v = parseFloat(token);
  return token.endsWith('%') ? (v / 100) * 255 : v;
}

/** A channel of color(srgb …): a number (0–1) or a percentage; `none` is 0. */
function unitChannel(token: string): number {
  if (token === 'none') return 0;
  const v = parseFloat(token);
  return (token.endsWith('%') ? v / 100 : v) * 255;
}

/** An alpha: a number (0–1) or a percentage; `none` is 0; missing is 1. */
function alpha(token: string | undefined): number {
  if (token === undefined) return 1;
  if (token === 'none') return 0;
  const v = parseFloat(token);
  return token.endsWith('%') ? v / 100 : v;
}

const NUMBER = /^(?:none|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?)$/i;

/**
 * Parses a colour as browsers compute it: `rgb(r, g, b)`, `rgba(r, g, b, a)`, their space-separated
 * forms (`rgb(r g b / a)`), `color(srgb r g b / a)`, or hex (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`).
 * Channels are rounded to bytes. Null for anything else (a keyword, another colour space, unresolved
 * text such as `var(--x)` or `light-dark(…)`).
 */
export function parseCssColor(text: string): Rgba | null {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((h) => h + h).join('') : hex;
    const bytes = [0, 2, 4, 6].map((i) => (i < full.length ? parseInt(full.slice(i, i + 2), 16) : 255));
    return [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]! / 255];
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(s);
  if (!fn) return null;
  let body = fn[2]!.trim();
  let space = 'rgb';
  if (fn[1] === 'color') {
    const m = /^(srgb)\s+(.*)$/.exec(body);
    if (!m) return null;
    space = 'srgb';
    body = m[2]!;
  }
  // Either "a, b, c[, d]" or "a b c[ / d]".
  let tokens: string[];
  let a: string | undefined;
  if (body.includes(',')) {
    tokens = body.split(',').map((t) => t.trim());
    if (space !== 'rgb' || tokens.length < 3 || tokens.length > 4) return null;
    a = tokens[3];
    tokens = tokens.slice(0, 3);
  } else {
    const [main, rest, ...extra] = body.split('/');
    if (extra.length > 0) return null;
    tokens = main!.trim().split(/\s+/);
    if (tokens.length !== 3) return null;
    a = rest?.trim();
  }
  if (![...tokens, ...(a === undefined ? [] : [a])].every((t) => NUMBER.test(t))) return null;
  const read = space === 'srgb' ? unitChannel : channel;
  const [r, g, b] = tokens.map((t) => Math.round(clamp(read(t), 0, 255)));
  return [r!, g!, b!, clamp(alpha(a), 0, 1)];
}

/**
 * The colour a CSS variable of the page (`--pad-fill`, …) resolves to for the theme shown, or null
 * when it cannot be read: no document, a variable that is missing or not a colour, or a DOM that
 * does not compute colours (jsdom returns the declared text, which does not parse).
 */
export function readCssColor(name: string): Rgba | null {
  if (typeof document === 'undefined' || !document.body) return null;
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.setAttribute('aria-hidden', 'true');
  probe.style.backgroundColor = `var(${name})`;
  document.body.appendChild(probe);
  try {
    return parseCssColor(getComputedStyle(probe).backgroundColor);
  } catch {
    return null;
  } finally {
    probe.remove();
  }
}

/** As readCssColor, as opaque RGB; `fallback` when unreadable or fully transparent. */
export function readCssRgb(name: string, fallback: Rgb): Rgb {
  const c = readCssColor(name);
  return c && c[3] > 0 ? [c[0], c[1], c[2]] : fallback;
}
