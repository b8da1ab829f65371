/**
 * The sentences of the receptive-field view, built from the model in the page's language: the
 * summary of the focused cell (its field, where it lies, whether the outline is exact), the worked
 * formula and recurrence, the text the screen reader hears, and a layer in words. Pure: the
 * dictionary `t` is passed in; numbers are formatted here, identically in every language.
 */
import type { RfStrings } from '../../i18n/rf';
import type { RfLayer } from '../../state/views/rf';
import { formatCount, formatValue } from '../../viz/format';
import { fieldFormula, recurrenceText, type MapRegion, type RfModel } from './model';

/** A whole number with a true minus sign: −4. */
export const num = (n: number): string => formatValue(n);
/** A range of cells, `a–b`, or one number when a = b. */
export const span = (a: number, b: number): string => (a === b ? num(a) : `${num(a)}–${num(b)}`);

/** The focused cell: layer `at` (1-based), row, column. */
export interface RfFocusCell {
  at: number;
  row: number;
  col: number;
}

/** Everything the summary says about the focused cell, each line ready to show. */
export interface RfSummaryText {
  heading: string;
  size: string;
  where: string;
  detail: string;
  why: string;
  formula: string;
  recurrenceIntro: string;
  recurrence: string;
  jumpStart: string;
  /** One sentence for the screen reader: the cell, its field and the recurrence worked. */
  live: string;
}

/**
 * The summary of cell (row, col) of layer `at`: its receptive field's size and input rows and
 * columns (the recurrences' region, which may reach into the padding), what actually feeds it
 * (all of it, only the real cells when it reaches into the padding, or a subset of the box when
 * dilation or strides larger than the kernel leave gaps), the formula and recurrence with their
 * numbers, and where the field starts by the jump and start.
 */
export function summaryText(model: RfModel, focus: RfFocusCell, preview: boolean, regions: readonly MapRegion[], t: RfStrings): RfSummaryText {
  const row = model.rows[focus.at - 1]!;
  const input = regions[0]!;
  const th = input.theory;
  const before = focus.at === 1 ? 1 : model.rows[focus.at - 2]!.size;
  const side = model.sides[0]!;
  const outside = th.top < 0 || th.left < 0 || th.bottom >= side || th.right >= side;
  const layersSoFar = model.layers.slice(0, focus.at);
  const dilated = layersSoFar.some((l) => l.d > 1);
  const skipping = layersSoFar.some((l) => l.s > l.k);
  let detail: string;
  if (!input.box) detail = t.none;
  else {
    const h = String(input.box.bottom - input.box.top + 1);
    const w = String(input.box.right - input.box.left + 1);
    const n = formatCount(input.count);
    if (!input.exact) detail = (dilated && skipping ? t.gapsBoth : dilated ? t.gapsDilated : t.gapsStrided)(n, h, w);
    else if (outside) detail = t.padded(n, h, w, span(input.box.top, input.box.bottom), span(input.box.left, input.box.right));
    else detail = t.exact(n);
  }
  const formula = fieldFormula(model, focus.at, t);
  const k = model.layers[0]!.k;
  const [at, r, c] = [String(focus.at), String(focus.row), String(focus.col)];
  const rows = span(th.top, th.bottom);
  const cols = span(th.left, th.right);
  const recurrence = recurrenceText(row, before, t);
  const u = row.start;
  const j = row.jump;
  return {
    heading: (preview ? t.headingPreview : t.headingSelected)(at, row.name, r, c),
    size: t.size(String(row.size)),
    where: t.where(rows, cols),
    detail,
    why: formula.simple ? t.simpleWhy(String(k), String(k - 1)) : t.generalWhy,
    formula: formula.text,
    recurrenceIntro: t.recurrence,
    recurrence,
    jumpStart: t.jumpStart(String(j), num(u), at, r, c, num(u + focus.row * j), num(u + focus.col * j)),
    live: t.live(at, row.name, r, c, String(row.size), rows, cols, recurrence),
  };
}

/** A layer in words, for the table's tooltips: "3×3 convolution, stride 2, padding 1". */
export function describeLayer(l: RfLayer, t: RfStrings): string {
  const what = l.kind === 'conv' ? t.conv : t.pool;
  const extra = [t.descStride(String(l.s)), l.p ? t.descPadding(String(l.p)) : '', l.d !== 1 ? t.descDilation(String(l.d)) : ''].filter(Boolean);
  return `${l.k}×${l.k} ${what}, ${extra.join(', ')}`;
}

/** What each map's note says: the selected cell, how many of its cells feed it, or nothing (after it). */
export function mapNote(region: MapRegion | null, isFocus: boolean, t: RfStrings): string {
  if (!region) return t.after;
  if (isFocus) return t.selected;
  if (!region.box) return t.padOnly;
  const h = String(region.box.bottom - region.box.top + 1);
  const w = String(region.box.right - region.box.left + 1);
  return region.exact ? t.feedsExact(h, w) : t.feedsGaps(formatCount(region.count), h, w);
}
