/**
 * The values of a request that no error message may repeat: the strings inside shapes the model
 * marks sensitive (a FlowDefinition). The SDK hides them from its own logs; an AWS error message
 * that echoes one must not carry it into ours.
 */
import type { ServiceModel } from "../model/types";
import { customerProfilesModel } from "../model/generated/customer-profiles";

/**
 * Kept in messages: names by which the user finds things — the flow's (already in the
 * integration's URI, the resource id) and the connector profile's (which the preview's own
 * check names) — and enum members, the API's vocabulary rather than the user's data.
 */
const IDENTITY_MEMBERS = new Set(["FlowName", "ConnectorProfileName"]);
/** Shorter strings would blank out ordinary words of a message without hiding anything. */
const MIN_LENGTH = 4;

export function sensitiveValues(shapeName: string, value: unknown, model: ServiceModel = customerProfilesModel): string[] {
  const out = new Set<string>();
  const walk = (name: string, v: unknown, inSensitive: boolean): void => {
    if (v === undefined || v === null) return;
    const shape = model.shapes[name];
    const sensitive = inSensitive || !!shape.sensitive;
    switch (shape.type) {
      case "structure":
        if (typeof v !== "object") return;
        for (const [member, ref] of Object.entries(shape.members)) {
          if (sensitive && IDENTITY_MEMBERS.has(member)) continue;
          walk(ref.shape, (v as Record<string, unknown>)[member], sensitive);
        }
        return;
      case "list":
        if (Array.isArray(v)) v.forEach((item) => walk(shape.member.shape, item, sensitive));
        return;
      case "map":
        if (typeof v !== "object") return;
        for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
          walk(shape.key.shape, k, sensitive);
          walk(shape.value.shape, item, sensitive);
        }
        return;
      case "string":
        if (sensitive && !shape.enum && typeof v === "string" && v.length >= MIN_LENGTH) out.add(v);
        return;
      default:
        return;
    }
  };
  walk(shapeName, value, false);
  return [...out];
}
