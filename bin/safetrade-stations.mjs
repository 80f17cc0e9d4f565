#!/usr/bin/env node
// safetrade-stations: check, merge and summarise station files for <safetrade-meetup>.
//
// Plain ESM rather than TypeScript through rollup: it is Node-only glue around the widget's
// own dist/core.js (imported, not re-bundled, so the CLI validates with exactly the code the
// widget runs), data/build.mjs shares its pipeline without a build step of its own, and
// rollup stays at the three browser bundles.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Loaded when a command runs, not at start: they read the rules from dist/core.js, and
// `--help` must work (and a missing build must fail with one clear line) without it.
const stationsLib = () => import('./lib/stations.mjs');

const USAGE = `Usage: safetrade-stations <command> [options]

Commands:
  validate <file>                 check a .csv, .geojson or dataset .json file; prints every
                                  rejected station and dropped field with its row and reason
  build <inputs…> -o <out.json>   merge CSV, GeoJSON (Point features) and dataset files into one
                                  safetrade-stations v1 dataset, de-duplicated by id
  stats <file>                    counts per country, region, kind, features and hours, and
                                  the bounding box

Options:
  validate --strict               dropped fields count as errors too
  build -o, --out <file>          where to write the dataset (required)
        --name <text>             the dataset's name
        --updated <YYYY-MM-DD>    its date (default: the newest "verified" date in the inputs)
        --skip-invalid            leave rejected rows out instead of failing
        --decimals <n>            round lat and lng to n decimals (5 is about 1 m;
                                  default: as the inputs give them)
        --tiles <dir>             also split the result into adaptive tiles plus
                                  <dir>/manifest.json (for stations-src; docs/TILES.md)
        --max-per-tile <n>        stations per tile at most (default 128)
        --tile-url <template>     where the manifest says each tile is, relative to
                                  it, with {id} (default "tiles/{id}.json")
  -h, --help                      this text
  -v, --version                   the version

Exit status: 0 fine, 1 the input has errors, 2 the command line is wrong.
CSV columns: docs/DATA.md in the package.`;

class UsageError extends Error {}

const COMMANDS = {
  validate: { options: { strict: { type: 'boolean' } }, run: validate },
  build: {
    options: {
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
      updated: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      decimals: { type: 'string' },
      tiles: { type: 'string' },
      'max-per-tile': { type: 'string' },
      'tile-url': { type: 'string' },
    },
    run: build,
  },
  stats: { options: {}, run: stats },
};

export async function main(argv, out = process.stdout, err = process.stderr) {
  const print = (s) => out.write(s + '\n');
  const warn = (s) => err.write(s + '\n');
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      (command === undefined ? warn : print)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      print(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
      return 0;
    }
    const spec = COMMANDS[command];
    if (!spec) throw new UsageError(`unknown command "${command}" (expected validate, build or stats)`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...spec.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, ''));
    }
    if (parsed.values.help) {
      print(USAGE);
      return 0;
    }
    return await spec.run(parsed.positionals, parsed.values, { print, warn });
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`safetrade-stations: ${error.message}\nRun \`safetrade-stations --help\` for usage.`);
      return 2;
    }
    warn(`safetrade-stations: ${error.message}`);
    return 1;
  }
}

const plural = (n, word, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

async function validate(files, { strict }, { print }) {
  if (files.length !== 1) throw new UsageError(`validate takes one file (got ${files.length})`);
  const { assemble, formatIssue, readInput } = await stationsLib();
  const input = await readInput(files[0]);
  let valid = 0;
  const { pending, issues } = await assemble([input], { duplicates: 'error', keep: 'none', onStation: () => valid++ });
  for (const issue of issues) print(formatIssue(issue));
  const errors = issues.filter((i) => i.level === 'error').length;
  const warnings = issues.filter((i) => i.level === 'warning').length;
  print(
    `${files[0]}: ${plural(valid, 'valid station')}, ${plural(errors, 'error')}, ${plural(warnings, 'dropped field')}` +
      (pending.length ? `, ${pending.length} pending (no coordinate yet, not shipped)` : '') +
      ` (${input.kind === 'csv' ? plural(input.total, 'row') : plural(input.total, 'entry', 'entries')})`,
  );
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

async function build(files, values, { print, warn }) {
  if (!values.out) throw new UsageError('build needs -o <out.json>');
  if (files.length === 0) throw new UsageError('build needs at least one input file');
  const maxPerTile = values['max-per-tile'] === undefined ? undefined : Number(values['max-per-tile']);
  if (maxPerTile !== undefined && !(Number.isInteger(maxPerTile) && maxPerTile >= 1))
    throw new UsageError(`--max-per-tile must be a whole number of at least 1 (got "${values['max-per-tile']}")`);
  if (maxPerTile !== undefined && !values.tiles) throw new UsageError('--max-per-tile goes with --tiles <dir>');
  if (values.updated !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.updated))
    throw new UsageError(`--updated must be a date as YYYY-MM-DD (got "${values.updated}")`);
  if (values['tile-url'] !== undefined && !values.tiles) throw new UsageError('--tile-url goes with --tiles <dir>');
  const decimals = values.decimals === undefined ? undefined : Number(values.decimals);
  if (decimals !== undefined && !(/^\d+$/.test(values.decimals) && decimals <= 15))
    throw new UsageError(`--decimals must be a whole number from 0 to 15 (got "${values.decimals}")`);
  const { assemble, formatIssue, readInput } = await stationsLib();
  const inputs = [];
  for (const file of files) inputs.push(await readInput(file));
  const { dataset, pending, issues } = await assemble(inputs, { duplicates: 'first', name: values.name, updated: values.updated, decimals, keep: 'stations' });
  for (const issue of issues) warn(formatIssue(issue));
  const errors = issues.filter((i) => i.level === 'error').length;
  if (errors > 0 && !values['skip-invalid']) {
    warn(`${plural(errors, 'error')}: nothing written (fix the rows, or pass --skip-invalid to leave them out)`);
    return 1;
  }
  writeFileSync(values.out, JSON.stringify(dataset) + '\n');
  const dropped = issues.filter((i) => i.level === 'notice' && i.reason.startsWith('id:')).length;
  print(
    `${values.out}: ${plural(dataset.stations.length, 'station')} from ${plural(files.length, 'file')}` +
      (dropped ? `, ${dropped} repeated ${dropped === 1 ? 'id' : 'ids'} left out` : '') +
      (errors ? `, ${plural(errors, 'invalid row')} left out` : '') +
      (pending.length ? `, ${pending.length} pending not shipped` : ''),
  );
  if (values.tiles) {
    const { writeTiles } = await import('./lib/tiles.mjs');
    const { files } = await writeTiles(dataset, values.tiles, { maxPerTile, url: values['tile-url'] });
    print(`${files[0]}: ${plural(dataset.stations.length, 'station')} in ${plural(files.length - 1, 'tile')}`);
  }
  return 0;
}

async function stats(files, _values, { print }) {
  if (files.length !== 1) throw new UsageError(`stats takes one file (got ${files.length})`);
  const { assemble, readInput } = await stationsLib();
  const input = await readInput(files[0]);
  // Counted as the stations stream past, so a big file is never held whole.
  const tallies = { countries: new Map(), regions: new Map(), kinds: new Map(), features: new Map(), hours: new Map(), timezones: new Map() };
  const tally = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  let total = 0;
  let [west, south, east, north] = [180, 90, -180, -90];
  const onStation = (s) => {
    total++;
    tally(tallies.countries, s.country);
    tally(tallies.regions, s.region ? `${s.country}-${s.region}` : `${s.country} (no region)`);
    tally(tallies.kinds, s.kind ?? '(none)');
    for (const f of s.features ?? []) tally(tallies.features, f);
    tally(tallies.hours, s.hours === undefined ? '(none)' : s.hours === '24/7' ? '24/7' : 'weekly');
    tally(tallies.timezones, s.timezone ?? '(none)');
    west = Math.min(west, s.lng);
    east = Math.max(east, s.lng);
    south = Math.min(south, s.lat);
    north = Math.max(north, s.lat);
  };
  const { pending, issues } = await assemble([input], { duplicates: 'error', keep: 'none', onStation });
  const errors = issues.filter((i) => i.level === 'error').length;
  print(
    `${files[0]}: ${plural(total, 'station')}` +
      (pending.length ? `, ${pending.length} pending` : '') +
      (errors ? `, ${plural(errors, 'invalid row')} not counted (run validate)` : ''),
  );
  for (const [label, map] of Object.entries(tallies)) {
    const entries = [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    print(`${label.padEnd(10)} ${entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(', ') : '—'}`);
  }
  if (total) print(`${'bbox'.padEnd(10)} west ${west}, south ${south}, east ${east}, north ${north}`);
  return 0;
}

// Run when executed (also through the npm bin symlink), not when imported by tests.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  // `validate big.csv | head` closes the pipe early: stop printing quietly, but still finish
  // and exit with the status the input deserves.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
