import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, hoverAt } from './fixtures';

// The convolution view in Korean, in the dark theme, in presentation mode, and for screen readers.
const LECTURE = '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7&step=0';

/**
 * Runs of three or more English words in the view's text: every text in `main` (the text of each
 * element, its pieces joined, and its aria-label and title) outside code and math. PyTorch code, shapes
 * and symbols are not runs of words; single names (PyTorch, Enter, MAC) are allowed.
 */
async function englishRuns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const RUN = /[A-Za-z]{2,}(?:[ ,:;]+[A-Za-z]{2,}){2,}/g;
    const skip = (el: Element | null) => !!el?.closest('code, kbd, .formula, script, style');
    const found: string[] = [];
    const main = document.querySelector('main')!;
    for (const el of [main, ...main.querySelectorAll('*')]) {
      if (skip(el)) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('');
      for (const text of [own, el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '']) {
        for (const m of text.matchAll(RUN)) found.push(`${el.tagName.toLowerCase()}: ${m[0]}`);
      }
    }
    return found;
  });
}

/** Axe's violations in the view. Axe is slow on a page of many SVG cells and a busy machine: the test gets more time. */
async function axeViolations(page: Page): Promise<string[]> {
  test.slow();
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test.describe('the convolution view in Korean', () => {
  test('labels and headings are Korean and the numbers are the same as in English', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    const english = {
      shapes: await page.getByTestId('shapes').textContent(),
      formula: await page.getByTestId('formula').textContent(),
      params: await page.getByTestId('params').textContent(),
      total: await page.getByTestId('step-total').textContent(),
      out: await page.getByTestId('output-0').locator('svg text').allTextContents(),
    };
    // The check below does find English when there is some.
    expect(await englishRuns(page)).toContain('p: Or drop an image on the input');
    await page.goto(`./${LECTURE}&lang=ko`);
    await expect(page.locator('#input-title')).toHaveText('입력 3×5×5 패딩 후 3×7×7');
    await expect(page.locator('#output-title')).toHaveText('출력 2×3×3');
    await expect(page.locator('#filters-title')).toHaveText('필터 2×3×3×3 + 편향 2개');
    await expect(page.getByRole('group', { name: '레이어', exact: true })).toBeVisible();
    await expect(page.getByTestId('kernel').locator('legend')).toHaveText('커널');
    await expect(page.locator('.step-label')).toContainText('18단계 중 1단계');
    await expect(page.getByTestId('focus-line')).toContainText('1단계: 필터 0, 출력 0행 0열');
    await expect(page.locator('#step-title')).toHaveText('출력 [0, 0, 0] = 4');
    // The same numbers, formulas and code as the English page.
    await expect(page.getByTestId('shapes')).toHaveText(english.shapes!);
    await expect(page.getByTestId('formula')).toHaveText(english.formula!);
    await expect(page.getByTestId('pytorch')).toHaveText('nn.Conv2d(3, 2, kernel_size=3, stride=2, padding=1)');
    await expect(page.getByTestId('params')).toHaveText(english.params!);
    expect(english.total).toBe('Channels: 4 + (−2) + 1 + 1 = 4');
    await expect(page.getByTestId('step-total')).toHaveText('채널별 합: 4 + (−2) + 1 + 1 = 4');
    expect(await page.getByTestId('output-0').locator('svg text').allTextContents()).toEqual(english.out);
    expect(await englishRuns(page)).toEqual([]);
  });

  test('the flattened dot product, hovering and a floor note have no English left', async ({ page }) => {
    await page.goto('./#/conv?v=1&in=1x6x6&k=3&f=1&s=2&p=0&seed=3&lang=ko');
    await expect(page.getByTestId('formula')).toContainText('3/2은(는) 정수가 아니므로 내림(floor)이 마지막 입력 1행을 버립니다.');
    await page.getByLabel('길이 9인 두 벡터의 내적 하나로 보기').check();
    await expect(page.getByTestId('flat-product')).toContainText('1×3×3 윈도우와 필터를 각각 수 9개짜리 벡터로 펼칩니다.');
    await hoverAt(page, page.getByTestId('input-0').locator('.grid-box'), 2.5 / 6, 2.5 / 6, () =>
      expect(page.getByTestId('focus-line')).toHaveText(
        '입력 채널 0, 2행 2열은 출력 칸 4개의 계산에 쓰입니다 · ? 키를 누르면 키보드 단축키를 볼 수 있습니다',
        { timeout: 1000 },
      ),
    );
    await expect(page.getByTestId('input-0').locator('figcaption')).toHaveText(/^2행 2열: −?\d+$/);
    expect(await englishRuns(page)).toEqual([]);
  });

  test('an impossible kernel and a broken image are explained in Korean', async ({ page }) => {
    await page.goto(`./${LECTURE}&lang=ko`);
    await page.getByTestId('kernel-h').fill('9');
    await expect(page.getByRole('alert').filter({ hasText: '들어가지 않습니다' })).toHaveText(
      '9행 커널은(는) 패딩한 입력에 들어가지 않습니다: 5 + 1 + 1 = 7행. 최대 7까지 쓰거나 패딩을 늘리세요.',
    );
    await page.getByTestId('file').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
    await expect(page.getByTestId('upload-error')).toHaveText(
      '“broken.png”을(를) 이미지로 읽지 못했습니다. 파일이 손상되었거나 이 브라우저가 해독할 수 없는 형식일 수 있습니다. PNG나 JPEG를 사용해 보세요.',
    );
    // Switching back to English words the same problem in English.
    await page.getByTestId('lang').selectOption('en');
    await expect(page.getByTestId('upload-error')).toContainText('“broken.png” could not be read as an image');
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×3×3]');
  });

  test('a bad link is explained in Korean in the problem banner, and in English after switching', async ({ page }) => {
    await page.goto('./#/conv?lang=ko&k=99&foo=1');
    const banner = page.locator('.problem-banner');
    await expect(banner.locator('h2')).toHaveText('이 링크의 일부를 사용할 수 없습니다');
    await expect(banner.locator('li')).toHaveText([
      'k — k=99: 커널 크기는 1에서 11 사이의 정수 하나, 또는 높이x너비로 쓴 두 정수(예: 3x5)여야 합니다. 기본값(3)을 사용합니다.',
      "foo — 'foo': 알 수 없는 설정이므로 무시합니다.",
    ]);
    await page.getByTestId('lang').selectOption('en');
    await expect(banner.locator('li').nth(1)).toHaveText("foo — unknown setting 'foo' ignored.");
  });

  test('switching the language in the header keeps the configuration and adds lang=ko to the link', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('filters-count').fill('3');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 3 of 27');
    await page.getByTestId('lang').selectOption('ko');
    await expect(page.locator('.step-label')).toContainText('27단계 중 3단계');
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [3×3×3×3] → [3×3×3]');
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/f=3/);
    await expect(page).toHaveURL(/step=2(&|$)/);
    await expect(page.getByTestId('focus-line')).toContainText('3단계: 필터 0, 출력 0행 2열');
  });
});

test.describe('the convolution view for screen readers', () => {
  test('the live region says the current step’s worked sum, in the page’s language', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    const live = page.getByTestId('live-step');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText('Output filter 0, row 0, column 0 = 4 + (−2) + 1 + bias 1 = 4');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('End');
    await expect(live).toHaveText(/^Output filter 1, row 2, column 2 = .+ \+ bias −?\d+ = −?\d+$/);
    const result = await page.getByTestId('step-result').textContent();
    await expect(live).toHaveText(new RegExp(`= ${result}$`));
    await page.getByTestId('lang').selectOption('ko');
    await expect(live).toHaveText(new RegExp(`^출력 필터 1, 2행 2열 = .+ \\+ 편향 −?\\d+ = ${result}$`));
    await page.keyboard.press('Home');
    await expect(live).toHaveText('출력 필터 0, 0행 0열 = 4 + (−2) + 1 + 편향 1 = 4');
  });

  test('while playing fast it only says that it plays, and the step once it stops', async ({ page }) => {
    // 2 filters × 8 × 8 outputs: 128 steps, over 8 seconds at 15 steps a second
    await page.goto('./#/conv?v=1&in=3x8x8&k=3&f=2&s=1&p=1&seed=7&speed=15&step=0');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('live-step')).toHaveText('Playing');
    await page.waitForTimeout(700);
    await expect(page.getByTestId('live-step')).toHaveText('Playing');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('live-step')).toHaveText(/^Output filter \d, row \d, column \d = .+ \+ bias −?\d+ = −?\d+$/);
  });
});

test.describe('the convolution view in presentation mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('editing controls are hidden, playback stays, PageDown steps, and nothing scrolls sideways', async ({ page }) => {
    await page.goto(`./${LECTURE}&present=1`);
    await expect(page.getByTestId('shapes')).toBeVisible();
    await expect(page.locator('aside.side')).toBeHidden();
    await expect(page.getByTestId('kernel-h')).toBeHidden();
    await expect(page.getByTestId('preset-0')).toBeHidden();
    await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
    await expect(page.getByTestId('output-0')).toBeInViewport();
    await page.keyboard.press('PageDown');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 18');
    await page.keyboard.press('PageUp');
    await expect(page.locator('.step-label')).toContainText('Step 1 of 18');
    // The maps use the width: input cells are larger than in the normal layout's 40-pixel cap.
    const box = (await page.getByTestId('input-0').locator('.grid-box').boundingBox())!;
    expect(box.width / 7).toBeGreaterThan(34);
    const fontSize = await page.getByTestId('input-0').locator('svg g[font-size]').getAttribute('font-size');
    expect(Number(fontSize)).toBeGreaterThan(16);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test('the layer bar changes kernel, stride, padding and filters with − and +, and says why a change is refused', async ({ page }) => {
    await page.goto(`./${LECTURE}&present=1`);
    const shapes = page.getByTestId('shapes');
    await expect(shapes).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×3×3]');
    const bar = page.getByRole('group', { name: 'Settings while presenting' });
    await expect(bar).toBeInViewport();
    // Padding 1 → 2: ⌊(5 + 4 − 3)/2⌋ + 1 = 4.
    await bar.getByRole('button', { name: 'Padding + 1' }).click();
    await expect(page.getByTestId('present-p')).toHaveText('2');
    await expect(shapes).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×4×4]');
    await expect(page).toHaveURL(/[?&]p=2(&|$)/);
    await bar.getByRole('button', { name: 'Filters + 1' }).click();
    await expect(shapes).toHaveText('[3×5×5] ⊛ [3×3×3×3] → [3×4×4]');
    // Padding down to 0, where − is disabled: ⌊(5 − 3)/2⌋ + 1 = 2.
    await bar.getByRole('button', { name: 'Padding − 1' }).click();
    await bar.getByRole('button', { name: 'Padding − 1' }).click();
    await expect(page.getByTestId('present-p')).toHaveText('0');
    await expect(bar.getByRole('button', { name: 'Padding − 1' })).toBeDisabled();
    await expect(shapes).toHaveText('[3×5×5] ⊛ [3×3×3×3] → [3×2×2]');
    await bar.getByRole('button', { name: 'Stride − 1' }).click();
    await expect(shapes).toHaveText('[3×5×5] ⊛ [3×3×3×3] → [3×3×3]');
    // Kernel 3 → 5 fits the unpadded 5×5 input; 6 does not, and the bar says so and keeps 5.
    await bar.getByRole('button', { name: 'Kernel + 1' }).click();
    await bar.getByRole('button', { name: 'Kernel + 1' }).click();
    await expect(shapes).toHaveText('[3×5×5] ⊛ [3×3×5×5] → [3×1×1]');
    await bar.getByRole('button', { name: 'Kernel + 1' }).click();
    await expect(page.getByTestId('present-rejection')).toHaveText(
      'With dilation 1 a kernel of 6 spans 6 rows, but the padded input has only 5 rows (5 + padding 0 + 0), so there would be no output.',
    );
    await expect(page.getByTestId('present-k')).toHaveText('5×5');
    await expect(shapes).toHaveText('[3×5×5] ⊛ [3×3×5×5] → [3×1×1]');
    // A good change clears the message; the clicker still steps the view.
    await bar.getByRole('button', { name: 'Kernel − 1' }).click();
    await expect(page.getByTestId('present-rejection')).toHaveCount(0);
    await expect(shapes).toHaveText('[3×5×5] ⊛ [3×3×4×4] → [3×2×2]');
    await page.keyboard.press('PageDown');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 12');
    // Not presenting, the bar is gone (the settings column has the same controls).
    await page.keyboard.press('p');
    await expect(page.getByTestId('present-steppers')).toHaveCount(0);
    await expect(page.getByTestId('kernel-h')).toBeVisible();
  });

  test('the layer bar reads in Korean', async ({ page }) => {
    await page.goto(`./${LECTURE}&present=1&lang=ko`);
    const bar = page.getByRole('group', { name: '발표 중 설정' });
    await bar.getByRole('button', { name: '패딩 1 늘리기' }).click();
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×4×4]');
    await expect(bar.getByRole('group', { name: '커널' })).toContainText('3×3');
  });

  test('in Korean at 1920×1080 the maps are large and axe finds no violations', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`./${LECTURE}&present=1&lang=ko`);
    await expect(page.locator('#input-title')).toHaveText('입력 3×5×5 패딩 후 3×7×7');
    const box = (await page.getByTestId('input-0').locator('.grid-box').boundingBox())!;
    expect(box.width / 7).toBeGreaterThan(50);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('the convolution view is accessible in every theme and language', () => {
  for (const [name, query, theme] of [
    ['dark', '', 'dark'],
    ['Korean', '&lang=ko', 'light'],
    ['dark Korean presentation', '&lang=ko&present=1', 'dark'],
  ] as const) {
    test(`axe finds no violations: ${name}`, async ({ page }) => {
      await page.addInitScript((th) => localStorage.setItem('convscope.theme', th), theme);
      await page.goto(`./${LECTURE}${query}`);
      await expect(page.getByTestId('shapes')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('axe finds no violations on a dark colour image with its canvases', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('convscope.theme', 'dark'));
    await page.goto('./#/conv?src=scene&in=3x64x64&k=3&f=2&s=1&p=1&step=300&lang=ko');
    await expect(page.getByTestId('shapes')).toHaveText('[3×64×64] ⊛ [2×3×3×3] → [2×64×64]');
    await expect(page.getByTestId('input-0').locator('canvas')).toHaveCount(1);
    await expect(page.getByTestId('input-0').getByRole('grid')).toHaveAttribute('aria-label', '입력 빨강, 64×64, 패딩 후 66×66');
    expect(await axeViolations(page)).toEqual([]);
  });
});
