import { memo, useMemo } from 'react';
import { ColorLegend } from '../../components/ColorLegend';
import { formatCount, formatValue } from '../../viz/format';
import { paletteFor } from '../../viz/color';
import { MapSheet, type MapSource } from './MapSheet';
import type { ArchForward, LayerOutput } from './model';
import { useT } from '../../i18n/useT';
import { arch } from '../../i18n/arch';

/** Pixels per cell so a map is about `target` px wide (64, or 112 when presenting; at least 1, at most 16 or 28). */
const tileScale = (h: number, w: number, present: boolean) => {
  const target = present ? 112 : 64;
  return Math.max(1, Math.min(present ? 28 : 16, Math.floor(target / Math.max(h, w))));
};

function SpatialLayer({ out, present }: { out: LayerOutput; present: boolean }) {
  const t = useT(arch);
  const [, C, H, W] = out.value.shape as [number, number, number, number];
  const scale = tileScale(H, W, present);
  const palette = useMemo(() => paletteFor(out.value.data), [out]);
  const sources = useMemo(() => {
    const plane = H * W;
    return Array.from({ length: C }, (_, c): MapSource => ({ values: out.value.data.subarray(c * plane, (c + 1) * plane), maxAbs: out.maxAbs, palette }));
  }, [out, palette, C, H, W]);
  const captions = useMemo(() => Array.from({ length: C }, (_, c) => c), [C]);
  return (
    <details open className="arch-layer-maps" data-testid={`maps-${out.layer.name}`}>
      <summary>
        <strong>{out.layer.name}</strong> <code>{out.layer.torch}</code> → {C}×{H}×{W} <span className="dim">{t.range(formatValue(out.min), formatValue(out.max))}</span>
      </summary>
      <ColorLegend maxAbs={out.maxAbs} label={t.valuesOf(out.layer.name)} palette={palette} width={present ? 200 : 120} />
      <MapSheet
        sources={sources}
        captions={captions}
        h={H}
        w={W}
        scale={scale}
        label={t.mapsLabel(out.layer.name, formatCount(C), `${H}×${W}`, formatValue(out.min), formatValue(out.max))}
      />
    </details>
  );
}

/** A strip has no caption (its layer's heading names it). */
const NO_CAPTION = [null];

function VectorLayer({ out, from, present }: { out: LayerOutput; from: string; present: boolean }) {
  const t = useT(arch);
  const n = out.value.data.length;
  const cols = Math.min(n, 64);
  const rows = Math.ceil(n / cols);
  const sources = useMemo(() => {
    const values = new Float32Array(rows * cols);
    values.set(out.value.data);
    return [{ values, maxAbs: out.maxAbs, palette: paletteFor(out.value.data) } satisfies MapSource];
  }, [out, rows, cols]);
  const scale = rows > 1 ? (present ? 7 : 4) : Math.max(3, Math.min(present ? 16 : 10, Math.floor((present ? 840 : 480) / cols)));
  return (
    <details open className="arch-layer-maps" data-testid={`maps-${out.layer.name}`}>
      <summary>
        <strong>{out.layer.name}</strong> <code>{out.layer.torch}</code> → {formatCount(n)} <span className="dim">{t.range(formatValue(out.min), formatValue(out.max))}</span>
      </summary>
      <p className="hint">{out.layer.kind === 'flatten' ? t.flattenNote(formatCount(n), from) : t.fcNote(formatCount(n))}</p>
      <MapSheet
        sources={sources}
        captions={NO_CAPTION}
        h={rows}
        w={cols}
        scale={scale}
        label={t.vectorLabel(out.layer.name, formatCount(n), formatValue(out.min), formatValue(out.max))}
      />
    </details>
  );
}

/**
 * The forward pass, layer by layer: the input's channels (and the picture itself for an RGB
 * image), every channel of every convolution, ReLU and pooling output as a small map with the
 * layer's own colour scale (one image per layer shows all of them: see MapSheet), and the flattened
 * and fully connected activations as strips.
 */
export const FeatureMaps = memo(function FeatureMaps({ run, image, present = false }: { run: ArchForward; image: boolean; present?: boolean }) {
  const t = useT(arch);
  const [, C, H, W] = run.input.shape as [number, number, number, number];
  const scale = tileScale(H, W, present);
  const inMin = formatValue(Math.min(...run.input.data));
  const inMax = formatValue(Math.max(...run.input.data));
  const asImage = image && C === 3;
  const sources = useMemo(() => {
    const plane = H * W;
    const palette = paletteFor(run.input.data);
    const channels = Array.from({ length: C }, (_, c): MapSource => ({ values: run.input.data.subarray(c * plane, (c + 1) * plane), maxAbs: run.inputMax, palette }));
    return asImage ? [{ values: run.input.data, maxAbs: 1, palette: 'grey', rgb: true } satisfies MapSource, ...channels] : channels;
  }, [run.input, run.inputMax, asImage, C, H, W]);
  const captions = asImage ? [t.asImage, t.red, t.green, t.blue] : Array.from({ length: C }, (_, c) => c);
  const outputs = run.outputs.slice(0, -1); // the last layer's scores are drawn as bars
  return (
    <section className="stage-block arch-maps" aria-labelledby="arch-maps-title">
      <header>
        <h3 id="arch-maps-title">{t.mapsTitle}</h3>
      </header>
      <p className="hint">{t.mapsIntro}</p>
      <details open className="arch-layer-maps" data-testid="maps-input">
        <summary>
          <strong>{t.inputShape(`${C}×${H}×${W}`)}</strong> <span className="dim">{t.range(inMin, inMax)}</span>
        </summary>
        <MapSheet sources={sources} captions={captions} h={H} w={W} scale={scale} label={t.mapsLabel(t.inputLabel, formatCount(C), `${H}×${W}`, inMin, inMax)} />
      </details>
      {outputs.map((out, i) =>
        out.value.shape.length === 4 ? (
          <SpatialLayer key={out.layer.name} out={out} present={present} />
        ) : (
          <VectorLayer key={out.layer.name} out={out} from={outputs[i - 1]?.layer.name ?? t.inputName} present={present} />
        ),
      )}
    </section>
  );
});
