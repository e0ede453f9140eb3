/**
 * The one reading of a timestamp a program may write: epoch seconds as a number (the form of
 * AWS's docs' examples), or an ISO-8601 date, or date and time with its zone, naming a real
 * calendar instant. Date.parse alone also takes "1" or "May 5", reads a zoneless time in the
 * local zone and rolls 2027-02-30 over to 2027-03-02: each of those would send another instant.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2})))?$/;

/** Milliseconds since the epoch, or undefined when the value is not a timestamp as above. */
export function parseTimestamp(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v * 1000 : undefined;
  if (typeof v !== "string") return undefined;
  const m = ISO_8601.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", sec = "0", , oh = "0", om = "0"] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  const realDate = day.getUTCFullYear() === +y && day.getUTCMonth() === +mo - 1 && day.getUTCDate() === +d;
  const realTime = +h <= 23 && +mi <= 59 && +sec <= 59 && +oh <= 23 && +om <= 59;
  if (!realDate || !realTime) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}
