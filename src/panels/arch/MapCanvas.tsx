import { memo, useEffect, useRef } from 'react';
import { GREY_LUT, SIGNED_LUT, paletteIndex, type Palette } from '../../viz/color';

/**
 * One feature map (or an RGB image) painted on a canvas, one pixel per value, stretched by CSS to
 * `scale` pixels per cell. Decorative: the surrounding figure carries the label and the numbers.
 */
export const MapCanvas = memo(function MapCanvas({
  values,
  h,
  w,
  maxAbs,
  palette,
  scale,
  rgb,
}: {
  /** h·w values (row-major), or 3·h·w for an RGB picture when `rgb` is set. */
  values: Float32Array;
  h: number;
  w: number;
  maxAbs: number;
  palette: Palette;
  scale: number;
  /** Paint the three planes as red, green and blue (values in 0…1). */
  rgb?: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    const px = img.data;
    const plane = h * w;
    const lut = palette === 'grey' ? GREY_LUT : SIGNED_LUT;
    for (let i = 0; i < plane; i++) {
      if (rgb) {
        for (let c = 0; c < 3; c++) px[i * 4 + c] = Math.round(Math.max(0, Math.min(1, values[c * plane + i]!)) * 255);
      } else {
        const j = paletteIndex(palette, values[i]!, maxAbs) * 3;
        px[i * 4] = lut[j]!;
        px[i * 4 + 1] = lut[j + 1]!;
        px[i * 4 + 2] = lut[j + 2]!;
      }
      px[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, h, w, maxAbs, palette, rgb]);
  return <canvas ref={ref} width={w} height={h} className="arch-canvas" style={{ width: w * scale, height: h * scale }} aria-hidden="true" />;
});
