/**
 * The arithmetic of exporting a view, free of the DOM so that it is tested on its own: file names,
 * the size of a PNG and of a video frame at projector resolution, the part of the view that a frame
 * shows, and the default length of a recording.
 */

/** A projector's resolution (1080p): PNGs are this wide, video frames fit inside it. */
export const PROJECTOR = { width: 1920, height: 1080 } as const;

/**
 * The longest side of a PNG. Browsers refuse larger canvases (Chromium: 32 767 px a side, and about
 * 268 million pixels), and a taller picture is no use on a slide anyway.
 */
export const MAX_PNG_SIDE = 16_384;

/** What a recording may ask for, and its defaults: frames per second and steps (one frame per step). */
export const RECORD_LIMITS = {
  fps: { min: 1, max: 30 },
  steps: { min: 2, max: 120 },
  /** A default recording stops at this many steps… */
  defaultSteps: 60,
  /** …or after this many seconds of video, whichever comes first. */
  defaultSeconds: 10,
} as const;

/** The video formats tried, best first: VP9, then VP8, in WebM. */
export const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An output size in device pixels and the factor from CSS pixels to it. */
export interface OutputSize {
  width: number;
  height: number;
  scale: number;
}

/** `convscope-conv-4.png`: the route and the current step; `convscope-rf.png` for a view without steps. */
export function pngFileName(route: string, step: number | null): string {
  const at = step !== null && Number.isInteger(step) && step >= 0 ? `-${step}` : '';
  return `convscope-${safePart(route)}${at}.png`;
}

/** `convscope-conv.webm`. */
export function webmFileName(route: string): string {
  return `convscope-${safePart(route)}.webm`;
}

/** A route as it may appear in a file name: lower-case letters, digits and dashes. */
function safePart(route: string): string {
  const s = String(route)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'view';
}

/**
 * The PNG of a view `cssWidth × cssHeight` CSS pixels: scaled so that it is exactly 1920 pixels wide
 * (×1.5 from a 1280-pixel laptop window, ×1 on a 1080p projector), unless it would then be taller than
 * `MAX_PNG_SIDE`, when the height is capped and the width follows.
 */
export function pngSize(cssWidth: number, cssHeight: number): OutputSize {
  const w = positive(cssWidth);
  const h = positive(cssHeight);
  let scale = PROJECTOR.width / w;
  if (h * scale > MAX_PNG_SIDE) scale = MAX_PNG_SIDE / h;
  return {
    width: Math.min(PROJECTOR.width, Math.max(1, Math.round(w * scale))),
    height: Math.min(MAX_PNG_SIDE, Math.max(1, Math.round(h * scale))),
    scale,
  };
}

/**
 * The frame of a video showing `cssWidth × cssHeight` CSS pixels: as large as fits inside 1920×1080
 * (scaled up or down, aspect kept), with even sides, as VP8/VP9 encoders want.
 */
export function videoFrameSize(cssWidth: number, cssHeight: number): OutputSize {
  const w = positive(cssWidth);
  const h = positive(cssHeight);
  const scale = Math.min(PROJECTOR.width / w, PROJECTOR.height / h);
  const even = (v: number, max: number) => Math.min(max, Math.max(2, 2 * Math.round(v / 2)));
  return { width: even(w * scale, PROJECTOR.width), height: even(h * scale, PROJECTOR.height), scale };
}

/**
 * The part of an element that is on screen, in the element's own coordinates: `element` is its
 * bounding rectangle and `viewport` the window's, both in viewport coordinates. When nothing of it
 * is visible, the whole element.
 */
export function visiblePart(element: Rect, viewport: Rect): Rect {
  const left = Math.max(element.x, viewport.x);
  const top = Math.max(element.y, viewport.y);
  const right = Math.min(element.x + element.width, viewport.x + viewport.width);
  const bottom = Math.min(element.y + element.height, viewport.y + viewport.height);
  if (right - left < 1 || bottom - top < 1) return { x: 0, y: 0, width: element.width, height: element.height };
  return { x: left - element.x, y: top - element.y, width: right - left, height: bottom - top };
}

/** The default frame rate of a recording: the view's playback speed (steps per second), kept within 1–30. */
export function defaultFrameRate(speed: number | null): number {
  if (speed === null || !Number.isFinite(speed)) return 2;
  return clamp(Math.round(speed), RECORD_LIMITS.fps.min, RECORD_LIMITS.fps.max);
}

/**
 * The default number of steps to record at `fps` frames per second: 60 steps or 10 seconds of video,
 * whichever is fewer (e.g. 20 at 2 frames/s, 60 at 8 frames/s), never fewer than 2.
 */
export function defaultStepCount(fps: number): number {
  const byTime = Math.floor(positive(fps) * RECORD_LIMITS.defaultSeconds);
  return clamp(Math.min(RECORD_LIMITS.defaultSteps, byTime), RECORD_LIMITS.steps.min, RECORD_LIMITS.steps.max);
}

/** How long a recording of `frames` frames at `fps` frames per second plays, in seconds. */
export function videoSeconds(frames: number, fps: number): number {
  return frames / positive(fps);
}

/** The first WebM type the browser can record (`isSupported` is `MediaRecorder.isTypeSupported`), or null. */
export function pickWebmType(isSupported: (type: string) => boolean): string | null {
  for (const type of WEBM_TYPES) {
    try {
      if (isSupported(type)) return type;
    } catch {
      // A browser that throws on the question cannot record this type.
    }
  }
  return null;
}

/** A whole number typed in a field, when it is one and lies within [min, max]; else null. */
export function readWhole(text: string, min: number, max: number): number | null {
  const t = text.trim();
  const v = Number(t);
  return t !== '' && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

/** A size in bytes for people: `830 KB`, `1.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.max(0, Math.round(bytes))} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function positive(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 1;
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
