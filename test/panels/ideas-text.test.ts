import { describe, it, expect } from 'vitest';
import { ideas } from '../../src/i18n/ideas';
import {
  cellText,
  channelName,
  composedCellText,
  depthSourceName,
  depthSumText,
  differingLines,
  pointLiveText,
  pointRowText,
  templateSourceName,
  tolText,
} from '../../src/panels/ideas/text';

const { en, ko } = ideas;

describe('the lecture-ideas view’s worked text in English and Korean', () => {
  it('names channels: red, green and blue for an RGB image, else by number', () => {
    expect(channelName(1, 3, true, en)).toBe('green');
    expect(channelName(1, 3, true, ko)).toBe('초록 채널');
    expect(channelName(1, 3, false, en)).toBe('channel 1');
    expect(channelName(2, 4, true, ko)).toBe('채널 2');
    expect(cellText(2, 3, en)).toBe('row 2, column 3');
    expect(cellText(2, 3, ko)).toBe('2행 3열');
  });

  it('works one output of a deep filter: each channel’s part, plus the bias once', () => {
    // (−10) + (−9) + (−2) + 1 = −20
    const at = { filter: 0, row: 0, col: 0 };
    expect(depthSumText(at, [-10, -9, -2], 1, -20, false, en)).toBe(
      'Output [0, 0, 0] = (−10) (from channel 0) + (−9) (from channel 1) + (−2) (from channel 2) + 1 (bias) = −20',
    );
    expect(depthSumText(at, [-10, -9, -2], 1, -20, false, ko)).toBe(
      '출력 [0, 0, 0] = (−10) (채널 0에서) + (−9) (채널 1에서) + (−2) (채널 2에서) + 1 (편향) = −20',
    );
    // An RGB image names its channels; 0.5 + 0.25 + (−1) + 0 = −0.25.
    expect(depthSumText({ filter: 2, row: 1, col: 3 }, [0.5, 0.25, -1], 0, -0.25, true, ko)).toBe(
      '출력 [2, 1, 3] = 0.5 (빨강 채널에서) + 0.25 (초록 채널에서) + (−1) (파랑 채널에서) + 0 (편향) = −0.25',
    );
  });

  it('works a 1×1 convolution’s pixel as rows of W times x plus b', () => {
    // W = [[1, −1, 0], [0, 2, 1]], x = [2, 3, −1], b = [0, −1]: y0 = 2 − 3 + 0 + 0 = −1, y1 = 0 + 6 − 1 − 1 = 4.
    const W = [1, -1, 0, 0, 2, 1];
    const x = [2, 3, -1];
    expect(pointRowText([1, -1, 0], x, 0)).toBe('1·2 + (−1)·3 + 0·(−1) + 0');
    expect(pointLiveText(4, 0, W, x, [0, -1], [-1, 4], en)).toBe(
      'Pixel (4, 0): y0 = 1·2 + (−1)·3 + 0·(−1) + 0 = −1; y1 = 0·2 + 2·3 + 1·(−1) + (−1) = 4',
    );
    expect(pointLiveText(4, 0, W, x, [0, -1], [-1, 4], ko)).toBe(
      '픽셀 (4, 0): y0 = 1·2 + (−1)·3 + 0·(−1) + 0 = −1; y1 = 0·2 + 2·3 + 1·(−1) + (−1) = 4',
    );
  });

  it('writes the make-up of a composed kernel’s cell, the same in both languages', () => {
    const terms = [
      { a: [0, 1] as [number, number], b: [1, 1] as [number, number], av: 1, bv: -1 },
      { a: [1, 1] as [number, number], b: [0, 1] as [number, number], av: 2, bv: 3 },
    ];
    expect(composedCellText(1, 2, 'K₁', 'K₂', terms, 5)).toBe('K[1, 2] = Σ K₁[i, j]·K₂[1 − i, 2 − j] = 1·(−1) + 2·3 = 5');
  });

  it('lists the cells where the stack and the single kernel differ', () => {
    // A 2×2 output; cells 1 and 3 differ.
    const stack = [4, 0, 1, 2];
    const direct = [4, -3, 1, 7];
    const diff = [0, 3, 0, 5];
    expect(differingLines([1, 3], 2, stack, direct, diff, en)).toEqual(['(0, 1): stack 0 vs one kernel −3, off by 3', '(1, 1): stack 2 vs one kernel 7, off by 5']);
    expect(differingLines([1, 3], 2, stack, direct, diff, ko)).toEqual([
      '(0, 1): 쌓은 합성곱 0, 커널 하나 −3, 차이 3',
      '(1, 1): 쌓은 합성곱 2, 커널 하나 7, 차이 5',
    ]);
    expect(differingLines([1, 3], 2, stack, direct, diff, en, 1)).toHaveLength(1);
  });

  it('names the sources and writes tolerances with a true minus sign', () => {
    expect(depthSourceName('scene', en)).toBe('Landscape (RGB image)');
    expect(depthSourceName('seeded', ko)).toBe('시드로 만든 정수');
    expect(templateSourceName('digit', ko)).toBe('손글씨 7 (이미지)');
    expect(tolText(1e-4)).toBe('1e−4');
    expect(en.tolRule(tolText(1e-4))).toBe('|convolution − linear| ≤ 1e−4 · max(1, |score|)');
    expect(ko.tolRule(tolText(1e-4))).toBe('|합성곱 − 선형| ≤ 1e−4 · max(1, |점수|)');
  });

  it('says why a filter of another depth is refused, in both languages', () => {
    expect(en.fdMismatch('2', '3')).toBe(
      'A 2-channel filter cannot slide over this input: a filter is as deep as its input: this input has 3 channels, so each filter needs 3.',
    );
    expect(en.fdMismatch('2', '1')).toContain('this input has 1 channel, so each filter needs 1');
    expect(ko.fdMismatch('2', '3')).toBe(
      '채널이 2개인 필터는 이 입력 위를 훑을 수 없습니다. 필터의 깊이는 입력의 깊이와 같아야 합니다: 이 입력은 채널이 3개이므로 모든 필터의 채널도 3개여야 합니다.',
    );
  });
});
