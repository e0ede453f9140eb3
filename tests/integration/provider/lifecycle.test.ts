import { strict as assert } from "assert";
import { GetIntegrationCommand, ListIntegrationsCommand } from "@aws-sdk/client-customer-profiles";
import { DescribeFlowCommand } from "@aws-sdk/client-appflow";
import { IntegrationProvider } from "../../../provider";
import { useEmulator, operations, WRITE_OPERATIONS } from "../../support/aws-env";
import { seedConnectorProfile, seedRetailDomain } from "../../../testing/local-aws";
import { eventIntegration, s3FlowIntegration, salesforceFlowIntegration } from "../../support/fixtures";
import { Engine } from "../../support/provider-driver";

/**
 * The provider's lifecycle against the local endpoint, over real HTTP with the real AWS SDK:
 * what each operation sends, and what the API holds afterwards.
 */
describe("Integration provider lifecycle (local endpoint, real SDK)", function () {
  const aws = useEmulator();
  let engine: Engine;
  let provider: IntegrationProvider;

  const create = (inputs: Parameters<Engine["create"]>[0]) => engine.create(inputs);
  const update = (...args: Parameters<Engine["step"]>) => engine.step(...args);

  async function getIntegration(domainName: string, uri: string) {
    return aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: domainName, Uri: uri }));
  }

  beforeEach(async () => {
    aws.emulator.reset();
    await seedRetailDomain(aws);
    await seedConnectorProfile(aws, "salesforce-prod", "Salesforce");
    aws.emulator.clearRequests();
    engine = await Engine.start();
    provider = engine.provider;
  });

  describe("create", () => {
    it("writes one PutIntegration carrying the tags, and records every output", async () => {
      const { id, outs } = await create(eventIntegration());
      const writes = operations(aws).filter((o) => WRITE_OPERATIONS.has(o));
      assert.deepEqual(writes, ["PutIntegration"]);
      const put = aws.emulator.requests().find((r) => r.operation === "PutIntegration")!;
      assert.deepEqual(put.input!.Tags, { team: "crm" });
      const uri = eventIntegration().uri!;
      assert.equal(id, `retail/${uri}`);
      assert.equal(outs.arn, `arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/${uri}`);
      assert.equal(outs.region, "us-east-1");
      assert.match(outs.createdAt, /^\d{4}-\d\d-\d\dT/);
      assert.match(outs.lastUpdatedAt, /^\d{4}-\d\d-\d\dT/);
      const held = await getIntegration("retail", uri);
      assert.deepEqual(held.ObjectTypeNames, eventIntegration().objectTypeNames);
      assert.deepEqual(held.Tags, { team: "crm" });
    });

    it("creates the AppFlow flow of a flow integration and records the URI the service derived", async () => {
      const { id, outs } = await create(salesforceFlowIntegration());
      assert.ok(outs.uri, "the derived uri is an output");
      assert.equal(id, `retail/${outs.uri}`);
      const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }));
      assert.equal(flow.sourceFlowConfig?.connectorProfileName, "salesforce-prod");
      assert.equal(flow.tasks?.length, 2);
      const put = aws.emulator.requests().find((r) => r.operation === "PutIntegration")!;
      const sent = put.input!.FlowDefinition as Record<string, any>;
      assert.equal(sent.FlowName, "salesforce-contacts");
      assert.equal(put.input!.RoleArn, "arn:aws:iam::123456789012:role/CustomerProfilesIntegration");
      assert.deepEqual(put.input!.EventTriggerNames, ["HighValueContact"]);
      assert.equal(put.input!.Scope, "PROFILE");
      assert.deepEqual(outs.flowDefinition, salesforceFlowIntegration().flowDefinition);
    });

    it("refuses to overwrite an integration that already exists, and says how to adopt it", async () => {
      await create(eventIntegration());
      aws.emulator.clearRequests();
      await assert.rejects(create(eventIntegration({ tags: { team: "other" } })), (err: Error) => {
        assert.match(err.message, /already exists/);
        assert.match(err.message, /adoptExisting: true/);
        return true;
      });
      assert.ok(!operations(aws).some((o) => WRITE_OPERATIONS.has(o)), "nothing was written");
      assert.deepEqual((await getIntegration("retail", eventIntegration().uri!)).Tags, { team: "crm" });
    });

    it("refuses a flow name another integration's flow already has", async () => {
      await create(s3FlowIntegration());
      aws.emulator.clearRequests();
      await assert.rejects(create(s3FlowIntegration()), /flow\/customers-from-s3" already exists in domain "retail".*adoptExisting/);
      await assert.rejects(
        create(s3FlowIntegration({ domainName: "wholesale" })),
        /flow named "customers-from-s3" already exists in us-east-1, and no integration of domain "wholesale" uses it/,
      );
      assert.ok(!operations(aws).includes("PutIntegration"));
    });

    it("with adoptExisting, takes over a matching integration without writing anything", async () => {
      const { id: firstId, outs: first } = await create(salesforceFlowIntegration());
      aws.emulator.clearRequests();
      const { id, outs } = await create(salesforceFlowIntegration({ adoptExisting: true }));
      assert.equal(id, firstId);
      assert.deepEqual(
        operations(aws).filter((o) => WRITE_OPERATIONS.has(o)),
        [],
      );
      assert.equal(outs.createdAt, first.createdAt);
      assert.deepEqual(outs.flowDefinition, first.flowDefinition);
      const d = await provider.diff(id, outs, (await provider.check({}, salesforceFlowIntegration() as never)).inputs!);
      assert.equal(d.changes, false, "no diff afterwards");
    });

    it("with adoptExisting, writes only what differs from the program", async () => {
      await create(eventIntegration({ tags: { team: "crm", old: "x" } }));
      aws.emulator.clearRequests();
      const { outs } = await create(eventIntegration({ adoptExisting: true, tags: { team: "crm", fresh: "y" } }));
      assert.deepEqual(
        operations(aws).filter((o) => WRITE_OPERATIONS.has(o)),
        ["TagResource", "UntagResource"],
      );
      assert.deepEqual(outs.tags, { team: "crm", fresh: "y" });
      assert.deepEqual((await getIntegration("retail", outs.uri)).Tags, { team: "crm", fresh: "y" });
    });

    it("with adoptExisting and nothing to adopt, creates as usual", async () => {
      const { outs } = await create(eventIntegration({ adoptExisting: true }));
      assert.deepEqual(
        operations(aws).filter((o) => WRITE_OPERATIONS.has(o)),
        ["PutIntegration"],
      );
      assert.equal(aws.emulator.requests().find((r) => r.operation === "PutIntegration")!.input!.AdoptExisting, undefined);
      assert.equal((outs as unknown as Record<string, unknown>).adoptExisting, undefined);
    });

    it("names the missing domain and region when the domain does not exist", async () => {
      await assert.rejects(create(eventIntegration({ domainName: "nowhere" })), (err: Error) => {
        assert.match(err.message, /PutIntegration in us-east-1/);
        assert.match(err.message, /"nowhere"/);
        return true;
      });
    });
  });

  describe("update", () => {
    it("a tags-only change that adds makes exactly one TagResource and no PutIntegration", async () => {
      const { id, outs } = await create(eventIntegration());
      aws.emulator.clearRequests();
      const r = await update(id, outs, eventIntegration({ tags: { team: "crm", cost: "42" } }));
      assert.deepEqual(operations(aws), ["TagResource"]);
      assert.deepEqual(aws.emulator.requests()[0].input!.tags, { cost: "42" });
      assert.deepEqual(r.outs.tags, { team: "crm", cost: "42" });
      assert.deepEqual((await getIntegration("retail", outs.uri)).Tags, { team: "crm", cost: "42" });
    });

    it("a tags-only change that removes makes exactly one UntagResource", async () => {
      const { id, outs } = await create(eventIntegration({ tags: { team: "crm", cost: "42" } }));
      aws.emulator.clearRequests();
      const r = await update(id, outs, eventIntegration({ tags: { team: "crm" } }));
      assert.deepEqual(operations(aws), ["UntagResource"]);
      assert.deepEqual(aws.emulator.requests()[0].input!.tagKeys, ["cost"]);
      assert.deepEqual(r.outs.tags, { team: "crm" });
    });

    it("a change that adds and removes tags makes one TagResource then one UntagResource, never untagging the rest", async () => {
      const { id, outs } = await create(eventIntegration({ tags: { team: "crm", cost: "42", old: "x" } }));
      aws.emulator.clearRequests();
      await update(id, outs, eventIntegration({ tags: { team: "crm", cost: "43", fresh: "y" } }));
      assert.deepEqual(operations(aws), ["TagResource", "UntagResource"]);
      const [tag, untag] = aws.emulator.requests();
      assert.deepEqual(tag.input!.tags, { cost: "43", fresh: "y" });
      assert.deepEqual(untag.input!.tagKeys, ["old"]);
      assert.deepEqual((await getIntegration("retail", outs.uri)).Tags, { team: "crm", cost: "43", fresh: "y" });
    });

    it("a flow change is one AppFlow UpdateFlow (after DescribeFlow), never a PutIntegration re-sending the FlowDefinition", async () => {
      const { id, outs } = await create(salesforceFlowIntegration());
      aws.emulator.clearRequests();
      const changed = salesforceFlowIntegration();
      changed.flowDefinition!.tasks.push({
        sourceFields: ["Phone"],
        connectorOperator: { salesforce: "NO_OP" },
        destinationField: "Phone",
        taskType: "Map",
      });
      const r = await update(id, outs, changed);
      assert.equal(r.diff.changes, true);
      assert.deepEqual(r.diff.replaces, []);
      assert.deepEqual(operations(aws), ["DescribeFlow", "UpdateFlow"]);
      const sent = aws.emulator.requests().find((x) => x.operation === "UpdateFlow")!.input!;
      assert.equal(sent.flowName, "salesforce-contacts");
      assert.equal((sent.tasks as unknown[]).length, 3);
      assert.equal(sent.kmsArn, undefined, "UpdateFlow has no kmsArn member");
      const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }));
      assert.equal(flow.tasks?.length, 3);
      assert.equal(r.outs.createdAt, outs.createdAt);
      assert.equal(r.outs.flowDefinition!.tasks.length, 3);
    });

    it("an integration deleted outside Pulumi is not silently recreated: the error says to refresh", async () => {
      const { id, outs } = await create(eventIntegration());
      await provider.delete(id, outs);
      aws.emulator.clearRequests();
      await assert.rejects(
        update(id, outs, eventIntegration({ objectTypeNames: { SegmentIdentify: "SegmentProfile" } })),
        /pulumi refresh/,
      );
      assert.ok(!operations(aws).includes("PutIntegration"));
      await assert.rejects(update(id, outs, eventIntegration({ tags: { team: "new" } })), /pulumi refresh/);
    });
  });

  describe("delete", () => {
    it("deletes the integration and its flow; deleting again succeeds", async () => {
      const { id, outs } = await create(s3FlowIntegration());
      await provider.delete(id, outs);
      const list = await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }));
      assert.deepEqual(list.Items ?? [], []);
      await assert.rejects(aws.appflow.send(new DescribeFlowCommand({ flowName: "customers-from-s3" })), {
        name: "ResourceNotFoundException",
      });
      await provider.delete(id, outs);
    });
  });

  describe("read", () => {
    it("an unchanged integration reads back as its state: refresh shows no drift", async () => {
      const { id, outs } = await create(salesforceFlowIntegration());
      const r = await engine.read(id, outs);
      assert.equal(r.id, id);
      // Create asks AppFlow nothing more; the read learns the flow's status from the DescribeFlow it makes anyway.
      assert.deepEqual(r.props, { ...outs, flowStatus: "Draft" });
      const d = await provider.diff(id, r.props!, (await provider.check(outs, salesforceFlowIntegration() as never)).inputs!);
      assert.equal(d.changes, false);
    });

    it("timestamps written as epoch seconds or with an offset: state keeps them as written, AppFlow gets the instant, refresh shows no drift", async () => {
      const program = salesforceFlowIntegration();
      const scheduled = program.flowDefinition!.triggerConfig.triggerProperties!.scheduled!;
      scheduled.scheduleStartTime = 1893456000; // 2030-01-01T00:00:00Z, as AWS's docs write timestamps
      scheduled.scheduleEndTime = "2031-01-01T02:00:00+02:00";
      const { id, outs } = await create(program);
      const kept = outs.flowDefinition!.triggerConfig.triggerProperties!.scheduled!;
      assert.equal(kept.scheduleStartTime, 1893456000, "check and create keep the program's spelling");
      assert.equal(kept.scheduleEndTime, "2031-01-01T02:00:00+02:00");
      const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: program.flowDefinition!.flowName }));
      const sent = flow.triggerConfig!.triggerProperties!.Scheduled!;
      assert.equal(sent.scheduleStartTime?.toISOString(), "2030-01-01T00:00:00.000Z");
      assert.equal(sent.scheduleEndTime?.toISOString(), "2031-01-01T00:00:00.000Z");
      const r = await provider.read!(id, outs);
      assert.equal(
        r.props!.flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime,
        "2030-01-01T00:00:00.000Z",
        "refresh reads the API's spelling",
      );
      const again = (await provider.check(outs, program as never)).inputs!;
      assert.equal((await provider.diff(id, r.props!, again)).changes, false);
      assert.equal((await provider.diff(id, outs, again)).changes, false);
    });

    it("an integration deleted outside Pulumi reads as gone", async () => {
      const { id, outs } = await create(eventIntegration());
      await provider.delete(id, outs);
      const r = await provider.read!(id, outs);
      assert.equal(r.id, undefined);
    });

    it("with only an id (import), returns inputs that reproduce the integration with no diff", async () => {
      const { id } = await create(eventIntegration({ tags: { team: "crm", tier: "gold" } }));
      const r = await provider.read!(id, {});
      assert.deepEqual(r.inputs, {
        domainName: "retail",
        uri: eventIntegration().uri,
        objectTypeNames: eventIntegration().objectTypeNames,
        tags: { team: "crm", tier: "gold" },
      });
      const program = (await provider.check({}, eventIntegration({ tags: { team: "crm", tier: "gold" } }) as never)).inputs!;
      assert.equal((await provider.diff(id, r.props!, program)).changes, false);
    });

    it("imports a flow integration with its flow definition read from AppFlow", async () => {
      const { id } = await create(salesforceFlowIntegration());
      const r = await provider.read!(id, {});
      assert.deepEqual(r.inputs!.flowDefinition, salesforceFlowIntegration().flowDefinition);
    });
  });

  describe("region", () => {
    it("without any region the error says how to set one", async () => {
      const saved = { r: process.env.AWS_REGION, d: process.env.AWS_DEFAULT_REGION };
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      try {
        const { failures } = await provider.check({}, eventIntegration() as never);
        assert.ok(failures!.some((f) => f.property === "region" && /pulumi config set aws:region/.test(f.reason)));
      } finally {
        process.env.AWS_REGION = saved.r;
        process.env.AWS_DEFAULT_REGION = saved.d;
      }
    });

    it("stack config aws:region wins over AWS_REGION, and the resource's region over both", async () => {
      const p = new IntegrationProvider();
      await p.configure({ config: { get: (k: string) => (k === "aws:region" ? "eu-west-1" : undefined) } as never });
      const checked = await p.check({}, eventIntegration() as never);
      const d1 = await p.diff("x", { ...eventIntegration(), region: "us-east-1" } as never, checked.inputs!);
      assert.deepEqual(d1.replaces, ["region"]);
      const d2 = await p.diff("x", { ...eventIntegration(), region: "us-east-1" } as never, { ...checked.inputs!, region: "us-east-1" });
      assert.deepEqual(d2.replaces, []);
    });
  });
});
