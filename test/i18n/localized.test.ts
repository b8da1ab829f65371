import { describe, expect, it } from 'vitest';
import { bilingual, localized } from '../../src/i18n/localized';

describe('messages made outside React', () => {
  it('show their Korean text on a Korean page and their English text otherwise', () => {
    const m = bilingual('the kernel size must be 1 to 11', '커널 크기는 1부터 11까지여야 합니다');
    expect(localized(m, 'ko')).toBe('커널 크기는 1부터 11까지여야 합니다');
    expect(localized(m, 'en')).toBe('the kernel size must be 1 to 11');
  });
  it('fall back to English where no Korean text was written', () => {
    expect(localized({ message: 'unknown setting' }, 'ko')).toBe('unknown setting');
  });
});
