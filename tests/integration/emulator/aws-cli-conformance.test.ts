import { strict as assert } from "assert";
import { startEmulator, type Emulator } from "../../../emulator";
import { cliTime, findAwsCli, runAwsCli, type AwsCli, type CliResult } from "../../support/emulator-aws-cli";

const FLOW = {
  FlowName: "sf-contacts",
  Description: "Contacts from Salesforce",
  KmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  SourceFlowConfig: {
    ConnectorType: "Salesforce",
    ConnectorProfileName: "salesforce-prod",
    IncrementalPullConfig: { DatetimeTypeFieldName: "LastModifiedDate" },
    SourceConnectorProperties: { Salesforce: { Object: "Contact", EnableDynamicFieldUpdate: true } },
  },
  Tasks: [
    { SourceFields: ["Id", "Email"], ConnectorOperator: { Salesforce: "PROJECTION" }, TaskType: "Filter" },
    { SourceFields: ["Email"], ConnectorOperator: { Salesforce: "NO_OP" }, DestinationField: "Email", TaskType: "Map", TaskProperties: { SOURCE_DATA_TYPE: "string" } },
  ],
  TriggerConfig: {
    TriggerType: "Scheduled",
    TriggerProperties: { Scheduled: { ScheduleExpression: "rate(1hours)", DataPullMode: "Incremental", ScheduleStartTime: "2030-01-01T00:00:00Z" } },
  },
};
const FLOW_URI = "arn:aws:appflow:us-east-1:123456789012:flow/sf-contacts";

/**
 * The real AWS CLIs, pointed at the emulator with --endpoint-url, must sign, send and parse every
 * call as they would against AWS. The steps of each CLI's walk-through build on each other.
 */
for (const major of [1, 2] as const) {
  describe(`emulator conformance: AWS CLI v${major}`, function () {
    this.timeout(180_000);
    let cli: AwsCli | undefined;
    let emulator: Emulator;
    const aws = (...args: string[]): Promise<CliResult> => runAwsCli(cli!, emulator, args);
    const ok = async (...args: string[]): Promise<any> => {
      const r = await aws(...args);
      assert.equal(r.status, 0, `aws ${args.join(" ")} failed: ${r.stderr}`);
      return r.json;
    };
    const integrationArn = (uri: string) => `arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/${uri}`;

    before(async function () {
      cli = findAwsCli(major);
      if (!cli) {
        const hint = major === 2 ? "apt-get install -y awscli" : "pip install awscli";
        if (process.env.CI) throw new Error(`AWS CLI v${major} not found (${hint}); CI must run the conformance tests`);
        this.skip();
      }
      emulator = await startEmulator();
    });
    after(async () => emulator?.close());

    it(`runs as ${major === 1 ? "botocore" : "CLI v2"} (found by absolute path)`, async () => {
      assert.ok(cli!.path.startsWith("/"));
      assert.match(cli!.version, new RegExp(`^aws-cli/${major}\\.`));
    });

    it("sts get-caller-identity", async () => {
      const out = await ok("sts", "get-caller-identity");
      assert.equal(out.Account, "123456789012");
      assert.equal(out.Arn, "arn:aws:iam::123456789012:user/emulator");
    });

    it("customer-profiles create-domain", async () => {
      const out = await ok("customer-profiles", "create-domain", "--domain-name", "retail", "--default-expiration-days", "30", "--tags", "owner=crm");
      assert.equal(out.DomainName, "retail");
      assert.equal(out.DefaultExpirationDays, 30);
      assert.ok(Math.abs(cliTime(out.CreatedAt).getTime() - Date.now()) < 60_000);
      assert.deepEqual(out.Tags, { owner: "crm" });
    });

    it("customer-profiles put-profile-object-type", async () => {
      const out = await ok(
        "customer-profiles", "put-profile-object-type",
        "--domain-name", "retail", "--object-type-name", "Contact", "--description", "Salesforce contacts",
        "--fields", JSON.stringify({ email: { Source: "_source.Email", Target: "_profile.EmailAddress", ContentType: "STRING" } }),
        "--keys", JSON.stringify({ email: [{ StandardIdentifiers: ["PROFILE", "UNIQUE"], FieldNames: ["email"] }] }),
      );
      assert.equal(out.ObjectTypeName, "Contact");
      assert.deepEqual(out.Keys, { email: [{ StandardIdentifiers: ["PROFILE", "UNIQUE"], FieldNames: ["email"] }] });
    });

    it("appflow create-connector-profile", async () => {
      const out = await ok(
        "appflow", "create-connector-profile",
        "--connector-profile-name", "salesforce-prod", "--connector-type", "Salesforce", "--connection-mode", "Public",
        "--connector-profile-config", JSON.stringify({
          connectorProfileProperties: { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } },
          connectorProfileCredentials: { Salesforce: { accessToken: "cli-secret-token" } },
        }),
      );
      assert.equal(out.connectorProfileArn, "arn:aws:appflow:us-east-1:123456789012:connectorprofile/salesforce-prod");
    });

    it("customer-profiles put-integration with a Uri", async () => {
      const out = await ok("customer-profiles", "put-integration", "--domain-name", "retail", "--uri", "arn:aws:s3:::exports/contacts", "--object-type-name", "Contact", "--tags", "team=crm");
      assert.equal(out.Uri, "arn:aws:s3:::exports/contacts");
      assert.deepEqual(out.Tags, { team: "crm" });
    });

    it("customer-profiles put-integration with --flow-definition", async () => {
      const out = await ok("customer-profiles", "put-integration", "--domain-name", "retail", "--object-type-name", "Contact", "--flow-definition", JSON.stringify(FLOW), "--tags", "team=crm");
      assert.equal(out.Uri, FLOW_URI);
      assert.equal(out.ObjectTypeName, "Contact");
      assert.equal(out.IsUnstructured, false);
    });

    it("customer-profiles get-integration", async () => {
      const out = await ok("customer-profiles", "get-integration", "--domain-name", "retail", "--uri", FLOW_URI);
      assert.equal(out.Uri, FLOW_URI);
      assert.deepEqual(out.Tags, { team: "crm" });
      assert.ok(cliTime(out.LastUpdatedAt).getTime() >= cliTime(out.CreatedAt).getTime());
    });

    it("customer-profiles list-integrations", async () => {
      const out = await ok("customer-profiles", "list-integrations", "--domain-name", "retail");
      assert.deepEqual(out.Items.map((i: any) => i.Uri).sort(), [FLOW_URI, "arn:aws:s3:::exports/contacts"]);
    });

    it("customer-profiles tag-resource on an integration whose Uri is an ARN", async () => {
      const r = await aws("customer-profiles", "tag-resource", "--resource-arn", integrationArn(FLOW_URI), "--tags", "env=test");
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), "");
    });

    it("customer-profiles list-tags-for-resource", async () => {
      const { tags } = await ok("customer-profiles", "list-tags-for-resource", "--resource-arn", integrationArn(FLOW_URI));
      assert.deepEqual(tags, { team: "crm", env: "test" });
    });

    it("customer-profiles untag-resource (tagKeys repeated in the query)", async () => {
      const r = await aws("customer-profiles", "untag-resource", "--resource-arn", integrationArn(FLOW_URI), "--tag-keys", "team", "nope");
      assert.equal(r.status, 0, r.stderr);
      const { tags } = await ok("customer-profiles", "list-tags-for-resource", "--resource-arn", integrationArn(FLOW_URI));
      assert.deepEqual(tags, { env: "test" });
    });

    it("appflow describe-connector-profiles, without the credentials", async () => {
      const r = await aws("appflow", "describe-connector-profiles", "--connector-profile-names", "salesforce-prod");
      assert.equal(r.status, 0, r.stderr);
      const [p] = r.json.connectorProfileDetails;
      assert.equal(p.connectorProfileName, "salesforce-prod");
      assert.equal(p.connectorType, "Salesforce");
      assert.deepEqual(p.connectorProfileProperties, { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } });
      assert.ok(!r.stdout.includes("cli-secret-token"));
    });

    it("appflow describe-flow shows the flow put-integration created", async () => {
      const out = await ok("appflow", "describe-flow", "--flow-name", "sf-contacts");
      assert.equal(out.flowArn, FLOW_URI);
      assert.equal(out.flowStatus, "Active");
      assert.deepEqual(out.sourceFlowConfig, {
        connectorType: "Salesforce",
        connectorProfileName: "salesforce-prod",
        incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
        sourceConnectorProperties: { Salesforce: { object: "Contact", enableDynamicFieldUpdate: true } },
      });
      assert.equal(out.destinationFlowConfigList[0].destinationConnectorProperties.CustomerProfiles.domainName, "retail");
      assert.equal(out.tasks.length, 2);
      assert.equal(cliTime(out.triggerConfig.triggerProperties.Scheduled.scheduleStartTime).toISOString(), "2030-01-01T00:00:00.000Z");
    });

    it("customer-profiles delete-integration removes the integration and its flow", async () => {
      const out = await ok("customer-profiles", "delete-integration", "--domain-name", "retail", "--uri", FLOW_URI);
      assert.ok(out.Message);
      const gone = await aws("appflow", "describe-flow", "--flow-name", "sf-contacts");
      assert.notEqual(gone.status, 0);
      assert.match(gone.stderr, /\(ResourceNotFoundException\) when calling the DescribeFlow operation/);
    });

    it("reports a modelled error as the CLI reports AWS's", async () => {
      const r = await aws("customer-profiles", "get-domain", "--domain-name", "nope");
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /An error occurred \(ResourceNotFoundException\) when calling the GetDomain operation: Domain nope does not exist\./);
    });

    it("a CLI with the wrong secret is refused with InvalidSignatureException", async () => {
      const r = await runAwsCli(cli!, { ...emulator, credentials: { ...emulator.credentials, secretAccessKey: "wrong" } }, ["customer-profiles", "list-domains"]);
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /\(InvalidSignatureException\)/);
    });

    it("every call the CLI signed correctly passed signature verification", async () => {
      const refused = emulator.requests().filter((r) => r.status === 403);
      assert.deepEqual(refused.map((r) => r.operation), ["ListDomains"], "only the deliberately wrong-secret call");
    });
  });
}
