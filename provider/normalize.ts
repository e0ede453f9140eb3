/**
 * The canonical form of an integration's inputs, for `diff` alone: it compares canonical forms of
 * the state and the program, so an unchanged program never shows a phantom change (the same
 * instant spelled as epoch seconds, with an offset, or as the API reads it back; an empty map
 * and no map). Check never returns this: it hands the engine the program's inputs as written.
 */
import { customerProfilesModel } from "../model/generated/customer-profiles";
import { toApi, fromApi, withoutEmptyMaps } from "./mapping";
import { containsUnknown } from "./validation/unknown";
import type { IntegrationInputs } from "./integration-types";

const PUT = customerProfilesModel.operations.PutIntegration.input!;

export function normalizeInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  // Values still unknown at preview are compared as written; the engine fills them later.
  if (containsUnknown(inputs)) return withoutEmptyMaps(inputs) as Record<string, unknown>;
  const { region, ...members } = inputs;
  const known = fromApi(PUT, toApi(PUT, members)) as Record<string, unknown>;
  // fromApi keeps only modelled members; anything else (outputs, adoptExisting) is kept as written.
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(members)) if (!Object.hasOwn(known, k)) rest[k] = v;
  return withoutEmptyMaps({ ...rest, ...known, region }) as Record<string, unknown>;
}
/** The input members of outputs: what `read` hands back as inputs, and what `diff` compares. */
export const INPUT_KEYS: (keyof IntegrationInputs)[] = [
  "domainName",
  "uri",
  "objectTypeName",
  "objectTypeNames",
  "tags",
  "flowDefinition",
  "roleArn",
  "eventTriggerNames",
  "scope",
  "region",
  "desiredFlowState",
];
