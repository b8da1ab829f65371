import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, hoverAt } from './fixtures';

/** Reads the numbers drawn in a small grid (SVG text), row-major. */
async function gridNumbers(page: Page, testId: string): Promise<number[]> {
  // The view is a lazily loaded chunk: wait until the grid has drawn its numbers before reading them.
  await expect(page.getByTestId(testId).locator('svg text').first()).toBeAttached();
  const texts = await page.getByTestId(testId).locator('svg text').allTextContents();
  return texts.map((t) => Number(t.replace('−', '-')));
}

/** Reads a number shown as text (true minus sign). */
const num = (text: string | null) => Number((text ?? '').replace(/−/g, '-').replace(/,/g, ''));

test.describe('the lecture ideas view', () => {
  test('each demonstration’s link opens its demonstration, and the tabs switch between them', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth');
    await expect(page.getByTestId('demo-depth')).toBeVisible();
    await expect(page.getByTestId('depth-shapes')).toHaveText('[3×8×8] ⊛ [1×3×5×5] → [1×4×4]');
    await expect(page.getByTestId('depth-count')).toContainText('3×5×5 = 75 numbers: flattened, a 75-vector');

    await page.goto('./#/ideas?demo=1x1&pin=4x6x7&pcout=5');
    await expect(page.getByTestId('point-shapes')).toHaveText('[4×6×7] ⊛ [5×4×1×1] → [5×6×7]');
    await expect(page.getByTestId('point-params')).toHaveText('Parameters: Cout·C + Cout = 5·4 + 5 = 25');

    await page.goto('./#/ideas?demo=template&tin=1x6x6&tk=4');
    await expect(page.getByTestId('template-shapes')).toHaveText('[1×6×6] ⊛ [4×1×6×6] → [4×1×1]');

    await page.goto('./#/ideas?demo=linear&lk=2,2');
    await expect(page.getByTestId('linear-size')).toContainText('2 + 2 − 1 = 3');

    await page.getByTestId('tab-depth').click();
    await expect(page.getByTestId('demo-depth')).toBeVisible();
    await expect(page).toHaveURL(/demo=depth/);
    // Each demonstration keeps its own settings in the link while another is shown.
    await expect(page).toHaveURL(/lk=2,2/);
    await expect(page.getByTestId('tab-depth')).toHaveAttribute('aria-current', 'page');
  });

  test('depth: the three per-channel maps plus the bias make the one output channel, on screen', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth&din=3x6x6&dk=3');
    const parts = await Promise.all([0, 1, 2].map((c) => gridNumbers(page, `depth-part-${c}`)));
    const [bias] = await gridNumbers(page, 'depth-bias');
    const out = await gridNumbers(page, 'depth-output');
    expect(out).toHaveLength(16);
    for (let i = 0; i < 16; i++) expect(out[i]).toBe(parts[0]![i]! + parts[1]![i]! + parts[2]![i]! + bias!);
    // Map 0 at (0, 0) is the input's first channel against the filter's first slice, summed here.
    const x = await gridNumbers(page, 'depth-input-0');
    const k = await gridNumbers(page, 'depth-slice-0');
    let s = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += x[i * 6 + j]! * k[i * 3 + j]!;
    expect(parts[0]![0]).toBe(s);
    await expect(page.getByTestId('depth-sum')).toContainText('Output [0, 0, 0] = ');
    await expect(page.getByTestId('depth-sum')).toContainText('(from channel 2) + ');
    await expect(page.getByTestId('depth-sum')).toContainText(' (bias) = ');
  });

  test('depth: a 2-channel filter on the 3-channel input is refused with the reason, and nothing changes', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth');
    await page.getByTestId('try-depth').click();
    const refusal = page.getByTestId('rejection-fd');
    await expect(refusal).toContainText('a filter is as deep as its input: this input has 3 channels, so each filter needs 3');
    await expect(page.getByTestId('depth-shapes')).toHaveText('[3×8×8] ⊛ [1×3×5×5] → [1×4×4]');
    // Typing a depth gives the same answer; typing the input's depth is accepted.
    await page.getByTestId('filter-depth').fill('4');
    await expect(refusal).toContainText('this input has 3 channels, so each filter needs 3');
    await page.getByTestId('filter-depth').fill('3');
    await expect(refusal).toBeHidden();
  });

  test('depth: Cout filters give Cout output channels, and a chosen channel is worked above', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth');
    await page.getByTestId('depth-cout').fill('3');
    await expect(page.getByTestId('depth-shapes')).toHaveText('[3×8×8] ⊛ [3×3×5×5] → [3×4×4]');
    await expect(page.getByTestId('depth-outputs').locator('.grid-box')).toHaveCount(3);
    await expect(page).toHaveURL(/dcout=3/);
    await page.getByTestId('depth-out-2').locator('.grid-box').click({ position: { x: 3, y: 3 } });
    await expect(page.getByTestId('depth-sum')).toContainText('Output [2, 0, 0]');
    await expect(page).toHaveURL(/dfi=2/);
  });

  test('depth: the keyboard walks the output cells and the worked sum follows', async ({ page }) => {
    await page.goto('./#/ideas?demo=depth');
    await page.getByTestId('depth-output').locator('.grid-box').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('depth-sum')).toContainText('Output [0, 1, 1]');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/dpx=1(&|$)/);
  });

  test('1×1: a pixel’s output vector is the matrix times its channel vector plus the biases, on screen', async ({ page }) => {
    await page.goto('./#/ideas?demo=1x1&pin=3x5x5&pcout=2&ppx=2x3');
    const W = await gridNumbers(page, 'point-w');
    const x = await gridNumbers(page, 'point-x');
    const b = await gridNumbers(page, 'point-b');
    const y = await gridNumbers(page, 'point-y');
    expect(W).toHaveLength(6);
    expect(x).toHaveLength(3);
    for (let o = 0; o < 2; o++) expect(y[o]).toBe(W[o * 3]! * x[0]! + W[o * 3 + 1]! * x[1]! + W[o * 3 + 2]! * x[2]! + b[o]!);
    // x is the input's channels at row 2, column 3; y is the outputs there.
    for (let c = 0; c < 3; c++) expect((await gridNumbers(page, `point-input-${c}`))[2 * 5 + 3]).toBe(x[c]);
    for (let o = 0; o < 2; o++) expect((await gridNumbers(page, `point-output-${o}`))[2 * 5 + 3]).toBe(y[o]);
    // Hovering another pixel shows its vectors.
    await hoverAt(page, page.getByTestId('point-input-0').locator('.grid-box'), 0.5 / 5, 4.5 / 5, () =>
      expect(page.getByRole('heading', { name: /At pixel \(4, 0\)/ })).toBeVisible({ timeout: 1000 }),
    );
  });

  test('template: the convolution scores equal the linear classifier’s scores on screen', async ({ page }) => {
    for (const link of ['./#/ideas?demo=template', './#/ideas?demo=template&tsrc=scene&tk=5', './#/ideas?demo=template&tt=random&seed=3']) {
      await page.goto(link);
      await expect(page.getByTestId('template-verdict')).toContainText('Every score is the same both ways');
      const rows = await page.getByTestId('template-scores').locator('tbody tr').count();
      expect(rows).toBeGreaterThan(2);
      for (let k = 0; k < rows; k++) {
        const conv = num(await page.getByTestId(`conv-score-${k}`).textContent());
        const lin = num(await page.getByTestId(`lin-score-${k}`).textContent());
        expect(Math.abs(conv - lin)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(lin)));
      }
    }
    // The default: template 0 is the image itself, and it is the best match.
    await page.goto('./#/ideas?demo=template');
    await expect(page.getByTestId('score-row-0')).toContainText('best match');
    await expect(page.getByTestId('template-picture-0')).toBeVisible();
  });

  test('template: a seeded score is the dot product of the numbers on screen plus the bias', async ({ page }) => {
    await page.goto('./#/ideas?demo=template&tin=1x4x4&tk=2&tt=random');
    const x = await gridNumbers(page, 'template-input-0');
    for (let k = 0; k < 2; k++) {
      const w = await gridNumbers(page, `template-${k}-0`);
      const dot = x.reduce((s, v, i) => s + v * w[i]!, 0);
      const score = num(await page.getByTestId(`conv-score-${k}`).textContent());
      // bias ∈ {−1, 0, 1}
      expect([dot - 1, dot, dot + 1]).toContain(score);
    }
  });

  test('linear: the stack matches the composed kernel (max |difference| 0); a ReLU breaks it', async ({ page }) => {
    await page.goto('./#/ideas?demo=linear');
    await expect(page.getByTestId('max-diff')).toHaveText('max |difference| = 0');
    // Seed 7 has negative intermediate values, which a ReLU would zero.
    await expect(page.getByTestId('linear-negatives')).toContainText(/hold [1-9]\d* negative values/);
    // The composed kernel is 3 + 3 − 1 = 5 wide and the single-kernel output equals the stack's.
    expect(await gridNumbers(page, 'linear-composed')).toHaveLength(25);
    expect(await gridNumbers(page, 'linear-direct')).toEqual(await gridNumbers(page, 'linear-layer-1'));
    await page.getByTestId('relu-switch').check();
    await expect(page).toHaveURL(/lrelu=on/);
    const shown = num((await page.getByTestId('max-diff').textContent())!.split('=')[1]!);
    expect(shown).toBeGreaterThan(0);
    await expect(page.getByTestId('linear-verdict')).toContainText('cells differ');
    await expect(page.getByTestId('linear-differing').locator('li').first()).toContainText('off by');
    // The largest listed difference is what the headline says.
    const stack = await gridNumbers(page, 'linear-layer-1');
    const direct = await gridNumbers(page, 'linear-direct');
    expect(Math.max(...stack.map((v, i) => Math.abs(v - direct[i]!)))).toBe(shown);
    await page.getByTestId('relu-switch').uncheck();
    await expect(page.getByTestId('max-diff')).toHaveText('max |difference| = 0');
  });

  test('linear: the hand-worked size of a three-layer stack and the make-up of a composed cell', async ({ page }) => {
    await page.goto('./#/ideas?demo=linear&lk=2,2,3&lin=8');
    await expect(page.getByTestId('linear-size')).toContainText('2 + 2 + 3 − 2 = 5');
    await expect(page.getByTestId('max-diff')).toHaveText('max |difference| = 0');
    expect(await gridNumbers(page, 'linear-composed')).toHaveLength(25);
    await page.getByTestId('linear-composed').locator('.grid-box').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('linear-terms')).toContainText('K[0, 0] = Σ (K₁ ∗ K₂)[i, j]·K₃[0 − i, 0 − j]');
  });

  test('a broken link names its problems and leaves a working page', async ({ page }) => {
    await page.goto('./#/ideas?demo=linear&lk=9,1&lin=2&foo=1&lrelu=maybe');
    const banner = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(banner).toContainText('lk');
    await expect(banner).toContainText('foo');
    await expect(banner).toContainText('lrelu');
    await expect(banner).toContainText('lin');
    await expect(page.getByTestId('max-diff')).toHaveText('max |difference| = 0');
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
    await page.getByTestId('relu-switch').check();
    await expect(page.getByTestId('linear-verdict')).toContainText('cells differ');
  });

  test('an unknown demonstration falls back to the first, saying so', async ({ page }) => {
    await page.goto('./#/ideas?demo=pooling');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be used' })).toContainText('depth, 1x1, template, linear');
    await expect(page.getByTestId('demo-depth')).toBeVisible();
  });

  test('a changed setting survives a reload through the link', async ({ page }) => {
    await page.goto('./#/ideas?demo=1x1');
    await page.getByTestId('point-cout').fill('4');
    await page.getByTestId('point-in-c').fill('6');
    await expect(page).toHaveURL(/pin=6x5x5/);
    await page.reload();
    await expect(page.getByTestId('point-shapes')).toHaveText('[6×5×5] ⊛ [4×6×1×1] → [4×5×5]');
  });

  for (const demo of ['depth', '1x1', 'template', 'linear']) {
    test(`axe finds no accessibility violations (${demo})`, async ({ page }) => {
      test.setTimeout(90_000); // axe over hundreds of grid cells is slow on a busy machine
      await page.goto(`./#/ideas?demo=${demo}${demo === 'linear' ? '&lrelu=on' : ''}`);
      await expect(page.getByTestId(`demo-${demo}`)).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }
});
