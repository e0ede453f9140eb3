/**
 * The integration's shapes as a Pulumi program writes them: the PutIntegration request members,
 * camelCased. FlowDefinition and everything below it, the request and response members and the
 * enum unions are generated from the API model with AWS's documentation (`npm run generate`:
 * types.generated.ts, enums.generated.ts); what is Pulumi's own is written here. These are the
 * resolved (plain) forms; `sdk/integration.ts` wraps every level in `pulumi.Input` for `IntegrationArgs`.
 */
import type { GetIntegrationResponse, MarketoSourceProperties, PutIntegrationRequest } from "./types.generated";

export * from "./enums.generated";
export * from "./types.generated";

/**
 * A source that reads one object (Marketo, ServiceNow, Zendesk): the shape the three share.
 * Kept for programs written against 0.1.0; the generated per-connector names say the same.
 */
export type ObjectSourceProperties = MarketoSourceProperties;

/** The resolved inputs of an Integration, as the provider receives them. */
export interface IntegrationInputs extends PutIntegrationRequest {
  /** The AWS region of the integration (Pulumi's own: not a PutIntegration member). */
  region?: string;
  /** Take over an integration that already exists (Pulumi's own: not sent to AWS). */
  adoptExisting?: boolean;
}

/** What the provider records in state for an Integration: its inputs and what GetIntegration reports. */
export interface IntegrationOutputs extends IntegrationInputs, GetIntegrationResponse {
  /** The integration's URI, as set or as the service derived it from the flow. */
  uri: string;
  /** The region the integration lives in. */
  region: string;
  /** `arn:<partition>:profile:<region>:<account>:domains/<domain>/integrations/<uri>`. */
  arn: string;
}
