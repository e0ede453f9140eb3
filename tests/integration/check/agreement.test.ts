import { strict as assert } from "assert";
import { CreateDomainCommand, PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { IntegrationProvider } from "../../../provider";
import { resetConnectorProfileCatalog } from "../../../provider/testing";
import { useEmulator } from "../../support/aws-env";
import { asProgram, corpus, seedFor, withSet, type Api } from "../../support/corpus";
import { captureWarnings } from "../../unit/validation/stubs";

/**
 * Check and the local endpoint are two readings of the same evidence: where they disagree on an
 * input, one of them is wrong. Every corpus input (tests/corpus/) and the inputs below, each the
 * subject of one endpoint decision, go through both; check fails exactly the inputs the endpoint
 * refuses.
 */
const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const s3Definition = (
  name: string,
  tasks: Api[] = [{ TaskType: "Filter", SourceFields: ["email"], ConnectorOperator: { S3: "PROJECTION" } }],
) => ({
  FlowName: name,
  KmsArn: KMS,
  SourceFlowConfig: { ConnectorType: "S3", SourceConnectorProperties: { S3: { BucketName: "agreement-bucket", BucketPrefix: "in" } } },
  Tasks: tasks,
  TriggerConfig: { TriggerType: "OnDemand" },
});
const salesforceDefinition = (name: string, profile: string, tasks: Api[]) => ({
  FlowName: name,
  KmsArn: KMS,
  SourceFlowConfig: {
    ConnectorType: "Salesforce",
    ConnectorProfileName: profile,
    SourceConnectorProperties: { Salesforce: { Object: "Contact" } },
  },
  Tasks: tasks,
  TriggerConfig: { TriggerType: "OnDemand" },
});
const projection = { TaskType: "Filter", SourceFields: ["Id"], ConnectorOperator: { Salesforce: "PROJECTION" } };

interface Case {
  name: string;
  request: Api;
  /** Seed only the domain, so the object types it names do not exist. */
  domainOnly?: boolean;
  refused: boolean;
}

/** One input per endpoint decision beyond the model: its refusals and what it accepts and notes. */
const decisions: Case[] = [
  {
    name: "an object type the domain does not have (accepted and noted)",
    domainOnly: true,
    refused: false,
    request: {
      DomainName: "agree",
      Uri: "arn:aws:app-integrations:us-east-1:123456789012:event-integration/E",
      ObjectTypeName: "NeverCreated",
    },
  },
  {
    name: "a Uri beside a FlowDefinition that is not the flow's ARN (accepted and noted)",
    refused: false,
    request: {
      DomainName: "agree",
      Uri: "arn:aws:s3:::somewhere",
      ObjectTypeName: "Contact",
      FlowDefinition: s3Definition("uri-mismatch"),
    },
  },
  {
    name: "both ObjectTypeName and ObjectTypeNames (accepted)",
    refused: false,
    request: {
      DomainName: "agree",
      Uri: "arn:aws:app-integrations:us-east-1:123456789012:event-integration/E",
      ObjectTypeName: "Contact",
      ObjectTypeNames: { SegmentIdentify: "Contact" },
    },
  },
  {
    name: "an event type the API reference does not list (accepted)",
    refused: false,
    request: {
      DomainName: "agree",
      Uri: "arn:aws:app-integrations:us-east-1:123456789012:event-integration/E",
      ObjectTypeNames: { TestEventType: "Contact" },
    },
  },
  {
    name: "an S3 flow without a projection task (accepted and noted)",
    refused: false,
    request: {
      DomainName: "agree",
      ObjectTypeName: "Contact",
      FlowDefinition: s3Definition("s3-no-projection", [
        { TaskType: "Map", SourceFields: ["email"], DestinationField: "email", ConnectorOperator: { S3: "NO_OP" } },
      ]),
    },
  },
  { name: "neither Uri nor FlowDefinition (refused)", refused: true, request: { DomainName: "agree", ObjectTypeName: "Contact" } },
  {
    name: "a Salesforce flow without a projection task (refused)",
    refused: true,
    request: {
      DomainName: "agree",
      ObjectTypeName: "Contact",
      FlowDefinition: salesforceDefinition("sf-map-only", "salesforce-prod", [
        { TaskType: "Map", SourceFields: ["Id"], DestinationField: "Id", ConnectorOperator: { Salesforce: "NO_OP" } },
      ]),
    },
  },
  {
    name: "a Filter task with NO_OP (refused)",
    refused: true,
    request: {
      DomainName: "agree",
      ObjectTypeName: "Contact",
      FlowDefinition: salesforceDefinition("sf-noop", "salesforce-prod", [
        { TaskType: "Filter", SourceFields: ["Id"], ConnectorOperator: { Salesforce: "NO_OP" } },
      ]),
    },
  },
  {
    name: "a connector profile that does not exist (refused)",
    refused: true,
    request: {
      DomainName: "agree",
      ObjectTypeName: "Contact",
      FlowDefinition: salesforceDefinition("sf-missing", "missing-profile", [projection]),
    },
  },
];

function corpusCases(): Case[] {
  return corpus.flatMap(([file, c]) => [
    ...(c.valid ?? []).map((e) => ({ name: `${file}: ${e.name}`, request: e.request, refused: false })),
    ...(c.invalid ?? []).map((e) => ({ name: `${file}: ${e.name}`, request: withSet(c.base!, e.set), refused: true })),
    ...(c.refused ?? []).map((e) => ({ name: `${file}: ${e.name}`, request: e.request, refused: true })),
  ]);
}

describe("check and the local endpoint agree on every input", function () {
  this.timeout(120_000);
  const aws = useEmulator();
  captureWarnings();
  let provider: IntegrationProvider;

  beforeEach(async () => {
    aws.emulator.reset();
    resetConnectorProfileCatalog();
    provider = new IntegrationProvider();
    await provider.configure({ config: { get: () => undefined } } as never);
  });

  const cases = [...corpusCases(), ...decisions];
  it("covers the corpus and every endpoint decision", () => {
    assert.ok(cases.length >= decisions.length + 10, `${cases.length} inputs`);
    assert.ok(cases.some((c) => c.refused) && cases.some((c) => !c.refused));
  });

  for (const c of cases) {
    it(`${c.refused ? "both refuse" : "both accept"}: ${c.name}`, async () => {
      if (c.domainOnly)
        await aws.customerProfiles.send(new CreateDomainCommand({ DomainName: c.request.DomainName, DefaultExpirationDays: 30 }));
      else await seedFor(aws, { ...c.request, FlowDefinition: c.request.FlowDefinition && withProfile(c.request.FlowDefinition) });
      const { failures } = await provider.check({}, asProgram(c.request));
      aws.emulator.clearRequests();
      const answer = await aws.customerProfiles.send(new PutIntegrationCommand(c.request as never)).then(
        () => "accepted",
        (e: Error) => `${e.name}: ${e.message}`,
      );
      const put = aws.emulator.requests().find((r) => r.operation === "PutIntegration");
      const checkSays = failures!.length > 0 ? `refused: ${JSON.stringify(failures)}` : "accepted";
      assert.equal(failures!.length > 0, c.refused, `check ${checkSays}; the endpoint ${answer}`);
      assert.equal(answer !== "accepted", c.refused, `the endpoint ${answer}; check ${checkSays}; notes: ${put?.notes?.join("; ")}`);
    });
  }
});

/** The connector profile a case means to exist; "missing-profile" is the one meant not to. */
function withProfile(definition: Api): Api {
  const source = definition.SourceFlowConfig;
  return source?.ConnectorProfileName === "missing-profile"
    ? { ...definition, SourceFlowConfig: { ...source, ConnectorProfileName: undefined } }
    : definition;
}
