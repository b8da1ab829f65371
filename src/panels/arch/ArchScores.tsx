import { memo } from 'react';
import { scaleLinear } from 'd3';
import { archTotals, linearClassifierParams, type ArchConfig, type ArchLayer } from '../../state/views/arch';
import { formatCount, formatValue } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { arch } from '../../i18n/arch';
import { softmax } from './model';
import { linearWorkedText, scoresText } from './text';

/** Horizontal bars of signed scores around zero, with the class numbers and values written out. */
function ScoreBars({ scores, who, testId, present }: { scores: Float32Array; who: string; testId: string; present: boolean }) {
  const t = useT(arch);
  const n = scores.length;
  const m = Math.max(1e-6, ...Array.from(scores, Math.abs));
  // Presentation mode: longer bars, taller rows and larger type.
  const s = present ? 1.6 : 1;
  const font = present ? 17 : 11;
  const width = 300 * s;
  const row = (n > 20 ? 10 : 18) * s;
  const left = 62 * s;
  const right = 54 * s;
  const x = scaleLinear().domain([-m, m]).range([left, width - right]);
  const probs = softmax(scores);
  const best = probs.indexOf(Math.max(...probs));
  return (
    <figure className="arch-scores">
      <figcaption>
        {who} <span className="dim">· {t.best(t.className(String(best)), (probs[best]! * 100).toFixed(1))}</span>
      </figcaption>
      <svg width={width} height={n * row + 6} role="img" aria-label={scoresText(who, scores, t)} fontSize={font} data-testid={testId}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={n * row + 6} className="arch-zero" />
        {Array.from(scores, (s, i) => (
          <g key={i} transform={`translate(0,${i * row + 3})`}>
            {n <= 20 && (
              <text x={0} y={row / 2} dy="0.35em" className="arch-score-label">
                {t.className(String(i))}
              </text>
            )}
            <rect x={Math.min(x(0), x(s))} y={1} width={Math.abs(x(s) - x(0))} height={row - 3} className={s < 0 ? 'arch-neg' : 'arch-pos'} />
            {i === best && <rect x={left} y={0} width={width - left - right} height={row - 1} className="arch-best" />}
            {n <= 20 && (
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
  present = false,
}: {
  cfg: ArchConfig;
  layers: readonly ArchLayer[];
  scores: Float32Array;
  linearScores: Float32Array;
  present?: boolean;
}) {
  const t = useT(arch);
  const totals = archTotals(layers);
  const linear = linearClassifierParams(cfg);
  const bars = [
    { key: 'linear', label: t.rowLinear, value: linear },
    { key: 'conv', label: t.rowConv, value: totals.convParams },
    { key: 'fc', label: t.rowFc, value: totals.fcParams },
    { key: 'total', label: t.rowTotal, value: totals.params },
  ];
  const max = Math.max(...bars.map((b) => b.value));
  const x = scaleLinear().domain([0, max]).range([0, present ? 240 : 150]);
  const doubled = { c: cfg.c, h: 2 * cfg.h, w: 2 * cfg.w, classes: cfg.classes };
  const conv1 = layers.find((l) => l.kind === 'conv')!.params;
  return (
    <>
      <section className="stage-block arch-scores-block" aria-labelledby="arch-scores-title">
        <header>
          <h3 id="arch-scores-title">{t.scoresTitle(formatCount(cfg.classes))}</h3>
        </header>
        <div className="arch-scores-row">
          <ScoreBars scores={scores} who={t.cnn} testId="scores-cnn" present={present} />
          <ScoreBars scores={linearScores} who={t.linear} testId="scores-linear" present={present} />
        </div>
        <p className="hint">{t.scoresNote}</p>
      </section>
      <section className="stage-block arch-compare" aria-labelledby="arch-compare-title" data-testid="arch-compare">
        <header>
          <h3 id="arch-compare-title">{t.compareTitle}</h3>
        </header>
        <p data-testid="linear-params">{linearWorkedText(cfg.c, cfg.h, cfg.w, cfg.classes, t)}</p>
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
        <p className="hint">{t.scaling(`${doubled.c}×${doubled.h}×${doubled.w}`, formatCount(linearClassifierParams(doubled)), formatCount(conv1))}</p>
      </section>
    </>
  );
});
