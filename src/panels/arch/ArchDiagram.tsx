import { memo, type ReactElement } from 'react';
import { scaleLinear, scaleLog, scaleSqrt } from 'd3';
import { useElementWidth } from '../../components/useElementWidth';
import type { ArchLayer } from '../../state/views/arch';
import { formatCount } from '../../viz/format';

const TEXT = {
  label: (items: Item[]) => `The network as boxes: ${items.map((i) => `${i.name} ${i.shape.join('×')}`).join(', ')}`,
  note: 'Box height and width follow H and W (one scale for all), the slanted depth follows the number of channels; bars are vectors, their height on a log scale of their length.',
};

interface Item {
  name: string;
  /** What leads to it, written on the arrow before it (one or two short lines). */
  op: string[];
  shape: number[];
}

/** The tensors worth drawing: the input, each convolution (with its ReLU) and pooling output, the flattened vector and each linear layer's output. */
function items(input: number[], layers: readonly ArchLayer[]): Item[] {
  const out: Item[] = [{ name: 'input', op: [], shape: input }];
  for (const l of layers) {
    if (l.kind === 'relu') continue;
    const op =
      l.kind === 'conv'
        ? [`conv ${l.k}×${l.k}`, `${l.p ? `p${l.p} ` : ''}+ ReLU`]
        : l.kind === 'pool'
          ? ['max pool', `${l.k}×${l.k}`]
          : l.kind === 'flatten'
            ? ['flatten']
            : l.name === 'out'
              ? ['linear']
              : ['linear', '+ ReLU'];
    out.push({ name: l.name, op, shape: l.outShape });
  }
  return out;
}

/**
 * The network drawn as a row of boxes, one per tensor: front faces sized by H×W on one shared d3
 * scale and depth by the channels (square-root scale), so the maps shrinking and the channels
 * growing are plain to see; vectors as bars; the layer between two tensors written on the arrow.
 */
export const ArchDiagram = memo(function ArchDiagram({ input, layers }: { input: number[]; layers: readonly ArchLayer[] }) {
  const [ref, avail] = useElementWidth<HTMLDivElement>(900);
  const list = items(input, layers);
  const maps = list.filter((i) => i.shape.length === 3);
  const vectors = list.filter((i) => i.shape.length === 1);
  const maxHW = Math.max(...maps.map((i) => Math.max(i.shape[1]!, i.shape[2]!)));
  const maxC = Math.max(...maps.map((i) => i.shape[0]!));
  const maxN = Math.max(2, ...vectors.map((i) => i.shape[0]!));
  const gap = Math.round(Math.max(58, Math.min(66, avail / (list.length * 1.7))));
  const maxDepth = 50;
  const depth = scaleSqrt().domain([0, maxC]).range([0, maxDepth]);
  // Fit the row to the width: everything but the boxes' fronts is fixed; the fronts share one scale.
  const fixed = 28 + gap * (list.length - 1) + 12 * vectors.length + maps.reduce((a, i) => a + Math.max(2, depth(i.shape[0]!)) * 0.7, 0);
  const relative = maps.reduce((a, i) => a + i.shape[2]! / maxHW, 0);
  const sideMax = Math.max(36, Math.min(120, (avail - fixed) / relative));
  const side = scaleLinear().domain([0, maxHW]).range([0, sideMax]);
  const bar = scaleLog().domain([1, maxN]).range([10, Math.max(90, sideMax + 30)]).clamp(true);
  const height = Math.max(sideMax, 90) + 130;
  const mid = 40 + (height - 80) / 2;
  let x = 14;
  const drawn = list.map((item, i) => {
    const start = x;
    let shape: ReactElement;
    let right: number;
    if (item.shape.length === 3) {
      const [C, H, W] = item.shape as [number, number, number];
      const w = Math.max(3, side(W));
      const h = Math.max(3, side(H));
      const d = Math.max(2, depth(C));
      const dx = d * 0.7;
      const dy = d * 0.5;
      const top = mid - h / 2 + dy / 2;
      const x0 = start;
      shape = (
        <g className={`arch-box arch-box-${i === 0 ? 'input' : item.name.replace(/\d+$/, '')}`}>
          <polygon className="arch-box-top" points={`${x0},${top} ${x0 + dx},${top - dy} ${x0 + w + dx},${top - dy} ${x0 + w},${top}`} />
          <polygon className="arch-box-side" points={`${x0 + w},${top} ${x0 + w + dx},${top - dy} ${x0 + w + dx},${top + h - dy} ${x0 + w},${top + h}`} />
          <rect className="arch-box-front" x={x0} y={top} width={w} height={h} />
        </g>
      );
      right = start + w + dx;
    } else {
      const n = item.shape[0]!;
      const h = bar(n);
      shape = <rect className={`arch-bar arch-bar-${item.name === 'out' ? 'out' : item.name === 'flatten' ? 'flat' : 'fc'}`} x={start} y={mid - h / 2} width={12} height={h} />;
      right = start + 12;
    }
    const centre = (start + right) / 2;
    const label = item.shape.length === 3 ? item.shape.join('×') : formatCount(item.shape[0]!);
    x = right + gap;
    return (
      <g key={item.name} data-testid={`box-${item.name}`}>
        {i > 0 && (
          <g className="arch-arrow">
            <line x1={start - gap + 6} x2={start - 6} y1={mid} y2={mid} markerEnd="url(#arch-arrowhead)" />
            <text x={start - gap / 2} y={mid - 8} textAnchor="middle">
              {item.op[0]}
            </text>
            {item.op[1] && (
              <text x={start - gap / 2} y={mid + 16} textAnchor="middle">
                {item.op[1]}
              </text>
            )}
          </g>
        )}
        {shape}
        <text x={centre} y={22} textAnchor="middle" className="arch-name">
          {item.name}
        </text>
        <text x={centre} y={height - 14} textAnchor="middle" className="arch-shape">
          {label}
        </text>
      </g>
    );
  });
  return (
    <figure className="arch-diagram">
      <div className="arch-diagram-scroll" ref={ref} tabIndex={0} role="region" aria-label="Network diagram">
        <svg width={x - gap + 14} height={height} role="img" aria-label={TEXT.label(list)} data-testid="arch-diagram">
          <defs>
            <marker id="arch-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0 0L10 5L0 10Z" fill="currentColor" />
            </marker>
          </defs>
          {drawn}
        </svg>
      </div>
      <figcaption className="hint">{TEXT.note}</figcaption>
    </figure>
  );
});
