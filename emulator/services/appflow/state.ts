/**
 * Amazon AppFlow's rules for the resources Customer Profiles integrations rely on: connector
 * profiles and flows. No HTTP here; inputs and outputs use AppFlow's own member names.
 */
import type {
  ConnectorProfile,
  CreateConnectorProfileRequest,
  DescribeConnectorProfilesRequest,
  DescribeFlowResponse,
  FlowDefinition as FlowSummary,
  FlowStatus,
  SourceFlowConfig,
  DestinationFlowConfig,
  Task,
  TriggerConfig,
  UpdateFlowRequest,
} from "@aws-sdk/client-appflow";
import { arn } from "../../../model/arn";
import { dict } from "../../../model/dict";
import { ServiceError } from "../../errors";
import { updatedAfter, type AccountContext } from "../context";
import { paginate, type Pager } from "../paging";

export interface ConnectorProfileRecord extends ConnectorProfile {
  connectorProfileName: string;
  connectorType: NonNullable<ConnectorProfile["connectorType"]>;
  createdAt: Date;
  lastUpdatedAt: Date;
  kmsArn?: string;
  /** Kept as AppFlow keeps it (in Secrets Manager, behind credentialsArn) and never returned. */
  connectorProfileCredentials?: Record<string, unknown>;
}

export interface FlowRecord extends DescribeFlowResponse {
  flowName: string;
  flowArn: string;
  flowStatus: FlowStatus;
  sourceFlowConfig: SourceFlowConfig;
  destinationFlowConfigList: DestinationFlowConfig[];
  tasks: Task[];
  triggerConfig: TriggerConfig;
  createdAt: Date;
  lastUpdatedAt: Date;
  tags: Record<string, string>;
}

/** The parts of a flow its creator decides; AppFlow fills in the rest. */
export interface FlowSpec {
  flowName: string;
  description?: string;
  kmsArn?: string;
  sourceFlowConfig: SourceFlowConfig;
  destinationFlowConfigList: DestinationFlowConfig[];
  tasks: Task[];
  triggerConfig: TriggerConfig;
  tags?: Record<string, string>;
}

export interface AppflowData {
  connectorProfiles: Map<string, ConnectorProfileRecord>;
  flows: Map<string, FlowRecord>;
}

export function emptyAppflowData(): AppflowData {
  return { connectorProfiles: new Map(), flows: new Map() };
}

const validation = (message: string) => new ServiceError("ValidationException", message);
const conflict = (message: string) => new ServiceError("ConflictException", message);
const notFound = (message: string) => new ServiceError("ResourceNotFoundException", message);

const pager: Pager = { defaultMaxResults: 20, invalidToken: () => validation("Invalid nextToken provided.") };

/**
 * AppFlow's task validation, as far as a public source shows it: a Filter task whose connector
 * operator is NO_OP is refused with "Task Validation Error: The operator NO_OP is not valid for
 * filtering tasks.  The task sourceConnectorType is FILTERING and the task operator is NO_OP"
 * (quoted in github.com/aws/aws-cdk issue 17748). Other pairings of operator and task type are
 * accepted: no source shows AppFlow refusing them (check warns, taskOperatorFitsTaskType).
 * Returns the message, bracketed as AppFlow lists its task errors, or undefined.
 */
export function taskValidationError(tasks: readonly Task[] | undefined): string | undefined {
  for (const task of tasks ?? []) {
    if (task.taskType !== "Filter") continue;
    const operators = Object.values((task.connectorOperator ?? {}) as Record<string, unknown>);
    if (operators.includes("NO_OP")) {
      return "[Task Validation Error: The operator NO_OP is not valid for filtering tasks.  The task sourceConnectorType is FILTERING and the task operator is NO_OP]";
    }
  }
  return undefined;
}

export class AppflowState {
  constructor(
    private readonly data: AppflowData,
    private readonly account: AccountContext,
  ) {}

  createConnectorProfile(input: CreateConnectorProfileRequest): { connectorProfileArn: string } {
    const name = input.connectorProfileName!;
    if (this.data.connectorProfiles.has(name)) {
      throw conflict(`A connector profile with the name ${name} already exists.`);
    }
    const now = new Date();
    const credentials = input.connectorProfileConfig?.connectorProfileCredentials as Record<string, unknown> | undefined;
    const record: ConnectorProfileRecord = {
      connectorProfileName: name,
      connectorProfileArn: arn("appflow", this.account.region, this.account.accountId, `connectorprofile/${name}`),
      connectorType: input.connectorType!,
      connectorLabel: input.connectorLabel,
      connectionMode: input.connectionMode,
      kmsArn: input.kmsArn,
      connectorProfileProperties: input.connectorProfileConfig?.connectorProfileProperties,
      connectorProfileCredentials: credentials,
      credentialsArn:
        credentials && Object.keys(credentials).length > 0
          ? arn(
              "secretsmanager",
              this.account.region,
              this.account.accountId,
              `secret:appflow!${this.account.accountId}-${name}-${Math.floor(now.getTime() / 1000)}`,
            )
          : undefined,
      createdAt: now,
      lastUpdatedAt: now,
    };
    this.data.connectorProfiles.set(name, record);
    return { connectorProfileArn: record.connectorProfileArn! };
  }

  connectorProfile(name: string): ConnectorProfileRecord | undefined {
    return this.data.connectorProfiles.get(name);
  }

  describeConnectorProfiles(input: DescribeConnectorProfilesRequest): { connectorProfileDetails: ConnectorProfile[]; nextToken?: string } {
    const names = input.connectorProfileNames;
    const matching = [...this.data.connectorProfiles.values()].filter(
      (p) =>
        (!names || names.length === 0 || names.includes(p.connectorProfileName)) &&
        (!input.connectorType || p.connectorType === input.connectorType) &&
        (!input.connectorLabel || p.connectorLabel === input.connectorLabel),
    );
    const { items, nextToken } = paginate(pager, matching, (p) => p.connectorProfileName, input.maxResults, input.nextToken);
    // The output shape has no credentials member, so the stored secret cannot be serialized back.
    return { connectorProfileDetails: items, nextToken };
  }

  deleteConnectorProfile(name: string, forceDelete: boolean): void {
    if (!this.data.connectorProfiles.has(name)) throw notFound(`There is no connector profile with the name ${name}.`);
    const users = [...this.data.flows.values()]
      .filter((f) => f.sourceFlowConfig.connectorProfileName === name || f.destinationFlowConfigList.some((d) => d.connectorProfileName === name))
      .map((f) => f.flowName);
    if (users.length > 0 && !forceDelete) {
      throw conflict(
        `Connector profile ${name} is associated with one or more flows (${users.join(", ")}). ` +
          "Delete those flows or set forceDelete to delete the connector profile anyway.",
      );
    }
    this.data.connectorProfiles.delete(name);
  }

  flow(name: string): FlowRecord | undefined {
    return this.data.flows.get(name);
  }

  /** Creates the flow or replaces its definition; creation time and tags survive an update. */
  putFlow(spec: FlowSpec): FlowRecord {
    const previous = this.data.flows.get(spec.flowName);
    const lastUpdatedAt = updatedAfter(previous?.lastUpdatedAt);
    const record: FlowRecord = {
      flowArn: arn("appflow", this.account.region, this.account.accountId, `flow/${spec.flowName}`),
      flowName: spec.flowName,
      description: spec.description,
      kmsArn: spec.kmsArn,
      // On-demand flows run only when started, so AppFlow leaves them in Draft until then.
      flowStatus: spec.triggerConfig.triggerType === "OnDemand" ? "Draft" : "Active",
      sourceFlowConfig: spec.sourceFlowConfig,
      destinationFlowConfigList: spec.destinationFlowConfigList,
      tasks: spec.tasks,
      triggerConfig: spec.triggerConfig,
      createdAt: previous?.createdAt ?? lastUpdatedAt,
      lastUpdatedAt,
      createdBy: previous?.createdBy ?? this.account.callerArn,
      lastUpdatedBy: this.account.callerArn,
      tags: previous ? previous.tags : dict(spec.tags),
    };
    this.data.flows.set(spec.flowName, record);
    return record;
  }

  /**
   * UpdateFlow (botocore appflow-2020-08-23 UpdateFlowRequest): the flow's definition is replaced
   * by the request's; what the request has no member for (kmsArn, tags, creation) is kept. The
   * model's errors: ResourceNotFoundException for a flow or connector profile that does not exist
   * ("such as the source or destination connector profile"), ValidationException otherwise.
   */
  updateFlow(input: UpdateFlowRequest): { flowStatus: FlowStatus } {
    const name = input.flowName!;
    const previous = this.flow(name);
    if (!previous) throw notFound(`There is no flow with the name ${name}.`);
    // A profile of another connector type than the source's is accepted: no source shows AppFlow's
    // answer (emulator/README.md, "decides for AWS"; check warns).
    for (const c of [input.sourceFlowConfig!, ...input.destinationFlowConfigList!]) {
      if (c.connectorProfileName !== undefined && !this.connectorProfile(c.connectorProfileName)) {
        throw notFound(`Connector Profile with name ${c.connectorProfileName} does not exist.`);
      }
    }
    // "Create Flow request failed: [Task Validation Error: ...]" is CreateFlow's form
    // (hashicorp/terraform-provider-aws issue 34482); UpdateFlow's is assumed to match it.
    const invalid = taskValidationError(input.tasks);
    if (invalid) throw validation(`Update Flow request failed: ${invalid}`);
    const record = this.putFlow({
      flowName: name,
      description: input.description,
      kmsArn: previous.kmsArn,
      sourceFlowConfig: input.sourceFlowConfig!,
      destinationFlowConfigList: input.destinationFlowConfigList!,
      tasks: input.tasks!,
      triggerConfig: input.triggerConfig!,
    });
    if (input.metadataCatalogConfig) record.metadataCatalogConfig = input.metadataCatalogConfig;
    return { flowStatus: record.flowStatus };
  }

  describeFlow(name: string): FlowRecord {
    const flow = this.data.flows.get(name);
    if (!flow) throw notFound(`There is no flow with the name ${name}.`);
    return flow;
  }

  listFlows(maxResults: number | undefined, nextToken: string | undefined): { flows: FlowSummary[]; nextToken?: string } {
    const { items, nextToken: next } = paginate(pager, [...this.data.flows.values()], (f) => f.flowName, maxResults, nextToken);
    return {
      flows: items.map((f) => ({
        flowArn: f.flowArn,
        description: f.description,
        flowName: f.flowName,
        flowStatus: f.flowStatus,
        sourceConnectorType: f.sourceFlowConfig.connectorType,
        destinationConnectorType: f.destinationFlowConfigList[0]?.connectorType,
        triggerType: f.triggerConfig.triggerType,
        createdAt: f.createdAt,
        lastUpdatedAt: f.lastUpdatedAt,
        createdBy: f.createdBy,
        lastUpdatedBy: f.lastUpdatedBy,
        tags: f.tags,
      })),
      nextToken: next,
    };
  }

  deleteFlow(name: string): void {
    if (!this.data.flows.has(name)) throw notFound(`There is no flow with the name ${name}.`);
    this.data.flows.delete(name);
  }
}
