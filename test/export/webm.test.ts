import { describe, it, expect } from 'vitest';
import { countFrames, frameTimes, opaqueTracks, readWebm, sizeBytes, writeWebm } from '../../src/export/webm';

const bytes = (...parts: (number | number[])[]) => new Uint8Array(parts.flat());

/** A Tracks element of one VP9 video track 4×2 with AlphaMode 1, as Chromium writes it (hand-assembled). */
const TRACKS = bytes(
  [0x16, 0x54, 0xae, 0x6b, 0x98], // Tracks, 24 bytes
  [0xae, 0x96], // TrackEntry, 22 bytes
  [0xd7, 0x81, 0x01], // TrackNumber 1
  [0x86, 0x85, ...'V_VP9'.split('').map((c) => c.charCodeAt(0))], // CodecID
  [0xe0, 0x8a], // Video, 10 bytes
  [0xb0, 0x81, 0x04], // PixelWidth 4
  [0xba, 0x81, 0x02], // PixelHeight 2
  [0x53, 0xc0, 0x81, 0x01], // AlphaMode 1
);

/** Finds `pattern` in `data`; -1 when absent. */
function indexOf(data: Uint8Array, pattern: number[]): number {
  outer: for (let i = 0; i + pattern.length <= data.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (data[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function count(data: Uint8Array, pattern: number[]): number {
  let n = 0;
  for (let at = indexOf(data, pattern), rest = data; at >= 0; at = indexOf(rest, pattern)) {
    n++;
    rest = rest.subarray(at + pattern.length);
  }
  return n;
}

describe('EBML sizes', () => {
  it('are written in the fewest bytes, never as the all-ones "unknown size"', () => {
    expect(sizeBytes(0)).toEqual([0x80]);
    expect(sizeBytes(1)).toEqual([0x81]);
    expect(sizeBytes(126)).toEqual([0xfe]);
    expect(sizeBytes(127)).toEqual([0x40, 0x7f]); // 0xFF would mean "unknown"
    expect(sizeBytes(300)).toEqual([0x41, 0x2c]);
    expect(sizeBytes(16_382)).toEqual([0x7f, 0xfe]);
    expect(sizeBytes(16_383)).toEqual([0x20, 0x3f, 0xff]);
  });
});

describe('reading a recorder’s WebM', () => {
  // A live stream as Chromium's MediaRecorder writes it: Segment and Cluster of unknown size, frames
  // in BlockGroups (Block + BlockAdditions for alpha; ReferenceBlock on frames that are not key frames).
  const EBML_HEADER = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x84], [0x42, 0x82, 0x81, 0x77]);
  const LIVE = bytes(
    [...EBML_HEADER],
    [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // Segment, unknown size
    [...TRACKS],
    [0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // Cluster, unknown size
    [0xe7, 0x81, 0x00], // Timecode 0
    [0xa0, 0x8e], // BlockGroup, 14 bytes
    [0xa1, 0x87, 0x81, 0x00, 0x00, 0x00, 0x11, 0x12, 0x13], // Block: track 1, t 0, frame 11 12 13
    [0x75, 0xa1, 0x82, 0xaa, 0xbb], // BlockAdditions (ignored)
    [0xa0, 0x8b], // BlockGroup, 11 bytes
    [0xa1, 0x86, 0x81, 0x17, 0x7b, 0x00, 0x21, 0x22], // Block: track 1, t 6011, frame 21 22
    [0xfb, 0x81, 0x01], // ReferenceBlock
    [0xa3, 0x86, 0x81, 0x17, 0xa0, 0x80, 0x31, 0x32], // SimpleBlock, key frame 31 32
  );

  it('finds the Tracks element and every frame in order, with its key-frame flag', () => {
    const { tracks, frames } = readWebm(LIVE);
    expect(tracks).toEqual(TRACKS);
    expect(frames.map((f) => [...f.data])).toEqual([
      [0x11, 0x12, 0x13],
      [0x21, 0x22],
      [0x31, 0x32],
    ]);
    expect(frames.map((f) => f.key)).toEqual([true, false, true]);
    expect(frames.every((f) => f.track === 1)).toBe(true);
  });

  it('leaves out a frame that is cut off, as in the middle of a recording', () => {
    expect(countFrames(LIVE)).toBe(3);
    expect(countFrames(LIVE.subarray(0, LIVE.length - 3))).toBe(2);
    expect(countFrames(LIVE.subarray(0, 10))).toBe(0);
  });

  it('refuses laced blocks (several frames in one block), which it cannot re-time', () => {
    const laced = bytes([...EBML_HEADER], [0xa3, 0x86, 0x81, 0x00, 0x00, 0x82, 0x01, 0x02]);
    expect(() => readWebm(laced)).toThrow(/laced/);
  });
});

describe('writing a WebM with exact times', () => {
  const frames = [
    { data: bytes(1, 2, 3), key: true, track: 1, time: 0 },
    { data: bytes(4, 5), key: false, track: 1, time: 250 },
    { data: bytes(6), key: false, track: 1, time: 500 },
  ];

  it('writes the EBML header, the duration in milliseconds and the frames, which read back the same', () => {
    const file = writeWebm(TRACKS, frames, 750);
    expect([...file.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    // DocType "webm".
    expect(indexOf(file, [0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d])).toBeGreaterThan(0);
    // TimecodeScale 1 000 000 ns = 1 ms (0x0F4240), then Duration as a float64: 750.
    expect(indexOf(file, [0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40])).toBeGreaterThan(0);
    const at = indexOf(file, [0x44, 0x89, 0x88]);
    expect(new DataView(file.buffer, file.byteOffset + at + 3, 8).getFloat64(0)).toBe(750);
    const back = readWebm(file);
    expect(back.tracks).toEqual(TRACKS);
    expect(back.frames.map((f) => [...f.data])).toEqual([[1, 2, 3], [4, 5], [6]]);
    expect(back.frames.map((f) => f.key)).toEqual([true, false, false]);
  });

  it('stamps each frame with its time: 0, 250 and 500 ms from one cluster at 0', () => {
    const file = writeWebm(TRACKS, frames, 750);
    expect(count(file, [0x1f, 0x43, 0xb6, 0x75])).toBe(1);
    // SimpleBlock headers: track 1 (0x81), 16-bit time, flags (0x80 = key frame).
    expect(indexOf(file, [0xa3, 0x87, 0x81, 0x00, 0x00, 0x80, 1, 2, 3])).toBeGreaterThan(0);
    expect(indexOf(file, [0xa3, 0x86, 0x81, 0x00, 0xfa, 0x00, 4, 5])).toBeGreaterThan(0); // 250 = 0x00FA
    expect(indexOf(file, [0xa3, 0x85, 0x81, 0x01, 0xf4, 0x00, 6])).toBeGreaterThan(0); // 500 = 0x01F4
  });

  it('starts a new cluster at each key frame and after 30 s', () => {
    const withKey = writeWebm(TRACKS, [...frames, { data: bytes(7), key: true, track: 1, time: 750 }], 1000);
    expect(count(withKey, [0x1f, 0x43, 0xb6, 0x75])).toBe(2);
    const long = writeWebm(
      TRACKS,
      [
        { data: bytes(1), key: true, track: 1, time: 0 },
        { data: bytes(2), key: false, track: 1, time: 31_000 },
      ],
      32_000,
    );
    expect(count(long, [0x1f, 0x43, 0xb6, 0x75])).toBe(2);
    // The second cluster's Timecode is 31 000 ms = 0x7918.
    expect(indexOf(long, [0xe7, 0x82, 0x79, 0x18])).toBeGreaterThan(0);
  });

  it('a file written from a recorder’s frames reads back as many frames', () => {
    const file = writeWebm(TRACKS, frames, 750);
    expect(countFrames(file)).toBe(3);
  });
});

describe('the times of the recorded frames', () => {
  it('one frame per picture: picture i at i/fps', () => {
    expect(frameTimes([1, 2, 3], 3, 4)).toEqual([0, 250, 500]);
    expect(frameTimes([1, 2, 3, 4], 4, 3)).toEqual([0, 333, 667, 1000]);
  });

  it('a picture fed twice keeps both frames, 1 ms apart, and the next picture keeps its time', () => {
    expect(frameTimes([2, 3], 3, 4)).toEqual([0, 1, 250]);
  });

  it('a frame arriving after the last picture joins it', () => {
    expect(frameTimes([1, 2], 3, 2)).toEqual([0, 500, 501]);
  });
});

describe('the alpha channel flag', () => {
  it('is cleared in the video track, and nothing else changes', () => {
    const out = opaqueTracks(TRACKS);
    const at = indexOf(TRACKS, [0x53, 0xc0, 0x81, 0x01]);
    expect(at).toBeGreaterThan(0);
    expect([...out.subarray(at, at + 4)]).toEqual([0x53, 0xc0, 0x81, 0x00]);
    expect([...out.subarray(0, at)]).toEqual([...TRACKS.subarray(0, at)]);
    expect(out.length).toBe(TRACKS.length);
    expect(TRACKS[at + 3]).toBe(1); // the original is left as it was
  });
});
