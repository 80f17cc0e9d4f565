// docs/BAD-INPUTS.md is the table of test/fixtures/bad-inputs.json, whose every row
// test/element/bad-inputs.test.ts checks in Chromium, Firefox and WebKit. A stale page would tell users something
// the tests no longer check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PAGE, render, SOURCE } from '../../scripts/bad-inputs-table.mjs';

test('docs/BAD-INPUTS.md is up to date with the cases the tests run (npm run docs:bad-inputs)', () => {
  const table = JSON.parse(readFileSync(SOURCE, 'utf8'));
  assert.equal(readFileSync(PAGE, 'utf8'), render(table));
  const rows = table.groups.flatMap((g) => g.cases);
  assert.ok(rows.length >= 40, `only ${rows.length} bad inputs`);
  for (const c of rows) assert.ok(c.code === null ? c.sees : table.messages[c.code] && c.detail, `incomplete row: ${c.input}`);
});
