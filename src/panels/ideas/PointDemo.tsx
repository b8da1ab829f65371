import { useCallback, useMemo, useState } from 'react';
import { Grid, type Overlay } from '../../components/Grid';
import { ColorLegend } from '../../components/ColorLegend';
import { NumberField } from '../../components/NumberField';
import { useElementWidth } from '../../components/useElementWidth';
import { formatTerm, formatValue } from '../../viz/format';
import { IDEAS_LIMITS, setPointCout, setPointInput, setPointPixel, setSeed } from '../../state/views/ideas';
import { buildPointModel, matVec, pixelVector } from './models';
import { Refusal, SeedField, ShapeFields, fitCell, type DemoProps } from './common';

/** The demonstration's words, in one place. */
const TEXT = {
  title: '1×1 convolution: mixing channels, pixel by pixel',
  lead:
    'A 1×1 kernel sees one pixel, so the map keeps its size. At every pixel, the output is the Cout×C weight matrix ' +
    'times the pixel’s C channel values, plus the biases: a small fully-connected layer shared by all pixels.',
  settings: '1×1 demonstration settings',
  hover: 'Hover a pixel of any map to see its vectors; click to keep it.',
};

const LIMITS = IDEAS_LIMITS.point;

/** What a cell of the pixel's vectors and matrix is (stable functions, so the grids stay memoised). */
const DESCRIBE = {
  w: (o: number, c: number) => `weight [${o}, ${c}]: output ${o} from input channel ${c}`,
  x: (c: number) => `input channel ${c}`,
  b: (o: number) => `bias ${o}`,
  y: (o: number) => `output channel ${o}`,
};

/**
 * The 1×1 demonstration: C input channels and Cout output channels of the same H×W; one pixel's
 * channel vector in, the Cout×C matrix, the biases and the Cout-vector out, with each row worked.
 */
export function PointDemo({ cfg, act, rejection }: DemoProps) {
  const [mainRef, width] = useElementWidth<HTMLDivElement>(900);
  const key = JSON.stringify([cfg.seed, cfg.pc, cfg.ph, cfg.pw, cfg.pcout]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => buildPointModel(cfg), [key]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const [r, q] = hover ?? cfg.ppx;
  const { pc: C, ph: H, pw: W, pcout: CO } = cfg;
  const plane = H * W;
  const narrow = width < 640;
  const cell = fitCell(Math.max(H, W), narrow ? (width - 70) / 2 : Math.min(220, (width - 100) / (C + CO) - 10), 36, 8);

  const inputs = useMemo(() => Array.from({ length: C }, (_, c) => model.input.data.subarray(c * plane, (c + 1) * plane)), [model, C, plane]);
  const outputs = useMemo(() => Array.from({ length: CO }, (_, c) => model.output.data.subarray(c * plane, (c + 1) * plane)), [model, CO, plane]);
  const x = useMemo(() => pixelVector(model.input, r, q), [model, r, q]);
  const y = useMemo(() => matVec(model.weight.data, CO, x, model.bias), [model, CO, x]);
  const ySeen = useMemo(() => pixelVector(model.output, r, q), [model, r, q]);
  const focus = useMemo<Overlay[]>(() => [{ r, c: q, h: 1, w: 1, kind: 'focus' }], [r, q]);

  const onFocusCell = useCallback((row: number, col: number) => setHover([row, col]), []);
  const onBlurCell = useCallback(() => setHover(null), []);
  const pin = useCallback((row: number, col: number) => act(setPointPixel(cfg, row, col)), [act, cfg]);
  const vcell = Math.max(26, Math.min(36, Math.floor((width - 120) / (C + 4))));
  const vecMax = Math.max(model.inputMax, model.outputMax);

  return (
    <div className="ideas-demo" data-testid="demo-1x1">
      <aside className="side" aria-label="Settings">
        <form className="controls" aria-label={TEXT.settings} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Layer</legend>
            <ShapeFields legend="Input" c={C} h={H} w={W} max={[LIMITS.c, LIMITS.hw, LIMITS.hw]} onChange={(c, h, w) => act(setPointInput(cfg, c, h, w))} testId="point-in" />
            <Refusal field="pin" rejection={rejection} />
            <NumberField label="Output channels (Cout)" value={CO} min={1} max={LIMITS.cout} onChange={(n) => act(setPointCout(cfg, n))} testId="point-cout" />
            <Refusal field="pcout" rejection={rejection} />
            <SeedField seed={cfg.seed} onChange={(s) => act(setSeed(cfg, s))} />
            <Refusal field="seed" rejection={rejection} />
          </fieldset>
          <p className="hint">{TEXT.hover}</p>
        </form>
      </aside>
      <div className="main-col" ref={mainRef}>
        <section className="summary ideas-summary" aria-labelledby="point-title">
          <h3 id="point-title">{TEXT.title}</h3>
          <p className="shapes" data-testid="point-shapes">
            [{C}×{H}×{W}] ⊛ [{CO}×{C}×1×1] → [{CO}×{H}×{W}]
          </p>
          <p className="lead">{TEXT.lead}</p>
          <p data-testid="point-size">
            Map size: {H}×{W} in, {H}×{W} out — untouched. Channels: {C} in, {CO} out.
          </p>
          <p data-testid="point-params">
            Parameters: Cout·C + Cout = {CO}·{C} + {CO} = <strong>{model.params}</strong>
          </p>
        </section>

        <section className="stage-block" aria-labelledby="point-maps-title">
          <header>
            <h3 id="point-maps-title">
              Input → output <span className="dim">pixel ({r}, {q}) outlined</span>
            </h3>
            <ColorLegend maxAbs={vecMax} label="Values" />
          </header>
          <div className="point-maps">
            <div className="map-row" data-testid="point-inputs">
              {inputs.map((values, c) => (
                <div className="map" key={c}>
                  <h4>input channel {c}</h4>
                  <Grid rows={H} cols={W} values={values} maxAbs={vecMax} cell={cell} overlays={focus} label={`Input channel ${c}, ${H} by ${W}`} testId={`point-input-${c}`} onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} />
                </div>
              ))}
            </div>
            <span className="op big-arrow" aria-hidden="true">
              →
            </span>
            <div className="map-row" data-testid="point-outputs">
              {outputs.map((values, c) => (
                <div className="map" key={c}>
                  <h4>output channel {c}</h4>
                  <Grid rows={H} cols={W} values={values} maxAbs={vecMax} cell={cell} overlays={focus} label={`Output channel ${c}, ${H} by ${W}`} testId={`point-output-${c}`} onFocusCell={onFocusCell} onBlurCell={onBlurCell} onActivate={pin} />
                </div>
              ))}
            </div>
          </div>
        </section>

        <section className="stage-block" aria-labelledby="point-pixel-title">
          <header>
            <h3 id="point-pixel-title">
              At pixel ({r}, {q}): <span className="dim">W · x + b = y</span>
            </h3>
            <ColorLegend maxAbs={model.weightMax} label="Weights" />
          </header>
          <div className="equation point-equation" data-testid="point-equation">
            <div className="map">
              <h4>
                W <span className="dim">{CO}×{C}</span>
              </h4>
              <Grid rows={CO} cols={C} values={model.weight.data} maxAbs={model.weightMax} cell={vcell} label={`Weight matrix, ${CO} by ${C}`} testId="point-w" describe={DESCRIBE.w} />
            </div>
            <span className="op" aria-hidden="true">·</span>
            <div className="map">
              <h4>
                x <span className="dim">{C} in</span>
              </h4>
              <Grid rows={C} cols={1} values={x} maxAbs={vecMax} cell={vcell} label={`Input vector at pixel ${r}, ${q}: ${C} values`} testId="point-x" describe={DESCRIBE.x} />
            </div>
            <span className="op" aria-hidden="true">+</span>
            <div className="map">
              <h4>
                b <span className="dim">{CO}</span>
              </h4>
              <Grid rows={CO} cols={1} values={model.bias} maxAbs={model.weightMax} cell={vcell} label={`Biases: ${CO} values`} testId="point-b" describe={DESCRIBE.b} />
            </div>
            <span className="op" aria-hidden="true">=</span>
            <div className="map">
              <h4>
                y <span className="dim">{CO} out</span>
              </h4>
              <Grid rows={CO} cols={1} values={ySeen} maxAbs={vecMax} cell={vcell} label={`Output vector at pixel ${r}, ${q}: ${CO} values`} testId="point-y" describe={DESCRIBE.y} />
            </div>
          </div>
          <ol className="worked-rows" start={0} data-testid="point-rows">
            {Array.from({ length: CO }, (_, o) => (
              <li key={o} data-testid={`point-row-${o}`}>
                y<sub>{o}</sub> = {Array.from({ length: C }, (_, c) => `${formatTerm(model.weight.data[o * C + c]!)}·${formatTerm(x[c]!)}`).join(' + ')} + {formatTerm(model.bias[o]!)} ={' '}
                <strong>{formatValue(y[o]!)}</strong>
              </li>
            ))}
          </ol>
          <p className="hint">Each row of W mixes the {C} channels of this one pixel; no neighbour is involved.</p>
        </section>
      </div>
    </div>
  );
}
