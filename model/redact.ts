/**
 * A copy of an API value with every member the model marks sensitive replaced by a placeholder:
 * connector credentials (ClientSecret, AccessToken, Password, SecretKey…), a FlowDefinition, the
 * secret parts of a request. For logs that must show what a request carried without carrying its
 * secrets (the endpoint's request log). Walks the model's shapes, so a member that becomes
 * sensitive in a regenerated model is redacted the day it is regenerated. Maps come back
 * prototype-free (model/dict), so a user's key is only ever data.
 */
import type { ServiceModel } from "./types";

/**
 * Shapes that are credentials as a whole though the model marks only some of their members
 * sensitive (AppFlow's refreshToken, clientId, username are not): a connector profile's
 * credentials go to Secrets Manager and are never returned (AppFlow API reference,
 * ConnectorProfileConfig: https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ConnectorProfileConfig.html).
 */
const CREDENTIAL_SHAPES = new Set(["ConnectorProfileCredentials"]);

/** What the AWS SDKs print for a sensitive member (@smithy/smithy-client SENSITIVE_STRING). */
export const REDACTED = "***SensitiveInformation***";

/**
 * `scope` "all" replaces every sensitive member, containers included (a FlowDefinition, a KeyMap);
 * "secrets" replaces only sensitive scalars — credentials, keys, tokens, passwords — and walks
 * into sensitive containers, keeping the structure a test may need to assert.
 */
export function redactSensitive(model: ServiceModel, shapeName: string, value: unknown, scope: "all" | "secrets" = "all"): unknown {
  const walk = (name: string, v: unknown, depth: number): unknown => {
    if (v === undefined || v === null) return v;
    const shape = model.shapes[name];
    if (!shape) return v;
    const container = shape.type === "structure" || shape.type === "list" || shape.type === "map";
    if ((shape.sensitive && (scope === "all" || !container)) || CREDENTIAL_SHAPES.has(name)) return REDACTED;
    if (depth > 64) return v;
    switch (shape.type) {
      case "structure": {
        if (typeof v !== "object" || Array.isArray(v)) return v;
        const out = Object.create(null) as Record<string, unknown>;
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          const ref = Object.hasOwn(shape.members, k) ? shape.members[k] : undefined;
          out[k] = ref ? walk(ref.shape, x, depth + 1) : x;
        }
        return out;
      }
      case "list":
        return Array.isArray(v) ? v.map((x) => walk(shape.member.shape, x, depth + 1)) : v;
      case "map": {
        if (typeof v !== "object" || Array.isArray(v)) return v;
        const out = Object.create(null) as Record<string, unknown>;
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = walk(shape.value.shape, x, depth + 1);
        return out;
      }
      default:
        return v;
    }
  };
  return walk(shapeName, value, 0);
}
