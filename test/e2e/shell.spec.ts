import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation');

/** Colours that follow the theme: the page, a panel, the text, the header, and the receptive-field view's own map and padding. */
const themeColours = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const css = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      page: css('html').backgroundColor,
      panel: css('.controls fieldset').backgroundColor,
      text: css('body').color,
      header: css('.app-header').backgroundColor,
      rfMap: css('.rf-grid-map').backgroundColor,
      rfPad: css('.rf-grid .grid-box').backgroundColor,
    };
  });

/** The colour of pixel (x, y), one per cell, of the canvas of the grid `testId`. */
const canvasPixel = (page: import('@playwright/test').Page, testId: string, x: number, y: number) =>
  page
    .getByTestId(testId)
    .locator('canvas.grid-canvas')
    .evaluate(
      (canvas: HTMLCanvasElement, [x, y]) => {
        const [r, g, b] = canvas.getContext('2d')!.getImageData(x!, y!, 1, 1).data;
        return `rgb(${r}, ${g}, ${b})`;
      },
      [x, y],
    );

test.describe('the page shell', () => {
  test('switching to Korean translates the shell, keeps the view and puts lang=ko in the link', async ({ page }) => {
    await page.goto('./#/conv?in=1x6x6&k=3&f=1&s=1&p=0&step=4');
    await expect(nav(page).getByRole('link', { name: 'Convolution' })).toBeVisible();
    await page.getByTestId('lang').selectOption('ko');
    await expect(nav(page).getByRole('link', { name: '합성곱' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: '정규화' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page).toHaveURL(/lang=ko/);
    await expect(page).toHaveURL(/in=1x6x6&k=3/);
    await expect(page).toHaveURL(/step=4/);
    await expect(page.locator('.step-label')).toContainText('16단계 중 5단계');
    // The link restores the language in a fresh page.
    const link = page.url();
    const fresh = await page.context().newPage();
    await fresh.goto(link);
    await expect(fresh.getByRole('navigation').getByRole('link', { name: '풀링' })).toBeVisible();
    await fresh.close();
  });

  test('the header keeps the language and each view as it was left', async ({ page }) => {
    await page.goto('./#/conv?lang=ko&in=1x6x6&k=3&f=1&s=1&p=0&step=4');
    await nav(page).getByRole('link', { name: '풀링' }).click();
    await expect(page).toHaveURL(/#\/pool\?.*lang=ko/);
    await nav(page).getByRole('link', { name: '합성곱' }).click();
    await expect(page).toHaveURL(/#\/conv\?.*lang=ko.*in=1x6x6&k=3/);
    await expect(page).toHaveURL(/step=4/);
    await expect(page.locator('.step-label')).toContainText('16단계 중 5단계');
  });

  test("without lang in the link, the browser's language decides", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'ko-KR', baseURL });
    const page = await context.newPage();
    await page.goto('./#/pool');
    await expect(page.getByRole('navigation').getByRole('link', { name: '수용 영역' })).toBeVisible();
    await expect(page).toHaveURL(/lang=ko/);
    await context.close();
  });

  test('the dark theme is applied, remembered across reloads, and axe finds no violations', async ({ page }) => {
    await page.goto('./#/conv');
    await page.getByTestId('theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(11, 17, 32)');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('theme')).toHaveValue('dark');
    const results = await new AxeBuilder({ page }).include('.app-header').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test.describe('with the system in dark mode', () => {
    test.use({ colorScheme: 'dark' });

    test('"System" shows the same colours as the dark choice, and "Light" shows the light theme', async ({ page }) => {
      await page.goto('./#/rf');
      await expect(page.locator('.rf-grid-map').first()).toBeVisible();
      await expect(page.getByTestId('theme')).toHaveValue('auto');
      await expect(page.locator('html')).not.toHaveAttribute('data-theme');
      const system = await themeColours(page);
      await page.getByTestId('theme').selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const dark = await themeColours(page);
      expect(system).toEqual(dark);
      expect(dark).toEqual({
        page: 'rgb(11, 17, 32)',
        panel: 'rgb(17, 24, 39)',
        text: 'rgb(229, 231, 235)',
        header: 'rgb(2, 6, 23)',
        rfMap: 'rgb(30, 41, 59)',
        rfPad: 'rgb(71, 85, 105)',
      });
      // The header's "Light" wins over the system's dark mode.
      await page.getByTestId('theme').selectOption('light');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      const light = await themeColours(page);
      expect(light).toEqual({
        page: 'rgb(248, 250, 252)',
        panel: 'rgb(255, 255, 255)',
        text: 'rgb(31, 41, 55)',
        header: 'rgb(15, 23, 42)',
        rfMap: 'rgb(255, 255, 255)',
        rfPad: 'rgb(203, 213, 225)',
      });
      for (const key of Object.keys(light) as (keyof typeof light)[]) expect(light[key], key).not.toBe(dark[key]);
    });

    test('a canvas grid paints its padding and pending cells in the theme shown, and repaints when it changes', async ({ page }) => {
      // 66×66 padded input and 64×64 output cells: more than a grid draws in SVG (1,600), so both are canvases.
      await page.goto('./#/conv?v=1&in=1x64x64&k=3&f=1&s=1&p=1&d=1&seed=7');
      await expect(page.getByTestId('input-0').locator('canvas.grid-canvas')).toBeVisible();
      await expect(page.getByTestId('output-0').locator('canvas.grid-canvas')).toBeVisible();
      // The corner of the input is padding (p = 1); the last output cell is not computed yet at the first step.
      const pad = () => canvasPixel(page, 'input-0', 0, 0);
      const pending = () => canvasPixel(page, 'output-0', 63, 63);
      // System (dark): --pad-fill #273244, --pending-fill #1b2333.
      await expect.poll(pad).toBe('rgb(39, 50, 68)');
      await expect.poll(pending).toBe('rgb(27, 35, 51)');
      // The system turns light: #e2e8f0 and #f8fafc.
      await page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(pad).toBe('rgb(226, 232, 240)');
      await expect.poll(pending).toBe('rgb(248, 250, 252)');
      // The header's "Dark" over the system's light mode.
      await page.getByTestId('theme').selectOption('dark');
      await expect.poll(pad).toBe('rgb(39, 50, 68)');
      await expect.poll(pending).toBe('rgb(27, 35, 51)');
    });
  });

  test('presentation mode: the button, key P and present=1 in the link; editing chrome hidden', async ({ page }) => {
    await page.goto('./#/conv');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByTestId('present').click();
    await expect(page).toHaveURL(/present=1/);
    await expect(page.locator('html')).toHaveClass(/presenting/);
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(after).toBeGreaterThanOrEqual(before * 1.35);
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
    await expect(page.getByTestId('present')).toHaveText('Exit presentation');
    await page.locator('body').press('p');
    await expect(page).not.toHaveURL(/present=1/);
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await page.locator('body').press('P');
    await expect(page.locator('html')).toHaveClass(/presenting/);
  });

  test('PageDown and PageUp (presentation clickers) step the view', async ({ page }) => {
    await page.goto('./#/conv?in=1x5x5&k=3&f=1&s=1&p=0&present=1');
    await expect(page.locator('.step-label')).toContainText('Step 1 of 9');
    await page.locator('body').press('PageDown');
    await page.locator('body').press('PageDown');
    await expect(page.locator('.step-label')).toContainText('Step 3 of 9');
    await page.locator('body').press('PageUp');
    await expect(page.locator('.step-label')).toContainText('Step 2 of 9');
  });

  test('embed mode shows the view alone with a link to the full page', async ({ page }) => {
    await page.goto('./#/conv?in=1x5x5&k=3&f=1&s=1&p=0&embed=1');
    await expect(page.locator('.app-header')).toHaveCount(0);
    await expect(page.locator('.step-label')).toContainText('Step 1 of 9');
    const back = page.getByRole('link', { name: /Open in ConvScope/ });
    await expect(back).toBeVisible();
    const href = await back.getAttribute('href');
    expect(href).toContain('#/conv?v=1&in=1x5x5&k=3');
    expect(href).not.toContain('embed=1');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('with reduced motion asked for, nothing transitions', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ reducedMotion: 'reduce', baseURL });
    const page = await context.newPage();
    await page.goto('./#/conv');
    const duration = await page.evaluate(() => {
      const el = document.createElement('div');
      el.style.transition = 'opacity 2s';
      document.body.appendChild(el);
      return getComputedStyle(el).transitionDuration;
    });
    expect(parseFloat(duration)).toBeLessThan(0.001);
    await context.close();
  });

  test('a view that cannot be loaded says so, and the rest of the page keeps working', async ({ browser, baseURL }) => {
    // Without the service worker, so that the refused request below reaches the page as a failure.
    const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
    const page = await context.newPage();
    await page.goto('./#/conv');
    await expect(page.locator('.step-label')).toBeVisible();
    // The pooling view's code is refused, as when the network is down before it was ever cached.
    await page.route(/PoolPanel.*\.js$/, (route) => route.abort());
    await nav(page).getByRole('link', { name: 'Pooling' }).click();
    await expect(page.getByRole('alert')).toContainText('could not be loaded');
    await nav(page).getByRole('link', { name: 'Convolution' }).click();
    await expect(page.locator('.step-label')).toBeVisible();
    await context.close();
  });
});
