// `npm test`: type check, lint, unit and component tests (Vitest), then the browser tests in real
// headless Chromium (Playwright). Stops at the first failing stage and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { chromiumPath, howToInstall } from './chromium.mjs';

const stages = [
  ['type check', 'npx', ['tsc', '-p', '.']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['unit and component tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.vitest-results.json']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

rmSync('.vitest-results.json', { force: true });
rmSync('.playwright-results.json', { force: true });

let failedStage = null;
for (const [name, cmd, args] of stages) {
  if (name === 'browser tests' && !chromiumPath()) {
    console.error(`\n✗ ${howToInstall}\n`);
    failedStage = name;
    break;
  }
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    failedStage = name;
    break;
  }
}

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
let passed = 0;
let failed = 0;
const vitest = read('.vitest-results.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0);
}
const pw = read('.playwright-results.json');
if (pw?.stats) {
  passed += pw.stats.expected ?? 0;
  failed += (pw.stats.unexpected ?? 0) + (pw.stats.flaky ?? 0);
}
if (failedStage && failed === 0) failed = 1;
console.log(`\n${failedStage ? `✗ failed at: ${failedStage}` : '✓ all stages passed'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStage ? 1 : 0);
