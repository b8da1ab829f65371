import { memo } from 'react';
import { formatCount } from '../../viz/format';
import { fieldFormula, recurrenceText, type MapRegion, type RfModel } from './model';
import type { RfFocus } from './RfMaps';

const M = '\u2212';
const num = (n: number) => (n < 0 ? `${M}${-n}` : `${n}`);
const span = (a: number, b: number) => (a === b ? num(a) : `${num(a)}–${num(b)}`);

const TEXT = {
  heading: (at: number, name: string, row: number, col: number, preview: boolean) =>
    `${preview ? 'Previewing' : 'Selected'}: layer ${at} (${name}), cell (${row}, ${col})`,
  size: (r: number) => `Receptive field: ${r}×${r} input cells`,
  where: (rows: string, cols: string) => `In input coordinates: rows ${rows}, columns ${cols}`,
  exact: (n: number) => `All ${formatCount(n)} of these input cells feed the selected cell (violet in the input map).`,
  padded: (n: number, h: number, w: number, rows: string, cols: string) =>
    `The field reaches into the zero padding: only ${h}×${w} = ${formatCount(n)} real input cells (rows ${rows}, columns ${cols}) feed the selected cell; the outline shows the whole field.`,
  gaps: (n: number, h: number, w: number, why: string) =>
    `${why} leave gaps: the outline is a bounding box of ${h}×${w} cells, of which only ${formatCount(n)} feed the selected cell (violet).`,
  none: 'This cell sees nothing but padding.',
  simpleWhy: (k: number) => `Every layer so far has stride 1, dilation 1 and the same ${k}×${k} kernel, so each adds K − 1 = ${k - 1} cells:`,
  generalWhy:
    'With strides (or different kernels, or dilation), a layer adds (k − 1) times the jump before it — the product of the strides below it — so layers after a downsampling add more:',
  recurrence: 'This layer, by the recurrence:',
  jumpStart: (j: number, u: number, at: number, row: number, col: number) =>
    `Neighbouring cells of layer ${at} are j = ${j} input ${j === 1 ? 'cell' : 'cells'} apart; the field of its cell 0 starts at u = ${num(u)}, ` +
    `so cell (${row}, ${col}) starts at (${num(u)} + ${row}·${j}, ${num(u)} + ${col}·${j}) = (${num(u + row * j)}, ${num(u + col * j)}).`,
};

/**
 * The selected cell's receptive field in words and numbers: its size, where it lies in the input
 * (and whether the outline is exact, reaches into the padding, or is only a bounding box), the
 * formula with the numbers substituted (1 + L·(K − 1) when it applies, the general sum otherwise),
 * the recurrence step of the selected layer, and its jump and start.
 */
export const RfSummary = memo(function RfSummary({
  model,
  focus,
  preview,
  regions,
}: {
  model: RfModel;
  focus: RfFocus;
  preview: boolean;
  regions: MapRegion[];
}) {
  const row = model.rows[focus.at - 1]!;
  const input = regions[0]!;
  const t = input.theory;
  const formula = fieldFormula(model, focus.at);
  const before = focus.at === 1 ? 1 : model.rows[focus.at - 2]!.size;
  const side = model.sides[0]!;
  const outside = t.top < 0 || t.left < 0 || t.bottom >= side || t.right >= side;
  const layersSoFar = model.layers.slice(0, focus.at);
  const dilated = layersSoFar.some((l) => l.d > 1);
  const skipping = layersSoFar.some((l) => l.s > l.k);
  let detail: string;
  if (!input.box) detail = TEXT.none;
  else {
    const h = input.box.bottom - input.box.top + 1;
    const w = input.box.right - input.box.left + 1;
    if (!input.exact) {
      const why = dilated && skipping ? 'Dilation and strides larger than the kernel' : dilated ? 'Dilated kernels' : 'Strides larger than the kernel';
      detail = TEXT.gaps(input.count, h, w, why);
    } else if (outside) {
      detail = TEXT.padded(input.count, h, w, span(input.box.top, input.box.bottom), span(input.box.left, input.box.right));
    } else detail = TEXT.exact(input.count);
  }
  return (
    <section className="summary rf-summary" aria-label="Receptive field of the selected cell" data-testid="rf-summary">
      <div className="rf-headline">
        <h3 data-testid="rf-selected">{TEXT.heading(focus.at, row.name, focus.row, focus.col, preview)}</h3>
        <p className="rf-size" data-testid="rf-size">
          {TEXT.size(row.size)}
        </p>
        <p data-testid="rf-region">{TEXT.where(span(t.top, t.bottom), span(t.left, t.right))}</p>
        <p className="hint" data-testid="rf-detail">
          {detail}
        </p>
      </div>
      <div className="formula rf-formula">
        <p className="note-plain">{formula.simple ? TEXT.simpleWhy(model.layers[0]!.k) : TEXT.generalWhy}</p>
        <p data-testid="rf-formula">{formula.text}</p>
        <p className="note-plain">{TEXT.recurrence}</p>
        <p data-testid="rf-recurrence">{recurrenceText(row, before)}</p>
        <p className="note-plain">{TEXT.jumpStart(row.jump, row.start, focus.at, focus.row, focus.col)}</p>
      </div>
    </section>
  );
});
