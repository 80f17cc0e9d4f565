// Prints plain closing lines CI reads: one per engine when several ran in this process
// (`wtr firefox: N passed, N failed, N skipped`), then `wtr: N passed, N failed, N skipped`.
// A test file that fails to load counts as one failure, so a broken import can never pass.
export function countingReporter() {
  const byEngine = new Map();
  const walk = (suite, counts) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) counts.skipped++;
      else if (t.passed) counts.passed++;
      else counts.failed++;
    }
    for (const s of suite?.suites ?? []) walk(s, counts);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const engine = session.browser.safetradeEnv?.engine ?? session.browser.name;
        if (!byEngine.has(engine)) byEngine.set(engine, { passed: 0, failed: 0, skipped: 0 });
        const counts = byEngine.get(engine);
        walk(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
    },
    stop() {
      process.on('exit', () => {
        const total = { passed: 0, failed: 0, skipped: 0 };
        const line = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
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
