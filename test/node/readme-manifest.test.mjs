// The README's API tables must say what custom-elements.json (generated from the element's JSDoc
// by `npm run build`) says: attributes and properties, events, CSS parts and custom properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

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

test('README theming table = manifest CSS custom properties', () => {
  const readmeProps = table('Theming').flatMap(([name]) => ticked(name));
  diff('css custom properties', sorted(readmeProps), sorted(element.cssProperties.map((p) => p.name)));
});

test('every CSS part the README names is in the manifest', () => {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Shadow DOM parts'));
  assert.ok(section, 'README has a "## Shadow DOM parts" section');
  const named = sorted(
    ticked(section)
      .map((t) => /^part="([a-z-]+)"$/.exec(t)?.[1] ?? t)
      .filter((t) => /^[a-z]+$/.test(t)),
  );
  // A part's description may name a second part word that the same element carries (`best`).
  const known = new Set(element.cssParts.flatMap((p) => [p.name, ...ticked(p.description ?? '')]));
  assert.deepEqual(
    named.filter((p) => !known.has(p)),
    [],
    'parts named in README but not in custom-elements.json',
  );
  const unlisted = element.cssParts.map((p) => p.name).filter((p) => !named.includes(p));
  if (unlisted.length) console.log(`# css parts in the manifest the README does not list (informational): ${unlisted.join(', ')}`);
});
