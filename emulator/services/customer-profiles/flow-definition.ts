/**
 * How a PutIntegration FlowDefinition becomes an AppFlow flow. Customer Profiles spells the flow's
 * members in PascalCase and AppFlow in camelCase (with connector names such as `Salesforce` or
 * `S3` and `Scheduled` kept capitalised in both), so members are paired by name up to case,
 * walking both official models side by side instead of keeping a hand-written mapping.
 */
import type { FlowDefinition } from "@aws-sdk/client-customer-profiles";
import type { ServiceModel } from "../../../model/types";
import { memberOf, transform, type Transform } from "../../../model/visit";
import { appflowModel } from "../../../model/generated/appflow";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import { arn } from "../../../model/arn";
import type { FlowSpec } from "../appflow/state";

/**
 * The Uri an integration gets when PutIntegration creates its flow: the flow's ARN. This is the one
 * place that decision lives; correct it here if the service is seen to answer differently.
 */
export function deriveFlowUri(region: string, accountId: string, flowName: string): string {
  return arn("appflow", region, accountId, `flow/${flowName}`);
}

/**
 * Rebuilds a value of `from`'s shapes in `to`'s, walking `from` with the name of the matching
 * `to` shape as context: structure members are paired by name up to case, and members `to`
 * lacks are left out.
 */
function translate(from: ServiceModel, fromShape: string, to: ServiceModel, toShape: string, value: unknown): unknown {
  const pairing: Transform<string> = {
    mismatched: "keep",
    *members(shape, obj, target) {
      const b = to.shapes[target];
      if (b?.type !== "structure") return;
      const byLowerName = new Map(Object.keys(b.members).map((m) => [m.toLowerCase(), m]));
      for (const [name, v] of Object.entries(obj)) {
        const t = byLowerName.get(name.toLowerCase());
        const ref = memberOf(shape, name);
        if (t && ref) yield [t, ref, v, b.members[t].shape];
      }
    },
    below(_shape, target) {
      const b = to.shapes[target];
      return b?.type === "list" ? b.member.shape : b?.type === "map" ? b.value.shape : target;
    },
    leaf: (_shape, v) => v,
  };
  return transform(from, fromShape, value, pairing, toShape);
}

const toAppflow = (cpShape: string, afShape: string, value: unknown) =>
  translate(customerProfilesModel, cpShape, appflowModel, afShape, value);

export function flowSpecFor(
  definition: FlowDefinition,
  destination: { domainName: string; objectTypeName?: string },
  tags: Record<string, string> | undefined,
): FlowSpec {
  return {
    flowName: definition.FlowName!,
    description: definition.Description,
    kmsArn: definition.KmsArn,
    sourceFlowConfig: toAppflow("SourceFlowConfig", "SourceFlowConfig", definition.SourceFlowConfig) as FlowSpec["sourceFlowConfig"],
    tasks: toAppflow("Tasks", "Tasks", definition.Tasks) as FlowSpec["tasks"],
    triggerConfig: toAppflow("TriggerConfig", "TriggerConfig", definition.TriggerConfig) as FlowSpec["triggerConfig"],
    destinationFlowConfigList: [
      {
        connectorType: "CustomerProfiles",
        destinationConnectorProperties: {
          CustomerProfiles: { domainName: destination.domainName, objectTypeName: destination.objectTypeName },
        },
      },
    ],
    tags,
  };
}
