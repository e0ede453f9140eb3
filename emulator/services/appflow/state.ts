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
import { randomUUID } from "node:crypto";
import { arn } from "../../../model/arn";
import { dict } from "../../../model/dict";
import { ServiceError } from "../../errors";
import { updatedAfter, type AccountContext, type Notes } from "../context";
import type { EmulatorBehaviour } from "../../types";
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

const NO_OP_FILTER =
  "[Task Validation Error: The operator NO_OP is not valid for filtering tasks.  The task sourceConnectorType is FILTERING and the task operator is NO_OP]";
const NO_PROJECTION = "[Task Validation Error: You must specify a projection task or a MAP_ALL task]";

/**
 * Sources AppFlow is shown refusing a task list without a projection (a Filter task with the
 * PROJECTION operator) or a Map_all task: Salesforce (hashicorp/terraform-provider-aws issues
 * 34508 and 34482) and CustomConnector (hashicorp/terraform-provider-awscc issue 338), each
 * quoting `Create Flow request failed: [Task Validation Error: You must specify a projection task
 * or a MAP_ALL task]`. Other sources are accepted and noted: no source shows the refusal for them.
 */
export const PROJECTION_REQUIRED_SOURCES: ReadonlySet<string> = new Set(["Salesforce", "CustomConnector"]);

export interface TaskVerdict {
  /** AppFlow's message, bracketed as AppFlow lists its task errors; undefined when it accepts. */
  error?: string;
  /** What was accepted without evidence either way. */
  notes: string[];
}

const operatorsOf = (task: Task) => Object.values((task.connectorOperator ?? {}) as Record<string, unknown>);

/**
 * AppFlow's task validation, as far as public sources show it:
 * - a Filter task whose connector operator is NO_OP: "Task Validation Error: The operator NO_OP is
 *   not valid for filtering tasks. …" (quoted in github.com/aws/aws-cdk issue 17748);
 * - no projection and no Map_all task, for the sources in PROJECTION_REQUIRED_SOURCES.
 * Other pairings of operator and task type are accepted: no source shows AppFlow refusing them
 * (check warns, taskOperatorFitsTaskType).
 */
export function validateTasks(tasks: readonly Task[] | undefined, sourceConnectorType: string | undefined): TaskVerdict {
  const list = tasks ?? [];
  if (list.some((t) => t.taskType === "Filter" && operatorsOf(t).includes("NO_OP"))) return { error: NO_OP_FILTER, notes: [] };
  const projects = list.some((t) => t.taskType === "Map_all" || (t.taskType === "Filter" && operatorsOf(t).includes("PROJECTION")));
  if (projects) return { notes: [] };
  if (sourceConnectorType !== undefined && PROJECTION_REQUIRED_SOURCES.has(sourceConnectorType)) return { error: NO_PROJECTION, notes: [] };
  return {
    notes: [
      `tasks have no projection (Filter with PROJECTION) and no Map_all task; accepted for a ${sourceConnectorType ?? "(no)"} source, ` +
        "as no published source shows AppFlow refusing it there (it does for Salesforce and CustomConnector sources)",
    ],
  };
}

/**
 * The object a destination writes to, which UpdateFlow cannot change: "Update Flow request failed
 * due to:[Destination object for the destination connector can not be updated]" (github.com/aws/aws-cdk
 * issue 14452, an EventBridge destination; hashicorp/terraform-provider-aws issue 42482, UpdateFlow's
 * ValidationException). For Customer Profiles the object is the domain and object type.
 */
function destinationObjects(list: readonly DestinationFlowConfig[]): string {
  return JSON.stringify(
    list.map((d) => {
      const props = Object.entries((d.destinationConnectorProperties ?? {}) as Record<string, Record<string, unknown> | undefined>);
      return props.map(([connector, p]) => [connector, p?.object, p?.entityName, p?.domainName, p?.objectTypeName, p?.bucketName]);
    }),
  );
}

export class AppflowState {
  constructor(
    private readonly data: AppflowData,
    private readonly account: AccountContext,
    private readonly behaviour: Pick<EmulatorBehaviour, "newFlowStatus"> = { newFlowStatus: "Draft" },
    private readonly notes: Notes | undefined = undefined,
  ) {}

  /** Task validation for a flow being created or updated: throws AppFlow's refusal, notes what is accepted without evidence. */
  checkTasks(tasks: readonly Task[] | undefined, sourceConnectorType: string | undefined, refuse: (message: string) => ServiceError): void {
    const verdict = validateTasks(tasks, sourceConnectorType);
    if (verdict.error) throw refuse(verdict.error);
    for (const n of verdict.notes) this.notes?.add(n);
  }

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
      .filter(
        (f) => f.sourceFlowConfig.connectorProfileName === name || f.destinationFlowConfigList.some((d) => d.connectorProfileName === name),
      )
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

  /**
   * A new flow's status: on-demand flows run only when started, so AppFlow leaves them in Draft;
   * a Scheduled or Event flow is left in behaviour.newFlowStatus (Draft unless told otherwise:
   * CreateFlow leaves scheduled flows in Draft, aws-cloudformation/cloudformation-coverage-roadmap
   * issue 1214, hashicorp/terraform-provider-aws issues 34574 and 36441; what PutIntegration does
   * is not published). An update that keeps the trigger type keeps the status.
   */
  private statusAfterPut(spec: FlowSpec, previous: FlowRecord | undefined): FlowStatus {
    const type = spec.triggerConfig.triggerType;
    if (previous && previous.triggerConfig.triggerType === type) return previous.flowStatus;
    return type === "OnDemand" ? "Draft" : this.behaviour.newFlowStatus;
  }

  /** Creates the flow or replaces its definition; creation time, tags, status and last run survive an update. */
  putFlow(spec: FlowSpec): FlowRecord {
    const previous = this.data.flows.get(spec.flowName);
    const lastUpdatedAt = updatedAfter(previous?.lastUpdatedAt);
    const record: FlowRecord = {
      flowArn: arn("appflow", this.account.region, this.account.accountId, `flow/${spec.flowName}`),
      flowName: spec.flowName,
      description: spec.description,
      kmsArn: spec.kmsArn,
      flowStatus: this.statusAfterPut(spec, previous),
      sourceFlowConfig: spec.sourceFlowConfig,
      destinationFlowConfigList: spec.destinationFlowConfigList,
      tasks: spec.tasks,
      triggerConfig: spec.triggerConfig,
      createdAt: previous?.createdAt ?? lastUpdatedAt,
      lastUpdatedAt,
      createdBy: previous?.createdBy ?? this.account.callerArn,
      lastUpdatedBy: this.account.callerArn,
      tags: previous ? previous.tags : dict(spec.tags),
      lastRunExecutionDetails: previous?.lastRunExecutionDetails,
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
    // UpdateFlow's refusals read "Update Flow request failed due to:[…]" (aws/aws-cdk issue 14452,
    // hashicorp/terraform-provider-aws issue 42482), a ValidationException.
    const refuse = (m: string) => validation(`Update Flow request failed due to:${m}`);
    if (destinationObjects(input.destinationFlowConfigList!) !== destinationObjects(previous.destinationFlowConfigList)) {
      throw refuse("[Destination object for the destination connector can not be updated]");
    }
    this.checkTasks(input.tasks, input.sourceFlowConfig!.connectorType, refuse);
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

  /**
   * StartFlow (the model's documentation): "For on-demand flows, this operation runs the flow
   * immediately. For schedule and event-triggered flows, this operation activates the flow." This
   * endpoint moves no data, so an on-demand run is recorded as finished at once, Successful.
   */
  startFlow(name: string): { flowArn: string; flowStatus: FlowStatus; executionId?: string } {
    const flow = this.describeFlow(name);
    if (flow.triggerConfig.triggerType === "OnDemand") {
      const executionId = randomUUID();
      flow.lastRunExecutionDetails = {
        mostRecentExecutionStatus: "Successful",
        mostRecentExecutionTime: new Date(),
        mostRecentExecutionMessage: "Successful",
      };
      return { flowArn: flow.flowArn, flowStatus: flow.flowStatus, executionId };
    }
    flow.flowStatus = "Active";
    return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
  }

  /**
   * StopFlow (the model's documentation): "For on-demand flows, this operation returns an
   * unsupportedOperationException error message. For schedule and event-triggered flows, this
   * operation deactivates the flow." Deactivated is Suspended, as AWS's FlowStatus enum names it.
   */
  stopFlow(name: string): { flowArn: string; flowStatus: FlowStatus } {
    const flow = this.describeFlow(name);
    if (flow.triggerConfig.triggerType === "OnDemand") {
      throw new ServiceError(
        "UnsupportedOperationException",
        `Flow ${name} is an on-demand flow; StopFlow applies to scheduled and event-triggered flows.`,
      );
    }
    flow.flowStatus = "Suspended";
    return { flowArn: flow.flowArn, flowStatus: flow.flowStatus };
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
