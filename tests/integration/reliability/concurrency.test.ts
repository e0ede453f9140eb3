import { strict as assert } from "assert";
import { DescribeFlowCommand, ListFlowsCommand } from "@aws-sdk/client-appflow";
import { GetIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { salesforceFlowIntegration } from "../../support/fixtures";
import { clientsFor } from "../../../provider/clients";
import type { IntegrationInputs } from "../../../sdk/types";
import { allAtOnce, eventAt, figures, flowAt, integrationsIn, isFaulted, successesPerIntegration, useSeededEndpoint } from "./support";
import { capturingOutput, Engine, withEnv } from "../../support/provider-driver";

const FAULTS = { seed: 7, rules: [{ throttleRate: 0.3, errorRate: 0.05 }] };

/** The i-th integration: every fifth a flow, every seventh a Salesforce flow (through the connector-profile cross-check). */
function nth(i: number): IntegrationInputs {
  if (i % 7 === 0) {
    const base = salesforceFlowIntegration();
    return salesforceFlowIntegration({
      tags: { team: "crm", n: String(i) },
      flowDefinition: { ...base.flowDefinition!, flowName: `contacts-${i}` },
    });
  }
  return i % 5 === 0 ? flowAt(i) : eventAt(i);
}

/** A change of attributes and tags that differs for every integration: a lost or crossed update shows. */
function changed(i: number): IntegrationInputs {
  const inputs = nth(i);
  const tags = { n: String(i), owner: `owner-${i}` }; // "team" removed, "owner" added
  if (inputs.flowDefinition) return { ...inputs, tags, flowDefinition: { ...inputs.flowDefinition, description: `revision 2 of ${i}` } };
  return { ...inputs, tags, objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" } };
}

/**
 * Concurrency: creates, updates and deletes at once through one provider process — no lost
 * update, no duplicate, no crossed state — with the caches (clients per region, the account id,
 * the connector-profile catalog) shared safely.
 */
describe("reliability: concurrent operations through one provider (local endpoint, real SDK)", function () {
  this.timeout(300_000);
  const aws = useSeededEndpoint();

  it("50 creates, 50 updates and 50 deletes at once under 30% throttling and 5% 500s: each integration ends as its own operation left it", async () => {
    const setup = await Engine.start();
    const existing = await allAtOnce(Array.from({ length: 100 }, (_, i) => () => setup.create(nth(i))));
    const toUpdate = existing.slice(0, 50);
    const toDelete = existing.slice(50);
    let line = "";

    // A new `pulumi up`: a new provider process, with clients and caches of its own.
    await withEnv({}, async () => {
      const engine = await Engine.start();
      aws.emulator.clearRequests();
      aws.emulator.setFaults(FAULTS);
      const started = Date.now();
      const { result, error, output } = await capturingOutput(() =>
        allAtOnce<unknown>([
          ...Array.from({ length: 50 }, (_, k) => () => engine.create(nth(100 + k))),
          ...toUpdate.map((c, i) => () => engine.update(c.id, c.outs, changed(i))),
          ...toDelete.map((c) => () => engine.delete(c.id, c.outs)),
        ]),
      );
      if (error) throw error;
      assert.doesNotMatch(output, /cross-check was skipped/, "the catalog answered every check despite the faults");
      const requests = aws.emulator.requests();
      aws.emulator.setFaults({});
      line = `      (measured: 150 operations at once — ${figures(requests, started)})`;
      assert.ok(requests.filter(isFaulted).length >= 50, "the faults were injected");

      const created = (result as any[]).slice(0, 50);
      const updated = (result as any[]).slice(50, 100);
      const held = await integrationsIn(aws.customerProfiles, "retail");
      assert.deepEqual(
        held.map((i) => i.Uri).sort(),
        [...created.map((c) => c.outs.uri), ...toUpdate.map((c) => c.outs.uri)].sort(),
        "the created and the updated remain, the deleted are gone",
      );

      for (const [i, c] of toUpdate.entries()) {
        const want = changed(i);
        const now = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: c.outs.uri }));
        assert.deepEqual(now.Tags, want.tags, `#${i} has its own tags`);
        assert.deepEqual(updated[i].tags, now.Tags, `#${i}'s state holds the tags it has`);
        if (want.flowDefinition) {
          const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: want.flowDefinition.flowName }));
          assert.equal(flow.description, want.flowDefinition.description, `#${i}'s flow`);
        } else {
          assert.deepEqual(now.ObjectTypeNames, want.objectTypeNames, `#${i}'s object types`);
        }
        assert.deepEqual(updated[i].objectTypeNames ?? updated[i].objectTypeName, want.objectTypeNames ?? want.objectTypeName);
      }
      for (const c of created) {
        assert.deepEqual(c.outs.tags, held.find((h) => h.Uri === c.outs.uri)!.Tags);
      }

      const puts = successesPerIntegration(requests, "PutIntegration");
      assert.deepEqual(
        [...puts.values()].filter((n) => n !== 1),
        [],
        "no integration written twice",
      );
      // A flow change is an AppFlow UpdateFlow, not a PutIntegration (provider/writes.ts).
      const flowUpdates = requests.filter((r) => r.operation === "UpdateFlow" && r.status === 200).map((r) => r.input!.flowName);
      assert.equal(new Set(flowUpdates).size, flowUpdates.length, "no flow updated twice");
      assert.equal(puts.size + flowUpdates.length, 100, "each create and each update wrote once");
      const flows = ((await aws.appflow.send(new ListFlowsCommand({ maxResults: 100 }))).flows ?? []).map((f) => f.flowName).sort();
      const wantFlows = [...toUpdate, ...created]
        .map((c) => c.outs.flowDefinition?.flowName)
        .filter(Boolean)
        .sort();
      assert.deepEqual(flows, wantFlows, "the deleted integrations' flows are gone, no other");
      const profileLookups = requests.filter((r) => r.operation === "DescribeConnectorProfiles" && r.status === 200).length;
      assert.ok(
        profileLookups >= 1 && profileLookups <= 3,
        `the connector-profile catalog answered 15 checks with ${profileLookups} lookups`,
      );
      assert.equal(
        requests.filter((r) => r.operation === "GetCallerIdentity" && r.status === 200).length,
        1,
        "the account id is asked once, for all 50 creates",
      );
    });
    console.log(line);
  });

  it("the account id lookup is shared by concurrent creates, and a failed one is asked again", async () => {
    await withEnv({ AWS_MAX_ATTEMPTS: "1" }, async () => {
      const engine = await Engine.start();
      aws.emulator.setFaults({ rules: [{ service: "sts", errorRate: 1 }] });
      const failed = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => engine.create(eventAt(i))));
      assert.ok(failed.every((r) => r.status === "rejected" && /STS GetCallerIdentity/.test(r.reason.message)));
      assert.equal(aws.emulator.requests().filter((r) => r.operation === "GetCallerIdentity").length, 1, "one lookup for all");
      aws.emulator.setFaults({});
      await allAtOnce(Array.from({ length: 20 }, (_, i) => () => engine.create(eventAt(i))));
      assert.equal(aws.emulator.requests().filter((r) => r.operation === "GetCallerIdentity").length, 2, "asked again, once");
    });
  });

  it("clients are made once per region and profile, and shared", () => {
    assert.equal(clientsFor("us-east-1"), clientsFor("us-east-1"));
    assert.equal(clientsFor("us-east-1").customerProfiles(), clientsFor("us-east-1").customerProfiles());
    assert.notEqual(clientsFor("eu-west-1"), clientsFor("us-east-1"));
    assert.notEqual(clientsFor("us-east-1", "other"), clientsFor("us-east-1"));
  });
});
