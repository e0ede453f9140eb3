/**
 * The one reading of a timestamp a program or a client may write: epoch seconds as a number (the
 * form of AWS's docs' examples), or an ISO-8601 date, or date and time with its zone, naming a real
 * calendar instant. Date.parse alone also takes "1" or "May 5", reads a zoneless time in the local
 * zone and rolls 2027-02-30 over to 2027-03-02: each of those would send another instant.
 */

/** ISO-8601's shape: a date, optionally a time, optionally a zone (whether the values exist is checked after). */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * - `not-a-timestamp`: neither a number nor a string in ISO-8601's shape;
 * - `not-an-instant`: ISO-8601's shape, but a day or time that does not exist, or a time without a zone.
 */
type TimestampReading = { ms: number } | { fault: "not-a-timestamp" | "not-an-instant" };

function readTimestamp(v: unknown): TimestampReading {
  if (typeof v === "number") return Number.isFinite(v) ? { ms: v * 1000 } : { fault: "not-a-timestamp" };
  const m = typeof v === "string" ? ISO_8601.exec(v) : null;
  if (!m) return { fault: "not-a-timestamp" };
  const [, y, mo, d, h, mi = "0", sec = "0", zone, oh = "0", om = "0"] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  const realDate = day.getUTCFullYear() === +y && day.getUTCMonth() === +mo - 1 && day.getUTCDate() === +d;
  const realTime = +(h ?? 0) <= 23 && +mi <= 59 && +sec <= 59 && +oh <= 23 && +om <= 59;
  const zoned = h === undefined || zone !== undefined;
  const ms = Date.parse(v as string);
  return realDate && realTime && zoned && !Number.isNaN(ms) ? { ms } : { fault: "not-an-instant" };
}

/** Milliseconds since the epoch, or undefined when the value is not a real instant as above. */
export function parseTimestamp(v: unknown): number | undefined {
  const r = readTimestamp(v);
  return "ms" in r ? r.ms : undefined;
}

/** Written as a timestamp, real or not: a number, or a string in ISO-8601's shape. */
export function hasTimestampForm(v: unknown): boolean {
  const r = readTimestamp(v);
  return !("fault" in r) || r.fault !== "not-a-timestamp";
}
