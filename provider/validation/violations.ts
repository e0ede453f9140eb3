/**
 * How preview words a violation of the model's constraints: the input path as the program spells
 * it, and the rule in a sentence that follows the path ("… must have length less than or equal to 64").
 */
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import { EXPECTED_NAME, type Constraint, type PathSegment, type Violation } from "../../model/validate";
import { lowerFirst, shapeAt } from "../../model/visit";
import { quoteBounded } from "../../model/bounded";
import { nearestName } from "../../model/nearest";

const PUT = customerProfilesModel.operations.PutIntegration.input!;

/** The path as a Pulumi program spells it: `flowDefinition.tasks[2].connectorOperator.zendesk`. */
function formatSdkPath(path: PathSegment[]): string {
  let s = "";
  for (const seg of path) {
    if ("member" in seg) s += (s ? "." : "") + lowerFirst(seg.member);
    else if ("index" in seg) s += `[${seg.index}]`;
    else if ("key" in seg) s += `[${JSON.stringify(seg.key)}]`;
    else s += `[${JSON.stringify(seg.mapKey)}] (key)`;
  }
  return s;
}

/**
 * The offending value, when it is one scalar: a structure or list is described, never printed,
 * so that a whole FlowDefinition cannot end up in a preview log.
 */
export function describeValue(rule: Constraint["rule"], x: unknown): string {
  if (rule === "required" || x === undefined) return "";
  if (Array.isArray(x)) return ` (got a list of ${x.length})`;
  if (x instanceof Date) return ` (got ${x.toISOString()})`;
  if (typeof x === "object" && x !== null) return rule === "size" ? ` (got ${Object.keys(x).length})` : " (got an object)";
  return ` (got ${typeof x === "string" ? quoteBounded(x) : String(x)})`;
}

const COMPARED = { min: "greater than or equal to", max: "less than or equal to" } as const;

function ruleOf(c: Constraint, value: unknown): string {
  switch (c.rule) {
    case "required":
      return "is required";
    case "unknown":
      return "is not a member of this type (check the spelling)";
    case "type":
      // Epoch seconds are a number in the AWS docs' examples; as text they would be read as a date string.
      return c.expected === "timestamp" && typeof value === "string" && /^\d+(\.\d+)?$/.test(value)
        ? "must be a timestamp: write epoch seconds as a number, not a string, or an ISO-8601 string with a zone"
        : `must be ${EXPECTED_NAME[c.expected]}`;
    case "length":
      return `must have length ${COMPARED[c.bound]} ${c.limit}`;
    case "size":
      return `must have a number of entries ${COMPARED[c.bound]} ${c.limit}`;
    case "range":
      return `must be ${COMPARED[c.bound]} ${c.limit}`;
    case "pattern":
      return `must match the pattern ${c.pattern}`;
    case "enum":
      return `must be one of [${c.values.join(", ")}]`;
  }
}

/** The members of the structure a path leads to, for suggesting the member a misspelling meant. */
/** The provider's own inputs beside the request's members. */
const OWN_INPUTS = ["region", "adoptExisting"];

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
export function propertyOf(v: Violation): string {
  if (v.constraint.rule === "unknown") {
    const parent = v.path.slice(0, -1);
    const last = v.path[v.path.length - 1] as { member: string };
    const prefix = formatSdkPath(parent);
    return prefix ? `${prefix}.${last.member}` : last.member;
  }
  return formatSdkPath(v.path.map((seg) => ("mapKey" in seg ? { key: seg.mapKey } : seg)));
}

export function reasonOf(v: Violation): string {
  const last = v.path[v.path.length - 1];
  if (v.constraint.rule === "unknown" && last && "member" in last) {
    // A program in YAML, or any language without the SDK's types, can spell a member any way.
    const near = nearestName(last.member, membersAt(v.path.slice(0, -1)));
    if (near) return `is not a member of this type (did you mean ${near}?)`;
  }
  const isKey = last !== undefined && "mapKey" in last;
  return `${isKey ? "key " : ""}${ruleOf(v.constraint, v.value)}${describeValue(v.constraint.rule, v.value)}`;
}
