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

/** Paints each map of `sources` into its slot (`.arch-map`, in order) of `el`, on `cv` laid over `el`. */
function paintSheet(el: HTMLElement, cv: HTMLCanvasElement, atlas: { current: Atlas | null }, sources: readonly MapSource[], h: number, w: number, scale: number) {
  const width = el.clientWidth;
  const height = el.clientHeight;
  if (width === 0 || height === 0) return; // a closed layer: painted when it opens (its size changes)
  if (!atlas.current || atlas.current.sources !== sources || atlas.current.h !== h || atlas.current.w !== w) {
    atlas.current = { sources, h, w, canvas: buildAtlas(sources, h, w) };
  }
  const src = atlas.current.canvas;
  // One canvas pixel per CSS pixel (maps are whole cells of `scale` pixels; a high-density screen enlarges
  // them as pixel art), the canvas exactly the layer's size.
  if (cv.width !== width) {
    cv.width = width;
    cv.style.width = `${width}px`;
  }
  if (cv.height !== height) {
    cv.height = height;
    cv.style.height = `${height}px`;
  }
  const ctx = cv.getContext('2d');
  if (!ctx || !src) return;
  ctx.clearRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = false;
  const origin = el.getBoundingClientRect();
  const slots = el.querySelectorAll<HTMLElement>('.arch-map');
  let painted = 0;
  slots.forEach((slot, k) => {
    if (k >= sources.length) return;
    const r = slot.getBoundingClientRect();
    const x = Math.round(r.left - origin.left - el.clientLeft + slot.clientLeft);
    const y = Math.round(r.top - origin.top - el.clientTop + slot.clientTop);
    ctx.drawImage(src, 0, k * h, w, h, x, y, w * scale, h * scale);
    painted++;
  });
  cv.dataset.maps = String(painted);
}

/**
 * All the maps of one layer (its channels, and the picture itself for an RGB input) drawn on ONE canvas:
 * a page of hundreds of small canvases made as many compositor layers, and updating them cost more than
 * a frame while scrolling. The layout stays in the page: each map is a figure holding an empty framed
 * slot (`.arch-map`, `scale` pixels per cell) and its caption, wrapped like before; the canvas lies over
 * the whole layer and paints each map into its slot, measured after every render and whenever the
 * layer's box changes size (a new width, presentation mode, the layer opened again). It says how many
 * maps it painted in `data-maps`. Decorative: the surrounding `role="img"` label carries the numbers.
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
  /** One caption per map (a channel number, or red/green/blue/"as an image"). */
  captions: readonly ReactNode[];
  h: number;
  w: number;
  scale: number;
  /** The accessible name of the whole group of maps. */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLCanvasElement>(null);
  const atlas = useRef<Atlas | null>(null);

  const draw = useRef<() => void>(() => {});

  // After every render (new values, sizes, captions or language may move the slots), before the frame is shown.
  useLayoutEffect(() => {
    draw.current = () => {
      if (box.current && sheet.current) paintSheet(box.current, sheet.current, atlas, sources, h, w, scale);
    };
    draw.current();
  });
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => draw.current());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} className="arch-channels" role="img" aria-label={label}>
      <canvas ref={sheet} className="arch-sheet" width={0} height={0} aria-hidden="true" />
      {captions.map((caption, k) => (
        <figure key={k} className="arch-channel">
          <div className="arch-map" style={{ width: w * scale + 2, height: h * scale + 2 }} />
          <figcaption>{caption}</figcaption>
        </figure>
      ))}
    </div>
  );
});
