import { memo, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { SIGNED_LUT, divergingScale, lutIndex, textColorOn } from '../../viz/color';
import { formatCell } from '../../viz/format';
import { norm } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import { TEXT_ON_TINT, TINT_RGB, groupColor, groupDark, groupTint } from './colors';
import { coordsOf, flatAt, flatOfTable, mapOrigin, tableOf, type TensorGeometry } from './layout';

/** Up to this many cells a tensor is drawn in SVG (numbers, testable); above, on one canvas. */
export const SVG_MAX_VALUES = 2000;

/** Outlines drawn over the tensor, each one SVG path (so a step changes a few attributes, not cells). */
export interface TensorOverlays {
  /** Maps of the group being worked out. */
  group?: string;
  /** Its members visited so far by the current stage. */
  done?: string;
  /** The member of the current step. */
  focus?: string;
  /** Maps of the hovered group. */
  hover?: string;
  /** Cells not computed yet (covered): the later groups' maps, which change once per group, and the rest of the
   *  current group, which changes every step (separate paths, so a step repaints only the current group's area). */
  pending?: string;
  pendingHere?: string;
}

export interface TensorViewProps {
  geo: TensorGeometry;
  values: Float32Array;
  /** Group of every map, indexed n·C + c. */
  mapGroup: Int32Array;
  /** 'group': cells tinted by group with group badges; 'value': a diverging colour map of the values. */
  paint: 'group' | 'value';
  maxAbs: number;
  overlays: TensorOverlays;
  channelName: (c: number) => string;
  label: string;
  testId: string;
  /** Says what the hovered or selected cell is (shown under the drawing). */
  describe: (flat: number) => string;
  onHover: (flat: number | null) => void;
  onActivate?: (flat: number) => void;
}

/** The smallest cell that shows its number (a value like −3.43 needs about 30 px), and its group number in a corner. */
export const TENSOR_NUMBER_MIN_CELL = 30;
const CORNER_MIN_CELL = 34;

/** About how wide `text` is at `size` px: Hangul is a full em, the rest (digits, Latin) about 0.64 em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(ch) ? 1 : 0.64;
  return em * size;
}

/** The cells of a small tensor, with numbers (and group numbers in the corners of large cells). */
const SvgCells = memo(function SvgCells({
  geo,
  values,
  mapGroup,
  paint,
  maxAbs,
}: Pick<TensorViewProps, 'geo' | 'values' | 'mapGroup' | 'paint' | 'maxAbs'>) {
  const scale = useMemo(() => divergingScale(maxAbs), [maxAbs]);
  const { cell, scale: s } = geo;
  const numbers = cell >= TENSOR_NUMBER_MIN_CELL;
  const corner = paint === 'group' && cell >= CORNER_MIN_CELL * s;
  const fontSize = Math.min(17 * s, Math.max(9.5, cell * 0.31));
  const rects = [];
  const texts = [];
  const corners = [];
  for (let i = 0; i < values.length; i++) {
    const { n, c, r, q } = coordsOf(geo, i);
    const [mx, my] = mapOrigin(geo, n, c);
    const x = mx + q * cell;
    const y = my + r * cell;
    const g = mapGroup[n * geo.c + c]!;
    const fill = paint === 'group' ? groupTint(g) : scale(values[i]!);
    rects.push(<rect key={i} x={x} y={y} width={cell} height={cell} fill={fill} data-group={g} />);
    if (numbers) {
      texts.push(
        <text
          key={i}
          x={x + cell / 2}
          y={y + cell / 2 + (corner ? 3 : 0)}
          dy="0.35em"
          textAnchor="middle"
          fill={paint === 'group' ? TEXT_ON_TINT : textColorOn(fill)}
        >
          {formatCell(values[i]!)}
        </text>,
      );
    }
    if (corner) {
      corners.push(
        <text key={i} x={x + 3} y={y + 9 * s} fill={groupDark(g)}>
          {g}
        </text>,
      );
    }
  }
  return (
    <g>
      {rects}
      <g fontSize={fontSize}>{texts}</g>
      {corners.length > 0 && (
        <g fontSize={8.5 * s} className="corner-group">
          {corners}
        </g>
      )}
    </g>
  );
});

/** Thin lines between cells, and a frame round every map in its group's colour. */
const Frames = memo(function Frames({
  geo,
  mapGroup,
  paint,
}: Pick<TensorViewProps, 'geo' | 'mapGroup' | 'paint'>) {
  const { cell } = geo;
  const lines: string[] = [];
  const frames = [];
  for (let n = 0; n < geo.n; n++)
    for (let c = 0; c < geo.c; c++) {
      const [x, y] = mapOrigin(geo, n, c);
      if (geo.layout === 'nchw' && cell >= 6) {
        for (let r = 1; r < geo.h; r++) lines.push(`M${x} ${y + r * cell}h${geo.mapW}`);
        for (let q = 1; q < geo.w; q++) lines.push(`M${x + q * cell} ${y}v${geo.mapH}`);
      }
      const g = mapGroup[n * geo.c + c]!;
      frames.push(
        <rect
          key={`${n}-${c}`}
          x={x}
          y={y}
          width={geo.mapW}
          height={geo.mapH}
          fill="none"
          stroke={paint === 'group' ? groupColor(g) : 'var(--line)'}
          strokeWidth={geo.layout === 'nd' ? 1 : 2}
        />,
      );
    }
  return (
    <g>
      {geo.layout === 'nd' && <path className="grid-lines" d={matrixLines(geo)} />}
      {lines.length > 0 && <path className="grid-lines" d={lines.join('')} />}
      {geo.layout === 'nchw' && frames}
    </g>
  );
});

function matrixLines(geo: TensorGeometry): string {
  const w = geo.c * geo.cell;
  const h = geo.n * geo.cell;
  const d: string[] = [];
  for (let r = 0; r <= geo.n; r++) d.push(`M${geo.left} ${geo.top + r * geo.cell}h${w}`);
  for (let q = 0; q <= geo.c; q++) d.push(`M${geo.left + q * geo.cell} ${geo.top}v${h}`);
  return d.join('');
}

/** Sample and channel labels, and a badge with the group number above every map. */
const Labels = memo(function Labels({
  geo,
  mapGroup,
  paint,
  channelName,
}: Pick<TensorViewProps, 'geo' | 'mapGroup' | 'paint' | 'channelName'>) {
  const t = useT(norm);
  const nd = geo.layout === 'nd';
  const s = geo.scale;
  const items = [];
  for (let n = 0; n < geo.n; n++) {
    const [x, y] = mapOrigin(geo, n, 0);
    items.push(
      nd ? (
        <text
          key={`s${n}`}
          x={geo.left - 6}
          y={y + geo.cell / 2}
          dy="0.35em"
          textAnchor="end"
          className="axis-label"
        >
          {t.sampleN(String(n))}
        </text>
      ) : (
        <text key={`s${n}`} x={x + geo.mapW / 2} y={12 * s} textAnchor="middle" className="axis-label">
          {geo.mapW >= 54 * s ? t.sampleN(String(n)) : `n=${n}`}
        </text>
      ),
    );
  }
  for (let c = 0; c < geo.c; c++) {
    const [x, y] = mapOrigin(geo, 0, c);
    items.push(
      nd ? (
        <text key={`c${c}`} x={x + geo.cell / 2} y={12 * s} textAnchor="middle" className="axis-label">
          {geo.cell >= 40 * s ? t.featureN(String(c)) : `d=${c}`}
        </text>
      ) : (
        <text
          key={`c${c}`}
          x={geo.left - 6}
          y={y + geo.mapH / 2}
          dy="0.35em"
          textAnchor="end"
          className="axis-label"
        >
          {channelName(c)}
        </text>
      ),
    );
  }
  if (!nd && paint === 'group') {
    for (let n = 0; n < geo.n; n++)
      for (let c = 0; c < geo.c; c++) {
        const [x, y] = mapOrigin(geo, n, c);
        const g = mapGroup[n * geo.c + c]!;
        const long = t.groupN(String(g));
        const text = geo.mapW >= textWidth(long, 10 * s) + 14 * s ? long : `${g}`;
        const w = Math.max(16 * s, textWidth(text, 10 * s) + 8 * s);
        items.push(
          <g key={`b${n}-${c}`} className="group-badge" data-map={`${n}-${c}`} data-group={g}>
            <rect
              x={x}
              y={y - geo.badge + 1}
              width={w}
              height={geo.badge - 3}
              rx={3}
              fill={groupTint(g)}
              stroke={groupColor(g)}
            />
            <text
              x={x + w / 2}
              y={y - geo.badge / 2 - 0.5}
              dy="0.35em"
              textAnchor="middle"
              fill={groupDark(g)}
            >
              {text}
            </text>
          </g>,
        );
      }
  }
  return (
    <g style={{ fontSize: 11 * s }} className="tensor-labels">
      {items}
    </g>
  );
});

/**
 * Paints every cell of a large tensor once, on a canvas that never enters the page: the picture is shown
 * as an image. (A big canvas in the page is copied to the compositor on every frame, about 4 ms at
 * 1000×1500 pixels; an image is not.)
 */
const ImageCells = memo(function ImageCells({
  geo,
  values,
  mapGroup,
  paint,
  maxAbs,
}: Pick<TensorViewProps, 'geo' | 'values' | 'mapGroup' | 'paint' | 'maxAbs'>) {
  const ratio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const src = useMemo(() => {
    if (typeof document === 'undefined') return '';
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(geo.width * ratio);
    canvas.height = Math.ceil(geo.height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return '';
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { cell } = geo;
    for (let i = 0; i < values.length; i++) {
      const { n, c, r, q } = coordsOf(geo, i);
      const [mx, my] = mapOrigin(geo, n, c);
      let rgbv: readonly [number, number, number];
      if (paint === 'group') rgbv = TINT_RGB[mapGroup[n * geo.c + c]! % TINT_RGB.length]!;
      else {
        const j = lutIndex(values[i]!, maxAbs) * 3;
        rgbv = [SIGNED_LUT[j]!, SIGNED_LUT[j + 1]!, SIGNED_LUT[j + 2]!];
      }
      ctx.fillStyle = `rgb(${rgbv[0]},${rgbv[1]},${rgbv[2]})`;
      ctx.fillRect(mx + q * cell, my + r * cell, cell, cell);
    }
    return canvas.toDataURL('image/png');
  }, [geo, values, mapGroup, paint, maxAbs, ratio]);
  return src ? (
    <img src={src} alt="" width={geo.width} height={geo.height} className="tensor-image" aria-hidden="true" />
  ) : null;
});

/**
 * The tensor: every map of every sample (or the N×D matrix), coloured by statistics group (or by
 * value), with the group's number above each map. One tab stop: arrow keys move a selected cell
 * through the whole tensor (acting like hovering it), Enter activates it.
 */
function TensorViewImpl(props: TensorViewProps) {
  const {
    geo,
    values,
    mapGroup,
    paint,
    maxAbs,
    overlays,
    channelName,
    label,
    testId,
    describe,
    onHover,
    onActivate,
  } = props;
  const [active, setActive] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const svg = values.length <= SVG_MAX_VALUES && geo.cell >= 8;

  const pointAt = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return flatAt(geo, e.clientX - box.left, e.clientY - box.top);
  };
  const onMove = (e: MouseEvent<HTMLDivElement>) => {
    const f = pointAt(e);
    if (f !== hover) {
      setHover(f);
      onHover(f ?? active);
    }
  };
  const onLeave = () => {
    setHover(null);
    onHover(active);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const f = pointAt(e);
    if (f !== null) onActivate?.(f);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      const next =
        active === null
          ? 0
          : (() => {
              const [R, Q] = tableOf(geo, active);
              return flatOfTable(geo, R + move[0], Q + move[1]);
            })();
      setActive(next);
      onHover(next);
    } else if ((e.key === 'Enter' || e.key === ' ') && active !== null && onActivate) {
      e.preventDefault();
      e.stopPropagation();
      onActivate(active);
    } else if (e.key === 'Escape' && active !== null) {
      e.stopPropagation();
      setActive(null);
      onHover(null);
    }
  };
  const onBlur = () => {
    if (active !== null) {
      setActive(null);
      if (hover === null) onHover(null);
    }
  };

  const shown = hover ?? active;
  const activePath =
    active === null
      ? ''
      : (() => {
          const { n, c, r, q } = coordsOf(geo, active);
          const [x, y] = mapOrigin(geo, n, c);
          return `M${x + q * geo.cell} ${y + r * geo.cell}h${geo.cell}v${geo.cell}h${-geo.cell}Z`;
        })();

  return (
    <figure className="tensor" data-testid={testId}>
      <div
        className="tensor-box"
        style={{ width: geo.width, height: geo.height }}
        role="grid"
        aria-label={label}
        aria-rowcount={geo.layout === 'nd' ? geo.n : geo.c * geo.h}
        aria-colcount={geo.layout === 'nd' ? geo.c : geo.n * geo.w}
        tabIndex={0}
        onMouseMove={onMove}
        onMouseLeave={onLeave}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        {!svg && <ImageCells geo={geo} values={values} mapGroup={mapGroup} paint={paint} maxAbs={maxAbs} />}
        <svg width={geo.width} height={geo.height} className="tensor-svg" aria-hidden="true">
          {svg && <SvgCells geo={geo} values={values} mapGroup={mapGroup} paint={paint} maxAbs={maxAbs} />}
          <Frames geo={geo} mapGroup={mapGroup} paint={paint} />
          <Labels geo={geo} mapGroup={mapGroup} paint={paint} channelName={channelName} />
        </svg>
        <svg width={geo.width} height={geo.height} className="tensor-svg" aria-hidden="true">
          {overlays.pending && <path className="tensor-pending" d={overlays.pending} />}
          {overlays.pendingHere && <path className="tensor-pending" d={overlays.pendingHere} />}
          {overlays.done && <path className="tensor-done" d={overlays.done} />}
          {overlays.hover && <path className="overlay overlay-feed" d={overlays.hover} />}
          {overlays.group && (
            <>
              <path className="overlay overlay-halo" d={overlays.group} />
              <path className="overlay overlay-window" d={overlays.group} />
            </>
          )}
          {overlays.focus && (
            <>
              <path className="overlay overlay-halo" d={overlays.focus} />
              <path className="overlay overlay-focus" d={overlays.focus} />
            </>
          )}
          {activePath && <path className="overlay overlay-active" d={activePath} />}
        </svg>
      </div>
      <figcaption className="grid-caption tensor-caption" aria-live="polite">
        {shown === null ? '\u00a0' : describe(shown)}
      </figcaption>
    </figure>
  );
}

const sameOverlays = (a: TensorOverlays, b: TensorOverlays) =>
  a.group === b.group &&
  a.done === b.done &&
  a.focus === b.focus &&
  a.hover === b.hover &&
  a.pending === b.pending &&
  a.pendingHere === b.pendingHere;

/** Re-renders only when a prop changes; overlays are compared by their paths. Callbacks must be stable. */
export const TensorView = memo(TensorViewImpl, (prev, next) => {
  for (const key of Object.keys(next) as (keyof TensorViewProps)[]) {
    if (key === 'overlays') continue;
    if (prev[key] !== next[key]) return false;
  }
  return sameOverlays(prev.overlays, next.overlays);
});
