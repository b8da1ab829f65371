import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, hoverAt } from './fixtures';

const LECTURE = '#/norm?v=1&kind=batch&n=2&in=3x3x3&seed=1';
/** One channel [1, 2, 3, 4] typed by hand, γ = 2 and β = 1: everything can be worked by hand. */
const HAND = '#/norm?v=1&kind=batch&n=1&in=1x2x2&src=custom&seed=1&x=1,2,3,4&gamma=0:2&beta=0:1';

/** The group number of every drawn cell, in NCHW order. */
async function cellGroups(page: Page, testId = 'tensor-in'): Promise<number[]> {
  // the view is loaded on demand: wait for its tensor before reading it
  await expect(page.getByTestId(testId).locator('rect[data-group]').first()).toBeAttached({
    timeout: 20_000,
  });
  const groups = await page
    .getByTestId(testId)
    .locator('rect[data-group]')
    .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-group')));
  return groups.map(Number);
}

/** The numbers drawn in the cells of a tensor (SVG text of the value layer), in NCHW order. */
async function cellNumbers(page: Page, testId: string): Promise<number[]> {
  await expect(
    page.getByTestId(testId).locator('svg g[font-size]:not(.corner-group) > text').first(),
  ).toBeAttached({
    timeout: 20_000,
  });
  const texts = await page
    .getByTestId(testId)
    .locator('svg g[font-size]:not(.corner-group) > text')
    .allTextContents();
  return texts.map((t) => Number(t.replace('−', '-')));
}

test.describe('the normalization lab', () => {
  test('batch norm: every cell of channel c in every sample carries group c, by colour and by number', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}`);
    const groups = await cellGroups(page);
    expect(groups).toHaveLength(2 * 3 * 9);
    groups.forEach((g, i) => expect(g).toBe(Math.floor(i / 9) % 3));
    // the badge above each map names its group
    for (let n = 0; n < 2; n++)
      for (let c = 0; c < 3; c++)
        await expect(page.getByTestId('tensor-in').locator(`[data-map="${n}-${c}"] text`)).toHaveText(
          `group ${c}`,
        );
    // the same colour means the same group: one fill per group
    const fills = await page
      .getByTestId('tensor-in')
      .locator('rect[data-group]')
      .evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-group')}:${r.getAttribute('fill')}`));
    expect(new Set(fills).size).toBe(3);
    await expect(page.getByTestId('shape-stats')).toHaveText('1×3×1×1');
    await expect(page.getByTestId('shape-affine')).toHaveText('1×3×1×1');
    await expect(page.getByTestId('pytorch')).toHaveText('nn.BatchNorm2d(3)');
  });

  test('layer, instance and group norm colour their own groups, and the table of shapes follows', async ({
    page,
  }) => {
    await page.goto('./#/norm?v=1&kind=layer&n=2&in=4x2x2&seed=1');
    (await cellGroups(page)).forEach((g, i) => expect(g).toBe(Math.floor(i / 16)));
    await expect(page.getByTestId('shape-stats')).toHaveText('2×1×1×1');

    await page.getByTestId('kind-instance').check();
    (await cellGroups(page)).forEach((g, i) => expect(g).toBe(Math.floor(i / 4)));
    await expect(page.getByTestId('shape-stats')).toHaveText('2×4×1×1');

    await page.getByTestId('kind-group').check();
    await expect(page.getByTestId('groups')).toHaveValue('2');
    // G = 2 of C = 4: sample n, channels 0–1 → group 2n, channels 2–3 → group 2n + 1
    (await cellGroups(page)).forEach((g, i) =>
      expect(g).toBe(Math.floor(i / 16) * 2 + Math.floor((Math.floor(i / 4) % 4) / 2)),
    );
    await expect(page.getByTestId('shape-stats')).toHaveText('2×2×1×1');
    await expect(page.getByTestId('coincidence')).toHaveCount(0);
  });

  test('group norm with one group is layer norm and with C groups instance norm, and the page says so', async ({
    page,
  }) => {
    await page.goto('./#/norm?v=1&kind=group&g=1&n=2&in=4x2x2&seed=1');
    await expect(page.getByTestId('coincidence')).toContainText('group norm is layer norm');
    (await cellGroups(page)).forEach((g, i) => expect(g).toBe(Math.floor(i / 16)));
    await page.getByTestId('groups').selectOption('4');
    await expect(page.getByTestId('coincidence')).toContainText('group norm is instance norm');
    (await cellGroups(page)).forEach((g, i) => expect(g).toBe(Math.floor(i / 4)));
  });

  test('stepping through [1, 2, 3, 4] shows sum → mean → squared deviations → variance → x̂ → y with the numbers worked by hand', async ({
    page,
  }) => {
    await page.goto(`./${HAND}`);
    await expect(page.locator('.step-label')).toContainText('Step 1 of 18');
    const arith = page.getByTestId('step-arith');
    const expected = [
      'Σx = x₀ = 1',
      'Σx = 1 + x₁ = 1 + 2 = 3',
      'Σx = 3 + x₂ = 3 + 3 = 6',
      'Σx = 6 + x₃ = 6 + 4 = 10',
      'μ = Σx / m = 10 / 4 = 2.5',
      '(x₀ − μ)² = (1 − 2.5)² = 2.25; Σ(x − μ)² so far = 2.25',
      '(x₁ − μ)² = (2 − 2.5)² = 0.25; Σ(x − μ)² so far = 2.5',
      '(x₂ − μ)² = (3 − 2.5)² = 0.25; Σ(x − μ)² so far = 2.75',
      '(x₃ − μ)² = (4 − 2.5)² = 2.25; Σ(x − μ)² so far = 5',
      'σ² = Σ(x − μ)² / m = 5 / 4 = 1.25',
      // (1 − 2.5)/√1.25001 = −1.341635…
      'x̂₀ = (x₀ − μ) / √(σ² + ε) = (1 − 2.5) / √(1.25 + 0.00001) = −1.3416',
      'x̂₁ = (x₁ − μ) / √(σ² + ε) = (2 − 2.5) / √(1.25 + 0.00001) = −0.4472',
      'x̂₂ = (x₂ − μ) / √(σ² + ε) = (3 − 2.5) / √(1.25 + 0.00001) = 0.4472',
      'x̂₃ = (x₃ − μ) / √(σ² + ε) = (4 − 2.5) / √(1.25 + 0.00001) = 1.3416',
      // y = 2·x̂ + 1
      'y₀ = γ·x̂₀ + β = 2·(−1.3416) + 1 = −1.6833',
      'y₁ = γ·x̂₁ + β = 2·(−0.4472) + 1 = 0.1056',
      'y₂ = γ·x̂₂ + β = 2·0.4472 + 1 = 1.8944',
      'y₃ = γ·x̂₃ + β = 2·1.3416 + 1 = 3.6833',
    ];
    const stages = [
      'sum',
      'sum',
      'sum',
      'sum',
      'mean',
      'sqdev',
      'sqdev',
      'sqdev',
      'sqdev',
      'variance',
      'xhat',
      'xhat',
      'xhat',
      'xhat',
      'affine',
      'affine',
      'affine',
      'affine',
    ];
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < expected.length; i++) {
      await expect(arith).toHaveText(expected[i]!);
      await expect(page.getByTestId(`stage-${stages[i]}`)).toHaveAttribute('aria-current', 'step');
      if (i === 3) await expect(page.getByTestId('bars-mean-0')).toHaveAttribute('data-known', 'false');
      if (i === 4) await expect(page.getByTestId('bars-mean-0')).toHaveAttribute('data-known', 'true');
      if (i === 8) await expect(page.getByTestId('bars-var-0')).toHaveAttribute('data-known', 'false');
      if (i === 9) await expect(page.getByTestId('bars-var-0')).toHaveAttribute('data-known', 'true');
      if (i < expected.length - 1) await page.keyboard.press('ArrowRight');
    }
    await expect(page.locator('.step-label')).toContainText('Step 18 of 18');
    await expect(page).toHaveURL(/step=17(&|$)/);
    // the member table holds every number of the group
    await expect(page.getByTestId('member-0')).toContainText('−1.3416');
    await expect(page.getByTestId('member-3')).toContainText('3.6833');
    // the output is filled in: 2·(x − 2.5)/√1.25001 + 1
    expect(await cellNumbers(page, 'tensor-out')).toEqual([-1.68, 0.11, 1.89, 3.68]);
    await expect(page.getByTestId('stage-sum')).toContainText('10');
    await expect(page.getByTestId('stage-mean')).toContainText('2.5');
    await expect(page.getByTestId('stage-variance')).toContainText('1.25');
  });

  test('running statistics of [1, 2, 3, 4] by hand, and the test sample normalized with them', async ({
    page,
  }) => {
    await page.goto(`./${HAND}`);
    // k = 4: mean 0.9·0 + 0.1·2.5 = 0.25; variance 0.9·1 + 0.1·1.25·4/3 = 1.0667
    await expect(page.getByTestId('running-mean-0')).toHaveText('0.25');
    await expect(page.getByTestId('running-var-0')).toHaveText('1.0667');
    await expect(page.getByTestId('running-worked')).toContainText('0.9·0 + 0.1·2.5 = 0.25');
    await expect(page.getByTestId('running-worked')).toContainText('0.9·1 + 0.1·1.25·4/3 = 1.0667');
    await page.getByTestId('mode-test').check();
    await expect(page).toHaveURL(/mode=test/);
    // y = 2·(1 − 0.25)/√(1.066667 + 0.00001) + 1 = 2.4523
    const y = (2 * (1 - 0.25)) / Math.sqrt(0.9 + 0.1 * (5 / 3) + 1e-5) + 1;
    await expect(page.getByTestId('test-y0')).toHaveText(y.toFixed(4));
    await expect(page.getByTestId('test-panel')).toContainText('no batch to take statistics from');
  });

  test('mini-batches arrive one by one and the running mean moves towards the batch means', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}`);
    const rm = async () =>
      Number((await page.getByTestId('running-mean-0').textContent())!.replace('−', '-'));
    const first = await rm();
    await page.getByTestId('next-batch').click();
    await expect(page.getByTestId('batch-label')).toContainText('Mini-batch 2');
    await expect(page).toHaveURL(/batch=1/);
    const second = await rm();
    // channel 0 is around 5: starting from 0, every batch pulls the running mean up
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    await expect(page.getByTestId('running-mean-chart').locator('circle')).toHaveCount(2);
  });

  test('hovering a cell gives its group’s mean, variance and size; clicking works that group out', async ({
    page,
  }) => {
    await page.goto(`./${HAND}`);
    await hoverAt(page, page.getByTestId('tensor-in').locator('rect[data-group]').first(), 0.5, 0.5, () =>
      expect(page.getByTestId('focus-line')).toContainText(
        'group 0 (channel 0 of every sample): 4 values, mean μ = 2.5, variance σ² = 1.25',
        { timeout: 1000 },
      ),
    );
    await expect(page.getByTestId('tensor-in').locator('figcaption')).toContainText(
      'x = 1 · group 0, μ = 2.5, σ² = 1.25, 4 values',
    );

    await page.goto(`./${LECTURE}`);
    const cells = page.getByTestId('tensor-in').locator('rect[data-group="2"]');
    await cells.first().scrollIntoViewIfNeeded();
    const c2 = (await cells.first().boundingBox())!;
    await page.mouse.click(c2.x + c2.width / 2, c2.y + c2.height / 2);
    await expect(page).toHaveURL(/grp=2/);
    await expect(page.getByTestId('step-sheet')).toContainText('group 2 channel 2 of every sample');
  });

  test('the near-constant channel: ε decides how far x̂ spreads', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('preset').selectOption('nearconst');
    await expect(page).toHaveURL(/sd=2,0.001/);
    await expect(page.getByTestId('eps-note')).toContainText('Group 1');
    const spread = async () => (await page.getByTestId('hist-1-xhat').textContent())!;
    const before = await spread();
    await page.getByTestId('eps').fill('1e-9');
    await expect(page).toHaveURL(/eps=1e-9/);
    await expect(page.getByTestId('eps-note')).toHaveCount(0);
    // σ² ≈ 10⁻⁶: x̂ has variance σ²/(σ² + ε), about 0.09 with ε = 10⁻⁵ and 0.999 with ε = 10⁻⁹
    const variance = (text: string) => Number(text.split('var ')[1]!.replace('−', '-'));
    expect(variance(before)).toBeLessThan(0.2);
    await expect.poll(async () => variance(await spread())).toBeGreaterThan(0.99);
  });

  test('copying the link and opening it in a fresh page restores the same state', async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./${LECTURE}`);
    await page.getByTestId('shape-c').fill('4');
    await page.getByTestId('kind-group').check();
    await page.getByTestId('gamma-1').fill('1.5');
    await page.getByTestId('beta-2').fill('-0.5');
    await page.getByTestId('mode-test').check();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('+');
    const step = await page.locator('.step-label').textContent();
    const arith = await page.getByTestId('step-arith').textContent();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#/norm?');
    expect(link).toContain('gamma=1:1.5');
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link);
    await expect(fresh.locator('.step-label')).toHaveText(step!);
    await expect(fresh.getByTestId('step-arith')).toHaveText(arith!);
    await expect(fresh.getByTestId('kind-group')).toBeChecked();
    await expect(fresh.getByTestId('gamma-1')).toHaveValue('1.5');
    await expect(fresh.getByTestId('beta-2')).toHaveValue('−0.5');
    await expect(fresh.getByTestId('mode-test')).toBeChecked();
    await expect(fresh.locator('.speed select')).toHaveValue('4');
  });

  test('a broken link names each problem, keeps the rest and leaves a working page', async ({ page }) => {
    await page.goto('./#/norm?kind=group&g=5&in=6x3x3&foo=1&eps=0&grp=99');
    const banner = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(banner).toContainText('g=5');
    await expect(banner).toContainText('1, 2, 3 or 6');
    await expect(banner).toContainText('foo');
    await expect(banner).toContainText('eps');
    await expect(banner).toContainText('grp=99');
    await expect(page.getByTestId('shape-stats')).toHaveText('2×3×1×1');
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of');
  });

  test('an impossible choice is refused next to its control and nothing changes', async ({ page }) => {
    await page.goto('./#/norm?v=1&kind=instance&n=2&in=3x3x3&seed=1');
    await page.getByTestId('layout-nd').click();
    await expect(page.getByTestId('rejection-layout')).toContainText('instance norm does not apply');
    await expect(page.getByTestId('shape-stats')).toHaveText('2×3×1×1');
    await expect(page.getByTestId('layout-nchw')).toBeChecked();
  });

  test('the fully connected N×D case is a plain matrix: batch norm per column, layer norm per row', async ({
    page,
  }) => {
    await page.goto('./#/norm?v=1&layout=nd&kind=batch&n=3&in=4x3x3&seed=1');
    (await cellGroups(page)).forEach((g, i) => expect(g).toBe(i % 4));
    await expect(page.getByTestId('shape-stats')).toHaveText('1×4');
    await page.getByTestId('kind-layer').check();
    (await cellGroups(page)).forEach((g, i) => expect(g).toBe(Math.floor(i / 4)));
    await expect(page.getByTestId('shape-stats')).toHaveText('3×1');
    await expect(page.getByTestId('kind-instance')).toBeDisabled();
  });

  test('playing fills the output and stops at the last step', async ({ page }) => {
    await page.goto(`./${HAND}&speed=960`);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.locator('.step-label')).toContainText('Step 18 of 18');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('the convolution view’s output can be the data, and sample 0 is exactly that output', async ({
    page,
  }) => {
    await page.goto('./#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7&step=17');
    await expect(page.getByTestId('output-1').locator('svg text').first()).toBeAttached({ timeout: 20_000 });
    const conv = await Promise.all(
      [0, 1].map(async (f) =>
        (await page.getByTestId(`output-${f}`).locator('svg text').allTextContents()).map((t) =>
          Number(t.replace('−', '-')),
        ),
      ),
    );
    await page.getByRole('link', { name: 'Normalization' }).click();
    await page.getByTestId('source').selectOption('conv');
    await expect(page.getByTestId('shape-c')).toHaveText('2');
    const x = await cellNumbers(page, 'tensor-in');
    expect(x.slice(0, 18)).toEqual([...conv[0]!, ...conv[1]!]);
    await expect(page).toHaveURL(/src=conv/);
  });

  test('sample images are read from the site itself', async ({ page }) => {
    // wide enough for the cells to show their numbers
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./#/norm?v=1&kind=instance&n=4&in=1x8x8&src=image&seed=1');
    await expect(page.getByTestId('tensor-in').locator('rect[data-group]')).toHaveCount(4 * 64);
    const x = await cellNumbers(page, 'tensor-in');
    expect(x).toHaveLength(4 * 64);
    for (const v of x) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  for (const [name, hash] of [
    ['default', LECTURE],
    ['group norm in test mode', '#/norm?v=1&kind=group&g=2&n=2&in=4x3x3&seed=1&mode=test&batch=2&gamma=1:2'],
    ['N×D with typed values', '#/norm?v=1&layout=nd&kind=layer&n=2&in=3x3x3&src=custom&seed=1&x=1,2,3,4,5,6'],
  ] as const) {
    test(`axe finds no accessibility violations: ${name}`, async ({ page }) => {
      // axe reads every node of a long page: give it time on a busy machine
      test.slow();
      await page.goto(`./${hash}`);
      await expect(page.getByTestId('step-sheet')).toBeVisible({ timeout: 20_000 });
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }
});
