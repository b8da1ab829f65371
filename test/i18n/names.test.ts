import { describe, it, expect } from 'vitest';
import enConv from '../../src/i18n/en/conv';
import enPool from '../../src/i18n/en/pool';
import koConv from '../../src/i18n/ko/conv';
import koPool from '../../src/i18n/ko/pool';

const FILTERS = ['presetIdentity', 'presetBox', 'presetGauss', 'presetSharpen', 'presetSobelx', 'presetSobely', 'presetLaplace'] as const;
const IMAGES = ['srcChecker', 'srcDigit', 'srcGradient', 'srcScene'] as const;

describe('names shared by the convolution and pooling views', () => {
  it('a filter preset and a sample image have one name in both views, in each language', () => {
    for (const key of [...FILTERS, ...IMAGES]) {
      expect(enPool[key], key).toBe(enConv[key]);
      expect(koPool[key], key).toBe(koConv[key]);
    }
    // Hand-checked: the Korean names the two views once spelled differently.
    expect([koConv.presetSharpen, koPool.presetSobelx]).toEqual(['샤프닝', '소벨 x (세로 경계)']);
  });
});
