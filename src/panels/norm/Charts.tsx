import { memo, useMemo } from 'react';
import { bin, extent, max as d3max, min as d3min, scaleBand, scaleLinear } from 'd3';
import type { CSSProperties } from 'react';
import { formatCell, formatCount, formatValue } from '../../viz/format';
import { norm } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import { groupColor, groupTextVars, groupTint } from './colors';
import { usePresentScale } from './present';

/** Ticks of a linear axis drawn by React (d3 computes them, React renders them). */
function LeftAxis({
  scale,
  x,
  ticks = 4,
  s = 1,
}: {
  scale: ReturnType<typeof scaleLinear<number, number>>;
  x: number;
  ticks?: number;
  /** Presentation scale of the type and tick marks. */
  s?: number;
}) {
  return (
    <g className="chart-axis" aria-hidden="true">
      <line x1={x} x2={x} y1={scale.range()[0]} y2={scale.range()[1]} stroke="currentColor" />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(${x},${scale(t)})`}>
          <line x2={-4 * s} stroke="currentColor" />
          <text x={-6 * s} dy="0.32em" textAnchor="end">
            {formatCell(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

function BottomAxis({
  scale,
  y,
  ticks = 4,
  s = 1,
}: {
  scale: ReturnType<typeof scaleLinear<number, number>>;
  y: number;
  ticks?: number;
  /** Presentation scale of the type and tick marks. */
  s?: number;
}) {
  return (
    <g className="chart-axis" aria-hidden="true">
      <line x1={scale.range()[0]} x2={scale.range()[1]} y1={y} y2={y} stroke="currentColor" />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(${scale(t)},${y})`}>
          <line y2={3 * s} stroke="currentColor" />
          <text y={11 * s} textAnchor="middle">
            {formatCell(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

interface GroupBarsProps {
  title: string;
  /** One value per group. */
  values: Float32Array;
  /** Groups whose value is computed: all before `current`, and `current` itself when `currentKnown`. */
  current: number;
  currentKnown: boolean;
  hovered: number | null;
  width: number;
  testId: string;
  onHover: (g: number | null) => void;
  /** Word for one group in labels ("group = channel", "group"). */
  unit: string;
}

/**
 * One bar per statistics group, filling in as the walk-through computes each group's statistic.
 * Bars not computed yet are dashed outlines; the current group is outlined; every bar is labelled
 * with its group number (and its value when there is room).
 */
export const GroupBars = memo(function GroupBars({
  title,
  values,
  current,
  currentKnown,
  hovered,
  width,
  testId,
  onHover,
  unit,
}: GroupBarsProps) {
  const t = useT(norm);
  const s = usePresentScale();
  const height = 150 * s;
  const margin = { top: 16 * s, right: 8, bottom: 30 * s, left: 44 * s };
  const G = values.length;
  const { x, y } = useMemo(() => {
    const lo = Math.min(0, d3min(values)!);
    const hi = Math.max(0, d3max(values)!);
    const pad = (hi - lo) * 0.12 || 1;
    return {
      x: scaleBand<number>()
        .domain(Array.from({ length: G }, (_, i) => i))
        .range([margin.left, width - margin.right])
        .padding(0.2),
      y: scaleLinear()
        .domain([lo < 0 ? lo - pad : 0, hi + pad])
        .range([height - margin.bottom, margin.top])
        .nice(),
    };
  }, [values, G, width, height, margin.left, margin.right, margin.bottom, margin.top]);
  const zero = y(0);
  const bw = x.bandwidth();
  const labelEvery = Math.ceil(G / Math.max(1, Math.floor((width - margin.left) / (22 * s))));
  const showValues = bw >= 30 * s;
  const knownCount = currentKnown ? current + 1 : current;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={[
          t.computed(title, formatCount(knownCount), formatCount(G)),
          ...Array.from(
            { length: knownCount },
            (_, g) => `${t.groupN(String(g))} = ${formatValue(values[g]!)}`,
          ),
        ].join('; ')}
        style={{ fontSize: 10 * s }}
      >
        <LeftAxis scale={y} x={margin.left} s={s} />
        <line
          x1={margin.left}
          x2={width - margin.right}
          y1={zero}
          y2={zero}
          stroke="currentColor"
          className="chart-zero"
        />
        {Array.from({ length: G }, (_, g) => {
          const known = g < knownCount;
          const v = values[g]!;
          const top = known ? Math.min(y(v), zero) : y.range()[1];
          const h = known ? Math.max(1, Math.abs(y(v) - zero)) : Math.abs(zero - y.range()[1]);
          const bx = x(g)!;
          return (
            <g
              key={g}
              className={`bar${g === current ? ' current' : ''}${g === hovered ? ' hovered' : ''}`}
              data-testid={`${testId}-${g}`}
              data-known={known}
              onMouseEnter={() => onHover(g)}
              onMouseLeave={() => onHover(null)}
            >
              <rect
                x={bx - 1}
                y={margin.top - 4}
                width={bw + 2}
                height={height - margin.bottom - margin.top + 8}
                fill="transparent"
              />
              {known ? (
                <rect
                  x={bx}
                  y={top}
                  width={bw}
                  height={h}
                  fill={groupTint(g)}
                  stroke={groupColor(g)}
                  strokeWidth={g === current ? 3 : 1.5}
                />
              ) : (
                <rect x={bx} y={top} width={bw} height={h} className="bar-pending" />
              )}
              {known && showValues && (
                <text
                  x={bx + bw / 2}
                  y={v >= 0 ? top - 3 * s : top + h + 10 * s}
                  textAnchor="middle"
                  className="bar-value"
                >
                  {formatCell(v)}
                </text>
              )}
              {g % labelEvery === 0 && (
                <text
                  x={bx + bw / 2}
                  y={height - margin.bottom + 12 * s}
                  textAnchor="middle"
                  className="bar-label group-text"
                  style={groupTextVars(g) as CSSProperties}
                >
                  {g}
                </text>
              )}
            </g>
          );
        })}
        <text
          x={(margin.left + width - margin.right) / 2}
          y={height - 4 * s}
          textAnchor="middle"
          className="axis-title"
        >
          {unit}
        </text>
      </svg>
    </figure>
  );
});

/** A histogram's bins. */
interface Bins {
  x0: number;
  x1: number;
  count: number;
}

/** Counts `values` in `thresholds`-many equal bins over `domain`. */
export function histogram(values: ArrayLike<number>, domain: [number, number], thresholds = 16): Bins[] {
  const [lo, hi] = domain[1] > domain[0] ? domain : [domain[0] - 0.5, domain[0] + 0.5];
  const step = (hi - lo) / thresholds;
  const edges = Array.from({ length: thresholds - 1 }, (_, i) => lo + step * (i + 1));
  const b = bin<number, number>().domain([lo, hi]).thresholds(edges);
  return b(Array.from(values, (v) => Math.min(hi, Math.max(lo, v)))).map((g) => ({
    x0: g.x0!,
    x1: g.x1!,
    count: g.length,
  }));
}

/** The extent of several arrays together, widened a little so edge values sit inside. */
export function sharedDomain(arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    const [l, h] = extent(Array.from(a)) as [number, number];
    if (l < lo) lo = l;
    if (h > hi) hi = h;
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  const pad = (hi - lo) * 0.04 || 0.5;
  return [lo - pad, hi + pad];
}

/** A small histogram with its mean marked, on a shared domain and count scale. */
export const Histogram = memo(function Histogram({
  values,
  domain,
  maxCount,
  tone,
  width,
  label,
}: {
  values: Float32Array;
  domain: [number, number];
  maxCount: number;
  /** The bars' colour class (`hist-x`, `hist-xhat`, `hist-y` in norm.css: one colour per theme). */
  tone: string;
  width: number;
  label: string;
}) {
  const s = usePresentScale();
  const height = 64 * s;
  const m = { top: 4, right: 6, bottom: 16 * s, left: 6 };
  const x = scaleLinear()
    .domain(domain)
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, maxCount)])
    .range([height - m.bottom, m.top]);
  const bins = useMemo(() => histogram(values, domain), [values, domain]);
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length || 1;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={label}
      className="histogram"
      style={{ fontSize: 10 * s }}
    >
      <g className={tone}>
        {bins.map((b, i) => (
          <rect
            key={i}
            x={x(b.x0) + 0.5}
            y={y(b.count)}
            width={Math.max(0, x(b.x1) - x(b.x0) - 1)}
            height={y(0) - y(b.count)}
          />
        ))}
      </g>
      <line x1={x(mean)} x2={x(mean)} y1={m.top} y2={height - m.bottom} className="hist-mean" />
      {domain[0] < 0 && domain[1] > 0 && (
        <line x1={x(0)} x2={x(0)} y1={m.top} y2={height - m.bottom} className="hist-zero" />
      )}
      <BottomAxis scale={x} y={height - m.bottom} ticks={3} s={s} />
    </svg>
  );
});

/** Mean and biased variance of an array, in float64. */
export function moments(values: ArrayLike<number>): [number, number] {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  const mean = s / (values.length || 1);
  let q = 0;
  for (let i = 0; i < values.length; i++) q += (values[i]! - mean) ** 2;
  return [mean, q / (values.length || 1)];
}

/** A line of the running statistic over mini-batches, with each batch's own value as a dot. */
export const RunningChart = memo(function RunningChart({
  title,
  batchValues,
  runningAfter,
  start,
  width,
  testId,
}: {
  title: string;
  batchValues: number[];
  /** Running value after each batch; `start` before the first. */
  runningAfter: number[];
  start: number;
  width: number;
  testId: string;
}) {
  const t = useT(norm);
  const s = usePresentScale();
  const height = 140 * s;
  const m = { top: 12, right: 10, bottom: 28 * s, left: 44 * s };
  const B = batchValues.length;
  const all = [...batchValues, ...runningAfter, start];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.1 || 0.5;
  const x = scaleLinear()
    .domain([0, Math.max(1, B)])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([height - m.bottom, m.top])
    .nice();
  const line = [`M${x(0)} ${y(start)}`, ...runningAfter.map((v, i) => `L${x(i + 1)} ${y(v)}`)].join('');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={t.overBatches(title, formatCount(B))}
        style={{ fontSize: 10 * s }}
      >
        <LeftAxis scale={y} x={m.left} s={s} />
        <BottomAxis scale={x} y={height - m.bottom} ticks={Math.min(B, 6)} s={s} />
        <text x={(m.left + width - m.right) / 2} y={height - 2} textAnchor="middle" className="axis-title">
          {t.batchesSeen}
        </text>
        <path d={line} className="running-line" />
        {batchValues.map((v, i) => (
          <g key={i}>
            <circle cx={x(i + 1)} cy={y(v)} r={3.5 * s} className="batch-dot" />
            <title>{t.batchDot(formatCount(i + 1), formatValue(v))}</title>
          </g>
        ))}
        {runningAfter.map((v, i) => (
          <rect
            key={i}
            x={x(i + 1) - 3 * s}
            y={y(v) - 3 * s}
            width={6 * s}
            height={6 * s}
            className="running-dot"
          />
        ))}
      </svg>
      <p className="chart-key">
        <span className="key-dot" aria-hidden="true" /> {t.keyOwn} ·{' '}
        <span className="key-square" aria-hidden="true" /> {t.keyRunning}
      </p>
    </figure>
  );
});
