import { useAppStore } from '../state/store';
import { useId, useMemo } from 'react';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { scaleLinear } from 'd3';
import { paletteScale, type Palette } from '../viz/color';
import { formatCell } from '../viz/format';

/** A horizontal colour bar for the diverging map from −m to m, with d3's ticks under it. */
export function ColorLegend({ maxAbs, label, width = 160, palette = 'signed' }: { maxAbs: number; label: string; width?: number; palette?: Palette }) {
  const m = maxAbs > 1e-12 ? maxAbs : 1;
  const { stops, ticks, x } = useMemo(() => {
    const color = paletteScale(palette, m);
    const lo = palette === 'grey' ? 0 : -m;
    const x = scaleLinear().domain([lo, m]).range([0, width]);
    const stops = Array.from({ length: 11 }, (_, i) => {
      const v = lo + ((m - lo) * i) / 10;
      return { offset: `${i * 10}%`, color: color(v) };
    });
    return { stops, ticks: x.ticks(4), x };
  }, [m, width, palette]);
  const t = useT(common);
  // Presenting, the legend is read from the back of a hall too.
  const k = useAppStore((st) => st.ui.present) ? 1.6 : 1;
  const id = `legend-${useId().replace(/:/g, '')}`;
  return (
    <figure className="legend" aria-label={
        palette === 'grey'
          ? t.legendGrey(label, formatCell(m))
          : t.legendSigned(label, formatCell(-m), formatCell(m))
      }>
      <svg width={width + 16 * k} height={30 * k} aria-hidden="true">
        <defs>
          <linearGradient id={id}>
            {stops.map((s) => (
              <stop key={s.offset} offset={s.offset} stopColor={s.color} />
            ))}
          </linearGradient>
        </defs>
        <g transform={`translate(${8 * k},2)`}>
          <rect width={width} height={10 * k} fill={`url(#${id})`} stroke="var(--line)" />
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},${10 * k})`}>
              <line y2={4 * k} stroke="currentColor" />
              <text y={14 * k} dy="0.35em" textAnchor="middle" fontSize={10 * k} fill="currentColor">
                {formatCell(t)}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
