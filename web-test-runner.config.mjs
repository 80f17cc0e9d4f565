// Every test runs in real headless Chromium (Debian's /usr/bin/chromium; see scripts/ensure-chromium.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/ensure-chromium.mjs';

const commonjs = fromRollup(rollupCommonjs);

// `executeServerCommand('set-timezone', { timezone })` from a test: emulates the browser's time
// zone for that page (CDP Emulation.setTimezoneOverride); `null` restores the machine's zone.
const timezoneCommand = {
  name: 'set-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'set-timezone') return undefined;
    await session.browser.getPage(session.id).emulateTimezone(payload?.timezone ?? undefined);
    return true;
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    // `.js` without a loader: with a `target`, esbuild would otherwise rewrite every .js file it
    // serves, and the script tag's pinned files (dist/script) would fail their integrity check.
    esbuildPlugin({ ts: true, target: 'es2022', loaders: { '.js': undefined } }),
    commonjs({ include: ['**/node_modules/haversine-distance/**'], strictRequires: false }),
    timezoneCommand,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), countingReporter()],
};
