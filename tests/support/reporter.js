// Mocha's spec output, closed by the slowest spec files (where CI's minutes go) and by the plain
// "N passed, N failed" line that CI reads.
"use strict";
const path = require("node:path");
const Mocha = require("mocha");
const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_END } = Mocha.Runner.constants;

const SLOWEST = Number(process.env.PCPI_SLOWEST_FILES ?? 12);

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    // Time per spec file: the wall time of its top-level suites, hooks included; or, under
    // --parallel (where a worker's events arrive all at once when the file is done), the sum of
    // its tests' durations.
    const files = new Map();
    const file = (name) => files.get(name) ?? files.set(name, { start: Date.now(), end: Date.now(), tests: 0 }).get(name);
    runner.on(EVENT_SUITE_BEGIN, (suite) => {
      if (suite.file && suite.parent?.root) file(suite.file);
    });
    runner.on(EVENT_SUITE_END, (suite) => {
      if (suite.file && suite.parent?.root) file(suite.file).end = Date.now();
    });
    runner.on(EVENT_TEST_END, (test) => {
      if (test.file) file(test.file).tests += test.duration || 0;
    });
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || {};
      process.nextTick(() => {
        if (SLOWEST > 0 && files.size > 0) {
          const rows = [...files].map(([name, t]) => [path.relative(process.cwd(), name), Math.max(t.end - t.start, t.tests)]);
          rows.sort((a, b) => b[1] - a[1]);
          console.log(`Slowest spec files (of ${rows.length}, ${(s.duration / 1000 || 0).toFixed(1)} s in all):`);
          for (const [file, ms] of rows.slice(0, SLOWEST)) console.log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${file}`);
        }
        const skipped = s.pending ? `, ${s.pending} skipped` : "";
        console.log(`${s.passes || 0} passed, ${s.failures || 0} failed${skipped}`);
      });
    });
  }
}
module.exports = CountingSpec;
