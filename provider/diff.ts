/**
 * What a change to the program means for the integration: nothing, an in-place update, or a
 * replacement. An integration is identified by domain, URI and region, so a change to any of
 * them replaces it; so does a new flow name when the service derives the URI from the flow, and a
 * new KMS key for the flow, which AppFlow cannot change.
 */
import type * as pulumi from "@pulumi/pulumi";
import { deepEqual } from "./equality";
import { ProviderError } from "./errors";
import { INPUT_KEYS, normalizeInputs } from "./normalize";
import type { IntegrationInputs, IntegrationOutputs } from "./integration-types";

/**
 * Outputs that an in-place update never changes. Only the plugin host can tell the engine: the
 * dynamic provider server drops DiffResult.stables (@pulumi/pulumi cmd/dynamic-provider, diff).
 */
export const STABLE_OUTPUTS = ["arn", "createdAt", "uri", "domainName", "region"];

export interface IntegrationChanges {
  /** Input members whose desired value differs from state. */
  changed: (keyof IntegrationInputs)[];
  /** The members among them that force a replacement. */
  replaces: string[];
  /**
   * The replacement would need a name the old integration still holds: an AppFlow flow name is
   * unique per account and region, so a flow integration that keeps its flow name while moving
   * to another domain must be deleted before its replacement is created.
   */
  deleteBeforeReplace: boolean;
}

/**
 * The engine hands diff and update the state it holds; without one (a state edited by hand, an
 * import that recorded nothing) there is nothing to compare with, and saying so beats a TypeError.
 */
export function requireOlds<T>(olds: T | null | undefined, call: "diff" | "update", id?: string): T {
  if (olds === null || olds === undefined || typeof olds !== "object" || Array.isArray(olds)) {
    throw new ProviderError(
      `${call} of integration${id ? ` "${id}"` : ""} got no prior state (${olds === null ? "null" : Array.isArray(olds) ? "a list" : typeof olds}) ` +
        `to compare with. Run \`pulumi refresh\` to read the integration back into the state; if that does not help, ` +
        `\`pulumi state delete\` it and set \`adoptExisting: true\` on the resource, so the next \`pulumi up\` takes the ` +
        `existing integration over (\`pulumi import\` cannot adopt a dynamic provider's resource: pulumi/pulumi#16175).`,
    );
  }
  return olds;
}

/**
 * Compares canonical forms (provider/normalize.ts) of the state and the program: check leaves the
 * program's spelling alone, so the state may hold `1893456000` where a refresh reads back
 * `2030-01-01T00:00:00.000Z`, or `tags: {}` where the API has none; neither is a change.
 */
export function compareIntegration(
  oldState: Partial<IntegrationOutputs> | null | undefined,
  desired: IntegrationInputs,
  newRegion: string,
): IntegrationChanges {
  const olds = normalizeInputs(requireOlds(oldState, "diff") as Record<string, unknown>) as Partial<IntegrationOutputs>;
  const news = normalizeInputs(desired as unknown as Record<string, unknown>) as unknown as IntegrationInputs;
  const changed: (keyof IntegrationInputs)[] = [];
  const replaces: string[] = [];
  for (const key of INPUT_KEYS) {
    if (key === "region") {
      if (olds.region !== undefined && olds.region !== newRegion) {
        changed.push(key);
        replaces.push(key);
      }
      continue;
    }
    if (key === "uri") {
      // A URI the service derived is not an input: only a URI the program sets can differ.
      if (news.uri !== undefined && news.uri !== olds.uri) {
        changed.push(key);
        replaces.push(key);
      }
      continue;
    }
    if (!deepEqual(olds[key], news[key])) changed.push(key);
  }
  if (changed.includes("domainName")) replaces.push("domainName");
  if (news.uri === undefined && olds.flowDefinition?.flowName !== news.flowDefinition?.flowName) {
    replaces.push("flowDefinition.flowName");
  }
  // A flow's KMS key is fixed when the flow is created: AppFlow's UpdateFlowRequest has no kmsArn
  // member (botocore appflow-2020-08-23), and an update changes a flow only through UpdateFlow.
  const sameFlow = olds.flowDefinition !== undefined && olds.flowDefinition.flowName === news.flowDefinition?.flowName;
  if (sameFlow && olds.flowDefinition!.kmsArn !== news.flowDefinition!.kmsArn) replaces.push("flowDefinition.kmsArn");
  const flowName = news.flowDefinition?.flowName;
  const deleteBeforeReplace =
    replaces.length > 0 && flowName !== undefined && flowName === olds.flowDefinition?.flowName && newRegion === olds.region;
  return { changed, replaces, deleteBeforeReplace };
}

export function toDiffResult(c: IntegrationChanges): pulumi.dynamic.DiffResult {
  return {
    changes: c.changed.length > 0,
    replaces: c.replaces,
    deleteBeforeReplace: c.deleteBeforeReplace,
  };
}
