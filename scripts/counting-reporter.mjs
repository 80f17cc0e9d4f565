// Prints one plain closing line, `wtr: N passed, N failed, N skipped`, which CI reads.
// A test file that fails to load counts as one failure, so a broken import can never pass.
export function countingReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const walk = (suite) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite?.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        walk(session.testResults);
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
    },
    stop() {
      process.on('exit', () => console.log(`\nwtr: ${passed} passed, ${failed} failed, ${skipped} skipped`));
    },
  };
}
