/**
 * Where every value of the tensor is drawn (pure geometry). N×C×H×W: samples side by side (columns),
 * channels stacked (rows), each H×W map a small grid with its group's badge above it. N×D: a plain
 * matrix, one row per sample and one column per feature.
 */

export interface TensorShape {
  layout: 'nchw' | 'nd';
  n: number;
  c: number;
  h: number;
  w: number;
}

export interface TensorGeometry extends TensorShape {
  cell: number;
  /** How much larger labels and badges are drawn (1, or larger in presentation mode). */
  scale: number;
  /** Size of one map in pixels (one cell in the N×D layout). */
  mapW: number;
  mapH: number;
  /** Distance from one map to the next, across (samples) and down (channels). */
  pitchX: number;
  pitchY: number;
  /** Height of the badge strip above each map (0 for N×D). */
  badge: number;
  /** Where the first map's first cell is. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Width of the row labels and height of the column labels. */
export const LABEL_W = 74;
export const HEADER_H = 18;
export const BADGE_H = 16;
const GAP_X = 12;
const GAP_Y = 6;

/**
 * The geometry of a tensor drawn at `cell` pixels per value, its labels and badges `scale` times
 * their usual size (presentation mode).
 */
export function tensorGeometry(shape: TensorShape, cell: number, scale = 1): TensorGeometry {
  const nd = shape.layout === 'nd';
  const h = nd ? 1 : shape.h;
  const w = nd ? 1 : shape.w;
  const mapW = w * cell;
  const mapH = h * cell;
  const badge = nd ? 0 : Math.round(BADGE_H * scale);
  const pitchX = nd ? cell : mapW + GAP_X;
  const pitchY = nd ? cell : badge + mapH + GAP_Y;
  const left = Math.round(LABEL_W * scale);
  const top = Math.round(HEADER_H * scale) + badge;
  // N×C×H×W: samples across, channels down. N×D: features across, samples down.
  const across = nd ? shape.c : shape.n;
  const down = nd ? shape.n : shape.c;
  const width = left + (across - 1) * pitchX + mapW + 2;
  const height = top + (down - 1) * pitchY + mapH + 2;
  return { ...shape, h, w, cell, scale, mapW, mapH, pitchX, pitchY, badge, left, top, width, height };
}

/** The top-left corner of map (n, c) (cell (n, d) in the N×D layout). */
export function mapOrigin(g: TensorGeometry, n: number, c: number): [number, number] {
  return g.layout === 'nd'
    ? [g.left + c * g.pitchX, g.top + n * g.pitchY]
    : [g.left + n * g.pitchX, g.top + c * g.pitchY];
}

/** The flat NCHW index of (n, c, r, q). */
export function flatIndex(g: TensorShape, n: number, c: number, r: number, q: number): number {
  return g.layout === 'nd' ? n * g.c + c : ((n * g.c + c) * g.h + r) * g.w + q;
}

/** The (n, c, row, column) of a flat index. */
export function coordsOf(g: TensorShape, flat: number): { n: number; c: number; r: number; q: number } {
  if (g.layout === 'nd') return { n: Math.floor(flat / g.c), c: flat % g.c, r: 0, q: 0 };
  const q = flat % g.w;
  const r = Math.floor(flat / g.w) % g.h;
  const c = Math.floor(flat / (g.w * g.h)) % g.c;
  const n = Math.floor(flat / (g.w * g.h * g.c));
  return { n, c, r, q };
}

/** The top-left corner of the cell holding `flat`. */
export function cellOrigin(g: TensorGeometry, flat: number): [number, number] {
  const { n, c, r, q } = coordsOf(g, flat);
  const [x, y] = mapOrigin(g, n, c);
  return [x + q * g.cell, y + r * g.cell];
}

/** The flat index under a point (pixels from the drawing's top-left), or null in a gap or label. */
export function flatAt(g: TensorGeometry, px: number, py: number): number | null {
  const x = px - g.left;
  const y = py - g.top;
  if (x < 0 || y < 0) return null;
  const i = Math.floor(x / g.pitchX);
  const j = Math.floor(y / g.pitchY);
  const across = g.layout === 'nd' ? g.c : g.n;
  const down = g.layout === 'nd' ? g.n : g.c;
  if (i >= across || j >= down) return null;
  const q = Math.floor((x - i * g.pitchX) / g.cell);
  const r = Math.floor((y - j * g.pitchY) / g.cell);
  if (q >= g.w || r >= g.h) return null;
  return g.layout === 'nd' ? flatIndex(g, j, i, 0, 0) : flatIndex(g, i, j, r, q);
}

/**
 * The cell grid as one big table for keyboard moves: row R and column Q of `flat`. N×C×H×W: R = c·H + r,
 * Q = n·W + q; N×D: R = n, Q = d.
 */
export function tableOf(g: TensorShape, flat: number): [number, number] {
  const { n, c, r, q } = coordsOf(g, flat);
  return g.layout === 'nd' ? [n, c] : [c * g.h + r, n * g.w + q];
}

/** The flat index at table row R, column Q (clamped to the table). */
export function flatOfTable(g: TensorShape, R: number, Q: number): number {
  const rows = g.layout === 'nd' ? g.n : g.c * g.h;
  const cols = g.layout === 'nd' ? g.c : g.n * g.w;
  const rr = Math.max(0, Math.min(rows - 1, R));
  const qq = Math.max(0, Math.min(cols - 1, Q));
  if (g.layout === 'nd') return flatIndex(g, rr, qq, 0, 0);
  return flatIndex(g, Math.floor(qq / g.w), Math.floor(rr / g.h), rr % g.h, qq % g.w);
}

/** An SVG path of rectangles. */
const rect = (x: number, y: number, w: number, h: number) => `M${x} ${y}h${w}v${h}h${-w}Z`;

/** Outlines of whole maps. */
export function mapsPath(g: TensorGeometry, maps: readonly (readonly [number, number])[], inset = 0): string {
  return maps
    .map(([n, c]) => {
      const [x, y] = mapOrigin(g, n, c);
      return rect(x - inset, y - inset, g.mapW + 2 * inset, g.mapH + 2 * inset);
    })
    .join('');
}

/**
 * The first `count` members of a group whose maps are `maps` (members run map by map, row by row):
 * whole maps, then whole rows, then the start of a row, as few rectangles as that takes.
 */
export function prefixPath(
  g: TensorGeometry,
  maps: readonly (readonly [number, number])[],
  count: number,
): string {
  const per = g.h * g.w;
  let left = count;
  let d = '';
  for (const [n, c] of maps) {
    if (left <= 0) break;
    const [x, y] = mapOrigin(g, n, c);
    if (left >= per) {
      d += rect(x, y, g.mapW, g.mapH);
      left -= per;
      continue;
    }
    const rows = Math.floor(left / g.w);
    if (rows > 0) d += rect(x, y, g.mapW, rows * g.cell);
    const rest = left % g.w;
    if (rest > 0) d += rect(x, y + rows * g.cell, rest * g.cell, g.cell);
    left = 0;
  }
  return d;
}

/** Everything after the first `count` members of a group: the complement of `prefixPath` within its maps. */
export function suffixPath(
  g: TensorGeometry,
  maps: readonly (readonly [number, number])[],
  count: number,
): string {
  const per = g.h * g.w;
  let skip = count;
  let d = '';
  for (const [n, c] of maps) {
    const [x, y] = mapOrigin(g, n, c);
    if (skip >= per) {
      skip -= per;
      continue;
    }
    if (skip <= 0) {
      d += rect(x, y, g.mapW, g.mapH);
      continue;
    }
    const rows = Math.floor(skip / g.w);
    const rest = skip % g.w;
    if (rest > 0) d += rect(x + rest * g.cell, y + rows * g.cell, (g.w - rest) * g.cell, g.cell);
    const full = rows + (rest > 0 ? 1 : 0);
    if (full < g.h) d += rect(x, y + full * g.cell, g.mapW, (g.h - full) * g.cell);
    skip = 0;
  }
  return d;
}

/** One cell's outline. */
export function cellPath(g: TensorGeometry, flat: number): string {
  const [x, y] = cellOrigin(g, flat);
  return rect(x, y, g.cell, g.cell);
}
