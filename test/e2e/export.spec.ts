import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const LECTURE = '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7';

/** The bytes of a finished download. */
async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** The width and height in a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngDimensions(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Decodes an image in the page (no fetch: the page's CSP allows none of data: URLs) and measures it:
 * its size, the number of distinct colours on a grid of samples, and the spread of its brightness.
 */
async function pixelStats(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const raw = atob(b64);
    const data = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    let n = 0;
    let sum = 0;
    let sum2 = 0;
    for (let y = 0; y < bitmap.height; y += 3) {
      for (let x = 0; x < bitmap.width; x += 3) {
        const i = (y * bitmap.width + x) * 4;
        colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        const lum = 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
        sum += lum;
        sum2 += lum * lum;
        n++;
      }
    }
    const mean = sum / n;
    return { width: bitmap.width, height: bitmap.height, colours: colours.size, sd: Math.sqrt(sum2 / n - mean * mean) };
  }, bytes.toString('base64'));
}

/**
 * The video frames' times (ms) and the duration of a WebM, read independently of the app's code: a
 * walk over the EBML elements, into Segment and Cluster, reading Cluster Timecode, SimpleBlock and
 * Block headers, and Info's Duration.
 */
function webmTimes(buf: Buffer): { times: number[]; duration: number | null } {
  const vint = (p: number, keepMarker: boolean) => {
    const first = buf[p]!;
    let len = 1;
    while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
    let v = keepMarker ? first : first & (0xff >> len);
    for (let i = 1; i < len; i++) v = v * 256 + buf[p + i]!;
    const unknown = !keepMarker && v === 2 ** (7 * len) - 1;
    return { v, len, unknown };
  };
  const descend = new Set([0x18538067, 0x1f43b675, 0xa0, 0x1549a966]); // Segment, Cluster, BlockGroup, Info
  const times: number[] = [];
  let duration: number | null = null;
  let cluster = 0;
  for (let p = 0; p < buf.length; ) {
    const id = vint(p, true);
    const size = vint(p + id.len, false);
    const data = p + id.len + size.len;
    if (descend.has(id.v) || size.unknown) {
      p = data;
      continue;
    }
    if (id.v === 0xe7) cluster = buf.readUIntBE(data, size.v);
    if (id.v === 0xa3 || id.v === 0xa1) times.push(cluster + buf.readInt16BE(data + vint(data, false).len));
    if (id.v === 0x4489) duration = size.v === 8 ? buf.readDoubleBE(data) : buf.readFloatBE(data);
    p = data + size.v;
  }
  return { times, duration };
}

/** The PNG size the export promises for the view on screen: 1920 wide, height in proportion. */
async function expectedPngSize(page: Page) {
  const r = await page.locator('#main').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  return { width: 1920, height: Math.round((r.height * 1920) / r.width) };
}

async function exportPng(page: Page): Promise<Download> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('menuitem', { name: /PNG image/ }).click(),
  ]);
  return download;
}

test.describe('export of the current view', () => {
  test('a PNG of the convolution view is 1920 pixels wide, named after its step, and shows the view', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`./${LECTURE}&step=4`);
    await expect(page.locator('.step-label')).toContainText('Step 5 of 18');
    const expected = await expectedPngSize(page);
    const download = await exportPng(page);
    expect(download.suggestedFilename()).toBe('convscope-conv-4.png');
    const png = await bytesOf(download);
    expect(pngDimensions(png)).toEqual(expected);
    const stats = await pixelStats(page, png);
    expect(stats.width).toBe(1920);
    // Not blank: the diverging colour map, text and borders make hundreds of colours and a wide spread.
    expect(stats.colours).toBeGreaterThan(200);
    expect(stats.sd).toBeGreaterThan(20);
    await expect(page.getByTestId('export-status')).toHaveText(
      `Saved convscope-conv-4.png (${expected.width} × ${expected.height} pixels).`,
    );
    // The rasterizer's scratch frame is gone, and focus is back on the menu button.
    await expect(page.locator('iframe')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  });

  test('a PNG of the normalization view is 1920 pixels wide and shows the view', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('./#/norm');
    await expect(page.locator('.step-label')).toBeVisible();
    const expected = await expectedPngSize(page);
    const download = await exportPng(page);
    expect(download.suggestedFilename()).toBe('convscope-norm-0.png');
    const png = await bytesOf(download);
    expect(pngDimensions(png)).toEqual(expected);
    const stats = await pixelStats(page, png);
    expect(stats.colours).toBeGreaterThan(200);
    expect(stats.sd).toBeGreaterThan(20);
  });

  test('a WebM of three steps of the convolution view is a video, and the view goes back to its step', async ({ page }) => {
    // Rasterizing takes about a second a frame on an idle laptop; a loaded test machine is far slower.
    test.setTimeout(300_000);
    await page.goto(`./${LECTURE}&step=0`);
    await expect(page.locator('.step-label')).toContainText('Step 1 of 18');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /WebM animation/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a WebM animation' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Frames per second').fill('4');
    await dialog.getByLabel('Steps (one frame each)').fill('3');
    await expect(dialog.getByTestId('record-summary')).toContainText('3 frames at 4 per second: 0.8 s of video');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 270_000 }),
      dialog.getByRole('button', { name: 'Record' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('convscope-conv.webm');
    const webm = await bytesOf(download);
    expect([...webm.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML
    expect(webm.subarray(0, 64).toString('latin1')).toContain('webm'); // DocType
    expect(webm.length).toBeGreaterThan(10_000);
    // One frame per step at 4 frames per second, and a duration of 3 × 250 ms.
    expect(webmTimes(webm)).toEqual({ times: [0, 250, 500], duration: 750 });
    await expect(dialog.getByTestId('record-status')).toContainText('Saved convscope-conv.webm: 3 frames, 0.8 s');
    // The view is back at the step it showed before the recording, and so is its link.
    await expect(page.locator('.step-label')).toContainText('Step 1 of 18');
    await expect(page).not.toHaveURL(/step=[1-9]/);
    // The browser plays it back as a video of the announced frame size.
    const summary = (await dialog.getByTestId('record-status').textContent()) ?? '';
    const [, w, h] = /(\d+) × (\d+) pixels/.exec(summary) ?? [];
    const size = await page.evaluate(async (b64) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error('the video does not decode'));
      });
      return { width: video.videoWidth, height: video.videoHeight };
    }, webm.toString('base64'));
    expect(size).toEqual({ width: Number(w), height: Number(h) });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  });

  test('cancelling a recording puts the view back at its step', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`./${LECTURE}&step=2`);
    await expect(page.locator('.step-label')).toContainText('Step 3 of 18');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /WebM animation/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a WebM animation' });
    await dialog.getByLabel('Steps (one frame each)').fill('15');
    await dialog.getByRole('button', { name: 'Record' }).click();
    // Wait until the recording has moved the view on, then cancel.
    await expect(page.locator('.step-label')).not.toContainText('Step 3 of 18', { timeout: 150_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden({ timeout: 120_000 });
    await expect(page.getByTestId('export-status')).toHaveText('Recording cancelled; the view is back at its step.');
    await expect(page.locator('.step-label')).toContainText('Step 3 of 18');
  });

  test('the menu works from the keyboard and leaves the view alone', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`./${LECTURE}&step=4`);
    await expect(page.locator('.step-label')).toContainText('Step 5 of 18');
    const button = page.getByRole('button', { name: 'Export' });
    const png = page.getByRole('menuitem', { name: /PNG image/ });
    const webm = page.getByRole('menuitem', { name: /WebM animation/ });
    await button.focus();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(png).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(webm).toBeFocused();
    await page.keyboard.press('ArrowDown'); // wraps round
    await expect(png).toBeFocused();
    await page.keyboard.press('End');
    await expect(webm).toBeFocused();
    await page.keyboard.press('Home');
    await expect(png).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(webm).toBeFocused();
    // The view's shortcuts do not fire from inside the menu.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.step-label')).toContainText('Step 5 of 18');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // Space opens it too, ↑ opens it on its last item, and Tab past the last item closes it.
    await page.keyboard.press(' ');
    await expect(png).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    await expect(webm).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('menu')).toBeHidden();
    // Enter on an item chooses it: the recording dialog opens, and Escape closes it back to the button.
    await button.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Record a WebM animation' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Frames per second')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect(page.locator('.step-label')).toContainText('Step 5 of 18');
  });

  test('a view without steps offers the PNG but says why there is no animation', async ({ page }) => {
    await page.goto('./#/rf');
    await page.getByRole('button', { name: 'Export' }).click();
    const webm = page.getByRole('menuitem', { name: /WebM animation/ });
    await expect(webm).toHaveAttribute('aria-disabled', 'true');
    await expect(webm).toContainText('this view has no steps to animate');
    await webm.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: /PNG image/ })).not.toHaveAttribute('aria-disabled', 'true');
  });

  test('without MediaRecorder the animation item is disabled and says so', async ({ page }) => {
    await page.addInitScript(() => {
      // A browser without MediaRecorder.
      delete (window as { MediaRecorder?: unknown }).MediaRecorder;
    });
    await page.goto(`./${LECTURE}`);
    await page.getByRole('button', { name: 'Export' }).click();
    const webm = page.getByRole('menuitem', { name: /WebM animation/ });
    await expect(webm).toHaveAttribute('aria-disabled', 'true');
    await expect(webm).toContainText('this browser cannot record video (no MediaRecorder)');
  });

  test('axe finds no violations with the menu open, nor in the recording dialog', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`./${LECTURE}`);
    await expect(page.locator('.step-label')).toBeVisible();
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    const menu = await new AxeBuilder({ page }).analyze();
    expect(menu.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await page.getByRole('menuitem', { name: /WebM animation/ }).click();
    await expect(page.getByRole('dialog', { name: 'Record a WebM animation' })).toBeVisible();
    const dialog = await new AxeBuilder({ page }).analyze();
    expect(dialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
