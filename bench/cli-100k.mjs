#!/usr/bin/env node
// `npm run bench:data`: writes a synthetic CSV of 100,000 stations (all valid, or with
// --bad, one row in ten broken in a different way), then times `safetrade-stations validate`
// and `build` on it in a child process each and reports wall time and peak RSS.
// Peak RSS comes from /usr/bin/time -v when it is installed, else from the child's own
// resourceUsage().maxRSS (printed by a --import hook), so both numbers are the whole process.
// Also prints the load average: on a busy machine, read CPU time rather than wall time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEADER =
  'id,name,address,locality,region,postcode,country,lat,lng,agency,kind,hours,timezone,features,spot,phone,url,notes,source,licence,confidence,verified,attribution,evidence,status';
const BAD = [
  (r) => r.replace(/,40\.\d+,-7\d\.\d+,/, ',NaN,-74,'), // NaN latitude
  (r) => r.replace(/,US,/, ',USA,'), // bad country
  (r) => r.replace('https://', 'javascript://'), // bad URL scheme
  (r) => r.replace('mo-fr 09:00-17:00', 'mo-fr 9am-5pm'), // bad hours
];

/** A deterministic synthetic CSV (no randomness: the same bytes every run). */
export function syntheticCsv(rows, { bad = false } = {}) {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const lat = (40.5 + ((i * 7919) % 100000) / 200000).toFixed(6);
    const lng = (-74.25 + ((i * 104729) % 100000) / 200000).toFixed(6);
    const hours = i % 3 === 0 ? '24/7' : 'mo-fr 09:00-17:00; sa 10:00-14:00; su closed';
    let row = `syn-${i},"Synthetic Station ${i}, Unit ${i % 97}",${i} Test Street,New York,NY,10001,US,${lat},${lng},Test Police,police,${hours},America/New_York,video;lit;signage,Lobby,+1 212-555-0100,https://example.org/s/${i},"Row ${i} ""quoted"" note",Synthetic,CC0,high,2026-11-28,Synthetic data (CC0),generated,`;
    if (bad && i % 10 === 9) row = BAD[((i / 10) % BAD.length) | 0](row);
    lines.push(row);
  }
  return lines.join('\n') + '\n';
}

function measure(label, args) {
  const cli = fileURLToPath(new URL('../bin/safetrade-stations.mjs', import.meta.url));
  const timeV = existsSync('/usr/bin/time');
  const cmd = timeV ? '/usr/bin/time' : process.execPath;
  const argv = timeV
    ? ['-v', process.execPath, cli, ...args]
    : ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxRSS_KB "+process.resourceUsage().maxRSS+"\\n"))', cli, ...args];
  const started = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  const kb = Number((/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) ?? /maxRSS_KB (\d+)/.exec(r.stderr) ?? [])[1]);
  // CPU time is steadier than wall time on a shared, noisy machine.
  const cpu = timeV ? Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) : NaN;
  const summary = (r.stdout.trim().split('\n').pop() ?? '').slice(0, 140);
  console.log(
    `${label.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s wall ${Number.isNaN(cpu) ? '' : `${cpu.toFixed(2).padStart(6)} s CPU`} ${(kb / 1024).toFixed(0).padStart(5)} MB peak RSS  exit ${r.status}  ${summary}`,
  );
  return { ms, kb, status: r.status };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'safetrade-bench-'));
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  try {
    for (const bad of [false, true]) {
      const csv = join(dir, bad ? 'bad-100k.csv' : 'good-100k.csv');
      writeFileSync(csv, syntheticCsv(100_000, { bad }));
      console.log(`${csv}: ${(statSync(csv).size / 1e6).toFixed(1)} MB, 100000 rows${bad ? ' (10% broken)' : ''}`);
      measure(`validate ${bad ? 'bad' : 'good'}`, ['validate', csv]);
      if (!bad) measure('stats', ['stats', csv]);
      measure(`build ${bad ? 'bad --skip-invalid' : 'good'}`, ['build', csv, '-o', join(dir, 'out.json'), ...(bad ? ['--skip-invalid'] : [])]);
      if (!bad) measure('validate built dataset', ['validate', join(dir, 'out.json')]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
