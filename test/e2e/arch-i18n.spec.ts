import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { englishRuns, numbers } from './english-runs';

const LINK = '#/arch?in=3x32x32&f=16,32&k=3,3&p=1,1&pool=2&fc=64&classes=10&seed=1';


const NUMBERED = ['arch-shapes', 'arch-totals', 'params-conv1', 'macs-conv1', 'params-fc1', 'macs-out', 'params-total', 'macs-total', 'linear-params', 'compare-linear', 'compare-total'];

test.describe('the architecture view in Korean, dark and presentation modes', () => {
  test('in Korean: headings and labels in Korean, the same numbers as in English', async ({ page }) => {
    await page.goto(`./${LINK}`);
    await expect(page.getByTestId('params-total')).toHaveText('136,874');
    const english = await Promise.all(NUMBERED.map((id) => page.getByTestId(id).textContent()));
    await page.goto(`./${LINK}&lang=ko`);
    await expect(page.getByRole('heading', { name: '네트워크를 지나며 바뀌는 모양' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '레이어별 정리' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '점수 10개' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '출력 모양' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '곱셈-누산(MAC)' })).toBeVisible();
    await expect(page.getByLabel('N, 블록 수')).toHaveValue('2');
    await expect(page.getByTestId('arch-shapes')).toHaveText('3×32×32 → … → 점수 10개');
    await expect(page.getByTestId('macs-conv1')).toHaveText('출력 16·32·32개 × 3·3·3 = 442,368');
    await expect(page.getByTestId('linear-params')).toHaveText(
      '3×32×32 이미지를 펼치면 입력 3,072개, 가중치 10×3,072개와 편향 10개: 10·3,072 + 10 = 파라미터 30,730개',
    );
    await expect(page.getByTestId('arch-pytorch')).toContainText('# 입력: 3×32×32 이미지 N장으로 된 배치 (N×3×32×32)');
    await expect(page.getByTestId('arch-pytorch')).toContainText('nn.Conv2d(3, 16, kernel_size=3, padding=1),   # → 16×32×32');
    const korean = await Promise.all(NUMBERED.map((id) => page.getByTestId(id).textContent()));
    NUMBERED.forEach((id, i) => expect(numbers(korean[i]!), id).toEqual(numbers(english[i]!)));
  });

  test('in Korean: no English sentence is left in the view, with an image and without', async ({ page }) => {
    for (const link of [`./${LINK}&lang=ko`, './#/arch?in=1x28x28&f=8&k=5&p=0&pool=2&fc=&classes=10&src=digit&lang=ko']) {
      await page.goto(link);
      await expect(page.getByTestId('params-total')).toBeVisible();
      await expect(page.getByTestId('maps-input')).toBeVisible();
      expect(await englishRuns(page)).toEqual([]);
    }
  });

  test('switching the language in the header keeps the network and adds lang=ko to the link', async ({ page }) => {
    await page.goto('./#/arch?in=1x28x28&f=8&k=5&p=0&pool=2&fc=&classes=10');
    await expect(page.getByTestId('shape-conv1')).toHaveText('8×24×24');
    await page.getByTestId('lang').selectOption('ko');
    await expect(page.getByRole('heading', { name: '레이어별 정리' })).toBeVisible();
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/in=1x28x28/);
    await expect(page.getByTestId('shape-conv1')).toHaveText('8×24×24');
    await expect(page.getByTestId('params-out')).toHaveText('10·1152 + 10 = 11,530');
    await page.getByTestId('lang').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Layer by layer' })).toBeVisible();
  });

  test('an upload that is not an image is explained in Korean', async ({ page }) => {
    await page.goto(`./${LINK}&lang=ko`);
    await page.getByTestId('arch-file').setInputFiles({ name: 'bad.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await expect(page.getByTestId('upload-error')).toHaveText(
      '“bad.png”: 이미지로 읽지 못했습니다. 파일이 손상되었거나 이 브라우저가 읽을 수 없는 형식일 수 있습니다. PNG나 JPEG로 다시 시도하세요.',
    );
  });

  test('presenting at 1280×720: the builder is hidden, the network fills the width without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./${LINK}&present=1&lang=ko`);
    await expect(page.getByTestId('arch-diagram')).toBeVisible();
    await expect(page.getByTestId('arch-n')).toBeHidden();
    await expect(page.getByTestId('arch-source')).toBeHidden();
    await expect(page.getByRole('complementary', { name: '설정' })).toBeHidden();
    // Larger type in the diagram, and the whole row of tensors fits the screen.
    expect(Number(await page.getByTestId('box-conv1').locator('text.arch-name').getAttribute('font-size'))).toBeGreaterThanOrEqual(18);
    const box = (await page.getByTestId('arch-diagram').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    // The presentation key leaves the mode and the builder comes back.
    await page.keyboard.press('p');
    await expect(page.getByTestId('arch-n')).toBeVisible();
  });

  test('axe finds no violations in Korean with the dark theme', async ({ page }) => {
    test.setTimeout(120_000); // axe over every feature map is slow on a busy machine
    await page.goto(`./${LINK}&lang=ko`);
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('params-total')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  test('presenting, − and + change the number of blocks and the pool size, and a refusal says why', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./${LINK}&present=1`);
    const bar = page.getByRole('group', { name: 'Settings while presenting' });
    await expect(bar).toBeInViewport();
    await expect(page.getByTestId('present-blocks')).toHaveText('2');
    await bar.getByRole('button', { name: 'Blocks (N) + 1' }).click();
    await expect(page.getByTestId('present-blocks')).toHaveText('3');
    // A new block copies the last one with twice its filters.
    await expect(page).toHaveURL(/[?&]f=16,32,64(&|$)/);
    await bar.getByRole('button', { name: 'Pool size + 1' }).click();
    await expect(page).toHaveURL(/[?&]pool=3(&|$)/);
    // 32 → pool 3 → 10 → 3 → 1: a pool of 4 would leave 32 → 8 → 2 → nothing.
    await bar.getByRole('button', { name: 'Pool size + 1' }).click();
    await expect(page.getByTestId('present-rejection')).toHaveText(
      'pool3 (nn.MaxPool2d(4)) would pool a 64×2×2 map below 1×1: a 4×4 window needs at least 4×4 cells. Valid here: pool size 1 (no pooling) to 3, or at most 2 blocks, or a larger input.',
    );
    await expect(page.getByTestId('present-pool')).toHaveText('3');
    await bar.getByRole('button', { name: 'Blocks (N) − 1' }).click();
    await expect(page.getByTestId('present-blocks')).toHaveText('2');
    await expect(page.getByTestId('present-rejection')).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]f=16,32(&|$)/);
  });

  test('axe finds no violations while presenting', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`./${LINK}&present=1`);
    await expect(page.getByTestId('arch-diagram')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
