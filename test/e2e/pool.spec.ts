import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, hoverAt } from './fixtures';

const LECTURE = '#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9';
const CORNER = '#/pool?v=1&kind=avg&in=1x5x5&k=3&s=2&p=1&seed=9';

/** Reads the numbers drawn in a small grid (SVG text), row-major, once it is drawn; −∞ reads as -Infinity. */
async function gridNumbers(page: Page, testId: string): Promise<number[]> {
  const cells = page.getByTestId(testId).locator('svg text');
  await expect(cells.first()).toBeVisible({ timeout: 15_000 });
  const texts = await cells.allTextContents();
  return texts.map((t) => (t === '−∞' ? -Infinity : Number(t.replace('−', '-'))));
}

test.describe('the pooling view', () => {
  test('the lecture link shows 2×4×4 → 2×2×2, its formula, zero parameters and the hand-computed maxima', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}`);
    await expect(page.getByTestId('shapes')).toHaveText('[2×4×4] → max pool 2×2 → [2×2×2]');
    await expect(page.getByTestId('formula')).toContainText('⌊(4 + 2·0 − 2)/2⌋ + 1 = ⌊2/2⌋ + 1 = 1 + 1 = 2');
    await expect(page.getByTestId('params')).toContainText('0');
    await expect(page.getByTestId('conv-params')).toHaveText('2·2·2·2 + 2 = 18');
    await expect(page.getByTestId('pytorch')).toHaveText('nn.MaxPool2d(kernel_size=2, stride=2)');
    // Seed 9's channels, read off the page: [[1,8,1,8],[7,6,2,9],[1,6,6,5],[2,9,2,7]] and
    // [[6,3,5,8],[8,4,8,1],[6,3,0,8],[2,5,4,0]]; their 2×2 maxima, worked by hand: [8,9,9,7] and [8,8,6,8].
    expect(await gridNumbers(page, 'input-0')).toEqual([1, 8, 1, 8, 7, 6, 2, 9, 1, 6, 6, 5, 2, 9, 2, 7]);
    expect(await gridNumbers(page, 'input-1')).toEqual([6, 3, 5, 8, 8, 4, 8, 1, 6, 3, 0, 8, 2, 5, 4, 0]);
    await expect(page.getByTestId('step-equation')).toHaveText('max(1, 8, 7, 6) = 8');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('End');
    expect(await gridNumbers(page, 'output-0')).toEqual([8, 9, 9, 7]);
    expect(await gridNumbers(page, 'output-1')).toEqual([8, 8, 6, 8]);
  });

  test('stepping moves the window, and the step, the equation and the link follow', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    const window = page.getByTestId('input-0').locator('path.overlay-window');
    const first = await window.getAttribute('d');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 8');
    await expect(page.getByTestId('focus-line')).toContainText(
      'Channel 0, output row 0, column 1: max of its 2×2 window = 9',
    );
    await expect(page.getByTestId('step-equation')).toHaveText('max(1, 8, 2, 9) = 9');
    await expect(window).not.toHaveAttribute('d', first!);
    await expect(page).toHaveURL(/step=1(&|$)/);
    // Step 6 is channel 1's window [5, 8; 8, 1]: a tie, and PyTorch takes the first 8.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-equation')).toHaveText('max(5, 8, 8, 1) = 8');
    await expect(page.getByTestId('tie')).toContainText('2 cells hold 8');
    await expect(page.getByTestId('input-0').locator('path.overlay-window')).toHaveCount(0);
    await expect(page.getByTestId('input-1').locator('path.overlay-window')).toHaveCount(1);
    await page.keyboard.press('Home');
    await expect(page.locator('.step-label')).toContainText('Step 1 of 8');
    await page.keyboard.press('+');
    await expect(page.locator('.speed select')).toHaveValue('2');
  });

  test('count_include_pad switches the padded corner’s divisor between 9 and 4', async ({ page }) => {
    await page.goto(`./${CORNER}`);
    await expect(page.getByTestId('shapes')).toHaveText('[1×5×5] → average pool 3×3 → [1×3×3]');
    await expect(page.getByTestId('divisor')).toHaveText('9');
    await expect(page.getByTestId('step-notes')).toContainText('4 + 5 = 9');
    await page.getByTestId('cip').uncheck();
    await expect(page.getByTestId('divisor')).toHaveText('4');
    await expect(page.getByTestId('step-notes')).toContainText('only the 4 input cells count');
    await expect(page.getByTestId('pytorch')).toHaveText(
      'nn.AvgPool2d(kernel_size=3, stride=2, padding=1, count_include_pad=False)',
    );
    await expect(page).toHaveURL(/cip=false/);
    expect(await gridNumbers(page, 'divisor-map')).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
    await page.getByTestId('cip').check();
    await expect(page.getByTestId('divisor')).toHaveText('9');
  });

  test('max pooling draws its padding as −∞', async ({ page }) => {
    await page.goto('./#/pool?kind=max&in=1x4x4&k=3&s=1&p=1&seed=9');
    const padded = await gridNumbers(page, 'input-0');
    expect(padded).toHaveLength(36);
    expect(padded.slice(0, 6)).toEqual(Array(6).fill(-Infinity));
    await expect(page.getByTestId('step-equation')).toContainText('max(−∞, −∞, −∞, −∞, 1, 8, −∞, 7, 6) = 8');
  });

  test('a broken link names each problem and leaves a working page', async ({ page }) => {
    await page.goto('./#/pool?kind=min&in=1x4x4&k=2&p=3&foo=1');
    const banner = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(banner).toContainText('kind=min');
    await expect(banner).toContainText('p=3');
    await expect(banner).toContainText('foo');
    await expect(page.getByTestId('shapes')).toHaveText('[1×4×4] → max pool 2×2 → [1×2×2]');
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 4');
  });

  test('an impossible padding is refused next to its control and nothing is lost', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('padding-h').fill('2');
    await expect(page.getByTestId('rejection-p')).toContainText('PyTorch allows at most 1');
    await expect(page.getByTestId('shapes')).toHaveText('[2×4×4] → max pool 2×2 → [2×2×2]');
    await page.getByTestId('kind-avg').check();
    await expect(page.getByTestId('pytorch')).toHaveText('nn.AvgPool2d(kernel_size=2, stride=2)');
  });

  test('hovering an output cell shows its window; an input cell lights the outputs of its own channel only', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}`);
    await hoverAt(page, page.getByTestId('output-1').locator('.grid-box'), 0.75, 0.75, () =>
      expect(page.getByTestId('focus-line')).toContainText('Channel 1, output row 1, column 1: max of its 2×2 window = 8', {
        timeout: 1000,
      }),
    );
    await expect(page.getByTestId('input-1').locator('path.overlay-window')).toHaveCount(1);
    await hoverAt(page, page.getByTestId('input-0').locator('.grid-box'), 2.5 / 4, 1.5 / 4, () =>
      expect(page.getByTestId('focus-line')).toContainText(
        'Input channel 0, row 1, column 2 lies in 1 window: output (0, 1) of channel 0 only',
        { timeout: 1000 },
      ),
    );
    await expect(page.getByTestId('output-0').locator('path.overlay-feed')).toHaveCount(1);
    await expect(page.getByTestId('output-1').locator('path.overlay-feed')).toHaveCount(0);
  });

  test('the ReLU part zeroes the negative cells, counts them, and pools the result', async ({ page }) => {
    await page.goto(`./${LECTURE}&part=relu`);
    const before = await gridNumbers(page, 'relu-before');
    const after = await gridNumbers(page, 'relu-after');
    expect(before).toHaveLength(16);
    const negatives = before.filter((v) => v < 0).length;
    expect(negatives).toBeGreaterThan(0);
    expect(after).toEqual(before.map((v) => Math.max(0, v)));
    await expect(page.getByTestId('relu-count')).toContainText(
      `${negatives} of 16 cells were negative and became 0.`,
    );
    await expect(page.getByTestId('relu-before').locator('path.overlay-feed')).toHaveCount(1);
    const pooled = await gridNumbers(page, 'strip-pool');
    const at = (r: number, c: number) => after[r * 4 + c]!;
    expect(pooled).toEqual(
      [0, 2].flatMap((r) =>
        [0, 2].map((c) => Math.max(at(r, c), at(r, c + 1), at(r + 1, c), at(r + 1, c + 1))),
      ),
    );
    await expect(page.getByTestId('relu-pytorch')).toHaveText(
      'nn.Sequential(nn.Conv2d(2, 1, kernel_size=3, padding=1, bias=False), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2))',
    );
    await page.getByTestId('part-pool').click();
    await expect(page.getByTestId('shapes')).toBeVisible();
    await expect(page).not.toHaveURL(/part=relu/);
  });

  test('a sample image is pooled from the site’s own files', async ({ page }) => {
    await page.goto('./#/pool?src=digit&in=1x28x28&k=2&s=2');
    await expect(page.getByTestId('shapes')).toHaveText('[1×28×28] → max pool 2×2 → [1×14×14]');
    await expect(page.getByTestId('source')).toHaveValue('digit');
    await expect(page.getByText('Loading the sample image…')).toBeHidden();
  });

  test('the PyTorch line is copied as shown, and leaving the view while playing stops the playback', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./${CORNER}&speed=0.5`);
    await page.getByRole('button', { name: 'Copy PyTorch' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'nn.AvgPool2d(kernel_size=3, stride=2, padding=1)',
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Convolution' }).click();
    await expect(page.getByTestId('shapes')).toHaveText('[3×5×5] ⊛ [2×3×3×3] → [2×3×3]');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('axe finds no accessibility violations in either part', async ({ page }) => {
    test.slow(); // two axe runs on a machine shared with other test runs
    await page.goto(`./${CORNER}`);
    await expect(page.getByTestId('shapes')).toBeVisible();
    const pool = await new AxeBuilder({ page }).analyze();
    expect(pool.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await page.getByTestId('part-relu').click();
    await expect(page.getByTestId('relu-count')).toBeVisible();
    const relu = await new AxeBuilder({ page }).analyze();
    expect(relu.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  test('playing at the top speed on the largest input stays responsive and error-free', async ({ page }) => {
    await page.goto('./#/pool?kind=max&in=8x128x128&k=2&s=1&src=float&speed=960');
    await expect(page.getByTestId('shapes')).toHaveText('[8×128×128] → max pool 2×2 → [8×127×127]');
    await page.getByRole('button', { name: 'Play' }).click();
    // Frame intervals over two seconds of playback.
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const times: number[] = [];
          const tick = (t: number) => {
            times.push(t);
            if (t - times[0]! < 2000) requestAnimationFrame(tick);
            else resolve(times.slice(1).map((x, i) => x - times[i]!));
          };
          requestAnimationFrame(tick);
        }),
    );
    frames.sort((a, b) => a - b);
    const median = frames[Math.floor(frames.length / 2)]!;
    expect(median, `median frame ${median.toFixed(1)} ms`).toBeLessThan(100);
    const label = await page.locator('.step-label').textContent();
    const at = Number(/Step ([\d,]+)/.exec(label!)![1]!.replace(/,/g, ''));
    expect(at).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});
