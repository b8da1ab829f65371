import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** One channel [1, 2, 3, 4] typed by hand, γ = 2 and β = 1: everything can be worked by hand. */
const HAND = '#/norm?v=1&kind=batch&n=1&in=1x2x2&src=custom&seed=1&x=1,2,3,4&gamma=0:2&beta=0:1';
const LECTURE = '#/norm?v=1&kind=batch&n=2&in=3x3x3&seed=1';
/** Group norm in test mode after three mini-batches: every part of the page is on screen. */
const GROUP_TEST = '#/norm?v=1&kind=group&g=2&n=2&in=4x3x3&seed=1&mode=test&batch=2&gamma=1:2';

/**
 * Runs of three or more consecutive English words in the visible text of `main`, outside code and
 * math (PyTorch lines, formulas, shapes and symbols stay as they are in both languages). Words are
 * Latin-letter tokens of two letters or more, so single-letter symbols (x, m, k) never count.
 */
async function englishRuns(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const skip = 'code, pre, kbd, .math, .step-arith, .stage-formula, .norm-formula, script, style';
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest(skip) || !el.checkVisibility()) {
        parts.push('|');
        continue;
      }
      parts.push(n.textContent ?? '');
    }
    return parts.join(' ');
  });
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) runs.push(run.join(' '));
    run = [];
  };
  for (const raw of text.split(/\s+/)) {
    const token = raw.replace(/^[("“‘[]+|[)"”’\].,;:!?…]+$/g, '');
    if (/^[A-Za-z][A-Za-z'’-]+$/.test(token)) run.push(token);
    else if (token !== '') flush();
  }
  flush();
  return runs;
}

/** Every axe violation, as "rule: targets". */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

const darkTheme = (page: Page) =>
  page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });

test.describe('the normalization lab in Korean, dark, presented and read aloud', () => {
  test('in Korean the headings and controls are Korean and the numbers are the same as in English', async ({
    page,
  }) => {
    await page.goto(`./${HAND}&step=4`);
    const arith = await page.getByTestId('step-arith').textContent();
    const mean = await page.getByTestId('running-mean-0').textContent();
    const variance = await page.getByTestId('running-var-0').textContent();
    const stats = await page.getByTestId('hist-0-xhat').textContent();

    await page.goto(`./${HAND}&step=4&lang=ko`);
    await expect(page.locator('#norm-in-title')).toContainText('입력 x');
    await expect(page.locator('#tt-title')).toHaveText('학습과 테스트');
    await expect(page.getByRole('radio', { name: /^배치 정규화/ })).toBeChecked();
    await expect(page.getByTestId('col-batch')).toContainText('배치');
    await expect(page.getByTestId('col-batch')).toContainText('✓ 선택됨');
    await expect(page.getByRole('radiogroup', { name: '정규화 종류' })).toBeVisible();
    await expect(page.getByRole('button', { name: '다음 배치' })).toBeVisible();
    await expect(page.locator('.step-label')).toContainText('18단계 중 5단계 · 그룹 0, 평균 μ');
    // The worked numbers do not depend on the language: μ = 10 / 4 = 2.5 either way.
    expect(arith).toBe('μ = Σx / m = 10 / 4 = 2.5');
    await expect(page.getByTestId('step-arith')).toHaveText(arith!);
    await expect(page.getByTestId('running-mean-0')).toHaveText(mean!);
    await expect(page.getByTestId('running-var-0')).toHaveText(variance!);
    await expect(page.getByTestId('running-worked')).toContainText('0.9·0 + 0.1·2.5 = 0.25');
    await expect(page.getByTestId('running-worked')).toContainText('이동 μ ← (1 − m)·이동 μ + m·μ');
    // "mean 0 · var 1" in English is "평균 0 · 분산 1": the same numbers, Korean words.
    expect(stats).toBe('mean 0 · var 1');
    await expect(page.getByTestId('hist-0-xhat')).toHaveText('평균 0 · 분산 1');
    // Step 6 (a squared deviation) has a word in its arithmetic: "so far" → "지금까지".
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-arith')).toHaveText(
      '(x₀ − μ)² = (1 − 2.5)² = 2.25; 지금까지 Σ(x − μ)² = 2.25',
    );
  });

  for (const [name, hash] of [
    ['the lecture data in training', LECTURE],
    ['group norm in test mode', GROUP_TEST],
    ['values typed by hand, test mode', `${HAND}&mode=test`],
    ['N×D', '#/norm?v=1&layout=nd&kind=batch&n=3&in=4x3x3&seed=1&mode=test'],
    ['sample images', '#/norm?v=1&kind=instance&n=2&in=3x4x4&src=image&seed=1'],
  ] as const) {
    test(`no English sentence is left on the Korean page: ${name}`, async ({ page }) => {
      await page.goto(`./${hash}&lang=ko`);
      await expect(page.getByTestId('step-sheet')).toBeVisible();
      // hover a cell, so that its caption and the hovered group's statistics are on screen too
      const box = page.getByTestId('tensor-in').locator('.tensor-box');
      const rect = (await box.boundingBox())!;
      await box.hover({ position: { x: rect.width - 8, y: rect.height - 8 } });
      await expect(page.getByTestId('tensor-in').locator('figcaption')).toContainText('샘플');
      expect(await englishRuns(page)).toEqual([]);
    });
  }

  test('the check for English does find an English sentence (on the English page)', async ({ page }) => {
    await page.goto(`./${LECTURE}`);
    await expect(page.getByTestId('step-sheet')).toBeVisible();
    expect((await englishRuns(page)).join(' / ')).toContain('Every channel’s values');
  });

  test('a decimal field keeps what was typed and says what is valid, worded like the whole-number fields', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}&lang=ko`);
    const momentum = page.getByTestId('momentum');
    await momentum.fill('abc');
    await expect(page.getByRole('alert').filter({ hasText: '모멘텀 m' })).toHaveText(
      '모멘텀 m: 0부터 1까지의 수를 입력하세요',
    );
    await expect(momentum).toHaveValue('abc');
    await momentum.fill('2');
    // the same sentence as the shared whole-number field's (common.outOfRange)
    await expect(page.getByRole('alert').filter({ hasText: '모멘텀 m' })).toHaveText(
      '모멘텀 m: 2은(는) 범위를 벗어납니다. 0부터 1까지 사용하세요',
    );
    await expect(page).not.toHaveURL(/mom=2/);
    await momentum.fill('0,2');
    await expect(page).toHaveURL(/mom=0.2/);
    await expect(page.getByRole('alert').filter({ hasText: '모멘텀 m' })).toHaveCount(0);
    await page.getByTestId('lang').selectOption('en');
    await page.getByTestId('eps').fill('1e-20');
    await expect(page.getByRole('alert').filter({ hasText: 'Epsilon' })).toContainText(
      'Epsilon ε: 1e−20 is out of range; use 1e−12 to 100',
    );
  });

  test('switching the language in the header keeps the configuration and adds lang=ko to the link', async ({
    page,
  }) => {
    await page.goto(`./${GROUP_TEST}&step=7`);
    await expect(page.locator('.step-label')).toContainText('Step 8 of');
    const arith = await page.getByTestId('step-arith').textContent();
    await page.getByTestId('lang').selectOption('ko');
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/kind=group/);
    await expect(page).toHaveURL(/step=7/);
    await expect(page).toHaveURL(/mode=test/);
    await expect(page).toHaveURL(/gamma=1:2/);
    await expect(page.locator('.step-label')).toContainText('단계 중 8단계');
    await expect(page.getByTestId('step-arith')).toHaveText(arith!);
    await expect(page.getByTestId('kind-group')).toBeChecked();
    await expect(page.getByTestId('groups')).toHaveValue('2');
    await expect(page.getByTestId('mode-test')).toBeChecked();
    await expect(page.getByTestId('test-panel')).toContainText('테스트 때도 샘플은');
    await page.getByTestId('lang').selectOption('en');
    await expect(page.getByTestId('test-panel')).toContainText('At test time the sample');
    await expect(page).toHaveURL(/kind=group/);
  });

  test('presented at 1280×720: editing controls hidden, playback and the lecture’s choices kept, PageDown steps', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./${LECTURE}&present=1`);
    await expect(page.getByTestId('step-sheet')).toBeVisible();
    for (const id of [
      'source',
      'shape-n',
      'seed',
      'preset',
      'offset-0',
      'gamma-0',
      'beta-0',
      'eps',
      'momentum',
    ])
      await expect(page.getByTestId(id)).toBeHidden();
    await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
    await expect(page.getByTestId('kind-layer')).toBeVisible();
    await expect(page.getByTestId('mode-test')).toBeVisible();
    await expect(page.getByTestId('next-batch')).toBeVisible();
    await expect(page.getByTestId('eps-0.1')).toBeVisible();
    // larger type: the root is at least 21 px, and the tensor's numbers grow with it
    const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(root).toBeGreaterThanOrEqual(21);
    const numberSize = await page
      .getByTestId('tensor-in')
      .locator('svg g[font-size]')
      .first()
      .getAttribute('font-size');
    expect(Number(numberSize)).toBeGreaterThanOrEqual(14);
    // nothing wider than the screen
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    await expect(page.locator('.step-label')).toContainText('Step 1 of');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect(page.locator('.step-label')).toContainText('Step 2 of');
    await expect(page).toHaveURL(/step=1(&|$)/);
    await page.keyboard.press('PageUp');
    await expect(page.locator('.step-label')).toContainText('Step 1 of');
  });

  test('the live region reads the current step’s worked arithmetic, in the page’s language', async ({
    page,
  }) => {
    await page.goto(`./${HAND}`);
    const live = page.getByTestId('norm-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText('Step 1 of 18, group 0 (channel 0 of every sample): Σx = x₀ = 1');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(live).toHaveText(
      'Step 5 of 18, group 0 (channel 0 of every sample): μ = Σx / m = 10 / 4 = 2.5',
    );
    // the visible focus line is not a live region (it would talk at every step while playing)
    await expect(page.getByTestId('focus-line')).not.toHaveAttribute('aria-live', /.*/);

    await page.goto(`./${HAND}&lang=ko&step=4`);
    await expect(live).toHaveText('18단계 중 5단계, 그룹 0 (모든 샘플의 채널 0): μ = Σx / m = 10 / 4 = 2.5');
  });

  test('while playing fast the live region only says it is playing', async ({ page }) => {
    await page.goto(`./${LECTURE}&speed=30&lang=ko`);
    await page.getByRole('button', { name: '재생', exact: true }).click();
    await expect(page.getByTestId('norm-live')).toHaveText('재생 중');
    await page.getByRole('button', { name: '일시 정지' }).click();
    await expect(page.getByTestId('norm-live')).toContainText('단계 중');
  });

  test('on a phone (390×844, Korean) nothing is wider than the screen and axe finds no violations', async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./${GROUP_TEST}&lang=ko`);
    await expect(page.getByTestId('step-sheet')).toBeVisible();
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(await axe(page)).toEqual([]);
  });

  for (const [name, hash, dark] of [
    ['dark, the lecture data', LECTURE, true],
    ['dark, group norm in test mode', GROUP_TEST, true],
    ['Korean', `${GROUP_TEST}&lang=ko`, false],
    ['Korean and dark, values by colour', `${LECTURE}&lang=ko`, true],
    ['presented', `${LECTURE}&present=1`, false],
    ['presented in dark and Korean', `${GROUP_TEST}&present=1&lang=ko`, true],
  ] as const) {
    test(`axe finds no accessibility violations: ${name}`, async ({ page }) => {
      // axe reads every node of a long page: give it time on a busy machine
      test.slow();
      await page.goto(`./${hash}`);
      await expect(page.getByTestId('step-sheet')).toBeVisible();
      if (dark) await darkTheme(page);
      if (name.includes('by colour')) await page.getByRole('radio', { name: '값', exact: true }).check();
      expect(await axe(page)).toEqual([]);
    });
  }
});
