import { describe, it, expect } from 'vitest';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import {
  changeSpeed,
  defaultPool,
  poolTotalSteps,
  repairPool,
  setCeil,
  setCountIncludePad,
  setDilation,
  setInput,
  setKernel,
  setKind,
  setPadding,
  setPart,
  setReluFilter,
  setSource,
  setSpeed,
  setStep,
  setStride,
  type PoolConfig,
  type PoolResult,
} from '../../src/state/views/pool';

const link = (hash: string) => parseHash(hash);
const poolOf = (hash: string) => link(hash).views.pool!;
const keys = (hash: string) => link(hash).problems.map((p) => p.key);
const ok = (r: PoolResult): PoolConfig => {
  if (!('config' in r)) throw new Error(`refused: ${r.rejection.message}`);
  return r.config;
};
const refused = (r: PoolResult) => {
  if ('config' in r) throw new Error('accepted');
  return r.rejection;
};
const withCfg = (patch: Partial<PoolConfig>): PoolConfig => ({ ...defaultPool(), ...patch });

describe('the pooling view’s link', () => {
  it('an empty link is the lecture example: two 4×4 channels, max pool 2×2 stride 2, 8 steps', () => {
    const cfg = poolOf('#/pool');
    expect(cfg).toEqual(defaultPool());
    expect([cfg.kind, cfg.c, cfg.h, cfg.w, cfg.k, cfg.s, cfg.p, cfg.src]).toEqual([
      'max',
      2,
      4,
      4,
      [2, 2],
      [2, 2],
      [0, 0],
      'int',
    ]);
    expect(poolTotalSteps(cfg)).toBe(8);
    expect(link('#/pool').problems).toEqual([]);
  });

  it('the defaults are written as a short readable link', () => {
    expect(serializeHash('pool', defaultConv(), { pool: defaultPool() })).toBe(
      '#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9',
    );
  });

  it('a hand-written average-pooling link round-trips, with count_include_pad and ceil mode', () => {
    const hash = '#/pool?v=1&kind=avg&in=1x5x5&k=3&s=2&p=1&ceil=true&cip=false&seed=4&speed=8&step=3';
    const { views, problems } = link(hash);
    expect(problems).toEqual([]);
    const cfg = views.pool!;
    expect([
      cfg.kind,
      cfg.c,
      cfg.h,
      cfg.w,
      cfg.k,
      cfg.s,
      cfg.p,
      cfg.ceil,
      cfg.cip,
      cfg.seed,
      cfg.speed,
      cfg.step,
    ]).toEqual(['avg', 1, 5, 5, [3, 3], [2, 2], [1, 1], 'true', 'false', 4, 8, 3]);
    expect(serializeHash('pool', defaultConv(), views)).toBe(hash);
  });

  it('rectangular windows, the ReLU part and a sample image are kept', () => {
    const cfg = poolOf('#/pool?part=relu&in=1x28x28&src=digit&k=2x3&s=1x2&p=1x0&d=2x1&rf=laplace');
    expect([cfg.part, cfg.src, cfg.k, cfg.s, cfg.p, cfg.d, cfg.rf]).toEqual([
      'relu',
      'digit',
      [2, 3],
      [1, 2],
      [1, 0],
      [2, 1],
      'laplace',
    ]);
  });

  it('an unknown kind is named and max pooling is used', () => {
    const { views, problems } = link('#/pool?kind=min');
    expect(views.pool!.kind).toBe('max');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.key).toBe('kind');
    expect(problems[0]!.message).toContain('max, avg');
  });

  it('padding over half the window is refused with PyTorch’s rule and set back to 0', () => {
    const { views, problems } = link('#/pool?in=1x4x4&k=2&s=2&p=2');
    expect(views.pool!.p).toEqual([0, 0]);
    expect(problems.map((p) => p.key)).toEqual(['p']);
    expect(problems[0]!.message).toMatch(
      /^p=2: padding 2 is more than half of the 2×2 pooling window.*at most 1; using p=0\.$/,
    );
  });

  it('a window larger than the padded input goes back to 2×2, saying how large it may be', () => {
    const { views, problems } = link('#/pool?in=1x4x4&k=6&s=6');
    expect(views.pool!.k).toEqual([2, 2]);
    expect(problems.map((p) => p.key)).toEqual(['k']);
    expect(problems[0]!.message).toContain('at most 4');
  });

  it('average pooling drops a dilation, since PyTorch’s AvgPool2d has none', () => {
    const { views, problems } = link('#/pool?kind=avg&d=2');
    expect(views.pool!.d).toEqual([1, 1]);
    expect(problems[0]!.message).toBe('d=2: average pooling has no dilation in PyTorch; using d=1.');
  });

  it('a step past the end, a convolution key and an upload are each named', () => {
    expect(keys('#/pool?step=8')).toEqual(['step']); // 8 steps: 0 to 7
    expect(poolOf('#/pool?step=7').step).toBe(7);
    const conv = link('#/pool?fp=sobelx');
    expect(conv.problems[0]!.message).toBe(
      "'fp' is a setting of the convolution view, not of the pooling view; ignored.",
    );
    expect(keys('#/pool?src=upload')).toEqual(['src']);
    expect(poolOf('#/pool?src=upload').src).toBe('int');
  });

  it('repair leaves a valid configuration alone', () => {
    const cfg = withCfg({ kind: 'avg', c: 1, h: 5, w: 5, k: [3, 3], p: [1, 1] });
    expect(repairPool(cfg)).toEqual({ config: cfg, problems: [] });
  });
});

describe('the pooling view’s actions', () => {
  it('a new window drags the stride along when it equalled the window (PyTorch’s default)', () => {
    const a = ok(setKernel(defaultPool(), [3, 3]));
    expect([a.k, a.s]).toEqual([
      [3, 3],
      [3, 3],
    ]);
    const b = ok(setKernel(withCfg({ s: [1, 1] }), [3, 3]));
    expect([b.k, b.s]).toEqual([
      [3, 3],
      [1, 1],
    ]);
  });

  it('padding 2 on a 2×2 window is refused with PyTorch’s limit, keeping the old value', () => {
    const r = refused(setPadding(defaultPool(), [2, 2]));
    expect(r.field).toBe('p');
    expect(r.message).toContain('PyTorch allows at most 1');
    expect(ok(setPadding(defaultPool(), [1, 1])).p).toEqual([1, 1]);
  });

  it('a 5×5 window on a 4×4 input is refused, saying the largest that fits', () => {
    const r = refused(setKernel(defaultPool(), [5, 5]));
    expect(r.field).toBe('k');
    expect(r.message).toContain('at most 4');
  });

  it('average pooling refuses a dilation; switching to it resets one', () => {
    expect(refused(setDilation(withCfg({ kind: 'avg' }), [2, 2])).field).toBe('d');
    const max = ok(setDilation(withCfg({ h: 6, w: 6, s: [1, 1] }), [2, 2]));
    expect(max.d).toEqual([2, 2]);
    expect(ok(setKind(max, 'avg')).d).toEqual([1, 1]);
  });

  it('the step stays within the walk-through and follows a smaller output', () => {
    expect(ok(setStep(defaultPool(), 99)).step).toBe(7);
    expect(ok(setStep(defaultPool(), -3)).step).toBe(0);
    const late = ok(setStep(defaultPool(), 7));
    expect(ok(setInput(late, 1, 4, 4)).step).toBe(3); // 1×2×2: steps 0 to 3
  });

  it('a sample image brings its own size; the switches and the speed are stored', () => {
    const digit = ok(setSource(withCfg({ c: 3 }), 'digit'));
    expect([digit.c, digit.h, digit.w]).toEqual([1, 28, 28]);
    const scene = ok(setSource(defaultPool(), 'scene'));
    expect([scene.c, scene.h, scene.w]).toEqual([3, 64, 64]);
    expect(ok(setCeil(defaultPool(), true)).ceil).toBe('true');
    expect(ok(setCountIncludePad(defaultPool(), false)).cip).toBe('false');
    expect(ok(setSpeed(defaultPool(), 8)).speed).toBe(8);
    expect(refused(setSpeed(defaultPool(), 3)).field).toBe('speed');
    expect(ok(changeSpeed(defaultPool(), 1)).speed).toBe(2);
    expect(ok(setPart(defaultPool(), 'relu')).part).toBe('relu');
    expect(ok(setReluFilter(defaultPool(), 'sobelx')).rf).toBe('sobelx');
    expect(ok(setStride(defaultPool(), [1, 2])).s).toEqual([1, 2]);
  });

  it('an input size outside the view’s bounds is refused with the bounds', () => {
    const r = refused(setInput(defaultPool(), 9, 4, 4));
    expect(r.field).toBe('in');
    expect(r.message).toContain('channels from 1 to 8');
  });
});

describe('the pooling view’s repair of dilated windows', () => {
  it('a dilated window that cannot fit even at 2×2 also loses its dilation, and says so', () => {
    const { views, problems } = link('#/pool?in=1x3x3&k=3&d=3&s=1');
    expect([views.pool!.k, views.pool!.d]).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(problems.map((p) => p.key)).toEqual(['k']);
    expect(problems[0]!.message).toMatch(/spans 7×7.*; using k=2 and d=1\.$/);
  });
});
