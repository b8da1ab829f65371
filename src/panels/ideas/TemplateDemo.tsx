import { useMemo } from 'react';
import { Grid } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount, formatValue } from '../../viz/format';
import { FIRST_TEMPLATES, IDEAS_LIMITS, TEMPLATE_SOURCES, setFirstTemplate, setSeed, setTemplateCount, setTemplateInput, setTemplateSource, type FirstTemplate, type TemplateSource } from '../../state/views/ideas';
import { SCORE_TOLERANCE, buildTemplateModel, scoresAgree } from './models';
import { Refusal, SeedField, ShapeFields, TensorPicture, channelLabel, fitCell, useSamplePixels, type DemoProps } from './common';

/** The demonstration's words, in one place. */
const TEXT = {
  title: 'A filter as large as the image is template matching',
  lead:
    'A filter as large as its input fits in one position only, so each filter gives ONE number: the sum of filter ⊙ image ' +
    'plus the bias — the dot product of the flattened image with the flattened filter. That is a linear classifier’s ' +
    'score W·x + b, with each filter as one row of W. The filters are templates; a score says how well the image matches one.',
  sources: {
    seeded: 'Seeded whole numbers',
    checker: 'Checkerboard (image)',
    digit: 'Handwritten 7 (image)',
    gradient: 'Colour gradient (image)',
    scene: 'Landscape (image)',
  } as Record<TemplateSource, string>,
  settings: 'Template demonstration settings',
  first: { image: 'The image itself, minus its mean', random: 'Seeded, like the others' } as Record<FirstTemplate, string>,
  selfNote: 'Template 0 is the image minus its mean brightness: its score is Σ (x − mean)·x = Σ (x − mean)², so the image usually matches it best.',
};

const LIMITS = IDEAS_LIMITS.template;
/** The score table's column heads: in full, and short for phones. */
const HEADS = [
  ['Template', 'k'],
  ['Convolution, output [k, 0, 0]', 'Conv.'],
  ['Linear, W·x + b row k', 'W·x + b'],
  ['|difference|', '|diff.|'],
  ['Same?', 'Same?'],
] as const;
const tol = `|convolution − linear| ≤ ${SCORE_TOLERANCE.toExponential(0).replace('-', '−')} · max(1, |score|)`;

/**
 * The template demonstration: K filters of the input's own C×H×W shape give K×1×1 scores; beside
 * them the linear classifier's W·x + b on the flattened image, equal within the stated tolerance; the
 * filters drawn as pictures (templates) and, flattened, as the rows of W.
 */
export function TemplateDemo({ cfg, act, rejection }: DemoProps) {
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const { pixels, error } = useSamplePixels(cfg.tsrc, cfg.tc, cfg.th, cfg.tw);
  const image = cfg.tsrc !== 'seeded';
  const key = JSON.stringify([cfg.seed, cfg.tc, cfg.th, cfg.tw, cfg.tk, cfg.tsrc]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => buildTemplateModel(cfg, pixels), [key, pixels]);
  const { tc: C, th: H, tw: W, tk: K } = cfg;
  const plane = H * W;
  const N = C * plane;
  const rgb = image && C === 3;
  const narrow = width < 640;
  const cell = fitCell(Math.max(H, W), narrow ? Math.min(width - 40, 200) : Math.min(220, (width - 60) / (C + 1)), 30, 8);
  const tcell = fitCell(Math.max(H, W), narrow ? (width - 60) / Math.min(C, 2) : Math.min(120, (width - 180) / C), 22, 4);
  const stripCell = Math.max(1.5, Math.min(20, (width - 140) / N));

  const inputs = useMemo(() => Array.from({ length: C }, (_, c) => model.input.data.subarray(c * plane, (c + 1) * plane)), [model, C, plane]);
  const templates = useMemo(
    () =>
      Array.from({ length: K }, (_, k) => ({
        all: model.templates.data.subarray(k * N, (k + 1) * N),
        channels: Array.from({ length: C }, (_, c) => model.templates.data.subarray(k * N + c * plane, k * N + (c + 1) * plane)),
      })),
    [model, K, C, N, plane],
  );
  const allEqual = Array.from(model.convScores).every((s, k) => scoresAgree(s, model.linScores[k]!));

  return (
    <div className="ideas-demo" data-testid="demo-template">
      <aside className="side" aria-label="Settings">
        <form className="controls" aria-label={TEXT.settings} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Input</legend>
            <label className="field">
              Source
              <select value={cfg.tsrc} data-testid="template-source" onChange={(e) => act(setTemplateSource(cfg, e.target.value as TemplateSource))}>
                {TEMPLATE_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {TEXT.sources[s]}
                  </option>
                ))}
              </select>
            </label>
            <ShapeFields legend="Shape" c={C} h={H} w={W} min={[1, 2, 2]} max={[LIMITS.c, LIMITS.hw, LIMITS.hw]} onChange={(c, h, w) => act(setTemplateInput(cfg, c, h, w))} testId="template-in" />
            <Refusal field="tin" rejection={rejection} />
            {error && (
              <p className="rejection" role="alert">
                {error}
              </p>
            )}
            <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />
          </fieldset>
          <fieldset>
            <legend>Templates</legend>
            <NumberField label="Templates (classes) K" value={K} min={1} max={LIMITS.k} onChange={(k) => act(setTemplateCount(cfg, k))} testId="template-k" />
            <Refusal field="tk" rejection={rejection} />
            <label className="field">
              Template 0
              <select value={cfg.tt} data-testid="template-first" onChange={(e) => act(setFirstTemplate(cfg, e.target.value as FirstTemplate))}>
                {FIRST_TEMPLATES.map((t) => (
                  <option key={t} value={t}>
                    {TEXT.first[t]}
                  </option>
                ))}
              </select>
            </label>
            <p className="hint">Every template has the input’s shape, {C}×{H}×{W}.</p>
          </fieldset>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="template-title">
          <h3 id="template-title">{TEXT.title}</h3>
          <p className="shapes" data-testid="template-shapes">
            [{C}×{H}×{W}] ⊛ [{K}×{C}×{H}×{W}] → [{K}×1×1]
          </p>
          <p className="lead">{TEXT.lead}</p>
          <p data-testid="template-w">
            W = the {K} filters flattened: {K}×({C}·{H}·{W}) = {K}×{formatCount(N)} weights, b = the {K} biases.
          </p>
        </section>

        <section className="stage-block" aria-labelledby="template-scores-title">
          <header>
            <h3 id="template-scores-title">
              Scores, two ways <span className="dim">equal when {tol}</span>
            </h3>
          </header>
          <table className="scores" data-testid="template-scores">
            <caption className="visually-hidden">Template scores by convolution and by the linear classifier</caption>
            <thead>
              <tr>
                {HEADS.map(([long, short]) => (
                  <th scope="col" key={long}>
                    <span className="long">{long}</span>
                    <span className="short">{short}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: K }, (_, k) => (
                <tr key={k} className={k === model.best ? 'best' : undefined} data-testid={`score-row-${k}`}>
                  <th scope="row">
                    {k}
                    {k === model.best ? ' (best match)' : ''}
                  </th>
                  <td data-testid={`conv-score-${k}`}>{formatValue(model.convScores[k]!)}</td>
                  <td data-testid={`lin-score-${k}`}>{formatValue(model.linScores[k]!)}</td>
                  <td>{formatValue(model.diffs[k]!)}</td>
                  <td>{scoresAgree(model.convScores[k]!, model.linScores[k]!) ? 'equal' : 'DIFFERENT'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="template-verdict">
            {allEqual ? 'Every score is the same both ways' : 'Some scores differ'}: largest |difference| = {formatValue(model.maxDiff)}.
          </p>
        </section>

        <div className="stage">
          <section className="stage-block" aria-labelledby="template-input-title">
            <header>
              <h3 id="template-input-title">
                Image x <span className="dim">{C}×{H}×{W}</span>
              </h3>
              <ColorLegend maxAbs={model.inputMax} label="Input values" palette={model.inputPalette} />
            </header>
            <div className="map-row">
              <div className="map">
                <h4>as a picture</h4>
                <TensorPicture data={model.input.data} c={C} h={H} w={W} size={Math.max(64, Math.min(160, cell * W))} range={image ? 'unit' : 'minmax'} label={`The input image, ${C} by ${H} by ${W}`} testId="template-input-picture" />
              </div>
              {inputs.map((values, c) => (
                <div className="map" key={c}>
                  <h4>{channelLabel(c, C, rgb)}</h4>
                  <Grid rows={H} cols={W} values={values} maxAbs={model.inputMax} palette={model.inputPalette} cell={cell} label={`Input ${channelLabel(c, C, rgb)}, ${H} by ${W}`} testId={`template-input-${c}`} />
                </div>
              ))}
            </div>
          </section>
        </div>

        <section className="stage-block" aria-labelledby="template-list-title">
          <header>
            <h3 id="template-list-title">
              The {K} filters are templates <span className="dim">{C}×{H}×{W} each; pictures scaled from lowest (dark) to highest (bright)</span>
            </h3>
            <ColorLegend maxAbs={model.templateMax} label="Weights" />
          </header>
          {cfg.tt === 'image' && <p className="hint">{TEXT.selfNote}</p>}
          <div className="templates">
            {templates.map((t, k) => (
              <div className={`template${k === model.best ? ' chosen' : ''}`} key={k} data-testid={`template-${k}`}>
                <h4>
                  Template {k}: score <strong>{formatValue(model.convScores[k]!)}</strong>
                  {k === model.best ? ' — best match' : ''}
                </h4>
                <div className="map-row">
                  <div className="map">
                    <h5>as a picture</h5>
                    <TensorPicture data={t.all} c={C} h={H} w={W} size={Math.max(48, tcell * Math.max(H, W))} range="minmax" label={`Template ${k} as a picture`} testId={`template-picture-${k}`} />
                  </div>
                  {t.channels.map((values, c) => (
                    <div className="map" key={c}>
                      <h5>{channelLabel(c, C, rgb)}</h5>
                      <Grid rows={H} cols={W} values={values} maxAbs={model.templateMax} cell={tcell} label={`Template ${k}, ${channelLabel(c, C, rgb)}, ${H} by ${W}`} testId={`template-${k}-${c}`} />
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </div>
        </section>

        <section className="stage-block" aria-labelledby="template-flat-title">
          <header>
            <h3 id="template-flat-title">
              Flattened: W·x + b <span className="dim">x has {formatCount(N)} numbers; each row of W is one template</span>
            </h3>
          </header>
          <div className="flat-row">
            <span className="flat-name">x</span>
            <Grid rows={1} cols={N} values={model.input.data} maxAbs={model.inputMax} palette={model.inputPalette} cell={stripCell} label={`The image flattened: ${N} numbers`} testId="template-x-flat" />
          </div>
          <div className="flat-row">
            <span className="flat-name">W</span>
            <Grid rows={K} cols={N} values={model.templates.data} maxAbs={model.templateMax} cell={stripCell} label={`W: ${K} rows of ${N} weights, one template per row`} testId="template-w-flat" />
          </div>
        </section>
      </div>
    </div>
  );
}
