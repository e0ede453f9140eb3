import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CreateConnectorProfileCommand, type ConnectorType } from "@aws-sdk/client-appflow";
import { GetIntegrationCommand, ListIntegrationsCommand } from "@aws-sdk/client-customer-profiles";
import { IntegrationProvider } from "../../../provider";
import { fromApi } from "../../../provider/mapping";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import { resetConnectorProfileCatalog } from "../../../provider/testing";
import { useEmulator, type EmulatorHandle } from "../../support/aws-env";
import { createDomainWithObjectTypes } from "../../support/emulator-harness";
import { findAwsCli, runAwsCli, type AwsCli } from "../../support/emulator-aws-cli";
import { captureWarnings } from "../../unit/validation/stubs";
import { skipUnlessCI } from "../../support/skip";

/**
 * PutIntegration requests written by others (tests/corpus/*.json, one file per source, each naming
 * its source and the placeholders replaced). Every valid one passes the provider's check, camelCased
 * as a program writes it, and the local endpoint through the real AWS CLI with --cli-input-json.
 * Every input a source shows AWS refusing fails check at its path and the endpoint with AWS's
 * message form, and nothing is written.
 */
type Api = Record<string, any>;
interface CorpusFile {
  source: string;
  title: string;
  placeholders: Record<string, string>;
  /** `warnings`: the properties check warns about (rules no source shows AWS enforcing); none when absent. */
  valid?: { name: string; request: Api; warnings?: string[] }[];
  base?: Api;
  invalid?: { name: string; set: Record<string, string>; checkPath: string; awsPath: string; pattern: string }[];
}

const DIR = path.join(__dirname, "../../corpus");
const corpus: [string, CorpusFile][] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as CorpusFile]);

const PUT = customerProfilesModel.operations.PutIntegration.input!;
/** The request as a Pulumi program writes it: camelCase, through the provider's own mapping. */
const asProgram = (request: Api) => fromApi(PUT, request) as Record<string, unknown>;

/** Whether the request member a path starts in is a shape the model marks sensitive. */
function sensitiveAt(awsPath: string): boolean {
  const first = awsPath.split(".")[0];
  const request = customerProfilesModel.shapes[PUT];
  if (request.type !== "structure") return false;
  const member = Object.keys(request.members).find((m) => m.toLowerCase() === first.toLowerCase());
  return !!(member && customerProfilesModel.shapes[request.members[member].shape].sensitive);
}

function withSet(base: Api, set: Record<string, string>): Api {
  const out = JSON.parse(JSON.stringify(base)) as Api;
  for (const [at, value] of Object.entries(set)) {
    const keys = at.split(".");
    let o = out;
    for (const k of keys.slice(0, -1)) o = o[k];
    o[keys[keys.length - 1]] = value;
  }
  return out;
}

/** Whatever a request refers to: its domain, its object types and its flow's connector profile. */
async function seedFor(aws: EmulatorHandle, request: Api): Promise<void> {
  const objectTypes = [request.ObjectTypeName, ...Object.values(request.ObjectTypeNames ?? {})].filter(
    (n): n is string => typeof n === "string" && /^[a-zA-Z_][a-zA-Z_0-9-]*$/.test(n),
  );
  await createDomainWithObjectTypes(aws.customerProfiles, request.DomainName, objectTypes);
  const source = request.FlowDefinition?.SourceFlowConfig;
  if (source?.ConnectorProfileName && source.ConnectorType !== "S3") {
    const type = source.ConnectorType as string;
    const instanceUrl = `https://example.${type.toLowerCase()}.example.com`;
    await aws.appflow.send(
      new CreateConnectorProfileCommand({
        connectorProfileName: source.ConnectorProfileName,
        connectorType: type as ConnectorType,
        connectionMode: "Public",
        connectorProfileConfig: {
          connectorProfileProperties: { [type]: { instanceUrl } },
          connectorProfileCredentials: { [type]: { accessToken: "corpus-token", clientId: "corpus-id", clientSecret: "corpus-secret" } },
        },
      }),
    );
  }
}

describe("corpus: PutIntegration requests written by others", function () {
  this.timeout(180_000);
  const aws = useEmulator();
  const warnings = captureWarnings();
  let provider: IntegrationProvider;
  let cli: AwsCli | undefined;
  let tmp: string;

  before(() => {
    cli = findAwsCli(2) ?? findAwsCli(1);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
  });
  /** The endpoint half of a case needs a real AWS CLI: skipped with one line without one, failed under CI. */
  const needCli = (ctx: Mocha.Context): AwsCli => cli ?? skipUnlessCI(ctx, "no AWS CLI found (apt-get install awscli, or pip install awscli)");
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  beforeEach(async () => {
    aws.emulator.reset();
    resetConnectorProfileCatalog();
    provider = new IntegrationProvider();
    await provider.configure({ config: { get: () => undefined } } as never);
  });

  const putThroughCli = async (request: Api) => {
    const file = path.join(tmp, "request.json");
    fs.writeFileSync(file, JSON.stringify(request));
    return runAwsCli(cli!, aws.emulator, ["customer-profiles", "put-integration", "--cli-input-json", `file://${file}`]);
  };

  it("names a source and the placeholders it replaced in every file", () => {
    assert.ok(corpus.length >= 4, `${corpus.length} files`);
    for (const [file, c] of corpus) {
      assert.match(c.source, /https:\/\/|github\.com\//, `${file} names its source`);
      assert.equal(typeof c.placeholders, "object", `${file} records its placeholders`);
      assert.ok((c.valid?.length ?? 0) + (c.invalid?.length ?? 0) > 0, `${file} holds inputs`);
    }
  });

  for (const [file, c] of corpus) {
    describe(file, () => {
      for (const entry of c.valid ?? []) {
        it(`passes check: ${entry.name}`, async () => {
          await seedFor(aws, entry.request);
          const { failures } = await provider.check({}, asProgram(entry.request));
          assert.deepEqual(failures, [], `check refused an input of ${c.source}`);
          const expected = entry.warnings ?? [];
          assert.equal(warnings.length, expected.length, warnings.join("\n"));
          for (const at of expected) assert.ok(warnings.some((w) => w.includes(`: ${at} `)), `a warning at ${at}: ${warnings.join("\n")}`);
        });
        it(`passes the endpoint, through the AWS CLI: ${entry.name}`, async function () {
          needCli(this);
          await seedFor(aws, entry.request);
          const put = await putThroughCli(entry.request);
          assert.equal(put.status, 0, `aws customer-profiles put-integration refused it: ${put.stderr}`);
          assert.equal(put.json.DomainName, entry.request.DomainName);
          // Read back through the SDK: one CLI start (seconds of Python) per case is enough.
          const got = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: entry.request.DomainName, Uri: put.json.Uri }));
          assert.equal(got.Uri, put.json.Uri);
        });
      }
      for (const entry of c.invalid ?? []) {
        it(`fails check at ${entry.checkPath}: ${entry.name}`, async () => {
          const request = withSet(c.base!, entry.set);
          await seedFor(aws, c.base!);
          const { failures } = await provider.check({}, asProgram(request));
          const at = failures!.find((f) => f.property === entry.checkPath);
          assert.ok(at, `check fails at ${entry.checkPath}: ${JSON.stringify(failures)}`);
          assert.match(at.reason, /must match the pattern/);
          assert.ok(at.reason.includes(entry.pattern), at.reason);
        });
        it(`fails at the endpoint too, through the AWS CLI, writing nothing: ${entry.name}`, async function () {
          needCli(this);
          const request = withSet(c.base!, entry.set);
          const value = Object.values(entry.set)[0];
          await seedFor(aws, c.base!);
          aws.emulator.clearRequests();
          const put = await putThroughCli(request);
          assert.notEqual(put.status, 0);
          assert.ok(put.stderr.includes("(BadRequestException)") || put.stderr.includes("(ValidationException)"), put.stderr);
          // AWS's form: "1 validation error detected: Value '<v>' at '<path>' failed to satisfy constraint: ...",
          // without the value inside a shape the model marks sensitive (FlowDefinition is).
          const message = `at '${entry.awsPath}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${entry.pattern}`;
          assert.ok(put.stderr.includes(`1 validation error detected: `), put.stderr);
          assert.ok(put.stderr.includes(message), `AWS's message form: ${message}\ngot: ${put.stderr}`);
          if (sensitiveAt(entry.awsPath)) assert.ok(!put.stderr.includes(value), `a sensitive value is not echoed: ${put.stderr}`);
          else assert.ok(put.stderr.includes(`Value '${value}' ${message}`), put.stderr);
          const listed = await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: c.base!.DomainName }));
          assert.deepEqual(listed.Items ?? [], [], "nothing is written");
          assert.ok(!aws.emulator.requests().some((r) => r.operation === "CreateFlow"), "no flow is created");
        });
      }
    });
  }
});
