/**
 * The public contract of the local endpoint. Other packages' tests code against these names,
 * so they change only together with every caller.
 */

export type ServiceName = "customer-profiles" | "appflow" | "sts";

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Host names, besides the loopback names and `host`, that requests may address (DNS-rebinding guard). */
  allowedHosts?: string[];
  /** Front-door bounds: body size, JSON depth, header and request timeouts, connections (emulator/limits.ts). */
  limits?: Partial<import("./limits").Limits>;
  region?: string;
  accountId?: string;
  /** The only key pair whose signatures the endpoint accepts. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Where state survives restarts; without it state lives in memory only. */
  stateFile?: string;
  /**
   * What PutIntegration does with a FlowDefinition whose AppFlow flow already exists:
   * "conflict" (the default) answers as AWS is documented to, `BadRequestException: Conflict
   * executing request: Flow with name X already exists.`; "upsert" updates the flow in place.
   */
  flowDefinitionConflict?: FlowDefinitionConflict;
  /**
   * The status a new Scheduled or Event flow is left in when PutIntegration creates it: "Draft"
   * (the default: AppFlow's CreateFlow leaves scheduled flows in Draft, per
   * aws-cloudformation/cloudformation-coverage-roadmap#1214 and hashicorp/terraform-provider-aws#36441)
   * or "Active". No source says which Customer Profiles does, so both are specified.
   */
  newFlowStatus?: NewFlowStatus;
}

export type FlowDefinitionConflict = "conflict" | "upsert";
export type NewFlowStatus = "Draft" | "Active";

/** Behaviour that tests may switch while the endpoint runs (`Emulator.setBehaviour`); reset() restores the started-with one. */
export interface EmulatorBehaviour {
  flowDefinitionConflict: FlowDefinitionConflict;
  newFlowStatus: NewFlowStatus;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  region: string;
  accountId: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /**
   * Env vars that point the AWS SDK v3 and CLI at this endpoint: AWS_ENDPOINT_URL,
   * AWS_ENDPOINT_URL_CUSTOMER_PROFILES, AWS_ENDPOINT_URL_APPFLOW, AWS_ENDPOINT_URL_STS,
   * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_DEFAULT_REGION
   */
  env: Record<string, string>;
  /** Requests received, oldest first */
  requests(): RequestRecord[];
  clearRequests(): void;
  /** Wipe all service state (domains, object types, integrations, tags, connector profiles, flows) and the log and faults */
  reset(): void;
  /** Replaces the current config; setFaults({}) clears */
  setFaults(f: FaultConfig): void;
  /** Switches behaviour (e.g. `{ flowDefinitionConflict: "upsert" }`) until the next reset() */
  setBehaviour(b: Partial<EmulatorBehaviour>): void;
  close(): Promise<void>;
}

export interface RequestRecord {
  service: ServiceName | "unknown";
  operation: string;
  status: number;
  /** ISO-8601 time the request arrived */
  time: string;
  durationMs: number;
  /** Parsed API input with the member names the model has (PascalCase or camelCase as on the wire) */
  input?: Record<string, unknown>;
  errorType?: string;
  /** The region the request was signed for: whose state it read or changed. */
  region?: string;
  /**
   * What the request was accepted despite: inputs no published source shows AWS refusing, which
   * the endpoint accepts and notes (emulator/README.md, "Accepted and noted").
   */
  notes?: string[];
}

export interface FaultConfig {
  seed?: number;
  rules?: FaultRule[];
}

export interface FaultRule {
  service?: string;
  /** omitted = all */
  operation?: string;
  /** 0..1 → the service's throttling error (429 ThrottlingException for the REST-JSON services) */
  throttleRate?: number;
  /** 0..1 → 500 InternalServerException (STS: InternalFailure) */
  errorRate?: number;
  latencyMs?: number;
  /** 0..1 → the socket is destroyed before any response */
  dropRate?: number;
  /** 0..1 → the request is accepted and never answered */
  hangRate?: number;
}
