// The README's API tables must say what custom-elements.json (generated from the element's JSDoc
// by `npm run build`) says (attributes and properties, events), docs/API.md must be what the
// manifest generates, and the README's links must lead somewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'safetrade-meetup');

// Disagreements known and reported to the README/element owner, each to be fixed at the source.
// A gap listed here that is gone fails the test, so this list cannot go stale.
const KNOWN_GAPS = {
  eventsOnlyInReadme: [],
};

/** Rows of the first table under the `## heading` section, as arrays of cell text. */
function table(heading) {
  const section = readme.split(/^## /m).find((s) => s.startsWith(heading));
  assert.ok(section, `README has a "## ${heading}" section`);
  return section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .replace(/\\\|/g, '\uE000')
        .split('|')
        .slice(1, -1)
        .map((c) => c.replace(/\uE000/g, '|').trim()),
    );
}
const ticked = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const sorted = (xs) => [...new Set(xs)].sort();
function diff(label, readmeSide, manifestSide, allowedOnlyInReadme = []) {
  const onlyReadme = readmeSide.filter((x) => !manifestSide.includes(x));
  const onlyManifest = manifestSide.filter((x) => !readmeSide.includes(x));
  for (const gap of allowedOnlyInReadme) assert.ok(onlyReadme.includes(gap), `${label}: known gap "${gap}" is fixed: remove it from KNOWN_GAPS`);
  const unexpected = onlyReadme.filter((x) => !allowedOnlyInReadme.includes(x));
  if (allowedOnlyInReadme.length) console.log(`# ${label}: known, reported: only in README: ${allowedOnlyInReadme.join(', ')}`);
  assert.deepEqual(
    { onlyInReadme: unexpected, onlyInManifest: onlyManifest },
    { onlyInReadme: [], onlyInManifest: [] },
    `${label}: README and custom-elements.json disagree`,
  );
}

test('the manifest describes <safetrade-meetup>', () => {
  assert.ok(element, 'custom-elements.json declares the safetrade-meetup element');
});

test('README attribute table = manifest attributes (attribute -> property)', () => {
  const pairs = [];
  for (const [attrs, props] of table('Attributes and properties')) {
    const a = ticked(attrs);
    const p = ticked(props);
    if (attrs === '—') continue;
    assert.equal(a.length, p.length, `README row "${attrs} | ${props}" pairs attributes with properties`);
    a.forEach((name, i) => pairs.push(`${name} -> ${p[i]}`));
  }
  diff('attributes', sorted(pairs), sorted(element.attributes.map((x) => `${x.name} -> ${x.fieldName}`)));
});

test('README property-only rows = manifest public members without an attribute', () => {
  const readmeProps = table('Attributes and properties')
    .filter(([attrs]) => attrs === '—')
    .flatMap(([, props]) => ticked(props));
  const withAttribute = new Set(element.attributes.map((a) => a.fieldName));
  const manifestProps = element.members.filter((m) => m.kind === 'field' && !m.static && !withAttribute.has(m.name)).map((m) => m.name);
  diff('property-only', sorted(readmeProps), sorted(manifestProps));
});

test('README event table = manifest events', () => {
  const readmeEvents = table('Events').flatMap(([name]) => ticked(name));
  diff('events', sorted(readmeEvents), sorted(element.events.map((e) => e.name)), KNOWN_GAPS.eventsOnlyInReadme);
});

test('docs/API.md is what custom-elements.json says (parts, slots, custom properties, methods)', () => {
  // The reference is generated; a JSDoc change without `npm run docs:api` leaves it stale.
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/api-docs.mjs', import.meta.url)), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr || r.stdout);
});

test('every link from the README to a file in the repository resolves', () => {
  const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1].split('#')[0]);
  assert.ok(links.length > 5, 'README links to its docs');
  const missing = links.filter((l) => !existsSync(new URL(`../../${l}`, import.meta.url)));
  assert.deepEqual(missing, [], 'README links to files that do not exist');
});
