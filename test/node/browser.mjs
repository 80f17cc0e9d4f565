// Shared by the Node end-to-end tests: a real browser per engine (never a downloaded one; see
// scripts/ensure-browsers.mjs) behind one small page API, and the examples' static server.
// Chromium through playwright-core; Firefox through puppeteer-core over WebDriver BiDi (playwright
// cannot drive Debian's Firefox); WebKit (MiniBrowser) through webdriverio and WebKitWebDriver.
// Clicks, typing and selects are the driver's own input, not element.click() from script.
import { after, before, describe } from 'node:test';
import { chromium } from 'playwright-core';
import * as puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath, selectedEngines } from '../../scripts/ensure-browsers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { startWebKitDriver, webkitCapabilities } from '../../scripts/wtr-engines.mjs';

/** The engines to run in: BROWSERS (a comma list), all three by default. */
export const ENGINES = selectedEngines();

/**
 * One `describe` per engine in ENGINES, with a browser launched before its tests and closed after:
 * `body(session)` declares the tests and reads `session.browser` inside them.
 */
export function eachEngine(body) {
  for (const engine of ENGINES)
    describe(engine, () => {
      const session = { engine, browser: null };
      before(async () => {
        session.browser = await launch(engine);
      });
      after(() => session.browser?.close());
      body(session);
    });
}

/**
 * The static server, with every HTTP error recorded (`problems`, cleared by openPage) and an
 * error watcher first in every HTML page (test/fixtures/page-problems.js): WebDriver classic has
 * no console or error events, so every engine reports page errors the same way.
 */
export async function startWatchedServer(options = {}) {
  const httpProblems = [];
  const started = await startServer({
    ...options,
    inject: '<script src="/test/fixtures/page-problems.js"></script>',
    onResponse: (status, path) => {
      if (status >= 400 && path !== '/favicon.ico') httpProblems.push(`HTTP ${status}: ${path}`);
    },
  });
  return { ...started, httpProblems };
}

export { startServer };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn(arg)` in the page until it returns something truthy; that value is returned. */
async function waitIn(evaluate, fn, arg, { timeout = 10000, message } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await evaluate(fn, arg).catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(message ?? `timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`);
    await sleep(100);
  }
}

/**
 * Starts the engine's browser. `browser.open(url, server)` resolves to a page with:
 * evaluate(fn, arg), frameEvaluate(fn, arg) (in the page's first iframe), waitFor(fn, arg,
 * { timeout }), click(host, inner) (inner is looked up in
 * host's shadow root; the first match), fill(selector, value), select(selector, value), url(),
 * problems() (page errors and the server's HTTP errors since it opened) and close().
 */
export async function launch(engine) {
  if (engine === 'chromium') {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    return {
      engine,
      async open(url, server) {
        const page = await browser.newPage();
        return wrap(server, url, {
          goto: (u) => page.goto(u),
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          frameEvaluate: (fn, arg) => page.frames()[1].evaluate(fn, arg),
          click: (host, inner) => page.locator(`${host} ${inner}`).first().click(),
          fill: (sel, value) => page.fill(sel, value),
          select: (sel, value) => page.selectOption(sel, value),
          url: () => page.url(),
          close: () => page.close(),
        });
      },
      close: () => browser.close(),
    };
  }
  if (engine === 'firefox') {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
    return {
      engine,
      async open(url, server) {
        const page = await browser.newPage();
        return wrap(server, url, {
          goto: (u) => page.goto(u),
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          frameEvaluate: async (fn, arg) => {
            const frame = await (await page.waitForSelector('iframe')).contentFrame();
            return frame.evaluate(fn, arg);
          },
          click: async (host, inner) => {
            const handle = await page.waitForSelector(`${host} >>> ${inner}`, { timeout: 15000 });
            await handle.click();
          },
          fill: (sel, value) => page.locator(sel).fill(value),
          select: (sel, value) => page.select(sel, value).then(() => undefined),
          url: () => page.url(),
          close: () => page.close(),
        });
      },
      close: () => browser.close(),
    };
  }
  if (engine === 'webkit') {
    const driver = await startWebKitDriver();
    let browser;
    try {
      browser = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: webkitCapabilities() });
    } catch (e) {
      driver.stop();
      throw e;
    }
    // WebDriver classic has one page per session: open() navigates it, close() leaves it blank.
    return {
      engine,
      async open(url, server) {
        return wrap(server, url, {
          goto: (u) => browser.url(u),
          evaluate: (fn, arg) => browser.execute(fn, arg),
          frameEvaluate: async (fn, arg) => {
            await browser.switchFrame(await browser.$('iframe'));
            try {
              return await browser.execute(fn, arg);
            } finally {
              await browser.switchFrame(null);
            }
          },
          click: async (host, inner) => {
            const el = await browser.$(host).shadow$(inner);
            await el.waitForClickable({ timeout: 15000 });
            await el.click();
          },
          fill: async (sel, value) => browser.$(sel).setValue(value),
          // An <option> without a value attribute has its text as its value.
          select: async (sel, value) => {
            const select = browser.$(sel);
            const hasValueAttr = await browser.execute((s, v) => [...document.querySelector(s).options].some((o) => o.getAttribute('value') === v), sel, value);
            await (hasValueAttr ? select.selectByAttribute('value', value) : select.selectByVisibleText(value));
          },
          url: () => browser.getUrl(),
          close: () => browser.url('about:blank'),
        });
      },
      async close() {
        // The session first (it closes MiniBrowser), then the driver and its virtual display.
        await browser.deleteSession().catch(() => {});
        driver.stop();
      },
    };
  }
  throw new Error(`unknown engine ${engine}`);
}

async function wrap(server, url, driver) {
  if (server.httpProblems) server.httpProblems.length = 0;
  await driver.goto(url);
  const evaluate = driver.evaluate;
  return {
    ...driver,
    waitFor: (fn, arg, options) => waitIn(evaluate, fn, arg, options),
    async problems() {
      const inPage = await evaluate(() => window.pageProblems ?? ['the error watcher did not run']);
      return [...inPage, ...(server.httpProblems ?? [])];
    },
  };
}

/** In the page: the text of the first `inner` in `host`'s shadow root (null until it exists). */
export function shadowText([host, inner]) {
  const node = document.querySelector(host)?.shadowRoot?.querySelector(inner);
  return node ? node.textContent.trim() : null;
}
