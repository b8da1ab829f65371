// Fails loudly, with a way out, when the browser tests have no Chromium to run in.
import { chromiumPath, howToInstall } from './chromium.mjs';

const path = chromiumPath();
if (!path) {
  console.error(`\n✗ ${howToInstall}\n`);
  if (process.env.CHROMIUM_PATH) console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}
console.log(`Browser tests use Chromium at ${path}`);
