import type { ImagePixels } from '../panels/conv/model';

/**
 * Image input, entirely in the browser: sample images are read from this site's own `samples/`
 * folder, an uploaded file is decoded locally, and nothing is ever sent anywhere.
 */

/** The natural size and channel count of each shipped sample. */
export const SAMPLES = {
  checker: { size: 32, channels: 1 },
  digit: { size: 28, channels: 1 },
  gradient: { size: 32, channels: 3 },
  scene: { size: 64, channels: 3 },
} as const;
export type SampleName = keyof typeof SAMPLES;

/** Accepted uploads, and the largest file read. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Decodes an image file or blob, with a message a person can act on when it is not an image. */
export async function decodeImage(blob: Blob, name = 'The file'): Promise<ImageBitmap> {
  if (blob.size > MAX_UPLOAD_BYTES) {
    throw new Error(`${name} is ${(blob.size / 1048576).toFixed(1)} MB; images up to 20 MB can be used.`);
  }
  if (blob.type && !blob.type.startsWith('image/')) {
    throw new Error(`${name} is not an image (${blob.type}). Use a PNG, JPEG, GIF, WebP or BMP file.`);
  }
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new Error(`${name} could not be read as an image: it may be damaged or in a format this browser cannot decode. Try a PNG or JPEG.`);
  }
}

const cache = new Map<string, Promise<ImageBitmap>>();

/** Loads a shipped sample (relative URL, so the site works from any path), once. */
export function loadSample(name: SampleName): Promise<ImageBitmap> {
  let p = cache.get(name);
  if (!p) {
    p = fetch(new URL(`samples/${name}.png`, document.baseURI))
      .then((r) => {
        if (!r.ok) throw new Error(`The sample image “${name}” could not be loaded (${r.status}).`);
        return r.blob();
      })
      .then((b) => decodeImage(b, `The sample “${name}”`));
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

/**
 * Resizes an image to `h × w` (centre crop to the same aspect, smooth scaling) and returns its pixels
 * as `channels` planes in 0…1: 1 channel gives the luminance, 3 give red, green and blue.
 */
export function imageToPixels(img: ImageBitmap, channels: number, h: number, w: number): ImagePixels {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const scale = Math.max(w / img.width, h / img.height);
  const sw = w / scale;
  const sh = h / scale;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, (img.width - sw) / 2, (img.height - sh) / 2, sw, sh, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const plane = h * w;
  const data = new Float32Array(channels * plane);
  for (let i = 0; i < plane; i++) {
    const r = rgba[i * 4]! / 255;
    const g = rgba[i * 4 + 1]! / 255;
    const b = rgba[i * 4 + 2]! / 255;
    if (channels === 1) data[i] = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    else {
      data[i] = r;
      data[plane + i] = g;
      data[2 * plane + i] = b;
      for (let c = 3; c < channels; c++) data[c * plane + i] = (r + g + b) / 3;
    }
  }
  return { channels, h, w, data };
}
