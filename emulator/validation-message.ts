/**
 * The endpoint's answer to a request the model refuses, in AWS's words: "1 validation error
 * detected: Value 'x' at 'path' failed to satisfy constraint: ...".
 */
import { bound } from "../model/bounded";
import { lowerFirst } from "../model/visit";
import { EXPECTED_NAME, type Constraint, type PathSegment, type Violation } from "../model/validate";

/** The path as AWS's validation messages spell it: `flowDefinition.tasks.3.member.connectorOperator.zendesk`. */
function formatAwsPath(path: PathSegment[]): string {
  const parts: string[] = [];
  for (const seg of path) {
    if ("member" in seg) parts.push(lowerFirst(seg.member));
    else if ("index" in seg) parts.push(`${seg.index + 1}.member`);
    else if ("key" in seg) parts.push(seg.key);
    else parts.push(`${seg.mapKey}.key`);
  }
  return parts.join(".");
}

const NULL_OF: Record<Extract<Constraint, { rule: "required" }>["of"], string> = {
  member: "Member must not be null",
  "list item": "List member must not be null",
  "map value": "Map value must not be null",
};

const COMPARED = { min: "greater than or equal to", max: "less than or equal to" } as const;

/** The constraint in AWS's own words, e.g. "Member must have length less than or equal to 64". */
export function awsConstraint(c: Constraint): string {
  switch (c.rule) {
    case "required":
      return NULL_OF[c.of];
    case "unknown":
      return "Member is not defined by the API";
    case "type":
      return `Member must be ${EXPECTED_NAME[c.expected]}`;
    case "length":
    case "size":
      return `Member must have length ${COMPARED[c.bound]} ${c.limit}`;
    case "range":
      return `Member must have value ${COMPARED[c.bound]} ${c.limit}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${c.pattern}`;
    case "enum":
      return `Member must satisfy enum value set: [${c.values.join(", ")}]`;
  }
}

/**
 * The longest value a message echoes in full, in characters. AWS echoes long values whole
 * (awslabs/coldsnap#378: a 250-character tag key), so the bound is the longest value any Customer
 * Profiles member may have (2,048); only a value already far too long is cut, with the count cut.
 */
export const MAX_ECHOED_CHARS = 2048;

/**
 * A value as AWS's services write it into a validation message, which is Java's `toString`: lists
 * as `[a, b]` (AbstractCollection), maps as `{k=v, k2=v2}` (AbstractMap), null as `null`.
 * Evidence: "Value '[]' at 'keySchema'" (mandarzope/loopback-connector-dynamodb#5) and
 * "Value '{EmailNotificationSubscriptionTable=[]}' at 'requestItems'" (nasa-gcn/gcn.nasa.gov#1042),
 * both DynamoDB. A structure has no public form (the services print their Java object's identity,
 * "com.amazonaws.dynamodb.v20120810.WriteRequest@4e30492f" in cortexproject/cortex#199), so it is
 * written like a map of its members; a timestamp is written in ISO-8601.
 */
export function formatAwsValue(value: unknown): string {
  const seen = new Set<unknown>();
  const render = (v: unknown): string => {
    if (v === null || v === undefined) return "null";
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
    if (typeof v !== "object") return String(v);
    // A cycle cannot come from JSON, but a value built in code could carry one.
    if (seen.has(v)) return "(this Collection)";
    seen.add(v);
    try {
      if (Array.isArray(v)) return `[${v.map(render).join(", ")}]`;
      return `{${Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}=${render(x)}`)
        .join(", ")}}`;
    } finally {
      seen.delete(v);
    }
  };
  return bound(render(value), MAX_ECHOED_CHARS);
}

/**
 * AWS's message for a failed request. A missing member is "Value null at 'path'" (amazon-archives/
 * amazon-cognito-auth-js#65). A member the model marks sensitive, or one inside a sensitive shape,
 * is "Value at 'path'", with no value: Cognito's "Value at 'password' failed to satisfy
 * constraint" and SageMaker Runtime's "Value at 'body'" (aws/aws-sdk-js#4203), and the same rule
 * in AWS's Smithy server validation (smithy-lang/smithy-typescript#356).
 */
export function awsValidationMessage(violations: Violation[]): string {
  const shown = violations.slice(0, 10).map((v) => {
    const at = `at '${formatAwsPath(v.path)}' failed to satisfy constraint: ${awsConstraint(v.constraint)}`;
    if (v.constraint.rule === "required" || v.value === undefined || v.value === null) return `Value null ${at}`;
    if (v.sensitive) return `Value ${at}`;
    return `Value '${formatAwsValue(v.value)}' ${at}`;
  });
  const n = violations.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${shown.join("; ")}`;
}
