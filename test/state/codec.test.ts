import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_PROBLEMS,
  UNREADABLE_LINK,
  convOutputShape,
  convOutputSize,
  convTotalSteps,
  convWeightCount,
  describeMisfit,
  parseHash,
  repairConv,
  sanitizeConv,
  serializeHash,
} from '../../src/state/codec';
import { DEFAULT_CONV, DEFAULT_SHARED, defaultConv } from '../../src/state/params';
import type { ConvConfig, FilterPreset, InputSource, Route, UrlProblem } from '../../src/state/types';

/** The lecture example, written out by hand. */
const LECTURE: ConvConfig = {
  c: 3,
  h: 5,
  w: 5,
  src: 'int',
  seed: 7,
  k: [3, 3],
  s: [2, 2],
  d: [1, 1],
  p: [1, 1, 1, 1],
  f: 2,
  fp: ['random', 'random'],
  we: {},
  b: {},
  step: 0,
  speed: 2,
};
const LECTURE_LINK = '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7';

const ROUTES: Route[] = ['conv', 'pool', 'rf', 'arch', 'norm'];
const SOURCES: InputSource[] = ['int', 'float', 'checker', 'digit', 'gradient', 'scene'];
const PRESETS: FilterPreset[] = [
  'random',
  'identity',
  'box',
  'gauss',
  'sharpen',
  'sobelx',
  'sobely',
  'laplace',
];
const SPEEDS = [0.5, 1, 2, 4, 8, 15, 30, 60, 120, 240, 480, 960];

/** Output size by brute force: count the window positions that fit in the padded input. */
function naiveOut(size: number, k: number, s: number, p0: number, p1: number, d: number): number {
  let n = 0;
  for (let start = 0; start + d * (k - 1) < size + p0 + p1; start += s) n++;
  return n;
}

/** An independent check that a configuration is valid: every bound, then every cross-field rule. */
function isValidConv(c: ConvConfig): boolean {
  const whole = (x: unknown, lo: number, hi: number) =>
    Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (!whole(c.c, 1, 8) || !whole(c.h, 1, 128) || !whole(c.w, 1, 128) || !whole(c.f, 1, 8)) return false;
  if (!whole(c.seed, 0, 4294967295) || !SOURCES.includes(c.src) || !SPEEDS.includes(c.speed)) return false;
  if (!c.k.every((x) => whole(x, 1, 11)) || !c.s.every((x) => whole(x, 1, 8))) return false;
  if (!c.d.every((x) => whole(x, 1, 6)) || c.p.length !== 4 || !c.p.every((x) => whole(x, 0, 10)))
    return false;
  if (c.fp.length !== c.f || !c.fp.every((x) => PRESETS.includes(x))) return false;
  const oh = naiveOut(c.h, c.k[0], c.s[0], c.p[0], c.p[1], c.d[0]);
  const ow = naiveOut(c.w, c.k[1], c.s[1], c.p[2], c.p[3], c.d[1]);
  if (oh < 1 || ow < 1 || !whole(c.step, 0, c.f * oh * ow - 1)) return false;
  const edits = (m: Record<number, number>, n: number) =>
    Object.entries(m).every(
      ([i, v]) => whole(Number(i), 0, n - 1) && Number.isFinite(v) && Math.abs(v) <= 1000,
    );
  return edits(c.we, c.f * c.c * c.k[0] * c.k[1]) && edits(c.b, c.f);
}

const pairArb = (lo: number, hi: number) =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }));
const editValue = fc.double({ min: -1000, max: 1000, noNaN: true }).map((v) => (v === 0 ? 0 : v));
const editsArb = (n: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), editValue), { maxLength: 6 })
    .map((entries) => Object.fromEntries(entries) as Record<number, number>);

/** Any valid configuration (bounds and cross-field rules respected). */
const validConv: fc.Arbitrary<ConvConfig> = fc
  .record({
    c: fc.integer({ min: 1, max: 8 }),
    h: fc.integer({ min: 1, max: 128 }),
    w: fc.integer({ min: 1, max: 128 }),
    src: fc.constantFrom(...SOURCES),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    k: pairArb(1, 11),
    s: pairArb(1, 8),
    d: pairArb(1, 6),
    p: fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 10 }))) as fc.Arbitrary<
      [number, number, number, number]
    >,
    f: fc.integer({ min: 1, max: 8 }),
    speed: fc.constantFrom(...SPEEDS),
  })
  .filter(
    (c) =>
      naiveOut(c.h, c.k[0], c.s[0], c.p[0], c.p[1], c.d[0]) >= 1 &&
      naiveOut(c.w, c.k[1], c.s[1], c.p[2], c.p[3], c.d[1]) >= 1,
  )
  .chain((base) => {
    const total =
      base.f *
      naiveOut(base.h, base.k[0], base.s[0], base.p[0], base.p[1], base.d[0]) *
      naiveOut(base.w, base.k[1], base.s[1], base.p[2], base.p[3], base.d[1]);
    return fc
      .record({
        fp: fc.array(fc.constantFrom(...PRESETS), { minLength: base.f, maxLength: base.f }),
        we: editsArb(base.f * base.c * base.k[0] * base.k[1]),
        b: editsArb(base.f),
        step: fc.integer({ min: 0, max: total - 1 }),
      })
      .map((rest): ConvConfig => ({ ...base, ...rest }));
  });

const keysOf = (problems: { key: string }[]) => problems.map((p) => p.key);

/** The problems without their Korean (`ko`, tested in messages-ko.test.ts): the English stays exact. */
function english(problems: readonly UrlProblem[]): UrlProblem[] {
  return problems.map(({ key, message }) => ({ key, message }));
}

describe('defaults', () => {
  it('the default configuration is the lecture example', () => {
    expect(DEFAULT_CONV).toEqual(LECTURE);
    expect(defaultConv()).toEqual(LECTURE);
  });

  it('an empty hash, "#", "#/" and "#/conv" all give the lecture example with no problems', () => {
    for (const hash of ['', '#', '#/', '#/conv', '#/conv?', '#/conv/']) {
      expect(parseHash(hash)).toEqual({ route: 'conv', conv: LECTURE, views: {}, shared: {}, problems: [] });
    }
  });

  it('the lecture example is written with v=1 first and every core key', () => {
    expect(serializeHash('conv', LECTURE)).toBe(LECTURE_LINK);
  });

  it('the hand-written link of the issue gives the lecture example with no problems', () => {
    expect(parseHash('#/conv?in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7&step=0')).toEqual({
      route: 'conv',
      conv: LECTURE,
      views: {},
      shared: {},
      problems: [],
    });
  });
});

describe('convOutputSize', () => {
  it('gives the worked examples: 5 with k3 s2 p1 → 3, 7 with k3 d2 → 3, 28 with k5 → 24', () => {
    expect(convOutputSize(5, 3, 2, 1, 1, 1)).toBe(3);
    expect(convOutputSize(7, 3, 1, 0, 0, 2)).toBe(3);
    expect(convOutputSize(28, 5, 1, 0, 0, 1)).toBe(24);
    expect(convOutputSize(5, 2, 2, 0, 1, 1)).toBe(3);
  });

  it('is below 1 when the dilated kernel is larger than the padded input', () => {
    expect(convOutputSize(5, 5, 1, 0, 0, 2)).toBeLessThan(1);
    expect(convOutputSize(1, 3, 1, 0, 0, 1)).toBeLessThan(1);
    expect(convOutputSize(1, 3, 1, 1, 1, 1)).toBe(1);
  });

  it('matches a brute-force count of window positions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        (n, k, s, p0, p1, d) => {
          const naive = naiveOut(n, k, s, p0, p1, d);
          const out = convOutputSize(n, k, s, p0, p1, d);
          return naive >= 1 ? out === naive : out < 1;
        },
      ),
      { numRuns: 100 },
    );
  });

  it('derives the output shape, step count and weight count of the lecture example', () => {
    expect(convOutputShape(LECTURE)).toEqual([3, 3]);
    expect(convTotalSteps(LECTURE)).toBe(18);
    expect(convWeightCount(LECTURE)).toBe(54);
    expect(describeMisfit(LECTURE)).toBeNull();
    expect(convTotalSteps({ ...LECTURE, k: [9, 3], p: [0, 0, 0, 0] })).toBe(0);
  });
});

describe('serializeHash', () => {
  it('writes pairs as 3 when both axes are equal, else HxW', () => {
    expect(serializeHash('conv', { ...LECTURE, k: [3, 5] })).toContain('&k=3x5&');
    expect(serializeHash('conv', { ...LECTURE, s: [1, 2], d: [2, 1] })).toContain('&s=1x2&p=1&d=2x1&');
  });

  it('writes padding as 1, as 1,2 when top=bottom and left=right, else as top,bottom,left,right', () => {
    expect(serializeHash('conv', { ...LECTURE, p: [2, 2, 2, 2] })).toContain('&p=2&');
    expect(serializeHash('conv', { ...LECTURE, p: [1, 1, 2, 2] })).toContain('&p=1,2&');
    expect(serializeHash('conv', { ...LECTURE, p: [0, 1, 2, 3] })).toContain('&p=0,1,2,3&');
  });

  it('writes the other keys only when they differ from their default, in a stable order', () => {
    const conv: ConvConfig = {
      ...LECTURE,
      src: 'checker',
      fp: ['random', 'sobelx'],
      we: { 40: -1, 12: 2.5 },
      b: { 0: 1 },
      speed: 8,
      step: 4,
    };
    expect(serializeHash('conv', conv)).toBe(
      `${LECTURE_LINK}&src=checker&fp=random,sobelx&w=12:2.5,40:-1&b=0:1&speed=8&step=4`,
    );
  });

  it('trims trailing random presets and omits fp when every filter is random', () => {
    expect(serializeHash('conv', { ...LECTURE, fp: ['box', 'random'] })).toBe(`${LECTURE_LINK}&fp=box`);
    expect(serializeHash('conv', { ...LECTURE, fp: ['random', 'random'] })).toBe(LECTURE_LINK);
  });

  it('writes an uploaded source as src=upload', () => {
    expect(serializeHash('conv', { ...LECTURE, src: 'upload' })).toBe(`${LECTURE_LINK}&src=upload`);
  });

  it('writes none of the convolution view’s settings on another view’s link', () => {
    const conv = { ...LECTURE, k: [5, 5] as [number, number], seed: 99, fp: ['box', 'box'] as ConvConfig['fp'] };
    for (const route of ['pool', 'norm', 'rf', 'arch', 'ideas'] as const) {
      const hash = serializeHash(route, conv);
      expect(hash.startsWith(`#/${route}?v=1`)).toBe(true);
      expect(hash).not.toMatch(/seed=99|k=5|fp=box/);
    }
  });
});

describe('parseHash reads good links', () => {
  it('reads every kind of value', () => {
    const { route, conv, problems } = parseHash(
      '#/conv?v=1&in=2x7x9&k=3x5&f=3&s=1x2&p=1,2&d=2x1&seed=42&src=gradient&fp=box,,sobely&w=3:0.5,1:-2&b=2:1.5&speed=0.5&step=5',
    );
    expect(problems).toEqual([]);
    expect(route).toBe('conv');
    expect(conv).toEqual({
      c: 2,
      h: 7,
      w: 9,
      k: [3, 5],
      f: 3,
      s: [1, 2],
      p: [1, 1, 2, 2],
      d: [2, 1],
      seed: 42,
      src: 'gradient',
      fp: ['box', 'random', 'sobely'],
      we: { 1: -2, 3: 0.5 },
      b: { 2: 1.5 },
      speed: 0.5,
      step: 5,
    });
  });

  it('reads four-sided padding and keys in any order, without the leading #', () => {
    const { conv, problems } = parseHash('/conv?p=0,1,2,3&seed=1&in=1x4x4');
    expect(problems).toEqual([]);
    expect(conv.p).toEqual([0, 1, 2, 3]);
    expect([conv.c, conv.h, conv.w, conv.seed]).toEqual([1, 4, 4, 1]);
  });

  it('reads every route', () => {
    for (const route of ROUTES) expect(parseHash(`#/${route}`)).toMatchObject({ route, problems: [] });
  });

  it('decodes percent-encoding', () => {
    const { conv, problems } = parseHash('#/conv?k=%35&in=3%785%785&%73eed=9&w=0%3A1.5');
    expect(problems).toEqual([]);
    expect(conv.k).toEqual([5, 5]);
    expect(conv.seed).toBe(9);
    expect(conv.we).toEqual({ 0: 1.5 });
  });
});

describe('parseHash reports bad links and keeps everything else', () => {
  it('k=0: says the kernel size must be a whole number from 1 to 11 and uses 3', () => {
    const { conv, problems } = parseHash('#/conv?k=0&seed=9&f=3');
    expect(english(problems)).toEqual([
      {
        key: 'k',
        message:
          'k=0: the kernel size must be a whole number from 1 to 11, or two of them as height x width such as 3x5; using 3.',
      },
    ]);
    expect(conv).toEqual({ ...LECTURE, seed: 9, f: 3, fp: ['random', 'random', 'random'] });
  });

  it('an unknown key is reported and ignored', () => {
    const { conv, problems } = parseHash('#/conv?foo=1&seed=3');
    expect(english(problems)).toEqual([{ key: 'foo', message: "unknown setting 'foo' ignored." }]);
    expect(conv.seed).toBe(3);
  });

  it('a key of another view is named as such', () => {
    const { route, problems } = parseHash('#/pool?fp=box');
    expect(route).toBe('pool');
    expect(english(problems)).toEqual([
      { key: 'fp', message: "'fp' is a setting of the convolution view, not of the pooling view; ignored." },
    ]);
  });

  it('a route that is no view is reported and the convolution view shown, with its keys kept', () => {
    const { route, conv, problems } = parseHash('#/convolution?seed=5');
    expect(route).toBe('conv');
    expect(conv.seed).toBe(5);
    expect(keysOf(problems)).toEqual(['route']);
    expect(problems[0]!.message).toContain("'#/convolution' is not a view");
  });

  it('a non-number is reported with what would be valid', () => {
    const { conv, problems } = parseHash('#/conv?f=two&seed=abc&s=1.5');
    expect(conv).toEqual(LECTURE);
    expect(problems.map((p) => p.message)).toEqual([
      'f=two: the number of filters must be a whole number from 1 to 8; using 2.',
      's=1.5: the stride must be a whole number from 1 to 8, or two of them as height x width such as 2x4; using 2.',
      'seed=abc: the seed must be a whole number from 0 to 4294967295; using 7.',
    ]);
  });

  it('out-of-range values each fall back to their default', () => {
    const { conv, problems } = parseHash('#/conv?in=9x5x5&s=9&d=7&seed=4294967296&speed=3&p=11&f=0&step=-1');
    expect(conv).toEqual(LECTURE);
    expect(keysOf(problems)).toEqual(['in', 'f', 's', 'p', 'd', 'seed', 'speed', 'step']);
    expect(problems[0]!.message).toBe(
      'in=9x5x5: the input shape must be channels x height x width such as 3x5x5, with channels from 1 to 8, ' +
        'height from 1 to 128 and width from 1 to 128; using 3x5x5.',
    );
    expect(problems[6]!.message).toBe(
      'speed=3: the playback speed must be one of 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 240, 480, 960; using 2.',
    );
  });

  it('truncated values are reported: in=3x5, p=1,2,3, k=3x, an empty value', () => {
    const { conv, problems } = parseHash('#/conv?in=3x5&p=1,2,3&k=3x&d=&seed=8');
    expect(conv).toEqual({ ...LECTURE, seed: 8 });
    expect(keysOf(problems)).toEqual(['in', 'k', 'p', 'd']);
    expect(problems[0]!.message).toMatch(/^in=3x5: the input shape must be channels x height x width/);
    expect(problems[2]!.message).toMatch(
      /^p=1,2,3: the padding must be .* such as 1,2, or four .*; using 1\.$/,
    );
    expect(problems[3]!.message).toMatch(/^d has no value: the dilation must be/);
  });

  it('bad weight edits are dropped one by one, keeping the good ones', () => {
    const { conv, problems } = parseHash('#/conv?w=12:2.5,40:,x:1,3:5000,7:-1');
    expect(conv.we).toEqual({ 12: 2.5, 7: -1 });
    expect(keysOf(problems)).toEqual(['w']);
    expect(problems[0]!.message).toContain("'40:', 'x:1', '3:5000' not understood");
    expect(problems[0]!.message).toContain('ignored them.');
  });

  it('an unknown filter preset becomes random and is reported', () => {
    const { conv, problems } = parseHash('#/conv?fp=box,sobel');
    expect(conv.fp).toEqual(['box', 'random']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^fp=box,sobel: 'sobel' for filter 2 not understood .*; using random there\.$/,
    );
  });

  it('src=upload is refused with an explanation and seeded integers are shown', () => {
    const { conv, problems } = parseHash('#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=11&src=upload');
    expect(conv).toEqual({ ...LECTURE, seed: 11, src: 'int' });
    expect(english(problems)).toEqual([
      {
        key: 'src',
        message:
          "src=upload: this link was made with an uploaded image, which never leaves its author's browser; " +
          'showing seeded integers instead.',
      },
    ]);
  });

  it('an unknown source lists the sources a link may hold (not upload)', () => {
    const { problems } = parseHash('#/conv?src=photo');
    expect(problems[0]!.message).toBe(
      'src=photo: the input source must be one of int, float, checker, digit, gradient, scene; using int.',
    );
  });

  it('a higher version than 1 says the link was made by a newer version, and keeps reading', () => {
    const { conv, problems } = parseHash('#/conv?v=2&k=5&zz=1');
    expect(conv.k).toEqual([5, 5]);
    expect(keysOf(problems)).toEqual(['v', 'zz']);
    expect(problems[0]!.message).toContain('made by a newer version of ConvScope');
  });

  it('v=0 and v=x are reported as bad versions', () => {
    expect(keysOf(parseHash('#/conv?v=0').problems)).toEqual(['v']);
    expect(parseHash('#/conv?v=x').problems[0]!.message).toContain(
      'the link format version must be a whole number',
    );
  });

  it('a repeated key is reported and its last value used', () => {
    const { conv, problems } = parseHash('#/conv?k=3&k=5');
    expect(conv.k).toEqual([5, 5]);
    expect(english(problems)).toEqual([
      { key: 'k', message: "'k' was given 2 times; using the last one, k=5." },
    ]);
  });

  it('broken percent-encoding does not throw', () => {
    const { conv, problems } = parseHash('#/conv?k=%E0%A4%A&%ZZ=1&seed=%');
    expect(conv).toEqual(LECTURE);
    expect(keysOf(problems)).toEqual(['k', 'seed', '%zz']);
  });

  it('lists at most MAX_PROBLEMS problems', () => {
    const hash = '#/conv?' + Array.from({ length: 40 }, (_, i) => `x${i}=1`).join('&');
    const { problems } = parseHash(hash);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[MAX_PROBLEMS - 1]!.message).toBe('and 21 more problems with this link.');
  });
});

describe('parseHash repairs impossible configurations', () => {
  it('a kernel larger than the padded input is reset to 3 (other keys kept)', () => {
    const { conv, problems } = parseHash('#/conv?in=3x5x5&k=9&p=0&s=1&seed=4');
    expect(conv).toEqual({ ...LECTURE, k: [3, 3], p: [0, 0, 0, 0], s: [1, 1], seed: 4 });
    expect(english(problems)).toEqual([
      {
        key: 'k',
        message:
          'k=9: with dilation 1 a kernel of 9 spans 9 rows, but the padded input has only 5 rows ' +
          '(5 + padding 0 + 0), so there would be no output; using k=3.',
      },
    ]);
  });

  it('only the offending axis of the kernel is reset', () => {
    const { conv, problems } = parseHash('#/conv?in=1x5x20&k=9&p=0');
    expect(conv.k).toEqual([3, 9]);
    expect(problems[0]!.message).toMatch(/; using k=3x9\.$/);
  });

  it('then the dilation is reset when the kernel is already the default', () => {
    const { conv, problems } = parseHash('#/conv?in=1x3x3&d=3&p=0');
    expect(conv.d).toEqual([1, 1]);
    expect(keysOf(problems)).toEqual(['d']);
    expect(problems[0]!.message).toContain('with dilation 3 a kernel of 3 spans 7 rows');
  });

  it('then the padding, for an input too small for the default kernel', () => {
    const { conv, problems } = parseHash('#/conv?in=1x1x1&p=0,0,0,5');
    expect(conv.p).toEqual([1, 1, 0, 5]);
    expect(english(problems)).toEqual([
      {
        key: 'p',
        message:
          'p=0,0,0,5: with dilation 1 a kernel of 3 spans 3 rows, but the padded input has only 1 rows ' +
          '(1 + padding 0 + 0), so there would be no output; using p=1,1,0,5.',
      },
    ]);
  });

  it('kernel and dilation are both reset when resetting the kernel is not enough', () => {
    const { conv, problems } = parseHash('#/conv?in=1x4x4&k=5&d=2&p=0');
    expect([conv.k, conv.d]).toEqual([
      [3, 3],
      [1, 1],
    ]);
    expect(keysOf(problems)).toEqual(['k', 'd']);
  });

  it('if resetting to defaults is not enough, the kernel shrinks to the largest that fits', () => {
    const odd: ConvConfig = { ...LECTURE, k: [11, 11], p: [0, 0, 0, 0] };
    // With defaults that do not fit either (k=11, no padding), resetting changes nothing.
    const { conv, problems } = repairConv({ ...LECTURE, h: 4, w: 6, k: [11, 11], p: [0, 0, 0, 0] }, odd);
    expect(conv.k).toEqual([4, 6]);
    expect(keysOf(problems)).toEqual(['k']);
    expect(problems[0]!.message).toMatch(/using the largest kernel that fits, k=4x6\.$/);
  });

  it('a step beyond the last is reported and 0 used', () => {
    expect(parseHash('#/conv?step=17').problems).toEqual([]);
    const { conv, problems } = parseHash('#/conv?step=18');
    expect(conv.step).toBe(0);
    expect(english(problems)).toEqual([
      { key: 'step', message: 'step=18: this configuration has 18 steps (0 to 17); using 0.' },
    ]);
  });

  it('weight edits at or beyond f·c·kh·kw are dropped', () => {
    const { conv, problems } = parseHash('#/conv?w=53:1,54:2,99:3');
    expect(conv.we).toEqual({ 53: 1 });
    expect(english(problems)).toEqual([
      {
        key: 'w',
        message:
          'w=53:1,54:2,99:3: 2 filters of 3x3x3 have 54 weights (indices 0 to 53), so the edits at 54, 99 are ignored.',
      },
    ]);
  });

  it('bias edits at or beyond f are dropped', () => {
    const { conv, problems } = parseHash('#/conv?b=1:1,2:5');
    expect(conv.b).toEqual({ 1: 1 });
    expect(problems[0]!.message).toBe(
      'b=1:1,2:5: there are 2 biases (indices 0 to 1), so the edit at 2 is ignored.',
    );
  });

  it('more presets than filters: the extra ones are ignored', () => {
    const { conv, problems } = parseHash('#/conv?f=1&fp=box,gauss,sobelx');
    expect(conv.fp).toEqual(['box']);
    expect(problems[0]!.message).toBe(
      'fp=box,gauss,sobelx: lists 3 presets but there is only 1 filter; ignoring the last 2.',
    );
  });

  it('checks the step and the edits against the repaired configuration', () => {
    // k=9 does not fit and is reset to 3, after which 3·3·2 = 18 steps and 54 weights exist.
    const { conv, problems } = parseHash('#/conv?k=9&p=0&s=1&step=20&w=100:1,5:2');
    expect(conv).toMatchObject({ k: [3, 3], step: 0, we: { 5: 2 } });
    expect(keysOf(problems)).toEqual(['k', 'step', 'w']);
  });
});

describe('sanitizeConv', () => {
  it('keeps valid fields, replaces invalid ones by their default, then repairs', () => {
    const { conv, problems } = sanitizeConv({ k: [0, 3], h: 7, f: 3, step: 100 });
    expect(conv).toEqual({ ...LECTURE, h: 7, f: 3, fp: ['random', 'random', 'random'] });
    expect(keysOf(problems)).toEqual(['k', 'step']);
    expect(problems[0]!.message).toBe(
      'The kernel size must be a whole number from 1 to 11, or two of them as height x width such as 3x5. Using 3.',
    );
  });
});

describe('properties', () => {
  it('any valid configuration round-trips through its link with no problems', () => {
    fc.assert(
      fc.property(validConv, (conv) => {
        const back = parseHash(serializeHash('conv', conv));
        expect(back).toEqual({ route: 'conv', conv, views: {}, shared: {}, problems: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('every route round-trips; routes without keys give the default convolution configuration', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROUTES), validConv, (route, conv) => {
        const back = parseHash(serializeHash(route, conv));
        expect(back.route).toBe(route);
        expect(back.problems).toEqual([]);
        expect(back.conv).toEqual(route === 'conv' ? conv : LECTURE);
      }),
      { numRuns: 50 },
    );
  });

  /** parseHash's contract on any input: no throw, a valid configuration, readable problems. */
  function checkAnyHash(hash: string): void {
    const { route, conv, problems } = parseHash(hash);
    expect(ROUTES).toContain(route);
    expect(isValidConv(conv)).toBe(true);
    for (const p of problems) {
      expect(typeof p.key).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message).not.toBe(UNREADABLE_LINK); // the last-resort guard never fires
    }
    // What was read is valid, so writing it and reading again is clean.
    const parsed = parseHash(hash);
    // Shared keys at their default value are not written, so they read back as absent.
    const written = Object.fromEntries(
      Object.entries(parsed.shared).filter(([k, v]) => v !== DEFAULT_SHARED[k as keyof typeof DEFAULT_SHARED]),
    );
    expect(parseHash(serializeHash(route, conv, parsed.views, parsed.shared))).toEqual({
      route,
      conv: route === 'conv' ? conv : LECTURE,
      views: parsed.views,
      shared: written,
      problems: [],
    });
  }

  it('parseHash never throws on any string and always gives a valid configuration', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), checkAnyHash), { numRuns: 200 });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => checkAnyHash(`#/conv?${s}`)),
      { numRuns: 200 },
    );
  });

  const validLink = fc
    .tuple(fc.constantFrom(...ROUTES, 'conv', 'conv'), validConv)
    .map(([r, c]) => serializeHash(r, c));

  it('survives truncated links', () => {
    fc.assert(
      fc.property(validLink, fc.nat(), (link, cut) => checkAnyHash(link.slice(0, cut % (link.length + 1)))),
      { numRuns: 100 },
    );
  });

  it('survives random characters inserted anywhere', () => {
    const noise = fc.string({
      minLength: 1,
      maxLength: 4,
      unit: fc.constantFrom(...'x,:=&?#/%-.e0123456789 aé'),
    });
    fc.assert(
      fc.property(validLink, fc.nat(), noise, (link, at, text) => {
        const i = at % (link.length + 1);
        checkAnyHash(link.slice(0, i) + text + link.slice(i));
      }),
      { numRuns: 150 },
    );
  });

  it('survives duplicated keys', () => {
    fc.assert(
      fc.property(validLink, validLink, fc.nat(), (a, b, pick) => {
        const extra = b.split('?')[1]!.split('&');
        checkAnyHash(`${a}&${extra[pick % extra.length]}`);
      }),
      { numRuns: 100 },
    );
  });

  it('reads percent-encoded links as the plain ones', () => {
    fc.assert(
      fc.property(validConv, fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), (conv, flags) => {
        const link = serializeHash('conv', conv);
        const [head, query] = link.split('?') as [string, string];
        const encoded = [...query]
          .map((ch, i) =>
            ch !== '&' && ch !== '=' && flags[i % 200]
              ? `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`
              : ch,
          )
          .join('');
        expect(parseHash(`${head}?${encoded}`)).toEqual({ route: 'conv', conv, views: {}, shared: {}, problems: [] });
      }),
      { numRuns: 50 },
    );
  });
});
