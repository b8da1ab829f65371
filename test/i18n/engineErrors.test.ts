import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EngineError, expecting, type EngineErrorCode } from '../../src/engine/errors';
import { tensor } from '../../src/engine/tensor';
import { conv2d } from '../../src/engine/conv';
import { maxPool2d } from '../../src/engine/pool';
import { batchNorm, groupNorm } from '../../src/engine/norm';
import { createRng, randomTensor } from '../../src/engine/random';
import { presetKernel2d } from '../../src/engine/presets';
import { influenceRegion } from '../../src/engine/receptive';
import { checkConv2d, checkPool2d, conv2dShape, type Problem, type ProblemCode } from '../../src/engine/shapes';
import { engineErrorText, engineErrors, errorText, expectationText, fieldKey, problemText } from '../../src/i18n/engineErrors';
import { problemKo } from '../../src/state/views/ko';

const HANGUL = /[\uac00-\ud7a3]/;

/** The error `fn` throws (failing the test when it throws none or another kind). */
function thrown(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an EngineError');
}

/**
 * Runs of three or more Latin letters in a Korean message, once the engine's own field name (kept in
 * parentheses after its Korean name, as in "패딩(padding)") and the few symbols that stay are removed.
 */
function englishRuns(text: string, field: string): string[] {
  const rest = text.split(`(${field})`).join('').split(field).join('').replace(/"[^"]*"/g, '').replace(/\b(true|false|NaN|Infinity|PyTorch|ceil_mode|groups|same)\b/g, '');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

const CODES: Record<EngineErrorCode, Record<string, string | number>> = {
  whole: { min: 1 },
  wholeRange: { min: 0, max: 9 },
  finite: {},
  positive: {},
  unitInterval: {},
  nonNegative: {},
  boolean: {},
  divisor: { count: 6, of: 'input' },
  channelsPerGroup: { expected: 3, cin: 6, groups: 2 },
  windowFits: { extent: 5, padded: 4 },
  poolPadding: { maxH: 1, maxW: 1 },
  valueCount: { count: 12 },
  length: { expected: '4/2' },
  rank: { ranks: 4 },
  preset: { preset: 'sobelx', kh: 5, kw: 5 },
  invalid: {},
};

describe('every engine error code has a text in both languages', () => {
  for (const [code, params] of Object.entries(CODES) as [EngineErrorCode, Record<string, string | number>][]) {
    it(`${code}: Korean with Hangul, English without, both with the numbers`, () => {
      const ko = expectationText(code, params, engineErrors.ko);
      const en = expectationText(code, params, engineErrors.en);
      expect(ko).toMatch(HANGUL);
      expect(en).not.toMatch(HANGUL);
      for (const out of [ko, en]) expect(out).not.toMatch(/undefined|\[object/);
      for (const v of Object.values(params)) {
        if (typeof v === 'number') {
          expect(ko).toContain(String(v));
          expect(en).toContain(String(v));
        }
      }
    });
  }
});

describe('EngineError keeps its English message and carries a stable code', () => {
  it('an expectation with a code gives the same English sentence as a plain one', () => {
    const plain = new EngineError('stride', 0, 'a whole number ≥ 1');
    const coded = new EngineError('stride', 0, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
    expect(coded.message).toBe('stride = 0 is not valid: expected a whole number ≥ 1.');
    expect(coded.message).toBe(plain.message);
    expect(coded.expected).toBe('a whole number ≥ 1');
    expect([plain.code, coded.code]).toEqual(['invalid', 'whole']);
    expect(coded.params).toEqual({ min: 1 });
  });

  it('a detail still follows the expectation in brackets', () => {
    const e = thrown(() => presetKernel2d('sobelx', 5, 5));
    expect(e.message).toBe('preset = "sobelx" is not valid: expected a preset that supports a 5×5 kernel (sobelx is defined for a 3×3 kernel).');
    expect(e.code).toBe('preset');
  });
});

const x = tensor([1, 2, 4, 4]);
const w = tensor([2, 2, 3, 3]);

/** Each kind of refused input, provoked through the engine's public functions, with its Korean text. */
const REFUSED: { name: string; fn: () => unknown; code: EngineErrorCode; ko: string }[] = [
  {
    name: 'a zero stride',
    fn: () => conv2d(x, w, null, { stride: 0 }),
    code: 'whole',
    ko: '스트라이드(stride) = 0은(는) 사용할 수 없습니다. 1 이상의 정수여야 합니다.',
  },
  {
    name: 'a negative padding',
    fn: () => conv2d(x, w, null, { padding: -1 }),
    code: 'whole',
    ko: '패딩(padding) = -1은(는) 사용할 수 없습니다. 0 이상의 정수여야 합니다.',
  },
  {
    name: 'groups that do not divide the input channels',
    fn: () => conv2d(x, tensor([3, 1, 3, 3]), null, { groups: 3 }),
    code: 'divisor',
    ko: '그룹 수(groups) = 3은(는) 사용할 수 없습니다. 입력 채널 수 2의 약수여야 합니다.',
  },
  {
    name: 'a weight with the wrong input channels per group',
    fn: () => conv2d(x, tensor([2, 1, 3, 3])),
    code: 'channelsPerGroup',
    ko: '가중치(weight.shape[1]) = 1은(는) 사용할 수 없습니다. 그룹마다 입력 채널이 2개여야 합니다(입력 채널 2 ÷ 그룹 1).',
  },
  {
    name: 'a kernel larger than the padded input',
    fn: () => conv2d(x, tensor([1, 2, 5, 5])),
    code: 'windowFits',
    ko: '가중치(weight.shape[2]) = 5은(는) 사용할 수 없습니다. 윈도우(팽창을 반영한 크기 5)는 패딩을 더한 입력(4) 안에 들어가야 합니다.',
  },
  {
    name: 'a non-finite input value',
    fn: () => conv2d(tensor([1, 2, 4, 4], new Float32Array(32).fill(Infinity)), w),
    code: 'finite',
    ko: '입력(input[0]) = Infinity은(는) 사용할 수 없습니다. 유한한 수여야 합니다(무한대나 NaN은 쓸 수 없습니다).',
  },
  {
    name: 'a bias of the wrong length',
    fn: () => conv2d(x, w, [1, 2, 3]),
    code: 'length',
    ko: '편향(bias.length) = 3은(는) 사용할 수 없습니다. 길이(원소 수)가 2개여야 합니다.',
  },
  {
    name: 'an input of the wrong rank',
    fn: () => maxPool2d({ shape: [4, 4], data: new Float32Array(16) }, { kernel: 2 }),
    code: 'rank',
    ko: '입력(input.shape) = [4, 4]은(는) 사용할 수 없습니다. 4차원 모양이어야 합니다.',
  },
  {
    name: 'pooling padding of more than half the window',
    fn: () => maxPool2d(x, { kernel: 2, padding: 2 }),
    code: 'poolPadding',
    ko: '패딩(padding) = 2은(는) 사용할 수 없습니다. 패딩은 커널 크기의 절반 이하여야 합니다(위아래 ≤ 1, 좌우 ≤ 1).',
  },
  {
    name: 'a data array of the wrong size',
    fn: () => tensor([2, 3], [1, 2, 3]),
    code: 'valueCount',
    ko: '데이터(data.length) = 3은(는) 사용할 수 없습니다. 값이 6개여야 합니다.',
  },
  {
    name: 'ε of zero',
    fn: () => batchNorm(x, { eps: 0 }),
    code: 'positive',
    ko: 'ε(eps) = 0은(는) 사용할 수 없습니다. 0보다 큰 유한한 수여야 합니다.',
  },
  {
    name: 'a momentum above 1',
    fn: () => batchNorm(x, { momentum: 2 }),
    code: 'unitInterval',
    ko: '모멘텀(momentum) = 2은(는) 사용할 수 없습니다. 0과 1 사이의 수여야 합니다.',
  },
  {
    name: 'a negative running variance',
    fn: () => batchNorm(x, { training: false, runningMean: [0, 0], runningVar: [1, -1] }),
    code: 'nonNegative',
    ko: '이동 분산(runningVar[1]) = -1은(는) 사용할 수 없습니다. 0 이상의 수여야 합니다.',
  },
  {
    name: 'training given as text',
    fn: () => batchNorm(x, { training: 'yes' as unknown as boolean }),
    code: 'boolean',
    ko: '학습 여부(training) = "yes"은(는) 사용할 수 없습니다. 참(true) 또는 거짓(false)이어야 합니다.',
  },
  {
    name: 'groups that do not divide the channels of group norm',
    fn: () => groupNorm(tensor([1, 3, 2, 2]), { groups: 2 }),
    code: 'divisor',
    ko: '그룹 수(groups) = 2은(는) 사용할 수 없습니다. 채널 수 3의 약수(1 이상의 정수)여야 합니다.',
  },
  {
    name: 'a seed out of range',
    fn: () => createRng(-1),
    code: 'wholeRange',
    ko: '시드(seed) = -1은(는) 사용할 수 없습니다. 0부터 4294967295까지의 정수여야 합니다.',
  },
  {
    name: 'a row outside the layer',
    fn: () => influenceRegion([{ kernel: 3 }], 5, 0, 9, 0),
    code: 'wholeRange',
    ko: '행(row) = 9은(는) 사용할 수 없습니다. 0부터 2까지의 정수여야 합니다.',
  },
  {
    name: 'a preset that does not fit the kernel',
    fn: () => presetKernel2d('laplace', 2, 2),
    code: 'preset',
    ko: '프리셋(preset) = "laplace"은(는) 사용할 수 없습니다. 2×2 커널을 지원하는 프리셋이어야 합니다.',
  },
];

describe('each kind of refused input is told in Korean from the error’s fields', () => {
  for (const r of REFUSED) {
    it(r.name, () => {
      const e = thrown(r.fn);
      expect(e.code).toBe(r.code);
      const ko = engineErrorText(e, 'ko');
      expect(ko).toBe(r.ko);
      expect(englishRuns(ko, e.field)).toEqual([]);
      // English says the same thing, with the same field and value as the engine's message.
      const en = engineErrorText(e, 'en');
      expect(en.startsWith(`${e.field} = `)).toBe(true);
      expect(e.message.startsWith(en.slice(0, en.indexOf(' is not valid')))).toBe(true);
      expect(errorText(e, 'ko')).toBe(ko);
    });
  }

  it('an unclassified error still reads in Korean, naming the field and the value', () => {
    const e = thrown(() => randomTensor(createRng(1), [2], 'fast' as never));
    expect(e.code).toBe('invalid');
    const ko = engineErrorText(e, 'ko');
    expect(ko).toBe('dist = "fast"은(는) 사용할 수 없습니다. 허용되는 다른 값을 사용하세요.');
    expect(englishRuns(ko, e.field)).toEqual([]);
    expect(engineErrorText(e, 'en')).toBe(e.message);
  });

  it('another kind of error keeps its own message', () => {
    expect(errorText(new Error('boom'), 'ko')).toBe('boom');
  });

  it('property: a shape check refused for any bad stride says so in Korean with the value', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -50, max: 0 }), fc.double({ min: 0.01, max: 9.99, noInteger: true, noNaN: true })),
        (stride) => {
          const e = thrown(() => conv2dShape([1, 1, 8, 8], [1, 1, 3, 3], { stride }));
          const ko = engineErrorText(e, 'ko');
          expect(ko).toMatch(HANGUL);
          expect(ko).toContain(`= ${stride}은(는)`);
          expect(englishRuns(ko, e.field)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('field names', () => {
  it('name the most specific part of a path', () => {
    expect(fieldKey('weight.shape[1]')).toBe('fieldWeight');
    expect(fieldKey('layers[2].kernel')).toBe('fieldKernel');
    expect(fieldKey('input.data.length')).toBe('fieldInput');
    expect(fieldKey('data.length')).toBe('fieldData');
    expect(fieldKey('dist')).toBeNull();
  });
});

const PROBLEM_CODES: ProblemCode[] = [
  'notConfig', 'input', 'count', 'pairShape', 'pairRange', 'paddingShape', 'paddingNegative', 'paddingWhole',
  'sameStride', 'groupsWhole', 'groupsDivide', 'ceilMode', 'poolPadding', 'window',
];

/** Configurations with every kind of problem the engine's checks find. */
const BAD_CONFIGS: (() => Problem[])[] = [
  () => checkConv2d(null as never),
  () => checkConv2d({ inChannels: 0, height: 0, width: 5, outChannels: 2, kernel: [1, 2, 3] as never, padding: -1 }),
  () => checkConv2d({ inChannels: 4, height: 5, width: 5, outChannels: 6, kernel: 3, stride: 0, padding: 1.5, groups: 4 }),
  () => checkConv2d({ inChannels: 1, height: 5, width: 5, outChannels: 1, kernel: 3, stride: 2, padding: 'same' }),
  () => checkConv2d({ inChannels: 1, height: 5, width: 5, outChannels: 1, kernel: 3, padding: [1, 2, 3] as never, groups: 0 }),
  () => checkConv2d({ inChannels: 1, height: 4, width: 9, outChannels: 1, kernel: [6, 3] }),
  () => checkPool2d({ channels: 1, height: 4, width: 4, kernel: 2, padding: 2, ceilMode: 'yes' as never }),
  () => checkPool2d({ channels: 1, height: 4, width: 4, kernel: 9 }),
];

describe('the configuration checks’ problems are told in Korean from their codes', () => {
  const problems = BAD_CONFIGS.flatMap((f) => f());

  it('the table meets every problem code', () => {
    expect([...new Set(problems.map((p) => p.code))].sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('every problem has a code and a Korean sentence without English words', () => {
    for (const p of problems) {
      expect(p.code, p.message).toBeDefined();
      const ko = problemKo(p);
      expect(ko, p.message).toMatch(HANGUL);
      expect(englishRuns(ko, p.field), ko).toEqual([]);
      expect(ko).not.toMatch(/undefined|NaN/);
    }
  });

  it('a kernel taller than the padded input gives its numbers', () => {
    const p = checkConv2d({ inChannels: 1, height: 4, width: 9, outChannels: 1, kernel: [6, 3] })[0]!;
    expect(problemText(p, 'ko')).toBe('6×3 커널(걸치는 크기 6×3)이 패딩을 더한 4×9 입력 안에 들어가지 않습니다. 커널의 높이를 4행 이하로 하세요.');
  });

  it('a pooling padding of more than half the window gives its numbers', () => {
    const p = checkPool2d({ channels: 1, height: 4, width: 4, kernel: 2, padding: 2 }).find((q) => q.field === 'padding')!;
    expect(problemKo(p)).toBe('패딩 2은(는) 2×2 풀링 윈도우의 절반보다 큽니다. PyTorch는 최대 1까지 허용합니다.');
  });

  it('a problem without a code is told by its field and value', () => {
    expect(problemKo({ field: 'stride', value: 7, message: 'Stride 7 is too large.' })).toBe(
      '스트라이드(stride) = 7은(는) 이 설정에서 불가능합니다.',
    );
  });
});
