// What `npm publish` would ship: `npm pack` holds only what users need, and the tarball,
// installed into a scratch project, imports as `.`, `./core` and `./react` (in Node, as SSR
// does) and type-checks through its `exports`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir;
let files;
let tarball;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'safetrade-pack-'));
  // --ignore-scripts: `npm test` has just built dist/ (prepack would build again).
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  files = info.files.map((f) => f.path);
  tarball = join(dir, info.filename);
  const project = join(dir, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  try {
    // Offline: lit, @lit/react and react come from the npm cache that `npm ci` filled.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, 'react@19'], { cwd: project, stdio: 'pipe' });
  } catch {
    // No cache (unusual): unpack the tarball and borrow the dependencies from this repo.
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, 'safetrade-meetup'), { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', join(modules, 'safetrade-meetup'), '--strip-components=1']);
    mkdirSync(join(modules, '@lit'), { recursive: true });
    for (const dep of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/react', '@lit-labs', 'react', '@types/react']) {
      mkdirSync(join(modules, dep, '..'), { recursive: true });
      symlinkSync(join(root, 'node_modules', dep), join(modules, dep));
    }
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds dist, types, the manifest, README, LICENSE, CHANGELOG (and the data CLI in bin/ with its docs), and nothing else', () => {
  const allowed =
    /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|DATA-LICENSES\.md|docs\/DATA\.md|custom-elements\.json|bin\/[^/]+\.mjs|bin\/lib\/[^/]+\.mjs|dist\/.+\.(js|d\.ts|json))$/;
  assert.deepEqual(
    files.filter((f) => !allowed.test(f)),
    [],
  );
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'custom-elements.json',
    'dist/safetrade-meetup.js',
    'dist/index.js',
    'dist/core.js',
    'dist/react.js',
    'dist/stations.json',
    'dist/types/index.d.ts',
    'dist/types/core/index.d.ts',
    'dist/types/react.d.ts',
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  }
});

test('the installed package imports as ., ./core and ./react in Node', () => {
  const script = `
    const main = await import('safetrade-meetup');
    const core = await import('safetrade-meetup/core');
    const react = await import('safetrade-meetup/react');
    const manifest = (await import('safetrade-meetup/custom-elements.json', { with: { type: 'json' } })).default;
    console.log(JSON.stringify({
      element: typeof main.SafeTradeMeetupElement,
      rank: typeof core.rankStations,
      same: main.rankStations === core.rankStations,
      react: typeof react.SafeTradeMeetup,
      tag: manifest.modules[0].declarations[0].tagName,
    }));`;
  const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: join(dir, 'app'), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), { element: 'function', rank: 'function', same: true, react: 'object', tag: 'safetrade-meetup' });
});

test('the installed package type-checks through its exports (TypeScript, bundler resolution)', () => {
  const app = join(dir, 'app');
  writeFileSync(
    join(app, 'app.tsx'),
    `import { rankStations, type Suggestion } from 'safetrade-meetup';
import { distanceKm } from 'safetrade-meetup/core';
import { SafeTradeMeetup } from 'safetrade-meetup/react';
const km: number = distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 });
const s: Suggestion[] = rankStations([], { seller: { lat: 0, lng: 0 } });
export const el = <SafeTradeMeetup sellerLat={40.74} sellerLng={-73.99} mode="fair" onSafetradeSelect={(e) => e.detail.suggestion.station.name} />;
export { km, s };
`,
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  execFileSync(
    'node',
    [
      tsc,
      '--noEmit',
      '--strict',
      '--jsx',
      'react-jsx',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      '--target',
      'es2022',
      '--skipLibCheck',
      'app.tsx',
    ],
    {
      cwd: app,
      stdio: 'pipe',
    },
  );
});
