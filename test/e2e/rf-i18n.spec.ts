import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** A stack with a pooling, so the general formula, a jump of 2 and a negative start all show. */
const LINK = '#/rf?v=1&preset=custom&layers=c3p1*2,p2,c3p1&in=16&at=4&row=2&col=5';

/**
 * Runs of three or more consecutive English words in the visible text of `main` and in its
 * accessible names (aria-label, title), leaving out code, formulas and cited titles. A word is a
 * token of two or more Latin letters only, so layer names (conv1), symbols (k, j, u) and shapes do
 * not count.
 */
async function englishRuns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const skip = 'code, .rf-math, cite, script, style';
    const texts: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      if (el.closest('option') ? !el.closest('select')?.checkVisibility() : !el.checkVisibility()) continue;
      texts.push(n.textContent ?? '');
    }
    for (const el of Array.from(main.querySelectorAll('[aria-label], [title]'))) {
      if (el.closest(skip)) continue;
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) texts.push(v);
      }
    }
    const runs: string[] = [];
    for (const text of texts) {
      let run: string[] = [];
      const flush = () => {
        if (run.length >= 3) runs.push(run.join(' '));
        run = [];
      };
      for (const raw of text.split(/\s+/)) {
        const token = raw.replace(/^[([“"'‘]+|[)\]”"'’.,:;!?]+$/g, '');
        if (/^[A-Za-z]{2,}$/.test(token)) run.push(token);
        else flush();
      }
      flush();
    }
    return runs;
  });
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test.describe('the receptive-field view in Korean, dark and presentation mode', () => {
  test('lang=ko: Korean headings and labels, the same numbers as in English, no English sentence left', async ({ page }) => {
    await page.goto(`./${LINK}`);
    const numbers = async () => ({
      formula: await page.getByTestId('rf-formula').textContent(),
      recurrence: await page.getByTestId('rf-recurrence').textContent(),
      fields: await page.locator('[data-testid^="rf-r-"]').allTextContents(),
    });
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 10×10 input cells');
    const english = await numbers();
    // The checker does find English: the English page is full of it.
    expect((await englishRuns(page)).some((run) => run.includes('feed the selected cell'))).toBe(true);

    await page.goto(`./${LINK}&lang=ko`);
    await expect(page.getByTestId('rf-selected')).toHaveText('선택: 레이어 4 (conv3), 칸 (2, 5)');
    await expect(page.getByTestId('rf-size')).toHaveText('수용 영역: 입력 10×10 칸');
    await expect(page.getByTestId('rf-region')).toHaveText('입력 좌표: 행 0–9, 열 6–15');
    await expect(page.getByTestId('rf-jump')).toHaveText(
      '레이어 4의 이웃한 칸은 입력에서 j = 2칸 떨어져 있습니다. 칸 0의 수용 영역은 u = −4에서 시작하므로, 칸 (2, 5)은 (−4 + 2·2, −4 + 5·2) = (0, 6)에서 시작합니다.',
    );
    await expect(page.getByRole('heading', { name: '특징 맵: 입력부터 마지막 레이어까지' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '레이어', exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '수용 영역 r' })).toBeVisible();
    await expect(page.getByTestId('rf-map-note-0')).toHaveText('선택한 칸의 계산에 10×10 칸이 쓰임');
    await expect(page.getByRole('button', { name: '레이어 3의 복사본을 바로 뒤에 추가' })).toBeVisible();
    await expect(page.getByTestId('rf-preset').locator('option:checked')).toHaveText('직접 만든 스택');
    expect(await numbers()).toEqual(english);
    // The spoken text is throttled to 2×/s, but follows a change of language at once: read it now, without waiting.
    expect(await page.getByTestId('rf-live').textContent()).toContain('수용 영역');
    expect(await englishRuns(page)).toEqual([]);
    // Also with the published values of a preset shown (their source's title is cited, not translated).
    await page.goto('./#/rf?preset=alexnet&lang=ko');
    await expect(page.getByTestId('rf-ref-8')).toHaveText('195 ✓');
    expect(await englishRuns(page)).toEqual([]);
  });

  test('switching the language in the header keeps the stack and the selection, and adds lang=ko to the link', async ({ page }) => {
    await page.goto(`./${LINK}`);
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 4 (conv3), cell (2, 5)');
    await page.getByTestId('lang').selectOption('ko');
    await expect(page.getByTestId('rf-selected')).toHaveText('선택: 레이어 4 (conv3), 칸 (2, 5)');
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/layers=c3p1\*2,p2,c3p1&in=16&at=4&row=2&col=5/);
    await expect(page.getByTestId('rf-notation')).toHaveValue('c3p1*2,p2,c3p1');
    await expect(page.getByTestId('rf-recurrence')).toHaveText('r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10');
    await page.getByTestId('lang').selectOption('en');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 10×10 input cells');
  });

  test('present=1 at 1280×720: controls hidden, maps fit without scrolling sideways, the clicker steps through the layers', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./#/rf?present=1');
    await expect(page.getByTestId('rf-map-3')).toBeVisible();
    await expect(page.getByTestId('rf-notation')).toBeHidden();
    await expect(page.getByTestId('rf-preset')).toBeHidden();
    await expect(page.getByRole('form', { name: 'Receptive field settings' })).toBeHidden();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    // Every map's top edge on one row, all inside the first screen.
    const boxes = await Promise.all([0, 1, 2, 3].map(async (t) => (await page.getByTestId(`rf-map-${t}`).locator('.grid-box').boundingBox())!));
    for (const b of boxes) expect(b.y + b.height).toBeLessThanOrEqual(720);
    expect(boxes[3]!.x).toBeGreaterThan(boxes[2]!.x);
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 3 (conv3), cell (16, 16)');
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 2 (conv2), cell (16, 16)');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 5×5 input cells');
    await expect(page).toHaveURL(/at=2&row=16&col=16/);
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 3 (conv3), cell (16, 16)');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 3×3 input cells');
  });

  test('the live region says the selected cell\'s field and its recurrence, in the page\'s language', async ({ page }) => {
    await page.goto(`./${LINK}&lang=ko`);
    const live = page.getByTestId('rf-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText(
      '레이어 4 (conv3), 칸 (2, 5): 수용 영역은 입력 10×10 칸, 행 0–9, 열 6–15. r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10.',
    );
    await page.keyboard.press('ArrowLeft');
    // Layer 3 (the pool, 8×8) centre (4, 4): field 6, jump 2, start −2: rows −2 + 4·2 = 6 … 11.
    await expect(live).toHaveText('레이어 3 (pool1), 칸 (4, 4): 수용 영역은 입력 6×6 칸, 행 6–11, 열 6–11. r₃ = r₂ + (k − 1)·j₂ = 5 + (2 − 1)·1 = 6.');
    await page.getByTestId('lang').selectOption('en');
    await expect(live).toHaveText(
      'Layer 3 (pool1), cell (4, 4): receptive field 6×6 input cells, rows 6–11, columns 6–11. r₃ = r₂ + (k − 1)·j₂ = 5 + (2 − 1)·1 = 6.',
    );
    // The keyboard cursor on a map previews a cell, and the live region follows it.
    await page.getByTestId('rf-map-1').locator('.grid-box').focus();
    await page.keyboard.press('ArrowDown'); // the cursor starts at the centre, (8, 8)
    await expect(live).toHaveText('Layer 1 (conv1), cell (8, 8): receptive field 3×3 input cells, rows 7–9, columns 7–9. r₁ = r₀ + (k − 1)·j₀ = 1 + (3 − 1)·1 = 3.');
  });

  // axe takes a while on a shared machine: these tests get the slow allowance.
  test('axe finds no violations in the dark theme', async ({ page }) => {
    test.slow();
    await page.goto(`./${LINK}`);
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('rf-size')).toBeVisible();
    expect(await axe(page), 'dark').toEqual([]);
  });

  test('axe finds no violations in Korean, light and dark', async ({ page }) => {
    test.slow();
    await page.goto(`./${LINK}&lang=ko`);
    await expect(page.getByTestId('rf-size')).toHaveText('수용 영역: 입력 10×10 칸');
    expect(await axe(page), 'light, Korean').toEqual([]);
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await axe(page), 'dark, Korean').toEqual([]);
  });

  test('axe finds no violations in presentation mode, light and dark', async ({ page }) => {
    test.slow();
    await page.goto(`./${LINK}&present=1`);
    await expect(page.getByTestId('rf-notation')).toBeHidden();
    await expect(page.getByTestId('rf-size')).toBeVisible();
    expect(await axe(page), 'presenting, light').toEqual([]);
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await axe(page), 'presenting, dark').toEqual([]);
  });
});
