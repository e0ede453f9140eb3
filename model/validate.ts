/**
 * Checks a value in an API shape (PascalCase members, as on the wire) against the constraints
 * of the generated model: required, type, length, pattern, enum, range and list/map size.
 * The provider's preview checks and the local endpoint both call this, so the two can never
 * disagree about what the API accepts.
 */
import type { ServiceModel, Shape } from "./types";
import { compilePattern } from "./pattern";

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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
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
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`model has no shape ${shapeName}`);
  const sensitive = inSensitive || !!shape.sensitive;
  const fail = (rule: Rule, constraint: string, p: PathSegment[] = path, v: unknown = value): void => {
    out.push({ path: p, rule, constraint, value: v, sensitive });
  };
  if (options.isUnknown?.(value)) return;

  switch (shape.type) {
    case "structure": {
      if (!isPlainObject(value)) return fail("type", "Member must be an object");
      const members = shape.members;
      for (const req of shape.required ?? []) {
        if (depth === 0 && options.skipTopLevel?.includes(req)) continue;
        if (value[req] === undefined || value[req] === null) {
          out.push({
            path: [...path, { member: req }],
            rule: "required",
            constraint: "Member must not be null",
            value: undefined,
            sensitive,
          });
        }
      }
      for (const [name, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        if (depth === 0 && options.skipTopLevel?.includes(name)) continue;
        const m = members[name];
        if (!m) {
          if ((options.unknownMembers ?? "ignore") === "error") {
            fail("unknown", "Member is not defined by the API", [...path, { member: name }], v);
          }
          continue;
        }
        walk(model, m.shape, v, [...path, { member: name }], sensitive, options, out, depth + 1);
      }
      return;
    }
    case "list": {
      if (!Array.isArray(value)) return fail("type", "Member must be a list");
      checkSize(shape, value.length, "Member must have length", fail);
      value.forEach((item, i) => {
        if (item === undefined || item === null) {
          fail("required", "List member must not be null", [...path, { index: i }], item);
          return;
        }
        walk(model, shape.member.shape, item, [...path, { index: i }], sensitive, options, out, depth + 1);
      });
      return;
    }
    case "map": {
      if (!isPlainObject(value)) return fail("type", "Member must be a map");
      checkSize(shape, Object.keys(value).length, "Member must have length", fail);
      for (const [k, v] of Object.entries(value)) {
        walk(model, shape.key.shape, k, [...path, { mapKey: k }], sensitive, options, out, depth + 1);
        if (v === undefined || v === null) {
          fail("required", "Map value must not be null", [...path, { key: k }], v);
          continue;
        }
        walk(model, shape.value.shape, v, [...path, { key: k }], sensitive, options, out, depth + 1);
      }
      return;
    }
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

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
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
 * AWS's message for a failed request: "1 validation error detected: Value 'x' at 'path' failed to
 * satisfy constraint: ...". Values inside sensitive shapes are not echoed, as the services do.
 */
/** A value as text even when its keys are built-in names ({"toString": "x"} makes String() throw). */
function displayed(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function awsValidationMessage(violations: Violation[]): string {
  const shown = violations.slice(0, 10).map((v) => {
    const val = v.sensitive || v.value === undefined ? "" : `Value '${displayed(v.value)}' `;
    const at = `at '${formatAwsPath(v.path)}'`;
    return v.rule === "required" ? `Value null ${at} failed to satisfy constraint: ${v.constraint}` : `${val}${at} failed to satisfy constraint: ${v.constraint}`;
  });
  const n = violations.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${shown.join("; ")}`;
}
