import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "./lazy";
import type * as types from "./types";

/** A value, or any level of it, may be a Pulumi Input (a plain value, a Promise or an Output). */
export type DeepInput<T> = [T] extends [string | number | boolean]
  ? pulumi.Input<T>
  : [T] extends [(infer U)[]]
    ? pulumi.Input<DeepInput<U>[]>
    : [T] extends [object]
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;

/** Every member of `T`, at any depth, may be a Pulumi Input; members keep their documentation. */
export type DeepInputs<T> = { [K in keyof T]: DeepInput<Exclude<T[K], undefined>> };

/**
 * The arguments of an Integration: the PutIntegration request members, camelCased and documented
 * with AWS's text (generated from the API model), plus Pulumi's own `region` and `adoptExisting`.
 *
 * What Pulumi adds to the members AWS documents:
 * - changing `domainName`, `uri` or `region` replaces the integration, and so does a new
 *   `flowDefinition.flowName` when the URI was derived from the flow;
 * - leave `uri` unset with `flowDefinition`: the service derives it from the flow;
 * - set `objectTypeName` or `objectTypeNames`, not both;
 * - changing only `tags` never rewrites the integration (TagResource/UntagResource only), and at
 *   most 50 tags are allowed;
 * - `eventTriggerNames` takes at most one name.
 */
export interface IntegrationArgs extends DeepInputs<types.PutIntegrationRequest> {
  /** The AWS region; defaults to `aws:region`, then AWS_REGION. Changing it replaces the integration. */
  region?: pulumi.Input<string>;
  /**
   * Take over an integration that already exists at this domain and URI (or flow name) instead of
   * failing: it is read, and only what differs from this program is written. Pulumi's own
   * `{ import }` option cannot reach dynamic providers (pulumi/pulumi#16175); this is the way in.
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * An Amazon Connect Customer Profiles integration (the `PutIntegration` API): a source such as a
 * Connect instance, an EventBridge partner source or an AppFlow flow from Salesforce, Marketo,
 * Zendesk, ServiceNow or S3, feeding profile objects into a domain.
 *
 * Its id is `<domainName>/<uri>`. To take over an integration that already exists, set
 * `adoptExisting: true`; Pulumi's `{ import }` option and `pulumi import` cannot reach a dynamic
 * provider (pulumi/pulumi#16175). `Integration.get` reads one without managing it.
 */
export class Integration extends pulumi.dynamic.Resource {
  /** The domain the integration belongs to. */
  public readonly domainName!: pulumi.Output<string>;
  /** The integration's URI, as set or as the service derived it from the flow. */
  public readonly uri!: pulumi.Output<string>;
  /** The object type the source's data is stored as. */
  public readonly objectTypeName!: pulumi.Output<string | undefined>;
  /** Object type per event type. */
  public readonly objectTypeNames!: pulumi.Output<{ [eventType: string]: string } | undefined>;
  /** The tags the integration has. */
  public readonly tags!: pulumi.Output<{ [key: string]: string } | undefined>;
  /** The flow behind the integration, as AppFlow has it. */
  public readonly flowDefinition!: pulumi.Output<types.FlowDefinition | undefined>;
  /** The role the integration's workflow runs as. */
  public readonly roleArn!: pulumi.Output<string | undefined>;
  /** The integration's event trigger names. */
  public readonly eventTriggerNames!: pulumi.Output<string[] | undefined>;
  /** `PROFILE` or `DOMAIN`. */
  public readonly scope!: pulumi.Output<types.Scope | undefined>;
  /** The region the integration lives in. */
  public readonly region!: pulumi.Output<string>;
  /** `arn:<partition>:profile:<region>:<account>:domains/<domain>/integrations/<uri>`, for tagging and IAM. */
  public readonly arn!: pulumi.Output<string>;
  /** When the integration was created (ISO-8601). */
  public readonly createdAt!: pulumi.Output<string>;
  /** When the integration was last changed (ISO-8601). */
  public readonly lastUpdatedAt!: pulumi.Output<string>;
  /** The id of the workflow the integration runs, when it has one. */
  public readonly workflowId!: pulumi.Output<string | undefined>;
  /** Whether the integration ingests unstructured data. */
  public readonly isUnstructured!: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: IntegrationArgs, opts?: pulumi.CustomResourceOptions) {
    // Every output is registered, inputs included: a dynamic resource exposes only the
    // properties it was constructed with, and `Integration.get` is constructed with none.
    const outputs = {
      domainName: undefined,
      uri: undefined,
      objectTypeName: undefined,
      objectTypeNames: undefined,
      tags: undefined,
      flowDefinition: undefined,
      roleArn: undefined,
      eventTriggerNames: undefined,
      scope: undefined,
      region: undefined,
      arn: undefined,
      createdAt: undefined,
      lastUpdatedAt: undefined,
      workflowId: undefined,
      isUnstructured: undefined,
    };
    super(lazyProvider, name, { ...outputs, ...(args ?? {}) }, opts, "customerprofiles", "Integration");
  }

  /** Reads an existing integration by id (`<domainName>/<uri>`) into the program, without managing it. */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Integration {
    return new Integration(name, {} as IntegrationArgs, { ...opts, id });
  }
}
