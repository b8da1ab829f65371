import { memo, useMemo } from 'react';
import type { NormGroupTrace, NormStep } from '../../engine/trace-norm';
import { formatCount, formatValue } from '../../viz/format';
import { norm } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import { STAGES, formatEps, stageFormula, stageIndex, stepArithmetic, sub } from './steps';
import { groupColor, groupDark, groupTint } from './colors';

/** Rows of the member table shown at once (a window that follows the current member). */
const WINDOW = 10;

interface StepSheetProps {
  step: NormStep;
  trace: NormGroupTrace;
  eps: number;
  /** "channel 2 of every sample". */
  groupWords: string;
  /** "N·H·W = 2·3·3 = 18". */
  countWords: string;
  /** Where member `flat` is: "n 1, c 2, (0, 1)", and the head of that column. */
  where: (flat: number) => string;
  whereHead: string;
}

/**
 * One group's statistics worked out step by step: the six stages (Σx, μ, (x − μ)², σ², x̂, y) with
 * what each has produced so far, the current step's arithmetic with every number substituted, and
 * the members' table filling in column by column.
 */
export const StepSheet = memo(function StepSheet({
  step,
  trace,
  eps,
  groupWords,
  countWords,
  where,
  whereHead,
}: StepSheetProps) {
  const t = useT(norm);
  const m = trace.count;
  const stage = stageIndex(step.stage);
  const k = step.k;
  const prefix = useMemo(() => {
    const out = new Float64Array(m);
    let s = 0;
    for (let i = 0; i < m; i++) out[i] = s += trace.values[i]!;
    return out;
  }, [trace, m]);
  const sqPrefix = useMemo(() => {
    const out = new Float64Array(m);
    let s = 0;
    for (let i = 0; i < m; i++) out[i] = s += trace.sqDevs[i]!;
    return out;
  }, [trace, m]);
  /** Members 0 … upTo(s) of stage s are computed. */
  const upTo = (s: number) => (stage > s ? m - 1 : stage === s ? k : -1);
  const known = (s: number, i: number) => i <= upTo(s);

  const results = [
    stage > 0 ? formatValue(trace.sum) : stage === 0 ? t.soFar(formatValue(prefix[k]!)) : '',
    stage >= 1 ? formatValue(trace.mean) : '',
    stage > 2
      ? `Σ = ${formatValue(sqPrefix[m - 1]!)}`
      : stage === 2
        ? t.sumSoFar(formatValue(sqPrefix[k]!))
        : '',
    stage >= 3 ? formatValue(trace.variance) : '',
    stage >= 4 ? `√(σ² + ε) = ${formatValue(trace.std)}` : '',
    stage >= 5 ? t.countOf(formatCount(k + 1), formatCount(m)) : '',
  ];
  /** Column heads of the member table. */
  const heads = ['k', whereHead, 'x', t.headSum, '(x − μ)²', 'x̂', 'γ', 'β', 'y'];

  const focusRow = k >= 0 ? k : m - 1;
  const size = Math.min(WINDOW, m);
  // The window moves a page at a time, so a step changes a cell or two, not every row.
  const start = Math.min(m - size, Math.floor(focusRow / size) * size);
  const rows = Array.from({ length: size }, (_, j) => start + j);
  const cell = (ok: boolean, v: number) => (
    <span role="cell" className={ok ? undefined : 'pending'}>
      {ok ? formatValue(v) : '·'}
    </span>
  );
  const g = trace.group;
  return (
    <section className="step-detail norm-sheet" aria-labelledby="norm-sheet-title" data-testid="step-sheet">
      <div className="step-head">
        <h3 id="norm-sheet-title">
          <span
            className="group-chip"
            style={{ background: groupTint(g), borderColor: groupColor(g), color: groupDark(g) }}
          >
            {t.groupN(String(g))}
          </span>{' '}
          {groupWords} <span className="dim">· m = {countWords}</span>
        </h3>
      </div>
      <ol className="stage-ladder" aria-label={t.stages}>
        {STAGES.map((s, i) => (
          <li
            key={s.stage}
            className={i < stage ? 'done' : i === stage ? 'current' : 'todo'}
            aria-current={i === stage ? 'step' : undefined}
            data-testid={`stage-${s.stage}`}
          >
            <span className="stage-name">{s.name}</span>
            <span className="stage-result">{results[i] || '\u00a0'}</span>
          </li>
        ))}
      </ol>
      <p className="stage-formula">
        <span className="dim">{stageFormula(stage, t)}</span>
      </p>
      <p className="step-arith" data-testid="step-arith">
        {stepArithmetic(step, eps, t)}
      </p>
      {/* Focusable, so that a table wider than the screen scrolls from the keyboard too. */}
      <div className="member-table-wrap" tabIndex={0} role="region" aria-labelledby="member-caption">
        <p className="member-caption dim" id="member-caption">
          {t.memberCaption(formatCount(m), String(g))}
          {m > size ? ` · ${t.rowsShown(String(start), String(start + size - 1))}` : ''} · ε ={' '}
          {formatEps(eps)}
        </p>
        {/* Rows of fixed size with layout containment: a step changes one cell and lays out only its row. */}
        <div
          className="member-table"
          role="table"
          aria-describedby="member-caption"
          data-testid="member-table"
        >
          <div role="rowgroup">
            <div role="row" className="mrow mhead">
              {heads.map((h, i) => (
                <span key={i} role="columnheader">
                  {h}
                </span>
              ))}
            </div>
          </div>
          <div role="rowgroup">
            {rows.map((i, slot) => (
              // Keyed by slot: a new page of rows updates texts in place instead of replacing the rows.
              <div
                role="row"
                key={slot}
                className={`mrow${i === k ? ' current' : ''}`}
                data-testid={`member-${i}`}
              >
                <span role="rowheader">{sub(i)}</span>
                <span role="cell" className="where">
                  {where(trace.members[i]!)}
                </span>
                <span role="cell">{formatValue(trace.values[i]!)}</span>
                {cell(known(0, i), prefix[i]!)}
                {cell(known(2, i), trace.sqDevs[i]!)}
                {cell(known(4, i), trace.xhat[i]!)}
                <span role="cell">{formatValue(trace.gamma[i]!)}</span>
                <span role="cell">{formatValue(trace.beta[i]!)}</span>
                {cell(known(5, i), trace.y[i]!)}
              </div>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
});
