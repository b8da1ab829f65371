import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const DEFAULT = '#/arch?v=1&in=3x32x32&f=16,32&k=3,3&p=1,1&pool=2&fc=64&classes=10&seed=1';

/**
 * A layer's maps are painted on one picture laid over the layer, each into its framed slot: checks that the
 * layer has that one picture and no canvas, that it says it holds `n` maps, that there are `n` slots, and that
 * the picture is opaque at the centre of every slot and transparent in the gap left of every slot after the
 * first (read from its pixels).
 */
async function expectMapsDrawn(page: Page, layer: string, n: number) {
  const maps = page.getByTestId(`maps-${layer}`);
  await expect(maps.locator('canvas')).toHaveCount(0);
  await expect(maps.locator('img')).toHaveCount(1);
  await expect(maps.locator('img')).toHaveAttribute('data-maps', String(n));
  await expect(maps.locator('.arch-map')).toHaveCount(n);
  const pixels = await maps.locator('img').evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const box = img.getBoundingClientRect();
    const at = (x: number, y: number) => ctx.getImageData(Math.floor(((x - box.left) * img.naturalWidth) / box.width), Math.floor(((y - box.top) * img.naturalHeight) / box.height), 1, 1).data[3];
    return [...img.parentElement!.querySelectorAll('.arch-map')].map((slot, i) => {
      const r = slot.getBoundingClientRect();
      return { centre: at(r.left + r.width / 2, r.top + r.height / 2), gap: i === 0 ? 0 : at(r.left - 3, r.top + r.height / 2) };
    });
  });
  expect(pixels).toEqual(Array.from({ length: n }, () => ({ centre: 255, gap: 0 })));
}

test.describe('the architecture view', () => {
  test('the default network shows the shapes and parameter counts worked by hand', async ({ page }) => {
    await page.goto(`./${DEFAULT}`);
    const shape = (name: string) => page.getByTestId(`shape-${name}`);
    await expect(shape('conv1')).toHaveText('16×32×32');
    await expect(shape('pool1')).toHaveText('16×16×16');
    await expect(shape('conv2')).toHaveText('32×16×16');
    await expect(shape('pool2')).toHaveText('32×8×8');
    await expect(shape('flatten')).toHaveText('2,048');
    await expect(shape('out')).toHaveText('10');
    // 16·3·3·3 + 16 = 448; 32·16·3·3 + 32 = 4,640; 64·2048 + 64 = 131,136; 10·64 + 10 = 650.
    await expect(page.getByTestId('params-conv1')).toHaveText('16·3·3·3 + 16 = 448');
    await expect(page.getByTestId('params-conv2')).toHaveText('32·16·3·3 + 32 = 4,640');
    await expect(page.getByTestId('params-fc1')).toHaveText('64·2048 + 64 = 131,136');
    await expect(page.getByTestId('params-out')).toHaveText('10·64 + 10 = 650');
    await expect(page.getByTestId('params-total')).toHaveText('136,874');
    await expect(page.getByTestId('params-conv')).toHaveText('5,088');
    await expect(page.getByTestId('macs-conv1')).toHaveText('16·32·32 outputs × 3·3·3 = 442,368');
    // The fully connected classifier: 3·32·32 = 3,072 inputs, 10·3,072 + 10 = 30,730.
    await expect(page.getByTestId('linear-params')).toContainText('10·3,072 + 10 = 30,730 parameters');
    await expect(page.getByTestId('compare-linear')).toHaveText('30,730');
    await expect(page.getByTestId('compare-total')).toHaveText('136,874');
    const code = page.getByTestId('arch-pytorch');
    await expect(code).toContainText('nn.Conv2d(3, 16, kernel_size=3, padding=1),   # → 16×32×32');
    await expect(code).toContainText('nn.Flatten(),                                 # → 2048');
    await expect(code).toContainText('nn.Linear(2048, 64),');
    await expect(code).toContainText('nn.Linear(64, 10),');
    // The forward pass drew every channel (the input's 3, conv2's 32), the flattened and hidden strips, and ten scores.
    await expectMapsDrawn(page, 'input', 3);
    await expectMapsDrawn(page, 'conv2', 32);
    await expectMapsDrawn(page, 'flatten', 1);
    await expectMapsDrawn(page, 'fc1', 1);
    await expect(page.getByTestId('scores-cnn').locator('rect.arch-pos, rect.arch-neg')).toHaveCount(10);
    await expect(page.getByTestId('scores-linear')).toHaveAttribute('aria-label', /class 9/);
  });

  test('at 1280×800 the layer table fits without scrolling sideways, in English and Korean, with no worked count broken', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const LARGE = '#/arch?v=1&in=3x64x64&f=16,32,64&k=5,5,5&p=2,2,2&pool=2&fc=128&classes=10&seed=1';
    for (const link of [DEFAULT, `${DEFAULT}&lang=ko`, LARGE, `${LARGE}&lang=ko`]) {
      await page.goto(`./${link}`);
      await expect(page.getByTestId('row-conv2')).toBeVisible();
      const fit = await page.evaluate(() => {
        const scroll = document.querySelector('.arch-table-scroll')!;
        const table = scroll.querySelector('table')!;
        // A worked count and its total each stay on one line (the cell may wrap between them).
        const lines = (el: Element) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
        const broken = [...table.querySelectorAll('.arch-work, .arch-count')].filter((el) => lines(el) !== 1);
        return {
          overflow: scroll.scrollWidth - scroll.clientWidth,
          tableRight: table.getBoundingClientRect().right,
          scrollRight: scroll.getBoundingClientRect().right,
          broken: broken.map((el) => el.textContent),
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(fit.overflow, link).toBeLessThanOrEqual(0);
      expect(fit.tableRight, link).toBeLessThanOrEqual(fit.scrollRight + 0.5);
      expect(fit.broken, link).toEqual([]);
      expect(fit.page, link).toBeLessThanOrEqual(0);
    }
    // The last column is there, with its numbers, and the worked counts read as before.
    await expect(page.getByRole('columnheader', { name: '활성값' })).toBeVisible();
    await page.goto(`./${DEFAULT}`);
    await expect(page.getByTestId('params-conv1')).toHaveText('16·3·3·3 + 16 = 448');
    await expect(page.getByTestId('activations-total')).toHaveText('57,482');
    await expect(page.getByTestId('params-conv')).toHaveText('5,088');
  });

  test('a link with a known configuration: 1×28×28, conv 8 k5, pool 2, no hidden layer', async ({ page }) => {
    await page.goto('./#/arch?in=1x28x28&f=8&k=5&p=0&pool=2&fc=&classes=10&src=digit');
    // (28 − 5) + 1 = 24 → pool 12 → 8·12·12 = 1,152 → Linear(1152, 10): 10·1,152 + 10 = 11,530.
    await expect(page.getByTestId('shape-conv1')).toHaveText('8×24×24');
    await expect(page.getByTestId('shape-pool1')).toHaveText('8×12×12');
    await expect(page.getByTestId('params-conv1')).toHaveText('8·1·5·5 + 8 = 208');
    await expect(page.getByTestId('params-out')).toHaveText('10·1152 + 10 = 11,530');
    await expect(page.getByTestId('params-total')).toHaveText('11,738');
    await expect(page.getByTestId('arch-pytorch')).toContainText('nn.Linear(1152, 10),');
    // The linear classifier: 784 inputs, 10·784 + 10 = 7,850.
    await expect(page.getByTestId('compare-linear')).toHaveText('7,850');
    await expect(page.getByTestId('arch-source')).toHaveValue('digit');
    await expectMapsDrawn(page, 'relu1', 8);
    // The digit is a 1-channel picture: one map, no 'as an image'.
    await expectMapsDrawn(page, 'input', 1);
  });

  test('the maps are painted again into their slots after a layer is closed and opened, and larger while presenting', async ({ page }) => {
    await page.goto(`./${DEFAULT}`);
    const conv1 = page.getByTestId('maps-conv1');
    await expectMapsDrawn(page, 'conv1', 16);
    // 32×32 maps at 2 pixels per cell (64 px, about 64 wide) inside a 1 px frame.
    expect((await conv1.locator('.arch-map').first().boundingBox())!.width).toBe(66);
    await conv1.locator('summary').click();
    await expect(conv1.locator('.arch-map').first()).toBeHidden();
    await conv1.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(conv1.locator('.arch-map').first()).toBeVisible();
    await expectMapsDrawn(page, 'conv1', 16);
    // Presenting: 3 pixels per cell (96 px, about 112 wide) — the slots grow and the picture follows them.
    await page.getByTestId('present').click();
    await expect(page.getByTestId('arch-n')).toBeHidden();
    await expect.poll(async () => (await conv1.locator('.arch-map').first().boundingBox())!.width).toBe(98);
    await expectMapsDrawn(page, 'conv1', 16);
    await expectMapsDrawn(page, 'pool2', 32);
  });

  test('changing N and the filters updates shapes, counts and code', async ({ page }) => {
    await page.goto(`./${DEFAULT}`);
    await page.getByTestId('arch-n').fill('3');
    // The third block copies the last with twice the filters: 32 → 64, 4×4 after its pool, 64·4·4 = 1,024.
    await expect(page.getByTestId('shape-pool3')).toHaveText('64×4×4');
    await expect(page.getByTestId('params-conv3')).toHaveText('64·32·3·3 + 64 = 18,496');
    await expect(page.getByTestId('arch-pytorch')).toContainText('nn.Linear(1024, 64),');
    await expect(page).toHaveURL(/f=16,32,64&k=3,3,3&p=1,1,1/);
    await page.getByTestId('arch-m').fill('0');
    await expect(page.getByTestId('params-out')).toHaveText('10·1024 + 10 = 10,250');
  });

  test('a network that cannot work is refused, naming the layer and what is valid', async ({ page }) => {
    await page.goto('./#/arch?in=3x8x8&f=4,4,4&k=3,3,3&p=1,1,1');
    await page.getByTestId('arch-n').fill('4');
    // 8 → 4 → 2 → 1: the fourth pool would get a 1×1 map.
    await expect(page.getByTestId('rejection-f')).toHaveText(
      'pool4 (nn.MaxPool2d(2)) would pool a 8×1×1 map below 1×1: a 2×2 window needs at least 2×2 cells. Valid here: no pooling (pool size 1), or at most 3 blocks, or a larger input.',
    );
    await expect(page.getByTestId('shape-pool3')).toHaveText('4×1×1');
    await expect(page.getByTestId('row-conv4')).toHaveCount(0);
    await page.getByTestId('arch-pool').fill('1');
    await expect(page.getByTestId('rejection-pool')).toHaveCount(0);
    await expect(page.getByTestId('row-pool1')).toHaveCount(0);
  });

  test('a broken link names each problem and leaves a working page', async ({ page }) => {
    await page.goto('./#/arch?in=3x8x8&f=4,4,4,4,4&classes=abc&src=upload&what=1');
    const banner = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(banner).toContainText('classes=abc');
    await expect(banner).toContainText('uploaded image');
    await expect(banner).toContainText("unknown setting 'what'");
    await expect(banner).toContainText('pool4 (nn.MaxPool2d(2)) would pool');
    await expect(page.getByTestId('shape-pool3')).toHaveText('4×1×1');
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
    await page.getByTestId('arch-classes').fill('5');
    await expect(page.getByTestId('shape-out')).toHaveText('5');
  });

  test('your own image is used for the forward pass and never leaves the page', async ({ page }) => {
    await page.goto(`./${DEFAULT}`);
    await page.getByTestId('arch-file').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: readFileSync('public/samples/scene.png') });
    await expect(page.getByTestId('arch-source')).toHaveValue('upload');
    await expect(page.getByTestId('maps-input')).toContainText('as an image');
    // The picture itself and its three channels.
    await expectMapsDrawn(page, 'input', 4);
    await page.getByTestId('arch-file').setInputFiles({ name: 'bad.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await expect(page.getByTestId('upload-error')).toContainText('could not be read as an image');
  });

  test('axe finds no accessibility violations', async ({ page }) => {
    test.setTimeout(90_000); // axe over every feature map is slow on a busy machine
    await page.goto(`./${DEFAULT}`);
    await expect(page.getByTestId('params-total')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
