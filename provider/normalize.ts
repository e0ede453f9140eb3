/**
 * The canonical form of an integration's inputs, so that `diff` compares like with like and an
 * unchanged program never shows a phantom change: timestamps in one ISO-8601 spelling (the API
 * keeps seconds), empty maps and lists the API treats as absent dropped, nothing else touched.
 */
import { customerProfilesModel } from "../model/generated/customer-profiles";
import { setOwn } from "../model/dict";
import { toApi, fromApi } from "./mapping";
import { containsUnknown } from "./validation/unknown";
import type { IntegrationInputs } from "../sdk/types";

const PUT = customerProfilesModel.operations.PutIntegration.input!;

function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropEmpty);
  if (v && typeof v === "object") {
    // Keys may be user data (a tag called __proto__): each is set as an own property, so none is dropped.
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = dropEmpty(x);
      if (y === undefined || y === null) continue;
      if (typeof y === "object" && !Array.isArray(y) && Object.keys(y).length === 0) continue;
      setOwn(out, k, y);
    }
    return out;
  }
  return v;
}

export function normalizeInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  // Values still unknown at preview pass through untouched; the engine fills them later.
  if (containsUnknown(inputs)) return dropEmpty(inputs) as Record<string, unknown>;
  const { region, ...members } = inputs;
  const api = toApi(PUT, members) as Record<string, unknown>;
  const known = fromApi(PUT, api) as Record<string, unknown>;
  // fromApi keeps only modelled members; anything else was reported by check and is kept as written.
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(members)) if (!Object.hasOwn(known, k)) rest[k] = v;
  return dropEmpty({ ...rest, ...known, region }) as Record<string, unknown>;
}

/** The input members of outputs: what `read` hands back as inputs, and what `diff` compares. */
export const INPUT_KEYS: (keyof IntegrationInputs)[] = [
  "domainName", "uri", "objectTypeName", "objectTypeNames", "tags", "flowDefinition",
  "roleArn", "eventTriggerNames", "scope", "region",
];
