/**
 * What the provider receives and records for an Integration: the PutIntegration request members as
 * a program spells them (generated into model/), plus what the resource adds. sdk/ re-exports these.
 */
import type { GetIntegrationResponse, PutIntegrationRequest } from "../model/generated/program-types";

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
