import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, hoverAt } from './fixtures';

const LECTURE = '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7&step=0';

/** Reads the numbers drawn in a small grid (SVG text), row-major. */
async function gridNumbers(page: Page, testId: string): Promise<number[]> {
  const texts = await page.getByTestId(testId).locator('svg text').allTextContents();
  return texts.map((t) => Number(t.replace('−', '-')));
}

test.describe('the convolution view', () => {
  test('a lecture link shows 3×5×5 ⊛ 2×3×3×3 → 2×3×3 and the hand-computed first output', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×3×3]');
    await expect(page.getByTestId('formula')).toContainText('⌊(5 + 2·1 − 3)/2⌋ + 1 = ⌊4/2⌋ + 1 = 2 + 1 = 3');
    await expect(page.getByTestId('params')).toContainText('2·3·3·3 + 2 = 56');
    await expect(page.getByTestId('pytorch')).toHaveText('nn.Conv2d(3, 2, kernel_size=3, stride=2, padding=1)');
    // Seed 7's numbers, worked by hand: channel 0's window [[0,0,0],[0,−2,−2],[0,0,0]] against
    // [[1,0,1],[−1,−1,−1],[1,−1,−1]] gives 2 + 2 = 4; channel 1 gives −2, channel 2 gives 1; bias 1.
    await expect(page.getByTestId('step-total')).toHaveText('Channels: 4 + (−2) + 1 + 1 = 4');
    await expect(page.getByTestId('step-result')).toHaveText('4');
    // Every output value equals a convolution computed here from the numbers the page shows.
    const x = await Promise.all([0, 1, 2].map((c) => gridNumbers(page, `input-${c}`))); // 7×7 padded
    await page.keyboard.press('End');
    for (let oc = 0; oc < 2; oc++) {
      const w = await Promise.all([0, 1, 2].map((c) => gridNumbers(page, `weight-${oc}-${c}`)));
      const [b] = await gridNumbers(page, `bias-${oc}`);
      const out = await gridNumbers(page, `output-${oc}`);
      expect(out).toHaveLength(9);
      for (let oh = 0; oh < 3; oh++)
        for (let ow = 0; ow < 3; ow++) {
          let s = b!;
          for (let c = 0; c < 3; c++)
            for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += x[c]![(oh * 2 + i) * 7 + ow * 2 + j]! * w[c]![i * 3 + j]!;
          expect(out[oh * 3 + ow]).toBe(s);
        }
    }
  });

  test('the keyboard steps through the output and the URL follows', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    // The view's code loads after the page's `load`: a key pressed before it is on screen does nothing.
    await expect(page.locator('.step-label')).toContainText('Step 1 of 18');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 18');
    await expect(page.getByTestId('focus-line')).toContainText('Filter 0 at output row 0, column 1');
    await expect(page).toHaveURL(/step=1(&|$)/);
    await page.keyboard.press('End');
    await expect(page.locator('.step-label')).toContainText('Step 18 of 18');
    await expect(page.getByTestId('focus-line')).toContainText('Filter 1 at output row 2, column 2');
    await page.keyboard.press('Home');
    await expect(page.locator('.step-label')).toContainText('Step 1 of 18');
    await page.keyboard.press('+');
    await expect(page.locator('.speed select')).toHaveValue('4');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });

  test('playing fills the output maps and stops at the last step', async ({ page }) => {
    await page.goto(`./${LECTURE}&speed=960`);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.locator('.step-label')).toContainText('Step 18 of 18');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByTestId('output-1').locator('svg text')).toHaveCount(9);
  });

  test('copying the link and opening it in a fresh page restores the same state', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('kernel-h').fill('2');
    await page.getByTestId('filters-count').fill('3');
    await page.getByTestId('pad-r').fill('0');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const shapes = await page.getByTestId('shapes').textContent();
    const step = await page.locator('.step-label').textContent();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#/conv?');
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('shapes')).toHaveText(shapes!);
    await expect(fresh.locator('.step-label')).toHaveText(step!);
    await expect(fresh.getByTestId('pytorch')).toHaveText(await page.getByTestId('pytorch').textContent() as string);
  });

  test('a broken link names each problem, keeps the rest and leaves a working page', async ({ page }) => {
    await page.goto('./#/conv?in=3x6x6&k=0&foo=1&s=abc&f=3&p=1,2,3');
    const banner = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(banner).toContainText('k');
    await expect(banner).toContainText('foo');
    await expect(banner).toContainText('s');
    await expect(banner).toContainText('p');
    // in=3x6x6 and f=3 were kept; k, s and p fell back to the lecture's defaults 3, 2 and 1.
    await expect(page.getByTestId('shapes')).toHaveText('[3×6×6] ⊛ [3×3×3×3] → [3×3×3]');
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 27');
  });

  test('an impossible kernel is explained next to the control and nothing is lost', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('kernel-h').fill('9');
    await expect(page.getByRole('alert').filter({ hasText: 'does not fit' })).toHaveText(
      'A kernel of 9 rows does not fit in the padded input: 5 + 1 + 1 = 7 rows. Use at most 7, or pad more.',
    );
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×3×3]');
    await expect(page.getByTestId('kernel-h')).toHaveValue('9');
  });

  test('hovering an input cell lights the output cells it feeds; hovering a weight lights its inputs', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    // input row 1, column 1 (padded 2, 2) lies in the windows of output rows 0–1 and columns 0–1
    await hoverAt(page, page.getByTestId('input-0').locator('.grid-box'), 2.5 / 7, 2.5 / 7, () =>
      expect(page.getByTestId('focus-line')).toHaveText(/Input channel 0, row 1, column 1 feeds 8 output cells/, {
        timeout: 1000,
      }),
    );
    await expect(page.getByTestId('output-0').locator('path.overlay-feed')).toHaveCount(1);
    const weight = page.getByTestId('weight-1-2').locator('.grid-box');
    await weight.hover({ position: { x: 2, y: 2 } });
    await expect(page.getByTestId('focus-line')).toContainText('Weight [1, 2, 0, 0] multiplies 9 input cells');
  });

  test('editing a weight changes the output and is kept in the link', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('weight-0-0').locator('.grid-box').click({ position: { x: 3, y: 3 } });
    const field = page.getByRole('textbox', { name: 'New value of weight [0, 0, 0, 0]' });
    await field.fill('abc');
    await field.press('Enter');
    await expect(page.getByText('Enter a number between −1000 and 1000')).toBeVisible();
    await field.fill('5');
    await field.press('Enter');
    await expect(page).toHaveURL(/we=0:5|w=0:5/);
    // the first window reads padding at kernel position (0, 0), so the result stays 4, but the weight shows 5
    expect((await gridNumbers(page, 'weight-0-0'))[0]).toBe(5);
  });

  test('a broken image file gets a clear message and the page keeps working', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('file').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
    await expect(page.getByTestId('upload-error')).toContainText('could not be read as an image');
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×3×3]');
  });

  test('an uploaded image is used as the input, at 32×32 by default', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('file').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: readFileSync('public/samples/scene.png') });
    await expect(page.getByTestId('shapes')).toHaveText('[3×32×32] ⊛ [2×3×3×3] → [2×16×16]');
    await expect(page.getByTestId('source')).toHaveValue('upload');
  });

  test('a sample image loads from the site itself', async ({ page }) => {
    await page.goto('./#/conv?src=digit&in=1x28x28&k=3&f=1&s=1&p=0&fp=sobelx');
    await expect(page.getByTestId('shapes')).toHaveText('[1×28×28] ⊛ [1×1×3×3] → [1×26×26]');
    // The handwritten seven's strokes show as coloured cells among the black (zero) background.
    const fills = await page.getByTestId('input-0').locator('svg rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
    expect(fills).toHaveLength(28 * 28);
    expect(new Set(fills).size).toBeGreaterThan(10);
    await expect(page.getByTestId('pytorch')).toHaveText('nn.Conv2d(1, 1, kernel_size=3)');
  });

  test('axe finds no accessibility violations', async ({ page }) => {
    test.slow(); // axe takes 10–20 s on a page of many SVG cells when the machine is busy
    await page.goto(`./${LECTURE}`);
    await expect(page.getByTestId('shapes')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
