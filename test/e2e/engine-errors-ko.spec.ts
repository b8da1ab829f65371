import { test, expect } from './fixtures';
import { englishRuns, numbers } from './english-runs';

// An engine refusal met through the UI: the pooling view asks the engine (checkPool2d) whether a
// padding is possible; PyTorch allows at most half the window, so 2 on a 2×2 window is refused.
const LECTURE = '#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9';

test.describe('an engine refusal in Korean', () => {
  test('an impossible pooling padding is refused in Korean, with the English sentence’s numbers', async ({ page }) => {
    await page.goto(`./${LECTURE}&lang=ko`);
    await page.getByTestId('padding-h').fill('2');
    const rejection = page.getByTestId('rejection-p');
    await expect(rejection).toHaveText('패딩 2×0은(는) 2×2 풀링 윈도우의 절반보다 커서 윈도우가 패딩만 볼 수 있습니다. PyTorch는 최대 1까지 허용합니다.');
    expect(await englishRuns(page)).toEqual([]);
    const ko = numbers(await rejection.textContent());
    // The same refusal in English (the header's language switch keeps the refusal).
    await page.getByTestId('lang').selectOption('en');
    await expect(rejection).toContainText('PyTorch allows at most 1');
    expect(numbers(await rejection.textContent())).toEqual(ko);
    // Nothing was lost: the view still pools 2×2 without padding.
    await expect(page.getByTestId('shapes')).toContainText('[2×4×4] → max pool 2×2 → [2×2×2]');
  });
});
