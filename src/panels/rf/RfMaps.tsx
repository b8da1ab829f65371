import { memo, useMemo } from 'react';
import { formatCount } from '../../viz/format';
import { RfGrid } from './RfGrid';
import type { MapRegion, RfModel } from './model';

/** The selected (or previewed) cell: layer `at` (1-based), row, column. */
export interface RfFocus {
  at: number;
  row: number;
  col: number;
}

const TEXT = {
  input: 'Input',
  layer: (t: number, name: string) => `Layer ${t} · ${name}`,
  feeds: (n: number, exact: boolean, h: number, w: number) =>
    exact ? `${h}×${w} cells feed the selected cell` : `${formatCount(n)} cells feed it (box ${h}×${w})`,
  padOnly: 'only padding feeds it',
  selected: 'the selected cell',
  after: 'after the selected layer',
  padding: (r: number, c: number) => `padding (row ${r}, column ${c}): a zero the next layer adds`,
  cell: (r: number, c: number) => `row ${r}, column ${c}`,
  inField: ' — feeds the selected cell',
  isSelected: ' — the selected cell',
  pick: ' · click or press Enter to select',
  label: (title: string, side: number, pad: number) =>
    `${title}, ${side} by ${side}${pad ? `, drawn with its padding of ${pad}` : ''}. Arrow keys move, Enter selects a cell.`,
};

/**
 * Every map of the stack, from the input to the last layer, each with the padding of the layer that
 * reads it: the cells that feed the focused cell are violet in every earlier map, outlined by the
 * field the recurrences give (which may reach into the padding), and the focused cell is amber.
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
  const handlers = useMemo(
    () =>
      model.sides.map((_, t) => ({
        onFocusCell: (r: number | null, c: number | null) => onPreview(t >= 1 && r !== null && c !== null ? { at: t, row: r, col: c } : null),
        onSelect: t >= 1 ? (r: number, c: number) => onSelect({ at: t, row: r, col: c }) : undefined,
      })),
    [model, onPreview, onSelect],
  );
  // What each map shows; maps after the focused layer get nulls, so they do not re-render.
  const shown = useMemo(
    () =>
      model.sides.map((_, t) => {
        const region = t <= focus.at ? regions[t] ?? null : null;
        return {
          field: region && t < focus.at ? { rows: region.rows, cols: region.cols } : null,
          selected: t === focus.at ? ([focus.row, focus.col] as const) : null,
          outline: region && t < focus.at ? region.theory : null,
        };
      }),
    [model, focus.at, focus.row, focus.col, regions],
  );
  return (
    <div className="map-row rf-maps" data-testid="rf-maps">
      {model.sides.map((side, t) => {
        const pad = model.pads[t]!;
        const region = t <= focus.at ? regions[t] ?? null : null;
        const row = t >= 1 ? model.rows[t - 1]! : null;
        const title = row ? TEXT.layer(t, row.name) : TEXT.input;
        let note = TEXT.after;
        if (region && t === focus.at) note = TEXT.selected;
        else if (region) {
          note = region.box
            ? TEXT.feeds(region.count, region.exact, region.box.bottom - region.box.top + 1, region.box.right - region.box.left + 1)
            : TEXT.padOnly;
        }
        const describe = (r: number, c: number) => {
          if (r < 0 || c < 0 || r >= side || c >= side) return TEXT.padding(r, c);
          const here = region && region.rows.includes(r) && region.cols.includes(c);
          const tag = here ? (t === focus.at ? TEXT.isSelected : TEXT.inField) : '';
          return TEXT.cell(r, c) + tag + (t >= 1 ? TEXT.pick : '');
        };
        return (
          <section className={`map rf-map${t === focus.at ? ' rf-map-focus' : ''}`} key={t} aria-label={title}>
            <h4>
              {title} <span className="dim">{side}×{side}</span>
            </h4>
            <RfGrid
              side={side}
              pad={pad}
              cell={cell(t)}
              field={shown[t]!.field}
              selected={shown[t]!.selected}
              outline={shown[t]!.outline}
              label={TEXT.label(title, side, pad)}
              describe={describe}
              onFocusCell={handlers[t]!.onFocusCell}
              onSelect={handlers[t]!.onSelect}
              testId={`rf-map-${t}`}
            />
            <p className="rf-map-note" data-testid={`rf-map-note-${t}`}>
              {note}
            </p>
          </section>
        );
      })}
    </div>
  );
});
