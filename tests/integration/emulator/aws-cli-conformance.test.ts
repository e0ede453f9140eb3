import { strict as assert } from "assert";
import { skipUnlessCI } from "../../support/skip";
import { describeVerified, type VerifiedTarget } from "../../support/emulator-harness";
import { cliTime, findAwsCli, runAwsCli, type AwsCli, type CliResult } from "../../support/emulator-aws-cli";

/** A Salesforce flow: local-only, since AWS would need a working Salesforce connection and a KMS key. */
function salesforceFlow(t: VerifiedTarget) {
  return {
    FlowName: "sf-contacts",
    Description: "Contacts from Salesforce",
    KmsArn: `arn:${t.partition}:kms:${t.region}:${t.accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    SourceFlowConfig: {
      ConnectorType: "Salesforce",
      ConnectorProfileName: "salesforce-prod",
      IncrementalPullConfig: { DatetimeTypeFieldName: "LastModifiedDate" },
      SourceConnectorProperties: { Salesforce: { Object: "Contact", EnableDynamicFieldUpdate: true } },
    },
    Tasks: [
      { SourceFields: ["Id", "Email"], ConnectorOperator: { Salesforce: "PROJECTION" }, TaskType: "Filter" },
      {
        SourceFields: ["Email"],
        ConnectorOperator: { Salesforce: "NO_OP" },
        DestinationField: "Email",
        TaskType: "Map",
        TaskProperties: { SOURCE_DATA_TYPE: "string" },
      },
    ],
    TriggerConfig: {
      TriggerType: "Scheduled",
      TriggerProperties: {
        Scheduled: { ScheduleExpression: "rate(1hours)", DataPullMode: "Incremental", ScheduleStartTime: "2030-01-01T00:00:00Z" },
      },
    },
  };
}

/**
 * The real AWS CLIs must sign, send and parse every call against the local endpoint as they do
 * against AWS. The steps of each CLI's walk-through build on each other. A verified spec
 * (describeVerified): with PCPI_VERIFY_AWS=1 and credentials the same walk-through runs against
 * AWS in a domain of its own, which is deleted afterwards; the steps that need a Salesforce
 * connection, a KMS key or the endpoint's request log are local-only.
 */
for (const major of [1, 2] as const) {
  describeVerified(
    `emulator conformance: AWS CLI v${major}`,
    (t) => {
      let cli: AwsCli | undefined;
      let domain: string;
      /** Integrations this walk-through created, by Uri, in order. */
      const created: string[] = [];
      let flowUri: string;
      const aws = (...args: string[]): Promise<CliResult> => runAwsCli(cli!, t, args);
      const ok = async (...args: string[]): Promise<any> => {
        const r = await aws(...args);
        assert.equal(r.status, 0, `aws ${args.join(" ")} failed: ${r.stderr}`);
        return r.json;
      };
      const integrationArn = (uri: string) => `arn:${t.partition}:profile:${t.region}:${t.accountId}:domains/${domain}/integrations/${uri}`;
      /** The integration the tag steps use: the flow's where it exists (local), else the Uri one. */
      const tagged = () => (flowUri && created.includes(flowUri) ? flowUri : t.uri);

      before(async function () {
        this.timeout(180_000);
        cli = findAwsCli(major);
        if (!cli) skipUnlessCI(this, `AWS CLI v${major} not found (${major === 2 ? "apt-get install -y awscli" : "pip install awscli"})`);
        domain = t.unique(`pcpi-cli-v${major}`);
        t.ownDomain(domain);
        flowUri = `arn:${t.partition}:appflow:${t.region}:${t.accountId}:flow/sf-contacts`;
      });

      it(`runs as ${major === 1 ? "botocore" : "CLI v2"} (found by absolute path)`, async () => {
        assert.ok(cli!.path.startsWith("/"));
        assert.match(cli!.version, new RegExp(`^aws-cli/${major}\\.`));
      });

      it("sts get-caller-identity", async () => {
        const out = await ok("sts", "get-caller-identity");
        assert.equal(out.Account, t.accountId);
        assert.match(out.Arn, new RegExp(`^arn:${t.partition}:(iam|sts)::${t.accountId}:`));
        if (t.kind === "local") assert.equal(out.Arn, "arn:aws:iam::123456789012:user/emulator");
      });

      it("customer-profiles create-domain", async () => {
        const out = await ok(
          "customer-profiles",
          "create-domain",
          "--domain-name",
          domain,
          "--default-expiration-days",
          "30",
          "--tags",
          "owner=crm",
        );
        assert.equal(out.DomainName, domain);
        assert.equal(out.DefaultExpirationDays, 30);
        assert.ok(Math.abs(cliTime(out.CreatedAt).getTime() - Date.now()) < 60_000);
        assert.deepEqual(out.Tags, { owner: "crm" });
      });

      it("customer-profiles put-profile-object-type", async () => {
        const out = await ok(
          "customer-profiles",
          "put-profile-object-type",
          "--domain-name",
          domain,
          "--object-type-name",
          "Contact",
          "--description",
          "Salesforce contacts",
          "--fields",
          JSON.stringify({ email: { Source: "_source.Email", Target: "_profile.EmailAddress", ContentType: "STRING" } }),
          "--keys",
          JSON.stringify({ email: [{ StandardIdentifiers: ["PROFILE", "UNIQUE"], FieldNames: ["email"] }] }),
        );
        assert.equal(out.ObjectTypeName, "Contact");
        assert.deepEqual(out.Keys, { email: [{ StandardIdentifiers: ["PROFILE", "UNIQUE"], FieldNames: ["email"] }] });
      });

      it("appflow create-connector-profile (local-only: AWS would call Salesforce)", async function () {
        t.localOnly(this);
        const out = await ok(
          "appflow",
          "create-connector-profile",
          "--connector-profile-name",
          "salesforce-prod",
          "--connector-type",
          "Salesforce",
          "--connection-mode",
          "Public",
          "--connector-profile-config",
          JSON.stringify({
            connectorProfileProperties: { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } },
            connectorProfileCredentials: { Salesforce: { accessToken: "cli-secret-token" } },
          }),
        );
        assert.equal(out.connectorProfileArn, `arn:${t.partition}:appflow:${t.region}:${t.accountId}:connectorprofile/salesforce-prod`);
      });

      it("customer-profiles put-integration with a Uri", async () => {
        const out = await ok(
          "customer-profiles",
          "put-integration",
          "--domain-name",
          domain,
          "--uri",
          t.uri,
          "--object-type-name",
          "Contact",
          "--tags",
          "team=crm",
        );
        created.push(t.uri);
        assert.equal(out.Uri, t.uri);
        assert.equal(out.DomainName, domain);
        assert.deepEqual(out.Tags, { team: "crm" });
      });

      it("customer-profiles put-integration with --flow-definition (local-only: needs Salesforce and KMS)", async function () {
        t.localOnly(this);
        const out = await ok(
          "customer-profiles",
          "put-integration",
          "--domain-name",
          domain,
          "--object-type-name",
          "Contact",
          "--flow-definition",
          JSON.stringify(salesforceFlow(t)),
          "--tags",
          "team=crm",
        );
        created.push(out.Uri);
        assert.equal(out.Uri, flowUri);
        assert.equal(out.ObjectTypeName, "Contact");
        assert.equal(out.IsUnstructured, false);
      });

      it("customer-profiles get-integration", async () => {
        const out = await ok("customer-profiles", "get-integration", "--domain-name", domain, "--uri", tagged());
        assert.equal(out.Uri, tagged());
        assert.deepEqual(out.Tags, { team: "crm" });
        assert.ok(cliTime(out.LastUpdatedAt).getTime() >= cliTime(out.CreatedAt).getTime());
      });

      it("customer-profiles list-integrations", async () => {
        const out = await ok("customer-profiles", "list-integrations", "--domain-name", domain);
        assert.deepEqual(out.Items.map((i: any) => i.Uri).sort(), [...created].sort());
      });

      it("customer-profiles tag-resource on an integration, by its ARN", async () => {
        const r = await aws("customer-profiles", "tag-resource", "--resource-arn", integrationArn(tagged()), "--tags", "env=test");
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout.trim(), "");
      });

      it("customer-profiles list-tags-for-resource", async () => {
        const { tags } = await ok("customer-profiles", "list-tags-for-resource", "--resource-arn", integrationArn(tagged()));
        assert.deepEqual(tags, { team: "crm", env: "test" });
      });

      it("customer-profiles untag-resource (tagKeys repeated in the query, one of them absent)", async () => {
        const r = await aws(
          "customer-profiles",
          "untag-resource",
          "--resource-arn",
          integrationArn(tagged()),
          "--tag-keys",
          "team",
          "nope",
        );
        assert.equal(r.status, 0, r.stderr);
        const { tags } = await ok("customer-profiles", "list-tags-for-resource", "--resource-arn", integrationArn(tagged()));
        assert.deepEqual(tags, { env: "test" });
      });

      it("appflow describe-connector-profiles, without the credentials (local-only)", async function () {
        t.localOnly(this);
        const r = await aws("appflow", "describe-connector-profiles", "--connector-profile-names", "salesforce-prod");
        assert.equal(r.status, 0, r.stderr);
        const [p] = r.json.connectorProfileDetails;
        assert.equal(p.connectorProfileName, "salesforce-prod");
        assert.equal(p.connectorType, "Salesforce");
        assert.deepEqual(p.connectorProfileProperties, { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } });
        assert.ok(!r.stdout.includes("cli-secret-token"));
      });

      it("appflow describe-flow shows the flow put-integration created (local-only)", async function () {
        t.localOnly(this);
        const out = await ok("appflow", "describe-flow", "--flow-name", "sf-contacts");
        assert.equal(out.flowArn, flowUri);
        assert.equal(out.flowStatus, "Draft"); // the endpoint's default newFlowStatus, as CreateFlow leaves a scheduled flow
        assert.deepEqual(out.sourceFlowConfig, {
          connectorType: "Salesforce",
          connectorProfileName: "salesforce-prod",
          incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
          sourceConnectorProperties: { Salesforce: { object: "Contact", enableDynamicFieldUpdate: true } },
        });
        assert.equal(out.destinationFlowConfigList[0].destinationConnectorProperties.CustomerProfiles.domainName, domain);
        assert.equal(out.tasks.length, 2);
        assert.equal(cliTime(out.triggerConfig.triggerProperties.Scheduled.scheduleStartTime).toISOString(), "2030-01-01T00:00:00.000Z");
      });

      it("customer-profiles delete-integration removes the integration (and its flow, local-only)", async () => {
        for (const uri of created) {
          const out = await ok("customer-profiles", "delete-integration", "--domain-name", domain, "--uri", uri);
          assert.ok(out.Message);
        }
        const gone = await aws("customer-profiles", "get-integration", "--domain-name", domain, "--uri", t.uri);
        assert.notEqual(gone.status, 0);
        assert.match(gone.stderr, /\(ResourceNotFoundException\) when calling the GetIntegration operation/);
        if (t.kind === "local") {
          const flow = await aws("appflow", "describe-flow", "--flow-name", "sf-contacts");
          assert.notEqual(flow.status, 0);
          assert.match(flow.stderr, /\(ResourceNotFoundException\) when calling the DescribeFlow operation/);
        }
      });

      it("reports a modelled error as the CLI reports AWS's", async () => {
        const absent = t.unique("absent");
        const r = await aws("customer-profiles", "get-domain", "--domain-name", absent);
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, /An error occurred \(ResourceNotFoundException\) when calling the GetDomain operation: /);
        // The wording of the not-found message is the endpoint's own (emulator/README.md).
        if (t.kind === "local") assert.match(r.stderr, new RegExp(`GetDomain operation: Domain ${absent} does not exist\\.`));
      });

      it("a CLI with the wrong secret is refused with InvalidSignatureException", async () => {
        const r = await runAwsCli(cli!, { ...t, credentials: { ...t.credentials, secretAccessKey: "wrong" } }, [
          "customer-profiles",
          "list-domains",
        ]);
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, /\(InvalidSignatureException\)/);
      });

      it("every call the CLI signed correctly passed signature verification (local-only: the request log)", async function () {
        t.localOnly(this);
        const refused = t.emulator!.requests().filter((r) => r.status === 403);
        assert.deepEqual(
          refused.map((r) => r.operation),
          ["ListDomains"],
          "only the deliberately wrong-secret call",
        );
      });
    },
    { createDomain: false, timeout: 180_000 },
  );
}
