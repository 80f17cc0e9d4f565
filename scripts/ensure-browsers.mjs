// Finds the three browser engines the tests run in: Chromium, Firefox and WebKit (WebKitGTK's
// MiniBrowser, driven through WebKitWebDriver under a virtual X display). As root on Debian it
// installs the distribution's packages that are missing (nothing is ever downloaded from a
// browser vendor); otherwise it says exactly what to install. Run directly
// (`node scripts/ensure-browsers.mjs [--dry-run]`, engines from BROWSERS) or import the paths.
//
// `--dry-run` prints what would be installed without doing it. With a PATH that lacks the
// browsers (e.g. `PATH=/nonexistent /usr/bin/node scripts/ensure-browsers.mjs --dry-run`) it
// shows the missing-package path on a machine that has them.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Flags for headless Chromium here: as root it needs --no-sandbox; the machine has no internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The first of `names` found on PATH, as an absolute path. */
function onPath(...names) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const file = dir && join(dir, name);
      if (file && existsSync(file)) return file;
    }
  }
  return undefined;
}

const fromEnv = (...vars) => vars.map((v) => process.env[v]).find((p) => p && existsSync(p));

export function chromiumPath() {
  return fromEnv('CHROMIUM_PATH', 'CHROME_PATH') ?? onPath('chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable');
}

export function firefoxPath() {
  return fromEnv('FIREFOX_PATH') ?? onPath('firefox-esr', 'firefox');
}

export function webkitDriverPath() {
  return fromEnv('WEBKIT_WEBDRIVER_PATH') ?? onPath('WebKitWebDriver');
}

/** MiniBrowser is not on PATH: Debian ships it inside libwebkit2gtk-4.1-0's private directory. */
export function miniBrowserPath() {
  const env = fromEnv('MINIBROWSER_PATH');
  if (env) return env;
  // Only look there when WebKitWebDriver itself is found (so a fake PATH hides the whole engine).
  if (!webkitDriverPath()) return undefined;
  for (const lib of ['/usr/lib', '/usr/lib64']) {
    let arches = [];
    try {
      arches = readdirSync(lib);
    } catch {
      continue;
    }
    for (const dir of ['', ...arches.map((a) => `${a}/`)]) {
      const file = `${lib}/${dir}webkit2gtk-4.1/MiniBrowser`;
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** What each engine needs: a label, the check, and the Debian packages that provide it. */
const NEEDS = {
  chromium: [['Chromium', chromiumPath, 'chromium']],
  firefox: [['Firefox', firefoxPath, 'firefox-esr']],
  webkit: [
    ['WebKitWebDriver and MiniBrowser', () => webkitDriverPath() && miniBrowserPath(), 'webkit2gtk-driver'],
    ['xvfb-run (a virtual display for MiniBrowser)', () => onPath('xvfb-run'), 'xvfb'],
    ['xauth (used by xvfb-run)', () => onPath('xauth'), 'xauth'],
  ],
};

/** The engines to run, from BROWSERS (a comma list, e.g. `BROWSERS=chromium,webkit`); all by default. */
export function selectedEngines(value = process.env.BROWSERS) {
  if (!value || !value.trim()) return [...ENGINES];
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length)
    throw new Error(`BROWSERS=${value}: unknown engine ${unknown.map((n) => `"${n}"`).join(', ')}; use a comma list of ${ENGINES.join(', ')}`);
  return ENGINES.filter((e) => names.includes(e));
}

/** The Debian packages missing for `engines`, each with what it provides. */
export function missing(engines) {
  return engines.flatMap((e) => NEEDS[e].filter(([, found]) => !found()).map(([label, , pkg]) => ({ engine: e, label, pkg })));
}

/** Makes sure every engine in `engines` is there; exits with instructions when it cannot. */
export function ensure(engines, { dryRun = false } = {}) {
  let gaps = missing(engines);
  if (!gaps.length) return;
  const pkgs = [...new Set(gaps.map((g) => g.pkg))];
  const install = `apt-get install -y ${pkgs.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  console.log(`Missing for ${engines.join(', ')}: ${gaps.map((g) => g.label).join('; ')}.`);
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    if (dryRun) {
      console.log(`Would run (as root): apt-get update && ${install}`);
      return;
    }
    console.log(`Installing Debian's packages: ${pkgs.join(' ')}…`);
    try {
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install} -qq`, { stdio: 'inherit' });
    } catch {
      // fall through to the message below
    }
    gaps = missing(engines);
    if (!gaps.length) return;
  }
  const message = [
    `The browser tests need ${gaps.map((g) => g.label).join('; ')}, and ${gaps.length > 1 ? 'they were' : 'it was'} not found.`,
    `  Debian/Ubuntu (as root): apt-get update && ${install}`,
    '  Elsewhere: install them and point CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER_PATH or MINIBROWSER_PATH at them,',
    '  or run a subset: BROWSERS=chromium npm test',
  ].join('\n');
  if (dryRun) {
    console.log(message);
    return;
  }
  console.error(message);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const engines = selectedEngines();
  ensure(engines, { dryRun: process.argv.includes('--dry-run') });
  const where = { chromium: chromiumPath, firefox: firefoxPath, webkit: () => [webkitDriverPath(), miniBrowserPath()].join(' + ') };
  for (const e of engines) console.log(`${e}: ${where[e]() ?? '(missing)'}`);
}
