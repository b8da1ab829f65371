import { describe, it, expect } from 'vitest';
import { conv } from '../../src/i18n/conv';
import { buildConvModel } from '../../src/panels/conv/model';
import { highlightsFor } from '../../src/panels/conv/focus';
import { axisFormula } from '../../src/panels/conv/formula';
import { stepSpeech } from '../../src/panels/conv/speech';
import { presetLabel, presetProblemText } from '../../src/panels/conv/presets';
import { ImageError, imageErrorText, imageMessage } from '../../src/io/image';
import { image } from '../../src/i18n/image';
import { convAxis } from '../../src/engine/shapes';
import type { ConvStep } from '../../src/engine/trace';
import { defaultConv } from '../../src/state/params';

const { en, ko } = conv;

/** A step written by hand: output [1, 0, 2] from three channels' partial sums 4, −2 and 1, and bias 1. */
const STEP = { oc: 1, oh: 0, ow: 2, channelSums: [4, -2, 1], bias: 1, result: 4 } as unknown as ConvStep;

describe('the spoken step (aria-live) in both languages', () => {
  it('says the output cell and its worked sum with true minus signs in English', () => {
    expect(stepSpeech(STEP, en)).toBe('Output filter 1, row 0, column 2 = 4 + (−2) + 1 + bias 1 = 4');
  });
  it('says the same numbers in Korean', () => {
    expect(stepSpeech(STEP, ko)).toBe('출력 필터 1, 0행 2열 = 4 + (−2) + 1 + 편향 1 = 4');
  });
  it('writes a negative bias and a decimal result the same way in both', () => {
    const step = { oc: 0, oh: 3, ow: 1, channelSums: [0.25], bias: -0.5, result: -0.25 } as unknown as ConvStep;
    expect(stepSpeech(step, en)).toBe('Output filter 0, row 3, column 1 = 0.25 + bias (−0.5) = −0.25');
    expect(stepSpeech(step, ko)).toBe('출력 필터 0, 3행 1열 = 0.25 + 편향 (−0.5) = −0.25');
  });
  it('on the lecture example, step 0 is the page’s hand-computed 4 + (−2) + 1 + bias 1 = 4', () => {
    const cfg = defaultConv();
    const m = buildConvModel(cfg);
    const h = highlightsFor(m, { stride: cfg.s, padding: cfg.p, dilation: cfg.d }, 0, null, ko);
    expect(stepSpeech(h.step, ko)).toBe('출력 필터 0, 0행 0열 = 4 + (−2) + 1 + 편향 1 = 4');
  });
});

describe('the focus headlines in Korean', () => {
  const cfg = defaultConv();
  const m = buildConvModel(cfg);
  const opts = { stride: cfg.s, padding: cfg.p, dilation: cfg.d };
  it('names the step’s filter and output cell', () => {
    expect(highlightsFor(m, opts, 4, null, ko).headline).toBe('필터 0, 출력 1행 1열');
  });
  it('counts the output cells an input cell feeds (2 for the corner at stride 2, pad 1)', () => {
    expect(highlightsFor(m, opts, 0, { kind: 'input', c: 0, ih: 0, iw: 0 }, ko).headline).toBe('입력 채널 0, 0행 0열은 출력 칸 2개의 계산에 쓰입니다');
  });
  it('counts the input cells a weight multiplies (9, one per output cell)', () => {
    expect(highlightsFor(m, opts, 0, { kind: 'weight', oc: 0, c: 2, kh: 0, kw: 0 }, ko).headline).toBe(
      '가중치 [0, 2, 0, 0]는 입력 칸 9개와 곱해집니다 (필터 0의 출력 칸마다 하나씩)',
    );
    expect(highlightsFor(m, opts, 0, { kind: 'weight', oc: 0, c: 2, kh: 0, kw: 0 }, en).headline).toBe(
      'Weight [0, 2, 0, 0] multiplies 9 input cells, one per output cell of filter 0',
    );
  });
  it('uses the singular in English for one cell', () => {
    // 3×3 input, 3×3 kernel, no padding: one output cell, fed once by each input cell
    const one = { ...defaultConv(), h: 3, w: 3, p: [0, 0, 0, 0] as [number, number, number, number], s: [1, 1] as [number, number] };
    const m1 = buildConvModel(one);
    const o = { stride: one.s, padding: one.p, dilation: one.d };
    expect(highlightsFor(m1, o, 0, { kind: 'input', c: 1, ih: 2, iw: 2 }, en).headline).toBe('Input channel 1, row 2, column 2 feeds 2 output cells');
    expect(highlightsFor(m1, o, 0, { kind: 'weight', oc: 1, c: 0, kh: 1, kw: 1 }, en).headline).toBe(
      'Weight [1, 0, 1, 1] multiplies 1 input cell, one per output cell of filter 1',
    );
  });
});

describe('the formula notes in both languages; the formula itself is the same', () => {
  it('says which input rows the floor drops: 6 rows, kernel 3, stride 2 leave the last row unused', () => {
    const e = axisFormula(convAxis(6, 3, 2, 0, 0, 1), 'H', en);
    const k = axisFormula(convAxis(6, 3, 2, 0, 0, 1), 'H', ko);
    expect(k.worked).toBe(e.worked);
    expect(k.symbolic).toBe(e.symbolic);
    expect(k.note).toBe('3/2은(는) 정수가 아니므로 내림(floor)이 마지막 입력 1행을 버립니다. 어떤 윈도우도 그 행에 닿지 않습니다.');
  });
  it('says columns on the W axis: 7 columns, kernel 2, stride 3 drop the last 2 columns', () => {
    // (7 − 2)/3 = 5/3 → 1 + 1 = 2 windows covering columns 0–1 and 3–4; columns 5 and 6 are unused
    expect(axisFormula(convAxis(7, 2, 3, 0, 0, 1), 'W', en).note).toBe(
      '5/3 is not a whole number: the floor drops the last 2 input columns, which no window reaches.',
    );
    expect(axisFormula(convAxis(7, 2, 3, 0, 0, 1), 'W', ko).note).toBe(
      '5/3은(는) 정수가 아니므로 내림(floor)이 마지막 입력 2열을 버립니다. 어떤 윈도우도 그 열에 닿지 않습니다.',
    );
  });
  it('says when only padding is dropped: 4 rows, pad 1 each side, kernel 3, stride 2', () => {
    // padded 6, (6 − 3)/2 = 3/2 → 2 windows on padded rows 0–2 and 2–4: the bottom padding row is dropped
    expect(axisFormula(convAxis(4, 3, 2, 1, 1, 1), 'H', en).note).toBe('3/2 is not a whole number: the floor drops 1 padding cell at the end.');
    expect(axisFormula(convAxis(4, 3, 2, 1, 1, 1), 'H', ko).note).toBe('3/2은(는) 정수가 아니므로 내림(floor)이 끝의 패딩 1칸을 버립니다.');
  });
});

describe('preset names and problems', () => {
  it('names presets in both languages', () => {
    expect(presetLabel('sobelx', en)).toBe('Sobel x (vertical edges)');
    expect(presetLabel('sobelx', ko)).toBe('소벨 x (세로 경계)');
    expect(presetLabel('gauss', ko)).toBe('가우시안 블러');
  });
  it('explains a preset that does not fit the kernel, and nothing when it fits', () => {
    expect(presetProblemText('laplace', 5, 5, en)).toBe('is defined for a 3×3 kernel');
    expect(presetProblemText('laplace', 5, 5, ko)).toBe('3×3 커널에만 정의되어 있습니다');
    expect(presetProblemText('sharpen', 4, 4, ko)).toBe('홀수 크기 커널(가운데 칸)이 필요합니다');
    expect(presetProblemText('sharpen', 5, 5, ko)).toBeNull();
    expect(presetProblemText('laplace', 3, 3, en)).toBeNull();
    expect(presetProblemText('random', 2, 7, en)).toBeNull();
    expect(presetProblemText('box', 2, 7, en)).toBeNull();
  });
  it('a fallback sentence reads naturally in both languages', () => {
    expect(en.presetFallback('0', presetLabel('laplace', en), presetProblemText('laplace', 5, 5, en)!)).toBe(
      'Filter 0: Laplacian is defined for a 3×3 kernel; using random weights.',
    );
    expect(ko.presetFallback('0', presetLabel('laplace', ko), presetProblemText('laplace', 5, 5, ko)!)).toBe(
      '필터 0: 라플라시안은(는) 3×3 커널에만 정의되어 있습니다. 무작위 가중치를 사용합니다.',
    );
  });
});

describe('messages about image files', () => {
  it('a damaged file is named and explained in either language; the error itself reads in English', () => {
    const err = new ImageError({ kind: 'unreadable', subject: { shown: '“broken.png”' } });
    expect(err.message).toBe(
      '“broken.png” could not be read as an image: it may be damaged or in a format this browser cannot decode. Try a PNG or JPEG.',
    );
    expect(imageErrorText(err, image.ko)).toBe(
      '“broken.png”을(를) 이미지로 읽지 못했습니다. 파일이 손상되었거나 이 브라우저가 해독할 수 없는 형식일 수 있습니다. PNG나 JPEG를 사용해 보세요.',
    );
  });
  it('a file that is not an image says its type', () => {
    expect(imageMessage({ kind: 'notImage', subject: null, type: 'text/plain' }, image.en)).toBe(
      'The file is not an image (text/plain). Use a PNG, JPEG, GIF, WebP or BMP file.',
    );
    expect(imageMessage({ kind: 'notImage', subject: null, type: 'text/plain' }, image.ko)).toBe(
      '파일은(는) 이미지가 아닙니다 (text/plain). PNG, JPEG, GIF, WebP, BMP 파일을 사용하세요.',
    );
  });
  it('a file that is too large says its size; a missing sample says its name and status', () => {
    expect(imageMessage({ kind: 'tooLarge', subject: { shown: '“big.jpg”' }, mb: '31.5' }, image.ko)).toBe(
      '“big.jpg”의 크기는 31.5 MB입니다. 20 MB까지의 이미지만 사용할 수 있습니다.',
    );
    expect(imageMessage({ kind: 'unreadable', subject: { sample: 'digit' } }, image.en)).toContain('The sample “digit” could not be read');
    expect(imageMessage({ kind: 'sampleMissing', sample: 'scene', status: 404 }, image.en)).toBe('The sample image “scene” could not be loaded (404).');
    expect(imageMessage({ kind: 'sampleMissing', sample: 'scene', status: 404 }, image.ko)).toBe('예제 이미지 “scene”을(를) 불러오지 못했습니다 (404).');
  });
  it('other errors keep their own message', () => {
    expect(imageErrorText(new Error('boom'), image.ko)).toBe('boom');
  });
});
