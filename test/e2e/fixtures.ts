import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * Every browser test runs under two guards: no request may leave the page's origin, and the page may
 * log no console error nor throw. Both are checked after the test body.
 */
export const test = base.extend<{ guards: void }>({
  guards: [
    async ({ page, baseURL }, use) => {
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use();
      expect(foreign, 'requests outside the origin').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Moves the mouse to a fraction (fx, fy) of a grid's box and waits for `check` to pass. Under load the
 * page can still be laying out (a lazily loaded legend, fonts) when a box is first measured, so the box is
 * measured again and the mouse moved again until the check passes: a user whose pointer lands on the
 * wrong cell after a shift moves it too.
 */
export async function hoverAt(
  page: Page,
  target: Locator,
  fx: number,
  fy: number,
  check: () => Promise<void>,
): Promise<void> {
  await expect(async () => {
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    await check();
  }).toPass({ timeout: 15_000, intervals: [250, 500, 1000] });
}
