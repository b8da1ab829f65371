import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Region } from '../../engine/receptive';
import { runs as runsOf } from './model';

/** The most rectangles a field is drawn with; beyond it (many gaps) the field is shaded as its box. */
export const MAX_FIELD_RECTS = 4000;

/** A rectangle in CSS pixels of the padded map. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A box's inline style. Its position is a translation: as the pointer sweeps a map, the boxes of every
 * earlier map move while their sizes mostly stay, and a moved translation needs no layout.
 */
const boxStyle = (b: Box) => ({ transform: `translate(${b.left}px, ${b.top}px)`, width: b.width, height: b.height });

export interface RfGridProps {
  /** Side of the map without its padding. */
  side: number;
  /** Padding drawn around it (the next layer's). */
  pad: number;
  /** CSS pixels per cell (may be fractional for large maps). */
  cell: number;
  /** The cells that feed the selected cell (the product of these rows and columns), or null. */
  field: { rows: readonly number[]; cols: readonly number[] } | null;
  /** The selected (or previewed) cell, when it is in this map. */
  selected: readonly [number, number] | null;
  /** Outline in map coordinates (cells; negative = padding), clipped to the padded map when drawn. */
  outline: Region | null;
  /** Accessible name. */
  label: string;
  /** Says what a cell is, for the caption, in map coordinates (negative or ≥ side = padding). */
  describe: (r: number, c: number) => string;
  /** Hover or keyboard focus on a real cell of the map, or null when it leaves. */
  onFocusCell?: (r: number | null, c: number | null) => void;
  /** Click or Enter on a real cell. */
  onSelect?: (r: number, c: number) => void;
  testId?: string;
}

/**
 * One feature map as the receptive-field view draws it: two boxes coloured by the theme's CSS
 * variables, the padding ring and the map inside it (so a 224×224 map costs two elements and
 * follows the light or dark theme without repainting), and on top the cells that feed the selected
 * cell in violet (one box when they have no gaps, else an SVG path of one rectangle per run of rows
 * and columns, so gaps show), the selected cell in amber with a dark outline (SVG), and the field's
 * outline and the keyboard cursor (boxes). Boxes rather than paths because hovering a cell of the
 * last of 30 maps moves the field and outline of every earlier map, and a translated box needs no SVG
 * layout or repaint of the whole SVG.
 * One tab stop: the arrow keys move a cursor (which previews like hovering), Enter or a click selects.
 */
export const RfGrid = memo(function RfGrid({ side, pad, cell, field, selected, outline, label, describe, onFocusCell, onSelect, testId }: RfGridProps) {
  const P = side + 2 * pad;
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const [hover, setHover] = useState<[number, number] | null>(null);

  const size = P * cell;
  const at = (e: MouseEvent<HTMLDivElement>): [number, number] | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const c = Math.floor(((e.clientX - box.left) / box.width) * P) - pad;
    const r = Math.floor(((e.clientY - box.top) / box.height) * P) - pad;
    return r >= -pad && r < side + pad && c >= -pad && c < side + pad ? [r, c] : null;
  };
  const real = (r: number, c: number) => r >= 0 && c >= 0 && r < side && c < side;

  const onMove = (e: MouseEvent<HTMLDivElement>) => {
    const rc = at(e);
    if (!rc || (hover && hover[0] === rc[0] && hover[1] === rc[1])) return;
    setHover(rc);
    onFocusCell?.(real(rc[0], rc[1]) ? rc[0] : null, real(rc[0], rc[1]) ? rc[1] : null);
  };
  const onLeave = () => {
    setHover(null);
    if (!cursor) onFocusCell?.(null, null);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const rc = at(e);
    if (rc && real(rc[0], rc[1])) onSelect?.(rc[0], rc[1]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      const start: [number, number] = [Math.floor(side / 2), Math.floor(side / 2)];
      const next: [number, number] = cursor
        ? [Math.max(0, Math.min(side - 1, cursor[0] + move[0])), Math.max(0, Math.min(side - 1, cursor[1] + move[1]))]
        : start;
      setCursor(next);
      onFocusCell?.(next[0], next[1]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (!cursor) return;
      e.preventDefault();
      e.stopPropagation();
      onSelect?.(cursor[0], cursor[1]);
    } else if (e.key === 'Escape' && cursor) {
      e.stopPropagation();
      setCursor(null);
      onFocusCell?.(null, null);
    }
  };
  const onBlur = () => {
    if (!cursor) return;
    setCursor(null);
    if (!hover) onFocusCell?.(null, null);
  };

  const shown = hover ?? cursor;
  const caption = shown ? describe(shown[0], shown[1]) : '\u00a0';
  // The outline, clipped to the padded map, in CSS pixels.
  let outlineBox: Box | null = null;
  if (outline) {
    const top = Math.max(-pad, outline.top) + pad;
    const left = Math.max(-pad, outline.left) + pad;
    const bottom = Math.min(side + pad - 1, outline.bottom) + pad;
    const right = Math.min(side + pad - 1, outline.right) + pad;
    if (bottom >= top && right >= left) {
      outlineBox = { left: left * cell, top: top * cell, width: (right + 1 - left) * cell, height: (bottom + 1 - top) * cell };
    }
  }
  // The field: one box when it has no gaps (the common case), else one rectangle per run of rows and columns.
  let fieldBox: Box | null = null;
  let fieldPath = '';
  if (field && field.rows.length && field.cols.length) {
    const rr = runsOf(field.rows);
    const cc = runsOf(field.cols);
    const rect = (r0: number, rn: number, c0: number, cn: number) =>
      `M${(c0 + pad) * cell} ${(r0 + pad) * cell}h${cn * cell}v${rn * cell}h${-cn * cell}Z`;
    if (rr.length === 1 && cc.length === 1) {
      const [r0, rn] = rr[0]!;
      const [c0, cn] = cc[0]!;
      fieldBox = { left: (c0 + pad) * cell, top: (r0 + pad) * cell, width: cn * cell, height: rn * cell };
    } else if (rr.length * cc.length <= MAX_FIELD_RECTS) {
      const parts: string[] = [];
      for (const [r0, rn] of rr) for (const [c0, cn] of cc) parts.push(rect(r0, rn, c0, cn));
      fieldPath = parts.join('');
    } else {
      const [r0] = rr[0]!;
      const [c0] = cc[0]!;
      const [rl, rln] = rr[rr.length - 1]!;
      const [cl, cln] = cc[cc.length - 1]!;
      fieldPath = rect(r0, rl + rln - r0, c0, cl + cln - c0);
    }
  }
  const selectedPath = selected ? `M${(selected[1] + pad) * cell} ${(selected[0] + pad) * cell}h${cell}v${cell}h${-cell}Z` : '';
  const cursorBox: Box | null = cursor ? { left: (cursor[1] + pad) * cell, top: (cursor[0] + pad) * cell, width: cell, height: cell } : null;
  const lines =
    cell >= 5
      ? [
          ...Array.from({ length: P + 1 }, (_, i) => `M0 ${i * cell}H${size}`),
          ...Array.from({ length: P + 1 }, (_, i) => `M${i * cell} 0V${size}`),
        ].join('')
      : '';
  return (
    <figure className="grid rf-grid" data-testid={testId}>
      <div
        className="grid-box"
        style={{ width: size, height: size }}
        role="grid"
        aria-label={label}
        aria-rowcount={side}
        aria-colcount={side}
        tabIndex={0}
        onMouseMove={onMove}
        onMouseLeave={onLeave}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        <div className="rf-grid-map" style={{ left: pad * cell, top: pad * cell, width: side * cell, height: side * cell }} aria-hidden="true" />
        {fieldBox && <div className="rf-field-box" style={boxStyle(fieldBox)} aria-hidden="true" data-testid={testId ? `${testId}-field` : undefined} />}
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} className="grid-svg" aria-hidden="true">
          {fieldPath && <path className="rf-field" d={fieldPath} data-testid={testId ? `${testId}-field` : undefined} />}
          {selectedPath && <path className="rf-selected" d={selectedPath} />}
          {lines && <path className="grid-lines" d={lines} />}
        </svg>
        {outlineBox && (
          <div
            className="rf-outline"
            style={boxStyle(outlineBox)}
            aria-hidden="true"
            data-testid={testId ? `${testId}-outline` : undefined}
            data-region={outline ? `${outline.top},${outline.left},${outline.bottom},${outline.right}` : undefined}
          />
        )}
        {cursorBox && <div className="rf-cursor" style={boxStyle(cursorBox)} aria-hidden="true" />}
      </div>
      {/* Not live: the panel announces the focused cell's field, throttled. */}
      <figcaption className="grid-caption">
        {caption}
      </figcaption>
    </figure>
  );
});
