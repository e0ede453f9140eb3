/** Every constraint of the API model, checked on the program's inputs. */
import { customerProfilesModel } from "../model/generated/customer-profiles";
import { validate, formatSdkPath, type Violation } from "../model/validate";
import { toApi } from "../mapping";
import { isUnknown } from "./unknown";
import type { CheckFailure } from "./types";

const PUT = customerProfilesModel.operations.PutIntegration.input!;

function describeValue(v: Violation): string {
  if (v.rule === "required") return "";
  if (v.value === undefined) return "";
  const s = typeof v.value === "string" ? JSON.stringify(v.value) : JSON.stringify(v.value) ?? String(v.value);
  return ` (got ${s.length > 80 ? `${s.slice(0, 80)}…` : s})`;
}

const REASON: Record<Violation["rule"], (v: Violation) => string> = {
  required: () => "is required",
  unknown: () => "is not a member of this type (check the spelling)",
  type: (v) => v.constraint.replace(/^Member must be/, "must be"),
  length: (v) => v.constraint.replace(/^Member must have length/, "must have length"),
  size: (v) => v.constraint.replace(/^Member must have length/, "must have a number of entries"),
  pattern: (v) => v.constraint.replace(/^Member must satisfy regular expression pattern:/, "must match the pattern"),
  enum: (v) => v.constraint.replace(/^Member must satisfy enum value set:/, "must be one of"),
  range: (v) => v.constraint.replace(/^Member must have value/, "must be"),
};

/** The inputs (camelCase, without `region`) checked against PutIntegration's request shape. */
export function constraintFailures(inputs: Record<string, unknown>): CheckFailure[] {
  const { region: _region, ...members } = inputs;
  const request = toApi(PUT, members);
  return validate(customerProfilesModel, PUT, request, { unknownMembers: "error", isUnknown }).map((v) => ({
    property: formatSdkPath(v.path),
    reason: `${REASON[v.rule](v)}${describeValue(v)}`,
  }));
}
