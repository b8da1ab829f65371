import type { ImagePixels } from '../panels/conv/model';
import { image, type ImageT } from '../i18n/image';

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

/** What went wrong with an image, in a form that any language can put into words. */
export type ImageProblem =
  | { kind: 'tooLarge'; subject: ImageSubject; mb: string }
  | { kind: 'notImage'; subject: ImageSubject; type: string }
  | { kind: 'unreadable'; subject: ImageSubject }
  | { kind: 'sampleMissing'; sample: string; status: number };

/** Whose problem it is: a file's name as shown (e.g. `“cat.png”`), a shipped sample, or an unnamed file. */
export type ImageSubject = { shown: string } | { sample: string } | null;

/** The messages an image problem is told with: the image namespace's dictionary (src/i18n/image.ts). */
export type ImageTexts = ImageT;

/** An image problem in words, in the language of `t`. */
export function imageMessage(problem: ImageProblem, t: ImageTexts): string {
  if (problem.kind === 'sampleMissing') return t.sampleFailed(problem.sample, String(problem.status));
  const s = problem.subject;
  const name = s === null ? t.theFile : 'shown' in s ? s.shown : t.theSample(s.sample);
  switch (problem.kind) {
    case 'tooLarge':
      return t.imageTooLarge(name, problem.mb);
    case 'notImage':
      return t.imageNotImage(name, problem.type);
    default:
      return t.imageUnreadable(name);
  }
}

/** The error thrown for an image that cannot be used: its message is English; `problem` can be told in any language. */
export class ImageError extends Error {
  constructor(readonly problem: ImageProblem) {
    // English when its strings are loaded (the page may be showing Korean only): for logs and tests.
    super(image.get('en') ? imageMessage(problem, image.en) : `image problem: ${problem.kind}`);
    this.name = 'ImageError';
  }
}

/** Any error met while getting an image, told in the language of `t` when it is an image problem. */
export function imageErrorText(err: unknown, t: ImageTexts): string {
  if (err instanceof ImageError) return imageMessage(err.problem, t);
  return err instanceof Error ? err.message : String(err);
}

async function decode(blob: Blob, subject: ImageSubject): Promise<ImageBitmap> {
  if (blob.size > MAX_UPLOAD_BYTES) {
    throw new ImageError({ kind: 'tooLarge', subject, mb: (blob.size / 1048576).toFixed(1) });
  }
  if (blob.type && !blob.type.startsWith('image/')) {
    throw new ImageError({ kind: 'notImage', subject, type: blob.type });
  }
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new ImageError({ kind: 'unreadable', subject });
  }
}

/**
 * Decodes an image file or blob, with a message a person can act on when it is not an image: an
 * `ImageError`, whose `problem` `imageErrorText` tells in the page's language. `name` is the file's
 * name as shown in the message (e.g. `“cat.png”`); without it the message says "The file".
 */
export function decodeImage(blob: Blob, name?: string): Promise<ImageBitmap> {
  return decode(blob, name === undefined ? null : { shown: name });
}

const cache = new Map<string, Promise<ImageBitmap>>();

/** Loads a shipped sample (relative URL, so the site works from any path), once. */
export function loadSample(name: SampleName): Promise<ImageBitmap> {
  let p = cache.get(name);
  if (!p) {
    p = fetch(new URL(`samples/${name}.png`, document.baseURI))
      .then((r) => {
        if (!r.ok) throw new ImageError({ kind: 'sampleMissing', sample: name, status: r.status });
        return r.blob();
      })
      .then((b) => decode(b, { sample: name }));
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
