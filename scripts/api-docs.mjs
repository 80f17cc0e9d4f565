#!/usr/bin/env node
// `npm run docs:api`: writes docs/API.md from custom-elements.json (which `npm run build` makes from
// the element's JSDoc), so the reference cannot say something the element does not.
// `--check` exits 1 when docs/API.md differs from what the manifest gives (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'safetrade-meetup');
if (!element) throw new Error('custom-elements.json declares no <safetrade-meetup>: run `npm run build` first');

// Table cells: one line each, and a `|` inside a cell must not end it.
const cell = (text = '') =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${String(text).replace(/\s*\n\s*/g, ' ')}\`` : '—');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

const withAttribute = new Set(element.attributes.map((a) => a.fieldName));
const fields = element.members.filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && !m.name.startsWith('_'));
const field = (name) => fields.find((f) => f.name === name);
const methods = element.members.filter((m) => m.kind === 'method' && m.privacy !== 'private' && !m.name.startsWith('_'));
const statics = element.members.filter((m) => m.static && m.privacy !== 'private' && !m.name.startsWith('_'));

const sections = [
  `# \`<safetrade-meetup>\` API reference`,
  `Generated from \`custom-elements.json\` by \`npm run docs:api\`; do not edit by hand. ` + `The class JSDoc in \`src/element/element.ts\` is the source.`,
  cell(element.description),
  `## Attributes and properties`,
  table(
    ['attribute', 'property', 'type', 'default', 'meaning'],
    element.attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(field(a.fieldName)?.default ?? a.default), a.description ?? '']),
  ),
  `## Properties without an attribute`,
  table(
    ['property', 'type', 'meaning'],
    fields.filter((f) => !withAttribute.has(f.name)).map((f) => [code(f.name), code(f.type?.text), f.description ?? '']),
  ),
  `## Methods`,
  table(
    ['method', 'meaning'],
    methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')})`), m.description ?? '']),
  ),
  `## Static members`,
  table(
    ['member', 'meaning'],
    statics.map((m) => [code(`SafeTradeMeetupElement.${m.name}`), m.description ?? '']),
  ),
  `## Events`,
  `All are \`CustomEvent\`s that bubble and are \`composed\`.`,
  table(
    ['event', 'when, and `detail`'],
    element.events.map((e) => [code(e.name), e.description ?? '']),
  ),
  `## Slots`,
  table(
    ['slot', 'meaning'],
    (element.slots ?? []).map((s) => [code(s.name), s.description ?? '']),
  ),
  `## CSS parts`,
  `Style them from the page with \`safetrade-meetup::part(name)\`.`,
  table(
    ['part', 'what it is'],
    (element.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']),
  ),
  `## CSS custom properties`,
  table(
    ['property', 'what it sets (light default; dark default)'],
    (element.cssProperties ?? []).map((p) => [code(p.name), p.description ?? '']),
  ),
];
const text = sections.join('\n\n') + '\n';
const target = new URL('docs/API.md', root);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below as out of date
  }
  if (current !== text) {
    console.error('docs/API.md is out of date with custom-elements.json: run `npm run docs:api`');
    process.exit(1);
  }
  console.log('docs/API.md matches custom-elements.json');
} else {
  writeFileSync(target, text);
  console.log('wrote docs/API.md');
}
