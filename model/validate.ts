/**
 * Checks a value in an API shape (PascalCase members, as on the wire) against the constraints
 * of the generated model: required, type, length, pattern, enum, range and list/map size.
 * The provider's preview checks and the local endpoint both call this, so the two can never
 * disagree about what the API accepts. Violations are data: each caller words them its own way.
 */
import type { ServiceModel, Shape } from "./types";
import { compilePattern } from "./pattern";
import { memberOf, shapeOf, visitShape } from "./visit";
import { hasTimestampForm } from "./timestamp";

export type PathSegment =
  | { member: string }
  | { index: number }
  | { key: string }
  /** The key of a map entry itself (as opposed to its value) broke a rule. */
  | { mapKey: string };

/** The kinds of value a shape can demand. */
export type ExpectedType = "object" | "list" | "map" | "string" | "number" | "whole number" | "boolean" | "timestamp";

/** Each kind of value by name, as a message about it reads: "must be a list". */
export const EXPECTED_NAME: Readonly<Record<ExpectedType, string>> = {
  object: "an object",
  list: "a list",
  map: "a map",
  string: "a string",
  number: "a number",
  "whole number": "a whole number",
  boolean: "a boolean",
  timestamp: "a timestamp (ISO-8601 or epoch seconds)",
};

/** The constraint a value broke, with the model's values for it. */
export type Constraint =
  | { rule: "required"; of: "member" | "list item" | "map value" }
  | { rule: "unknown" }
  | { rule: "type"; expected: ExpectedType }
  /** length: a string's characters; size: a list's items or a map's entries; range: a number. */
  | { rule: "length" | "size" | "range"; bound: "min" | "max"; limit: number }
  | { rule: "pattern"; pattern: string }
  | { rule: "enum"; values: readonly string[] };

export type Rule = Constraint["rule"];

export interface Violation {
  path: PathSegment[];
  constraint: Constraint;
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

export function validate(model: ServiceModel, shapeName: string, value: unknown, options: ValidateOptions = {}): Violation[] {
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
  const fail = (constraint: Constraint, p: PathSegment[] = path, v: unknown = value): void => {
    out.push({ path: p, constraint, value: v, sensitive });
  };
  const below = (name: string, v: unknown, seg: PathSegment): void =>
    walk(model, name, v, [...path, seg], sensitive, options, out, depth + 1);
  if (options.isUnknown?.(value)) return;

  visitShape(model, shapeName, value, {
    structure(shape, obj) {
      for (const req of shape.required ?? []) {
        if (depth === 0 && options.skipTopLevel?.includes(req)) continue;
        if (obj[req] === undefined || obj[req] === null) {
          fail({ rule: "required", of: "member" }, [...path, { member: req }], undefined);
        }
      }
      for (const [name, v] of Object.entries(obj)) {
        if (v === undefined || v === null) continue;
        if (depth === 0 && options.skipTopLevel?.includes(name)) continue;
        const m = memberOf(shape, name);
        if (!m) {
          if ((options.unknownMembers ?? "ignore") === "error") {
            fail({ rule: "unknown" }, [...path, { member: name }], v);
          }
          continue;
        }
        below(m.shape, v, { member: name });
      }
    },
    list(shape, items) {
      checkSize(shape, items.length, fail);
      items.forEach((item, i) => {
        if (item === undefined || item === null) {
          fail({ rule: "required", of: "list item" }, [...path, { index: i }], item);
          return;
        }
        below(shape.member.shape, item, { index: i });
      });
    },
    map(shape, obj) {
      checkSize(shape, Object.keys(obj).length, fail);
      for (const [k, v] of Object.entries(obj)) {
        below(shape.key.shape, k, { mapKey: k });
        if (v === undefined || v === null) {
          fail({ rule: "required", of: "map value" }, [...path, { key: k }], v);
          continue;
        }
        below(shape.value.shape, v, { key: k });
      }
    },
    other: (shape, v) => checkScalar(shape, v, fail),
  });
}

const WRONG_KIND = { structure: "object", list: "list", map: "map" } as const;

function checkScalar(shape: Shape, value: unknown, fail: (c: Constraint) => void): void {
  const expect = (expected: ExpectedType) => fail({ rule: "type", expected });
  switch (shape.type) {
    case "structure":
    case "list":
    case "map":
      return expect(WRONG_KIND[shape.type]);
    case "string": {
      if (typeof value !== "string") return expect("string");
      checkSize(shape, [...value].length, fail);
      if (shape.enum && !shape.enum.includes(value)) return fail({ rule: "enum", values: shape.enum });
      if (shape.pattern && !compilePattern(shape.pattern).test(value)) fail({ rule: "pattern", pattern: shape.pattern });
      return;
    }
    case "integer":
    case "long":
    case "double":
    case "float": {
      if (typeof value !== "number" || Number.isNaN(value)) return expect("number");
      if ((shape.type === "integer" || shape.type === "long") && !Number.isInteger(value)) return expect("whole number");
      if (shape.min !== undefined && value < shape.min) fail({ rule: "range", bound: "min", limit: shape.min });
      if (shape.max !== undefined && value > shape.max) fail({ rule: "range", bound: "max", limit: shape.max });
      return;
    }
    case "boolean":
      if (typeof value !== "boolean") expect("boolean");
      return;
    case "timestamp": {
      // The form only: whether an ISO-8601 string names a real instant is for its reader to say.
      const ok = (value instanceof Date && !Number.isNaN(value.getTime())) || hasTimestampForm(value);
      if (!ok) expect("timestamp");
      return;
    }
    case "blob":
      return;
  }
}

function checkSize(shape: Shape, size: number, fail: (c: Constraint) => void): void {
  const rule = shape.type === "string" ? "length" : "size";
  if (shape.min !== undefined && size < shape.min) fail({ rule, bound: "min", limit: shape.min });
  if (shape.max !== undefined && size > shape.max) fail({ rule, bound: "max", limit: shape.max });
}
