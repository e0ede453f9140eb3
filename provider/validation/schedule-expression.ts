/**
 * AppFlow's schedule expressions, parsed instead of matched by shape.
 *
 * Grammar (no npm library fits: cron parsers take 5- or 7-field Unix/Quartz forms, none takes
 * AppFlow's unspaced `rate(15minutes)`):
 * - rate(N unit): AppFlow's API reference (ScheduledTriggerProperties.scheduleExpression) writes
 *   `rate(5minutes)`, the Amazon Connect admin guide's S3 example writes `rate(15minutes)`
 *   (docs.aws.amazon.com/connect/latest/adminguide/customerprofiles-s3-integration.html), the
 *   Customer Profiles model writes `rate (5 minutes)`, and AWS's docs describe the units as
 *   "minutes, hours, or days. For example, rate(1days)". So: optional spaces around the number and
 *   the unit, unit minute(s) / hour(s) / day(s), N a whole number of at least 1.
 * - cron(...): the six fields of EventBridge (minutes hours day-of-month month day-of-week year,
 *   docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html), with
 *   `?` in day-of-month or day-of-week.
 *
 * No published source shows AppFlow refusing an expression outside this grammar, so check warns
 * about one (semantics.ts); it never rewrites it.
 */
export type Schedule =
  { kind: "rate"; value: number; unit: "minutes" | "hours" | "days"; minutes: number } | { kind: "cron"; fields: string[] };

export type Parsed = { ok: true; schedule: Schedule } | { ok: false; why: string };

const RATE = /^rate\s*\(\s*(\S+?)\s*([A-Za-z]*)\s*\)$/;
const CRON = /^cron\s*\((.*)\)$/;

const UNITS: Record<string, "minutes" | "hours" | "days"> = {
  minute: "minutes",
  minutes: "minutes",
  hour: "hours",
  hours: "hours",
  day: "days",
  days: "days",
};
const PER_UNIT = { minutes: 1, hours: 60, days: 1440 } as const;

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** `?` allowed (day-of-month, day-of-week). */
  any?: boolean;
  /** Extra single tokens allowed: L, W forms, # forms. */
  special?: RegExp;
}

const FIELDS: Field[] = [
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31, any: true, special: /^(L|LW|([1-9]|[12]\d|3[01])W)$/ },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day-of-week", min: 1, max: 7, names: DAYS, any: true, special: /^(L|[1-7]L|[1-7]#[1-5]|(SUN|MON|TUE|WED|THU|FRI|SAT)#[1-5])$/i },
  { name: "year", min: 1970, max: 2199 },
];

function value(f: Field, s: string): number | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= f.min && n <= f.max ? n : undefined;
  }
  const i = f.names?.indexOf(s.toUpperCase()) ?? -1;
  return i >= 0 ? i + f.min : undefined;
}

function fieldOk(f: Field, text: string): boolean {
  if (text === "*") return true;
  if (text === "?") return !!f.any;
  if (f.special?.test(text)) return true;
  return text.split(",").every((part) => {
    const [range, step, ...rest] = part.split("/");
    if (rest.length) return false;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) return false;
    if (range === "*") return step !== undefined;
    const [a, b, ...more] = range.split("-");
    if (more.length) return false;
    const lo = value(f, a);
    if (lo === undefined) return false;
    if (b === undefined) return true;
    return value(f, b) !== undefined;
  });
}

export function parseScheduleExpression(expr: string): Parsed {
  const rate = RATE.exec(expr);
  if (rate) {
    const [, n, unitText] = rate;
    if (!/^\d+$/.test(n)) return { ok: false, why: `the rate ${JSON.stringify(n)} is not a whole number` };
    const value = Number(n);
    if (value < 1) return { ok: false, why: "the rate must be at least 1" };
    const unit = UNITS[unitText.toLowerCase()];
    if (!unit) return { ok: false, why: `the unit ${JSON.stringify(unitText)} is not minutes, hours or days` };
    return { ok: true, schedule: { kind: "rate", value, unit, minutes: value * PER_UNIT[unit] } };
  }
  const cron = CRON.exec(expr);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/).filter(Boolean);
    if (fields.length !== 6) {
      return { ok: false, why: `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), not ${fields.length}` };
    }
    for (let i = 0; i < 6; i++) {
      if (!fieldOk(FIELDS[i], fields[i]))
        return { ok: false, why: `the ${FIELDS[i].name} field ${JSON.stringify(fields[i])} is not valid` };
    }
    if ((fields[2] === "?") === (fields[4] === "?")) {
      return { ok: false, why: "exactly one of day-of-month and day-of-week must be ?" };
    }
    return { ok: true, schedule: { kind: "cron", fields } };
  }
  return { ok: false, why: "it is neither rate(...) nor cron(...)" };
}
