import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import { interpolateRgb } from 'd3';
import { GREY_LUT, SIGNED_LUT, paletteIndex, paletteScale, textColorOn, type Palette } from '../viz/color';
import { readCssRgb } from '../viz/cssColor';

const fade = (color: string) => interpolateRgb(color, '#ffffff')(0.6);
import { formatCell, formatValue } from '../viz/format';

/** What a cell holds: a value, padding (a zero that is not part of the input), a value not yet computed, or a value the floor leaves unused. */
export const CELL_VALUE = 0;
export const CELL_PAD = 1;
export const CELL_PENDING = 2;
export const CELL_UNUSED = 3;

/** A rectangle drawn over the grid, in cell coordinates. */
export interface Overlay {
  r: number;
  c: number;
  h: number;
  w: number;
  kind: 'window' | 'focus' | 'feed' | 'active';
}

export interface GridProps {
  rows: number;
  cols: number;
  /** rows·cols values, row-major. */
  values: ArrayLike<number>;
  /** Optional per-cell kind (CELL_*). */
  kinds?: Uint8Array;
  /**
   * Cells from this row-major index on are still to be computed (drawn as pending), over `kinds`.
   * Cheaper than a new `kinds` array per step: a canvas grid then repaints two rectangles, not every cell.
   */
  done?: number;
  /** Magnitude at the ends of the colour map. */
  maxAbs: number;
  /** Signed values around zero (default), or non-negative values from black to white. */
  palette?: Palette;
  /** Cell size in CSS pixels. */
  cell: number;
  /** Rectangles and marks over the grid. */
  overlays?: Overlay[];
  /** Accessible name, e.g. "Input channel 1, 7 by 7 with padding". */
  label: string;
  /** Called with the hovered or keyboard-selected cell, or null when it leaves. */
  onFocusCell?: (r: number, c: number) => void;
  onBlurCell?: () => void;
  /** Called on click or Enter. */
  onActivate?: (r: number, c: number) => void;
  /** Tells a value's role in the caption, e.g. "padding". */
  describe?: (r: number, c: number, v: number, kind: number) => string;
  /** Draws every cell on a canvas (for large maps) instead of SVG. */
  forceCanvas?: boolean;
  /** The value a padding cell stands for, shown as its number and in the caption (default 0; max pooling uses −Infinity). */
  padValue?: number;
  /** Said after a cell's name in the caption when it is not computed yet (default "not computed yet"). */
  pendingText?: string;
  /** Font size of the numbers in the cells, in CSS pixels (default: 36% of the cell, 9 to 16 px); presentation mode sets larger ones. */
  fontSize?: number;
  testId?: string;
}

/** The smallest cell that shows its number; below it, colour only (hover shows the value). */
export const NUMBER_MIN_CELL = 22;

const SVG_MAX_CELLS = 1600;
/** Drawn in this order, each kind as one path, so thousands of outlines cost one DOM node. */
const OVERLAY_KINDS = ['feed', 'window', 'focus', 'active'] as const;

/**
 * The theme the page shows, as a key that changes when it does (the header's choice on <html>, or the
 * system's dark mode when the choice is "System"). One observer serves every canvas grid.
 */
const themeListeners = new Set<() => void>();
let themeWatch: (() => void) | null = null;
function subscribeTheme(listener: () => void): () => void {
  themeListeners.add(listener);
  if (!themeWatch && typeof window !== 'undefined') {
    const notify = () => themeListeners.forEach((l) => l());
    const observer = new MutationObserver(notify);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', notify);
    themeWatch = () => {
      observer.disconnect();
      media?.removeEventListener('change', notify);
    };
  }
  return () => {
    themeListeners.delete(listener);
    if (themeListeners.size === 0 && themeWatch) {
      themeWatch();
      themeWatch = null;
    }
  };
}
let darkQuery: MediaQueryList | null | undefined;
const themeKey = () => {
  if (typeof document === 'undefined') return '';
  darkQuery ??= window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
  return `${document.documentElement.dataset.theme ?? ''}:${darkQuery?.matches ? 'dark' : 'light'}`;
};

/** Theme colours read once per theme: reading computed style in every repaint would force a style pass per frame. */
const rgbCache = new Map<string, [number, number, number]>();

/** A theme colour of the page (`--pad-fill`, …) as RGB, as the theme shows it; `fallback` when unreadable. */
function cssRgb(name: string, fallback: [number, number, number], theme: string): [number, number, number] {
  const key = `${theme}|${name}`;
  const cached = rgbCache.get(key);
  if (cached) return cached;
  const rgb = readCssRgb(name, fallback);
  rgbCache.set(key, rgb);
  return rgb;
}

/** Paints the value layer of a large grid into a canvas, one pixel per cell, stretched by CSS. */
function CanvasLayer({ rows, cols, values, kinds, done, maxAbs, palette = 'signed' }: Pick<GridProps, 'rows' | 'cols' | 'values' | 'kinds' | 'done' | 'maxAbs' | 'palette'>) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Padding and pending cells are chrome: they follow the theme (values keep their colours).
  const theme = useSyncExternalStore(subscribeTheme, themeKey, () => '');
  // Every cell's colour, computed when the values change, not when a step fills one more cell.
  const base = useMemo(() => {
    if (typeof ImageData === 'undefined') return null;
    const padRgb = cssRgb('--pad-fill', [226, 232, 240], theme);
    const pendingRgb = cssRgb('--pending-fill', [248, 250, 252], theme);
    const img = new ImageData(cols, rows);
    const px = img.data;
    for (let i = 0; i < rows * cols; i++) {
      const kind = kinds ? kinds[i] : CELL_VALUE;
      let r: number, g: number, b: number;
      if (kind === CELL_PAD) [r, g, b] = padRgb;
      else if (kind === CELL_PENDING) [r, g, b] = pendingRgb;
      else {
        const lut = palette === 'grey' ? GREY_LUT : SIGNED_LUT;
        const j = paletteIndex(palette, values[i]!, maxAbs) * 3;
        [r, g, b] = [lut[j]!, lut[j + 1]!, lut[j + 2]!];
        if (kind === CELL_UNUSED) [r, g, b] = [(r + 255) / 2, (g + 255) / 2, (b + 255) / 2];
      }
      px[i * 4] = r;
      px[i * 4 + 1] = g;
      px[i * 4 + 2] = b;
      px[i * 4 + 3] = 255;
    }
    return img;
  }, [rows, cols, values, kinds, maxAbs, palette, theme]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !base) return;
    ctx.putImageData(base, 0, 0);
    const from = done ?? rows * cols;
    if (from >= rows * cols) return;
    // The cells still to be computed: the rest of the current row, then every row below.
    const [r, g, b] = cssRgb('--pending-fill', [248, 250, 252], theme);
    ctx.fillStyle = `rgb(${r} ${g} ${b})`;
    const row = Math.floor(from / cols);
    const col = from % cols;
    if (col > 0) ctx.fillRect(col, row, cols - col, 1);
    const next = col > 0 ? row + 1 : row;
    if (next < rows) ctx.fillRect(0, next, cols, rows - next);
  }, [base, done, rows, cols, theme]);
  return <canvas ref={ref} width={cols} height={rows} className="grid-canvas" aria-hidden="true" />;
}

/** Thin lines between the cells of an SVG grid. */
const GridLines = memo(function GridLines({ rows, cols, cell }: { rows: number; cols: number; cell: number }) {
  const width = cols * cell;
  const height = rows * cell;
  const d = [
    ...Array.from({ length: rows + 1 }, (_, r) => `M0 ${r * cell}H${width}`),
    ...Array.from({ length: cols + 1 }, (_, c) => `M${c * cell} 0V${height}`),
  ].join('');
  return <path className="grid-lines" d={d} />;
});

/** The value layer of a small grid: one SVG rect per cell, with its number when there is room. */
const SvgLayer = memo(function SvgLayer({
  rows,
  cols,
  values,
  kinds,
  maxAbs,
  cell,
  palette = 'signed',
  padValue = 0,
  fontSize: font,
}: Pick<GridProps, 'rows' | 'cols' | 'values' | 'kinds' | 'maxAbs' | 'cell' | 'palette' | 'padValue' | 'fontSize'>) {
  const scale = useMemo(() => paletteScale(palette, maxAbs), [palette, maxAbs]);
  const numbers = cell >= NUMBER_MIN_CELL;
  const fontSize = font ?? Math.min(16, Math.max(9, cell * 0.36));
  const items = [];
  const texts = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const kind = kinds ? kinds[i]! : CELL_VALUE;
      const v = values[i]!;
      const fill =
        kind === CELL_PAD
          ? 'var(--pad-fill)'
          : kind === CELL_PENDING
            ? 'var(--pending-fill)'
            : kind === CELL_UNUSED
              ? fade(scale(v)) // washed out, without opacity (which would cost a paint chunk per cell)
              : scale(v);
      // Plain x/y attributes, no per-cell transform: a transform per cell would give Chromium a paint
      // chunk per cell, and layerizing thousands of them next to canvases costs whole frames.
      const x = c * cell;
      const y = r * cell;
      items.push(
        <rect
          key={i}
          x={x}
          y={y}
          width={cell}
          height={cell}
          fill={fill}
        />,
      );
      if (numbers && kind !== CELL_PENDING) {
        texts.push(
          <text
            key={i}
            x={x + cell / 2}
            y={y + cell / 2}
            dy="0.35em"
            textAnchor="middle"
            fill={kind === CELL_PAD ? 'var(--pad-text)' : textColorOn(fill)}
          >
            {formatCell(kind === CELL_PAD ? padValue : v)}
          </text>,
        );
      }
    }
  }
  return (
    <g>
      {items}
      <g fontSize={fontSize}>{texts}</g>
    </g>
  );
});

/**
 * A 2-D grid of values coloured by a diverging map centred on zero. Small grids are SVG with numbers
 * in the cells; large ones are painted on a canvas (one pixel per cell, stretched) with numbers on
 * hover. Overlays outline windows and focused cells. The grid is one tab stop: arrow keys move a
 * selected cell (which acts like hovering it), Enter activates it.
 */
function GridImpl(props: GridProps) {
  const { rows, cols, values, kinds, done, maxAbs, palette, cell, overlays = [], label, onFocusCell, onBlurCell, onActivate, describe, padValue = 0, pendingText = 'not computed yet', fontSize } = props;
  const [active, setActive] = useState<[number, number] | null>(null);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const width = cols * cell;
  const height = rows * cell;
  // SVG while it stays light; zoomed-in maps keep SVG longer so that their numbers show.
  const canvas = props.forceCanvas || rows * cols > (cell >= NUMBER_MIN_CELL ? 4 * SVG_MAX_CELLS : SVG_MAX_CELLS) || cell < 8;
  const gridLines = cell >= 6;

  const cellAt = useCallback(
    (e: MouseEvent<HTMLDivElement>): [number, number] | null => {
      const box = e.currentTarget.getBoundingClientRect();
      const c = Math.floor(((e.clientX - box.left) / box.width) * cols);
      const r = Math.floor(((e.clientY - box.top) / box.height) * rows);
      return r >= 0 && r < rows && c >= 0 && c < cols ? [r, c] : null;
    },
    [rows, cols],
  );

  const onMove = (e: MouseEvent<HTMLDivElement>) => {
    const rc = cellAt(e);
    if (!rc) return;
    if (!hover || hover[0] !== rc[0] || hover[1] !== rc[1]) {
      setHover(rc);
      onFocusCell?.(rc[0], rc[1]);
    }
  };
  const onLeave = () => {
    setHover(null);
    if (!active) onBlurCell?.();
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const rc = cellAt(e);
    if (rc && onActivate) onActivate(rc[0], rc[1]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      const [r, c] = active ?? [0, 0];
      const next: [number, number] = active
        ? [Math.max(0, Math.min(rows - 1, r + move[0])), Math.max(0, Math.min(cols - 1, c + move[1]))]
        : [0, 0];
      setActive(next);
      onFocusCell?.(next[0], next[1]);
    } else if ((e.key === 'Enter' || e.key === 'F2') && active && onActivate) {
      e.preventDefault();
      e.stopPropagation();
      onActivate(active[0], active[1]);
    } else if (e.key === 'Escape' && active) {
      e.stopPropagation();
      setActive(null);
      onBlurCell?.();
    }
  };
  const onBlur = () => {
    if (active) {
      setActive(null);
      if (!hover) onBlurCell?.();
    }
  };

  // Small grids draw the pending cells as a kind of their own.
  const svgKinds = useMemo(() => {
    if (canvas || done === undefined || done >= rows * cols) return kinds;
    const k = kinds ? kinds.slice() : new Uint8Array(rows * cols);
    k.fill(CELL_PENDING, Math.max(0, done));
    return k;
  }, [canvas, kinds, done, rows, cols]);

  const shown = hover ?? active;
  const caption = shown
    ? (() => {
        const i = shown[0] * cols + shown[1];
        const kind = done !== undefined && i >= done ? CELL_PENDING : kinds ? kinds[i]! : CELL_VALUE;
        const v = kind === CELL_PAD ? padValue : values[i]!;
        const what = describe ? describe(shown[0], shown[1], v, kind) : `row ${shown[0]}, column ${shown[1]}`;
        return kind === CELL_PENDING ? `${what}: ${pendingText}` : `${what}: ${formatValue(v)}`;
      })()
    : '\u00a0';

  const all = active ? [...overlays, { r: active[0], c: active[1], h: 1, w: 1, kind: 'active' as const }] : overlays;
  return (
    <figure className="grid" data-testid={props.testId}>
      <div
        className="grid-box"
        style={{ width, height }}
        role="grid"
        aria-label={label}
        aria-rowcount={rows}
        aria-colcount={cols}
        tabIndex={0}
        onMouseMove={onMove}
        onMouseLeave={onLeave}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        {canvas ? <CanvasLayer rows={rows} cols={cols} values={values} kinds={kinds} done={done} maxAbs={maxAbs} palette={palette} /> : null}
        {!canvas && (
          // The cells and the outlines are separate SVG roots: a moving outline then re-lays out
          // a few paths, not every cell and number of the grid.
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="grid-svg" aria-hidden="true">
            <SvgLayer rows={rows} cols={cols} values={values} kinds={svgKinds} maxAbs={maxAbs} cell={cell} palette={palette} padValue={padValue} fontSize={fontSize} />
            {gridLines && <GridLines rows={rows} cols={cols} cell={cell} />}
          </svg>
        )}
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="grid-svg" aria-hidden="true">
          {OVERLAY_KINDS.map((kind) => {
            const d = all
              .filter((o) => o.kind === kind)
              .map((o) => `M${o.c * cell} ${o.r * cell}h${o.w * cell}v${o.h * cell}h${-o.w * cell}Z`)
              .join('');
            if (!d) return null;
            // A light halo under dark outlines keeps them visible on black image pixels too.
            return kind === 'window' || kind === 'focus' ? (
              <g key={kind}>
                <path className="overlay overlay-halo" d={d} />
                <path className={`overlay overlay-${kind}`} d={d} />
              </g>
            ) : (
              <path key={kind} className={`overlay overlay-${kind}`} d={d} />
            );
          })}
        </svg>
      </div>
      <figcaption className="grid-caption" aria-live="polite">
        {caption}
      </figcaption>
    </figure>
  );
}

const sameOverlays = (a: Overlay[] | undefined, b: Overlay[] | undefined) => {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((o, i) => {
    const p = y[i]!;
    return o.r === p.r && o.c === p.c && o.h === p.h && o.w === p.w && o.kind === p.kind;
  });
};

/**
 * A grid re-renders only when its props change; overlays are compared by content, because the
 * highlights are derived afresh on every step while most grids' outlines stay where they were.
 * Callbacks must therefore be stable (memoised by the caller).
 */
export const Grid = memo(GridImpl, (prev, next) => {
  for (const key of Object.keys(next) as (keyof GridProps)[]) {
    if (key === 'overlays') continue;
    if (prev[key] !== next[key]) return false;
  }
  return Object.keys(prev).length === Object.keys(next).length && sameOverlays(prev.overlays, next.overlays);
});
