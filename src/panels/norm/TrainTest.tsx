import { memo, useCallback, useMemo, useState } from 'react';
import { NORM_LIMITS, betaOf, gammaOf, mapSize, type NormConfig } from '../../state/views/norm';
import { formatCount, formatTerm, formatValue } from '../../viz/format';
import { norm, type NormText } from '../../i18n/norm';
import { useT } from '../../i18n/useT';
import { NumberField } from '../../components/NumberField';
import { RunningChart } from './Charts';
import { ONE_VALUE_ERROR, channelValues, type RunningHistory, type TestResult } from './model';
import { formatEps } from './steps';
import { TensorView } from './TensorView';
import { usePresentScale } from './present';
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

/** One cell of a channel row: its text, and a test id when a test reads it. */
interface RowCell {
  text: string;
  testId?: string;
}

/**
 * One channel's row of the statistics tables (training and testing): the channel's name as a
 * button that picks it for the worked arithmetic below (pressed when picked), then its numbers.
 */
function ChannelRow({
  name,
  current,
  onPick,
  cells,
}: {
  name: string;
  current: boolean;
  onPick: () => void;
  cells: readonly RowCell[];
}) {
  return (
    <tr className={current ? 'current' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" onClick={onPick} aria-pressed={current}>
          {name}
        </button>
      </th>
      {cells.map((c, i) => (
        <td key={i} data-testid={c.testId}>
          {c.text}
        </td>
      ))}
    </tr>
  );
}

/** The name of a normalization, as the sentence about running statistics starts with it. */
const kindName = (t: NormText, kind: NormConfig['kind']) =>
  ({ batch: t.batchNorm, layer: t.layerNorm, instance: t.instanceNorm, group: t.groupNorm })[kind];

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
  const t = useT(norm);
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
  const scale = usePresentScale();
  const chartW = Math.max(220, Math.min(420 * scale, Math.floor((width - 40) / 2)));
  const m = cfg.mom;
  const name = (c: number) => channelName(c);
  const unit = cfg.layout === 'nd' ? t.colFeature : t.colChannel;
  return (
    <section className="stage-block train-test" aria-labelledby="tt-title" data-testid="train-test">
      <header>
        <h3 id="tt-title">{t.trainTest}</h3>
        <div className="mode-choices" role="radiogroup" aria-label={t.mode}>
          <label>
            <input
              type="radio"
              name="norm-mode"
              checked={cfg.mode === 'train'}
              onChange={() => onMode('train')}
              data-testid="mode-train"
            />{' '}
            {t.training}
          </label>
          <label>
            <input
              type="radio"
              name="norm-mode"
              checked={cfg.mode === 'test'}
              onChange={() => onMode('test')}
              data-testid="mode-test"
            />{' '}
            {t.testing}
          </label>
        </div>
      </header>
      <div className="batch-row">
        <span data-testid="batch-label">
          {t.miniBatch} <strong>{cfg.batch + 1}</strong>
          <span className="dim"> {t.ofUpTo(String(NORM_LIMITS.batches))}</span>
        </span>
        <button
          type="button"
          onClick={onNextBatch}
          disabled={cfg.batch + 1 >= NORM_LIMITS.batches || cfg.src === 'custom'}
          data-testid="next-batch"
        >
          {t.nextBatch}
        </button>
        <button type="button" className="small" onClick={() => onBatch(0)} disabled={cfg.batch === 0}>
          {t.startAgain}
        </button>
        <NumberField
          decimal
          label={t.momentum}
          value={cfg.mom}
          min={0}
          max={1}
          onChange={onMomentum}
          testId="momentum"
          width={4}
          hint={t.momentumHint}
          className="edit-only"
        />
      </div>
      {reject('batch', 'mom', 'mode')}
      {cfg.src === 'custom' && <p className="hint">{t.customBatch}</p>}
      {!isBatch && (
        <p className="coincidence" data-testid="no-running">
          {t.noRunning(kindName(t, cfg.kind))}
        </p>
      )}
      {isBatch && history?.tooFew !== null && history?.tooFew !== undefined && (
        <p className="rejection" role="note" data-testid="running-problem">
          {t.runningProblem(formatCount(history.tooFew))} <code>{ONE_VALUE_ERROR}</code>
        </p>
      )}
      {isBatch && history && history.tooFew === null && cfg.mode === 'train' && last && (
        <>
          <p className="hint">{t.trainHint(formatCount(k), unit, formatValue(m))}</p>
          <table className="running-table" data-testid="running-table">
            <caption className="visually-hidden">{t.runningCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{unit}</th>
                <th scope="col">{t.hBatchMean}</th>
                <th scope="col">{t.hRunningMean}</th>
                <th scope="col">{t.hDiff}</th>
                <th scope="col">{t.hBatchVar}</th>
                <th scope="col">σ²·k/(k − 1)</th>
                <th scope="col">{t.hRunningVar}</th>
                <th scope="col">{t.hDiff}</th>
              </tr>
            </thead>
            <tbody>
              {history.updates[cfg.batch]!.map((u, c) => (
                <ChannelRow
                  key={c}
                  name={name(c)}
                  current={c === ch}
                  onPick={() => setPicked(c)}
                  cells={[
                    { text: formatValue(u.mean) },
                    { text: formatValue(u.meanAfter), testId: `running-mean-${c}` },
                    { text: signed(u.mean - u.meanAfter) },
                    { text: formatValue(u.variance) },
                    { text: formatValue(u.unbiased) },
                    { text: formatValue(u.varAfter), testId: `running-var-${c}` },
                    { text: signed(u.variance - u.varAfter) },
                  ]}
                />
              ))}
            </tbody>
          </table>
          <div className="worked" data-testid="running-worked">
            <p>{t.afterBatch(name(ch), formatCount(cfg.batch + 1))}</p>
            <p className="math">
              {t.runningMeanRule}
              <sub>B</sub> = {formatValue(1 - m)}·{formatTerm(last.meanBefore)} + {formatValue(m)}·
              {formatTerm(last.mean)} = <strong>{formatValue(last.meanAfter)}</strong>
            </p>
            <p className="math">
              {t.runningVarRule}
              <sub>B</sub>·k/(k − 1) = {formatValue(1 - m)}·{formatValue(last.varBefore)} + {formatValue(m)}·
              {formatValue(last.variance)}·{k}/{k - 1} = <strong>{formatValue(last.varAfter)}</strong>
            </p>
          </div>
          <div className="chart-row">
            <RunningChart
              title={t.meanOf(name(ch))}
              batchValues={history.updates.map((row) => row[ch]!.mean)}
              runningAfter={history.updates.map((row) => row[ch]!.meanAfter)}
              start={0}
              width={chartW}
              testId="running-mean-chart"
            />
            <RunningChart
              title={t.varianceOf(name(ch))}
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
      {cfg.mode === 'test' && !test && <p className="hint">{t.reading}</p>}
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
  const t = useT(norm);
  const s = mapSize(cfg);
  const shape = useMemo(
    () => ({ layout: cfg.layout, n: 1, c: cfg.c, h: cfg.h, w: cfg.w }),
    [cfg.layout, cfg.c, cfg.h, cfg.w],
  );
  const scale = usePresentScale();
  const half = (width - 60) / 2;
  const labelW = Math.round(LABEL_W * scale);
  const cell =
    cfg.layout === 'nd'
      ? Math.max(18, Math.min(56 * scale, Math.floor((half - labelW) / cfg.c)))
      : Math.max(3, Math.min(40 * scale, Math.floor((half - labelW - 4) / cfg.w)));
  const geo = useMemo(() => tensorGeometry(shape, cell, scale), [shape, cell, scale]);
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
      <p>{isBatch ? t.testIntroBatch(formatCount(batches)) : t.testIntroOther}</p>
      {isBatch && test.ownMean && test.ownVar && (
        <table className="running-table" data-testid="test-table">
          <caption className="visually-hidden">{t.testCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{cfg.layout === 'nd' ? t.colFeature : t.colChannel}</th>
              <th scope="col">{t.hRunningMeanUsed}</th>
              <th scope="col">{t.hRunningVarUsed}</th>
              <th scope="col">{t.hOwnMean}</th>
              <th scope="col">{t.hOwnVar(formatCount(s))}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: cfg.c }, (_, c) => (
              <ChannelRow
                key={c}
                name={name(c)}
                current={c === ch}
                onPick={() => onPick(c)}
                cells={[
                  { text: formatValue(test.mean[c]!) },
                  { text: formatValue(test.variance[c]!) },
                  { text: formatValue(test.ownMean![c]!) },
                  { text: formatValue(test.ownVar![c]!) },
                ]}
              />
            ))}
          </tbody>
        </table>
      )}
      <div className="stage test-tensors">
        <div>
          <h4>{t.testSample}</h4>
          <TensorView
            geo={geo}
            values={test.x.data}
            mapGroup={mapGroup}
            paint="value"
            maxAbs={xMax}
            overlays={NO_OVERLAYS}
            channelName={name}
            label={t.testSampleLabel}
            testId="test-in"
            describe={describeX}
            onHover={ignore}
          />
        </div>
        <div>
          <h4>{isBatch ? t.testOutputBatch : t.testOutput}</h4>
          <TensorView
            geo={geo}
            values={test.y}
            mapGroup={mapGroup}
            paint="value"
            maxAbs={yMax}
            overlays={NO_OVERLAYS}
            channelName={name}
            label={t.testOutputLabel}
            testId="test-out"
            describe={describeY}
            onHover={ignore}
          />
        </div>
      </div>
      <div className="worked" data-testid="test-worked">
        <p>
          {t.testValues(
            name(ch),
            Array.from(xs.slice(0, show), (v) => formatValue(v)).join(', ') + (s > show ? ', …' : ''),
          )}
        </p>
        {isBatch ? (
          <p className="math">
            {t.testRule} = {formatValue(g)}·({formatValue(x0)} − {formatTerm(test.mean[ch]!)})/√(
            {formatValue(test.variance[ch]!)} + {formatEps(cfg.eps)}) + {formatTerm(b)} ={' '}
            <strong data-testid="test-y0">{formatValue(y0)}</strong>
          </p>
        ) : (
          <p className="math">
            {t.firstY} = <strong data-testid="test-y0">{formatValue(y0)}</strong>
          </p>
        )}
        <p className="math">
          y = {Array.from(ys.slice(0, show), (v) => formatValue(v)).join(', ')}
          {s > show ? ', …' : ''}
        </p>
        {isBatch && test.ownY && (
          <p className="coincidence" data-testid="own-stats">
            {test.ownVar![ch]! === 0
              ? t.ownZero(name(ch), formatValue(b))
              : t.ownOther(formatValue(channelValues(test.ownY, 1, ch, cfg.c, s)[0]!), formatValue(y0))}
          </p>
        )}
      </div>
    </div>
  );
}
