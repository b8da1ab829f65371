import { useCallback, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatValue } from '../../viz/format';
import { useT } from '../../i18n/useT';
import { ideas } from '../../i18n/ideas';
import { cellText, pointLiveText, pointRowText, sizeText } from './text';
import { IDEAS_LIMITS, setPointCout, setPointInput, setPointPixel, setSeed } from '../../state/views/ideas';
import { buildPointModel, matVec, pixelVector } from './models';
import { PresentSteppers } from '../../components/PresentSteppers';
import { common } from '../../i18n/common';
import { LiveText, Refusal, SeedField, ShapeFields, fitCell, usePresent, type DemoProps } from './common';

const LIMITS = IDEAS_LIMITS.point;

/**
 * The 1×1 demonstration: C input channels and Cout output channels of the same H×W; one pixel's
 * channel vector in, the Cout×C matrix, the biases and the Cout-vector out, with each row worked.
 */
export function PointDemo({ cfg, act, rejection }: DemoProps) {
  const t = useT(ideas);
  const tc = useT(common);
  const { present, zoom } = usePresent();
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const key = JSON.stringify([cfg.seed, cfg.pc, cfg.ph, cfg.pw, cfg.pcout]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => buildPointModel(cfg), [key]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const [r, q] = hover ?? cfg.ppx;
  const { pc: C, ph: H, pw: W, pcout: CO } = cfg;
  const plane = H * W;
  const narrow = width < 640;
  const cell = fitCell(Math.max(H, W), narrow ? (width - 70) / 2 : Math.min(220 * zoom, (width - 100) / (C + CO) - 10), Math.round(36 * zoom), 8);

  const inputs = useMemo(() => Array.from({ length: C }, (_, c) => model.input.data.subarray(c * plane, (c + 1) * plane)), [model, C, plane]);
  const outputs = useMemo(() => Array.from({ length: CO }, (_, c) => model.output.data.subarray(c * plane, (c + 1) * plane)), [model, CO, plane]);
  const x = useMemo(() => pixelVector(model.input, r, q), [model, r, q]);
  const y = useMemo(() => matVec(model.weight.data, CO, x, model.bias), [model, CO, x]);
  const ySeen = useMemo(() => pixelVector(model.output, r, q), [model, r, q]);
  const focus = useMemo<Overlay[]>(() => [{ r, c: q, h: 1, w: 1, kind: 'focus' }], [r, q]);

  const onFocusCell = useCallback((row: number, col: number) => setHover([row, col]), []);
  const onBlurCell = useCallback(() => setHover(null), []);
  const pin = useCallback((row: number, col: number) => act(setPointPixel(cfg, row, col)), [act, cfg]);
  const vcell = Math.max(26, Math.min(Math.round(36 * zoom), Math.floor((width - 120) / (C + 4))));
  // What each cell of the pixel's matrix and vectors is (stable per language, so the grids stay memoised).
  const describe = useMemo(
    () => ({
      w: (o: number, c: number) => t.weightCell(String(o), String(c)),
      x: (c: number) => t.inputChannel(String(c)),
      b: (o: number) => t.biasN(String(o)),
      y: (o: number) => t.outputChannelN(String(o)),
      cell: (row: number, col: number) => cellText(row, col, t),
    }),
    [t],
  );
  const at = `(${r}, ${q})`;
  const live = pointLiveText(r, q, model.weight.data, x, model.bias, y, t);
  const vecMax = Math.max(model.inputMax, model.outputMax);

  return (
    <div className="ideas-demo" data-testid="demo-1x1">
      <aside className="side edit-only" aria-label={t.settings}>
        <form className="controls" aria-label={t.pointSettings} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>{t.layer}</legend>
            <ShapeFields legend={t.input} c={C} h={H} w={W} max={[LIMITS.c, LIMITS.hw, LIMITS.hw]} onChange={(c, h, w) => act(setPointInput(cfg, c, h, w))} testId="point-in" />
            <Refusal field="pin" rejection={rejection} />
            <NumberField label={t.outChannels} value={CO} min={1} max={LIMITS.cout} onChange={(n) => act(setPointCout(cfg, n))} testId="point-cout" />
            <Refusal field="pcout" rejection={rejection} />
            <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />
            <Refusal field="seed" rejection={rejection} />
          </fieldset>
          <p className="hint">{t.pointHover}</p>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="point-title">
          <h3 id="point-title">{t.pointTitle}</h3>
          <p className="shapes" data-testid="point-shapes">
            [{C}×{H}×{W}] ⊛ [{CO}×{C}×1×1] → [{CO}×{H}×{W}]
          </p>
          <p className="lead">{t.pointLead}</p>
          <p data-testid="point-size">{t.pointSize(sizeText(H, W), String(C), String(CO))}</p>
          <p data-testid="point-params">
            {t.paramsLabel} Cout·C + Cout = {CO}·{C} + {CO} = <strong>{model.params}</strong>
          </p>
        </section>

        {present && (
          // Presenting hides the settings; the lesson still asks to change the number of output channels.
          <PresentSteppers
            label={tc.presentSettings}
            items={[
              {
                id: 'pcout',
                name: t.outChannels,
                value: String(CO),
                less: () => act(setPointCout(cfg, CO - 1)),
                more: () => act(setPointCout(cfg, CO + 1)),
                atMin: CO <= 1,
                atMax: CO >= LIMITS.cout,
              },
            ]}
            refusal={rejection?.field === 'pcout' ? rejection.message : null}
          />
        )}
        <section className="stage-block" aria-labelledby="point-maps-title">
          <header>
            <h3 id="point-maps-title">
              {t.pointMapsTitle} <span className="dim">{t.pixelOutlined(at)}</span>
            </h3>
            <ColorLegend maxAbs={vecMax} label={t.values} />
          </header>
          <div className="point-maps">
            <div className="map-row" data-testid="point-inputs">
              {inputs.map((values, c) => (
                <div className="map" key={c}>
                  <h4>{t.inputChannel(String(c))}</h4>
                  <Grid rows={H} cols={W} values={values} maxAbs={vecMax} cell={cell} overlays={focus} label={t.inputChannelLabel(String(c), sizeText(H, W))} testId={`point-input-${c}`} onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} describe={describe.cell} />
                </div>
              ))}
            </div>
            <span className="op big-arrow" aria-hidden="true">
              →
            </span>
            <div className="map-row" data-testid="point-outputs">
              {outputs.map((values, c) => (
                <div className="map" key={c}>
                  <h4>{t.outputChannelN(String(c))}</h4>
                  <Grid rows={H} cols={W} values={values} maxAbs={vecMax} cell={cell} overlays={focus} label={t.outputChannelLabel(String(c), sizeText(H, W))} testId={`point-output-${c}`} onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} describe={describe.cell} />
                </div>
              ))}
            </div>
          </div>
        </section>

        <section className="stage-block" aria-labelledby="point-pixel-title">
          <header>
            <h3 id="point-pixel-title">
              {t.atPixel(at)} <span className="dim">W · x + b = y</span>
            </h3>
            <ColorLegend maxAbs={model.weightMax} label={t.weights} />
          </header>
          <div className="equation point-equation" data-testid="point-equation">
            <div className="map">
              <h4>
                W <span className="dim">{CO}×{C}</span>
              </h4>
              <Grid rows={CO} cols={C} values={model.weight.data} maxAbs={model.weightMax} cell={vcell} label={t.weightMatrix(sizeText(CO, C))} testId="point-w" describe={describe.w} />
            </div>
            <span className="op" aria-hidden="true">·</span>
            <div className="map">
              <h4>
                x <span className="dim">{t.nIn(String(C))}</span>
              </h4>
              <Grid rows={C} cols={1} values={x} maxAbs={vecMax} cell={vcell} label={t.inputVector(at, String(C))} testId="point-x" describe={describe.x} />
            </div>
            <span className="op" aria-hidden="true">+</span>
            <div className="map">
              <h4>
                b <span className="dim">{CO}</span>
              </h4>
              <Grid rows={CO} cols={1} values={model.bias} maxAbs={model.weightMax} cell={vcell} label={t.biasVector(String(CO))} testId="point-b" describe={describe.b} />
            </div>
            <span className="op" aria-hidden="true">=</span>
            <div className="map">
              <h4>
                y <span className="dim">{t.nOut(String(CO))}</span>
              </h4>
              <Grid rows={CO} cols={1} values={ySeen} maxAbs={vecMax} cell={vcell} label={t.outputVector(at, String(CO))} testId="point-y" describe={describe.y} />
            </div>
          </div>
          <ol className="worked-rows" start={0} data-testid="point-rows">
            {Array.from({ length: CO }, (_, o) => (
              <li key={o} data-testid={`point-row-${o}`}>
                y<sub>{o}</sub> = {pointRowText(model.weight.data.subarray(o * C, (o + 1) * C), x, model.bias[o]!)} ={' '}
                <strong>{formatValue(y[o]!)}</strong>
              </li>
            ))}
          </ol>
          <LiveText text={live} testId="point-live" />
          <p className="hint">{t.pointHint(String(C))}</p>
        </section>
      </div>
    </div>
  );
}
