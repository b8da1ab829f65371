import { useEffect, useRef, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import { useThrottled } from '../../components/useThrottled';
import { loadSample, imageToPixels, type SampleName } from '../../io/image';
import type { IdeasConfig, IdeasResult } from '../../state/views/ideas';
import type { ImagePixels } from '../conv/model';
import { useAppStore } from '../../state/store';
import { useT } from '../../i18n/useT';
import { ideas } from '../../i18n/ideas';

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

/** Cell size for a grid of `n` cells across that should take at most `budget` pixels. */
export function fitCell(n: number, budget: number, max = 32, min = 6): number {
  return Math.max(min, Math.min(max, Math.floor(budget / Math.max(1, n))));
}

/**
 * Whether the page is in presentation mode, and the factor by which the demonstrations enlarge
 * their cells then (so numbers read from the back of a hall).
 */
export function usePresent(): { present: boolean; zoom: number } {
  const present = useAppStore((s) => s.ui.present);
  return { present, zoom: present ? 1.35 : 1 };
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
  const t = useT(ideas);
  return (
    <fieldset className="pair" data-testid={testId}>
      <legend>{legend}</legend>
      <NumberField label={t.channels} value={c} min={min[0]} max={max[0]} onChange={(v) => onChange(v, h, w)} testId={`${testId}-c`} />
      <NumberField label={t.height} value={h} min={min[1]} max={max[1]} onChange={(v) => onChange(c, v, w)} testId={`${testId}-h`} />
      <NumberField label={t.width} value={w} min={min[2]} max={max[2]} onChange={(v) => onChange(c, h, v)} testId={`${testId}-w`} />
    </fieldset>
  );
}

/** The seed field with a button for a fresh one. */
export function SeedField({ seed, onChange }: { seed: number; onChange: (seed: number) => void }) {
  const t = useT(ideas);
  return (
    <div className="row">
      <NumberField label={t.seed} value={seed} min={0} max={4294967295} width={10} onChange={onChange} testId="seed" />
      <button type="button" className="small" onClick={() => onChange((Math.random() * 2 ** 32) >>> 0)} title={t.newSeedTitle}>
        {t.newSeed}
      </button>
    </div>
  );
}

/**
 * The pixels of a shipped sample resized to `c×h×w`, loaded from the site itself; null while loading
 * or when `src` is not an image. `failed` tells that the sample could not be loaded (the caller
 * says so in the page's language).
 */
export function useSamplePixels(src: string, c: number, h: number, w: number): { pixels: ImagePixels | null; failed: boolean } {
  const image = src !== 'seeded';
  const key = `${src}:${c}:${h}:${w}`;
  const [state, setState] = useState<{ key: string; pixels: ImagePixels | null; failed: boolean }>({ key: '', pixels: null, failed: false });
  useEffect(() => {
    if (!image) return;
    let live = true;
    loadSample(src as SampleName).then(
      (img) => live && setState({ key, pixels: imageToPixels(img, c, h, w), failed: false }),
      () => live && setState({ key, pixels: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [image, key, src, c, h, w]);
  return image && state.key === key ? state : { pixels: null, failed: false };
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

/**
 * The worked text of the value in focus, for screen readers: a visually hidden polite live region,
 * updated at most twice a second while the pointer sweeps over cells (the latest text always arrives).
 */
export function LiveText({ text, testId }: { text: string; testId?: string }) {
  const shown = useThrottled(text, 500);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid={testId}>
      {shown}
    </p>
  );
}
