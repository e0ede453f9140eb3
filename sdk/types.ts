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
  /**
   * Whether a Scheduled or Event flow should be running (AppFlow `Active`) or suspended; the
   * provider converges on it with AppFlow StartFlow/StopFlow on create, update and after a refresh
   * (Pulumi's own: not a PutIntegration member). Unset, the flow is left as AWS leaves it.
   */
  desiredFlowState?: DesiredFlowState;
}

export type DesiredFlowState = "running" | "suspended";

/** What the provider records in state for an Integration: its inputs and what GetIntegration reports. */
export interface IntegrationOutputs extends IntegrationInputs, GetIntegrationResponse {
  /** The integration's URI, as set or as the service derived it from the flow. */
  uri: string;
  /** The region the integration lives in. */
  region: string;
  /** `arn:<partition>:profile:<region>:<account>:domains/<domain>/integrations/<uri>`. */
  arn: string;
  /** The flow's status as AppFlow last reported it (Active, Suspended, Draft, Errored…), for a flow integration. */
  flowStatus?: string;
  /** The status of the flow's most recent run (InProgress, Successful, Error…), when it has run. */
  lastRunStatus?: string;
  /** When the flow's most recent run was (ISO-8601), when it has run. */
  lastRunTime?: string;
}
