import { describe, it, expect } from 'vitest';
import {
  MAX_PNG_SIDE,
  defaultFrameRate,
  defaultStepCount,
  formatBytes,
  pickWebmType,
  pngFileName,
  pngSize,
  readWhole,
  videoFrameSize,
  videoSeconds,
  visiblePart,
  webmFileName,
} from '../../src/export/plan';

describe('export file names', () => {
  it('a PNG is named after the route and the current step', () => {
    expect(pngFileName('conv', 4)).toBe('convscope-conv-4.png');
    expect(pngFileName('norm', 0)).toBe('convscope-norm-0.png');
  });

  it('a view without steps gives a PNG name without one', () => {
    expect(pngFileName('rf', null)).toBe('convscope-rf.png');
    expect(pngFileName('arch', -1)).toBe('convscope-arch.png');
    expect(pngFileName('arch', 2.5)).toBe('convscope-arch.png');
  });

  it('a WebM is named after the route', () => {
    expect(webmFileName('conv')).toBe('convscope-conv.webm');
    expect(webmFileName('pool')).toBe('convscope-pool.webm');
  });

  it('a route never puts a path or odd characters into a file name', () => {
    expect(pngFileName('../x y', 1)).toBe('convscope-x-y-1.png');
    expect(webmFileName('')).toBe('convscope-view.webm');
  });
});

describe('the PNG size', () => {
  it('a 1280-pixel-wide view is drawn at 1.5 × so that it is 1920 pixels wide', () => {
    // 1280 × 1133 CSS pixels × 1.5 = 1920 × 1699.5 → 1700 rows.
    expect(pngSize(1280, 1133)).toEqual({ width: 1920, height: 1700, scale: 1.5 });
  });

  it('a view as wide as a 1080p projector is drawn at 1 ×', () => {
    expect(pngSize(1920, 900)).toEqual({ width: 1920, height: 900, scale: 1 });
  });

  it('a view wider than 1920 pixels is scaled down to 1920', () => {
    // 2560 × 1440 × 0.75 = 1920 × 1080.
    expect(pngSize(2560, 1440)).toEqual({ width: 1920, height: 1080, scale: 0.75 });
  });

  it('a very tall view is capped at the largest side a canvas allows, aspect kept', () => {
    // 1000 × 20 000: at 1.92 × it would be 38 400 tall; capped at 16 384, scale 0.8192, width 819.2 → 819.
    const s = pngSize(1000, 20_000);
    expect(s.height).toBe(MAX_PNG_SIDE);
    expect(s.scale).toBeCloseTo(0.8192, 10);
    expect(s.width).toBe(819);
  });

  it('a fractional layout width still gives exactly 1920 pixels', () => {
    expect(pngSize(1265.4, 700).width).toBe(1920);
  });

  it('a degenerate size does not give NaN or a zero-sized canvas', () => {
    const s = pngSize(0, Number.NaN);
    expect(s.width).toBe(1920);
    expect(s.height).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(s.scale)).toBe(true);
  });
});

describe('the video frame size', () => {
  it('the visible part of a 1280 × 800 window (1265 × 748) fits 1080 rows high', () => {
    // min(1920/1265, 1080/748) = 1080/748 ≈ 1.4439; 1265 × 1.4439 = 1826.5 → 1826 (even); 748 → 1080.
    const s = videoFrameSize(1265, 748);
    expect(s.height).toBe(1080);
    expect(s.width).toBe(1826);
    expect(s.scale).toBeCloseTo(1080 / 748, 10);
  });

  it('a 16:9 area fills 1920 × 1080 exactly', () => {
    expect(videoFrameSize(1280, 720)).toEqual({ width: 1920, height: 1080, scale: 1.5 });
  });

  it('a wide area is limited by the width', () => {
    // 1600 × 600: min(1.2, 1.8) = 1.2 → 1920 × 720.
    expect(videoFrameSize(1600, 600)).toEqual({ width: 1920, height: 720, scale: 1.2 });
  });

  it('a tall whole view is scaled down to fit 1080 rows, sides even', () => {
    // 1280 × 2911: scale 1080/2911 ≈ 0.371; width 474.9 → 474.
    const s = videoFrameSize(1280, 2911);
    expect(s.height).toBe(1080);
    expect(s.width).toBe(474);
    expect(s.width % 2).toBe(0);
  });

  it('every side is even, as VP8 and VP9 want', () => {
    for (const [w, h] of [
      [333, 777],
      [1001, 999],
      [1919, 1079],
      [5, 3],
    ] as const) {
      const s = videoFrameSize(w, h);
      expect(s.width % 2).toBe(0);
      expect(s.height % 2).toBe(0);
      expect(s.width).toBeLessThanOrEqual(1920);
      expect(s.height).toBeLessThanOrEqual(1080);
    }
  });
});

describe('the visible part of the view', () => {
  const viewport = { x: 0, y: 0, width: 1280, height: 800 };

  it('a view below a 52-pixel header, taller than the window, shows its top 748 rows', () => {
    expect(visiblePart({ x: 0, y: 52, width: 1265, height: 1133 }, viewport)).toEqual({ x: 0, y: 0, width: 1265, height: 748 });
  });

  it('a view scrolled 300 pixels up shows rows 300 to 1100 of it', () => {
    expect(visiblePart({ x: 0, y: -300, width: 1265, height: 1500 }, viewport)).toEqual({ x: 0, y: 300, width: 1265, height: 800 });
  });

  it('a view entirely off screen gives the whole view', () => {
    expect(visiblePart({ x: 0, y: 900, width: 1265, height: 400 }, viewport)).toEqual({ x: 0, y: 0, width: 1265, height: 400 });
  });
});

describe('the recording defaults', () => {
  it('the frame rate follows the view speed, within 1 to 30 frames per second', () => {
    expect(defaultFrameRate(2)).toBe(2);
    expect(defaultFrameRate(0.5)).toBe(1);
    expect(defaultFrameRate(960)).toBe(30);
    expect(defaultFrameRate(null)).toBe(2);
  });

  it('a default recording is 60 steps or 10 seconds, whichever is fewer', () => {
    expect(defaultStepCount(2)).toBe(20); // 10 s at 2 frames/s
    expect(defaultStepCount(4)).toBe(40);
    expect(defaultStepCount(8)).toBe(60); // 80 would be 10 s: 60 steps first
    expect(defaultStepCount(30)).toBe(60);
    expect(defaultStepCount(1)).toBe(10);
  });

  it('20 frames at 4 frames per second last 5 seconds', () => {
    expect(videoSeconds(20, 4)).toBe(5);
    expect(videoSeconds(3, 2)).toBe(1.5);
  });
});

describe('choosing the WebM type', () => {
  it('VP9 first, then VP8, then plain WebM', () => {
    expect(pickWebmType(() => true)).toBe('video/webm;codecs=vp9');
    expect(pickWebmType((t) => t !== 'video/webm;codecs=vp9')).toBe('video/webm;codecs=vp8');
    expect(pickWebmType((t) => t === 'video/webm')).toBe('video/webm');
  });

  it('none when the browser records no WebM, or throws when asked', () => {
    expect(pickWebmType(() => false)).toBeNull();
    expect(
      pickWebmType(() => {
        throw new Error('no');
      }),
    ).toBeNull();
  });
});

describe('reading the dialog fields', () => {
  it('a whole number within the bounds is read', () => {
    expect(readWhole(' 12 ', 1, 30)).toBe(12);
    expect(readWhole('1', 1, 30)).toBe(1);
    expect(readWhole('30', 1, 30)).toBe(30);
  });

  it('anything else is refused', () => {
    expect(readWhole('', 1, 30)).toBeNull();
    expect(readWhole('2.5', 1, 30)).toBeNull();
    expect(readWhole('31', 1, 30)).toBeNull();
    expect(readWhole('0', 1, 30)).toBeNull();
    expect(readWhole('abc', 1, 30)).toBeNull();
  });

  it('sizes read as bytes, kilobytes or megabytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(830_400)).toBe('830 KB');
    expect(formatBytes(1_420_000)).toBe('1.4 MB');
  });
});
