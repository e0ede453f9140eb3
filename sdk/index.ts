export { Integration, type IntegrationArgs, type DeepInput, type DeepInputs } from "./integration";
export * from "./types";

// The provider plugin's resource and provider classes, generated from its schema into sdk/plugin/:
// `plugin.Integration` for the engine's own resource (importable, and shared with every language).
// The import keeps sdk/plugin/package.json beside the compiled code, where its getVersion reads it.
import "./plugin/package.json";
export * as plugin from "./plugin";
