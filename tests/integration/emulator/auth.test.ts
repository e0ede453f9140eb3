import { strict as assert } from "assert";
import { DescribeConnectorProfilesCommand } from "@aws-sdk/client-appflow";
import {
  GetDomainCommand,
  GetIntegrationCommand,
  ListDomainsCommand,
  ListIntegrationsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-customer-profiles";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  createDomainWithObjectTypes,
  expectErrorNamed,
  expectServiceError,
  rawRequest,
  signedRequest,
  useTestEmulator,
} from "../../support/emulator-harness";

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const PUT_BODY = JSON.stringify({ Uri: "arn:aws:s3:::exports/contacts", ObjectTypeName: "Contact" });

/** Only requests SigV4-signed with the configured key pair reach an operation. */
describe("emulator: SigV4 authentication", () => {
  const aws = useTestEmulator();

  beforeEach(() => createDomainWithObjectTypes(aws.customerProfiles, "retail"));

  async function integrationCount(): Promise<number> {
    return (await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }))).Items!.length;
  }

  const putIntegration = {
    method: "PUT",
    path: "/domains/retail/integrations",
    headers: { "content-type": "application/json" },
    body: PUT_BODY,
  };

  it("a correctly signed raw request is accepted (the control for the cases below)", async () => {
    const res = await signedRequest(aws.emulator, putIntegration, { service: "profile" });
    assert.equal(res.status, 200, res.body);
    assert.equal(await integrationCount(), 1);
  });

  it("an unsigned request is 403 MissingAuthenticationTokenException", async () => {
    const res = await rawRequest(aws.emulator.url, putIntegration);
    assert.equal(res.status, 403);
    assert.equal(res.headers["x-amzn-errortype"], "MissingAuthenticationTokenException");
    assert.equal(JSON.parse(res.body).message, "Missing Authentication Token");
    assert.equal(await integrationCount(), 0);
  });

  it("an unknown access key is 403 UnrecognizedClientException", async () => {
    const { customerProfiles } = aws.clients({
      credentials: { accessKeyId: "AKIAUNKNOWN", secretAccessKey: aws.emulator.credentials.secretAccessKey },
    });
    await expectErrorNamed(
      customerProfiles.send(new ListDomainsCommand({})),
      "UnrecognizedClientException",
      403,
      /^The security token included in the request is invalid\.$/,
    );
  });

  it("the wrong secret is 403 InvalidSignatureException, for AppFlow as for Customer Profiles", async () => {
    const { customerProfiles, appflow } = aws.clients({
      credentials: { accessKeyId: aws.emulator.credentials.accessKeyId, secretAccessKey: "wrong" },
    });
    const err = await expectErrorNamed(
      customerProfiles.send(new GetDomainCommand({ DomainName: "retail" })),
      "InvalidSignatureException",
      403,
    );
    assert.equal(err.message, SIGNATURE_MISMATCH);
    await expectErrorNamed(appflow.send(new DescribeConnectorProfilesCommand({})), "InvalidSignatureException", 403);
  });

  /** The window a skew message states: the "(<now> - N min.)" tail and the gap between its two dates. */
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

  describe("clock skew: the window depends on the service", () => {
    it("Customer Profiles refuses a signature 6 minutes old with its 5-minute message", async () => {
      const { customerProfiles } = aws.clients({ systemClockOffset: -6 * 60 * 1000 });
      const err = await expectErrorNamed(
        customerProfiles.send(new ListDomainsCommand({})),
        "InvalidSignatureException",
        403,
        /^Signature expired: /,
      );
      assert.deepEqual(windowOf(err.message), { minutes: 5, gapMs: 5 * 60 * 1000 });
    });

    it("AppFlow refuses a signature 6 minutes old with its 5-minute message", async () => {
      const { appflow } = aws.clients({ systemClockOffset: -6 * 60 * 1000 });
      const err = await expectErrorNamed(
        appflow.send(new DescribeConnectorProfilesCommand({})),
        "InvalidSignatureException",
        403,
        /^Signature expired: /,
      );
      assert.deepEqual(windowOf(err.message), { minutes: 5, gapMs: 5 * 60 * 1000 });
    });

    it("Customer Profiles and AppFlow accept a signature 4 minutes old or 4 minutes ahead", async () => {
      for (const offset of [-4, 4]) {
        const { customerProfiles, appflow } = aws.clients({ systemClockOffset: offset * 60 * 1000 });
        await customerProfiles.send(new ListDomainsCommand({}));
        await appflow.send(new DescribeConnectorProfilesCommand({}));
      }
    });

    it("a signature dated 6 minutes ahead is 403 Signature not yet current (+ 5 min.)", async () => {
      const res = await signedRequest(
        aws.emulator,
        { method: "GET", path: "/domains" },
        { service: "profile", signingDate: new Date(Date.now() + 6 * 60 * 1000) },
      );
      assert.equal(res.status, 403);
      assert.equal(res.headers["x-amzn-errortype"], "InvalidSignatureException");
      const message = JSON.parse(res.body).message;
      assert.match(message, /^Signature not yet current: /);
      assert.deepEqual(windowOf(message), { minutes: 5, gapMs: 5 * 60 * 1000 });
    });

    it("STS accepts a signature 10 minutes old or ahead, which Customer Profiles refuses", async () => {
      for (const offset of [-10, 10]) {
        const { sts, customerProfiles } = aws.clients({ systemClockOffset: offset * 60 * 1000 });
        assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, "123456789012");
        await expectErrorNamed(customerProfiles.send(new ListDomainsCommand({})), "InvalidSignatureException", 403);
      }
    });

    it("STS refuses a signature 16 minutes old as SignatureDoesNotMatch (- 15 min.)", async () => {
      const { sts } = aws.clients({ systemClockOffset: -16 * 60 * 1000 });
      const err = await expectErrorNamed(sts.send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", 403, /^Signature expired: /);
      assert.deepEqual(windowOf(err.message), { minutes: 15, gapMs: 15 * 60 * 1000 });
    });

    it("STS refuses a signature 16 minutes ahead as Signature not yet current (+ 15 min.)", async () => {
      const { sts } = aws.clients({ systemClockOffset: 16 * 60 * 1000 });
      const err = await expectErrorNamed(
        sts.send(new GetCallerIdentityCommand({})),
        "SignatureDoesNotMatch",
        403,
        /^Signature not yet current: /,
      );
      assert.deepEqual(windowOf(err.message), { minutes: 15, gapMs: 15 * 60 * 1000 });
    });
  });

  it("a wrongly signed PutIntegration creates nothing", async () => {
    const res = await signedRequest(aws.emulator, putIntegration, {
      service: "profile",
      credentials: { ...aws.emulator.credentials, secretAccessKey: "not-the-secret" },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers["x-amzn-errortype"], "InvalidSignatureException");
    assert.equal(await integrationCount(), 0);
    await expectServiceError(
      aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: "arn:aws:s3:::exports/contacts" })),
      ResourceNotFoundException,
      404,
    );
  });

  it("a body changed after signing is refused, even with the signed headers intact", async () => {
    const res = await signedRequest(aws.emulator, putIntegration, { service: "profile" }, (signed) => {
      signed.body = PUT_BODY.replace("contacts", "contactz");
    });
    assert.equal(res.status, 403);
    assert.equal(JSON.parse(res.body).message, SIGNATURE_MISMATCH);
    assert.equal(await integrationCount(), 0);
  });

  it("a path or query changed after signing is refused", async () => {
    const path = await signedRequest(aws.emulator, { method: "GET", path: "/domains/retail" }, { service: "profile" }, (s) => {
      s.path = "/domains/other";
    });
    assert.equal(path.status, 403);
    const query = await signedRequest(aws.emulator, { method: "GET", path: "/domains?max-results=5" }, { service: "profile" }, (s) => {
      s.path = "/domains?max-results=6";
    });
    assert.equal(query.status, 403);
  });

  it("a signature scoped to no valid region or to another service is refused", async () => {
    const region = await signedRequest(aws.emulator, { method: "GET", path: "/domains" }, { service: "profile", region: "moon-base" });
    assert.equal(region.status, 403);
    assert.equal(JSON.parse(region.body).message, "Credential should be scoped to a valid region, not 'moon-base'. ");
    const service = await signedRequest(aws.emulator, { method: "GET", path: "/domains" }, { service: "profile" }, (s) => {
      s.headers.authorization = s.headers.authorization.replace("/profile/aws4_request", "/appflow/aws4_request");
    });
    assert.equal(service.status, 403, "re-scoping the signature to AppFlow invalidates it");
  });

  it("a client set to a region that is none of AWS's is told which region it signed for, in each service's form", async () => {
    const other = aws.clients({ region: "moon-base" });
    await expectErrorNamed(
      other.customerProfiles.send(new ListDomainsCommand({})),
      "InvalidSignatureException",
      403,
      /^Credential should be scoped to a valid region, not 'moon-base'\. $/,
    );
    await expectErrorNamed(
      other.appflow.send(new DescribeConnectorProfilesCommand({})),
      "InvalidSignatureException",
      403,
      /, not 'moon-base'\. $/,
    );
    await expectErrorNamed(
      other.sts.send(new GetCallerIdentityCommand({})),
      "SignatureDoesNotMatch",
      403,
      /^Credential should be scoped to a valid region, not 'moon-base'\.$/,
    );
  });

  it("a malformed Authorization header is 403 IncompleteSignatureException", async () => {
    const res = await rawRequest(aws.emulator.url, {
      method: "GET",
      path: "/domains",
      headers: { authorization: "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/profile/aws4_request" },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers["x-amzn-errortype"], "IncompleteSignatureException");
    assert.match(
      JSON.parse(res.body).message,
      /requires 'SignedHeaders' parameter\. Authorization header requires 'Signature' parameter\./,
    );
  });

  describe("STS answers authentication failures in its own XML form", () => {
    it("unknown key → InvalidClientTokenId, wrong secret → SignatureDoesNotMatch", async () => {
      const unknown = aws.clients({ credentials: { accessKeyId: "AKIAUNKNOWN", secretAccessKey: "x" } });
      await expectErrorNamed(
        unknown.sts.send(new GetCallerIdentityCommand({})),
        "InvalidClientTokenId",
        403,
        /security token included in the request is invalid/,
      );
      const wrong = aws.clients({ credentials: { accessKeyId: aws.emulator.credentials.accessKeyId, secretAccessKey: "x" } });
      await expectErrorNamed(
        wrong.sts.send(new GetCallerIdentityCommand({})),
        "SignatureDoesNotMatch",
        403,
        /does not match the signature you provided/,
      );
    });

    it("the right key pair gets the configured account", async () => {
      const who = await aws.sts.send(new GetCallerIdentityCommand({}));
      assert.equal(who.Account, "123456789012");
      assert.equal(who.Arn, "arn:aws:iam::123456789012:user/emulator");
    });
  });

  it("refused requests are logged with their status and error", async () => {
    aws.emulator.clearRequests();
    await rawRequest(aws.emulator.url, putIntegration);
    const [record] = aws.emulator.requests();
    assert.deepEqual(
      { service: record.service, operation: record.operation, status: record.status, errorType: record.errorType, input: record.input },
      {
        service: "customer-profiles",
        operation: "PutIntegration",
        status: 403,
        errorType: "MissingAuthenticationTokenException",
        input: undefined,
      },
    );
  });
});

describe("emulator: custom key pair and account", () => {
  const aws = useTestEmulator({ accessKeyId: "AKIAEMULATOR", secretAccessKey: "s3cr3t", accountId: "210987654321", region: "eu-west-2" });

  it("accepts only its own key pair and reports its own account and region", async () => {
    const who = await aws.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, "210987654321");
    assert.equal(aws.emulator.env.AWS_REGION, "eu-west-2");
    assert.equal(aws.emulator.env.AWS_ACCESS_KEY_ID, "AKIAEMULATOR");
    const other = aws.clients({ credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    await expectErrorNamed(other.customerProfiles.send(new ListDomainsCommand({})), "UnrecognizedClientException", 403);
  });
});
