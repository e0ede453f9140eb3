export { Integration, type IntegrationArgs, type DeepInput } from "./integration";
export * from "./types";
