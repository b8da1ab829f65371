import { memo, useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3';
import { buildRfModel, type RfRow } from './model';

const TEXT = {
  growthTitle: 'How the field grows, layer by layer',
  growthLabel: (rows: RfRow[]) =>
    `Bar chart of the receptive field per layer: ${rows.map((r) => `${r.name} ${r.size} (+${r.growth})`).join(', ')}`,
  legendBefore: 'field of the layer before',
  legendGrowth: 'what a convolution adds, (k − 1)·j',
  legendPool: 'what a pooling adds',
  compareTitle: 'Downsampling makes the field grow faster',
  without: 'Four 3×3 convolutions',
  with: 'The same with a 2×2 stride-2 pool after the second',
  compareText:
    'Without the pool each 3×3 layer adds (3 − 1)·1 = 2 cells: 3, 5, 7, 9. The pool itself adds (2 − 1)·1 = 1 and doubles the jump, so each 3×3 layer after it adds (3 − 1)·2 = 4: 3, 5, 6, 10, 14 — and the maps after it are a quarter the size.',
  load: 'Show this stack',
  loadLabel: (what: string) => `Show this stack: ${what}`,
};

/** Bars of r per layer, each split into the field before it and the growth this layer adds. */
function FieldBars({ rows, width, height, yMax, label, testId }: { rows: RfRow[]; width: number; height: number; yMax: number; label: string; testId?: string }) {
  const margin = { top: 16, right: 6, bottom: 34, left: 30 };
  const x = scaleBand<number>()
    .domain(rows.map((r) => r.index))
    .range([margin.left, width - margin.right])
    .padding(0.18);
  const y = scaleLinear().domain([0, yMax]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  const bw = x.bandwidth();
  const rotate = bw < 30;
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="rf-chart" data-testid={testId}>
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line x1={margin.left} x2={width - margin.right} className="rf-chart-grid" />
          <text x={margin.left - 4} dy="0.32em" textAnchor="end" className="rf-chart-tick">
            {t}
          </text>
        </g>
      ))}
      {rows.map((r) => {
        const x0 = x(r.index)!;
        const before = r.size - r.growth;
        return (
          <g key={r.index}>
            <rect x={x0} width={bw} y={y(before)} height={y(0) - y(before)} className="rf-bar-before" />
            <rect x={x0} width={bw} y={y(r.size)} height={y(before) - y(r.size)} className={`rf-bar-growth rf-bar-${r.layer.kind}`} />
            {bw >= 12 && (
              <text x={x0 + bw / 2} y={y(r.size) - 3} textAnchor="middle" className="rf-chart-value">
                {r.size}
              </text>
            )}
            <text
              transform={rotate ? `translate(${x0 + bw / 2},${height - margin.bottom + 6}) rotate(45)` : `translate(${x0 + bw / 2},${height - margin.bottom + 13})`}
              textAnchor={rotate ? 'start' : 'middle'}
              className="rf-chart-tick"
            >
              {r.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The current stack's field per layer as bars (growth on top of the previous field). */
export const RfGrowthChart = memo(function RfGrowthChart({ rows, width }: { rows: RfRow[]; width: number }) {
  const w = Math.max(220, Math.min(width, 60 + rows.length * 44));
  return (
    <section className="stage-block rf-chart-block" aria-labelledby="rf-growth-title">
      <header>
        <h3 id="rf-growth-title">{TEXT.growthTitle}</h3>
        <p className="rf-legend">
          <span className="rf-swatch rf-bar-before" aria-hidden="true" /> {TEXT.legendBefore}
          <span className="rf-swatch rf-bar-conv" aria-hidden="true" /> {TEXT.legendGrowth}
          <span className="rf-swatch rf-bar-pool" aria-hidden="true" /> {TEXT.legendPool}
        </p>
      </header>
      <FieldBars rows={rows} width={w} height={190} yMax={Math.max(...rows.map((r) => r.size))} label={TEXT.growthLabel(rows)} testId="rf-growth-chart" />
    </section>
  );
});

const PLAIN = 'c3p1*4';
const POOLED = 'c3p1*2,p2,c3p1*2';

/** Four 3×3 convolutions side by side with the same four and a 2×2/2 pool after the second, on one scale. */
export const RfCompare = memo(function RfCompare({ width, onLoad }: { width: number; onLoad: (layers: string) => void }) {
  const [plain, pooled] = useMemo(() => [buildRfModel({ layers: PLAIN, size: 32 }).rows, buildRfModel({ layers: POOLED, size: 32 }).rows], []);
  const yMax = Math.max(...pooled.map((r) => r.size));
  const w = Math.max(200, Math.min(280, (width - 40) / 2));
  return (
    <section className="stage-block rf-compare" aria-labelledby="rf-compare-title" data-testid="rf-compare">
      <header>
        <h3 id="rf-compare-title">{TEXT.compareTitle}</h3>
      </header>
      <div className="rf-compare-row">
        {[
          { rows: plain, title: TEXT.without, layers: PLAIN },
          { rows: pooled, title: TEXT.with, layers: POOLED },
        ].map((c) => (
          <figure key={c.layers} className="rf-compare-fig">
            <figcaption>
              {c.title} <code>{c.layers}</code>
            </figcaption>
            <FieldBars rows={c.rows} width={w} height={170} yMax={yMax} label={`${c.title}: ${c.rows.map((r) => r.size).join(', ')}`} />
            <button type="button" className="small" onClick={() => onLoad(c.layers)} aria-label={TEXT.loadLabel(c.title)}>
              {TEXT.load}
            </button>
          </figure>
        ))}
      </div>
      <p className="hint">{TEXT.compareText}</p>
    </section>
  );
});
