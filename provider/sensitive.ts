/**
 * The values of a request that no error message may repeat: the strings inside shapes the model
 * marks sensitive (a FlowDefinition). The SDK hides them from its own logs; an AWS error message
 * that echoes one must not carry it into ours.
 */
import type { ServiceModel } from "../model/types";
import { customerProfilesModel } from "../model/generated/customer-profiles";
import { shapeOf, visitShape } from "../model/visit";

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
    const sensitive = inSensitive || !!shapeOf(model, name).sensitive;
    visitShape(model, name, v, {
      structure(shape, obj) {
        for (const [member, ref] of Object.entries(shape.members)) {
          if (sensitive && IDENTITY_MEMBERS.has(member)) continue;
          walk(ref.shape, obj[member], sensitive);
        }
      },
      list: (shape, items) => items.forEach((item) => walk(shape.member.shape, item, sensitive)),
      map(shape, obj) {
        for (const [k, item] of Object.entries(obj)) {
          walk(shape.key.shape, k, sensitive);
          walk(shape.value.shape, item, sensitive);
        }
      },
      other(shape, s) {
        if (shape.type === "string" && sensitive && !shape.enum && typeof s === "string" && s.length >= MIN_LENGTH) out.add(s);
      },
    });
  };
  walk(shapeName, value, false);
  return [...out];
}
