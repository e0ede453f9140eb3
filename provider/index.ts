export { IntegrationProvider } from "./provider";

import { IntegrationProvider } from "./provider";

/**
 * Used by the serialized loader (sdk/lazy.ts) in the dynamic-provider process. A public contract:
 * the state of every deployed integration holds a loader that requires
 * `pulumi-customer-profiles-integration/provider` and calls this, so it must keep its name and
 * meaning however the modules move.
 */
export function createIntegrationProvider(): IntegrationProvider {
  return new IntegrationProvider();
}
