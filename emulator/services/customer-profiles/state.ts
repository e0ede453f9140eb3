/**
 * Amazon Connect Customer Profiles' rules for domains, object types, integrations and tags.
 * No HTTP here: inputs and outputs use the API's member names, failures are ServiceErrors named
 * as the service names them. Integrations that carry a FlowDefinition create their AppFlow flow
 * through AppFlow's own state model, as the real service does on the caller's behalf.
 */
import type {
  CreateDomainRequest,
  FlowDefinition,
  ListDomainItem,
  ListIntegrationItem,
  ListProfileObjectTypeItem,
  PutIntegrationRequest,
  PutProfileObjectTypeRequest,
} from "@aws-sdk/client-customer-profiles";
import { partitionOf } from "../../../model/arn";
import { dict } from "../../../model/dict";
import { ServiceError } from "../../errors";
import type { EmulatorBehaviour } from "../../types";
import type { AppflowState } from "../appflow/state";
import { updatedAfter, type AccountContext, type Notes } from "../context";
import { paginate, type Pager } from "../paging";
import { deriveFlowUri, flowSpecFor } from "./flow-definition";

type Tags = Record<string, string>;

export interface ObjectTypeRecord extends Omit<PutProfileObjectTypeRequest, "DomainName" | "Tags"> {
  ObjectTypeName: string;
  CreatedAt: Date;
  LastUpdatedAt: Date;
  Tags: Tags;
}

export interface IntegrationRecord {
  DomainName: string;
  Uri: string;
  ObjectTypeName?: string;
  ObjectTypeNames?: Record<string, string>;
  CreatedAt: Date;
  LastUpdatedAt: Date;
  Tags: Tags;
  WorkflowId?: string;
  IsUnstructured: boolean;
  RoleArn?: string;
  EventTriggerNames?: string[];
  Scope?: string;
  /** The AppFlow flow this integration created from its FlowDefinition, if any. */
  FlowName?: string;
}

export interface DomainRecord extends Omit<CreateDomainRequest, "Tags" | "Matching" | "RuleBasedMatching"> {
  DomainName: string;
  Matching?: Record<string, unknown>;
  RuleBasedMatching?: Record<string, unknown>;
  CreatedAt: Date;
  LastUpdatedAt: Date;
  Tags: Tags;
  objectTypes: Map<string, ObjectTypeRecord>;
  integrations: Map<string, IntegrationRecord>;
}

export interface CustomerProfilesData {
  domains: Map<string, DomainRecord>;
}

export function emptyCustomerProfilesData(): CustomerProfilesData {
  return { domains: new Map() };
}

/**
 * The model's TagMap has at most 50 entries (botocore-customer-profiles-2020-08-15.json, TagMap
 * max 50; the CloudFormation handler's schema, Tags maxItems 50). Applying it to the merge of a
 * resource's tags with TagResource's is this endpoint's reading: a resource holds one TagMap.
 */
const MAX_TAGS = 50;

/**
 * The ObjectTypeName that stores a flow's data unstructured: no object type of that name need
 * exist, and the integration reports IsUnstructured. Evidence: the API model's documentation of
 * IsUnstructured (PutIntegrationResponse, GetIntegrationResponse, ListIntegrationItem in
 * codegen/aws-models/botocore-customer-profiles-2020-08-15.json): "created in Amazon Appflow, or
 * with ObjectTypeName equals _unstructured via API/CLI in flowDefinition".
 */
const UNSTRUCTURED = "_unstructured";

const badRequest = (message: string) => new ServiceError("BadRequestException", message);
const notFound = (message: string) => new ServiceError("ResourceNotFoundException", message);

/** A TagMap has at least one entry, so an untagged resource shows no Tags member at all. Tags are prototype-free (model/dict). */
function tagsOut(tags: Tags): Tags | undefined {
  return Object.keys(tags).length > 0 ? dict(tags) : undefined;
}

const pager: Pager = { defaultMaxResults: 100, invalidToken: () => badRequest("Invalid NextToken provided.") };

type Taggable = { Tags: Tags };

export class CustomerProfilesState {
  constructor(
    private readonly data: CustomerProfilesData,
    private readonly account: AccountContext,
    private readonly appflow: AppflowState,
    private readonly behaviour: EmulatorBehaviour = { flowDefinitionConflict: "conflict", newFlowStatus: "Draft" },
    private readonly notes: Notes | undefined = undefined,
  ) {}

  // ---- domains -------------------------------------------------------------------------------

  private domain(name: string): DomainRecord {
    const d = this.data.domains.get(name);
    if (!d) throw notFound(`Domain ${name} does not exist.`);
    return d;
  }

  private domainOut(d: DomainRecord) {
    return { ...d, Tags: tagsOut(d.Tags) };
  }

  createDomain(input: CreateDomainRequest) {
    const name = input.DomainName!;
    // The CloudFormation handler matches this message: "Domain X already exists" (aws-customerprofiles-domain
    // CreateHandler.java, in github.com/aws-cloudformation/aws-cloudformation-resource-providers-customer-profiles).
    if (this.data.domains.has(name)) throw badRequest(`Domain ${name} already exists.`);
    const now = new Date();
    const { Tags, Matching, RuleBasedMatching, ...rest } = input;
    const record: DomainRecord = {
      ...rest,
      DomainName: name,
      Matching: Matching as Record<string, unknown> | undefined,
      // The response reports the rule-based matching status; it is active as soon as it is enabled.
      RuleBasedMatching: RuleBasedMatching && { ...RuleBasedMatching, Status: RuleBasedMatching.Enabled ? "ACTIVE" : undefined },
      CreatedAt: now,
      LastUpdatedAt: now,
      Tags: dict(Tags),
      objectTypes: new Map(),
      integrations: new Map(),
    };
    this.data.domains.set(name, record);
    return this.domainOut(record);
  }

  getDomain(name: string) {
    const d = this.domain(name);
    return { ...this.domainOut(d), Stats: { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 } };
  }

  listDomains(maxResults?: number, nextToken?: string): { Items: ListDomainItem[]; NextToken?: string } {
    const { items, nextToken: next } = paginate(pager, [...this.data.domains.values()], (d) => d.DomainName, maxResults, nextToken);
    return {
      Items: items.map((d) => ({
        DomainName: d.DomainName,
        CreatedAt: d.CreatedAt,
        LastUpdatedAt: d.LastUpdatedAt,
        Tags: tagsOut(d.Tags),
      })),
      NextToken: next,
    };
  }

  /** Deleting a domain takes its object types and integrations with it, and the flows those integrations created. */
  deleteDomain(name: string): { Message: string } {
    const d = this.domain(name);
    for (const integration of d.integrations.values()) this.deleteFlowOf(integration);
    this.data.domains.delete(name);
    return { Message: `Domain ${name} was deleted.` };
  }

  // ---- object types --------------------------------------------------------------------------

  putProfileObjectType(input: PutProfileObjectTypeRequest) {
    const d = this.domain(input.DomainName!);
    const name = input.ObjectTypeName!;
    const previous = d.objectTypes.get(name);
    const { DomainName: _domain, Tags, ...definition } = input;
    const lastUpdatedAt = updatedAfter(previous?.LastUpdatedAt);
    const record: ObjectTypeRecord = {
      ...definition,
      ObjectTypeName: name,
      CreatedAt: previous?.CreatedAt ?? lastUpdatedAt,
      LastUpdatedAt: lastUpdatedAt,
      // As for integrations, Tags given to Put apply when the resource is created; TagResource changes them after.
      Tags: previous ? previous.Tags : dict(Tags),
    };
    d.objectTypes.set(name, record);
    return { ...record, Tags: tagsOut(record.Tags) };
  }

  private objectType(domainName: string, name: string): ObjectTypeRecord {
    const t = this.domain(domainName).objectTypes.get(name);
    if (!t) throw notFound(`Object type ${name} does not exist in domain ${domainName}.`);
    return t;
  }

  getProfileObjectType(domainName: string, name: string) {
    const t = this.objectType(domainName, name);
    return { ...t, Tags: tagsOut(t.Tags) };
  }

  listProfileObjectTypes(
    domainName: string,
    maxResults?: number,
    nextToken?: string,
  ): { Items: ListProfileObjectTypeItem[]; NextToken?: string } {
    const d = this.domain(domainName);
    const { items, nextToken: next } = paginate(pager, [...d.objectTypes.values()], (t) => t.ObjectTypeName, maxResults, nextToken);
    return {
      Items: items.map((t) => ({
        ObjectTypeName: t.ObjectTypeName,
        Description: t.Description,
        CreatedAt: t.CreatedAt,
        LastUpdatedAt: t.LastUpdatedAt,
        MaxProfileObjectCount: t.MaxProfileObjectCount,
        SourcePriority: t.SourcePriority,
        Tags: tagsOut(t.Tags),
      })),
      NextToken: next,
    };
  }

  deleteProfileObjectType(domainName: string, name: string): { Message: string } {
    this.objectType(domainName, name);
    this.domain(domainName).objectTypes.delete(name);
    return { Message: `Object type ${name} was deleted.` };
  }

  // ---- integrations --------------------------------------------------------------------------

  /**
   * Creates or updates the integration for a Uri. With a FlowDefinition the service creates (or
   * updates) the AppFlow flow and the integration's Uri is that flow's ARN (deriveFlowUri); a Uri
   * given alongside must name that same flow, so re-sending what GetIntegration returned works.
   */
  putIntegration(input: PutIntegrationRequest) {
    const d = this.domain(input.DomainName!);
    // Both, or neither, of ObjectTypeName and ObjectTypeNames is accepted: the model makes both
    // optional and no published source shows AWS refusing either case (emulator/README.md; check
    // warns, objectTypeNameXorNames). An object type that does not exist in the domain is accepted
    // and noted: no published source shows PutIntegration refusing it, and AWS's own handler tests
    // put integrations naming object types they never create (the CloudFormation handler's
    // CreateHandlerTest, tests/corpus/cloudformation-handler-tests.json).
    const named = [
      ...(input.ObjectTypeName !== undefined && input.ObjectTypeName !== UNSTRUCTURED ? [input.ObjectTypeName] : []),
      ...Object.values(input.ObjectTypeNames ?? {}),
    ];
    for (const objectTypeName of new Set(named)) {
      if (!d.objectTypes.has(objectTypeName)) {
        this.notes?.add(
          `object type ${objectTypeName} does not exist in domain ${d.DomainName}; accepted, as no published source shows PutIntegration refusing it`,
        );
      }
    }

    const flow = input.FlowDefinition;
    let uri = input.Uri;
    if (flow) {
      const derived = deriveFlowUri(this.account.region, this.account.accountId, flow.FlowName!);
      // A Uri beside a FlowDefinition that is not the flow's ARN: no published source shows
      // PutIntegration refusing it, so it is accepted and noted; the integration is still addressed
      // by the flow's ARN (deriveFlowUri), the Uri this endpoint gives every flow integration.
      if (uri !== undefined && uri !== derived) {
        this.notes?.add(
          `Uri ${uri} sent with FlowDefinition ${flow.FlowName} is not the flow's ARN; accepted, and the integration's Uri is ${derived}`,
        );
      }
      uri = derived;
      this.checkFlowSource(flow);
      // AppFlow's own task validation, surfaced as Customer Profiles surfaces AppFlow's 409 (a 400
      // carrying AppFlow's words after CreateFlow's prefix, "Create Flow request failed: ", as
      // hashicorp/terraform-provider-aws issues 34482 and 34508 quote it; see checkFlowDoesNotExist).
      const spec = flowSpecFor(flow, { domainName: d.DomainName }, undefined);
      this.appflow.checkTasks(spec.tasks, spec.sourceFlowConfig.connectorType, (m) => badRequest(`Create Flow request failed: ${m}`));
      this.checkFlowDoesNotExist(flow.FlowName!);
      this.checkFlowNotOwnedElsewhere(flow.FlowName!, d.DomainName, uri);
    } else if (uri === undefined) {
      // Evidence, the model (codegen/aws-models/botocore-customer-profiles-2020-08-15.json):
      // PutIntegrationResponse requires Uri, and GetIntegration/DeleteIntegration address an
      // integration only by it; with neither Uri nor FlowDefinition no answer can name one. Check
      // fails the same input (uriOrFlowDefinition, level error).
      throw badRequest("Uri is required when FlowDefinition is not provided.");
    }

    const previous = d.integrations.get(uri);
    if (flow) {
      this.appflow.putFlow(
        flowSpecFor(flow, { domainName: d.DomainName, objectTypeName: input.ObjectTypeName }, previous ? undefined : input.Tags),
      );
    }
    const lastUpdatedAt = updatedAfter(previous?.LastUpdatedAt);
    const record: IntegrationRecord = {
      DomainName: d.DomainName,
      Uri: uri,
      ObjectTypeName: input.ObjectTypeName,
      ObjectTypeNames: input.ObjectTypeNames && dict(input.ObjectTypeNames),
      CreatedAt: previous?.CreatedAt ?? lastUpdatedAt,
      LastUpdatedAt: lastUpdatedAt,
      Tags: previous ? previous.Tags : dict(input.Tags),
      IsUnstructured: input.ObjectTypeName === UNSTRUCTURED,
      RoleArn: input.RoleArn,
      EventTriggerNames: input.EventTriggerNames && [...input.EventTriggerNames],
      Scope: input.Scope,
      FlowName: flow ? flow.FlowName : previous?.FlowName,
    };
    d.integrations.set(uri, record);
    return this.integrationOut(record);
  }

  /**
   * A connector profile the source names must exist: AppFlow answers "Connector Profile with name X
   * does not exist." (ResourceNotFoundException; quoted in github.com/hashicorp/terraform-provider-aws
   * issue 27707), which Customer Profiles passes on as a 400 with AppFlow's words, as it does
   * AppFlow's 409. What no source shows AWS refusing is accepted (emulator/README.md; check warns):
   * a missing ConnectorProfileName, a profile of another connector type, and
   * SourceConnectorProperties that do not hold exactly the source's member. An S3 source reads
   * through no connector profile, so a name it carries is not looked up: the CloudFormation
   * handler's tests send ConnectorProfileName "test" with an S3 source (CreateHandlerTest.java,
   * tests/corpus/cloudformation-handler-tests.json), and the evidence above is of a connector source.
   */
  private checkFlowSource(flow: FlowDefinition): void {
    const profileName = flow.SourceFlowConfig?.ConnectorProfileName;
    if (flow.SourceFlowConfig?.ConnectorType === "S3") return;
    if (profileName !== undefined && !this.appflow.connectorProfile(profileName)) {
      throw badRequest(`Connector Profile with name ${profileName} does not exist.`);
    }
  }

  /**
   * A FlowDefinition makes Customer Profiles create the flow in AppFlow, and AppFlow refuses a name
   * that exists (its 409 ConflictException), which Customer Profiles answers as a 400. Evidence:
   * the CloudFormation handler's CreateHandler.java (FLOW_ALREADY_EXISTS_MESSAGE) and
   * CreateHandlerTest.java `handleRequest_withFlowDefinition_FlowAlreadyExists` ("originates as an
   * AppFlow 409"), in github.com/aws-cloudformation/aws-cloudformation-resource-providers-customer-profiles
   * (aws-customerprofiles-integration/). Modelled also for the integration's own flow: nothing AWS
   * published says a re-sent FlowDefinition updates it, and that handler's UpdateHandler.java never
   * re-sends one. The "upsert" behaviour (EmulatorOptions.flowDefinitionConflict) updates the flow.
   */
  private checkFlowDoesNotExist(flowName: string): void {
    if (this.behaviour.flowDefinitionConflict !== "conflict") return;
    if (this.appflow.flow(flowName)) {
      throw badRequest(`Conflict executing request: Flow with name ${flowName} already exists.`);
    }
  }

  /** Flow names are unique in the account; a flow another domain's integration created is not ours to redefine. */
  private checkFlowNotOwnedElsewhere(flowName: string, domainName: string, uri: string): void {
    for (const d of this.data.domains.values()) {
      for (const i of d.integrations.values()) {
        if (i.FlowName === flowName && (d.DomainName !== domainName || i.Uri !== uri)) {
          throw badRequest(`Flow ${flowName} is already used by an integration in domain ${d.DomainName}.`);
        }
      }
    }
  }

  private integration(domainName: string, uri: string): IntegrationRecord {
    const i = this.domain(domainName).integrations.get(uri);
    if (!i) throw notFound(`Integration ${uri} does not exist in domain ${domainName}.`);
    return i;
  }

  private integrationOut(i: IntegrationRecord) {
    const { FlowName: _flow, ...out } = i;
    return { ...out, Tags: tagsOut(i.Tags) };
  }

  getIntegration(domainName: string, uri: string) {
    return this.integrationOut(this.integration(domainName, uri));
  }

  listIntegrations(domainName: string, maxResults?: number, nextToken?: string): { Items: ListIntegrationItem[]; NextToken?: string } {
    const d = this.domain(domainName);
    const { items, nextToken: next } = paginate(pager, [...d.integrations.values()], (i) => i.Uri, maxResults, nextToken);
    return { Items: items.map((i) => this.integrationOut(i) as ListIntegrationItem), NextToken: next };
  }

  deleteIntegration(domainName: string, uri: string): { Message: string } {
    const i = this.integration(domainName, uri);
    this.deleteFlowOf(i);
    this.domain(domainName).integrations.delete(uri);
    return { Message: `Integration ${uri} was deleted from domain ${domainName}.` };
  }

  private deleteFlowOf(i: IntegrationRecord): void {
    if (i.FlowName && this.appflow.flow(i.FlowName)) this.appflow.deleteFlow(i.FlowName);
  }

  // ---- tags ----------------------------------------------------------------------------------

  /**
   * Domain, object type and integration ARNs are taggable. An integration's Uri may itself be an
   * ARN (a flow's), so everything after `integrations/` is the Uri, slashes and colons included.
   */
  private taggable(resourceArn: string): Taggable {
    const prefix = `arn:${partitionOf(this.account.region)}:profile:${this.account.region}:${this.account.accountId}:domains/`;
    if (!resourceArn.startsWith(prefix)) {
      if (/^arn:[^:]+:profile:[^:]*:[^:]*:domains\/./.test(resourceArn)) {
        throw notFound(`Resource ${resourceArn} does not exist.`);
      }
      throw badRequest(`${resourceArn} is not a valid Customer Profiles resource ARN.`);
    }
    const rest = resourceArn.slice(prefix.length);
    const slash = rest.indexOf("/");
    const domainName = slash < 0 ? rest : rest.slice(0, slash);
    const d = this.data.domains.get(domainName);
    if (!d) throw notFound(`Resource ${resourceArn} does not exist.`);
    if (slash < 0) return d;
    const sub = rest.slice(slash + 1);
    const found = sub.startsWith("integrations/")
      ? d.integrations.get(sub.slice("integrations/".length))
      : sub.startsWith("object-types/")
        ? d.objectTypes.get(sub.slice("object-types/".length))
        : undefined;
    if (!found) throw notFound(`Resource ${resourceArn} does not exist.`);
    return found;
  }

  tagResource(resourceArn: string, tags: Tags): void {
    const r = this.taggable(resourceArn);
    const merged = dict([...Object.entries(r.Tags), ...Object.entries(tags)]);
    if (Object.keys(merged).length > MAX_TAGS) {
      throw badRequest(`A resource can have at most ${MAX_TAGS} tags; this request would leave ${Object.keys(merged).length}.`);
    }
    r.Tags = merged;
  }

  untagResource(resourceArn: string, tagKeys: string[]): void {
    const r = this.taggable(resourceArn);
    const remaining = dict(r.Tags);
    for (const k of tagKeys) delete remaining[k];
    r.Tags = remaining;
  }

  listTagsForResource(resourceArn: string): { tags: Tags } {
    return { tags: dict(this.taggable(resourceArn).Tags) };
  }
}
