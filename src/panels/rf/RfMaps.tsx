import { memo, useMemo } from 'react';
import { rf } from '../../i18n/rf';
import { useT } from '../../i18n/useT';
import { RfGrid } from './RfGrid';
import type { MapRegion, RfModel } from './model';
import { mapNote, num } from './text';

/** The selected (or previewed) cell: layer `at` (1-based), row, column. */
export interface RfFocus {
  at: number;
  row: number;
  col: number;
}

/**
 * Every map of the stack, from the input to the last layer, each with the padding of the layer that
 * reads it: the cells that feed the focused cell are violet in every earlier map, outlined by the
 * field the recurrences give (which may reach into the padding), and the focused cell is amber with a dark
 * outline (so it does not rely on colour).
 * Hovering or moving the keyboard cursor over a layer's cell previews its field; a click or Enter
 * selects it (kept in the link).
 */
export const RfMaps = memo(function RfMaps({
  model,
  focus,
  regions,
  cell,
  onPreview,
  onSelect,
}: {
  model: RfModel;
  focus: RfFocus;
  regions: MapRegion[];
  /** CSS pixels per cell of each map. */
  cell: (t: number) => number;
  onPreview: (focus: RfFocus | null) => void;
  onSelect: (focus: RfFocus) => void;
}) {
  const t = useT(rf);
  const handlers = useMemo(
    () =>
      model.sides.map((_, m) => ({
        onFocusCell: (r: number | null, c: number | null) => onPreview(m >= 1 && r !== null && c !== null ? { at: m, row: r, col: c } : null),
        onSelect: m >= 1 ? (r: number, c: number) => onSelect({ at: m, row: r, col: c }) : undefined,
      })),
    [model, onPreview, onSelect],
  );
  // What each map shows; maps after the focused layer get nulls, so they do not re-render.
  const shown = useMemo(
    () =>
      model.sides.map((_, m) => {
        const region = m <= focus.at ? regions[m] ?? null : null;
        return {
          field: region && m < focus.at ? { rows: region.rows, cols: region.cols } : null,
          selected: m === focus.at ? ([focus.row, focus.col] as const) : null,
          outline: region && m < focus.at ? region.theory : null,
        };
      }),
    [model, focus.at, focus.row, focus.col, regions],
  );
  return (
    <div className="map-row rf-maps" data-testid="rf-maps">
      {model.sides.map((side, m) => {
        const pad = model.pads[m]!;
        const region = m <= focus.at ? regions[m] ?? null : null;
        const row = m >= 1 ? model.rows[m - 1]! : null;
        const title = row ? t.layer(String(m), row.name) : t.input;
        const note = mapNote(region, m === focus.at, t);
        const describe = (r: number, c: number) => {
          if (r < 0 || c < 0 || r >= side || c >= side) return t.paddingCell(num(r), num(c));
          const here = region && region.rows.includes(r) && region.cols.includes(c);
          const tag = here ? (m === focus.at ? t.isSelected : t.inField) : '';
          return t.cell(String(r), String(c)) + tag + (m >= 1 ? t.pick : '');
        };
        return (
          <section className={`map rf-map${m === focus.at ? ' rf-map-focus' : ''}`} key={m} aria-label={title}>
            <h4>
              {title} <span className="dim">{side}×{side}</span>
            </h4>
            <RfGrid
              side={side}
              pad={pad}
              cell={cell(m)}
              field={shown[m]!.field}
              selected={shown[m]!.selected}
              outline={shown[m]!.outline}
              label={pad ? t.mapLabelPadded(title, String(side), String(pad)) : t.mapLabel(title, String(side))}
              describe={describe}
              onFocusCell={handlers[m]!.onFocusCell}
              onSelect={handlers[m]!.onSelect}
              testId={`rf-map-${m}`}
            />
            <p className="rf-map-note" data-testid={`rf-map-note-${m}`}>
              {note}
            </p>
          </section>
        );
      })}
    </div>
  );
});
