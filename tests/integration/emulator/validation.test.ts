import { strict as assert } from "assert";
import { CreateConnectorProfileCommand, DescribeConnectorProfilesCommand, ValidationException } from "@aws-sdk/client-appflow";
import {
  BadRequestException,
  CreateDomainCommand,
  ListIntegrationsCommand,
  PutIntegrationCommand,
  TagResourceCommand,
} from "@aws-sdk/client-customer-profiles";
import {
  createDomainWithObjectTypes,
  expectServiceError,
  integrationArn,
  salesforceFlow,
  useTestEmulator,
} from "../../support/emulator-harness";

/** Every request is checked against the official model before any operation runs. */
describe("emulator: validation from the model", () => {
  const aws = useTestEmulator();

  beforeEach(() => createDomainWithObjectTypes(aws.customerProfiles, "retail"));

  it("a Customer Profiles violation is a BadRequestException naming the member path as AWS spells it", async () => {
    const flow = salesforceFlow("sf");
    flow.Tasks![1].TaskType = "Explode" as never;
    const err = await expectServiceError(
      aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: flow })),
      BadRequestException,
      400,
    );
    assert.match(err.message, /^1 validation error detected: /);
    assert.match(
      err.message,
      /at 'flowDefinition\.tasks\.2\.member\.taskType' failed to satisfy constraint: Member must satisfy enum value set: \[/,
    );
  });

  it("a member inside a sensitive shape is reported as 'Value at', with no value", async () => {
    const flow = salesforceFlow("sf");
    flow.KmsArn = "not-a-kms-key-arn-but-long-enough";
    const err = await expectServiceError(
      aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: flow })),
      BadRequestException,
      400,
      /^1 validation error detected: Value at 'flowDefinition\.kmsArn' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
    assert.ok(!err.message.includes("not-a-kms-key-arn"), err.message);
  });

  it("a list is echoed as Java writes it, [a, b]", async () => {
    await expectServiceError(
      aws.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: "retail",
          Uri: "u",
          ObjectTypeName: "Contact",
          EventTriggerNames: ["first-trigger", "second-trigger"],
        }),
      ),
      BadRequestException,
      400,
      /^1 validation error detected: Value '\[first-trigger, second-trigger\]' at 'eventTriggerNames' failed to satisfy constraint: Member must have length less than or equal to 1$/,
    );
  });

  it("a map is echoed as Java writes it, {k=v, k2=v2}", async () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, `v${i}`]));
    const err = await expectServiceError(
      aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: "u", ObjectTypeName: "Contact", Tags: tags })),
      BadRequestException,
      400,
      /^1 validation error detected: Value '\{k0=v0, k1=v1, k2=v2, .*, k50=v50\}' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/,
    );
    assert.equal(err.message.match(/=/g)!.length, 51, "every entry echoed once");
  });

  it("a long value is echoed whole, as AWS does, up to 2,048 characters", async () => {
    const uri = `arn:aws:s3:::${"b".repeat(300)}`;
    const err = await expectServiceError(
      aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Contact" })),
      BadRequestException,
      400,
      /failed to satisfy constraint: Member must have length less than or equal to 255$/,
    );
    assert.ok(err.message.includes(`Value '${uri}' at 'uri'`), err.message);
  });

  it("a value longer than 2,048 characters is cut, and the message says how much was left out", async () => {
    const uri = "u".repeat(5000);
    const err = await expectServiceError(
      aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Contact" })),
      BadRequestException,
      400,
    );
    assert.equal(
      err.message,
      `1 validation error detected: Value '${"u".repeat(2048)}… (2952 more characters)' at 'uri' failed to satisfy constraint: Member must have length less than or equal to 255`,
    );
  });

  it("reports several violations at once, and a URI label by its member name", async () => {
    const err = await expectServiceError(
      aws.customerProfiles.send(new CreateDomainCommand({ DomainName: "no spaces allowed", DefaultExpirationDays: 5000 })),
      BadRequestException,
      400,
    );
    assert.match(err.message, /^2 validation errors detected: /);
    assert.match(
      err.message,
      /Value 'no spaces allowed' at 'domainName' failed to satisfy constraint: Member must satisfy regular expression pattern: \^\[a-zA-Z0-9_-\]\+\$/,
    );
    assert.match(
      err.message,
      /Value '5000' at 'defaultExpirationDays' failed to satisfy constraint: Member must have value less than or equal to 1098/,
    );
  });

  it("checks query-string members too, typed as the model says", async () => {
    await expectServiceError(
      aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail", MaxResults: 0 })),
      BadRequestException,
      400,
      /Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1/,
    );
  });

  it("tag keys in the aws: namespace break the TagKey pattern, at the map key", async () => {
    await aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: "u", ObjectTypeName: "Contact" }));
    await expectServiceError(
      aws.customerProfiles.send(
        new TagResourceCommand({ resourceArn: integrationArn(aws.emulator, "retail", "u"), tags: { "aws:owner": "x" } }),
      ),
      BadRequestException,
      400,
      /Value 'aws:owner' at 'tags\.aws:owner\.key' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
  });

  it("an AppFlow violation is a ValidationException with the member path", async () => {
    await expectServiceError(
      aws.appflow.send(new DescribeConnectorProfilesCommand({ maxResults: 500 })),
      ValidationException,
      400,
      /Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100/,
    );
    await expectServiceError(
      aws.appflow.send(
        new CreateConnectorProfileCommand({ connectorProfileName: "p", connectorType: "Salesforce", connectionMode: "Public" } as never),
      ),
      ValidationException,
      400,
      /Value null at 'connectorProfileConfig' failed to satisfy constraint: Member must not be null/,
    );
  });

  it("a request that fails validation changes nothing", async () => {
    await expectServiceError(
      aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", Uri: "u", ObjectTypeName: "Contact", Tags: { "aws:x": "y" } }),
      ),
      BadRequestException,
      400,
    );
    const listed = await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }));
    assert.deepEqual(listed.Items, []);
    const logged = aws.emulator.requests().at(-2)!;
    assert.equal(logged.operation, "PutIntegration");
    assert.equal(logged.status, 400);
    assert.equal(logged.errorType, "BadRequestException");
  });
});
