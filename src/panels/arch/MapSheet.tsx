import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { GREY_LUT, SIGNED_LUT, paletteIndex, type Palette } from '../../viz/color';

/** One map of a layer: h·w values (row-major), or 3·h·w for an RGB picture when `rgb` is set. */
export interface MapSource {
  values: Float32Array;
  maxAbs: number;
  palette: Palette;
  /** Paint the three planes as red, green and blue (values in 0…1). */
  rgb?: boolean;
}

/** Writes the colours of `src` (h·w cells) into `px` (RGBA) from cell `at` on. */
export function paintMap(px: Uint8ClampedArray, at: number, src: MapSource, plane: number): void {
  const { values, maxAbs, palette, rgb } = src;
  const lut = palette === 'grey' ? GREY_LUT : SIGNED_LUT;
  for (let i = 0; i < plane; i++) {
    const o = (at + i) * 4;
    if (rgb) {
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(Math.max(0, Math.min(1, values[c * plane + i]!)) * 255);
    } else {
      const j = paletteIndex(palette, values[i]!, maxAbs) * 3;
      px[o] = lut[j]!;
      px[o + 1] = lut[j + 1]!;
      px[o + 2] = lut[j + 2]!;
    }
    px[o + 3] = 255;
  }
}

/** Every map of a layer at one value per pixel, stacked top to bottom, on a canvas that is never in the page. */
function buildAtlas(sources: readonly MapSource[], h: number, w: number): HTMLCanvasElement | null {
  const atlas = document.createElement('canvas');
  atlas.width = w;
  atlas.height = Math.max(1, h * sources.length);
  const ctx = atlas.getContext('2d');
  if (!ctx) return null;
  const img = ctx.createImageData(w, atlas.height);
  sources.forEach((src, k) => paintMap(img.data, k * h * w, src, h * w));
  ctx.putImageData(img, 0, 0);
  return atlas;
}

type Atlas = { sources: readonly MapSource[]; h: number; w: number; canvas: HTMLCanvasElement | null };

/** What a layer's picture was made from, its offscreen canvas and its image's blob URL. */
type Sheet = { key: string; sources: readonly MapSource[] | null; canvas: HTMLCanvasElement | null; url: string | null; generation: number };

/**
 * Paints each map of `sources` into its slot (`.arch-map`, in order) of `el` on an offscreen canvas of the
 * layer's size, and shows it as the image `img` laid over `el` (once encoded; `data-maps` then says how many
 * maps it holds). Does nothing when neither the maps nor the slots' places changed.
 */
function paintSheet(el: HTMLElement, img: HTMLImageElement, atlas: { current: Atlas | null }, sheet: Sheet, sources: readonly MapSource[], h: number, w: number, scale: number) {
  const width = el.clientWidth;
  const height = el.clientHeight;
  if (width === 0 || height === 0) return; // a closed layer: painted when it opens (its size changes)
  const origin = el.getBoundingClientRect();
  const slots = [...el.querySelectorAll<HTMLElement>('.arch-map')].slice(0, sources.length).map((slot) => {
    const r = slot.getBoundingClientRect();
    return [Math.round(r.left - origin.left - el.clientLeft + slot.clientLeft), Math.round(r.top - origin.top - el.clientTop + slot.clientTop)] as const;
  });
  const key = `${width}×${height}×${scale}:${slots.join(' ')}`;
  if (key === sheet.key && sources === sheet.sources) return;
  sheet.key = key;
  sheet.sources = sources;
  if (!atlas.current || atlas.current.sources !== sources || atlas.current.h !== h || atlas.current.w !== w) {
    atlas.current = { sources, h, w, canvas: buildAtlas(sources, h, w) };
  }
  const src = atlas.current.canvas;
  // One pixel per CSS pixel (maps are whole cells of `scale` pixels; a high-density screen enlarges them
  // as pixel art), the picture exactly the layer's size.
  const cv = (sheet.canvas ??= document.createElement('canvas'));
  cv.width = width;
  cv.height = height;
  const ctx = cv.getContext('2d');
  if (!ctx || !src) return;
  ctx.imageSmoothingEnabled = false;
  slots.forEach(([x, y], k) => ctx.drawImage(src, 0, k * h, w, h, x, y, w * scale, h * scale));
  const generation = ++sheet.generation;
  cv.toBlob((blob) => {
    if (!blob || generation !== sheet.generation) return;
    const url = URL.createObjectURL(blob);
    img.onload = () => {
      img.dataset.maps = String(slots.length);
      img.onload = null;
    };
    img.style.width = `${width}px`;
    img.style.height = `${height}px`;
    img.src = url;
    if (sheet.url) URL.revokeObjectURL(sheet.url);
    sheet.url = url;
  });
}

/**
 * All the maps of one layer (its channels, and the picture itself for an RGB input) shown as ONE image.
 * One canvas per map made hundreds of compositor layers, and even one canvas per layer was copied to the
 * compositor on every frame while scrolling (software compositing); an image is painted into the page once.
 * The layout stays in the page: each map is a figure holding an empty framed slot (`.arch-map`, `scale`
 * pixels per cell) and its caption, wrapped like before; the maps are drawn into their slots' places on an
 * offscreen canvas of the layer's size, encoded, and laid over the layer as an `<img>` — again after a render
 * or a change of the layer's size moves the slots (a new width, presentation mode, the layer opened again).
 * The image says how many maps it holds in `data-maps`. Decorative: the surrounding `role="img"` label
 * carries the numbers.
 */
export const MapSheet = memo(function MapSheet({
  sources,
  captions,
  h,
  w,
  scale,
  label,
}: {
  /** Memoised by the caller: a new array repaints every map. */
  sources: readonly MapSource[];
  /** One caption per map (a channel number, or red/green/blue/"as an image"; null: none). */
  captions: readonly ReactNode[];
  h: number;
  w: number;
  scale: number;
  /** The accessible name of the whole group of maps. */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const picture = useRef<HTMLImageElement>(null);
  const atlas = useRef<Atlas | null>(null);
  const sheet = useRef<Sheet>({ key: '', sources: null, canvas: null, url: null, generation: 0 });

  const draw = useRef<() => void>(() => {});

  // After every render (new values, sizes, captions or language may move the slots), before the frame is shown.
  useLayoutEffect(() => {
    draw.current = () => {
      if (box.current && picture.current) paintSheet(box.current, picture.current, atlas, sheet.current, sources, h, w, scale);
    };
    draw.current();
  });
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => draw.current());
    observer.observe(el);
    const current = sheet.current;
    return () => {
      observer.disconnect();
      current.generation++;
      current.key = '';
      if (current.url) URL.revokeObjectURL(current.url);
    };
  }, []);

  return (
    <div ref={box} className="arch-channels" role="img" aria-label={label}>
      <img ref={picture} className="arch-sheet" alt="" aria-hidden="true" />
      {captions.map((caption, k) => (
        <figure key={k} className="arch-channel">
          <div className="arch-map" style={{ width: w * scale + 2, height: h * scale + 2 }} />
          {caption !== null && <figcaption>{caption}</figcaption>}
        </figure>
      ))}
    </div>
  );
});
