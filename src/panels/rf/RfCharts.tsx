import { memo, useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3';
import { rf } from '../../i18n/rf';
import { useT } from '../../i18n/useT';
import { buildRfModel, type RfRow } from './model';

/**
 * Bars of r per layer, each split into the field before it and the growth this layer adds, with
 * the y axis named. `scale` enlarges the margins with the type (presentation mode).
 */
function FieldBars({
  rows,
  width,
  height,
  yMax,
  label,
  axis,
  scale = 1,
  testId,
}: {
  rows: RfRow[];
  width: number;
  height: number;
  yMax: number;
  label: string;
  axis: string;
  scale?: number;
  testId?: string;
}) {
  const margin = { top: 26 * scale, right: 6, bottom: 34 * scale, left: 30 * scale };
  const x = scaleBand<number>()
    .domain(rows.map((r) => r.index))
    .range([margin.left, width - margin.right])
    .padding(0.18);
  const y = scaleLinear().domain([0, yMax]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  const bw = x.bandwidth();
  const rotate = bw < 30 * scale;
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="rf-chart" data-testid={testId}>
      <text x={2} y={11 * scale} className="rf-chart-tick rf-chart-axis">
        {axis}
      </text>
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
            {bw >= 12 * scale && (
              <text x={x0 + bw / 2} y={y(r.size) - 3} textAnchor="middle" className="rf-chart-value">
                {r.size}
              </text>
            )}
            <text
              transform={rotate ? `translate(${x0 + bw / 2},${height - margin.bottom + 6 * scale}) rotate(45)` : `translate(${x0 + bw / 2},${height - margin.bottom + 13 * scale})`}
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
export const RfGrowthChart = memo(function RfGrowthChart({ rows, width, scale = 1 }: { rows: RfRow[]; width: number; scale?: number }) {
  const t = useT(rf);
  const w = Math.max(220, Math.min(width, 60 * scale + rows.length * 44 * scale));
  const list = rows.map((r) => `${r.name} ${r.size} (+${r.growth})`).join(', ');
  return (
    <section className="stage-block rf-chart-block" aria-labelledby="rf-growth-title">
      <header>
        <h3 id="rf-growth-title">{t.growthTitle}</h3>
        <ul className="rf-legend" aria-label={t.legendLabel}>
          <li>
            <span className="rf-swatch rf-bar-before" aria-hidden="true" /> {t.legendBefore}
          </li>
          <li>
            <span className="rf-swatch rf-bar-conv" aria-hidden="true" /> {t.legendGrowth}
          </li>
          <li>
            <span className="rf-swatch rf-bar-pool" aria-hidden="true" /> {t.legendPool}
          </li>
        </ul>
      </header>
      <FieldBars
        rows={rows}
        width={w}
        height={190 * scale}
        yMax={Math.max(...rows.map((r) => r.size))}
        label={t.growthLabel(list)}
        axis={t.axisY}
        scale={scale}
        testId="rf-growth-chart"
      />
    </section>
  );
});

const PLAIN = 'c3p1*4';
const POOLED = 'c3p1*2,p2,c3p1*2';

/** Four 3×3 convolutions side by side with the same four and a 2×2/2 pool after the second, on one scale. */
export const RfCompare = memo(function RfCompare({ width, onLoad, scale = 1 }: { width: number; onLoad: (layers: string) => void; scale?: number }) {
  const t = useT(rf);
  const [plain, pooled] = useMemo(() => [buildRfModel({ layers: PLAIN, size: 32 }).rows, buildRfModel({ layers: POOLED, size: 32 }).rows], []);
  const yMax = Math.max(...pooled.map((r) => r.size));
  const w = Math.max(200, Math.min(280 * scale, (width - 40) / 2));
  return (
    <section className="stage-block rf-compare" aria-labelledby="rf-compare-title" data-testid="rf-compare">
      <header>
        <h3 id="rf-compare-title">{t.compareTitle}</h3>
      </header>
      <div className="rf-compare-row">
        {[
          { rows: plain, title: t.without, layers: PLAIN },
          { rows: pooled, title: t.withPool, layers: POOLED },
        ].map((c) => (
          <figure key={c.layers} className="rf-compare-fig">
            <figcaption>
              {c.title} <code>{c.layers}</code>
            </figcaption>
            <FieldBars
              rows={c.rows}
              width={w}
              height={170 * scale}
              yMax={yMax}
              label={t.compareLabel(c.title, c.rows.map((r) => r.size).join(', '))}
              axis={t.axisY}
              scale={scale}
            />
            <button type="button" className="small" onClick={() => onLoad(c.layers)} aria-label={t.loadLabel(c.title)}>
              {t.load}
            </button>
          </figure>
        ))}
      </div>
      <p className="hint">{t.compareText}</p>
    </section>
  );
});
