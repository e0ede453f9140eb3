/**
 * The integration's shapes as a Pulumi program writes them: the PutIntegration request members,
 * camelCased. These are the resolved (plain) forms; `sdk/integration.ts` wraps every level in
 * `pulumi.Input` for `IntegrationArgs`. Enum unions are generated from the API model.
 */
import type {
  DataPullMode,
  MarketoConnectorOperator,
  OperatorPropertiesKeys,
  S3ConnectorOperator,
  SalesforceConnectorOperator,
  Scope,
  ServiceNowConnectorOperator,
  SourceConnectorType,
  TaskType,
  TriggerType,
  ZendeskConnectorOperator,
} from "./enums.generated";

export * from "./enums.generated";

/** The AppFlow flow that Customer Profiles creates to pull data from a SaaS source into the domain. */
export interface FlowDefinition {
  /** What the flow is for (up to 2,048 characters). */
  description?: string;
  /** The flow's name, unique in the account and region; the integration's URI is derived from it when `uri` is not set. */
  flowName: string;
  /** ARN of the KMS key AppFlow encrypts the flow's data with, e.g. the account's `aws/appflow` key. */
  kmsArn: string;
  /** Where the flow reads from. */
  sourceFlowConfig: SourceFlowConfig;
  /** How each source field is mapped, filtered, validated or transformed on its way into the domain. */
  tasks: Task[];
  /** When the flow runs: on demand, on an event, or on a schedule. */
  triggerConfig: TriggerConfig;
}

/** The source of a flow. */
export interface SourceFlowConfig {
  /** Name of the AppFlow connector profile holding the source's connection; required for every source except S3. */
  connectorProfileName?: string;
  /** The source application. */
  connectorType: SourceConnectorType;
  /** Which datetime field marks new or changed records for an incremental pull. */
  incrementalPullConfig?: IncrementalPullConfig;
  /** Source-specific settings; set exactly the member matching `connectorType`. */
  sourceConnectorProperties: SourceConnectorProperties;
}

/** Settings for pulling only records changed since the last run. */
export interface IncrementalPullConfig {
  /** A source field of datetime type that AppFlow compares against the last run. */
  datetimeTypeFieldName?: string;
}

/** Source-specific settings: exactly one member, the one matching `sourceFlowConfig.connectorType`. */
export interface SourceConnectorProperties {
  /** Marketo source settings. */
  marketo?: ObjectSourceProperties;
  /** Amazon S3 source settings. */
  s3?: S3SourceProperties;
  /** Salesforce source settings. */
  salesforce?: SalesforceSourceProperties;
  /** ServiceNow source settings. */
  serviceNow?: ObjectSourceProperties;
  /** Zendesk source settings. */
  zendesk?: ObjectSourceProperties;
}

/** A source that reads one object (Marketo, ServiceNow, Zendesk). */
export interface ObjectSourceProperties {
  /** The source object to read, e.g. `leads` or `tickets`. */
  object: string;
}

/** Amazon S3 source settings. */
export interface S3SourceProperties {
  /** The bucket the data is read from (3–63 characters). */
  bucketName: string;
  /** The key prefix inside the bucket. */
  bucketPrefix?: string;
}

/** Salesforce source settings. */
export interface SalesforceSourceProperties {
  /** The Salesforce object to read, e.g. `Contact` or `Account`. */
  object: string;
  /** Let AppFlow pick up fields added to the object after the flow was created. */
  enableDynamicFieldUpdate?: boolean;
  /** Also read records that were deleted in Salesforce. */
  includeDeletedRecords?: boolean;
}

/** One step applied to the source fields. */
export interface Task {
  /** The operation, under the key of the flow's source connector (e.g. `{ salesforce: "PROJECTION" }`). */
  connectorOperator?: ConnectorOperator;
  /** The field in the destination object type this task writes. */
  destinationField?: string;
  /** The source fields this task reads. */
  sourceFields: string[];
  /** Extra settings keyed by property name, e.g. `{ DATA_TYPE: "string" }` or `{ VALIDATION_ACTION: "DropRecord" }`. */
  taskProperties?: { [K in OperatorPropertiesKeys]?: string };
  /** What the task does. */
  taskType: TaskType;
}

/** The operation of a task, under exactly one key: the flow's source connector. */
export interface ConnectorOperator {
  /** Operation for a Marketo source. */
  marketo?: MarketoConnectorOperator;
  /** Operation for an S3 source. */
  s3?: S3ConnectorOperator;
  /** Operation for a Salesforce source. */
  salesforce?: SalesforceConnectorOperator;
  /** Operation for a ServiceNow source. */
  serviceNow?: ServiceNowConnectorOperator;
  /** Operation for a Zendesk source. */
  zendesk?: ZendeskConnectorOperator;
}

/** When a flow runs. */
export interface TriggerConfig {
  /** `OnDemand` (run when asked), `Event` (run on source events) or `Scheduled`. */
  triggerType: TriggerType;
  /** Settings of a `Scheduled` trigger. */
  triggerProperties?: TriggerProperties;
}

/** Trigger settings. */
export interface TriggerProperties {
  /** The schedule of a `Scheduled` trigger. */
  scheduled?: ScheduledTriggerProperties;
}

/** The schedule of a flow. Timestamps are ISO-8601 strings, e.g. `2027-01-01T00:00:00Z`. */
export interface ScheduledTriggerProperties {
  /** A rate or cron expression, e.g. `rate(1hours)`. */
  scheduleExpression: string;
  /** `Incremental` pulls only changed records (needs `incrementalPullConfig`); `Complete` pulls everything. */
  dataPullMode?: DataPullMode;
  /** When the schedule starts (ISO-8601). */
  scheduleStartTime?: string;
  /** When the schedule ends (ISO-8601); after `scheduleStartTime`. */
  scheduleEndTime?: string;
  /** Time zone the schedule expression is read in, e.g. `America/New_York`. */
  timezone?: string;
  /** Seconds (0–36,000) to delay each run after its scheduled time. */
  scheduleOffset?: number;
  /** The earliest record time the first run pulls (ISO-8601). */
  firstExecutionFrom?: string;
}

/** The resolved inputs of an Integration, as the provider receives them. */
export interface IntegrationInputs {
  domainName: string;
  uri?: string;
  objectTypeName?: string;
  objectTypeNames?: Record<string, string>;
  tags?: Record<string, string>;
  flowDefinition?: FlowDefinition;
  roleArn?: string;
  eventTriggerNames?: string[];
  scope?: Scope;
  region?: string;
  adoptExisting?: boolean;
}

/** What the provider records in state for an Integration. */
export interface IntegrationOutputs extends IntegrationInputs {
  uri: string;
  region: string;
  arn: string;
  createdAt: string;
  lastUpdatedAt: string;
  workflowId?: string;
  isUnstructured?: boolean;
}
