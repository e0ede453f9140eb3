/** Rules on a flow's trigger and schedule: when it runs, from when, and what it pulls. */
import { parseTimestamp } from "../../../model/timestamp";
import { parseScheduleExpression } from "../schedule-expression";
import { isUnknown, str } from "../unknown";
import { SCHEDULED, SOURCE, connectorOf, isSet, knownSchedule, obj, quote, scheduledOf, sourceOf, triggerTypeOf } from "../accessors";
import { rule, type Finding, type Inputs } from "../evidence";
import { ADMIN_GUIDE_S3, APPFLOW_MODEL } from "./sources";

const APPFLOW_TRIGGER = "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_TriggerConfig.html";
const APPFLOW_SCHEDULED = "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ScheduledTriggerProperties.html";

function scheduledTriggerNeedsSchedule(inputs: Inputs): Finding[] {
  if (triggerTypeOf(inputs) !== "Scheduled" || scheduledOf(inputs) !== undefined) return [];
  return [
    {
      property: SCHEDULED,
      reason: "is required when triggerType is Scheduled: it holds the scheduleExpression the flow runs on",
    },
  ];
}

function unscheduledTriggerTakesNoSchedule(inputs: Inputs): Finding[] {
  const type = triggerTypeOf(inputs);
  if (type === undefined || type === "Scheduled" || !knownSchedule(inputs)) return [];
  return [
    {
      property: SCHEDULED,
      reason: `must not be set when triggerType is ${type}: only Scheduled flows run on a schedule`,
    },
  ];
}

function incrementalPullNeedsDatetimeField(inputs: Inputs): Finding[] {
  if (str(knownSchedule(inputs)?.dataPullMode) !== "Incremental") return [];
  const source = sourceOf(inputs);
  // S3 reads new files incrementally without a datetime field: the admin guide's S3 example does so.
  if (!source || connectorOf(inputs)?.connectorType === "S3") return [];
  const pull = source.incrementalPullConfig;
  if (isUnknown(pull) || isSet(obj(pull)?.datetimeTypeFieldName)) return [];
  return [
    {
      property: `${SOURCE}.incrementalPullConfig.datetimeTypeFieldName`,
      reason:
        "is not set although dataPullMode is Incremental: it names the source's datetime field that AppFlow compares " +
        "with the last run to find new and changed records",
    },
  ];
}

/** The interval the admin guide calls "the minimum currently supported" for a Customer Profiles S3 flow. */
const MIN_RATE_MINUTES = 15;

function scheduleExpressionParses(inputs: Inputs): Finding[] {
  const expr = str(knownSchedule(inputs)?.scheduleExpression);
  if (expr === undefined) return [];
  const at = `${SCHEDULED}.scheduleExpression`;
  const parsed = parseScheduleExpression(expr);
  if (!parsed.ok) {
    return [
      {
        property: at,
        reason: `is not an AppFlow schedule expression such as rate(1hours) or cron(0 12 * * ? *): ${parsed.why} (got ${quote(expr)})`,
      },
    ];
  }
  if (parsed.schedule.kind === "rate" && parsed.schedule.minutes < MIN_RATE_MINUTES) {
    return [
      {
        property: at,
        reason: `runs every ${parsed.schedule.minutes} minute(s); the Amazon Connect admin guide gives ${MIN_RATE_MINUTES} minutes as the minimum currently supported (got ${quote(expr)})`,
      },
    ];
  }
  return [];
}

const TIMESTAMP_MEMBERS = ["scheduleStartTime", "scheduleEndTime", "firstExecutionFrom"] as const;

function scheduleTimesAreRealInstants(inputs: Inputs): Finding[] {
  const scheduled = knownSchedule(inputs);
  if (!scheduled) return [];
  return TIMESTAMP_MEMBERS.flatMap((m) => {
    const v = str(scheduled[m]);
    if (v === undefined || parseTimestamp(v) !== undefined) return [];
    return [
      {
        property: `${SCHEDULED}.${m}`,
        reason:
          `must be a real date and time in ISO-8601 with a time zone, e.g. 2027-01-01T00:00:00Z, or epoch seconds as a ` +
          `number (got ${quote(v)})`,
      },
    ];
  });
}

function scheduleStartPrecedesEnd(inputs: Inputs): Finding[] {
  const scheduled = knownSchedule(inputs);
  const start = parseTimestamp(scheduled?.scheduleStartTime);
  const end = parseTimestamp(scheduled?.scheduleEndTime);
  if (start === undefined || end === undefined || start < end) return [];
  return [
    {
      property: `${SCHEDULED}.scheduleEndTime`,
      reason: `must be later than scheduleStartTime (${new Date(end).toISOString()} is not after ` + `${new Date(start).toISOString()})`,
    },
  ];
}

export const SCHEDULE_RULES = [
  rule({
    name: "scheduledTriggerNeedsSchedule",
    check: scheduledTriggerNeedsSchedule,
    evidence: {
      kind: "no-evidence",
      sources: [
        { url: APPFLOW_TRIGGER, quote: "Currently, these settings only apply to the Scheduled trigger type." },
        { file: APPFLOW_MODEL, quote: "Currently, these settings only apply to the <code>Scheduled</code> trigger type." },
      ],
      note: "no source shows a refusal",
    },
  }),
  rule({
    name: "unscheduledTriggerTakesNoSchedule",
    check: unscheduledTriggerTakesNoSchedule,
    evidence: {
      kind: "no-evidence",
      sources: [{ file: APPFLOW_MODEL, quote: "Currently, these settings only apply to the <code>Scheduled</code> trigger type." }],
      note: "no source shows a refusal",
    },
  }),
  rule({
    name: "incrementalPullNeedsDatetimeField",
    check: incrementalPullNeedsDatetimeField,
    evidence: {
      kind: "no-evidence",
      sources: [
        {
          file: APPFLOW_MODEL,
          quote:
            "A field that specifies the date time or timestamp field as the criteria to use when importing incremental records from the source.",
        },
        { url: ADMIN_GUIDE_S3, quote: '"DataPullMode": "Incremental"' },
      ],
      note: "not for S3: the admin guide's S3 example is Incremental without it",
    },
  }),
  rule({
    name: "scheduleExpressionParses",
    check: scheduleExpressionParses,
    evidence: {
      kind: "no-evidence",
      sources: [
        { file: APPFLOW_MODEL, quote: "for example <code>rate(5minutes)</code>" },
        { url: ADMIN_GUIDE_S3, quote: '"ScheduleExpression": "rate(15minutes)"' },
        { url: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html", quote: "cron(0 12 * * ? *)" },
      ],
      note: "the admin guide gives 15 minutes as the minimum for its S3 flow; no source shows a refusal",
    },
  }),
  rule({
    name: "scheduleTimesAreRealInstants",
    check: scheduleTimesAreRealInstants,
    evidence: {
      // The provider converts the value to an instant before sending; a value it can only guess at is refused, never rewritten.
      kind: "provider-input",
      sources: [
        { file: "model/timestamp.ts", quote: "export function parseTimestamp(v: unknown): number | undefined" },
        {
          file: APPFLOW_MODEL,
          quote: "The time is formatted as a timestamp that follows the ISO 8601 standard, such as <code>2022-04-26T13:00:00-07:00</code>.",
        },
        { url: APPFLOW_SCHEDULED, quote: "2022-04-26T13:00:00-07:00" },
      ],
    },
  }),
  rule({
    name: "scheduleStartPrecedesEnd",
    check: scheduleStartPrecedesEnd,
    evidence: {
      kind: "no-evidence",
      sources: [
        { file: APPFLOW_MODEL, quote: "The time at which the scheduled flow ends." },
        { url: APPFLOW_SCHEDULED, quote: "The time at which the scheduled flow starts." },
      ],
      note: "no source shows a refusal of an end before the start",
    },
  }),
];
