import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DescribeConnectorProfilesCommand, DescribeFlowCommand } from "@aws-sdk/client-appflow";
import {
  GetDomainCommand,
  GetIntegrationCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  PutIntegrationCommand,
  TagResourceCommand,
} from "@aws-sdk/client-customer-profiles";
import { startEmulator } from "../../../emulator";
import {
  clientsFor,
  createConnectorProfile,
  createDomainWithObjectTypes,
  integrationArn,
  salesforceFlow,
} from "../../support/emulator-harness";

describe("emulator: persistence (stateFile)", () => {
  let dir: string;
  let stateFile: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-"));
    stateFile = path.join(dir, "state.json");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("state survives a restart: domains, object types, integrations, tags, connector profiles, flows", async () => {
    const first = await startEmulator({ stateFile });
    const a = clientsFor(first);
    await createDomainWithObjectTypes(a.customerProfiles, "retail");
    await createConnectorProfile(a.appflow, "salesforce-prod");
    const put = await a.customerProfiles.send(
      new PutIntegrationCommand({
        DomainName: "retail",
        ObjectTypeName: "Contact",
        FlowDefinition: salesforceFlow("sf"),
        Tags: { a: "1" },
      }),
    );
    await a.customerProfiles.send(new TagResourceCommand({ resourceArn: integrationArn(first, "retail", put.Uri!), tags: { b: "2" } }));
    const before = await a.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: put.Uri }));
    await first.close();

    const second = await startEmulator({ stateFile });
    const b = clientsFor(second);
    try {
      const after = await b.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: put.Uri }));
      assert.deepEqual({ ...after, $metadata: undefined }, { ...before, $metadata: undefined });
      assert.ok(after.CreatedAt instanceof Date);
      const tags = await b.customerProfiles.send(
        new ListTagsForResourceCommand({ resourceArn: integrationArn(second, "retail", put.Uri!) }),
      );
      assert.deepEqual(tags.tags, { a: "1", b: "2" });
      const flow = await b.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      assert.equal(flow.triggerConfig?.triggerProperties?.Scheduled?.scheduleStartTime?.toISOString(), "2030-01-01T00:00:00.000Z");
      const profiles = await b.appflow.send(new DescribeConnectorProfilesCommand({}));
      assert.deepEqual(
        profiles.connectorProfileDetails?.map((p) => p.connectorProfileName),
        ["salesforce-prod"],
      );
      assert.equal((await b.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" }))).DefaultExpirationDays, 365);
    } finally {
      await second.close();
    }
  });

  it("each mutating request is on disk before its answer, without waiting for close", async () => {
    const e = await startEmulator({ stateFile });
    try {
      await createDomainWithObjectTypes(clientsFor(e).customerProfiles, "retail");
      const saved = JSON.parse(fs.readFileSync(stateFile, "utf8"));
      assert.equal(saved.format, 2);
      assert.match(JSON.stringify(saved.state), /\["Contact",\{"object"/, "the object type is on disk");
      const mtime = fs.statSync(stateFile).mtimeMs;
      await clientsFor(e).customerProfiles.send(new ListDomainsCommand({}));
      assert.equal(fs.statSync(stateFile).mtimeMs, mtime, "a read does not rewrite the file");
      assert.deepEqual(fs.readdirSync(dir), ["state.json"], "no temporary files are left behind");
    } finally {
      await e.close();
    }
  });

  it("reset() is persisted too", async () => {
    const first = await startEmulator({ stateFile });
    await createDomainWithObjectTypes(clientsFor(first).customerProfiles, "retail");
    first.reset();
    await first.close();
    const second = await startEmulator({ stateFile });
    try {
      assert.deepEqual((await clientsFor(second).customerProfiles.send(new ListDomainsCommand({}))).Items, []);
    } finally {
      await second.close();
    }
  });

  it("a state file that is not the emulator's is refused at start, naming the file and what is wrong", async () => {
    fs.writeFileSync(stateFile, JSON.stringify({ format: 2, state: { object: [["something", "else"]] } }));
    await assert.rejects(
      startEmulator({ stateFile }),
      (e: Error) => e.message.includes(stateFile) && /layout: state.customerProfiles is missing/.test(e.message),
    );
    fs.writeFileSync(stateFile, "{ not json");
    await assert.rejects(startEmulator({ stateFile }), (e: Error) => e.message.includes(stateFile) && /is not JSON/.test(e.message));
    fs.writeFileSync(stateFile, JSON.stringify({ format: 1, state: {} }));
    await assert.rejects(
      startEmulator({ stateFile }),
      (e: Error) => e.message.includes(stateFile) && /format 1 is not supported/.test(e.message),
    );
    fs.writeFileSync(stateFile, JSON.stringify({ format: 2, state: { object: [["customerProfiles", { date: "yesterday" }]] } }));
    await assert.rejects(
      startEmulator({ stateFile }),
      (e: Error) => e.message.includes(stateFile) && /state\["customerProfiles"\]: date "yesterday"/.test(e.message),
    );
  });
});
