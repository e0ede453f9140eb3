/**
 * Checks a value in an API shape (PascalCase members, as on the wire) against the constraints
 * of the generated model: required, type, length, pattern, enum, range and list/map size.
 * The provider's preview checks and the local endpoint both call this, so the two can never
 * disagree about what the API accepts.
 */
import { bound } from "./bounded";
import type { ServiceModel, Shape } from "./types";
import { compilePattern } from "./pattern";
import { lowerFirst, memberOf, shapeOf, visitShape } from "./visit";

export type PathSegment =
  | { member: string }
  | { index: number }
  | { key: string }
  /** The key of a map entry itself (as opposed to its value) broke a rule. */
  | { mapKey: string };

export type Rule = "required" | "type" | "length" | "pattern" | "enum" | "range" | "size" | "unknown";

export interface Violation {
  path: PathSegment[];
  rule: Rule;
  /** The rule in AWS's own words, e.g. "Member must have length less than or equal to 64". */
  constraint: string;
  value: unknown;
  /** The value sits inside a shape the model marks sensitive. */
  sensitive: boolean;
}

export interface ValidateOptions {
  /** Members that the model does not define: flagged (preview checks) or ignored (as the services do). */
  unknownMembers?: "error" | "ignore";
  /** Skip members whose value is not yet known (Pulumi preview); the predicate decides what is unknown. */
  isUnknown?: (value: unknown) => boolean;
  /** Members not to check at all, by name, at the top level (for example members bound to the URL). */
  skipTopLevel?: string[];
}

export function validate(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  options: ValidateOptions = {},
): Violation[] {
  const out: Violation[] = [];
  walk(model, shapeName, value, [], false, options, out, 0);
  return out;
}

function walk(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  path: PathSegment[],
  inSensitive: boolean,
  options: ValidateOptions,
  out: Violation[],
  depth: number,
): void {
  const sensitive = inSensitive || !!shapeOf(model, shapeName).sensitive;
  const fail = (rule: Rule, constraint: string, p: PathSegment[] = path, v: unknown = value): void => {
    out.push({ path: p, rule, constraint, value: v, sensitive });
  };
  const below = (name: string, v: unknown, seg: PathSegment): void =>
    walk(model, name, v, [...path, seg], sensitive, options, out, depth + 1);
  if (options.isUnknown?.(value)) return;

  visitShape(model, shapeName, value, {
    structure(shape, obj) {
      for (const req of shape.required ?? []) {
        if (depth === 0 && options.skipTopLevel?.includes(req)) continue;
        if (obj[req] === undefined || obj[req] === null) {
          out.push({
            path: [...path, { member: req }],
            rule: "required",
            constraint: "Member must not be null",
            value: undefined,
            sensitive,
          });
        }
      }
      for (const [name, v] of Object.entries(obj)) {
        if (v === undefined || v === null) continue;
        if (depth === 0 && options.skipTopLevel?.includes(name)) continue;
        const m = memberOf(shape, name);
        if (!m) {
          if ((options.unknownMembers ?? "ignore") === "error") {
            fail("unknown", "Member is not defined by the API", [...path, { member: name }], v);
          }
          continue;
        }
        below(m.shape, v, { member: name });
      }
    },
    list(shape, items) {
      checkSize(shape, items.length, "Member must have length", fail);
      items.forEach((item, i) => {
        if (item === undefined || item === null) {
          fail("required", "List member must not be null", [...path, { index: i }], item);
          return;
        }
        below(shape.member.shape, item, { index: i });
      });
    },
    map(shape, obj) {
      checkSize(shape, Object.keys(obj).length, "Member must have length", fail);
      for (const [k, v] of Object.entries(obj)) {
        below(shape.key.shape, k, { mapKey: k });
        if (v === undefined || v === null) {
          fail("required", "Map value must not be null", [...path, { key: k }], v);
          continue;
        }
        below(shape.value.shape, v, { key: k });
      }
    },
    other: (shape, v) => checkScalar(shape, v, fail),
  });
}

const WRONG_KIND: Record<string, string> = {
  structure: "Member must be an object",
  list: "Member must be a list",
  map: "Member must be a map",
};

function checkScalar(shape: Shape, value: unknown, fail: (rule: Rule, constraint: string) => void): void {
  switch (shape.type) {
    case "structure":
    case "list":
    case "map":
      return fail("type", WRONG_KIND[shape.type]);
    case "string": {
      if (typeof value !== "string") return fail("type", "Member must be a string");
      checkSize(shape, [...value].length, "Member must have length", fail);
      if (shape.enum && !shape.enum.includes(value)) {
        return fail("enum", `Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
      }
      if (shape.pattern && !compilePattern(shape.pattern).test(value)) {
        fail("pattern", `Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      return;
    }
    case "integer":
    case "long":
    case "double":
    case "float": {
      if (typeof value !== "number" || Number.isNaN(value)) return fail("type", "Member must be a number");
      if ((shape.type === "integer" || shape.type === "long") && !Number.isInteger(value)) {
        return fail("type", "Member must be a whole number");
      }
      if (shape.min !== undefined && value < shape.min) {
        fail("range", `Member must have value greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && value > shape.max) {
        fail("range", `Member must have value less than or equal to ${shape.max}`);
      }
      return;
    }
    case "boolean":
      if (typeof value !== "boolean") fail("type", "Member must be a boolean");
      return;
    case "timestamp": {
      const ok =
        (value instanceof Date && !Number.isNaN(value.getTime())) ||
        (typeof value === "number" && Number.isFinite(value)) ||
        (typeof value === "string" && !Number.isNaN(Date.parse(value)));
      if (!ok) fail("type", "Member must be a timestamp (ISO-8601 or epoch seconds)");
      return;
    }
    case "blob":
      return;
  }
}

function checkSize(
  shape: Shape,
  size: number,
  what: string,
  fail: (rule: Rule, constraint: string) => void,
): void {
  const rule: Rule = shape.type === "string" ? "length" : "size";
  if (shape.min !== undefined && size < shape.min) fail(rule, `${what} greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && size > shape.max) fail(rule, `${what} less than or equal to ${shape.max}`);
}

/** The path as a Pulumi program spells it: `flowDefinition.tasks[2].connectorOperator.zendesk`. */
export function formatSdkPath(path: PathSegment[]): string {
  let s = "";
  for (const seg of path) {
    if ("member" in seg) s += (s ? "." : "") + lowerFirst(seg.member);
    else if ("index" in seg) s += `[${seg.index}]`;
    else if ("key" in seg) s += `[${JSON.stringify(seg.key)}]`;
    else s += `[${JSON.stringify(seg.mapKey)}] (key)`;
  }
  return s;
}

/** The path as AWS's validation messages spell it: `flowDefinition.tasks.3.member.connectorOperator.zendesk`. */
export function formatAwsPath(path: PathSegment[]): string {
  const parts: string[] = [];
  for (const seg of path) {
    if ("member" in seg) parts.push(lowerFirst(seg.member));
    else if ("index" in seg) parts.push(`${seg.index + 1}.member`);
    else if ("key" in seg) parts.push(seg.key);
    else parts.push(`${seg.mapKey}.key`);
  }
  return parts.join(".");
}

/**
 * The longest value a message echoes in full, in characters. Long values are echoed whole by AWS
 * (awslabs/coldsnap#378 quotes a 250-character tag key refused by EBS in full), so the bound sits
 * at the longest value any Customer Profiles request member may have (2,048: FlowDescription,
 * KmsArn, and the task property values of model/generated/customer-profiles.ts): everything the
 * service could accept, or miss by a little, is echoed exactly as AWS would; only a value that is
 * already far too long is cut, and the message says by how much, so one bad input of a megabyte
 * cannot make a megabyte of error (AppFlow's credential members reach 4,096 and are cut when longer
 * than 2,048).
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
      return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${render(x)}`).join(", ")}}`;
    } finally {
      seen.delete(v);
    }
  };
  return bound(render(value), MAX_ECHOED_CHARS);
}

/**
 * AWS's message for a failed request: "1 validation error detected: Value 'x' at 'path' failed to
 * satisfy constraint: ...". A missing member is "Value null at 'path'" (amazon-archives/
 * amazon-cognito-auth-js#65). A member the model marks sensitive, or one inside a sensitive shape,
 * is "Value at 'path'", with no value: Cognito's "Value at 'password' failed to satisfy
 * constraint" (quoted in many public projects' error tables) and SageMaker Runtime's "Value at
 * 'body'" (aws/aws-sdk-js#4203), and the same rule in AWS's Smithy server validation
 * (smithy-lang/smithy-typescript#356, server-common/src/validation/index.ts).
 */
export function awsValidationMessage(violations: Violation[]): string {
  const shown = violations.slice(0, 10).map((v) => {
    const at = `at '${formatAwsPath(v.path)}' failed to satisfy constraint: ${v.constraint}`;
    if (v.rule === "required" || v.value === undefined || v.value === null) return `Value null ${at}`;
    if (v.sensitive) return `Value ${at}`;
    return `Value '${formatAwsValue(v.value)}' ${at}`;
  });
  const n = violations.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${shown.join("; ")}`;
}
