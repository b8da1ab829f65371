import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, hoverAt } from './fixtures';

const LECTURE = '#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9';
const CORNER = '#/pool?v=1&kind=avg&in=1x5x5&k=3&s=2&p=1&seed=9';

/** Reads the numbers drawn in a small grid (SVG text), row-major, as shown, once the grid is drawn. */
async function gridTexts(page: Page, testId: string): Promise<string[]> {
  const texts = page.getByTestId(testId).locator('svg text');
  await expect(texts.first()).toBeVisible({ timeout: 15_000 });
  return texts.allTextContents();
}

/** The ids of axe's violations on the page as it is now, with the elements they concern. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/**
 * Runs of three or more consecutive English words in the text of `main` — its text nodes (visible, or
 * visually hidden for screen readers) and its aria-labels and titles — leaving out code and formulas
 * (PyTorch lines, the size formula, the worked equation), where English names are meant to stay.
 */
async function englishRuns(page: Page): Promise<string[]> {
  const chunks = await page.locator('main').evaluate((main) => {
    const skip = 'code, .formula, .pool-equation, script, style';
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest(skip)) continue;
      if (getComputedStyle(el).display === 'none' || el.closest('[hidden]')) continue;
      out.push(node.textContent ?? '');
    }
    for (const el of main.querySelectorAll('[aria-label], [title]')) {
      if (el.closest(skip)) continue;
      out.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return out;
  });
  const isWord = (token: string) => /^[A-Za-z]+$/.test(token.replace(/^[("'‘“]+|[)"'’”,.:;!?]+$/g, ''));
  const runs: string[] = [];
  for (const chunk of chunks) {
    let run: string[] = [];
    for (const token of [...chunk.split(/\s+/), '']) {
      if (token && isWord(token)) run.push(token);
      else {
        if (run.length >= 3) runs.push(run.join(' '));
        run = [];
      }
    }
  }
  return runs;
}

test.describe('the pooling view in Korean, dark, presenting, and for screen readers', () => {
  test('lang=ko: Korean headings and labels, the same numbers as in English, no English sentence left', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}`);
    const enInput = await gridTexts(page, 'input-0');
    await expect(page.getByTestId('formula')).toBeVisible();
    const enFormula = await page.getByTestId('formula').textContent();
    // The check below does find English where there is some.
    expect(await englishRuns(page)).toContain('Pooling, step by step');
    await page.goto(`./${LECTURE}&lang=ko`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('part-pool')).toHaveText('풀링, 단계별로');
    await expect(page.getByTestId('part-relu')).toHaveText('활성화 함수 (ReLU)');
    await expect(page.getByTestId('shapes')).toHaveText('[2×4×4] → 최대 풀링 2×2 → [2×2×2]');
    await expect(page.locator('#pool-maps-title')).toHaveText('입력 → 출력, 채널별로 2×4×4 → 2×2×2');
    await expect(page.getByRole('radio', { name: '평균 풀링' })).toBeVisible();
    await expect(page.getByLabel('채널', { exact: true })).toHaveValue('2');
    // The same numbers: the grid, the size formula, the parameter count, the worked step.
    expect(await gridTexts(page, 'input-0')).toEqual(enInput);
    await expect(page.getByTestId('formula')).toHaveText(enFormula!);
    await expect(page.getByTestId('conv-params')).toHaveText('2·2·2·2 + 2 = 18');
    await expect(page.getByTestId('step-equation')).toHaveText('max(1, 8, 7, 6) = 8');
    await expect(page.locator('.step-label')).toContainText('8단계 중 1단계 · 채널 0, 행 0, 열 0');
    await expect(page.getByTestId('step-notes')).toHaveText(
      '최댓값 8은(는) 윈도우의 행 0, 열 1, 곧 입력의 행 0, 열 1에 있습니다 (채널을 펼친 인덱스 1).',
    );
    expect(await englishRuns(page)).toEqual([]);

    // Average pooling at a padded corner, and a hovered input cell, in Korean too.
    await page.goto(`./${CORNER}&lang=ko&cip=false`);
    await expect(page.getByTestId('divisor')).toHaveText('4');
    await expect(page.getByTestId('step-notes')).toHaveText(
      'count_include_pad=False: 입력 칸 4개만 셉니다. 패딩 칸 5개는 합에서도 나누는 수에서도 빠집니다.',
    );
    await hoverAt(page, page.getByTestId('input-0').locator('.grid-box'), 0.5 / 7, 0.5 / 7, () =>
      expect(page.getByTestId('focus-line')).toContainText(
        '채널 0의 패딩, 행 −1, 열 −1 (평균 풀링에서는 0으로 읽음): 윈도우 1개에 속합니다. 채널 0의 출력 (0, 0)만 해당합니다',
        { timeout: 1000 },
      ),
    );
    expect(await englishRuns(page)).toEqual([]);
  });

  test('the ReLU part in Korean: the same cells, counted in Korean, no English sentence left', async ({ page }) => {
    test.slow(); // an axe run
    await page.goto(`./${LECTURE}&part=relu`);
    const before = await gridTexts(page, 'relu-before');
    const negatives = before.filter((v) => v.startsWith('−')).length;
    await page.goto(`./${LECTURE}&part=relu&lang=ko`);
    expect(await gridTexts(page, 'relu-before')).toEqual(before);
    await expect(page.locator('#relu-title')).toHaveText('활성화 함수: 합성곱 뒤의 ReLU');
    await expect(page.getByTestId('relu-count')).toContainText(`칸 16개 중 ${negatives}개가 음수여서 0이 되었습니다.`);
    await page.getByTestId('relu-before').locator('.grid-box').focus();
    await page.keyboard.press('ArrowDown');
    const x = before[0]!;
    await expect(page.getByTestId('relu-focus')).toContainText(`행 0, 열 0: ReLU(${x}) = max(0, ${x})`);
    expect(await englishRuns(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('switching the language in the header keeps the view’s configuration and adds lang=ko to the link', async ({
    page,
  }) => {
    await page.goto(`./${CORNER}&step=4`);
    await expect(page.locator('.step-label')).toContainText('Step 5 of 9', { timeout: 15_000 });
    const equation = (await page.getByTestId('step-equation').textContent())!;
    expect(equation).toMatch(/^\(.+\) \/ 9 = /);
    await page.getByTestId('lang').selectOption('ko');
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/kind=avg/);
    await expect(page).toHaveURL(/in=1x5x5/);
    await expect(page).toHaveURL(/step=4(&|$)/);
    await expect(page.locator('.step-label')).toContainText('9단계 중 5단계');
    await expect(page.getByTestId('shapes')).toHaveText('[1×5×5] → 평균 풀링 3×3 → [1×3×3]');
    await expect(page.getByTestId('step-equation')).toHaveText(equation);
    await page.getByTestId('lang').selectOption('en');
    await expect(page.getByTestId('shapes')).toHaveText('[1×5×5] → average pool 3×3 → [1×3×3]');
    await expect(page).toHaveURL(/step=4(&|$)/);
  });

  test('presenting at 1280×720: settings hidden, playback and the max/average switch kept, PageDown steps', async ({
    page,
  }) => {
    test.slow(); // an axe run
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./${LECTURE}&present=1`);
    await expect(page.getByTestId('shapes')).toBeAttached({ timeout: 15_000 });
    await expect(page.getByRole('complementary')).toBeHidden();
    await expect(page.getByTestId('source')).toBeHidden();
    await expect(page.getByTestId('padding-h')).toBeHidden();
    await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
    await expect(page.getByTestId('input-0')).toBeInViewport();
    await expect(page.getByTestId('step-detail')).toBeInViewport();
    // The numbers are drawn larger than the grid's usual 16 px.
    const size = await page
      .getByTestId('input-0')
      .locator('svg text')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(16);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.keyboard.press('PageDown');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 8');
    await expect(page.getByTestId('step-equation')).toHaveText('max(1, 8, 2, 9) = 9');
    await page.keyboard.press('PageUp');
    await expect(page.locator('.step-label')).toContainText('Step 1 of 8');
    await page.getByTestId('present-kind-avg').click();
    await expect(page.getByTestId('shapes')).toHaveText('[2×4×4] → average pool 2×2 → [2×2×2]');
    await expect(page.getByTestId('present-kind-avg')).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/kind=avg/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('axe finds no violations in dark, in Korean and in Korean presenting, in both parts', async ({ page }) => {
    test.slow(); // four axe runs on a machine shared with other test runs
    await page.goto(`./${CORNER}`);
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('shapes')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('part-relu').click();
    await expect(page.getByTestId('relu-count')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // The theme is remembered; Korean and presenting on top of it.
    await page.goto(`./${LECTURE}&lang=ko`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('part-pool')).toHaveText('풀링, 단계별로');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('theme').selectOption('light');
    await page.goto(`./${LECTURE}&lang=ko&present=1`);
    await expect(page.getByTestId('present-kind')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the live region reads the current step’s worked arithmetic, and only "Playing" at high speed', async ({
    page,
  }) => {
    await page.goto(`./${LECTURE}`);
    const live = page.getByTestId('live-step');
    await expect(live).toHaveAttribute('aria-live', 'polite', { timeout: 15_000 });
    await expect(live).toHaveText('Channel 0, output row 0, column 0: max(1, 8, 7, 6) = 8');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await expect(live).toHaveText('Channel 0, output row 0, column 1: max(1, 8, 2, 9) = 9');
    // Selecting another output cell (here with the keyboard) shows its window but leaves the announced step alone.
    await page.getByTestId('output-1').locator('.grid-box').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('focus-line')).toContainText('Channel 1, output row 0, column 0');
    await expect(live).toHaveText('Channel 0, output row 0, column 1: max(1, 8, 2, 9) = 9');

    // Seed 9's stream starts 1, 8, 1, 8, 7, 6, 2, …: on 5×5 the padded corner window reads 1, 8 and 6, 2,
    // so (1 + 8 + 6 + 2) / 9 = 17 / 9 ≈ 1.8889, with the five padding zeros written out.
    await page.goto(`./${CORNER}&lang=ko`);
    await expect(page.getByTestId('live-step')).toHaveText(
      '채널 0, 출력 행 0, 열 0: (0 + 0 + 0 + 0 + 1 + 8 + 0 + 6 + 2) / 9 = 1.8889',
    );

    await page.goto(`./#/pool?kind=max&in=8x128x128&k=2&s=1&src=float&speed=960`);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('live-step')).toHaveText('Playing');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('live-step')).toContainText(/^Channel 0, output row \d+, column \d+: max\(/);
  });
});
