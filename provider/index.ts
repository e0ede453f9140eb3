export { IntegrationProvider } from "./provider";
export { lazyProvider } from "./lazy";
export { resetClients } from "./clients";

import { IntegrationProvider } from "./provider";

/** Used by the serialized loader (lazy.ts) in the dynamic-provider process. */
export function createIntegrationProvider(): IntegrationProvider {
  return new IntegrationProvider();
}
