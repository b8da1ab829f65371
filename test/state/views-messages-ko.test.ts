/**
 * The Korean of the messages made by the view modules (pool, rf, arch, ideas, norm): link repairs
 * (`UrlProblem.ko`) and refused actions (`rejection.ko`). Hand-written expectations for some
 * messages, and properties: every problem and every refusal these modules make carries Korean text
 * (Hangul), while the English stays as it was.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ParamSpec, ParamTable } from '../../src/state/params';
import type { UrlProblem } from '../../src/state/types';
import { localized } from '../../src/i18n/localized';
import * as pool from '../../src/state/views/pool';
import * as rf from '../../src/state/views/rf';
import * as arch from '../../src/state/views/arch';
import * as ideas from '../../src/state/views/ideas';
import * as norm from '../../src/state/views/norm';

const HANGUL = /[\uAC00-\uD7A3]/;

type Rejected = { rejection: { field: string; message: string; ko: string } };
const rejection = (r: object) => (r as Rejected).rejection;

/** How many problems and refusals the properties saw (each property must meet some of both). */
const seen = { problems: 0, refusals: 0 };

/** Runs a property and checks it met at least one problem and one refusal. */
function assertSeeing(run: () => void) {
  const before = { ...seen };
  run();
  expect(seen.problems).toBeGreaterThan(before.problems);
  expect(seen.refusals).toBeGreaterThan(before.refusals);
}

/** Every problem has a non-empty English message and Korean with Hangul. */
function allKorean(problems: readonly UrlProblem[]) {
  seen.problems += problems.length;
  for (const p of problems) {
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.ko, `${p.key}: ${p.message}`).toMatch(HANGUL);
  }
}

/** Every refusal has Korean with Hangul; an accepted result is fine too. */
function refusalKorean(r: object) {
  if ('rejection' in r) {
    seen.refusals++;
    const { message, ko } = rejection(r);
    expect(message.length).toBeGreaterThan(0);
    expect(ko, message).toMatch(HANGUL);
  }
}

/** A configuration whose every key holds a value its table row accepts (impossible together, often). */
function arbConfig<C>(
  table: ParamTable<C>,
  own: Partial<Record<string, fc.Arbitrary<unknown>>> = {},
): fc.Arbitrary<C> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  const small = (min: number, max: number) => fc.integer({ min, max: Math.min(max, min + 40) });
  for (const row of table as readonly ParamSpec<C>[]) {
    const given = own[row.key];
    if (row.type === 'shape') {
      const arb = given ?? fc.tuple(...row.fields.map((_, i) => small(row.min[i]!, row.max[i]!)));
      parts[row.key] = arb;
      continue;
    }
    let arb: fc.Arbitrary<unknown>;
    switch (row.type) {
      case 'int':
        arb = small(row.min, row.max);
        break;
      case 'number':
        arb = row.allowed
          ? fc.constantFrom(...row.allowed)
          : fc.double({ min: row.min, max: row.max, noNaN: true });
        break;
      case 'pair':
        arb = fc.tuple(small(row.min, row.max), small(row.min, row.max));
        break;
      case 'enum':
        arb = fc.constantFrom(...row.allowed.filter((v) => !row.refused || !(v in row.refused)));
        break;
      case 'numberList':
        arb = fc.array(
          row.integer ? small(row.min, row.max) : fc.double({ min: row.min, max: row.max, noNaN: true }),
          { minLength: row.minLength, maxLength: Math.min(row.maxLength, 6) },
        );
        break;
      case 'sparse':
        arb = fc.dictionary(
          fc.integer({ min: 0, max: 9 }).map(String),
          fc.double({ min: row.min, max: row.max, noNaN: true }),
          {
            maxKeys: 3,
          },
        );
        break;
      default:
        arb = fc.constant('default' in row ? row.default : undefined);
    }
    parts[row.key] = given ?? arb;
  }
  return fc.record(parts).map((values) => {
    const cfg: Record<string, unknown> = {};
    for (const row of table as readonly ParamSpec<C>[]) {
      const v = values[row.key];
      if (row.type === 'shape') row.fields.forEach((f, i) => (cfg[f] = (v as number[])[i]));
      else cfg[row.field as string] = Array.isArray(v) ? [...v] : v;
    }
    return cfg as C;
  });
}

const RUNS = { numRuns: 150 };

describe('every view table row has its Korean label', () => {
  const tables: [string, ParamTable<never>][] = [
    ['pool', pool.POOL_PARAMS as ParamTable<never>],
    ['rf', rf.RF_PARAMS as ParamTable<never>],
    ['arch', arch.ARCH_PARAMS as ParamTable<never>],
    ['ideas', ideas.IDEAS_PARAMS as ParamTable<never>],
    ['norm', norm.NORM_PARAMS as ParamTable<never>],
  ];
  it.each(tables)('%s', (_, table) => {
    for (const row of table) {
      expect(row.labelKo, row.key).toBeTruthy();
      // Symbols and PyTorch names (ε, ceil_mode) stay as they are; every other label is Korean.
      if (!/^(ε|ceil_mode|count_include_pad)$/.test(row.label)) expect(row.labelKo, row.key).toMatch(HANGUL);
    }
  });
});

describe('pooling', () => {
  it('repairs of a link say what changed in Korean too', () => {
    const { problems } = pool.repairPool({ ...pool.defaultPool(), kind: 'avg', d: [2, 2] });
    expect(problems[0]).toEqual({
      key: 'd',
      message: 'd=2: average pooling has no dilation in PyTorch; using d=1.',
      ko: 'd=2: PyTorch의 평균 풀링에는 팽창(dilation)이 없으므로 d=1을 사용합니다.',
    });
    const step = pool.repairPool({ ...pool.defaultPool(), step: 99 }).problems;
    expect(step[0]!.ko).toBe('step=99: 이 설정의 단계는 8개(0부터 7까지)이므로 0을 사용합니다.');
    expect(localized(step[0]!, 'en')).toBe('step=99: this configuration has 8 steps (0 to 7); using 0.');
  });

  it('refusals carry their Korean', () => {
    const avg = { ...pool.defaultPool(), kind: 'avg' as const };
    expect(rejection(pool.setDilation(avg, [2, 2])).ko).toBe(
      'PyTorch의 평균 풀링에는 팽창(dilation)이 없습니다(nn.AvgPool2d는 받지 않습니다). 팽창을 쓰려면 최대 풀링으로 바꾸세요.',
    );
    expect(rejection(pool.setPadding(pool.defaultPool(), [2, 2]))).toMatchObject({
      field: 'p',
      ko: '패딩 2은(는) 2×2 풀링 윈도우의 절반보다 커서 윈도우가 패딩만 볼 수 있습니다. PyTorch는 최대 1까지 허용합니다.',
    });
    expect(rejection(pool.setSeed(pool.defaultPool(), -1)).ko).toBe(
      '시드는 0에서 4294967295 사이의 정수여야 합니다.',
    );
  });

  it('property: every repair and refusal has Korean', () => {
    assertSeeing(() =>
      fc.assert(
        fc.property(
          arbConfig(pool.POOL_PARAMS),
          fc.tuple(fc.integer({ min: -2, max: 14 }), fc.integer({ min: -2, max: 14 })),
          (cfg, n) => {
            const { config, problems } = pool.repairPool(cfg);
            allKorean(problems);
            for (const r of [
              pool.setKernel(config, n),
              pool.setStride(config, n),
              pool.setPadding(config, n),
              pool.setDilation(config, n),
              pool.setInput(config, n[0], n[1], n[0] * 3),
              pool.setKind(config, config.kind === 'max' ? 'avg' : 'max'),
              pool.setCeil(config, true),
              pool.setStep(config, NaN),
              pool.setSpeed(config, n[0]),
            ])
              refusalKorean(r);
          },
        ),
        RUNS,
      ),
    );
  });
});

describe('receptive field', () => {
  it('repairs and refusals in Korean', () => {
    const bad = rf.repairRf({
      ...rf.defaultRf(),
      preset: 'custom',
      layers: 'c3,zz9,c3',
      size: 20,
      at: 2,
      row: 3,
      col: 4,
    });
    expect(bad.problems[0]!.ko).toBe(
      "레이어 2 'zz9'을(를) 이해할 수 없어 건너뜁니다. " + rf.NOTATION_HELP_KO + '.',
    );
    const at = rf.repairRf({ ...rf.defaultRf(), layers: 'c3,c3', preset: 'custom', at: 3 });
    expect(at.problems.find((p) => p.key === 'at')!.ko).toBe(
      'at=3: 스택의 레이어는 2개이므로 마지막 레이어를 선택합니다.',
    );
    const one = rf.repairRf(rf.defaultRf()).config;
    expect(rejection(rf.removeRfLayer({ ...one, layers: 'c3' }, 0)).ko).toBe(
      '스택에는 레이어가 하나 이상 있어야 합니다.',
    );
    expect(rejection(rf.selectRfCell(one, 9, 0, 0)).ko).toBe('레이어 번호는 1부터 3까지입니다.');
  });

  it('property: every repair and refusal has Korean', () => {
    const token = fc.constantFrom(
      'c3',
      'c3p1',
      'p2',
      'p2s2',
      'c5s2',
      'c7d3',
      'c3x5',
      'zz',
      'c3s1s2',
      'p3p3',
      'c3*0',
      'c1*30',
      'c13',
      'p2p1',
    );
    const layers = fc.array(token, { minLength: 0, maxLength: 8 }).map((t) => t.join(','));
    assertSeeing(() =>
      fc.assert(
        fc.property(arbConfig(rf.RF_PARAMS, { layers }), fc.integer({ min: -1, max: 12 }), (cfg, n) => {
          const { config, problems } = rf.repairRf(cfg);
          allKorean(problems);
          for (const r of [
            rf.setRfInput(config, n),
            rf.setRfLayersText(config, 'c3,q' + n),
            rf.updateRfLayer(config, n, { k: n, p: n }),
            rf.updateRfLayer(config, 0, { kind: 'pool', p: n }),
            rf.addRfLayer(config, n),
            rf.removeRfLayer(config, n),
            rf.moveRfLayer(config, n, 1),
            rf.applyRfPreset(config, 'stack', n * 2),
            rf.selectRfCell(config, n, n * 5, 0),
          ])
            refusalKorean(r);
        }),
        RUNS,
      ),
    );
  });
});

describe('architecture', () => {
  it('repairs and refusals in Korean', () => {
    const { problems } = arch.repairArch({ ...arch.defaultArch(), f: [8], k: [5, 5, 5], p: [1] });
    expect(problems[0]).toEqual({
      key: 'k',
      message: 'k=5,5,5: 3 kernel values for 1 block (f has 1); ignoring the last 2.',
      ko: 'k=5,5,5: 블록은 1개(f의 개수)인데 커널 값이 3개이므로 마지막 2개를 무시합니다.',
    });
    expect(rejection(arch.setArchPool(arch.defaultArch(), 9)).ko).toBe(
      '풀링 크기는 1(풀링 없음)부터 4까지여야 합니다.',
    );
    expect(rejection(arch.setArchSeed(arch.defaultArch(), -1)).ko).toBe(
      '시드는 0부터 4294967295까지의 정수여야 합니다.',
    );
  });

  it('property: every repair and refusal has Korean', () => {
    assertSeeing(() =>
      fc.assert(
        fc.property(arbConfig(arch.ARCH_PARAMS), fc.integer({ min: -1, max: 70 }), (cfg, n) => {
          const { config, problems } = arch.repairArch(cfg);
          allKorean(problems);
          for (const r of [
            arch.setArchInput(config, 3, n, n),
            arch.setArchBlocks(config, n % 7),
            arch.setArchBlock(config, 0, { k: n % 13, p: n % 5 }),
            arch.setArchBlock(config, n % 6, { f: n }),
            arch.setArchPool(config, n % 6),
            arch.setArchFcCount(config, n % 5),
            arch.setArchFcWidth(config, 0, n * 100),
            arch.setArchClasses(config, n * 3),
            arch.setArchSeed(config, n - 2),
          ])
            refusalKorean(r);
        }),
        RUNS,
      ),
    );
  });
});

describe('lecture ideas', () => {
  it('repairs and refusals in Korean', () => {
    const { problems } = ideas.repairIdeas({ ...ideas.defaultIdeas(), dk: 9, dh: 6, dw: 6 });
    expect(problems.find((p) => p.key === 'dk')!.ko).toBe(
      'dk=9: 9×9 커널은 6×6 입력에 맞지 않으므로 맞는 가장 큰 값 dk=6을(를) 사용합니다.',
    );
    expect(rejection(ideas.setFilterDepth(ideas.defaultIdeas(), 2)).ko).toBe(
      '채널이 2개인 필터는 이 입력 위를 움직일 수 없습니다. 필터의 깊이는 입력과 같아야 합니다. 이 입력의 채널은 3개이므로 각 필터도 3개가 필요합니다.',
    );
    expect(rejection(ideas.setLinearLayers(ideas.defaultIdeas(), 5)).ko).toBe(
      '쌓은 레이어는 2개 또는 3개입니다.',
    );
  });

  it('property: every repair and refusal has Korean', () => {
    assertSeeing(() =>
      fc.assert(
        fc.property(arbConfig(ideas.IDEAS_PARAMS), fc.integer({ min: -1, max: 20 }), (cfg, n) => {
          const { config, problems } = ideas.repairIdeas(cfg);
          allKorean(problems);
          for (const r of [
            ideas.setDepthInput(config, n % 6, n, n),
            ideas.setDepthKernel(config, n),
            ideas.setFilterDepth(config, n % 5),
            ideas.setDepthFilter(config, n),
            ideas.setDepthPixel(config, n, 0),
            ideas.setPointPixel(config, 0, n),
            ideas.setPointCout(config, n),
            ideas.setLinearKernels(config, [n % 7, 5, 5]),
            ideas.setLinearLayers(config, n % 5),
            ideas.setLinearSize(config, n, n),
            ideas.setSeed(config, n - 2),
          ])
            refusalKorean(r);
        }),
        RUNS,
      ),
    );
  });
});

describe('normalization', () => {
  it('repairs and refusals in Korean', () => {
    const { problems } = norm.repairNorm({ ...norm.defaultNorm(), layout: 'nd', kind: 'instance' });
    expect(problems[0]!.ko).toBe(
      'layout=nd: 인스턴스 정규화는 H×W 맵에 걸쳐 정규화하는데 N×D 행렬에는 맵이 없으므로 layout=nchw를 사용합니다.',
    );
    const c6 = { ...norm.defaultNorm(), c: 6, kind: 'group' as const, g: 2 };
    expect(rejection(norm.setGroups(c6, 4)).ko).toBe(
      '채널 6개는 같은 크기의 그룹 4개로 나눌 수 없습니다. G는 1, 2, 3 또는 6 중 하나여야 합니다.',
    );
    expect(rejection(norm.setMomentum(norm.defaultNorm(), 2)).ko).toBe(
      '모멘텀은 0부터 1까지의 수여야 합니다(PyTorch의 기본값은 0.1).',
    );
  });

  it('property: every repair and refusal has Korean', () => {
    const cv = fc.oneof(
      fc.constant([] as number[]),
      fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 24 }),
    );
    assertSeeing(() =>
      fc.assert(
        fc.property(
          arbConfig(norm.NORM_PARAMS, {
            cv,
            x: fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 40 }),
          }),
          fc.integer({ min: -1, max: 12 }),
          (cfg, n) => {
            const { config, problems } = norm.repairNorm(cfg);
            allKorean(problems);
            for (const r of [
              norm.setKind(config, n % 2 ? 'group' : 'instance'),
              norm.setGroups(config, n),
              norm.setLayout(config, n % 2 ? 'nd' : 'nchw'),
              norm.setShape(config, n, n, 3, 3),
              norm.setSource(config, n % 2 ? 'custom' : 'conv'),
              norm.setOffset(config, n, 99),
              norm.setValue(config, n, 1e9),
              norm.setAffine(config, 'gamma', n, 1e9),
              norm.setEps(config, -n),
              norm.setBatch(config, n * 10),
              norm.setMomentum(config, n),
              norm.selectGroup(config, n * 3),
              norm.setGlobalStep(config, NaN),
              norm.nextBatch({ ...config, batch: n * 10 }),
            ])
              refusalKorean(r);
          },
        ),
        RUNS,
      ),
    );
  });
});
