/**
 * Just enough WebM (Matroska/EBML) to re-time a MediaRecorder recording: read its video track header
 * and its frames, and write them again with exact timestamps and a duration.
 *
 * Why: a MediaRecorder stamps each frame with the wall-clock time it was captured, and a rasterized
 * view takes far longer than a frame lasts, so the export feeds it one frame at a time and waits for
 * each to be encoded; the file it gets back has the right frames at the wrong times. Rewriting the
 * timestamps (frame i at i/fps seconds) and the duration gives a video that plays at the chosen rate
 * and that players can seek in. Pure: bytes in, bytes out.
 */

/** One encoded video frame. */
export interface WebmFrame {
  /** The codec's bytes (VP8/VP9), as stored after the block header. */
  data: Uint8Array;
  /** True for a key frame (decodable on its own). */
  key: boolean;
  /** The track the frame belongs to. */
  track: number;
}

/** What `readWebm` finds: the Tracks element as it was written, and the frames in file order. */
export interface WebmContent {
  tracks: Uint8Array | null;
  frames: WebmFrame[];
}

/** A frame to write, with its time in milliseconds from the start. */
export interface TimedFrame extends WebmFrame {
  time: number;
}

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  muxingApp: 0x4d80,
  writingApp: 0x5741,
  tracks: 0x1654ae6b,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  referenceBlock: 0xfb,
  docType: 0x4282,
  docTypeVersion: 0x4287,
  docTypeReadVersion: 0x4285,
  ebmlVersion: 0x4286,
  ebmlReadVersion: 0x42f7,
  ebmlMaxIdLength: 0x42f2,
  ebmlMaxSizeLength: 0x42f3,
} as const;

/** Elements whose children are read in place (the others are skipped whole or copied). */
const CONTAINERS = new Set<number>([ID.segment, ID.cluster]);

interface Vint {
  value: number;
  length: number;
  /** All value bits set: the "unknown size" of a live stream. */
  unknown: boolean;
}

/** Reads a variable-length integer at `at`; null when the bytes end first or it is malformed. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  if (at >= bytes.length) return null;
  const first = bytes[at]!;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = bytes[at + i]!;
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** Reads a block's header (track, flags) and returns its frame, or null when it is not one frame. */
function readBlock(bytes: Uint8Array, start: number, end: number, key: boolean | null): WebmFrame | null {
  const track = readVint(bytes, start, false);
  if (!track || start + track.length + 3 > end) return null;
  const flags = bytes[start + track.length + 2]!;
  if (flags & 0x06) throw new Error('laced WebM blocks are not supported');
  return {
    track: track.value,
    key: key ?? (flags & 0x80) !== 0,
    data: bytes.slice(start + track.length + 3, end),
  };
}

/**
 * Reads a WebM file (or the beginning of one, as a recorder hands it out: a cut-off last element is
 * left out): the Tracks element's bytes and every video frame in order, from SimpleBlocks and
 * BlockGroups (key frame = a BlockGroup without ReferenceBlock). Live-stream elements of unknown size
 * are read as they come.
 */
export function readWebm(bytes: Uint8Array): WebmContent {
  const frames: WebmFrame[] = [];
  let tracks: Uint8Array | null = null;
  let at = 0;
  while (at < bytes.length) {
    const id = readVint(bytes, at, true);
    if (!id) break;
    const size = readVint(bytes, at + id.length, false);
    if (!size) break;
    const start = at + id.length + size.length;
    if (CONTAINERS.has(id.value) || size.unknown) {
      at = start;
      continue;
    }
    const end = start + size.value;
    if (end > bytes.length) break;
    if (id.value === ID.tracks) tracks = bytes.slice(at, end);
    else if (id.value === ID.simpleBlock) {
      const frame = readBlock(bytes, start, end, null);
      if (frame) frames.push(frame);
    } else if (id.value === ID.blockGroup) {
      let block: [number, number] | null = null;
      let reference = false;
      for (let p = start; p < end; ) {
        const cid = readVint(bytes, p, true);
        const csize = cid && readVint(bytes, p + cid.length, false);
        if (!cid || !csize) break;
        const cstart = p + cid.length + csize.length;
        if (cid.value === ID.block) block = [cstart, cstart + csize.value];
        if (cid.value === ID.referenceBlock) reference = true;
        p = cstart + csize.value;
      }
      const frame = block && readBlock(bytes, block[0], Math.min(block[1], end), !reference);
      if (frame) frames.push(frame);
    }
    at = end;
  }
  return { tracks, frames };
}

/** The number of frames in (the beginning of) a WebM file. */
export function countFrames(bytes: Uint8Array): number {
  return readWebm(bytes).frames.length;
}

const TRACK_MASTERS = new Set<number>([0x1654ae6b, 0xae, 0xe0]); // Tracks, TrackEntry, Video
const ALPHA_MODE = 0x53c0;

/**
 * A copy of a Tracks element that says the video has no alpha channel (AlphaMode 0). Chromium marks
 * canvas recordings as having one; the frames written here never carry it.
 */
export function opaqueTracks(tracks: Uint8Array): Uint8Array {
  const out = tracks.slice();
  const walk = (from: number, to: number) => {
    for (let p = from; p < to; ) {
      const id = readVint(out, p, true);
      const size = id && readVint(out, p + id.length, false);
      if (!id || !size || size.unknown) return;
      const start = p + id.length + size.length;
      const end = Math.min(to, start + size.value);
      if (TRACK_MASTERS.has(id.value)) walk(start, end);
      else if (id.value === ALPHA_MODE) out.fill(0, start, end);
      p = end;
    }
  };
  walk(0, out.length);
  return out;
}

// ——— Writing ———

/** An element ID's bytes (IDs keep their length marker: 0xA3 is one byte, 0x1A45DFA3 four). */
function idBytes(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}

/** A size as the shortest variable-length integer (never all ones, which means "unknown"). */
export function sizeBytes(size: number): number[] {
  let length = 1;
  while (size > 2 ** (7 * length) - 2) length++;
  if (length > 8) throw new Error('element too large');
  const out: number[] = [];
  let v = size;
  for (let i = 0; i < length; i++) {
    out.unshift(v % 256);
    v = Math.floor(v / 256);
  }
  out[0]! |= 0x80 >> (length - 1);
  return out;
}

type Part = Uint8Array | number[];

function concat(parts: Part[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function element(id: number, ...body: Part[]): Uint8Array {
  const data = concat(body);
  return concat([idBytes(id), sizeBytes(data.length), data]);
}

function uint(id: number, value: number): Uint8Array {
  const out: number[] = [];
  for (let v = Math.max(0, Math.round(value)); out.length === 0 || v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return element(id, out);
}

function float64(id: number, value: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, value);
  return element(id, b);
}

function ascii(id: number, text: string): Uint8Array {
  return element(id, Array.from(text, (c) => c.charCodeAt(0) & 0x7f));
}

/** The longest a cluster may span: block times are 16-bit offsets from the cluster's time. */
const CLUSTER_SPAN_MS = 30_000;

/**
 * Writes a WebM file: the `tracks` element as read, the frames at their `time` (milliseconds, not
 * decreasing), a duration of `durationMs`. A new cluster starts at every key frame and at least every
 * 30 s.
 */
export function writeWebm(tracks: Uint8Array, frames: readonly TimedFrame[], durationMs: number, app = 'ConvScope'): Uint8Array {
  const header = element(
    ID.ebml,
    uint(ID.ebmlVersion, 1),
    uint(ID.ebmlReadVersion, 1),
    uint(ID.ebmlMaxIdLength, 4),
    uint(ID.ebmlMaxSizeLength, 8),
    ascii(ID.docType, 'webm'),
    uint(ID.docTypeVersion, 4),
    uint(ID.docTypeReadVersion, 2),
  );
  const info = element(
    ID.info,
    uint(ID.timecodeScale, 1_000_000), // milliseconds
    float64(ID.duration, durationMs),
    ascii(ID.muxingApp, app),
    ascii(ID.writingApp, app),
  );
  const clusters: Uint8Array[] = [];
  let current: { time: number; blocks: Uint8Array[] } | null = null;
  const close = () => {
    if (current) clusters.push(element(ID.cluster, uint(ID.timecode, current.time), ...current.blocks));
  };
  let last = 0;
  for (const f of frames) {
    const time = Math.max(last, Math.round(f.time));
    last = time;
    if (!current || f.key || time - current.time > CLUSTER_SPAN_MS) {
      close();
      current = { time, blocks: [] };
    }
    const rel = time - current.time;
    const head = [...sizeBytes(f.track), (rel >> 8) & 0xff, rel & 0xff, f.key ? 0x80 : 0x00];
    current.blocks.push(element(ID.simpleBlock, head, f.data));
  }
  close();
  return concat([header, element(ID.segment, info, tracks, ...clusters)]);
}

/**
 * The times of frames recorded picture by picture: `ends[i]` is how many frames the recorder had
 * made once picture i was encoded (usually i + 1; more when the encoder was asked twice). Picture i
 * starts at i · 1000 / fps ms; a picture's extra frames come 1 ms apart before its last one shows, so
 * that no frame is dropped (later frames may depend on it) and none shows for longer than a blink.
 * Frames after the last picture (late arrivals) join it.
 */
export function frameTimes(ends: readonly number[], frameCount: number, fps: number): number[] {
  const times: number[] = [];
  let from = 0;
  ends.forEach((end, i) => {
    const start = Math.round((i * 1000) / fps);
    const to = i === ends.length - 1 ? Math.max(end, frameCount) : end;
    for (let j = from; j < to; j++) times.push(start + (j - from));
    from = Math.max(from, to);
  });
  return times.slice(0, frameCount);
}
