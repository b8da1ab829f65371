import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import { defaultViews } from '../../src/state/views';
import type { ConvConfig } from '../../src/state/types';
import {
  applyPreset,
  changeSpeed,
  defaultNorm,
  divisors,
  groupCountOf,
  groupSizeOf,
  nextBatch,
  packConv,
  remapValues,
  repairNorm,
  selectGroup,
  setAffine,
  setBatch,
  setEps,
  setGlobalStep,
  setGroups,
  setKind,
  setLayout,
  setMomentum,
  setOffset,
  setShape,
  setSource,
  setSpread,
  setValue,
  stepsPerGroup,
  totalSteps,
  unpackConv,
  type NormConfig,
  type NormResult,
} from '../../src/state/views/norm';

const norm = (link: string) => parseHash(link).views.norm!;
const problems = (link: string) => parseHash(link).problems;
const link = (cfg: NormConfig) => serializeHash('norm', defaultConv(), { ...defaultViews(), norm: cfg });
const ok = (r: NormResult): NormConfig => {
  if ('rejection' in r) throw new Error(`refused: ${r.rejection.message}`);
  return r.config;
};
const refused = (r: NormResult) => {
  if ('config' in r) throw new Error('accepted');
  return r.rejection;
};

describe('the normalization lab’s link', () => {
  it('the default is two samples of three 3×3 channels under batch norm, written in a short link', () => {
    expect(link(defaultNorm())).toBe('#/norm?v=1&kind=batch&n=2&in=3x3x3&seed=1');
    expect(norm('#/norm')).toEqual(defaultNorm());
  });

  it('a hand-written link with every setting round-trips with no problems', () => {
    const hash =
      '#/norm?v=1&kind=group&g=2&n=3&in=4x2x5&seed=9&off=1,-2.5&sd=0.5,0&gamma=0:2,3:-1.5&beta=1:0.25' +
      '&eps=0.001&mode=test&batch=4&mom=0.2&grp=5&step=7&speed=8';
    const parsed = parseHash(hash);
    expect(parsed.problems).toEqual([]);
    const cfg = parsed.views.norm!;
    expect(cfg).toMatchObject({
      kind: 'group',
      g: 2,
      n: 3,
      c: 4,
      h: 2,
      w: 5,
      seed: 9,
      eps: 0.001,
      mode: 'test',
      batch: 4,
      mom: 0.2,
      grp: 5,
      step: 7,
      speed: 8,
    });
    expect(cfg.off).toEqual([1, -2.5]);
    expect(cfg.sd).toEqual([0.5, 0]);
    expect(cfg.gamma).toEqual({ 0: 2, 3: -1.5 });
    expect(cfg.beta).toEqual({ 1: 0.25 });
    expect(link(cfg)).toBe(hash);
  });

  it('typed values and the N×D layout round-trip', () => {
    const hash = '#/norm?v=1&layout=nd&kind=layer&n=2&in=3x3x3&src=custom&seed=1&x=1,2,3,4,5,6.5';
    expect(problems(hash)).toEqual([]);
    const cfg = norm(hash);
    expect(cfg.x).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(link(cfg)).toBe(hash);
  });

  it('a group count that does not divide C is replaced by the largest divisor below it, saying which counts are valid', () => {
    const p = parseHash('#/norm?kind=group&g=4&in=6x3x3');
    expect(p.views.norm!.g).toBe(3);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.key).toBe('g');
    expect(p.problems[0]!.message).toContain('1, 2, 3 or 6');
  });

  it('instance norm cannot take an N×D matrix: the layout goes back to N×C×H×W', () => {
    const p = parseHash('#/norm?kind=instance&layout=nd');
    expect(p.views.norm!.layout).toBe('nchw');
    expect(p.problems.map((q) => q.key)).toEqual(['layout']);
  });

  it('typed values of the wrong count are padded with zeros, and the link says so', () => {
    const p = parseHash('#/norm?n=1&in=1x2x2&src=custom&x=1,2');
    expect(p.views.norm!.x).toEqual([1, 2, 0, 0]);
    expect(p.problems.map((q) => q.key)).toEqual(['x']);
    expect(p.problems[0]!.message).toContain('the missing ones are 0');
  });

  it('a group or a step past the walk-through goes back to 0, naming the number of groups and steps', () => {
    const p = parseHash('#/norm?kind=batch&n=2&in=3x3x3&grp=3&step=74');
    expect(p.views.norm!.grp).toBe(0);
    expect(p.views.norm!.step).toBe(0);
    const keys = p.problems.map((q) => q.key);
    expect(keys).toEqual(['grp', 'step']);
    expect(p.problems[0]!.message).toContain('3 groups (0 to 2)');
    // m = N·H·W = 18 values, 4·18 + 2 = 74 steps
    expect(p.problems[1]!.message).toContain('74 steps (0 to 73)');
  });

  it('bad values are named with what would be valid, and the rest of the link is kept', () => {
    const p = parseHash('#/norm?kind=median&eps=0&n=9&in=3x4x4&mom=2&foo=1');
    const keys = p.problems.map((q) => q.key);
    expect(keys).toEqual(expect.arrayContaining(['kind', 'eps', 'n', 'mom', 'foo']));
    const cfg = p.views.norm!;
    expect(cfg.kind).toBe('batch');
    expect(cfg.eps).toBe(1e-5);
    expect(cfg.n).toBe(2);
    expect(cfg.mom).toBe(0.1);
    expect([cfg.c, cfg.h, cfg.w]).toEqual([3, 4, 4]);
    expect(p.problems.find((q) => q.key === 'kind')!.message).toContain('batch, layer, instance, group');
  });

  it('γ/β edits of channels that do not exist are dropped with a message', () => {
    const p = parseHash('#/norm?in=2x3x3&gamma=0:2,5:3');
    expect(p.views.norm!.gamma).toEqual({ 0: 2 });
    expect(p.problems[0]!.key).toBe('gamma');
    expect(p.problems[0]!.message).toContain('channel 5');
  });

  it('the convolution output as data takes its shape: the default convolution gives 2×3×3 per sample', () => {
    const p = parseHash('#/norm?src=conv&n=2&in=3x3x3');
    expect(p.views.norm!).toMatchObject({ src: 'conv', c: 2, h: 3, w: 3, cv: [] });
    expect(p.problems.map((q) => q.key)).toEqual(['in']);
  });

  it('a convolution whose output is too large is refused in a link, falling back to random data', () => {
    const big: ConvConfig = { ...defaultConv(), h: 64, w: 64, s: [1, 1] };
    const cv = packConv(big)!.join(',');
    const p = parseHash(`#/norm?src=conv&cv=${cv}`);
    expect(p.views.norm!.src).toBe('random');
    expect(p.problems.find((q) => q.key === 'src')!.message).toContain('2×64×64');
  });
});

describe('the convolution settings packed into a list', () => {
  it('the lecture convolution packs to c, h, w, source, seed, k, s, p, d, f, presets and no edits', () => {
    expect(packConv(defaultConv())).toEqual([3, 5, 5, 0, 7, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 2, 0, 0, 0, 0]);
  });

  it('edits and presets survive the round trip', () => {
    const conv: ConvConfig = {
      ...defaultConv(),
      fp: ['sobelx', 'random'],
      we: { 3: 2.5, 10: -1 },
      b: { 1: 0.5 },
    };
    const back = unpackConv(packConv(conv)!);
    expect(back.problems).toEqual([]);
    expect(back.conv).toEqual(conv);
  });

  it('an uploaded image cannot be packed, and a list too short is explained', () => {
    expect(packConv({ ...defaultConv(), src: 'upload' })).toBeNull();
    expect(unpackConv([1, 2, 3]).problems[0]).toContain('fewer than the 16 settings');
  });
});

describe('the normalization lab’s actions', () => {
  const base = defaultNorm();

  it('group counts must divide C: 4 groups of 6 channels are refused, listing the valid ones', () => {
    const six = ok(setShape(ok(setKind(base, 'group')), 2, 6, 3, 3));
    expect(refused(setGroups(six, 4)).message).toBe(
      '6 channels cannot be split into 4 equal groups: G must be 1, 2, 3 or 6.',
    );
    expect(ok(setGroups(six, 3)).g).toBe(3);
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
  });

  it('choosing group norm picks a group count strictly between layer and instance norm when C allows one', () => {
    expect(ok(setKind({ ...base, c: 4 }, 'group')).g).toBe(2);
    expect(ok(setKind({ ...base, c: 3 }, 'group')).g).toBe(1);
  });

  it('instance and group norm are refused on an N×D matrix, and N×D is refused under them', () => {
    const nd = ok(setLayout(base, 'nd'));
    expect(refused(setKind(nd, 'instance')).message).toContain('N×C×H×W');
    expect(refused(setLayout(ok(setKind(base, 'instance')), 'nd')).field).toBe('layout');
  });

  it('counts groups, members and steps by the formulas', () => {
    const cfg = { ...base, n: 2, c: 4, h: 3, w: 3 };
    expect([groupCountOf(cfg), groupSizeOf(cfg)]).toEqual([4, 18]);
    expect([groupCountOf({ ...cfg, kind: 'layer' }), groupSizeOf({ ...cfg, kind: 'layer' })]).toEqual([
      2, 36,
    ]);
    expect([groupCountOf({ ...cfg, kind: 'instance' }), groupSizeOf({ ...cfg, kind: 'instance' })]).toEqual([
      8, 9,
    ]);
    expect([
      groupCountOf({ ...cfg, kind: 'group', g: 2 }),
      groupSizeOf({ ...cfg, kind: 'group', g: 2 }),
    ]).toEqual([4, 18]);
    expect(stepsPerGroup(cfg)).toBe(74);
    expect(totalSteps(cfg)).toBe(296);
    expect([groupCountOf({ ...cfg, layout: 'nd' }), groupSizeOf({ ...cfg, layout: 'nd' })]).toEqual([4, 2]);
  });

  it('a step of the whole walk-through is a group and a step within it', () => {
    const cfg = ok(setGlobalStep(base, 80)); // 74 steps per group
    expect([cfg.grp, cfg.step]).toEqual([1, 6]);
    const last = ok(setGlobalStep(base, 1e9));
    expect([last.grp, last.step]).toEqual([2, 73]);
    expect(ok(selectGroup(cfg, 2))).toMatchObject({ grp: 2, step: 0 });
    expect(refused(selectGroup(cfg, 3)).message).toContain('3 groups (0 to 2)');
  });

  it('typed values keep their (n, c, h, w) positions when the tensor is resized', () => {
    const cfg = ok(setSource({ ...base, n: 1, c: 1, h: 2, w: 2 }, 'custom', { values: [1, 2, 3, 4] }));
    expect(cfg.x).toEqual([1, 2, 3, 4]);
    const wider = ok(setShape(cfg, 1, 1, 2, 3));
    expect(wider.x).toEqual([1, 2, 0, 3, 4, 0]);
    expect(remapValues(wider, { ...wider, n: 2, c: 1, h: 1, w: 2 })).toEqual([1, 2, 0, 0]);
    expect(ok(setValue(wider, 2, -7.5)).x[2]).toBe(-7.5);
    expect(refused(setShape(cfg, 8, 12, 16, 16)).message).toContain('at most 256');
  });

  it('γ = 1 and β = 0 are not written; other values are, per channel', () => {
    const cfg = ok(setAffine(base, 'gamma', 1, 2));
    expect(cfg.gamma).toEqual({ 1: 2 });
    expect(ok(setAffine(cfg, 'gamma', 1, 1)).gamma).toEqual({});
    expect(refused(setAffine(base, 'beta', 3, 1)).message).toContain('channel 3 does not exist');
    expect(refused(setAffine(base, 'beta', 0, 101)).message).toContain('−100 to 100');
  });

  it('ε must be above 0, and the momentum between 0 and 1', () => {
    expect(refused(setEps(base, 0)).message).toContain('must be above 0');
    expect(ok(setEps(base, 1e-8)).eps).toBe(1e-8);
    expect(refused(setMomentum(base, 1.5)).field).toBe('mom');
  });

  it('offsets and spreads are stored only as far as they differ from the defaults', () => {
    expect(ok(setOffset(base, 1, 7)).off).toEqual([5, 7]);
    expect(ok(setOffset(base, 0, 5)).off).toEqual([]);
    expect(refused(setSpread(base, 0, -1)).message).toContain('0 to 100');
  });

  it('the near-constant preset gives channel 1 a spread of 0.001 around 3', () => {
    const cfg = ok(applyPreset(base, 'nearconst'));
    expect(cfg.off).toEqual([5, 3]);
    expect(cfg.sd).toEqual([2, 0.001]);
  });

  it('mini-batches arrive one at a time up to 50, in training', () => {
    const cfg = ok(nextBatch({ ...base, mode: 'test' }));
    expect(cfg).toMatchObject({ batch: 1, mode: 'train' });
    expect(refused(nextBatch({ ...base, batch: 49 })).field).toBe('batch');
    expect(refused(setBatch(base, 50)).field).toBe('batch');
  });

  it('the convolution output as data is refused when it is too large, and takes its shape otherwise', () => {
    const big: ConvConfig = { ...defaultConv(), h: 64, w: 64, s: [1, 1] };
    expect(refused(setSource(base, 'conv', { conv: big })).message).toContain('2×64×64');
    const lecture = ok(setSource(base, 'conv', { conv: defaultConv() }));
    expect(lecture).toMatchObject({ src: 'conv', c: 2, h: 3, w: 3, cv: [] });
    expect(refused(setShape(lecture, 2, 3, 3, 3)).field).toBe('in');
    expect(refused(setSource(base, 'conv', { conv: { ...defaultConv(), src: 'upload' } })).message).toContain(
      'your own image',
    );
  });

  it('speeds step through the offered list', () => {
    expect(ok(changeSpeed(base, 1)).speed).toBe(4);
    expect(ok(changeSpeed({ ...base, speed: 960 }, 1)).speed).toBe(960);
  });

  it('every configuration an action accepts round-trips through a link unchanged and needs no repair', () => {
    const action = fc.oneof(
      fc.record({ t: fc.constant('kind'), v: fc.constantFrom('batch', 'layer', 'instance', 'group') }),
      fc.record({
        t: fc.constant('shape'),
        v: fc.tuple(
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 16 }),
          fc.integer({ min: 1, max: 16 }),
        ),
      }),
      fc.record({ t: fc.constant('groups'), v: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ t: fc.constant('layout'), v: fc.constantFrom('nchw', 'nd') }),
      fc.record({ t: fc.constant('step'), v: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({
        t: fc.constant('gamma'),
        v: fc.tuple(fc.integer({ min: 0, max: 11 }), fc.double({ min: -100, max: 100, noNaN: true })),
      }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 8 }), (actions) => {
        let cfg = defaultNorm();
        for (const a of actions) {
          const r =
            a.t === 'kind'
              ? setKind(cfg, a.v as NormConfig['kind'])
              : a.t === 'shape'
                ? setShape(cfg, ...(a.v as [number, number, number, number]))
                : a.t === 'groups'
                  ? setGroups(cfg, a.v as number)
                  : a.t === 'layout'
                    ? setLayout(cfg, a.v as NormConfig['layout'])
                    : a.t === 'step'
                      ? setGlobalStep(cfg, a.v as number)
                      : setAffine(cfg, 'gamma', (a.v as [number, number])[0], (a.v as [number, number])[1]);
          if ('config' in r) cfg = r.config;
        }
        expect(repairNorm(cfg).problems).toEqual([]);
        const back = parseHash(link(cfg));
        expect(back.problems).toEqual([]);
        expect(back.views.norm).toEqual(cfg);
      }),
      { numRuns: 80 },
    );
  });
});
