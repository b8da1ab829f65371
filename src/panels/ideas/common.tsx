import { useEffect, useRef, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import { loadSample, imageToPixels, type SampleName } from '../../io/image';
import type { IdeasConfig, IdeasResult } from '../../state/views/ideas';
import type { ImagePixels } from '../conv/model';

/** What every demonstration receives from the panel. */
export interface DemoProps {
  cfg: IdeasConfig;
  /** Applies an action's result: stores the configuration, or shows the refusal next to its control. */
  act: (result: IdeasResult) => void;
  rejection: { field: string; message: string } | null;
}

/** A refused change, shown next to the control whose URL key is `field`. */
export function Refusal({ field, rejection }: { field: string; rejection: DemoProps['rejection'] }) {
  if (rejection?.field !== field) return null;
  return (
    <p className="rejection" role="alert" data-testid={`rejection-${field}`}>
      {rejection.message}
    </p>
  );
}

/** A channel's name: red/green/blue for an RGB image, else "channel c". */
export function channelLabel(c: number, channels: number, rgb: boolean): string {
  return rgb && channels === 3 ? ['red', 'green', 'blue'][c]! : `channel ${c}`;
}

/** Cell size for a grid of `n` cells across that should take at most `budget` pixels. */
export function fitCell(n: number, budget: number, max = 32, min = 6): number {
  return Math.max(min, Math.min(max, Math.floor(budget / Math.max(1, n))));
}

/** Three whole-number fields for a C×H×W shape, in one labelled group. */
export function ShapeFields({
  legend,
  c,
  h,
  w,
  max,
  min = [1, 1, 1],
  onChange,
  testId,
}: {
  legend: string;
  c: number;
  h: number;
  w: number;
  max: readonly [number, number, number];
  min?: readonly [number, number, number];
  onChange: (c: number, h: number, w: number) => void;
  testId: string;
}) {
  return (
    <fieldset className="pair" data-testid={testId}>
      <legend>{legend}</legend>
      <NumberField label="channels" value={c} min={min[0]} max={max[0]} onChange={(v) => onChange(v, h, w)} testId={`${testId}-c`} />
      <NumberField label="height" value={h} min={min[1]} max={max[1]} onChange={(v) => onChange(c, v, w)} testId={`${testId}-h`} />
      <NumberField label="width" value={w} min={min[2]} max={max[2]} onChange={(v) => onChange(c, h, v)} testId={`${testId}-w`} />
    </fieldset>
  );
}

/** The seed field with a button for a fresh one. */
export function SeedField({ seed, onChange }: { seed: number; onChange: (seed: number) => void }) {
  return (
    <div className="row">
      <NumberField label="Seed" value={seed} min={0} max={4294967295} width={10} onChange={onChange} testId="seed" />
      <button type="button" className="small" onClick={() => onChange((Math.random() * 2 ** 32) >>> 0)} title="A new random seed">
        New seed
      </button>
    </div>
  );
}

/**
 * The pixels of a shipped sample resized to `c×h×w`, loaded from the site itself; null while loading
 * or when `src` is not an image. A failure gives a message instead.
 */
export function useSamplePixels(src: string, c: number, h: number, w: number): { pixels: ImagePixels | null; error: string | null } {
  const image = src !== 'seeded';
  const key = `${src}:${c}:${h}:${w}`;
  const [state, setState] = useState<{ key: string; pixels: ImagePixels | null; error: string | null }>({ key: '', pixels: null, error: null });
  useEffect(() => {
    if (!image) return;
    let live = true;
    loadSample(src as SampleName).then(
      (img) => live && setState({ key, pixels: imageToPixels(img, c, h, w), error: null }),
      (err: Error) => live && setState({ key, pixels: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [image, key, src, c, h, w]);
  return image && state.key === key ? state : { pixels: null, error: null };
}

/**
 * A C×H×W tensor drawn as one small picture: three channels as red, green and blue, otherwise the
 * channels' mean in grey. `range` maps values to brightness: 'unit' for pixels in 0…1, 'minmax' for
 * signed weights (lowest black, highest white, per picture). Decorative next to the labelled grids,
 * so it carries its own text alternative.
 */
export function TensorPicture({
  data,
  c,
  h,
  w,
  size,
  range,
  label,
  testId,
}: {
  data: Float32Array;
  c: number;
  h: number;
  w: number;
  size: number;
  range: 'unit' | 'minmax';
  label: string;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    let lo = 0;
    let hi = 1;
    if (range === 'minmax') {
      lo = Infinity;
      hi = -Infinity;
      for (const v of data) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo < 1e-12) hi = lo + 1;
    }
    const img = ctx.createImageData(w, h);
    const plane = h * w;
    const to255 = (v: number) => Math.round(Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * 255);
    for (let i = 0; i < plane; i++) {
      let rgb: [number, number, number];
      if (c === 3) rgb = [to255(data[i]!), to255(data[plane + i]!), to255(data[2 * plane + i]!)];
      else {
        let s = 0;
        for (let ch = 0; ch < c; ch++) s += data[ch * plane + i]!;
        const g = to255(s / c);
        rgb = [g, g, g];
      }
      img.data.set([...rgb, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [data, c, h, w, range]);
  const scale = size / Math.max(h, w);
  return (
    <canvas
      ref={ref}
      width={w}
      height={h}
      className="tensor-picture"
      style={{ width: w * scale, height: h * scale }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
