import { strict as assert } from "assert";
import fc from "fast-check";
import { IntegrationProvider } from "../../../provider/provider";
import { salesforceFlow, scheduled, variant } from "./fixtures";
import { setWarningSink } from "../../../provider/testing";

/**
 * Epoch seconds, the form of the AWS docs' examples, are accepted and read as the instant they
 * name: check orders a schedule written half in epoch seconds and half in ISO-8601 by that instant.
 */
describe("check: schedule times written as epoch seconds", () => {
  /** check's failures and the warnings it says about scheduleEndTime (said once per process, so heard afresh here). */
  async function check(start: unknown, end: unknown) {
    const warnings: string[] = [];
    const restore = setWarningSink((l) => warnings.push(l));
    try {
      const inputs = variant(salesforceFlow, (i) => {
        scheduled(i).scheduleStartTime = start;
        scheduled(i).scheduleEndTime = end;
      });
      const { failures } = await new IntegrationProvider().check({}, inputs);
      return { failures, atEnd: warnings.filter((w) => w.includes("scheduleEndTime")) };
    } finally {
      restore();
    }
  }
  // Whole or fractional seconds from 1970 to 2199; the other end of the schedule 1 s to 10 years away.
  const seconds = fc.double({ min: 0, max: 7_258_118_400 - 400_000_000, noNaN: true });
  const gap = fc.integer({ min: 1, max: 315_576_000 });
  const iso = (s: number) => new Date(s * 1000).toISOString();

  it("accepts them, and a start before an ISO end passes without a warning", async () => {
    await fc.assert(
      fc.asyncProperty(seconds, gap, async (s, d) => {
        const { failures, atEnd } = await check(s, iso(s + d));
        assert.deepEqual(failures, []);
        assert.deepEqual(atEnd, []);
      }),
    );
  });

  it("reads them as their instant: an end before an ISO start is the one warning at scheduleEndTime", async () => {
    await fc.assert(
      fc.asyncProperty(seconds, gap, async (s, d) => {
        const { failures, atEnd } = await check(iso(s + d), s);
        assert.deepEqual(failures, [], "a warning, not a failure: no source shows AWS refusing it");
        assert.equal(atEnd.length, 1, `one warning at scheduleEndTime: ${atEnd.join("\n")}`);
        assert.match(atEnd[0], /later than scheduleStartTime/);
      }),
    );
  });
});
