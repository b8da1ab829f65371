// `npm run bench:ui`: frame times of ConvScope's animation in headless Chromium, on the built site.
// Not part of `npm test`: timings on shared machines are figures to compare, not pass/fail tests.
//
// For each scenario it records the interval between animation frames (requestAnimationFrame
// timestamps) while the view animates, and reports p50, p95 and max, and the share of frames over
// 16.7 ms. It also times a jump to a far step: from the key press to the frame that shows it.
import { chromium } from 'playwright-core';
import { preview, build } from 'vite';
import { chromiumPath, chromiumArgs } from './chromium.mjs';

const SCENARIOS = [
  {
    name: 'default view (lecture example), one step per frame',
    hash: '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7',
    mode: 'keys',
  },
  {
    name: 'largest allowed: 8×128×128 input, 8 filters of 8×11×11, playing at 960 steps/s',
    hash: '#/conv?v=1&in=8x128x128&k=11&f=8&s=1&p=5&d=1&seed=7&speed=960',
    mode: 'play',
  },
  {
    name: 'image: 3×64×64 landscape, 4 filters 3×3, playing at 960 steps/s',
    hash: '#/conv?v=1&src=scene&in=3x64x64&k=3&f=4&s=1&p=1&d=1&seed=7&speed=960',
    mode: 'play',
  },
];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

if (!process.env.NO_BUILD) await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 4174, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const base = 'http://127.0.0.1:4174/';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const rows = [];
try {
  for (const sc of SCENARIOS) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(base + sc.hash);
    await page.getByTestId('shapes').waitFor();
    await page.waitForTimeout(500);
    if (sc.mode === 'play') await page.getByRole('button', { name: 'Play' }).click();
    const intervals = await page.evaluate(
      ({ seconds, keys }) =>
        new Promise((resolve) => {
          const times = [];
          const end = performance.now() + seconds * 1000;
          const frame = (t) => {
            times.push(t);
            if (keys) {
              const label = document.querySelector('.step-label strong')?.textContent;
              const total = document.querySelector('.step-label')?.textContent?.match(/of ([\d,]+)/)?.[1];
              const key = label === total ? 'Home' : 'ArrowRight';
              window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
            }
            if (t < end) requestAnimationFrame(frame);
            else resolve(times.slice(1).map((x, i) => x - times[i]));
          };
          requestAnimationFrame(frame);
        }),
      { seconds: SECONDS, keys: sc.mode === 'keys' },
    );
    const stepText = await page.locator('.step-label').textContent();
    // A jump to a far step: from the key press to the first frame painted after the label changed.
    const jump = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const label = document.querySelector('.step-label');
          const before = label.textContent;
          const t0 = performance.now();
          const check = () => {
            if (label.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
            else requestAnimationFrame(check);
          };
          window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true })); // pause if playing
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
          requestAnimationFrame(check);
        }),
    );
    rows.push({
      scenario: sc.name,
      frames: intervals.length,
      p50: pct(intervals, 50),
      p95: pct(intervals, 95),
      max: Math.max(...intervals),
      over: intervals.filter((d) => d > 17.5).length / intervals.length,
      jump,
      reached: stepText?.trim(),
    });
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
}
const f = (x) => x.toFixed(1).padStart(6);
console.log(`\nFrame intervals over ${SECONDS} s of animation (ms; 16.7 ms = 60 frames per second)\n`);
for (const r of rows) {
  console.log(`${r.scenario}`);
  console.log(
    `  frames ${String(r.frames).padStart(4)}  p50 ${f(r.p50)}  p95 ${f(r.p95)}  max ${f(r.max)}  over 17.5 ms: ${(r.over * 100).toFixed(1)}%  jump to last step: ${f(r.jump)} ms`,
  );
  console.log(`  reached: ${r.reached}`);
}
