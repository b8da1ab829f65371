import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import {
  checkIdeasParam,
  defaultIdeas,
  depthMismatch,
  linearMinSize,
  repairIdeas,
  setDemo,
  setDepthCout,
  setDepthFilter,
  setDepthInput,
  setDepthKernel,
  setDepthPixel,
  setDepthSource,
  setFilterDepth,
  setLinearKernels,
  setLinearLayers,
  setLinearRelu,
  setLinearSize,
  setPointInput,
  setPointPixel,
  setSeed,
  setTemplateCount,
  setTemplateInput,
  type IdeasConfig,
  type IdeasResult,
  IDEAS_PARAMS,
} from '../../src/state/views/ideas';

const ok = (r: IdeasResult): IdeasConfig => {
  if ('rejection' in r) throw new Error(`refused: ${r.rejection.message}`);
  return r.config;
};
const refused = (r: IdeasResult) => {
  if (!('rejection' in r)) throw new Error('accepted');
  return r.rejection;
};
const link = (cfg: IdeasConfig) => serializeHash('ideas', defaultConv(), { ideas: cfg });
const read = (hash: string) => {
  const parsed = parseHash(hash);
  return { route: parsed.route, cfg: parsed.views.ideas!, problems: parsed.problems };
};

describe('the ideas view state', () => {
  it('an empty link shows the depth demonstration on a seeded 3×8×8 input with one 3×5×5 filter', () => {
    const { route, cfg, problems } = read('#/ideas');
    expect(route).toBe('ideas');
    expect(problems).toEqual([]);
    expect(cfg.demo).toBe('depth');
    expect([cfg.dc, cfg.dh, cfg.dw, cfg.dk, cfg.dcout]).toEqual([3, 8, 8, 5, 1]);
    expect(cfg.dsrc).toBe('seeded');
    expect(cfg.lk).toEqual([3, 3]);
  });

  it('the default link writes only the version and the demonstration', () => {
    expect(link(defaultIdeas())).toBe('#/ideas?v=1&demo=depth');
  });

  it('each demonstration key opens its demonstration', () => {
    for (const demo of ['depth', '1x1', 'template', 'linear'] as const) {
      expect(read(`#/ideas?demo=${demo}`).cfg.demo).toBe(demo);
    }
  });

  it('hand-written links of every demonstration round-trip exactly', () => {
    const links = [
      '#/ideas?v=1&demo=depth&din=3x6x7&dk=3&dcout=2&dsrc=scene&dfi=1&dpx=2x3',
      '#/ideas?v=1&demo=1x1&seed=9&pin=4x3x6&pcout=5&ppx=2x5',
      '#/ideas?v=1&demo=template&tin=1x10x6&tk=4&tsrc=digit&tt=random',
      '#/ideas?v=1&demo=linear&lk=2,2,3&lin=9x10&lrelu=on',
    ];
    for (const hash of links) {
      const { cfg, problems } = read(hash);
      expect(problems).toEqual([]);
      expect(link(cfg)).toBe(hash);
    }
    const linear = read(links[3]!).cfg;
    expect(linear.lk).toEqual([2, 2, 3]);
    expect(linear.lin).toEqual([9, 10]);
    expect(linear.lrelu).toBe('on');
  });

  it('bad keys give problems naming them and fall back, keeping the good ones', () => {
    const { cfg, problems } = read('#/ideas?demo=bogus&dk=99&lk=2&tk=3&pin=3x0x5');
    const keys = problems.map((p) => p.key).sort();
    expect(keys).toEqual(['demo', 'dk', 'lk', 'pin']);
    expect(cfg.demo).toBe('depth');
    expect(cfg.dk).toBe(5);
    expect(cfg.lk).toEqual([3, 3]);
    expect(cfg.tk).toBe(3);
    expect(problems.find((p) => p.key === 'demo')!.message).toContain('depth, 1x1, template, linear');
  });

  it('a setting of another view is named as such', () => {
    const { problems } = read('#/ideas?demo=linear&k=3');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('not of the lecture ideas view');
  });

  it('repair: an RGB image keeps 3 channels, a kernel too large shrinks, a missing filter and outside cells reset', () => {
    const { cfg, problems } = read('#/ideas?din=2x4x6&dsrc=gradient&dk=6&dcout=2&dfi=3&dpx=5&ppx=7x1&pin=3x4x4');
    expect(cfg.dc).toBe(3);
    expect(cfg.dk).toBe(4);
    expect(cfg.dfi).toBe(0);
    expect(cfg.dpx).toEqual([0, 0]);
    expect(cfg.ppx).toEqual([0, 0]);
    expect(problems.map((p) => p.key)).toEqual(['din', 'dk', 'dfi', 'dpx', 'ppx']);
    expect(problems[0]!.message).toContain('3 channels');
  });

  it('repair: stacked kernels 5, 5, 5 need a 13×13 input (4 + 4 + 4 + 1)', () => {
    expect(linearMinSize([5, 5, 5])).toBe(13);
    expect(linearMinSize([2, 2])).toBe(3);
    const { cfg, problems } = read('#/ideas?demo=linear&lk=5,5,5&lin=7');
    expect(cfg.lin).toEqual([13, 13]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('(5 − 1) + (5 − 1) + (5 − 1) + 1');
  });

  it('repairing a valid configuration changes nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ c: fc.integer({ min: 1, max: 8 }), h: fc.integer({ min: 1, max: 12 }), w: fc.integer({ min: 1, max: 12 }), r: fc.nat(20), q: fc.nat(20) }),
        ({ c, h, w, r, q }) => {
          let cfg = ok(setPointInput(defaultIdeas(), c, h, w));
          const pin = setPointPixel(cfg, r, q);
          if (r < h && q < w) cfg = ok(pin);
          else expect(refused(pin).field).toBe('ppx');
          expect(repairIdeas(cfg).problems).toEqual([]);
          expect(read(link(cfg)).cfg).toEqual(cfg);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the ideas view actions', () => {
  it('a 2-channel filter on a 3-channel input is refused with the reason', () => {
    const cfg = defaultIdeas();
    const r = refused(setFilterDepth(cfg, 2));
    expect(r.field).toBe('fd');
    expect(r.message).toContain('a filter is as deep as its input: this input has 3 channels, so each filter needs 3');
    expect(ok(setFilterDepth(cfg, 3))).toEqual(cfg);
    expect(depthMismatch(1, 3)).toContain('this input has 1 channel, so each filter needs 1');
  });

  it('changing the seeded input to 2 channels makes the filters 2 deep; an image input stays RGB', () => {
    const two = ok(setDepthInput(defaultIdeas(), 2, 8, 8));
    expect(two.dc).toBe(2);
    expect(refused(setFilterDepth(two, 3)).message).toContain('this input has 2 channels, so each filter needs 2');
    const img = ok(setDepthSource(two, 'scene'));
    expect(img.dc).toBe(3);
    expect(refused(setDepthInput(img, 1, 8, 8)).message).toContain('RGB');
  });

  it('a smaller depth input shrinks the kernel to fit; a kernel larger than the input is refused', () => {
    const small = ok(setDepthInput(defaultIdeas(), 3, 4, 6));
    expect(small.dk).toBe(4);
    expect(refused(setDepthKernel(small, 5)).message).toContain('use 1 to 4');
    expect(ok(setDepthKernel(small, 3)).dk).toBe(3);
  });

  it('Cout filters: fewer filters keep the shown filter inside; a missing filter is refused', () => {
    const four = ok(setDepthCout(defaultIdeas(), 4));
    const shown = ok(setDepthFilter(four, 3));
    expect(ok(setDepthCout(shown, 2)).dfi).toBe(1);
    expect(refused(setDepthFilter(four, 4)).field).toBe('dfi');
    expect(refused(setDepthCout(four, 5)).message).toContain('from 1 to 4');
  });

  it('pinned cells must lie in the output (8 − 5 + 1 = 4 rows and columns)', () => {
    expect(ok(setDepthPixel(defaultIdeas(), 3, 3)).dpx).toEqual([3, 3]);
    expect(refused(setDepthPixel(defaultIdeas(), 4, 0)).message).toContain('4×4');
  });

  it('a smaller 1×1 input keeps the pinned pixel inside', () => {
    const pinned = ok(setPointPixel(ok(setPointInput(defaultIdeas(), 3, 8, 8)), 7, 6));
    expect(ok(setPointInput(pinned, 3, 4, 4)).ppx).toEqual([3, 3]);
  });

  it('stacks: a third layer adds a 2×2 kernel and grows the input when needed; too small an input is refused', () => {
    const three = ok(setLinearLayers(defaultIdeas(), 3));
    expect(three.lk).toEqual([3, 3, 2]);
    expect(three.lin).toEqual([7, 7]);
    const big = ok(setLinearKernels(three, [5, 5, 5]));
    expect(big.lin).toEqual([13, 13]);
    expect(refused(setLinearSize(big, 12, 13)).message).toContain('at least 13×13');
    expect(ok(setLinearLayers(big, 2)).lk).toEqual([5, 5]);
    expect(refused(setLinearLayers(big, 4)).field).toBe('lk');
    expect(ok(setLinearRelu(big, true)).lrelu).toBe('on');
  });

  it('out-of-range values are refused with the row’s bounds', () => {
    expect(refused(setSeed(defaultIdeas(), -1)).message).toContain('whole number from 0');
    expect(refused(setTemplateCount(defaultIdeas(), 7)).message).toContain('from 1 to 6');
    expect(refused(setTemplateInput(defaultIdeas(), 4, 8, 8)).field).toBe('tin');
    expect(refused(setDemo(defaultIdeas(), 'nope' as never)).field).toBe('demo');
    expect(checkIdeasParam(IDEAS_PARAMS.find((p) => p.key === 'lk')!, [1, 2, 3, 4])).toContain('2 to 3');
  });
});
