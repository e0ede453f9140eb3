/**
 * Hooks for the package's own tests: forget process-wide caches and capture warnings. Internal:
 * neither `index.ts` nor `provider/index.ts` re-exports this module, so it is no part of the
 * package's public API (the package's `exports` map offers no path to it either).
 */
export { resetClients } from "./clients";
export { resetConnectorProfileCatalog } from "./validation/connector-profiles";
export { setWarningSink, type WarningSink } from "./validation/warnings";
