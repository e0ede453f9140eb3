import { strict as assert } from "assert";
import { DescribeConnectorProfilesCommand } from "@aws-sdk/client-appflow";
import {
  BadRequestException,
  DeleteIntegrationCommand,
  GetIntegrationCommand,
  ListIntegrationsCommand,
  ListTagsForResourceCommand,
  PutIntegrationCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-customer-profiles";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { describeVerified, expectErrorNamed, expectServiceError, s3Flow } from "../../support/emulator-harness";

/** The window a skew message states, "(<now> - N min.)", and the gap between its two dates. */
function windowOf(message: string): { minutes: number; gapMs: number } {
  const m =
    /^Signature (?:expired|not yet current): \d{8}T\d{6}Z is (?:now earlier|still later) than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) [-+] (\d+) min\.\)$/.exec(
      message,
    );
  assert.ok(m, `not AWS's skew message form: ${message}`);
  const toMs = (d: string) =>
    Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(9, 11), +d.slice(11, 13), +d.slice(13, 15));
  return { minutes: Number(m[3]), gapMs: Math.abs(toMs(m[2]) - toMs(m[1])) };
}

/**
 * The decisions the local endpoint makes about AWS's behaviour, written so that the same body
 * runs against AWS (`PCPI_VERIFY_AWS=1 npm run test:aws`) and confirms or refutes each one.
 */
describeVerified("verified: the integration lifecycle through the SDK", (t) => {
  const arnOf = (uri: string) => `arn:${t.partition}:profile:${t.region}:${t.accountId}:domains/${t.domainName}/integrations/${uri}`;

  it("PutIntegration with a Uri answers with the integration and the tags it was given", async function () {
    this.timeout(60_000);
    const before = Date.now();
    const out = await t.customerProfiles.send(
      new PutIntegrationCommand({ DomainName: t.domainName, Uri: t.uri, ObjectTypeName: "Contact", Tags: { team: "crm" } }),
    );
    assert.equal(out.DomainName, t.domainName);
    assert.equal(out.Uri, t.uri);
    assert.equal(out.ObjectTypeName, "Contact");
    assert.deepEqual(out.Tags, { team: "crm" });
    assert.ok(out.CreatedAt!.getTime() >= before - 60_000 && out.CreatedAt!.getTime() <= Date.now() + 60_000, String(out.CreatedAt));
    assert.ok(out.LastUpdatedAt!.getTime() >= out.CreatedAt!.getTime());
  });

  it("GetIntegration reads back what PutIntegration answered", async () => {
    const got = await t.customerProfiles.send(new GetIntegrationCommand({ DomainName: t.domainName, Uri: t.uri }));
    assert.equal(got.Uri, t.uri);
    assert.equal(got.ObjectTypeName, "Contact");
    assert.deepEqual(got.Tags, { team: "crm" });
  });

  it("ListIntegrations lists it", async () => {
    const listed = await t.customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName }));
    assert.deepEqual(
      (listed.Items ?? []).map((i) => i.Uri),
      [t.uri],
    );
  });

  it("TagResource and UntagResource by the integration's ARN change only the keys they name", async () => {
    const resourceArn = arnOf(t.uri);
    await t.customerProfiles.send(new TagResourceCommand({ resourceArn, tags: { env: "test", team: "data" } }));
    assert.deepEqual((await t.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn }))).tags, { env: "test", team: "data" });
    await t.customerProfiles.send(new UntagResourceCommand({ resourceArn, tagKeys: ["team", "never-set"] }));
    assert.deepEqual((await t.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn }))).tags, { env: "test" });
  });

  it("DeleteIntegration removes it; GetIntegration is then 404 ResourceNotFoundException", async () => {
    const out = await t.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: t.domainName, Uri: t.uri }));
    assert.ok(out.Message);
    await expectServiceError(
      t.customerProfiles.send(new GetIntegrationCommand({ DomainName: t.domainName, Uri: t.uri })),
      ResourceNotFoundException,
      404,
    );
  });

  it("the request log saw exactly these calls (local-only)", async function () {
    t.localOnly(this);
    const ops = t
      .emulator!.requests()
      .map((r) => r.operation)
      .filter((o) => /Integration|[Tt]ag/.test(o));
    assert.deepEqual(ops, [
      "PutIntegration",
      "GetIntegration",
      "ListIntegrations",
      "TagResource",
      "ListTagsForResource",
      "UntagResource",
      "ListTagsForResource",
      "DeleteIntegration",
      "GetIntegration",
    ]);
  });
});

describeVerified("verified: validation messages in AWS's form", (t) => {
  it("a pattern violation echoes the value: Value 'x' at 'objectTypeName'", async () => {
    const err = await expectServiceError(
      t.customerProfiles.send(new PutIntegrationCommand({ DomainName: t.domainName, Uri: t.uri, ObjectTypeName: "no spaces" })),
      BadRequestException,
      400,
    );
    assert.match(
      err.message,
      /^1 validation error detected: Value 'no spaces' at 'objectTypeName' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
  });

  it("a list is echoed as [a, b]", async () => {
    await expectServiceError(
      t.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: t.domainName,
          Uri: t.uri,
          ObjectTypeName: "Contact",
          EventTriggerNames: ["first", "second"],
        }),
      ),
      BadRequestException,
      400,
      /^1 validation error detected: Value '\[first, second\]' at 'eventTriggerNames' failed to satisfy constraint: Member must have length less than or equal to 1$/,
    );
  });

  it("a map is echoed as {k=v, ...}", async () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    await expectServiceError(
      t.customerProfiles.send(new PutIntegrationCommand({ DomainName: t.domainName, Uri: t.uri, ObjectTypeName: "Contact", Tags: tags })),
      BadRequestException,
      400,
      /^1 validation error detected: Value '\{k\d+=v(, k\d+=v){50}\}' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/,
    );
  });

  it("a member of the sensitive FlowDefinition is 'Value at', with no value", async () => {
    const flow = s3Flow(t.unique("flow"));
    flow.KmsArn = "not-a-kms-key-arn-but-long-enough";
    const err = await expectServiceError(
      t.customerProfiles.send(new PutIntegrationCommand({ DomainName: t.domainName, ObjectTypeName: "Contact", FlowDefinition: flow })),
      BadRequestException,
      400,
      /^1 validation error detected: Value at 'flowDefinition\.kmsArn' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
    assert.ok(!err.message.includes("not-a-kms-key-arn"));
  });

  it("a refused request writes nothing", async () => {
    const listed = await t.customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName }));
    assert.deepEqual(listed.Items ?? [], []);
  });
});

describeVerified("verified: the front door (clock skew, region)", (t) => {
  it("Customer Profiles and AppFlow refuse a signature 6 minutes old, stating a 5-minute window", async () => {
    const { customerProfiles, appflow } = t.clients({ systemClockOffset: -6 * 60 * 1000 });
    const cp = await expectErrorNamed(
      customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName })),
      "InvalidSignatureException",
      403,
      /^Signature expired: /,
    );
    assert.deepEqual(windowOf(cp.message), { minutes: 5, gapMs: 5 * 60 * 1000 });
    const af = await expectErrorNamed(
      appflow.send(new DescribeConnectorProfilesCommand({})),
      "InvalidSignatureException",
      403,
      /^Signature expired: /,
    );
    assert.deepEqual(windowOf(af.message), { minutes: 5, gapMs: 5 * 60 * 1000 });
  });

  it("Customer Profiles and AppFlow accept a signature 4 minutes old", async () => {
    const { customerProfiles, appflow } = t.clients({ systemClockOffset: -4 * 60 * 1000 });
    await customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName }));
    await appflow.send(new DescribeConnectorProfilesCommand({}));
  });

  it("STS accepts a signature 10 minutes old and refuses one 16 minutes old, stating a 15-minute window", async () => {
    const ten = t.clients({ systemClockOffset: -10 * 60 * 1000 });
    assert.equal((await ten.sts.send(new GetCallerIdentityCommand({}))).Account, t.accountId);
    const sixteen = t.clients({ systemClockOffset: -16 * 60 * 1000 });
    const err = await expectErrorNamed(
      sixteen.sts.send(new GetCallerIdentityCommand({})),
      "SignatureDoesNotMatch",
      403,
      /^Signature expired: /,
    );
    assert.deepEqual(windowOf(err.message), { minutes: 15, gapMs: 15 * 60 * 1000 });
  });

  it("a request signed for another region names that region", async function () {
    // Against AWS the request must still reach this region's endpoint, which is only spelled
    // out here for the aws partition.
    if (t.kind === "aws" && t.partition !== "aws") this.skip();
    const other = t.region === "eu-west-1" ? "us-west-2" : "eu-west-1";
    const cp = t.clients({ region: other, endpoint: t.endpointOf("profile") });
    if (t.kind !== "aws") {
      // One local endpoint serves every region, each with its own state (as moto does): the
      // request reaches the other region, where this domain does not exist.
      await expectErrorNamed(
        cp.customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName })),
        "ResourceNotFoundException",
        404,
        /does not exist/,
      );
      return;
    }
    await expectErrorNamed(
      cp.customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName })),
      "InvalidSignatureException",
      403,
      new RegExp(`^Credential should be scoped to a valid region, not '${other}'\\. ?$`),
    );
  });
});
