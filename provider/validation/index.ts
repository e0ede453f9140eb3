/**
 * The provider's `check`: everything that can be known to be wrong before anything is written.
 * First the model's constraints, then the rules the model cannot express, then what only AppFlow
 * knows — whether the flow's connector profile exists — asked only of a source that is otherwise valid.
 */
import type { CheckFailure } from "./types";
import type { Endpoints } from "../config";
import { constraintFailures } from "./constraints";
import { semanticFindings } from "./semantics";
import { connectorProfileFailures } from "./connector-profiles";
import type { ConnectorProfileCatalog } from "./connector-profile-catalog";
import { isUnknown } from "./unknown";
import { warn } from "./warnings";
import { bound, boundList } from "../../model/bounded";

export type { CheckFailure } from "./types";
export { UNKNOWN, isUnknown, containsUnknown } from "./unknown";

export interface CheckContext {
  /** The region the integration will live in, if it can be resolved. */
  region?: string;
  /** Stack config `aws:profile`, for the AppFlow client the cross-check uses. */
  profile?: string;
  /** Endpoint overrides from the provider's config, for the same client. */
  endpoints?: Endpoints;
  /** The connector-profile catalog to ask; the process-wide one by default. */
  connectorProfiles?: ConnectorProfileCatalog;
}

const SOURCE = "flowDefinition.sourceFlowConfig";

/** Which integration a warning is about: check knows no URN, only the inputs. */
function subject(inputs: Record<string, unknown>): string {
  const name = (v: unknown) => (typeof v === "string" && !isUnknown(v) ? v : "(unknown)");
  const flowName = (inputs.flowDefinition as Record<string, unknown> | undefined)?.flowName;
  const which = inputs.uri !== undefined ? `uri ${name(inputs.uri)}` : `flow ${name(flowName)}`;
  return `integration in domain ${name(inputs.domainName)} (${which})`;
}

export async function checkIntegration(inputs: Record<string, unknown>, ctx: CheckContext): Promise<CheckFailure[]> {
  const failures = constraintFailures(inputs);
  // One reason per property: the model's, when it already has one.
  const reported = new Set(failures.map((f) => f.property));
  for (const { property, reason, warning } of semanticFindings(inputs, { region: ctx.region })) {
    if (reported.has(property)) continue;
    if (warning) {
      warn(`${subject(inputs)}: ${property} ${reason}`);
      continue;
    }
    reported.add(property);
    failures.push({ property, reason });
  }
  const sourceValid = !failures.some((f) => f.property === "region" || f.property.startsWith(SOURCE));
  if (sourceValid) failures.push(...(await connectorProfileFailures(inputs, ctx, ctx.connectorProfiles)));
  return boundFailures(failures);
}

/** More failures than this are summarised in one last line: 5,000 bad tags are one problem repeated. */
export const MAX_FAILURES = 100;

/** Each reason and path at most MESSAGE_LIMIT characters; at most MAX_FAILURES failures and a count of the rest. */
export function boundFailures(failures: CheckFailure[]): CheckFailure[] {
  const bounded = failures.map((f) => ({ property: bound(f.property, 256), reason: bound(f.reason) }));
  return boundList(bounded, MAX_FAILURES, (n) => ({
    property: bounded[MAX_FAILURES].property,
    reason: `and ${n} more failure${n > 1 ? "s" : ""} like the ones above (${MAX_FAILURES} shown)`,
  }));
}
