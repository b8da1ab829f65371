import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The outlined field in map `t`: its region attribute, and the rectangle drawn, measured on the page (the
 * outlined box is the field's; its stroke straddles the edges) and converted to cells of the padded map
 * (`padded` cells across).
 */
async function outline(page: Page, t: number, padded: number) {
  const drawn = page.getByTestId(`rf-map-${t}-outline`);
  const region = await drawn.getAttribute('data-region');
  const box = (await page.getByTestId(`rf-map-${t}`).locator('.grid-box').boundingBox())!;
  const b = (await drawn.boundingBox())!;
  const cell = box.width / padded;
  const cells = (v: number) => Math.round(v / cell);
  return { region, left: cells(b.x - box.x), top: cells(b.y - box.y), width: cells(b.width), height: cells(b.height) };
}

/** Reads pixels of a PNG screenshot (CSS px at device scale 1) as `rgb(r, g, b)`, in the page's own decoder. */
async function pixelReader(page: Page, png: Buffer) {
  const url = `data:image/png;base64,${png.toString('base64')}`;
  return (x: number, y: number) =>
    page.evaluate(
      async ({ url, x, y }) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const [r, gg, b] = g.getImageData(Math.floor(x), Math.floor(y), 1, 1).data;
        return `rgb(${r}, ${gg}, ${b})`;
      },
      { url, x, y },
    );
}

const PADDED_LINK = '#/rf?v=1&preset=custom&layers=c3p1*2,p2,c3p1&in=16&at=4&row=2&col=5';

test.describe('the receptive-field view', () => {
  test('a link opens its stack and selection, with the field worked out', async ({ page }) => {
    await page.goto(`./${PADDED_LINK}`);
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 4 (conv3), cell (2, 5)');
    // 3, 5, then the pool 5 + 1 = 6 with jump 2, then 6 + (3 − 1)·2 = 10.
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 10×10 input cells');
    await expect(page.getByTestId('rf-recurrence')).toHaveText('r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10');
    await expect(page.getByTestId('rf-formula')).toContainText('= 1 + (3 − 1)·1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = 10');
    // start −4 (padding 1 at jumps 1, 1 and 2), jump 2: rows −4 + 2·2 = 0 … 9, columns −4 + 5·2 = 6 … 15.
    await expect(page.getByTestId('rf-region')).toHaveText('In input coordinates: rows 0–9, columns 6–15');
    await expect(page.getByTestId('rf-r-3')).toHaveText('6');
    await expect(page.getByTestId('rf-row-4')).toHaveAttribute('aria-current', 'true');
    // The input is drawn with conv1's padding of 1 (18 cells across): rows 0–9 start 1 cell in, columns 6–15 7 cells in.
    expect(await outline(page, 0, 18)).toEqual({ region: '0,6,9,15', top: 1, left: 7, width: 10, height: 10 });
  });

  test('clicking a cell selects it: its field lights up in every earlier map and the URL follows', async ({ page }) => {
    await page.goto('./#/rf');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 7×7 input cells');
    const map = page.getByTestId('rf-map-3').locator('.grid-box');
    const box = (await map.boundingBox())!;
    const cell = box.width / 32; // the last map has no padding
    await map.click({ position: { x: cell * 5.5, y: cell * 4.5 } });
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 3 (conv3), cell (4, 5)');
    await expect(page).toHaveURL(/at=3&row=4&col=5/);
    await expect(page.getByTestId('rf-region')).toHaveText('In input coordinates: rows 1–7, columns 2–8');
    expect(await outline(page, 0, 34)).toEqual({ region: '1,2,7,8', top: 2, left: 3, width: 7, height: 7 });
    expect(await outline(page, 1, 34)).toEqual({ region: '2,3,6,7', top: 3, left: 4, width: 5, height: 5 });
    expect(await outline(page, 2, 34)).toEqual({ region: '3,4,5,6', top: 4, left: 5, width: 3, height: 3 });
    await expect(page.getByTestId('rf-map-note-0')).toHaveText('7×7 cells feed the selected cell');
    // The cells that feed it are shaded as one 7×7 block (no gaps), starting 1 padding cell in.
    const inputCell = (await page.getByTestId('rf-map-0').locator('.grid-box').boundingBox())!.width / 34;
    const map0 = (await page.getByTestId('rf-map-0').locator('.grid-box').boundingBox())!;
    const f = (await page.getByTestId('rf-map-0-field').boundingBox())!;
    const [x, y, w, h] = [f.x - map0.x, f.y - map0.y, f.width, f.height].map((v) => Math.round(v / inputCell));
    expect([y, x, h, w]).toEqual([2, 3, 7, 7]);
    // Drawn, not only placed: the outline's border has the window colour and the field its violet.
    const shot = await page.getByTestId('rf-map-0').locator('.grid-box').screenshot();
    const rgbAt = await pixelReader(page, shot);
    const window = await page.evaluate(() => getComputedStyle(document.querySelector('.rf-outline')!).outlineColor);
    const violet = await page.evaluate(() => getComputedStyle(document.querySelector('.rf-field-box')!).backgroundColor);
    expect(await rgbAt(f.x - map0.x + f.width / 2, f.y - map0.y + f.height / 2)).toBe(violet);
    const o = (await page.getByTestId('rf-map-0-outline').boundingBox())!;
    expect(await rgbAt(o.x - map0.x + o.width / 2, o.y - map0.y)).toBe(window); // on the top edge
  });

  test('the keyboard moves a cursor over a map and Enter selects', async ({ page }) => {
    await page.goto('./#/rf');
    const map = page.getByTestId('rf-map-2').locator('.grid-box');
    await map.focus();
    await page.keyboard.press('ArrowDown'); // the cursor starts at the centre, (16, 16)
    await expect(page.getByTestId('rf-selected')).toHaveText('Previewing: layer 2 (conv2), cell (16, 16)');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 2 (conv2), cell (16, 18)');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 5×5 input cells');
    await expect(page).toHaveURL(/at=2&row=16&col=18/);
  });

  test('AlexNet shows the published fields 11, 19, 51, 67, 99, 131, 163, 195', async ({ page }) => {
    await page.goto('./#/rf?preset=alexnet');
    const published = [11, 19, 51, 67, 99, 131, 163, 195];
    for (const [i, r] of published.entries()) {
      await expect(page.getByTestId(`rf-r-${i + 1}`)).toHaveText(String(r));
      await expect(page.getByTestId(`rf-ref-${i + 1}`)).toHaveText(`${r} ✓`);
    }
    await expect(page.getByTestId('rf-selected')).toHaveText('Selected: layer 8 (pool5), cell (3, 3)');
    await expect(page.getByTestId('rf-notation')).toHaveValue('c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2');
    await expect(page.getByTestId('rf-map-note-0')).toContainText('194×194 cells feed');
  });

  test('VGG-16 shows conv1_1 3 … pool5 212, and the 1 + L·(K − 1) formula for a plain stack', async ({ page }) => {
    await page.goto('./#/rf?preset=vgg16');
    const values = [3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212];
    for (const [i, r] of values.entries()) await expect(page.getByTestId(`rf-r-${i + 1}`)).toHaveText(String(r));
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 212×212 input cells');
    await page.getByTestId('rf-preset').selectOption('stack');
    await page.getByTestId('rf-count').fill('5');
    await expect(page.getByTestId('rf-formula')).toHaveText('1 + L·(K − 1) = 1 + 5·(3 − 1) = 11');
    await expect(page).toHaveURL(/preset=stack&layers=c3p1\*5&in=32/);
  });

  test('editing a layer updates the field; an impossible edit is explained in its row', async ({ page }) => {
    await page.goto('./#/rf');
    await page.getByTestId('rf-k-2').fill('5');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 9×9 input cells');
    await expect(page.getByTestId('rf-notation')).toHaveValue('c3p1,c5p1,c3p1');
    await page.getByRole('button', { name: 'Add a copy of layer 3 after it' }).click();
    await expect(page.getByTestId('rf-r-4')).toHaveText('11');
    await page.getByTestId('rf-input').fill('4');
    await page.getByTestId('rf-notation').fill('c3,c3,c3');
    await page.getByTestId('rf-notation-apply').click();
    // On 4×4: c3 → 2, then the second c3 gets a 2×2 map; the stack needs 7×7 (7 → 5 → 3 → 1).
    await expect(page.getByTestId('rejection-layers')).toContainText('Layer 2 (c3) gets a 2×2 map');
    await expect(page.getByTestId('rejection-layers')).toContainText('at least 7×7');
    await page.getByTestId('rf-notation').fill('c3,q2');
    await page.getByTestId('rf-notation').press('Enter');
    await expect(page.getByTestId('rejection-layers')).toContainText("Layer 2 'q2' not understood");
    // Nothing was lost.
    await expect(page.getByTestId('rf-r-4')).toHaveText('11');
  });

  test('a long stack lists its layers closed, each with its notation; opening one edits it', async ({ page }) => {
    await page.goto('./#/rf?v=1&layers=c3p1*12&in=64');
    const row = page.getByTestId('rf-layer-5');
    await expect(row.locator('summary')).toHaveText('5. conv5 c3p1');
    await expect(page.getByTestId('rf-k-5')).toBeHidden();
    await row.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('rf-k-5').fill('5');
    await expect(page.getByTestId('rf-notation')).toHaveValue('c3p1*4,c5p1,c3p1*7');
    await expect(row.locator('summary')).toHaveText('5. conv5 c5p1');
    // A short stack shows every layer's fields at once.
    await page.getByTestId('rf-notation').fill('c3,c3');
    await page.getByTestId('rf-notation-apply').click();
    await expect(page.getByTestId('rf-k-2')).toBeVisible();
  });

  test('a broken link names each problem and leaves a working page', async ({ page }) => {
    await page.goto('./#/rf?layers=c3,q9,c3&in=abc&at=7&zz=1');
    const banner = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(banner).toContainText("layer 2 'q9' not understood");
    await expect(banner).toContainText('in=abc');
    await expect(banner).toContainText("unknown setting 'zz'");
    await expect(banner).toContainText('at=7: the stack has 2 layers');
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 5×5 input cells');
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
    const map = page.getByTestId('rf-map-1').locator('.grid-box');
    await map.click({ position: { x: 5, y: 5 } });
    await expect(page.getByTestId('rf-selected')).toContainText('Selected: layer 1 (conv1)');
  });

  test('with dilation the field has gaps: the outline is a bounding box and the text says so', async ({ page }) => {
    await page.goto('./#/rf?preset=custom&layers=c3d2&in=16&at=1&row=5&col=5');
    // Cell 5 of a 3×3 dilation-2 layer reads rows and columns 5, 7, 9: 9 cells in a 5×5 box.
    await expect(page.getByTestId('rf-size')).toHaveText('Receptive field: 5×5 input cells');
    await expect(page.getByTestId('rf-detail')).toHaveText(
      'Dilated kernels leave gaps: the outline is a bounding box of 5×5 cells, of which only 9 feed the selected cell (violet).',
    );
    await expect(page.getByTestId('rf-map-note-0')).toHaveText('9 cells feed it (box 5×5)');
    expect((await page.getByTestId('rf-map-0-field').getAttribute('d'))!.match(/M/g)).toHaveLength(9);
  });

  test('the comparison loads the pooled stack', async ({ page }) => {
    await page.goto('./#/rf');
    await page.getByRole('button', { name: /Show this stack: The same with a 2×2 stride-2 pool/ }).click();
    await expect(page.getByTestId('rf-notation')).toHaveValue('c3p1*2,p2,c3p1*2');
    await expect(page.getByTestId('rf-r-5')).toHaveText('14');
  });

  test('axe finds no accessibility violations', async ({ page }) => {
    test.slow(); // axe takes a while on a shared machine
    await page.goto(`./${PADDED_LINK}`);
    await expect(page.getByTestId('rf-size')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
