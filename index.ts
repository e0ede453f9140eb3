/**
 * pulumi-customer-profiles-integration: Amazon Connect Customer Profiles integrations as a
 * Pulumi resource. Programs import `Integration`; `IntegrationProvider` is the provider behind it.
 */
export * from "./sdk";
export { IntegrationProvider } from "./provider";
