// The three engines for web-test-runner, and the server commands that let one test file say what
// the product promises in each of them (web-test-runner.config.mjs puts them together).
//
// - Chromium: Debian's chromium through puppeteer (CDP); emulates colour scheme and time zone at
//   run time.
// - Firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi (no geckodriver).
//   BiDi emulates time zones; the colour scheme is a profile preference, so the dark-mode tests
//   also run in a second Firefox started dark.
// - WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic), which this module
//   starts under `xvfb-run -a` on a free port and stops after deleting its session (killing the
//   driver first leaves MiniBrowser running). Colour scheme and time zone are MiniBrowser flags,
//   so the dark-mode tests run in a second MiniBrowser started with --dark-mode and the time-zone
//   tests in one MiniBrowser per zone (--time-zone).
//
// Every launcher carries `safetradeEnv = { engine, colorScheme, timeZone }`: `null` means the
// engine switches it at run time (the `color-scheme` / `set-timezone` commands); a value means
// this browser was started that way and the tests run the cases for it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath, miniBrowserPath, webkitDriverPath } from './ensure-browsers.mjs';

const LABEL = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

const withEnv = (launcher, env, name) => {
  launcher.safetradeEnv = env;
  if (name) {
    // The launchers set their name in initialize(); keep ours so the report says which variant.
    const initialize = launcher.initialize.bind(launcher);
    launcher.initialize = async (...args) => {
      await initialize(...args);
      launcher.name = name;
    };
  }
  return launcher;
};

export function chromium() {
  return withEnv(chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }), {
    engine: 'chromium',
    colorScheme: null,
    timeZone: null,
  });
}

/** Firefox over WebDriver BiDi; `colorScheme` is fixed for the life of the profile. */
export function firefox({ colorScheme = 'light' } = {}) {
  return withEnv(
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: firefoxPath(),
        headless: true,
        extraPrefsFirefox: {
          // 0 dark, 1 light: the page's prefers-color-scheme, whatever the (absent) desktop says.
          'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
          // No internet here: no update, telemetry or remote-settings traffic.
          'app.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
        },
      },
    }),
    { engine: 'firefox', colorScheme, timeZone: null },
    colorScheme === 'dark' ? 'Firefox (dark)' : 'Firefox',
  );
}

/** A port nothing listens on now (several test runners may start at once on this machine). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function waitForDriver(port, child, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) before it listened on ${port}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port} within ${timeoutMs} ms`);
}

const drivers = new Set();
const killDriver = (child) => {
  drivers.delete(child);
  // The driver runs in its own process group with xvfb-run and Xvfb: end exactly that group.
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', () => [...drivers].forEach(killDriver));

/**
 * Starts WebKitWebDriver on a free port under `xvfb-run -a` (MiniBrowser needs a display); as
 * root with the web process sandbox off, which cannot start as root in a container. `stop()`
 * ends the driver's process group; delete the WebDriver session first, or MiniBrowser lingers.
 */
export async function startWebKitDriver() {
  const port = await freePort();
  const env = { ...process.env };
  if (process.getuid?.() === 0) env.WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS = '1';
  const child = spawn('xvfb-run', ['-a', webkitDriverPath(), `--port=${port}`], { detached: true, stdio: 'ignore', env });
  drivers.add(child);
  await waitForDriver(port, child);
  return { port, stop: () => killDriver(child) };
}

/** Capabilities for MiniBrowser over WebDriver classic (webdriverio 9 would ask for BiDi). */
export function webkitCapabilities(args = []) {
  // Custom args replace the driver's defaults, so --automation must be there.
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation', ...args] },
  };
}

class WebKitLauncher extends WebdriverLauncher {
  constructor({ colorScheme, timeZone }) {
    const args = [`--time-zone=${timeZone}`];
    if (colorScheme === 'dark') args.push('--dark-mode');
    super({ hostname: '127.0.0.1', port: 0, logLevel: 'error', capabilities: webkitCapabilities(args) });
    this.safetradeEnv = { engine: 'webkit', colorScheme, timeZone };
    const variant = [colorScheme === 'dark' && 'dark', timeZone !== 'UTC' && timeZone].filter(Boolean);
    this.label = variant.length ? `WebKit (${variant.join(', ')})` : 'WebKit';
  }

  async initialize(config, testFiles) {
    const { port, stop } = await startWebKitDriver();
    this.stopDriver = stop;
    this.options.port = port;
    await super.initialize(config, testFiles);
    this.name = this.label;
  }

  async stop() {
    // Delete the WebDriver session first: it closes MiniBrowser; then the driver and its display.
    await super.stop();
    this.stopDriver?.();
  }
}

/** WebKitGTK's MiniBrowser started with this colour scheme and time zone (both fixed). */
export function webkit({ colorScheme = 'light', timeZone = 'UTC' } = {}) {
  return new WebKitLauncher({ colorScheme, timeZone });
}

export const engineLabel = (engine) => LABEL[engine] ?? engine;

/**
 * Server commands the tests call through `executeServerCommand` (see test/engine.ts):
 * - `browser-env` → `{ engine, colorScheme, timeZone }` of the browser running the test;
 * - `color-scheme` `{ scheme }` → true when the page now prefers that scheme (switched at run
 *   time, or the browser was started with it), false when this browser cannot show it;
 * - `set-timezone` `{ timezone }` → true when emulated (`null` restores), false when fixed;
 * - `viewport` `{ width, height }` → sets the layout viewport and returns the one reached
 *   (WebDriver: resizes the window until `innerWidth`/`innerHeight` match, if it can).
 */
export function engineCommands() {
  return {
    name: 'safetrade-engine-commands',
    async executeCommand({ command, payload, session }) {
      const launcher = session.browser;
      const env = launcher.safetradeEnv;
      if (!['browser-env', 'color-scheme', 'set-timezone', 'viewport'].includes(command)) return undefined;
      if (!env) throw new Error(`${command}: the browser ${launcher.name} was not made by scripts/wtr-engines.mjs`);
      if (command === 'browser-env') return env;
      if (command === 'color-scheme') {
        if (env.colorScheme !== null) return payload.scheme === env.colorScheme;
        await launcher.getPage(session.id).emulateMediaFeatures([{ name: 'prefers-color-scheme', value: payload.scheme }]);
        return true;
      }
      if (command === 'set-timezone') {
        if (env.timeZone !== null) return false;
        await launcher.getPage(session.id).emulateTimezone(payload?.timezone ?? undefined);
        return true;
      }
      // viewport
      const { width, height } = payload;
      if (launcher.type === 'puppeteer') {
        await launcher.getPage(session.id).setViewport({ width, height });
        return { width, height };
      }
      // WebDriver: resize the window until the viewport matches. MiniBrowser's toolbar keeps its
      // window at least 447 px wide, so a narrower request gets the narrowest it can do; the
      // command returns the viewport reached (the widget lays out by container queries on its
      // own width, which the tests set, so the page's width only has to hold it).
      const driver = launcher.driver;
      let size = { width, height };
      let inner;
      for (let i = 0; i < 3; i++) {
        await driver.setWindowSize(Math.max(1, size.width), Math.max(1, size.height));
        const before = inner;
        inner = await driver.execute('return { width: window.innerWidth, height: window.innerHeight }');
        if ((inner.width === width && inner.height === height) || (before && before.width === inner.width && before.height === inner.height)) break;
        size = { width: size.width + width - inner.width, height: size.height + height - inner.height };
      }
      return inner;
    },
  };
}
