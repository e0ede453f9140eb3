/**
 * The integration's shapes as a Pulumi program writes them: the PutIntegration request members,
 * camelCased. FlowDefinition and everything below it, the request and response members and the
 * enum unions are generated from the API model with AWS's documentation into model/generated
 * (`npm run generate`); the resource's inputs and outputs are the provider's. These are the
 * resolved (plain) forms; `sdk/integration.ts` wraps every level in `pulumi.Input` for `IntegrationArgs`.
 */
import type { MarketoSourceProperties } from "../model/generated/program-types";

export * from "../model/generated/enums";
export * from "../model/generated/program-types";
export type { IntegrationInputs, IntegrationOutputs } from "../provider/integration-types";

/**
 * A source that reads one object (Marketo, ServiceNow, Zendesk): the shape the three share.
 * Kept for programs written against 0.1.0; the generated per-connector names say the same.
 */
export type ObjectSourceProperties = MarketoSourceProperties;
