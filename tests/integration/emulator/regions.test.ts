import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DescribeFlowCommand, ListFlowsCommand } from "@aws-sdk/client-appflow";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  GetIntegrationCommand,
  ListDomainsCommand,
  PutIntegrationCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-customer-profiles";
import { startEmulator } from "../../../emulator";
import {
  clientsFor,
  createConnectorProfile,
  createDomainWithObjectTypes,
  expectServiceError,
  salesforceFlow,
  useTestEmulator,
} from "../../support/emulator-harness";

/**
 * One endpoint, many regions: state per region, as moto keeps a backend per region. A client
 * signs for its region, and the endpoint serves that region's domains, flows and connector
 * profiles, so a multi-region stack runs against one local endpoint.
 */
describe("emulator: one endpoint, state per region", () => {
  const aws = useTestEmulator();
  const eu = () => aws.clients({ region: "eu-west-1" });

  it("keeps each region's domains apart; the same name may exist in both", async () => {
    await createDomainWithObjectTypes(aws.customerProfiles, "retail");
    assert.deepEqual((await eu().customerProfiles.send(new ListDomainsCommand({}))).Items, []);
    await createDomainWithObjectTypes(eu().customerProfiles, "retail");
    await createDomainWithObjectTypes(eu().customerProfiles, "eu-only");
    assert.deepEqual(
      (await eu().customerProfiles.send(new ListDomainsCommand({}))).Items?.map((d) => d.DomainName),
      ["eu-only", "retail"],
    );
    assert.deepEqual(
      (await aws.customerProfiles.send(new ListDomainsCommand({}))).Items?.map((d) => d.DomainName),
      ["retail"],
    );
  });

  it("a flow name is unique per region: the same flow in two regions, each with its region's ARN", async () => {
    for (const c of [aws, eu()]) {
      await createDomainWithObjectTypes(c.customerProfiles, "retail");
      await createConnectorProfile(c.appflow, "salesforce-prod");
    }
    const us = await aws.customerProfiles.send(
      new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
    );
    const there = await eu().customerProfiles.send(
      new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
    );
    assert.equal(us.Uri, "arn:aws:appflow:us-east-1:123456789012:flow/sf");
    assert.equal(there.Uri, "arn:aws:appflow:eu-west-1:123456789012:flow/sf");
    assert.equal((await eu().appflow.send(new DescribeFlowCommand({ flowName: "sf" }))).flowArn, there.Uri);
    await expectServiceError(
      aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: there.Uri })),
      ResourceNotFoundException,
      404,
    );
  });

  it("a connector profile exists only in its region", async () => {
    await createConnectorProfile(aws.appflow, "salesforce-prod");
    await createDomainWithObjectTypes(eu().customerProfiles, "retail");
    const err = await eu()
      .customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
      )
      .catch((e: Error) => e);
    assert.match((err as Error).message, /^Connector Profile with name salesforce-prod does not exist\.$/);
    assert.deepEqual((await eu().appflow.send(new ListFlowsCommand({}))).flows, []);
  });

  it("STS answers the same account in every region; reset empties every region", async () => {
    assert.equal((await eu().sts.send(new GetCallerIdentityCommand({}))).Account, "123456789012");
    await createDomainWithObjectTypes(eu().customerProfiles, "retail");
    aws.emulator.reset();
    assert.deepEqual((await eu().customerProfiles.send(new ListDomainsCommand({}))).Items, []);
  });
});

describe("emulator: every region's state survives a restart", () => {
  it("is saved in the state file and loaded back", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regions-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await startEmulator({ stateFile });
      const c1 = clientsFor(first, { region: "ap-southeast-2" });
      await createDomainWithObjectTypes(c1.customerProfiles, "sydney");
      c1.customerProfiles.destroy();
      await first.close();
      const second = await startEmulator({ stateFile });
      const c2 = clientsFor(second, { region: "ap-southeast-2" });
      const home = clientsFor(second);
      assert.deepEqual(
        (await c2.customerProfiles.send(new ListDomainsCommand({}))).Items?.map((d) => d.DomainName),
        ["sydney"],
      );
      assert.deepEqual((await home.customerProfiles.send(new ListDomainsCommand({}))).Items, []);
      c2.customerProfiles.destroy();
      home.customerProfiles.destroy();
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
