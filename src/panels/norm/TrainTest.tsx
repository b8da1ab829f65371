import { memo, useCallback, useMemo, useState } from 'react';
import { NORM_LIMITS, betaOf, gammaOf, mapSize, type NormConfig } from '../../state/views/norm';
import { formatTerm, formatValue } from '../../viz/format';
import { DecimalField } from './DecimalField';
import { RunningChart } from './Charts';
import { channelValues, type RunningHistory, type TestResult } from './model';
import { formatEps } from './steps';
import { TensorView } from './TensorView';
import { LABEL_W, coordsOf, tensorGeometry } from './layout';
import { maxAbsOf } from '../../viz/color';

interface Props {
  cfg: NormConfig;
  history: RunningHistory | null;
  test: TestResult | null;
  width: number;
  channelName: (c: number) => string;
  /** The channel to work out first (the current group's channel under batch norm). */
  focusChannel: number;
  onMode: (mode: 'train' | 'test') => void;
  onNextBatch: () => void;
  onBatch: (b: number) => void;
  onMomentum: (m: number) => void;
  rejection: { field: string; message: string } | null;
}

const NO_OVERLAYS = {};

/** A difference with its sign, e.g. "+0.31" or "−1.2". */
const signed = (v: number) => (v > 0 ? '+' : '') + formatValue(v);

/**
 * Training against testing. In training, mini-batches arrive one by one and batch norm keeps running
 * averages of their statistics (PyTorch: momentum m, the unbiased variance in the update); at test
 * time a single sample has no batch to take statistics from, so it is normalized with those running
 * statistics. Both the batch's and the running statistics are shown with their difference.
 */
export const TrainTest = memo(function TrainTest({
  cfg,
  history,
  test,
  width,
  channelName,
  focusChannel,
  onMode,
  onNextBatch,
  onBatch,
  onMomentum,
  rejection,
}: Props) {
  const [picked, setPicked] = useState<number | null>(null);
  const ch = Math.min(cfg.c - 1, picked ?? focusChannel);
  const isBatch = cfg.kind === 'batch';
  const k = cfg.n * mapSize(cfg);
  const last = history?.updates[cfg.batch]?.[ch];
  const reject = (...fields: string[]) =>
    rejection && fields.includes(rejection.field) ? (
      <p className="rejection" role="alert" data-testid={`rejection-${rejection.field}`}>
        {rejection.message}
      </p>
    ) : null;
  const chartW = Math.max(220, Math.min(420, Math.floor((width - 40) / 2)));
  const m = cfg.mom;
  const name = (c: number) => channelName(c);
  return (
    <section className="stage-block train-test" aria-labelledby="tt-title" data-testid="train-test">
      <header>
        <h3 id="tt-title">Training vs. testing</h3>
        <div className="mode-choices" role="radiogroup" aria-label="Mode">
          <label>
            <input
              type="radio"
              name="norm-mode"
              checked={cfg.mode === 'train'}
              onChange={() => onMode('train')}
              data-testid="mode-train"
            />{' '}
            Training
          </label>
          <label>
            <input
              type="radio"
              name="norm-mode"
              checked={cfg.mode === 'test'}
              onChange={() => onMode('test')}
              data-testid="mode-test"
            />{' '}
            Testing
          </label>
        </div>
      </header>
      <div className="batch-row">
        <span data-testid="batch-label">
          Mini-batch <strong>{cfg.batch + 1}</strong>
          <span className="dim"> of up to {NORM_LIMITS.batches}</span>
        </span>
        <button
          type="button"
          onClick={onNextBatch}
          disabled={cfg.batch + 1 >= NORM_LIMITS.batches || cfg.src === 'custom'}
          data-testid="next-batch"
        >
          Next batch
        </button>
        <button type="button" className="small" onClick={() => onBatch(0)} disabled={cfg.batch === 0}>
          Start again
        </button>
        <DecimalField
          label="Momentum m"
          value={cfg.mom}
          min={0}
          max={1}
          onChange={onMomentum}
          testId="momentum"
          width={4}
          hint="Weight of a new batch in the running statistics (PyTorch: 0.1)"
        />
      </div>
      {reject('batch', 'mom', 'mode')}
      {cfg.src === 'custom' && (
        <p className="hint">
          Typed values make a single mini-batch; choose another data source to see batches arrive.
        </p>
      )}
      {!isBatch && (
        <p className="coincidence" data-testid="no-running">
          {cfg.kind[0]!.toUpperCase() + cfg.kind.slice(1)} norm takes its statistics from each sample alone,
          so it computes the same thing in training and at test time: it keeps no running statistics. Only
          batch norm needs them, because a test sample has no batch.
        </p>
      )}
      {isBatch && history?.problem && (
        <p className="rejection" role="note" data-testid="running-problem">
          {history.problem}
        </p>
      )}
      {isBatch && history && !history.problem && cfg.mode === 'train' && last && (
        <>
          <p className="hint">
            Each mini-batch is normalized with its <em>own</em> mean and biased variance (over k = {k} values
            per {cfg.layout === 'nd' ? 'feature' : 'channel'}); at the same time the running averages move a
            fraction m = {formatValue(m)} towards it, using the unbiased variance σ²·k/(k − 1) as PyTorch
            does. They start at mean 0 and variance 1.
          </p>
          <table className="running-table" data-testid="running-table">
            <caption className="visually-hidden">Batch and running statistics per channel</caption>
            <thead>
              <tr>
                <th scope="col">{cfg.layout === 'nd' ? 'feature' : 'channel'}</th>
                <th scope="col">batch μ</th>
                <th scope="col">running μ</th>
                <th scope="col">batch − running</th>
                <th scope="col">batch σ² (biased)</th>
                <th scope="col">σ²·k/(k − 1)</th>
                <th scope="col">running σ²</th>
                <th scope="col">batch − running</th>
              </tr>
            </thead>
            <tbody>
              {history.updates[cfg.batch]!.map((u, c) => (
                <tr key={c} className={c === ch ? 'current' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setPicked(c)}
                      aria-pressed={c === ch}
                    >
                      {name(c)}
                    </button>
                  </th>
                  <td>{formatValue(u.mean)}</td>
                  <td data-testid={`running-mean-${c}`}>{formatValue(u.meanAfter)}</td>
                  <td>{signed(u.mean - u.meanAfter)}</td>
                  <td>{formatValue(u.variance)}</td>
                  <td>{formatValue(u.unbiased)}</td>
                  <td data-testid={`running-var-${c}`}>{formatValue(u.varAfter)}</td>
                  <td>{signed(u.variance - u.varAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="worked" data-testid="running-worked">
            <p>
              {name(ch)}, after mini-batch {cfg.batch + 1}:
            </p>
            <p>
              running μ ← (1 − m)·running μ + m·μ<sub>B</sub> = {formatValue(1 - m)}·
              {formatTerm(last.meanBefore)} + {formatValue(m)}·{formatTerm(last.mean)} ={' '}
              <strong>{formatValue(last.meanAfter)}</strong>
            </p>
            <p>
              running σ² ← (1 − m)·running σ² + m·σ²<sub>B</sub>·k/(k − 1) = {formatValue(1 - m)}·
              {formatValue(last.varBefore)} + {formatValue(m)}·{formatValue(last.variance)}·{k}/{k - 1} ={' '}
              <strong>{formatValue(last.varAfter)}</strong>
            </p>
          </div>
          <div className="chart-row">
            <RunningChart
              title={`Mean of ${name(ch)}`}
              batchValues={history.updates.map((row) => row[ch]!.mean)}
              runningAfter={history.updates.map((row) => row[ch]!.meanAfter)}
              start={0}
              width={chartW}
              testId="running-mean-chart"
            />
            <RunningChart
              title={`Variance of ${name(ch)} (unbiased)`}
              batchValues={history.updates.map((row) => row[ch]!.unbiased)}
              runningAfter={history.updates.map((row) => row[ch]!.varAfter)}
              start={1}
              width={chartW}
              testId="running-var-chart"
            />
          </div>
        </>
      )}
      {cfg.mode === 'test' && test && (
        <TestPanel
          cfg={cfg}
          test={test}
          ch={ch}
          name={name}
          isBatch={isBatch}
          batches={cfg.batch + 1}
          onPick={setPicked}
          width={width}
        />
      )}
      {cfg.mode === 'test' && !test && <p className="hint">Reading the images…</p>}
    </section>
  );
});

/** The test sample: its values, the statistics used, the output, and what its own statistics would give. */
function TestPanel({
  cfg,
  test,
  ch,
  name,
  isBatch,
  batches,
  onPick,
  width,
}: {
  cfg: NormConfig;
  test: TestResult;
  ch: number;
  name: (c: number) => string;
  isBatch: boolean;
  batches: number;
  onPick: (c: number) => void;
  width: number;
}) {
  const s = mapSize(cfg);
  const shape = useMemo(
    () => ({ layout: cfg.layout, n: 1, c: cfg.c, h: cfg.h, w: cfg.w }),
    [cfg.layout, cfg.c, cfg.h, cfg.w],
  );
  const half = (width - 60) / 2;
  const cell =
    cfg.layout === 'nd'
      ? Math.max(18, Math.min(56, Math.floor((half - LABEL_W) / cfg.c)))
      : Math.max(3, Math.min(40, Math.floor((half - LABEL_W - 4) / cfg.w)));
  const geo = useMemo(() => tensorGeometry(shape, cell), [shape, cell]);
  const mapGroup = useMemo(() => Int32Array.from({ length: cfg.c }, (_, c) => c), [cfg.c]);
  const xMax = useMemo(() => maxAbsOf(test.x.data), [test]);
  const yMax = useMemo(() => maxAbsOf(test.y), [test]);
  const describeX = useCallback(
    (f: number) => `${name(coordsOf(shape, f).c)}: x = ${formatValue(test.x.data[f]!)}`,
    [shape, name, test],
  );
  const describeY = useCallback(
    (f: number) => `${name(coordsOf(shape, f).c)}: y = ${formatValue(test.y[f]!)}`,
    [shape, name, test],
  );
  const ignore = useCallback(() => {}, []);
  const xs = channelValues(test.x.data, 1, ch, cfg.c, s);
  const ys = channelValues(test.y, 1, ch, cfg.c, s);
  const x0 = xs[0]!;
  const y0 = ys[0]!;
  const g = gammaOf(cfg, ch);
  const b = betaOf(cfg, ch);
  const show = Math.min(s, 8);
  return (
    <div className="test-panel" data-testid="test-panel">
      <p>
        {isBatch ? (
          <>
            At test time one sample arrives on its own: there is no batch to take statistics from. Batch norm
            uses the running statistics kept during training (after {batches} mini-
            {batches === 1 ? 'batch' : 'batches'}), so the output does not depend on which other samples
            happen to be processed with it.
          </>
        ) : (
          <>At test time the sample is normalized with its own statistics, exactly as in training.</>
        )}
      </p>
      {isBatch && test.ownMean && test.ownVar && (
        <table className="running-table" data-testid="test-table">
          <caption className="visually-hidden">Statistics used at test time and the sample’s own</caption>
          <thead>
            <tr>
              <th scope="col">{cfg.layout === 'nd' ? 'feature' : 'channel'}</th>
              <th scope="col">running μ (used)</th>
              <th scope="col">running σ² (used)</th>
              <th scope="col">the sample’s own μ</th>
              <th scope="col">
                its own σ² (over {s} {s === 1 ? 'value' : 'values'})
              </th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: cfg.c }, (_, c) => (
              <tr key={c} className={c === ch ? 'current' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onPick(c)}
                    aria-pressed={c === ch}
                  >
                    {name(c)}
                  </button>
                </th>
                <td>{formatValue(test.mean[c]!)}</td>
                <td>{formatValue(test.variance[c]!)}</td>
                <td>{formatValue(test.ownMean![c]!)}</td>
                <td>{formatValue(test.ownVar![c]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="stage test-tensors">
        <div>
          <h4>The test sample x</h4>
          <TensorView
            geo={geo}
            values={test.x.data}
            mapGroup={mapGroup}
            paint="value"
            maxAbs={xMax}
            overlays={NO_OVERLAYS}
            channelName={name}
            label="The test sample"
            testId="test-in"
            describe={describeX}
            onHover={ignore}
          />
        </div>
        <div>
          <h4>Its output y{isBatch ? ', with the running statistics' : ''}</h4>
          <TensorView
            geo={geo}
            values={test.y}
            mapGroup={mapGroup}
            paint="value"
            maxAbs={yMax}
            overlays={NO_OVERLAYS}
            channelName={name}
            label="The test sample’s output"
            testId="test-out"
            describe={describeY}
            onHover={ignore}
          />
        </div>
      </div>
      <div className="worked" data-testid="test-worked">
        <p>
          {name(ch)} of the test sample: x = {Array.from(xs.slice(0, show), (v) => formatValue(v)).join(', ')}
          {s > show ? ', …' : ''}
        </p>
        {isBatch ? (
          <p>
            y = γ·(x − running μ)/√(running σ² + ε) + β = {formatValue(g)}·({formatValue(x0)} −{' '}
            {formatTerm(test.mean[ch]!)})/√({formatValue(test.variance[ch]!)} + {formatEps(cfg.eps)}) +{' '}
            {formatTerm(b)} = <strong data-testid="test-y0">{formatValue(y0)}</strong>
          </p>
        ) : (
          <p>
            y of the first value = <strong data-testid="test-y0">{formatValue(y0)}</strong>
          </p>
        )}
        <p>
          y = {Array.from(ys.slice(0, show), (v) => formatValue(v)).join(', ')}
          {s > show ? ', …' : ''}
        </p>
        {isBatch && test.ownY && (
          <p className="coincidence" data-testid="own-stats">
            {test.ownVar![ch]! === 0
              ? `With only its own statistics (a batch of one) every value of ${name(ch)} would equal its mean: σ² = 0, so x̂ = 0 and y = β = ${formatValue(b)} whatever the input — the information is gone.`
              : `With only its own statistics (a batch of one) the first value would give y = ${formatValue(channelValues(test.ownY, 1, ch, cfg.c, s)[0]!)} instead of ${formatValue(y0)}: the sample would be standardized by itself, and how it differs from the training data would be lost.`}
          </p>
        )}
      </div>
    </div>
  );
}
