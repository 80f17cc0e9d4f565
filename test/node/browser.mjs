// Shared by the Node end-to-end tests: headless Chromium through playwright-core (never a
// downloaded browser; see scripts/ensure-chromium.mjs) and the examples' static server.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

export { startServer };

/** A new page that records uncaught errors and console errors into `page.problems`. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are reported below, with their URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.problems.push(`console.error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url);
  return page;
}
