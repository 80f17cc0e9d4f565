// Finds a Chromium for the tests; as root on Debian it installs the distribution's package,
// otherwise it says exactly what to do. Run directly (`node scripts/ensure-chromium.mjs`)
// or import `chromiumPath()`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

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

export function chromiumPath() {
  return CANDIDATES.find((p) => p && existsSync(p));
}

function ensure() {
  const found = chromiumPath();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get install -y chromium)…');
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    } catch {
      // fall through to the message below
    }
    const installed = chromiumPath();
    if (installed) return installed;
  }
  console.error(
    [
      'The tests need Chromium, and none was found.',
      '  Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium',
      '  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(`Chromium: ${ensure()}`);
