import { defineConfig } from '@playwright/test';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';

// Browser tests run in Debian's Chromium (or $CHROMIUM_PATH) against the built site served by
// `vite preview` on port 4179 (not the usual 4173, so a preview you have open does not clash);
// `npm test` and `npm run test:e2e` build first, so a stale bundle is never tested.
// E2E_PORT and E2E_OUTDIR let several people test different builds side by side.
const port = Number(process.env.E2E_PORT ?? 4179);
const outDir = process.env.E2E_OUTDIR ?? 'dist';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A loaded shared machine can take seconds to lay out the largest views; no assertion waits on purpose longer.
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
