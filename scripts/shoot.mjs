// Screenshots of the running app for people to look at: `node scripts/shoot.mjs URL name [WxH ...]`.
// Serve the app first (npm run preview). Pictures go to shots/ (not committed).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromiumPath, chromiumArgs } from './chromium.mjs';

const [url = 'http://127.0.0.1:4173/', name = 'shot', ...sizes] = process.argv.slice(2);
const list = sizes.length ? sizes : ['1280x800', '1920x1080', '390x844'];
mkdirSync('shots', { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const size of list) {
  const [width, height] = size.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(url);
  // Views are loaded on demand: wait until the view has replaced its loading message.
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(600);
  const file = `shots/${name}-${size}.png`;
  await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
  console.log(file);
  await page.close();
}
await browser.close();
