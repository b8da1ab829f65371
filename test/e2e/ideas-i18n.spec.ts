import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { englishRuns, numbers } from './english-runs';


/** The numbers drawn in a grid, once it has drawn them. */
async function gridText(page: Page, testId: string): Promise<string[]> {
  await expect(page.getByTestId(testId).locator('svg text').first()).toBeAttached();
  return page.getByTestId(testId).locator('svg text').allTextContents();
}

const DEMOS = [
  { demo: 'depth', link: 'demo=depth&din=3x6x6&dk=3', title: '필터의 깊이는 입력의 깊이와 같습니다' },
  { demo: '1x1', link: 'demo=1x1&pin=4x6x7&pcout=5', title: '1×1 합성곱: 픽셀마다 채널을 섞습니다' },
  { demo: 'template', link: 'demo=template&tin=1x6x6&tk=4', title: '이미지만 한 필터는 템플릿 매칭입니다' },
  { demo: 'linear', link: 'demo=linear&lrelu=on', title: '활성화 함수 없이 쌓은 합성곱은 합성곱 하나와 같습니다' },
];

test.describe('the lecture-ideas view in Korean, dark and presentation modes', () => {
  test('in Korean: each demonstration’s title, tabs and worked numbers, the same numbers as in English', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth&din=3x6x6&dk=3');
    const englishSum = await page.getByTestId('depth-sum').textContent();
    const englishOut = await gridText(page, 'depth-output');
    await page.goto('./#/ideas?demo=depth&din=3x6x6&dk=3&lang=ko');
    await expect(page.getByRole('heading', { name: '필터의 깊이는 입력의 깊이와 같습니다' })).toBeVisible();
    await expect(page.getByRole('link', { name: /1×1 합성곱/ })).toBeVisible();
    await expect(page.getByTestId('depth-shapes')).toHaveText('[3×6×6] ⊛ [1×3×3×3] → [1×4×4]');
    await expect(page.getByTestId('depth-count')).toContainText('필터 하나는 3×3×3 = 27개의 수입니다. 펼치면 크기 27의 벡터');
    await expect(page.getByTestId('depth-sum')).toContainText('출력 [0, 0, 0] = ');
    await expect(page.getByTestId('depth-sum')).toContainText('(채널 2에서) + ');
    expect(numbers(await page.getByTestId('depth-sum').textContent())).toEqual(numbers(englishSum));
    expect(await gridText(page, 'depth-output')).toEqual(englishOut);

    await page.goto('./#/ideas?demo=1x1&pin=4x6x7&pcout=5&lang=ko');
    await expect(page.getByTestId('point-params')).toHaveText('파라미터: Cout·C + Cout = 5·4 + 5 = 25');
    await expect(page.getByTestId('point-size')).toHaveText('맵 크기: 입력 6×7, 출력 6×7로 그대로입니다. 채널: 입력 4개, 출력 5개.');
    await expect(page.getByRole('heading', { name: /픽셀 \(0, 0\)에서/ })).toBeVisible();

    await page.goto('./#/ideas?demo=template&tin=1x6x6&tk=4');
    // Each demonstration loads when first shown: wait for the English scores before reading them.
    await expect(page.getByTestId('score-row-0')).toBeVisible();
    const englishScores = await page.getByTestId('template-scores').locator('tbody td').allTextContents();
    await page.goto('./#/ideas?demo=template&tin=1x6x6&tk=4&lang=ko');
    await expect(page.getByTestId('template-verdict')).toContainText('모든 점수가 두 방법에서 같습니다');
    await expect(page.getByTestId('score-row-0')).toContainText('가장 잘 맞음');
    const koreanScores = await page.getByTestId('template-scores').locator('tbody td').allTextContents();
    expect(koreanScores.map(numbers)).toEqual(englishScores.map(numbers));

    await page.goto('./#/ideas?demo=linear&lk=2,2,3&lin=8&lang=ko');
    await expect(page.getByTestId('linear-size')).toHaveText('합성된 커널의 크기: 2 + 2 + 3 − 2 = 5 (K₁ + K₂ − 1 + K₃ − 1).');
    await expect(page.getByTestId('max-diff')).toHaveText('최대 |차이| = 0');
    await expect(page.getByTestId('linear-verdict')).toHaveText('쌓은 합성곱과 커널 하나의 결과가 16개 칸 모두에서 같습니다.');
    await page.getByTestId('relu-switch').check();
    await expect(page.getByTestId('linear-verdict')).toContainText('사이에 ReLU가 있으면 쌓은 합성곱은 더 이상 합성곱 하나가 아닙니다.');
  });

  for (const { demo, link, title } of DEMOS) {
    test(`in Korean: no English sentence is left (${demo})`, async ({ page }) => {
      await page.goto(`./#/ideas?${link}&lang=ko`);
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      expect(await englishRuns(page)).toEqual([]);
    });
  }

  test('in Korean: a filter of the wrong depth is refused with the reason in Korean', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth&lang=ko');
    await page.getByTestId('try-depth').click();
    await expect(page.getByTestId('rejection-fd')).toHaveText(
      '채널이 2개인 필터는 이 입력 위를 훑을 수 없습니다. 필터의 깊이는 입력의 깊이와 같아야 합니다: 이 입력은 채널이 3개이므로 모든 필터의 채널도 3개여야 합니다.',
    );
    // Typing another depth says the same for that depth; typing the input's own depth is accepted.
    await page.getByTestId('filter-depth').fill('4');
    await expect(page.getByTestId('rejection-fd')).toContainText('채널이 4개인 필터는');
    await page.getByTestId('filter-depth').fill('3');
    await expect(page.getByTestId('rejection-fd')).toBeHidden();
  });

  test('switching the language keeps the demonstration and its settings, and the tabs keep lang=ko', async ({ page }) => {
    await page.goto('./#/ideas?demo=1x1&pin=4x6x7&pcout=5');
    await expect(page.getByTestId('point-shapes')).toHaveText('[4×6×7] ⊛ [5×4×1×1] → [5×6×7]');
    await page.getByTestId('lang').selectOption('ko');
    await expect(page.getByRole('heading', { name: '1×1 합성곱: 픽셀마다 채널을 섞습니다' })).toBeVisible();
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/pin=4x6x7/);
    await expect(page.getByTestId('point-shapes')).toHaveText('[4×6×7] ⊛ [5×4×1×1] → [5×6×7]');
    await expect(page.getByTestId('tab-linear')).toHaveAttribute('href', /lang=ko/);
    await page.getByTestId('tab-linear').click();
    await expect(page.getByRole('heading', { name: '활성화 함수 없이 쌓은 합성곱은 합성곱 하나와 같습니다' })).toBeVisible();
    await expect(page).toHaveURL(/demo=linear/);
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/pin=4x6x7/);
  });

  test('the live region speaks the focused value’s worked sum in the page’s language', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth&lang=ko');
    const grid = page.getByTestId('depth-output').locator('.grid-box');
    await grid.focus();
    // The first arrow selects cell (0, 0), the next one moves right.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('depth-live')).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByTestId('depth-live')).toContainText(/^출력 \[0, 0, 1\] = .*\(편향\) = −?\d+$/);
    // The grid's own caption names the cell in Korean too.
    await expect(page.getByTestId('depth-output').locator('figcaption')).toContainText('0행 1열');

    await page.goto('./#/ideas?demo=1x1&ppx=2x3');
    await expect(page.getByTestId('point-live')).toContainText(/^Pixel \(2, 3\): y0 = .+ = −?\d+; y1 = .+ = −?\d+$/);

    await page.goto('./#/ideas?demo=linear&lang=ko');
    await page.getByTestId('linear-composed').locator('.grid-box').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('linear-live')).toContainText('K[0, 0] = Σ K₁[i, j]·K₂[0 − i, 0 − j] = ');
  });

  test('presenting at 1280×720: editing controls hidden, the lecture’s toggles and grids still work', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./#/ideas?demo=linear&present=1&lang=ko');
    await expect(page.getByTestId('relu-switch')).toBeVisible();
    await expect(page.getByTestId('linear-k-0')).toBeHidden();
    await expect(page.getByTestId('seed')).toBeHidden();
    await expect(page.getByTestId('linear-h')).toBeHidden();
    await page.getByTestId('relu-switch').check();
    await expect(page.getByTestId('linear-verdict')).toContainText('다릅니다');
    // Cells are larger than in the normal page (30 px there).
    const composed = (await page.getByTestId('linear-input').locator('.grid-box').boundingBox())!;
    expect(composed.width / 7).toBeGreaterThan(31);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    await page.goto('./#/ideas?demo=depth&present=1&lang=ko');
    await expect(page.getByTestId('try-depth')).toBeVisible();
    await expect(page.getByTestId('depth-source')).toBeHidden();
    await expect(page.getByTestId('depth-k')).toBeHidden();
    await expect(page.getByTestId('filter-depth')).toBeHidden();
    const grid = page.getByTestId('depth-output').locator('.grid-box');
    await grid.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('depth-sum')).toContainText('출력 [0, 1, 0]');

    await page.goto('./#/ideas?demo=1x1&present=1&lang=ko');
    await expect(page.getByTestId('point-cout')).toBeHidden();
    await expect(page.getByRole('complementary')).toBeHidden();
    await expect(page.getByTestId('point-rows')).toBeAttached();
    // The lesson asks to change the number of output channels: presenting, − and + do it.
    const bar = page.getByRole('group', { name: '발표 중 설정' });
    await expect(page.getByTestId('point-shapes')).toHaveText('[3×5×5] ⊛ [2×3×1×1] → [2×5×5]');
    await bar.getByRole('button', { name: '출력 채널 수 (Cout) 1 늘리기' }).click();
    await expect(page.getByTestId('point-shapes')).toHaveText('[3×5×5] ⊛ [3×3×1×1] → [3×5×5]');
    await expect(page.getByTestId('point-output-2')).toBeVisible();
    await bar.getByRole('button', { name: '출력 채널 수 (Cout) 1 줄이기' }).click();
    await bar.getByRole('button', { name: '출력 채널 수 (Cout) 1 줄이기' }).click();
    await expect(page.getByTestId('present-pcout')).toHaveText('1');
    await expect(bar.getByRole('button', { name: '출력 채널 수 (Cout) 1 줄이기' })).toBeDisabled();
  });

  for (const { demo, link } of DEMOS) {
    test(`axe finds no violations in Korean with the dark theme (${demo})`, async ({ page }) => {
      test.setTimeout(120_000); // axe over hundreds of grid cells is slow on a busy machine
      await page.goto(`./#/ideas?${link}&lang=ko`);
      await page.getByTestId('theme').selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.getByTestId(`demo-${demo}`)).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }

  for (const demo of ['depth', 'template']) {
    test(`axe finds no violations while presenting (${demo})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`./#/ideas?demo=${demo}&present=1`);
      await expect(page.getByTestId(`demo-${demo}`)).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }
});
