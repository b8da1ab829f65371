// `npm run bench:ui`: frame times of ConvScope's animation in headless Chromium, on the built site.
// Not part of `npm test`: timings on shared machines are figures to compare, not pass/fail tests.
//
// For each scenario it reports two figures while the view animates:
// - frame time: how long the page's main thread works on each frame, from Chromium's own trace
//   (the ProxyMain::BeginMainFrame slices: animation callbacks, React's render, style, layout,
//   paint and commit). This is what our code controls; it must stay within 16.7 ms for 60 frames
//   per second. Tracing adds a little overhead, so the figure errs on the slow side.
// - frame interval: the time between animation frames as the page sees them (requestAnimationFrame
//   timestamps). In headless Chromium with software compositing on a shared 2-core machine this also
//   includes the raster and compositor threads competing for the same cores.
// It also times a jump to a far step: from the key press to the frame that shows it.
import { chromium } from 'playwright-core';
import { readFileSync, rmSync } from 'node:fs';
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
    name: 'pooling, largest allowed: 8×128×128 max pool 2×2, playing at 960 steps/s',
    hash: '#/pool?v=1&kind=max&in=8x128x128&k=2&s=2&p=0&seed=9&speed=960',
    mode: 'play',
  },
  {
    name: 'normalization, largest allowed: 8 samples × 12 channels × 16×16, batch norm, playing at 960 steps/s',
    hash: '#/norm?v=1&kind=batch&n=8&in=12x16x16&seed=1&speed=960',
    mode: 'play',
  },
  {
    name: 'normalization, default view, playing at 960 steps/s',
    hash: '#/norm?v=1&speed=960',
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
    await page.locator('.step-label').first().waitFor();
    await page.waitForTimeout(500);
    const tracePath = `/tmp/convscope-bench-trace-${process.pid}.json`;
    await browser.startTracing(page, { path: tracePath, categories: ['cc'] });
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
    await browser.stopTracing();
    const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents;
    rmSync(tracePath, { force: true });
    const main = new Set(
      events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
    );
    const frameTimes = events
      .filter((e) => e.ph === 'X' && e.name === 'ProxyMain::BeginMainFrame' && main.has(`${e.pid}:${e.tid}`))
      .map((e) => e.dur / 1000);
    const stepText = await page.locator('.step-label').textContent();
    // A jump to a far step: from the key press to the first frame painted after the label changed.
    // A jump to a far step: pause, go to the first step, then time End until the frame that shows it
    // (at most 3 s, reported as NaN if the label never changes).
    const jump = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
          const pause = document.querySelector('.playback button[aria-pressed="true"]');
          if (pause) pause.click();
          key('Home');
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const label = document.querySelector('.step-label');
              const before = label?.textContent;
              const t0 = performance.now();
              key('End');
              const check = () => {
                if (label?.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
                else if (performance.now() - t0 > 3000) resolve(Number.NaN);
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
          );
        }),
    );
    rows.push({
      scenario: sc.name,
      frames: intervals.length,
      workP50: pct(frameTimes, 50),
      workP95: pct(frameTimes, 95),
      workMax: Math.max(...frameTimes),
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
console.log(`\n${SECONDS} s of animation per scenario at 1920×1080 (ms; 16.7 ms = 60 frames per second)\n`);
for (const r of rows) {
  console.log(`${r.scenario}`);
  console.log(`  frame time (main thread)  p50 ${f(r.workP50)}  p95 ${f(r.workP95)}  max ${f(r.workMax)}`);
  console.log(
    `  frame interval            p50 ${f(r.p50)}  p95 ${f(r.p95)}  max ${f(r.max)}  (${r.frames} frames, ${(r.over * 100).toFixed(1)}% over 17.5 ms)`,
  );
  console.log(`  jump to the last step ${f(r.jump)} ms; reached ${r.reached}`);
}
