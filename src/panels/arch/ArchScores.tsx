import { memo } from 'react';
import { scaleLinear } from 'd3';
import { archTotals, linearClassifierParams, type ArchConfig, type ArchLayer } from '../../state/views/arch';
import { formatCount, formatValue } from '../../viz/format';
import { softmax } from './model';

const TEXT = {
  scoresTitle: (n: number) => `The ${n} scores`,
  scoresNote:
    'Untrained: the weights are random, so these scores are what the computation gives, not a prediction. Training would change the weights until the right class scores highest.',
  cnn: 'This CNN',
  linear: 'Fully connected classifier on the same input',
  scoresLabel: (who: string, s: ArrayLike<number>) =>
    `${who}: scores ${Array.from(s)
      .map((v, i) => `class ${i} ${formatValue(Math.round(v * 1000) / 1000)}`)
      .join(', ')}`,
  best: (i: number, p: number) => `highest: class ${i} (softmax ${(p * 100).toFixed(1)} %)`,
  compareTitle: 'Parameters: a fully connected classifier against this CNN',
  linearWorked: (c: number, h: number, w: number, k: number) => {
    const n = c * h * w;
    return `${c}×${h}×${w} flattened to ${formatCount(n)} inputs; weights ${k}×${formatCount(n)} plus ${k} biases: ${k}·${formatCount(n)} + ${k} = ${formatCount(k * n + k)} parameters`;
  },
  rows: {
    linear: 'Fully connected classifier',
    conv: 'CNN: convolutions only',
    fc: 'CNN: fully connected head',
    total: 'CNN: all layers',
  },
  scaling: (c: number, h: number, w: number, k: number, conv1: number) =>
    `Doubling the image to ${c}×${2 * h}×${2 * w} would make the fully connected classifier ${formatCount(linearClassifierParams({ c, h: 2 * h, w: 2 * w, classes: k }))} parameters, while conv1 keeps its ${formatCount(conv1)}: a convolution's weights do not depend on the image size, because the same small filters slide over every position.`,
};

/** Horizontal bars of signed scores around zero, with the class numbers and values written out. */
function ScoreBars({ scores, who, testId }: { scores: Float32Array; who: string; testId: string }) {
  const n = scores.length;
  const m = Math.max(1e-6, ...Array.from(scores, Math.abs));
  const width = 300;
  const row = n > 20 ? 10 : 18;
  const x = scaleLinear().domain([-m, m]).range([62, width - 54]);
  const probs = softmax(scores);
  const best = probs.indexOf(Math.max(...probs));
  return (
    <figure className="arch-scores">
      <figcaption>
        {who} <span className="dim">· {TEXT.best(best, probs[best]!)}</span>
      </figcaption>
      <svg width={width} height={n * row + 6} role="img" aria-label={TEXT.scoresLabel(who, scores)} data-testid={testId}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={n * row + 6} className="arch-zero" />
        {Array.from(scores, (s, i) => (
          <g key={i} transform={`translate(0,${i * row + 3})`}>
            {row >= 14 && (
              <text x={0} y={row / 2} dy="0.35em" className="arch-score-label">
                class {i}
              </text>
            )}
            <rect x={Math.min(x(0), x(s))} y={1} width={Math.abs(x(s) - x(0))} height={row - 3} className={s < 0 ? 'arch-neg' : 'arch-pos'} />
            {i === best && <rect x={62} y={0} width={width - 116} height={row - 1} className="arch-best" />}
            {row >= 14 && (
              <text x={width} y={row / 2} dy="0.35em" textAnchor="end" className="arch-score-value">
                {formatValue(Math.round(s * 1000) / 1000)}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/**
 * The final scores of the CNN and of the fully connected classifier on the same input, and their
 * parameter counts side by side: the classifier's C·H·W·classes + classes worked out, the CNN's
 * convolutions, head and total as bars on one scale, and what doubling the image would do.
 */
export const ArchScores = memo(function ArchScores({
  cfg,
  layers,
  scores,
  linearScores,
}: {
  cfg: ArchConfig;
  layers: readonly ArchLayer[];
  scores: Float32Array;
  linearScores: Float32Array;
}) {
  const t = archTotals(layers);
  const linear = linearClassifierParams(cfg);
  const bars = [
    { key: 'linear', label: TEXT.rows.linear, value: linear },
    { key: 'conv', label: TEXT.rows.conv, value: t.convParams },
    { key: 'fc', label: TEXT.rows.fc, value: t.fcParams },
    { key: 'total', label: TEXT.rows.total, value: t.params },
  ];
  const max = Math.max(...bars.map((b) => b.value));
  const x = scaleLinear().domain([0, max]).range([0, 150]);
  const conv1 = layers.find((l) => l.kind === 'conv')!.params;
  return (
    <>
      <section className="stage-block arch-scores-block" aria-labelledby="arch-scores-title">
        <header>
          <h3 id="arch-scores-title">{TEXT.scoresTitle(cfg.classes)}</h3>
        </header>
        <div className="arch-scores-row">
          <ScoreBars scores={scores} who={TEXT.cnn} testId="scores-cnn" />
          <ScoreBars scores={linearScores} who={TEXT.linear} testId="scores-linear" />
        </div>
        <p className="hint">{TEXT.scoresNote}</p>
      </section>
      <section className="stage-block arch-compare" aria-labelledby="arch-compare-title" data-testid="arch-compare">
        <header>
          <h3 id="arch-compare-title">{TEXT.compareTitle}</h3>
        </header>
        <p data-testid="linear-params">{TEXT.linearWorked(cfg.c, cfg.h, cfg.w, cfg.classes)}</p>
        <table className="arch-compare-table">
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="arch-compare-bar">
                  <span className={`arch-compare-fill arch-compare-${b.key}`} style={{ width: `${Math.max(1, x(b.value))}px` }} aria-hidden="true" />
                </td>
                <td data-testid={`compare-${b.key}`}>{formatCount(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{TEXT.scaling(cfg.c, cfg.h, cfg.w, cfg.classes, conv1)}</p>
      </section>
    </>
  );
});
