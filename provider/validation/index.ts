/**
 * The provider's `check`: everything that can be known to be wrong before anything is written.
 */
import type { CheckFailure } from "./types";
import { constraintFailures } from "./constraints";

export type { CheckFailure } from "./types";
export { UNKNOWN, isUnknown, containsUnknown } from "./unknown";

export interface CheckContext {
  /** The region the integration will live in, if it can be resolved. */
  region?: string;
  /** Stack config `aws:profile`, for the AppFlow client the cross-check uses. */
  profile?: string;
}

export async function checkIntegration(inputs: Record<string, unknown>, _ctx: CheckContext): Promise<CheckFailure[]> {
  return constraintFailures(inputs);
}
