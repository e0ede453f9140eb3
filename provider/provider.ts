/**
 * The Integration resource's lifecycle, mapped onto the Customer Profiles API:
 * check → model constraints, semantic rules, connector-profile cross-check (no writes);
 * create → one PutIntegration carrying the tags; update → AppFlow UpdateFlow for a changed flow and
 * one PutIntegration without FlowDefinition when other attributes change (writes.ts),
 * TagResource/UntagResource for exactly the tags that change; delete → DeleteIntegration; read → GetIntegration (+ DescribeFlow for a flow).
 * A write whose answer is lost is settled by reading back (writes.ts); a failure after a write
 * hands the engine the state as it now is (partialFailure).
 */
import type * as pulumi from "@pulumi/pulumi";
import { clientsFor, type AwsClients } from "./clients";
import { resolveRegion, settingsFromConfig, strictMode, type ProviderSettings } from "./config";
import { compareIntegration, requireOlds, toDiffResult, type IntegrationChanges } from "./diff";
import { ProviderError } from "./errors";
import { formatId, parseId } from "./ids";
import { integrationArn } from "../model/arn";
import { flowDefinitionFromFlow, outputsFromIntegration } from "./mapping";
import { buildOutputs, inputsFromOutputs } from "./outputs";
import { diffTags } from "./tags";
import { applyTagChanges, deleteIntegration, putNewIntegration, rewriteIntegration } from "./writes";
import { deepEqual } from "./equality";
import { checkIntegration, isUnknown } from "./validation";
import { convergeFlowState, observeFlow, type FlowObservation } from "./flow-state";
import { warn } from "./validation/warnings";
import * as api from "./api";
import type { IntegrationInputs, IntegrationOutputs } from "./integration-types";

const PROVIDER_KEY = "__provider";

type Props = Record<string, any>;

/** An integration found where one is about to be created, as fetched. */
interface Existing {
  id: string;
  found: api.IntegrationRecord;
  flow?: Record<string, unknown>;
}

function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _p, ...rest } = props ?? {};
  return rest;
}

/** State the engine records from an error must carry the serialized provider, as every state does. */
function withProviderOf(props: Props, state: object): Props {
  return props?.[PROVIDER_KEY] === undefined ? { ...state } : { ...state, [PROVIDER_KEY]: props[PROVIDER_KEY] };
}

/** The flow an integration's URI names, when the service derived the URI from an AppFlow flow ARN. */
function flowNameFromUri(uri: string): string | undefined {
  return /^arn:[^:]+:appflow:[^:]*:[^:]*:flow\/(.+)$/.exec(uri)?.[1];
}

/**
 * A failure after the integration was written: the engine records `properties` (the state as it
 * now is) and reports the error, so the next `pulumi up` converges from the truth.
 */
function partialFailure(err: unknown, id: string, properties: Props): Error {
  const e = (err instanceof Error ? err : new Error(String(err))) as Error & Props;
  e.id = id;
  e.properties = properties;
  e.reasons = [e.message];
  return e;
}

export class IntegrationProvider implements pulumi.dynamic.ResourceProvider {
  private settings: ProviderSettings = {};

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.settings = settingsFromConfig(req.config);
  }

  /** Settings a host read itself (the plugin, from its own config keys). */
  useSettings(settings: ProviderSettings): void {
    this.settings = settings;
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    const inputs = withoutProvider(news);
    let region: string | undefined;
    const failures = [];
    try {
      // A region still unknown at preview is judged when it is known, not resolved now.
      region = isUnknown(inputs.region) ? undefined : await this.region(inputs.region);
    } catch (err) {
      failures.push({ property: "region", reason: (err as Error).message });
    }
    // A PCPI_STRICT that is neither true nor false stops the preview with its own message (strictMode).
    const strict = strictMode(this.settings);
    failures.push(
      ...(await checkIntegration(inputs, { region, profile: this.settings.profile, endpoints: this.settings.endpoints, strict })),
    );
    // Check accepts a value or refuses it at its path; it never rewrites it. Timestamps are made
    // what the SDK needs by the request mapping, and diff compares canonical forms.
    return { inputs, failures };
  }

  async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return toDiffResult(await this.changes(id, olds, news));
  }

  /** What diff decides, with the members that changed (a plugin host reports them to the engine). */
  async changes(id: string, olds: Props, news: Props): Promise<IntegrationChanges> {
    requireOlds(olds, "diff", id);
    const desired = withoutProvider(news) as IntegrationInputs;
    const region = await this.region(desired.region);
    const status = (olds as IntegrationOutputs).flowStatus;
    if (desired.desiredFlowState === undefined && (status === "Suspended" || status === "Errored")) {
      // Said, not diffed: with no desired state there is nothing for an update to do about it.
      warn(
        `integration ${id}: its AppFlow flow was ${status} when last read; set desiredFlowState: "running" to have \`pulumi up\` start it`,
      );
    }
    return compareIntegration(olds as IntegrationOutputs, desired, region);
  }

  async create(props: Props): Promise<pulumi.dynamic.CreateResult> {
    const inputs = withoutProvider(props) as IntegrationInputs;
    const region = await this.region(inputs.region);
    const c = this.clients(region);
    // Asked before any write, so a failure here leaves nothing behind.
    const accountId = await c.accountId();
    const existing = await this.findExisting(c, inputs);
    if (existing) return this.adopt(existing, props, region);
    const written = await putNewIntegration(c, inputs);
    const uri = (written.Uri as string | undefined) ?? inputs.uri!;
    const extra = { region, arn: integrationArn(region, accountId, inputs.domainName, uri) };
    const id = formatId(inputs.domainName, uri);
    const flowName = inputs.flowDefinition?.flowName;
    let flow: FlowObservation | undefined;
    if (flowName && inputs.desiredFlowState) {
      try {
        flow = await convergeFlowState(c, flowName, inputs.desiredFlowState);
      } catch (err) {
        // The integration exists: the engine records it, and the next `pulumi up` steers its flow.
        throw partialFailure(err, id, withProviderOf(props, buildOutputs({ ...inputs, desiredFlowState: undefined }, written, extra)));
      }
    }
    return { id, outs: buildOutputs(inputs, written, { ...extra, flow }) };
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const { domainName, uri } = parseId(id);
    const region = await this.region(props?.region);
    const found = await api.getIntegration(this.clients(region), domainName, uri);
    return found ? this.observed(id, props, { region, found }) : {};
  }

  /** What read reports of an integration already fetched: by read itself, or by create finding one to adopt. */
  private async observed(id: string, props: Props, seen: Omit<Existing, "id"> & { region: string }): Promise<pulumi.dynamic.ReadResult> {
    const { domainName, uri } = parseId(id);
    const { region, found } = seen;
    const c = this.clients(region);
    const flowName = props?.flowDefinition?.flowName ?? flowNameFromUri(uri);
    const flow = seen.flow ?? (flowName ? await api.describeFlow(c, flowName) : undefined);
    const arn = props?.arn ?? integrationArn(region, await c.accountId(), domainName, uri);
    const current: IntegrationInputs = {
      ...inputsFromOutputs(outputsFromIntegration(found) as IntegrationOutputs),
      ...(flow ? { flowDefinition: flowDefinitionFromFlow(flow) } : {}),
      // The region and the desired flow state are ours, not the service's: keep them as the program set them.
      region: props?.region,
      desiredFlowState: props?.desiredFlowState,
    };
    // A program may leave a derived URI unset; keep it unset so the next diff shows nothing.
    if (props?.domainName !== undefined && props.uri === undefined && flowName) delete current.uri;
    const outs = buildOutputs(current, found, { region, arn, flow: observeFlow(flow) });
    // On refresh the engine hands back prior outputs (they carry createdAt) and keeps the
    // program's own inputs; only an import or get needs inputs made from what AWS holds.
    const importing = props?.createdAt === undefined;
    return importing
      ? { id, props: outs, inputs: inputsFromOutputs({ ...outs, region: current.region } as IntegrationOutputs) }
      : { id, props: outs };
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const previous = requireOlds(olds, "update", id) as IntegrationOutputs;
    const desired = withoutProvider(news) as IntegrationInputs;
    const c = this.clients(previous.region);
    const ids = { domainName: previous.domainName, uri: previous.uri };
    const { changed } = compareIntegration(previous, desired, previous.region);
    const rewrites = changed.some((k) => k !== "tags" && k !== "desiredFlowState");
    const written = rewrites ? await rewriteIntegration(c, ids, previous, desired, changed) : undefined;
    let flow: FlowObservation | undefined;
    const flowName = desired.flowDefinition?.flowName;
    if (flowName && desired.desiredFlowState) {
      // After an UpdateFlow the status is asked again: no source says whether an update keeps it.
      const known: FlowObservation | undefined = changed.includes("flowDefinition")
        ? undefined
        : { flowStatus: previous.flowStatus, lastRunStatus: previous.lastRunStatus, lastRunTime: previous.lastRunTime };
      try {
        flow = await convergeFlowState(c, flowName, desired.desiredFlowState, known);
      } catch (err) {
        const outs = buildOutputs({ ...desired, desiredFlowState: previous.desiredFlowState, tags: previous.tags }, written, {
          region: previous.region,
          arn: previous.arn,
          previous,
        });
        throw written ? partialFailure(err, id, withProviderOf(news, outs)) : err;
      }
    }
    const { tags, failure } = await applyTagChanges(c, previous.arn, ids, previous.tags, diffTags(previous.tags, desired.tags));
    const outs = buildOutputs({ ...desired, tags }, written, { region: previous.region, arn: previous.arn, previous, flow });
    if (failure) {
      // Nothing changed: the state as it stands is still the truth.
      if (!written && deepEqual(tags, previous.tags)) throw failure;
      throw partialFailure(failure, id, withProviderOf(news, outs));
    }
    return { outs };
  }

  async delete(id: string, props: Props): Promise<void> {
    const { domainName, uri } = parseId(id);
    const region = await this.region(props?.region);
    await deleteIntegration(this.clients(region), { domainName, uri });
  }

  /**
   * The id of an integration that already stands where this one would be created. Create never
   * overwrites one silently: it is adopted only when the program says `adoptExisting: true`.
   */
  private async findExisting(c: AwsClients, inputs: IntegrationInputs): Promise<Existing | undefined> {
    const adoptHint = (id: string) =>
      `To manage it with Pulumi, set \`adoptExisting: true\` on this resource (the next \`pulumi up\` takes it ` +
      `over and writes only what differs from the program; \`Integration.get("name", "${id}")\` reads it without ` +
      `managing it), or delete it first.`;
    let uri = inputs.uri;
    let flow: Record<string, unknown> | undefined;
    if (uri === undefined && inputs.flowDefinition?.flowName) {
      flow = await api.describeFlow(c, inputs.flowDefinition.flowName);
      if (!flow) return undefined;
      uri = flow.flowArn as string;
    }
    const found = uri === undefined ? undefined : await api.getIntegration(c, inputs.domainName, uri);
    if (!found) {
      if (!flow) return undefined;
      throw new ProviderError(
        `An AppFlow flow named "${inputs.flowDefinition!.flowName}" already exists in ${c.region}, and no integration ` +
          `of domain "${inputs.domainName}" uses it; flow names are unique per account and region. Rename the flow ` +
          `in the program, or delete the existing flow.`,
      );
    }
    const id = formatId(inputs.domainName, uri!);
    if (inputs.adoptExisting) return { id, found, flow };
    throw new ProviderError(
      `Integration "${uri}" already exists in domain "${inputs.domainName}" (${c.region}); creating it again would ` +
        `overwrite it. ${adoptHint(id)}`,
    );
  }

  /** Adopting is reading what AWS holds and updating it to the program: no write when they match. */
  private async adopt(existing: Existing, props: Props, region: string): Promise<pulumi.dynamic.CreateResult> {
    // findExisting has just fetched it (and its flow): reading them again would only cost calls.
    const current = await this.observed(existing.id, props, { ...existing, region });
    const { outs } = await this.update(existing.id, { ...current.props, [PROVIDER_KEY]: props[PROVIDER_KEY] }, props);
    return { id: existing.id, outs };
  }

  private region(input: string | undefined): Promise<string> {
    return resolveRegion(input, this.settings);
  }

  private clients(region: string): AwsClients {
    return clientsFor(region, this.settings.profile, this.settings.endpoints);
  }
}
