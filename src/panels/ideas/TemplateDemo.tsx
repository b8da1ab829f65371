import { useCallback, useMemo } from 'react';
import { Grid } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount, formatValue } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { ideas } from '../../i18n/ideas';
import { cellText, channelName, sizeText, templateSourceName, tolText } from './text';
import { FIRST_TEMPLATES, IDEAS_LIMITS, TEMPLATE_SOURCES, setFirstTemplate, setSeed, setTemplateCount, setTemplateInput, setTemplateSource, type FirstTemplate, type TemplateSource } from '../../state/views/ideas';
import { SCORE_TOLERANCE, buildTemplateModel, scoresAgree } from './models';
import { Refusal, SeedField, ShapeFields, TensorPicture, fitCell, usePresent, useSamplePixels, type DemoProps } from './common';

const LIMITS = IDEAS_LIMITS.template;

/**
 * The template demonstration: K filters of the input's own C×H×W shape give K×1×1 scores; beside
 * them the linear classifier's W·x + b on the flattened image, equal within the stated tolerance; the
 * filters drawn as pictures (templates) and, flattened, as the rows of W.
 */
export function TemplateDemo({ cfg, act, rejection }: DemoProps) {
  const t = useT(ideas);
  const { zoom } = usePresent();
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const { pixels, failed } = useSamplePixels(cfg.tsrc, cfg.tc, cfg.th, cfg.tw);
  const image = cfg.tsrc !== 'seeded';
  const key = JSON.stringify([cfg.seed, cfg.tc, cfg.th, cfg.tw, cfg.tk, cfg.tsrc]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => buildTemplateModel(cfg, pixels), [key, pixels]);
  const { tc: C, th: H, tw: W, tk: K } = cfg;
  const plane = H * W;
  const N = C * plane;
  const rgb = image && C === 3;
  const narrow = width < 640;
  const cell = fitCell(Math.max(H, W), narrow ? Math.min(width - 40, 200) : Math.min(220 * zoom, (width - 60) / (C + 1)), Math.round(30 * zoom), 8);
  const tcell = fitCell(Math.max(H, W), narrow ? (width - 60) / Math.min(C, 2) : Math.min(120 * zoom, (width - 180) / C), Math.round(22 * zoom), 4);
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
  const describeCell = useCallback((row: number, col: number) => cellText(row, col, t), [t]);
  const chName = (c: number) => channelName(c, C, rgb, t);
  const heads: [string, string][] = [
    [t.headTemplate, 'k'],
    [t.headConv, t.headConvShort],
    [t.headLinear, 'W·x + b'],
    [t.headDiff, t.headDiffShort],
    [t.headSame, t.headSame],
  ];
  const rule = t.tolRule(tolText(SCORE_TOLERANCE));
  const size = sizeText(H, W);
  const shape = `${C}×${H}×${W}`;

  return (
    <div className="ideas-demo" data-testid="demo-template">
      <aside className="side" aria-label={t.settings}>
        <form className="controls" aria-label={t.templateSettings} onSubmit={(e) => e.preventDefault()}>
          <fieldset className="edit-only">
            <legend>{t.input}</legend>
            <label className="field">
              {t.source}
              <select value={cfg.tsrc} data-testid="template-source" onChange={(e) => act(setTemplateSource(cfg, e.target.value as TemplateSource))}>
                {TEMPLATE_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {templateSourceName(s, t)}
                  </option>
                ))}
              </select>
            </label>
            <ShapeFields legend={t.shape} c={C} h={H} w={W} min={[1, 2, 2]} max={[LIMITS.c, LIMITS.hw, LIMITS.hw]} onChange={(c, h, w) => act(setTemplateInput(cfg, c, h, w))} testId="template-in" />
            <Refusal field="tin" rejection={rejection} />
            {failed && (
              <p className="rejection" role="alert">
                {t.sampleFailed(templateSourceName(cfg.tsrc, t))}
              </p>
            )}
            <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />
          </fieldset>
          <fieldset>
            <legend>{t.templatesLegend}</legend>
            <span className="edit-only">
              <NumberField label={t.templatesK} value={K} min={1} max={LIMITS.k} onChange={(k) => act(setTemplateCount(cfg, k))} testId="template-k" />
            </span>
            <Refusal field="tk" rejection={rejection} />
            <label className="field">
              {t.template0}
              <select value={cfg.tt} data-testid="template-first" onChange={(e) => act(setFirstTemplate(cfg, e.target.value as FirstTemplate))}>
                {FIRST_TEMPLATES.map((ft) => (
                  <option key={ft} value={ft}>
                    {ft === 'image' ? t.firstImage : t.firstRandom}
                  </option>
                ))}
              </select>
            </label>
            <p className="hint">{t.everyShape(shape)}</p>
          </fieldset>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="template-title">
          <h3 id="template-title">{t.templateTitle}</h3>
          <p className="shapes" data-testid="template-shapes">
            [{C}×{H}×{W}] ⊛ [{K}×{C}×{H}×{W}] → [{K}×1×1]
          </p>
          <p className="lead">{t.templateLead}</p>
          <p data-testid="template-w">{t.wLine(String(K), `${C}·${H}·${W}`, formatCount(N))}</p>
        </section>

        <section className="stage-block" aria-labelledby="template-scores-title">
          <header>
            <h3 id="template-scores-title">
              {t.scoresTitle} <span className="dim">{t.equalWhen(rule)}</span>
            </h3>
          </header>
          <table className="scores" data-testid="template-scores">
            <caption className="visually-hidden">{t.scoresCaption}</caption>
            <thead>
              <tr>
                {heads.map(([long, short], i) => (
                  <th scope="col" key={i}>
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
                    {k === model.best ? ` (${t.bestMatch})` : ''}
                  </th>
                  <td data-testid={`conv-score-${k}`}>{formatValue(model.convScores[k]!)}</td>
                  <td data-testid={`lin-score-${k}`}>{formatValue(model.linScores[k]!)}</td>
                  <td>{formatValue(model.diffs[k]!)}</td>
                  <td>{scoresAgree(model.convScores[k]!, model.linScores[k]!) ? t.equal : t.different}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="template-verdict">{allEqual ? t.verdictSame(formatValue(model.maxDiff)) : t.verdictDiffer(formatValue(model.maxDiff))}</p>
        </section>

        <div className="stage">
          <section className="stage-block" aria-labelledby="template-input-title">
            <header>
              <h3 id="template-input-title">
                {t.imageTitle} <span className="dim">{shape}</span>
              </h3>
              <ColorLegend maxAbs={model.inputMax} label={t.inputValues} palette={model.inputPalette} />
            </header>
            <div className="map-row">
              <div className="map">
                <h4>{t.asPicture}</h4>
                <TensorPicture data={model.input.data} c={C} h={H} w={W} size={Math.max(64, Math.min(160 * zoom, cell * W))} range={image ? 'unit' : 'minmax'} label={t.inputPicture(shape)} testId="template-input-picture" />
              </div>
              {inputs.map((values, c) => (
                <div className="map" key={c}>
                  <h4>{chName(c)}</h4>
                  <Grid rows={H} cols={W} values={values} maxAbs={model.inputMax} palette={model.inputPalette} cell={cell} label={t.inputOfLabel(chName(c), size)} testId={`template-input-${c}`} describe={describeCell} />
                </div>
              ))}
            </div>
          </section>
        </div>

        <section className="stage-block" aria-labelledby="template-list-title">
          <header>
            <h3 id="template-list-title">
              {t.templatesTitle(String(K))} <span className="dim">{t.templatesDim(shape)}</span>
            </h3>
            <ColorLegend maxAbs={model.templateMax} label={t.weights} />
          </header>
          {cfg.tt === 'image' && <p className="hint">{t.selfNote}</p>}
          <div className="templates">
            {templates.map((tp, k) => (
              <div className={`template${k === model.best ? ' chosen' : ''}`} key={k} data-testid={`template-${k}`}>
                <h4>
                  {t.templateScore(String(k))}
                  <strong>{formatValue(model.convScores[k]!)}</strong>
                  {k === model.best ? ` — ${t.bestMatch}` : ''}
                </h4>
                <div className="map-row">
                  <div className="map">
                    <h5>{t.asPicture}</h5>
                    <TensorPicture data={tp.all} c={C} h={H} w={W} size={Math.max(48, tcell * Math.max(H, W))} range="minmax" label={t.templatePicture(String(k))} testId={`template-picture-${k}`} />
                  </div>
                  {tp.channels.map((values, c) => (
                    <div className="map" key={c}>
                      <h5>{chName(c)}</h5>
                      <Grid rows={H} cols={W} values={values} maxAbs={model.templateMax} cell={tcell} label={t.templateGrid(String(k), chName(c), size)} testId={`template-${k}-${c}`} describe={describeCell} />
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
              {t.flatTitle} <span className="dim">{t.flatDim(formatCount(N))}</span>
            </h3>
          </header>
          <div className="flat-row">
            <span className="flat-name">x</span>
            <Grid rows={1} cols={N} values={model.input.data} maxAbs={model.inputMax} palette={model.inputPalette} cell={stripCell} label={t.xFlat(formatCount(N))} testId="template-x-flat" describe={describeCell} />
          </div>
          <div className="flat-row">
            <span className="flat-name">W</span>
            <Grid rows={K} cols={N} values={model.templates.data} maxAbs={model.templateMax} cell={stripCell} label={t.wFlat(String(K), formatCount(N))} testId="template-w-flat" describe={describeCell} />
          </div>
        </section>
      </div>
    </div>
  );
}
