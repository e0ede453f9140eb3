/** Every constraint of the API model, checked on the program's inputs. */
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import { validate, formatSdkPath, type PathSegment, type Violation } from "../../model/validate";
import { toApi } from "../mapping";
import { isPlainObject, lowerFirst, memberOf, setOwn, shapeAt, upperFirst, visitShape } from "../../model/visit";
import { isUnknown } from "./unknown";
import { nearestName } from "../../model/nearest";
import type { CheckFailure } from "./types";

const PUT = customerProfilesModel.operations.PutIntegration.input!;

/**
 * The offending value, when it is one scalar: a structure or list is described, never printed,
 * so that a whole FlowDefinition cannot end up in a preview log.
 */
function describeValue(v: Violation): string {
  const x = v.value;
  if (v.rule === "required" || x === undefined) return "";
  if (Array.isArray(x)) return ` (got a list of ${x.length})`;
  if (x instanceof Date) return ` (got ${x.toISOString()})`;
  if (typeof x === "object" && x !== null) return v.rule === "size" ? ` (got ${Object.keys(x).length})` : " (got an object)";
  const s = typeof x === "string" ? JSON.stringify(x) : String(x);
  return ` (got ${s.length > 66 ? `${s.slice(0, 64)}…${s.charAt(0) === '"' ? '"' : ""}` : s})`;
}

const REASON: Record<Violation["rule"], (v: Violation) => string> = {
  required: () => "is required",
  unknown: () => "is not a member of this type (check the spelling)",
  type: (v) =>
    // Epoch seconds are a number in the AWS docs' examples; as text they would be read as a date string.
    typeof v.value === "string" && /^\d+(\.\d+)?$/.test(v.value) && /timestamp/.test(v.constraint)
      ? "must be a timestamp: write epoch seconds as a number, not a string, or an ISO-8601 string with a zone"
      : v.constraint.replace(/^Member must be/, "must be"),
  length: (v) => v.constraint.replace(/^Member must have length/, "must have length"),
  size: (v) => v.constraint.replace(/^Member must have length/, "must have a number of entries"),
  pattern: (v) => v.constraint.replace(/^Member must satisfy regular expression pattern:/, "must match the pattern"),
  enum: (v) => v.constraint.replace(/^Member must satisfy enum value set:/, "must be one of"),
  range: (v) => v.constraint.replace(/^Member must have value/, "must be"),
};

/** The provider's own inputs beside the request's members. */
const OWN_INPUTS = ["region", "adoptExisting"];

/** The members of the structure a path leads to, for suggesting the member a misspelling meant. */
function membersAt(path: PathSegment[]): string[] {
  const name = shapeAt(customerProfilesModel, PUT, path);
  const shape = name === undefined ? undefined : customerProfilesModel.shapes[name];
  const members = shape?.type === "structure" ? Object.keys(shape.members).map(lowerFirst) : [];
  return path.length === 0 ? [...members, ...OWN_INPUTS] : members;
}

/**
 * The input path as the program spells it. A member the model lacks keeps the program's own
 * spelling (so `FlowName` is not shown as `flowName`), and a map key that breaks a rule is
 * addressed like its entry, `tags["aws:x"]`, which Pulumi can read as a property path.
 */
function propertyOf(v: Violation): string {
  if (v.rule === "unknown") {
    const parent = v.path.slice(0, -1);
    const last = v.path[v.path.length - 1] as { member: string };
    const prefix = formatSdkPath(parent);
    return prefix ? `${prefix}.${last.member}` : last.member;
  }
  return formatSdkPath(v.path.map((seg) => ("mapKey" in seg ? { key: seg.mapKey } : seg)));
}

function reasonOf(v: Violation): string {
  const last = v.path[v.path.length - 1];
  if (v.rule === "unknown" && last && "member" in last) {
    // A program in YAML, or any language without the SDK's types, can spell a member any way.
    const near = nearestName(last.member, membersAt(v.path.slice(0, -1)));
    if (near) return `is not a member of this type (did you mean ${near}?)`;
  }
  const isKey = last !== undefined && "mapKey" in last;
  return `${isKey ? "key " : ""}${REASON[v.rule](v)}${describeValue(v)}`;
}

const isEmptyObject = (v: unknown) => isPlainObject(v) && Object.keys(v).length === 0;

/**
 * The inputs as the API will receive them, so that check judges what create sends:
 * - a member written in the API's own spelling (`FlowName` for `flowName`) is reported and left
 *   out: the mapping passes keys it does not know through as written, so it would land on the
 *   API member itself and pass, or override the program's `flowName`;
 * - an empty map or structure is left out, as the request mapping (mapping.ts toApi) leaves it
 *   out of what create sends (so `tags: {}` is no tags, not a map below TagMap's minimum of one entry).
 */
function asSent(shapeName: string, value: unknown, path: string, out: CheckFailure[]): unknown {
  return visitShape(customerProfilesModel, shapeName, value, {
    structure(shape, obj) {
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        const at = path ? `${path}.${k}` : k;
        const camel = lowerFirst(k);
        if (k !== camel && memberOf(shape, k)) {
          out.push({ property: at, reason: `is not a member of this type (did you mean ${camel}?)` });
          continue;
        }
        if (isEmptyObject(v)) continue;
        const ref = memberOf(shape, upperFirst(k));
        setOwn(kept, k, ref ? asSent(ref.shape, v, at, out) : v);
      }
      return kept;
    },
    list: (shape, items) => items.map((v, i) => asSent(shape.member.shape, v, `${path}[${i}]`, out)),
    map(shape, obj) {
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        if (!isEmptyObject(v)) setOwn(kept, k, asSent(shape.value.shape, v, `${path}[${JSON.stringify(k)}]`, out));
      }
      return kept;
    },
    other: (_shape, v) => v,
  });
}

/** The inputs (camelCase, without `region`) checked against PutIntegration's request shape. */
export function constraintFailures(inputs: Record<string, unknown>): CheckFailure[] {
  // region and adoptExisting are the provider's own, never sent to the API.
  const { region: _region, adoptExisting: _adopt, ...members } = inputs;
  const misspelt: CheckFailure[] = [];
  const request = toApi(PUT, asSent(PUT, members, "", misspelt));
  const violations = validate(customerProfilesModel, PUT, request, { unknownMembers: "error", isUnknown });
  if (_adopt !== undefined && !isUnknown(_adopt) && typeof _adopt !== "boolean") {
    misspelt.push({ property: "adoptExisting", reason: `must be a boolean${describeValue({ rule: "type", value: _adopt } as Violation)}` });
  }
  return [...misspelt, ...violations.map((v) => ({ property: propertyOf(v), reason: reasonOf(v) }))];
}
