/**
 * Export of the current view: a PNG at projector resolution and a WebM of a few steps. Loaded on
 * demand (dynamic `import()` from the Export menu), with the rasterizer it uses.
 *
 * Rasterizing is modern-screenshot's DOM → SVG foreignObject → canvas path: computed styles inlined
 * (only those that differ from an element's defaults), canvases copied as images, pseudo-elements
 * kept; every image it makes is a data: URL, which the page's Content-Security-Policy allows
 * (img-src 'self' data: blob:). Two fixes are made here on the library's copy: the state of form
 * controls (it keeps a <select>'s value and a checkbox's state only in attributes the browser does not
 * draw), and the height of tables (it fixes every element's height, and a table's computed height
 * includes its caption, which would then be added again, stretching the rows).
 */
import { domToCanvas } from 'modern-screenshot';
import {
  pngFileName,
  pngSize,
  videoFrameSize,
  visiblePart,
  webmFileName,
  type OutputSize,
  type Rect,
} from './plan';
import { countFrames, frameTimes, opaqueTracks, readWebm, writeWebm } from './webm';

/** Thrown when the user cancelled a recording. */
export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ExportCancelled';
  }
}

/** The page's background colour, painted under the view (the view itself is transparent). */
export function pageBackground(doc: Document = document): string {
  for (const el of [doc.body, doc.documentElement]) {
    const c = el ? getComputedStyle(el).backgroundColor : '';
    if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/**
 * Corrects the rasterizer's copy `clone` of `original`: the state of the form controls is copied
 * (same document order) as attributes, so that the picture shows the chosen option and ticked boxes;
 * tables take the height of their rows again.
 */
function fixClone(original: Element, clone: Node) {
  if (!(clone instanceof Element)) return;
  for (const table of clone.querySelectorAll('table')) {
    if (!(table instanceof HTMLElement)) continue;
    table.style.removeProperty('height');
    table.style.removeProperty('block-size');
  }
  const selector = 'input, select, textarea';
  const from = original.querySelectorAll(selector);
  const to = clone.querySelectorAll(selector);
  if (from.length !== to.length) return;
  from.forEach((src, i) => {
    const dst = to[i]!;
    if (src.tagName !== dst.tagName) return;
    if (src instanceof HTMLSelectElement) {
      const options = dst.querySelectorAll('option');
      Array.from(src.options).forEach((o, j) => options[j]?.toggleAttribute('selected', o.selected));
    } else if (src instanceof HTMLInputElement) {
      if (src.type === 'checkbox' || src.type === 'radio') dst.toggleAttribute('checked', src.checked);
      else dst.setAttribute('value', src.value);
    } else if (src instanceof HTMLTextAreaElement) {
      dst.textContent = src.value;
    }
  });
}

/**
 * Draws `element` (all of it, at `scale` device pixels per CSS pixel) on a new canvas, with the page's
 * background under it.
 */
export async function rasterize(element: HTMLElement, scale: number, background = pageBackground()): Promise<HTMLCanvasElement> {
  return domToCanvas(element, {
    scale,
    backgroundColor: background,
    // The page loads no web fonts (system fonts only): nothing to embed, nothing to fetch.
    font: false,
    features: { restoreScrollPosition: true },
    timeout: 10_000,
    onCloneNode: (clone) => fixClone(element, clone),
  });
}

/** A rendered picture, ready to download. */
export interface Picture {
  blob: Blob;
  fileName: string;
  width: number;
  height: number;
}

/** Copies `source` onto a new canvas of exactly `size` (the rasterizer rounds its own size down). */
function exactCanvas(source: CanvasImageSource, size: { width: number; height: number }, background: string, from?: Rect) {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingQuality = 'high';
  if (from) ctx.drawImage(source, from.x, from.y, from.width, from.height, 0, 0, size.width, size.height);
  else ctx.drawImage(source, 0, 0, size.width, size.height);
  return canvas;
}

function toBlob(canvas: HTMLCanvasElement, type: string): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded.'))), type),
  );
}

/** The size of `element` in CSS pixels (its layout box, whatever the scroll position). */
function cssSize(element: HTMLElement): { width: number; height: number } {
  const r = element.getBoundingClientRect();
  return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
}

/**
 * The PNG of `element` (the view), 1920 pixels wide, named after the route and the step
 * (`convscope-conv-4.png`).
 */
export async function exportPng(element: HTMLElement, route: string, step: number | null): Promise<Picture> {
  const css = cssSize(element);
  const size = pngSize(css.width, css.height);
  const background = pageBackground();
  const raw = await rasterize(element, size.scale, background);
  // The rasterizer rounds its size down (1919.99 → 1919): the exact size stretches it by at most a pixel.
  const canvas = exactCanvas(raw, size, background);
  const blob = await toBlob(canvas, 'image/png');
  return { blob, fileName: pngFileName(route, step), width: size.width, height: size.height };
}

/** Saves `blob` as a download named `fileName`. */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; keep it a little for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const frame = () =>
  new Promise<void>((resolve) => {
    // requestAnimationFrame stops in a hidden tab: a timer makes sure the recording still moves on.
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Feeding the video encoder: how often to ask whether a frame is in, when to feed a frame again that
 * it seems to have dropped, and how many times before giving up.
 */
const POLL_MS = 40;
const RETRY_MS = 8_000;
const MAX_ASKS = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Waits until `element` has been painted after a change and stays still: two animation frames, then
 * until no change of its DOM for `quietMs` (the worked step of a view may follow a step after a
 * short delay), at most `maxMs`.
 */
export async function settled(element: HTMLElement, quietMs = 160, maxMs = 1500): Promise<void> {
  const start = performance.now();
  let last = start;
  const observer = new MutationObserver(() => {
    last = performance.now();
  });
  observer.observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    await frame();
    await frame();
    while (performance.now() - last < quietMs && performance.now() - start < maxMs) {
      await sleep(quietMs - (performance.now() - last) + 5);
    }
    await frame();
  } finally {
    observer.disconnect();
  }
}

/** Which part of the view a video shows: what is on screen, or the whole view scaled to fit. */
export type RecordArea = 'visible' | 'whole';

/** What `recordSteps` reports while it works. */
export interface RecordProgress {
  phase: 'capture' | 'encode';
  done: number;
  total: number;
}

/** A recording's settings and the hooks into the view. */
export interface RecordOptions {
  element: HTMLElement;
  route: string;
  fps: number;
  steps: number;
  area: RecordArea;
  /** The WebM type to record (`pickWebmType`). */
  mimeType: string;
  /** Moves the view one step on; false when it did not move (the last step). */
  advance: () => boolean;
  /** Puts the view back as it was; called once the frames are captured, or on cancel or error. */
  restore: () => void;
  signal: AbortSignal;
  onProgress: (p: RecordProgress) => void;
}

/** A finished recording. */
export interface Recording {
  blob: Blob;
  fileName: string;
  frames: number;
  width: number;
  height: number;
  mimeType: string;
}

/**
 * Records `steps` steps of the view, from the current one, as a WebM at `fps` frames per second: one
 * frame per step. First every step is drawn into a picture (rasterizing a view takes longer than a
 * frame lasts), then the pictures are played into a `canvas.captureStream(0)` track, one
 * `requestFrame()` per frame at the right time, recorded by a `MediaRecorder`. Stops early at the
 * view's last step. Throws `ExportCancelled` when `signal` aborts.
 */
export async function recordSteps(o: RecordOptions): Promise<Recording> {
  const check = () => {
    if (o.signal.aborted) throw new ExportCancelled();
  };
  const background = pageBackground();
  const el = o.element;
  const box = el.getBoundingClientRect();
  const whole = { x: 0, y: 0, ...cssSize(el) };
  const area =
    o.area === 'whole'
      ? whole
      : visiblePart(
          { x: box.x, y: box.y, width: box.width, height: box.height },
          { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight },
        );
  const size: OutputSize = videoFrameSize(area.width, area.height);
  const pictures: Blob[] = [];
  let restored = false;
  const restore = () => {
    if (!restored) o.restore();
    restored = true;
  };
  try {
    // 1. One picture per step.
    for (let i = 0; i < o.steps; i++) {
      check();
      o.onProgress({ phase: 'capture', done: i, total: o.steps });
      if (i > 0 && !o.advance()) break;
      await settled(el);
      check();
      const raw = await rasterize(el, size.scale, background);
      check();
      const k = raw.width / Math.max(1, el.getBoundingClientRect().width);
      const from = { x: area.x * k, y: area.y * k, width: area.width * k, height: area.height * k };
      pictures.push(await toBlob(exactCanvas(raw, size, background, from), 'image/png'));
    }
    o.onProgress({ phase: 'capture', done: o.steps, total: o.steps });
  } finally {
    restore();
  }
  check();
  // 2. The pictures, played in time into a MediaRecorder.
  const blob = await encode(pictures, size, o);
  return { blob, fileName: webmFileName(o.route), frames: pictures.length, width: size.width, height: size.height, mimeType: o.mimeType };
}

/**
 * Encodes the pictures with a MediaRecorder fed by `canvas.captureStream(0)`: one `requestFrame()` per
 * picture, then waiting (asking the recorder for its data) until that frame is in the file, so that no
 * frame is dropped however slow the encoder (an encoder that is still busy drops new frames). The
 * frames come back stamped with the times they were fed; the file is then written again with picture
 * i at i/fps seconds and the right duration (see webm.ts).
 */
async function encode(pictures: Blob[], size: OutputSize, o: RecordOptions): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  // Opaque: with an alpha channel, Chromium would encode one too (larger files, fewer players).
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
  if (!track) throw new Error('This browser cannot make a video stream from a canvas.');
  const recorder = new MediaRecorder(stream, {
    mimeType: o.mimeType,
    // Sharp text and cell borders at 1080p.
    videoBitsPerSecond: 8_000_000,
  });
  const blobs: Blob[] = [];
  let delivered: (() => void) | null = null;
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) blobs.push(e.data);
    delivered?.();
  };
  const stopped = new Promise<void>((resolve, reject) => {
    recorder.onstop = () => resolve();
    recorder.onerror = (e) => reject((e as ErrorEvent).error ?? new Error('The recording failed.'));
  });
  /** The recording so far, as bytes. */
  const bytes = async () => new Uint8Array(await new Blob(blobs).arrayBuffer());
  /** Asks the recorder for what it has (answered by a dataavailable event). */
  const collect = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 500);
      delivered = () => {
        clearTimeout(timer);
        delivered = null;
        resolve();
      };
      recorder.requestData();
    });

  const ends: number[] = [];
  try {
    recorder.start();
    let have = 0;
    let next = createImageBitmap(pictures[0]!);
    for (let i = 0; i < pictures.length; i++) {
      if (o.signal.aborted) break;
      const bitmap = await next;
      if (i + 1 < pictures.length) next = createImageBitmap(pictures[i + 1]!);
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      track.requestFrame();
      let asked = performance.now();
      let asks = 1;
      for (;;) {
        await sleep(POLL_MS);
        await collect();
        const n = countFrames(await bytes());
        if (n > have) {
          have = n;
          break;
        }
        if (o.signal.aborted) break;
        if (performance.now() - asked > RETRY_MS) {
          // The encoder dropped it (it was starting, or busy): feed it again.
          if (asks >= MAX_ASKS) throw new Error('the browser’s video encoder does not answer.');
          track.requestFrame();
          asked = performance.now();
          asks++;
        }
      }
      ends.push(have);
      o.onProgress({ phase: 'encode', done: i + 1, total: pictures.length });
    }
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    track.stop();
  }
  await stopped;
  if (o.signal.aborted) throw new ExportCancelled();
  const recorded = readWebm(await bytes());
  if (!recorded.tracks || recorded.frames.length === 0) throw new Error('the recording is empty.');
  const times = frameTimes(ends, recorded.frames.length, o.fps);
  const frames = recorded.frames.map((f, i) => ({ ...f, time: times[i]! }));
  const file = writeWebm(opaqueTracks(recorded.tracks), frames, (pictures.length * 1000) / o.fps);
  return new Blob([file as BlobPart], { type: 'video/webm' });
}
