// Every browser test runs in real Chromium, Firefox and WebKit (Debian's packages; see
// scripts/ensure-browsers.mjs and scripts/wtr-engines.mjs). BROWSERS=chromium (a comma list)
// picks engines; `npm test` runs one web-test-runner per engine, side by side.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { selectedEngines } from './scripts/ensure-browsers.mjs';
import { chromium, engineCommands, firefox, freePort, webkit } from './scripts/wtr-engines.mjs';

const commonjs = fromRollup(rollupCommonjs);

// Tests that need a browser started another way where the engine cannot switch at run time.
// Dark mode: Firefox and WebKit also run these files in a browser started dark.
const DARK_FILES = ['test/element/theme.test.ts'];
// Time zones: WebKit also runs these files in one MiniBrowser per zone (Chromium and Firefox
// emulate the zone inside the test). Sydney and Los Angeles have DST; Kolkata a half-hour offset;
// Kiritimati +14.
const TIME_ZONE_FILES = ['test/core/hours.test.ts'];
const WEBKIT_ZONES = ['Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati'];

// `wtr --files x.test.ts` runs x only: the variant groups join in only for the files asked for.
const cliFiles = process.argv.flatMap((a, i, all) => (all[i - 1] === '--files' ? [a] : a.startsWith('--files=') ? [a.slice(8)] : []));
const wanted = (files) => (cliFiles.length ? files.filter((f) => cliFiles.some((c) => c.endsWith(f) || f.endsWith(c.replace(/^\.\//, '')))) : files);

const engines = selectedEngines();
const groups = [];
if (engines.includes('firefox') && wanted(DARK_FILES).length)
  groups.push({ name: 'firefox-dark', files: wanted(DARK_FILES), browsers: [firefox({ colorScheme: 'dark' })] });
if (engines.includes('webkit') && wanted(DARK_FILES).length)
  groups.push({ name: 'webkit-dark', files: wanted(DARK_FILES), browsers: [webkit({ colorScheme: 'dark' })] });
if (engines.includes('webkit') && wanted(TIME_ZONE_FILES).length)
  groups.push({ name: 'webkit-time-zones', files: wanted(TIME_ZONE_FILES), browsers: WEBKIT_ZONES.map((timeZone) => webkit({ timeZone })) });

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Not the default 8000: one runner per engine starts at once, beside other runners.
  port: await freePort(),
  // One page at a time per browser: Firefox at 2 took three times as long, and WebKit above 1
  // runs tests in iframes. Engines run in parallel as separate processes (scripts/test.mjs).
  concurrency: 1,
  // 30 s, not 10: with the three engines side by side on 2 cores, heavy tests (a thousand tile
  // sets, rankTiles against rankStations) passed alone in seconds yet crossed 10 s. A time limit
  // is not an assertion: performance is measured by the benchmarks.
  testFramework: { config: { timeout: 30000 } },
  plugins: [
    // `.js` without a loader: with a `target`, esbuild would otherwise rewrite every .js file it
    // serves, and the script tag's pinned files (dist/script) would fail their integrity check.
    esbuildPlugin({ ts: true, target: 'es2022', loaders: { '.js': undefined } }),
    commonjs({ include: ['**/node_modules/haversine-distance/**'], strictRequires: false }),
    engineCommands(),
  ],
  browsers: engines.map((e) => ({ chromium, firefox, webkit })[e]()),
  groups,
  reporters: [defaultReporter(), countingReporter()],
};
