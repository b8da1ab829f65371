import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Each step of the built-in lesson: the route it shows and an element of that view that proves it. */
const STEPS: { route: string; testId: string; text?: string; title: string }[] = [
  { route: 'arch', testId: 'linear-params', text: '30,730', title: 'A linear classifier ignores space' },
  { route: 'ideas', testId: 'depth-count', text: '75', title: 'A filter is as deep as its input' },
  { route: 'conv', testId: 'shapes', text: '[4×4×4]', title: 'Many filters, many output channels' },
  { route: 'ideas', testId: 'demo-linear', title: 'Stacked convolutions need an activation' },
  { route: 'conv', testId: 'shapes', text: '[1×3×3]', title: 'Stride: how far the filter moves' },
  { route: 'conv', testId: 'shapes', text: '[2×3×3]', title: 'Padding and the output size' },
  { route: 'ideas', testId: 'demo-1x1', title: '1×1 convolutions mix channels' },
  { route: 'rf', testId: 'rf-summary', title: 'Receptive fields grow with depth' },
  { route: 'conv', testId: 'shapes', text: '[1×3×3]', title: 'Dilation spreads the filter out' },
  { route: 'pool', testId: 'pool-maps', title: 'Pooling shrinks the maps' },
  { route: 'arch', testId: 'arch-diagram', title: 'The classic architecture' },
  { route: 'norm', testId: 'kind-batch', title: 'Batch normalization' },
  { route: 'norm', testId: 'kind-layer', title: 'Layer normalization' },
  { route: 'norm', testId: 'kind-instance', title: 'Instance normalization' },
  { route: 'norm', testId: 'kind-group', title: 'Group normalization' },
];
const TOTAL = STEPS.length;

const STRIDE = '#/conv?v=1&in=1x7x7&k=3&f=1&s=2&p=0&d=1&seed=7';

/** Checks that step `n` (from 1) of the built-in lesson is on screen, with its view and its link. */
async function expectStep(page: Page, n: number) {
  const step = STEPS[n - 1]!;
  await expect(page.getByTestId('lesson-count')).toHaveText(`Step ${n} of ${TOTAL}`);
  await expect(page.getByTestId('lesson-title')).toHaveText(step.title);
  await expect(page.locator('.app')).toHaveAttribute('data-route', step.route);
  const el = page.getByTestId(step.testId).first();
  if (step.text) await expect(el).toContainText(step.text, { timeout: 15_000 });
  else await expect(el).toBeVisible({ timeout: 15_000 });
  if (step.route === 'norm') await expect(el).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`#/${step.route}\\?.*lesson=intro${n > 1 ? `&ls=${n}(&|$)` : '(&|$)'}`));
}

/** Presses a key with the focus on the page body (not in a field). */
async function press(page: Page, key: string) {
  await page.locator('body').click({ position: { x: 2, y: 700 } });
  await page.keyboard.press(key);
}

test.describe('the built-in lesson', () => {
  test('opens from the header; PageDown walks every step, PageUp walks back', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./#/conv');
    await page.getByTestId('lesson-open').click();
    await expect(page.getByTestId('lesson-chooser')).toBeVisible();
    await page.getByTestId('lesson-start').click();
    await expectStep(page, 1);
    await expect(page.getByTestId('lesson-prev')).toHaveAttribute('aria-disabled', 'true');
    for (let n = 2; n <= TOTAL; n++) {
      await press(page, 'PageDown');
      await expectStep(page, n);
    }
    await expect(page.getByTestId('lesson-next')).toHaveAttribute('aria-disabled', 'true');
    await press(page, 'PageDown'); // past the end: stays, and the view does not step either
    await expectStep(page, TOTAL);
    await press(page, 'PageUp');
    await expectStep(page, TOTAL - 1);
    await press(page, 'PageUp');
    await expectStep(page, TOTAL - 2);
    // The buttons and the list do the same.
    await page.getByTestId('lesson-prev').click();
    await expectStep(page, TOTAL - 3);
    await page.getByTestId('lesson-jump').selectOption('5');
    await expectStep(page, 5);
    await page.getByTestId('lesson-next').click();
    await expectStep(page, 6);
    // Browser Back returns to the previous step of another view.
    await page.getByTestId('lesson-jump').selectOption('10');
    await expectStep(page, 10);
    await page.goBack();
    await expectStep(page, 6);
  });

  test('← / → still step the view while PageDown moves the lesson', async ({ page }) => {
    await page.goto(`./${STRIDE}&lesson=intro&ls=5`);
    await expectStep(page, 5);
    await press(page, 'ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 9');
    await expect(page.getByTestId('lesson-count')).toHaveText(`Step 5 of ${TOTAL}`);
    await expect(page).toHaveURL(/ls=5.*step=1(&|$)/);
    await press(page, 'ArrowLeft');
    await expect(page.locator('.step-label')).toContainText('Step 1 of 9');
    await press(page, 'PageDown');
    await expectStep(page, 6);
  });

  test('a lesson link opened in a fresh page restores the step and the exact view', async ({ page, context }) => {
    await page.goto(`./${STRIDE}&lesson=intro&ls=5`);
    await expectStep(page, 5);
    await press(page, 'ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 9');
    await press(page, 'ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 3 of 9');
    await expect(page).toHaveURL(/step=2/);
    const url = page.url();
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expectStep(fresh, 5);
    await expect(fresh.locator('.step-label')).toContainText('Step 3 of 9');
    // Going to another view from the header keeps the lesson open.
    await fresh.getByRole('navigation').getByRole('link', { name: 'Pooling' }).click();
    await expect(fresh.locator('.app')).toHaveAttribute('data-route', 'pool');
    await expect(fresh.getByTestId('lesson-count')).toHaveText(`Step 5 of ${TOTAL}`);
    await expect(fresh).toHaveURL(/#\/pool\?.*lesson=intro&ls=5/);
  });

  test('reads in Korean with lang=ko, in presentation mode too', async ({ page }) => {
    await page.goto('./#/conv?v=1&lang=ko&lesson=intro&ls=6&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7');
    await expect(page.getByTestId('lesson-title')).toHaveText('패딩과 출력 크기');
    await expect(page.getByTestId('lesson-text')).toContainText('⌊(5 + 2·1 − 3)/2⌋ + 1 = 3');
    await expect(page.getByTestId('lesson-count')).toHaveText(`${TOTAL}단계 중 6단계`);
    await expect(page.getByTestId('lesson-next')).toHaveText('다음 ▶');
    await page.getByTestId('present').click();
    await expect(page.locator('.app')).toHaveClass(/present/);
    await expect(page.getByTestId('lesson-text')).toBeVisible();
    await expect(page.getByTestId('deck-copy')).toBeHidden(); // editing controls hidden
    await press(page, 'PageDown');
    await expect(page.getByTestId('lesson-title')).toHaveText('1×1 합성곱은 채널을 섞습니다');
    await expect(page).toHaveURL(/lang=ko&present=1&lesson=intro&ls=7/);
  });

  test('closing the lesson keeps the view and removes the lesson from the link', async ({ page }) => {
    await page.goto(`./${STRIDE}&lesson=intro&ls=5`);
    await page.getByTestId('lesson-close').click();
    await expect(page.getByTestId('lesson-bar')).toHaveCount(0);
    await expect(page.getByTestId('lesson-open')).toBeFocused();
    await expect(page.getByTestId('shapes')).toContainText('[1×3×3]');
    await expect(page).not.toHaveURL(/lesson=|ls=/);
  });
});

test.describe('instructor decks', () => {
  test('capture two views with a note, reorder, share the link: a fresh page opens the deck at step 1', async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto(`./${STRIDE}`);
    await page.getByTestId('lesson-open').click();
    await page.getByTestId('deck-start').click();
    await expect(page.getByTestId('lesson-count')).toHaveText('Step 1 of 1');
    await expect(page.getByTestId('deck-editor')).toHaveAttribute('open', '');
    await page.getByTestId('deck-title').fill('Week 3');
    await page.getByTestId('deck-step-title').fill('Stride 2');
    await page.getByTestId('deck-step-note').fill('Count the steps: 3×3 outputs.');
    await expect(page.getByTestId('lesson-text')).toHaveText('Count the steps: 3×3 outputs.');
    // Another view, from the header: the deck stays open; capture it as step 2.
    await page.getByRole('navigation').getByRole('link', { name: 'Pooling' }).click();
    await expect(page.locator('.app')).toHaveAttribute('data-route', 'pool');
    await page.getByTestId('deck-add').click();
    await expect(page.getByTestId('lesson-count')).toHaveText('Step 2 of 2');
    await expect(page.getByTestId('lesson-title')).toHaveText('Pooling');
    await page.getByTestId('deck-step-title').fill('Max pooling');
    await expect(page.getByTestId('deck-steps').locator('li')).toHaveText([/1\. Stride 2/, /2\. Max pooling/]);
    // Reorder with the keyboard: the focus follows the moved step.
    await page.getByTestId('deck-up-2').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('deck-steps').locator('li')).toHaveText([/1\. Max pooling/, /2\. Stride 2/]);
    await expect(page.getByTestId('deck-down-1')).toBeFocused();
    await expect(page.getByTestId('lesson-count')).toHaveText('Step 1 of 2'); // the shown step moved with it
    // Share: the link field holds a link to step 1.
    const link = await page.getByTestId('deck-link').inputValue();
    expect(link).toMatch(/#\/pool\?v=1&kind=max&.*&deck=[A-Za-z0-9_-]+$/); // step 1: no ls=
    expect(link).not.toMatch(/lang=|present=|ls=/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy deck link' }).click();
    await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const fresh = await context.newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('lesson-bar')).toContainText('Deck: Week 3');
    await expect(fresh.getByTestId('lesson-count')).toHaveText('Step 1 of 2');
    await expect(fresh.getByTestId('lesson-title')).toHaveText('Max pooling');
    await expect(fresh.locator('.app')).toHaveAttribute('data-route', 'pool');
    await press(fresh, 'PageDown');
    await expect(fresh.getByTestId('lesson-title')).toHaveText('Stride 2');
    await expect(fresh.getByTestId('lesson-text')).toHaveText('Count the steps: 3×3 outputs.');
    await expect(fresh.getByTestId('shapes')).toContainText('[1×3×3]');
  });

  test('download the deck as JSON and load it back from the file', async ({ page, browser }, testInfo) => {
    await page.goto('./#/rf');
    await page.getByTestId('lesson-open').click();
    await page.getByTestId('deck-start').click();
    await page.getByTestId('deck-step-note').fill('수용 영역: 7×7');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-download').click()]);
    expect(download.suggestedFilename()).toBe('convscope-deck.json');
    const file = testInfo.outputPath('convscope-deck.json');
    await download.saveAs(file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ format: 'convscope-deck', version: 1, title: 'My deck' });
    expect(json.steps).toEqual([{ link: expect.stringMatching(/^#\/rf\?v=1&/), title: 'Receptive fields', note: '수용 영역: 7×7' }]);

    const other = await browser.newPage();
    await other.goto(new URL('./#/conv', page.url()).href);
    await other.getByTestId('lesson-open').click();
    await other.getByTestId('deck-file').setInputFiles(file);
    await expect(other.getByTestId('lesson-count')).toHaveText('Step 1 of 1');
    await expect(other.getByTestId('lesson-text')).toHaveText('수용 영역: 7×7');
    await expect(other.locator('.app')).toHaveAttribute('data-route', 'rf');
    await expect(other).toHaveURL(/#\/rf\?.*deck=/);
    await other.close();
  });

  test('a bad deck file says what is wrong and loads nothing; the page keeps working', async ({ page }) => {
    await page.goto(`./${STRIDE}`);
    await page.getByTestId('lesson-open').click();
    await page.getByTestId('deck-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "convscope-deck", ') });
    const error = page.getByTestId('deck-file-error');
    await expect(error).toContainText('The deck file “notes.json” could not be loaded');
    await expect(error).toContainText('This is not JSON');
    await expect(error).toContainText('Nothing from it was loaded');
    const badLink = JSON.stringify({ format: 'convscope-deck', version: 1, steps: [{ link: '#/conv?k=0', title: 'x' }, { link: '#/pool' }] });
    await page.getByTestId('deck-file').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: Buffer.from(badLink) });
    await expect(error).toContainText('Step 1’s link has settings that cannot be used: k=0');
    const newer = JSON.stringify({ format: 'convscope-deck', version: 2, steps: [] });
    await page.getByTestId('deck-file').setInputFiles({ name: 'new.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
    await expect(error).toContainText('This deck is version 2, made by a newer ConvScope');
    await expect(page).not.toHaveURL(/deck=|lesson=/);
    await press(page, 'ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 9');
    await error.getByRole('button', { name: 'Dismiss' }).click();
    await expect(error).toHaveCount(0);
  });

  test('a bad deck link says what is wrong; the view works and Close removes the deck', async ({ page }) => {
    // A deck cut off in the middle when it was copied.
    await page.goto(`./${STRIDE}&deck=eyJmb3JtYXQiOiJjb252c2NvcGUtZGVjayIsInZlcnNpb24iOjEs`);
    const error = page.getByTestId('deck-link-error');
    await expect(error).toContainText('The deck in this link could not be opened');
    await expect(error).toContainText('probably cut off when the link was copied');
    await expect(page.getByTestId('shapes')).toContainText('[1×3×3]');
    await press(page, 'ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 9');
    await error.getByRole('button', { name: 'Close the lesson' }).click();
    await expect(page).not.toHaveURL(/deck=/);
    await expect(page.getByTestId('lesson-bar')).toHaveCount(0);
    // Characters a deck never has: the problem banner names the key.
    await page.goto(`./${STRIDE}&deck=abc$def`);
    await expect(page.locator('.problem-banner')).toContainText('deck=abc$def: the deck must be at most 100,000 characters');
    await expect(page.getByTestId('shapes')).toContainText('[1×3×3]');
  });
});

test.describe('accessibility of the lesson bar', () => {
  const axe = (page: Page) => new AxeBuilder({ page }).include('#lesson-bar').include('.lesson-toggle').analyze();

  test('axe finds no violations: light with the deck editor, dark, presentation, Korean', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`./${STRIDE}`);
    await page.getByTestId('lesson-open').click();
    await expect(page.getByTestId('lesson-chooser')).toBeVisible();
    expect((await axe(page)).violations).toEqual([]);
    await page.getByTestId('deck-start').click();
    await expect(page.getByTestId('deck-editor')).toBeVisible();
    expect((await axe(page)).violations).toEqual([]);

    await page.goto(`./${STRIDE}&lesson=intro&ls=5`);
    await expect(page.getByTestId('lesson-title')).toBeVisible();
    expect((await axe(page)).violations).toEqual([]);
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect((await axe(page)).violations).toEqual([]);
    await page.goto(`./${STRIDE}&lesson=intro&ls=5&present=1&lang=ko`);
    await expect(page.getByTestId('lesson-title')).toHaveText('스트라이드: 필터가 움직이는 거리');
    expect((await axe(page)).violations).toEqual([]);
    await page.getByTestId('theme').selectOption('light');
    expect((await axe(page)).violations).toEqual([]);
  });

  test('the lesson is announced: the live region names the step', async ({ page }) => {
    await page.goto(`./${STRIDE}&lesson=intro&ls=5`);
    await expect(page.getByTestId('lesson-live')).toHaveText(`Lesson step 5 of ${TOTAL}: Stride: how far the filter moves`);
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-live')).toHaveText(`Lesson step 6 of ${TOTAL}: Padding and the output size`);
    await expect(page.getByTestId('lesson-next')).toBeFocused();
  });
});
