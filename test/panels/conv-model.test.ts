import { describe, it, expect } from 'vitest';
import { buildConvModel } from '../../src/panels/conv/model';
import { highlightsFor } from '../../src/panels/conv/focus';
import { defaultConv } from '../../src/state/params';
import { conv } from '../../src/i18n/conv';
import type { ConvConfig } from '../../src/state/types';

/** A deliberately naive convolution written here, independent of the engine. */
function naive(cfg: ConvConfig, x: Float32Array, w: Float32Array, b: Float32Array, oc: number, oh: number, ow: number) {
  const [kh, kw] = cfg.k;
  let s = b[oc]!;
  for (let c = 0; c < cfg.c; c++)
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++) {
        const ih = oh * cfg.s[0] - cfg.p[0] + i * cfg.d[0];
        const iw = ow * cfg.s[1] - cfg.p[2] + j * cfg.d[1];
        if (ih < 0 || ih >= cfg.h || iw < 0 || iw >= cfg.w) continue;
        s += x[(c * cfg.h + ih) * cfg.w + iw]! * w[((oc * cfg.c + c) * kh + i) * kw + j]!;
      }
  return s;
}

const opts = (cfg: ConvConfig) => ({ stride: cfg.s, padding: cfg.p, dilation: cfg.d });

describe('the convolution view model', () => {
  it('an empty link gives the lecture example: 3×5×5, two 3×3×3 filters, stride 2, pad 1 → 2×3×3 in 18 steps', () => {
    const cfg = defaultConv();
    const m = buildConvModel(cfg);
    expect(m.input.shape).toEqual([1, 3, 5, 5]);
    expect(m.weight.shape).toEqual([2, 3, 3, 3]);
    expect(m.output.shape).toEqual([1, 2, 3, 3]);
    expect(m.total).toBe(18);
  });
  it('uses integer inputs in −2…2 and integer weights in −1…1, so the worked sums stay readable', () => {
    const m = buildConvModel(defaultConv());
    expect([...m.input.data].every((v) => Number.isInteger(v) && v >= -2 && v <= 2)).toBe(true);
    expect([...m.weight.data].every((v) => Number.isInteger(v) && v >= -1 && v <= 1)).toBe(true);
  });
  it('every output cell equals a naive convolution written in this test', () => {
    for (const patch of [{}, { s: [1, 1], p: [0, 1, 2, 0], d: [2, 1], k: [2, 3] }] as Partial<ConvConfig>[]) {
      const cfg = { ...defaultConv(), ...patch };
      const m = buildConvModel(cfg);
      for (let oc = 0; oc < cfg.f; oc++)
        for (let oh = 0; oh < m.outH; oh++)
          for (let ow = 0; ow < m.outW; ow++)
            expect(m.output.data[(oc * m.outH + oh) * m.outW + ow]).toBeCloseTo(naive(cfg, m.input.data, m.weight.data, m.bias, oc, oh, ow), 4);
    }
  });
  it('the same seed gives the same data, and resizing the input keeps the filters', () => {
    const a = buildConvModel(defaultConv());
    const b = buildConvModel(defaultConv());
    expect([...a.input.data]).toEqual([...b.input.data]);
    const c = buildConvModel({ ...defaultConv(), h: 7, w: 6 });
    expect([...c.weight.data]).toEqual([...a.weight.data]);
  });
  it('applies presets and the user’s edits over the seeded weights', () => {
    const cfg = { ...defaultConv(), c: 1, fp: ['sobelx', 'random'] as ConvConfig['fp'], we: { 9: 2.5 }, b: { 0: -3 } };
    const m = buildConvModel(cfg);
    expect([...m.weight.data.subarray(0, 9)]).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect(m.weight.data[9]).toBe(2.5);
    expect(m.bias[0]).toBe(-3); // an edit wins over the preset's zero bias
  });
  it('reports a preset that does not fit the kernel and falls back to random weights', () => {
    const m = buildConvModel({ ...defaultConv(), k: [5, 5], p: [2, 2, 2, 2], fp: ['laplace', 'random'] });
    expect(m.presetIssues).toEqual([{ filter: 0, preset: 'laplace', message: 'laplace is defined for a 3×3 kernel' }]);
  });
});

describe('one focus drives every highlight', () => {
  const cfg = defaultConv();
  const m = buildConvModel(cfg);
  it('with nothing hovered, the step shows its 3×3 window on every channel and its output cell', () => {
    const h = highlightsFor(m, opts(cfg), 4, null, conv.en);
    // step 4 = filter 0, row 1, column 1: the window starts at padded (2, 2)
    expect(h.step.oc).toBe(0);
    expect([h.step.oh, h.step.ow]).toEqual([1, 1]);
    for (const c of [0, 1, 2]) expect(h.input[c]).toEqual([{ r: 2, c: 2, h: 3, w: 3, kind: 'window' }]);
    expect(h.output[0]).toEqual([{ r: 1, c: 1, h: 1, w: 1, kind: 'focus' }]);
    expect(h.output[1]).toEqual([]);
    expect(h.bias).toEqual([true, false]);
  });
  it('hovering an output cell shows that cell’s computation instead of the step', () => {
    const h = highlightsFor(m, opts(cfg), 0, { kind: 'output', oc: 1, oh: 2, ow: 0 }, conv.en);
    expect([h.step.oc, h.step.oh, h.step.ow]).toEqual([1, 2, 0]);
    expect(h.step.result).toBeCloseTo(m.output.data[9 + 6]!, 5);
  });
  it('hovering the input’s top-left cell lights the one output cell per filter it feeds (stride 2, pad 1)', () => {
    const h = highlightsFor(m, opts(cfg), 0, { kind: 'input', c: 0, ih: 0, iw: 0 }, conv.en);
    expect(h.output[0]).toEqual([{ r: 0, c: 0, h: 1, w: 1, kind: 'feed' }]);
    expect(h.output[1]).toEqual([{ r: 0, c: 0, h: 1, w: 1, kind: 'feed' }]);
    // it sits under kernel position (1, 1) of the first window
    expect(h.weights[0]![0]).toEqual([{ r: 1, c: 1, h: 1, w: 1, kind: 'feed' }]);
    expect(h.headline).toBe('Input channel 0, row 0, column 0 feeds 2 output cells');
  });
  it('hovering a weight lights every input cell it multiplies, one per output cell', () => {
    const h = highlightsFor(m, opts(cfg), 0, { kind: 'weight', oc: 0, c: 2, kh: 0, kw: 0 }, conv.en);
    expect(h.input[2]).toHaveLength(9);
    expect(h.input[2]![0]).toEqual({ r: 0, c: 0, h: 1, w: 1, kind: 'feed' });
    expect(h.input[2]![8]).toEqual({ r: 4, c: 4, h: 1, w: 1, kind: 'feed' });
    expect(h.input[0]).toEqual([]);
  });
});

describe('preset filters', () => {
  it('have no bias, so a flat image gives 0 under an edge detector', () => {
    const m = buildConvModel({ ...defaultConv(), fp: ['sobelx', 'laplace'] });
    expect([...m.bias]).toEqual([0, 0]);
  });
});
