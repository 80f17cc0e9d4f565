// Prints plain closing lines CI reads: one per engine when several ran in this process
// (`wtr firefox: N passed, N failed, N skipped`), then `wtr: N passed, N failed, N skipped`.
// A test file that fails to load counts as one failure, so a broken import can never pass.
// Before them, the slowest tests: the ones nearest mocha's 30 s limit on a busy machine.
export function countingReporter() {
  const byEngine = new Map();
  const slow = [];
  const walk = (suite, counts, file, engine, path = []) => {
    for (const t of suite?.tests ?? []) {
      if (t.duration) slow.push({ ms: t.duration, name: `${engine} ${file}: ${[...path, t.name].join(' > ')}` });
      if (t.skipped) counts.skipped++;
      else if (t.passed) counts.passed++;
      else counts.failed++;
    }
    for (const s of suite?.suites ?? []) walk(s, counts, file, engine, [...path, s.name]);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const engine = session.browser.safetradeEnv?.engine ?? session.browser.name;
        if (!byEngine.has(engine)) byEngine.set(engine, { passed: 0, failed: 0, skipped: 0 });
        const counts = byEngine.get(engine);
        walk(session.testResults, counts, session.testFile.replace(`${process.cwd()}/`, ''), engine);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
    },
    stop() {
      process.on('exit', () => {
        const total = { passed: 0, failed: 0, skipped: 0 };
        const line = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
        console.log('\nslowest tests:');
        for (const t of slow.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${(t.ms / 1000).toFixed(1)} s  ${t.name}`);
        console.log('');
        for (const [engine, c] of byEngine) {
          if (byEngine.size > 1) console.log(`wtr ${engine}: ${line(c)}`);
          for (const k of Object.keys(total)) total[k] += c[k];
        }
        console.log(`wtr: ${line(total)}`);
      });
    },
  };
}
