/**
 * The state an Integration records. Input members hold the program's desired values (so the
 * next diff compares like with like); the members only the service knows (uri when derived,
 * createdAt, lastUpdatedAt, workflowId, isUnstructured, tags as applied) come from the API.
 */
import { outputsFromIntegration } from "./mapping";
import { INPUT_KEYS } from "./normalize";
import type { IntegrationInputs, IntegrationOutputs } from "./integration-types";

function withoutUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function buildOutputs(
  inputs: IntegrationInputs,
  api: Record<string, unknown> | undefined,
  extra: { region: string; arn: string; previous?: Partial<IntegrationOutputs> },
): IntegrationOutputs {
  const fromApi = api ? outputsFromIntegration(api) : {};
  const prev = extra.previous ?? {};
  const desired: Record<string, unknown> = {};
  for (const k of INPUT_KEYS) desired[k] = (inputs as unknown as Record<string, unknown>)[k];
  return withoutUndefined({
    ...desired,
    region: extra.region,
    uri: (fromApi.uri ?? inputs.uri ?? prev.uri)!,
    tags: fromApi.tags ?? inputs.tags,
    arn: extra.arn,
    createdAt: (fromApi.createdAt ?? prev.createdAt)!,
    lastUpdatedAt: (fromApi.lastUpdatedAt ?? prev.lastUpdatedAt)!,
    workflowId: fromApi.workflowId ?? prev.workflowId,
    isUnstructured: fromApi.isUnstructured ?? prev.isUnstructured,
  }) as IntegrationOutputs;
}

/** The inputs that reproduce an integration as read from AWS (import and refresh). */
export function inputsFromOutputs(outs: IntegrationOutputs): IntegrationInputs {
  const inputs: Record<string, unknown> = {};
  for (const k of INPUT_KEYS) inputs[k] = (outs as unknown as Record<string, unknown>)[k];
  return withoutUndefined(inputs) as unknown as IntegrationInputs;
}
