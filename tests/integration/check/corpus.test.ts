import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GetIntegrationCommand, ListIntegrationsCommand } from "@aws-sdk/client-customer-profiles";
import { IntegrationProvider } from "../../../provider";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import { resetConnectorProfileCatalog } from "../../../provider/testing";
import { useEmulator } from "../../support/aws-env";
import { asProgram, corpus, PUT, seedFor, withSet, type Api } from "../../support/corpus";
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

/** Whether the request member a path starts in is a shape the model marks sensitive. */
function sensitiveAt(awsPath: string): boolean {
  const first = awsPath.split(".")[0];
  const request = customerProfilesModel.shapes[PUT];
  if (request.type !== "structure") return false;
  const member = Object.keys(request.members).find((m) => m.toLowerCase() === first.toLowerCase());
  return !!(member && customerProfilesModel.shapes[request.members[member].shape].sensitive);
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
  const needCli = (ctx: Mocha.Context): AwsCli =>
    cli ?? skipUnlessCI(ctx, "no AWS CLI found (apt-get install awscli, or pip install awscli)");
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
      assert.ok((c.valid?.length ?? 0) + (c.invalid?.length ?? 0) + (c.refused?.length ?? 0) > 0, `${file} holds inputs`);
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
          for (const at of expected)
            assert.ok(
              warnings.some((w) => w.includes(`: ${at} `)),
              `a warning at ${at}: ${warnings.join("\n")}`,
            );
        });
        it(`passes the endpoint, through the AWS CLI: ${entry.name}`, async function () {
          needCli(this);
          await seedFor(aws, entry.request);
          const put = await putThroughCli(entry.request);
          assert.equal(put.status, 0, `aws customer-profiles put-integration refused it: ${put.stderr}`);
          assert.equal(put.json.DomainName, entry.request.DomainName);
          // Read back through the SDK: one CLI start (seconds of Python) per case is enough.
          const got = await aws.customerProfiles.send(
            new GetIntegrationCommand({ DomainName: entry.request.DomainName, Uri: put.json.Uri }),
          );
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
      for (const entry of c.refused ?? []) {
        it(`fails at ${entry.checkPath}, and the endpoint refuses it in AWS's words, writing nothing: ${entry.name}`, async function () {
          await seedFor(aws, entry.request);
          const { failures } = await provider.check({}, asProgram(entry.request));
          assert.ok(
            failures!.some((f) => f.property === entry.checkPath),
            `check fails at ${entry.checkPath}: ${JSON.stringify(failures)}`,
          );
          const awsCli = needCli(this);
          const put = await putThroughCli(entry.request);
          assert.notEqual(put.status, 0);
          assert.ok(put.stderr.includes(`(${entry.awsError})`), put.stderr);
          assert.ok(put.stderr.includes(entry.awsMessage), `AWS's message: ${entry.awsMessage}\ngot: ${put.stderr}`);
          const listed = await runAwsCli(awsCli, aws.emulator, [
            "customer-profiles",
            "list-integrations",
            "--domain-name",
            entry.request.DomainName,
          ]);
          assert.deepEqual(listed.json.Items, [], "nothing is written");
        });
      }
    });
  }
});
