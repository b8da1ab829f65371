import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkParam,
  checkParamBilingual,
  describeMisfit,
  expectation,
  parseHash,
  sanitizeConv,
  topicKo,
} from '../../src/state/codec';
import { CONV_PARAMS, SHARED_PARAMS, defaultConv } from '../../src/state/params';
import { createAppStore } from '../../src/state/store';
import { localized } from '../../src/i18n/localized';

const HANGUL = /[\uAC00-\uD7A3]/;
const spec = (key: string) => CONV_PARAMS.find((s) => s.key === key)!;

function only(hash: string) {
  const { problems } = parseHash(hash);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('URL problems in Korean', () => {
  it('k=99: the kernel size, in both languages', () => {
    const p = only('#/conv?k=99');
    expect(p.message).toBe(
      'k=99: the kernel size must be a whole number from 1 to 11, or two of them as height x width such as 3x5; using 3.',
    );
    expect(p.ko).toBe(
      'k=99: 커널 크기는 1에서 11 사이의 정수 하나, 또는 높이x너비로 쓴 두 정수(예: 3x5)여야 합니다. 기본값(3)을 사용합니다.',
    );
    expect(localized(p, 'ko')).toBe(p.ko);
    expect(localized(p, 'en')).toBe(p.message);
  });

  it('an unknown key', () => {
    expect(only('#/conv?foo=1')).toEqual({
      key: 'foo',
      message: "unknown setting 'foo' ignored.",
      ko: "'foo': 알 수 없는 설정이므로 무시합니다.",
    });
  });

  it('a key of another view names both views in Korean', () => {
    expect(only('#/pool?fp=box').ko).toBe(
      "'fp' 키는 합성곱 뷰의 설정이며 풀링 뷰의 설정이 아닙니다. 무시합니다.",
    );
  });

  it('a kernel too large for the padded input', () => {
    const p = only('#/conv?in=1x4x4&k=7&p=0');
    expect(p.key).toBe('k');
    expect(p.ko).toBe(
      'k=7: 팽창(dilation)이 1일 때 크기 7인 커널은 7행에 걸치지만, 패딩한 입력은 4행(4 + 패딩 0 + 0)뿐이라 ' +
        '출력이 없습니다. 대신 k=3 값을 사용합니다.',
    );
  });

  it('a repeated key', () => {
    expect(only('#/conv?k=3&k=5')).toEqual({
      key: 'k',
      message: "'k' was given 2 times; using the last one, k=5.",
      ko: "'k' 키가 2번 주어졌습니다. 마지막 값(k=5)을 사용합니다.",
    });
  });

  it('a bad language', () => {
    expect(only('#/conv?lang=xx').ko).toBe(
      'lang=xx: 언어는 en, ko 중 하나여야 합니다. 기본값(en)을 사용합니다.',
    );
  });

  it('an unknown route, an uploaded image, a step too far, edits outside the weights', () => {
    expect(only('#/zz').ko).toBe(
      "'#/zz': ConvScope에 없는 뷰입니다(뷰: #/conv, #/pool, #/rf, #/arch, #/norm, #/ideas). 합성곱 뷰를 보여 줍니다.",
    );
    expect(only('#/conv?src=upload').ko).toMatch(/^src=upload: 이 링크는 업로드한 이미지로 만들어졌는데/);
    expect(only('#/conv?step=999').ko).toBe(
      'step=999: 이 구성의 단계는 18개(0부터 17까지)입니다. 0을 사용합니다.',
    );
    expect(only('#/conv?w=999:1').ko).toBe(
      'w=999:1: 3x3x3 필터 2개의 가중치는 54개(인덱스 0부터 53까지)이므로 999 위치의 편집은 무시합니다.',
    );
  });

  it('more than MAX_PROBLEMS problems are summed up in Korean too', () => {
    const hash = '#/conv?' + Array.from({ length: 30 }, (_, i) => `x${i}=1`).join('&');
    const last = parseHash(hash).problems.at(-1)!;
    expect(last).toEqual({
      key: '*',
      message: 'and 11 more problems with this link.',
      ko: '그 밖에 이 링크에 문제가 11개 더 있습니다.',
    });
  });
});

describe('plain-string builders keep their English and have a Korean twin', () => {
  it('expectation / checkParam / describeMisfit', () => {
    expect(expectation(spec('f'))).toBe('the number of filters must be a whole number from 1 to 8');
    expect(expectation(spec('f'), 'ko')).toBe('필터 개수는 1에서 8 사이의 정수여야 합니다');
    expect(checkParam(spec('s'), [0, 1], 'ko')).toBe(
      '스트라이드는 1에서 8 사이의 정수 하나, 또는 높이x너비로 쓴 두 정수(예: 2x4)여야 합니다.',
    );
    expect(checkParamBilingual(spec('s'), [2, 2])).toBeNull();
    expect(
      checkParamBilingual(
        SHARED_PARAMS.find((s) => s.key === 'present')!,
        2,
      ),
    ).toEqual({
      message: 'Presentation mode must be a whole number from 0 to 1.',
      ko: '발표 모드는 0에서 1 사이의 정수여야 합니다.',
    });
    const tooBig = {
      ...defaultConv(),
      h: 2,
      w: 2,
      k: [5, 5] as [number, number],
      p: [0, 0, 0, 0] as [number, number, number, number],
    };
    expect(describeMisfit(tooBig)).toMatch(/^With dilation 1 a kernel of 5 spans 5 rows/);
    expect(describeMisfit(tooBig, 'ko')).toBe(
      '팽창(dilation)이 1일 때 크기 5인 커널은 5행에 걸치지만, 패딩한 입력은 2행(2 + 패딩 0 + 0)뿐이라 출력이 없습니다.',
    );
  });

  it('topicKo picks 은/는 from the last syllable', () => {
    expect(topicKo('커널 크기')).toBe('커널 크기는');
    expect(topicKo('패딩')).toBe('패딩은');
    expect(topicKo('팽창(dilation)')).toBe('팽창(dilation)은');
    expect(topicKo('필터 3')).toBe('필터 3은');
    expect(topicKo('필터 2')).toBe('필터 2는');
  });

  it('sanitizeConv problems are bilingual', () => {
    const { problems } = sanitizeConv({ f: 0 });
    expect(problems).toEqual([
      {
        key: 'f',
        message: 'The number of filters must be a whole number from 1 to 8. Using 2.',
        ko: '필터 개수는 1에서 8 사이의 정수여야 합니다. 기본값(2)을 사용합니다.',
      },
    ]);
  });
});

describe('refused settings in Korean', () => {
  it('the conv slice and the generic reject carry ko', () => {
    const store = createAppStore();
    store.getState().setFilters(0);
    expect(store.getState().rejection).toEqual({
      field: 'f',
      message: 'The number of filters must be a whole number from 1 to 8.',
      ko: '필터 개수는 1에서 8 사이의 정수여야 합니다.',
    });
    store.getState().setBias(5, 1);
    expect(store.getState().rejection?.ko).toBe('필터는 2개입니다. 필터 5는 없습니다.');
    store.getState().reject('size', 'Too big.', '너무 큽니다.');
    expect(store.getState().rejection).toEqual({ field: 'size', message: 'Too big.', ko: '너무 큽니다.' });
    store.getState().reject('size', 'Too big.');
    expect(store.getState().rejection).toEqual({ field: 'size', message: 'Too big.' });
  });
});

describe('property: every problem on the conv route has Korean', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'k',
      'in',
      'p',
      's',
      'd',
      'f',
      'fp',
      'w',
      'b',
      'src',
      'step',
      'speed',
      'lang',
      'v',
      'deck',
      'ls',
      'size',
      'zz',
    ),
  );
  const hashes = fc.oneof(
    fc.string(),
    fc
      .array(
        fc.tuple(
          piece,
          fc.oneof(fc.string(), fc.constantFrom('0', '99', '3x5', '1,2,3', 'upload', 'box,zz', '9:1')),
        ),
      )
      .map((pairs) => '#/conv?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  );
  it('parseHash gives every problem a ko with Hangul', () => {
    fc.assert(
      fc.property(hashes, (hash) => {
        const { route, problems } = parseHash(hash);
        if (route !== 'conv') return;
        for (const p of problems) expect(p.ko ?? '', p.message).toMatch(HANGUL);
      }),
      { numRuns: 400 },
    );
  });
});
