import { strict as assert } from "assert";
import fc from "fast-check";
import { hasTimestampForm, parseTimestamp } from "../../../model/timestamp";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe("the one timestamp reader", () => {
  it("reads epoch seconds as that many seconds after 1970", () => {
    fc.assert(fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), (s) => parseTimestamp(s) === s * 1000));
  });

  it("reads an ISO-8601 date and time with a zone as the instant it names", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.integer({ min: -12, max: 14 }),
        (d, hours) => {
          const local = new Date(d.getTime() + hours * 3600_000);
          const zone = `${hours < 0 ? "-" : "+"}${pad(Math.abs(hours))}:00`;
          const text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`;
          assert.equal(parseTimestamp(text), Math.floor(d.getTime() / 1000) * 1000, text);
        },
      ),
    );
  });

  it("refuses a day the month does not have, keeping the form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${pad(m)}-${pad(d)}T00:00:00Z`;
        assert.equal(parseTimestamp(text) !== undefined, d <= daysIn(y, m), text);
        assert.ok(hasTimestampForm(text));
      }),
    );
  });

  it("refuses a time without a zone, which each machine would read in its own", () => {
    assert.equal(parseTimestamp("2027-01-01T00:00:00"), undefined);
    assert.ok(hasTimestampForm("2027-01-01T00:00:00"));
  });

  it("refuses what Date.parse would guess at, and those are not timestamps at all", () => {
    for (const text of ["1", "May 5", "tomorrow", "2027/01/01", "", "1798761600"]) {
      assert.equal(parseTimestamp(text), undefined, text);
      assert.equal(hasTimestampForm(text), false, text);
    }
    for (const v of [NaN, Infinity, null, undefined, {}, [1]]) assert.equal(parseTimestamp(v), undefined, String(v));
  });
});
