import { memo } from 'react';
import { ColorLegend } from '../../components/ColorLegend';
import { formatCount, formatValue } from '../../viz/format';
import { paletteFor } from '../../viz/color';
import { MapCanvas } from './MapCanvas';
import type { ArchForward, LayerOutput } from './model';

const TEXT = {
  title: 'Every layer’s feature maps (one forward pass)',
  intro:
    'The weights are random (He initialisation from the seed) and untrained, so the maps show what each layer computes, not learned features. Each layer has its own colour scale: blue negative, white zero, red positive; black to white when nothing is negative.',
  input: (shape: string) => `Input ${shape}`,
  rgb: 'as an image',
  channel: (i: number) => `${i}`,
  range: (min: number, max: number) => `values ${formatValue(min)} … ${formatValue(max)}`,
  label: (name: string, n: number, h: number, w: number, min: number, max: number) =>
    `${name}: ${n} ${n === 1 ? 'map' : 'maps'} of ${h}×${w}, values from ${formatValue(min)} to ${formatValue(max)}`,
  vector: (name: string, n: number, min: number, max: number) => `${name}: ${formatCount(n)} values from ${formatValue(min)} to ${formatValue(max)}`,
  flatten: (n: number, from: string) => `${formatCount(n)} values: the ${from} maps laid end to end, channel by channel, row by row`,
  fc: (n: number) => `${formatCount(n)} values`,
};

/** Pixels per cell so a map is about 64 px wide (at least 1, at most 16). */
const tileScale = (h: number, w: number) => Math.max(1, Math.min(16, Math.floor(64 / Math.max(h, w))));

function SpatialLayer({ out }: { out: LayerOutput }) {
  const [, C, H, W] = out.value.shape as [number, number, number, number];
  const palette = paletteFor(out.value.data);
  const scale = tileScale(H, W);
  const plane = H * W;
  return (
    <details open className="arch-layer-maps" data-testid={`maps-${out.layer.name}`}>
      <summary>
        <strong>{out.layer.name}</strong> <code>{out.layer.torch}</code> → {C}×{H}×{W} <span className="dim">{TEXT.range(out.min, out.max)}</span>
      </summary>
      <ColorLegend maxAbs={out.maxAbs} label={`${out.layer.name} values`} palette={palette} width={120} />
      <div className="arch-channels" role="img" aria-label={TEXT.label(out.layer.name, C, H, W, out.min, out.max)}>
        {Array.from({ length: C }, (_, c) => (
          <figure key={c} className="arch-channel">
            <MapCanvas values={out.value.data.subarray(c * plane, (c + 1) * plane)} h={H} w={W} maxAbs={out.maxAbs} palette={palette} scale={scale} />
            <figcaption>{TEXT.channel(c)}</figcaption>
          </figure>
        ))}
      </div>
    </details>
  );
}

function VectorLayer({ out, from }: { out: LayerOutput; from: string }) {
  const n = out.value.data.length;
  const cols = Math.min(n, 64);
  const rows = Math.ceil(n / cols);
  const values = new Float32Array(rows * cols);
  values.set(out.value.data);
  const palette = paletteFor(out.value.data);
  const scale = rows > 1 ? 4 : Math.max(3, Math.min(10, Math.floor(480 / cols)));
  return (
    <details open className="arch-layer-maps" data-testid={`maps-${out.layer.name}`}>
      <summary>
        <strong>{out.layer.name}</strong> <code>{out.layer.torch}</code> → {formatCount(n)} <span className="dim">{TEXT.range(out.min, out.max)}</span>
      </summary>
      <p className="hint">{out.layer.kind === 'flatten' ? TEXT.flatten(n, from) : TEXT.fc(n)}</p>
      <div role="img" aria-label={TEXT.vector(out.layer.name, n, out.min, out.max)}>
        <MapCanvas values={values} h={rows} w={cols} maxAbs={out.maxAbs} palette={palette} scale={scale} />
      </div>
    </details>
  );
}

/**
 * The forward pass, layer by layer: the input's channels (and the picture itself for an RGB
 * image), every channel of every convolution, ReLU and pooling output as a small canvas with the
 * layer's own colour scale, and the flattened and fully connected activations as strips.
 */
export const FeatureMaps = memo(function FeatureMaps({ run, image }: { run: ArchForward; image: boolean }) {
  const [, C, H, W] = run.input.shape as [number, number, number, number];
  const plane = H * W;
  const inputPalette = paletteFor(run.input.data);
  const scale = tileScale(H, W);
  const outputs = run.outputs.slice(0, -1); // the last layer's scores are drawn as bars
  return (
    <section className="stage-block arch-maps" aria-labelledby="arch-maps-title">
      <header>
        <h3 id="arch-maps-title">{TEXT.title}</h3>
      </header>
      <p className="hint">{TEXT.intro}</p>
      <details open className="arch-layer-maps" data-testid="maps-input">
        <summary>
          <strong>{TEXT.input(`${C}×${H}×${W}`)}</strong> <span className="dim">{TEXT.range(Math.min(...run.input.data), Math.max(...run.input.data))}</span>
        </summary>
        <div className="arch-channels" role="img" aria-label={TEXT.label('Input', C, H, W, Math.min(...run.input.data), Math.max(...run.input.data))}>
          {image && C === 3 && (
            <figure className="arch-channel">
              <MapCanvas values={run.input.data} h={H} w={W} maxAbs={1} palette="grey" scale={scale} rgb />
              <figcaption>{TEXT.rgb}</figcaption>
            </figure>
          )}
          {Array.from({ length: C }, (_, c) => (
            <figure key={c} className="arch-channel">
              <MapCanvas values={run.input.data.subarray(c * plane, (c + 1) * plane)} h={H} w={W} maxAbs={run.inputMax} palette={inputPalette} scale={scale} />
              <figcaption>{image && C === 3 ? ['red', 'green', 'blue'][c] : TEXT.channel(c)}</figcaption>
            </figure>
          ))}
        </div>
      </details>
      {outputs.map((out, i) =>
        out.value.shape.length === 4 ? <SpatialLayer key={out.layer.name} out={out} /> : <VectorLayer key={out.layer.name} out={out} from={outputs[i - 1]?.layer.name ?? 'input'} />,
      )}
    </section>
  );
});
