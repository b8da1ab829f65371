import { memo, type ReactElement } from 'react';
import { scaleLinear, scaleLog, scaleSqrt } from 'd3';
import { useElementWidth } from '../../components/useElementWidth';
import type { ArchLayer } from '../../state/views/arch';
import { formatCount } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { arch } from '../../i18n/arch';
import { opLines, type ArchT } from './text';

interface Item {
  /** What is written above it (the input's name in the page's language, else the layer's name). */
  name: string;
  /** A stable key and test id: 'input' or the layer's name. */
  key: string;
  /** What leads to it, written on the arrow before it (one or two short lines). */
  op: string[];
  shape: number[];
}

/** The tensors worth drawing: the input, each convolution (with its ReLU) and pooling output, the flattened vector and each linear layer's output. */
function items(input: number[], layers: readonly ArchLayer[], t: ArchT): Item[] {
  const out: Item[] = [{ name: t.inputName, key: 'input', op: [], shape: input }];
  for (const l of layers) {
    if (l.kind === 'relu') continue;
    out.push({ name: l.name, key: l.name, op: opLines(l, t), shape: l.outShape });
  }
  return out;
}

/** About how wide a label is in px at `size`: Hangul and other wide characters count a full em. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\uffdc]/.test(ch) ? 1 : /[0-9A-Za-z]/.test(ch) ? 0.58 : 0.45;
  return em * size;
}

/**
 * The network drawn as a row of boxes, one per tensor: front faces sized by H×W on one shared d3
 * scale and depth by the channels (square-root scale), so the maps shrinking and the channels
 * growing are plain to see; vectors as bars; the layer between two tensors written on the arrow.
 */
export const ArchDiagram = memo(function ArchDiagram({ input, layers, present = false }: { input: number[]; layers: readonly ArchLayer[]; present?: boolean }) {
  const t = useT(arch);
  const [ref, avail] = useElementWidth<HTMLDivElement>(900);
  // Presentation mode: everything half as large again, and the type larger still, for the back of a hall.
  const s = present ? 1.5 : 1;
  const opSize = present ? 17 : 10;
  const nameSize = present ? 20 : 12;
  const list = items(input, layers, t);
  const maps = list.filter((i) => i.shape.length === 3);
  const vectors = list.filter((i) => i.shape.length === 1);
  const maxHW = Math.max(...maps.map((i) => Math.max(i.shape[1]!, i.shape[2]!)));
  const maxC = Math.max(...maps.map((i) => i.shape[0]!));
  const maxN = Math.max(2, ...vectors.map((i) => i.shape[0]!));
  // Every arrow is long enough for the widest words written on it (Korean words are wider).
  const widest = Math.max(0, ...list.flatMap((i) => i.op.map((line) => textWidth(line, opSize))));
  const gap = Math.round(Math.max(58 * s, widest + 10, Math.min(66 * s, avail / (list.length * 1.7))));
  const maxDepth = 50 * s;
  const barW = 12 * s;
  const depth = scaleSqrt().domain([0, maxC]).range([0, maxDepth]);
  // Fit the row to the width: everything but the boxes' fronts is fixed; the fronts share one scale.
  const fixed = 28 + gap * (list.length - 1) + barW * vectors.length + maps.reduce((a, i) => a + Math.max(2, depth(i.shape[0]!)) * 0.7, 0);
  const relative = maps.reduce((a, i) => a + i.shape[2]! / maxHW, 0);
  const sideMax = Math.max(36 * s, Math.min(120 * s, (avail - fixed) / relative));
  const side = scaleLinear().domain([0, maxHW]).range([0, sideMax]);
  const bar = scaleLog().domain([1, maxN]).range([10 * s, Math.max(90 * s, sideMax + 30 * s)]).clamp(true);
  const top0 = nameSize + 28;
  const height = Math.max(sideMax, 90 * s) + 2 * top0 + 50 * s;
  const mid = height / 2;
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
        <g className={`arch-box arch-box-${item.key.replace(/\d+$/, '')}`}>
          <polygon className="arch-box-top" points={`${x0},${top} ${x0 + dx},${top - dy} ${x0 + w + dx},${top - dy} ${x0 + w},${top}`} />
          <polygon className="arch-box-side" points={`${x0 + w},${top} ${x0 + w + dx},${top - dy} ${x0 + w + dx},${top + h - dy} ${x0 + w},${top + h}`} />
          <rect className="arch-box-front" x={x0} y={top} width={w} height={h} />
        </g>
      );
      right = start + w + dx;
    } else {
      const n = item.shape[0]!;
      const h = bar(n);
      shape = <rect className={`arch-bar arch-bar-${item.key === 'out' ? 'out' : item.key === 'flatten' ? 'flat' : 'fc'}`} x={start} y={mid - h / 2} width={barW} height={h} />;
      right = start + barW;
    }
    const centre = (start + right) / 2;
    const label = item.shape.length === 3 ? item.shape.join('×') : formatCount(item.shape[0]!);
    x = right + gap;
    return (
      <g key={item.key} data-testid={`box-${item.key}`}>
        {i > 0 && (
          <g className="arch-arrow" fontSize={opSize}>
            <line x1={start - gap + 6} x2={start - 6} y1={mid} y2={mid} markerEnd="url(#arch-arrowhead)" />
            <text x={start - gap / 2} y={mid - opSize * 0.7} textAnchor="middle">
              {item.op[0]}
            </text>
            {item.op[1] && (
              <text x={start - gap / 2} y={mid + opSize * 1.6} textAnchor="middle">
                {item.op[1]}
              </text>
            )}
          </g>
        )}
        {shape}
        <text x={centre} y={nameSize + 10} textAnchor="middle" className="arch-name" fontSize={nameSize}>
          {item.name}
        </text>
        <text x={centre} y={height - 14} textAnchor="middle" className="arch-shape" fontSize={nameSize}>
          {label}
        </text>
      </g>
    );
  });
  const described = list.map((i) => `${i.name} ${i.shape.join('×')}`).join(', ');
  return (
    <figure className="arch-diagram">
      <div className="arch-diagram-scroll" ref={ref} tabIndex={0} role="region" aria-label={t.diagramRegion}>
        <svg width={x - gap + 14} height={height} role="img" aria-label={t.diagramLabel(described)} data-testid="arch-diagram">
          <defs>
            <marker id="arch-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0 0L10 5L0 10Z" fill="currentColor" />
            </marker>
          </defs>
          {drawn}
        </svg>
      </div>
      <figcaption className="hint">{t.diagramNote}</figcaption>
    </figure>
  );
});
