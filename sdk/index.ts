export { Integration, type IntegrationArgs, type DeepInput, type DeepInputs } from "./integration";
export * from "./types";
