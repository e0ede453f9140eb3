import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GetIntegrationCommand, ListIntegrationsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-customer-profiles";
import { E2E_TEST_TIMEOUT, requireEngine } from "../support/e2e";
import { engineEnv, Stack, stepsOf, type Engine } from "../../testing/pulumi";
import { installedDependencies, workingCopy } from "../../testing/package";
import { describeVerified } from "../support/emulator-harness";

/**
 * examples/events deployed by the real pulumi CLI: a verified spec, so with PCPI_VERIFY_AWS=1 and
 * credentials the same lifecycle runs against AWS, in a domain made for the run and deleted
 * after it. The event sources are PCPI_VERIFY_AWS_SHOPIFY_EVENT_SOURCE and
 * PCPI_VERIFY_AWS_SEGMENT_EVENT_SOURCE against AWS when set, else partner event source ARNs named
 * after the run (whether AWS accepts a Uri it cannot resolve is one of the things the run finds out).
 */
describeVerified(
  "verified e2e: examples/events, preview → up → no-op up → tag change → destroy",
  (t) => {
    let engine: Engine;
    let workspace: string;
    let stack: Stack;
    let uris: { shopify: string; segment: string };
    const domainIntegrations = async () =>
      ((await t.customerProfiles.send(new ListIntegrationsCommand({ DomainName: t.domainName }))).Items ?? []).map((i) => i.Uri!).sort();
    const writes = () =>
      t
        .emulator!.requests()
        .filter((r) => !/^(Get|List|Describe)/.test(r.operation))
        .map((r) => r.operation);

    before(async function () {
      engine = await requireEngine(this);
      await installedDependencies("events");
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-e2e-verified-"));
      const source = (partner: string, name: string) =>
        `arn:${t.partition}:events:${t.region}:${t.accountId}:event-source/aws.partner/${partner}/${t.unique("pcpi")}/${name}`;
      uris = {
        shopify: (t.kind === "aws" && process.env.PCPI_VERIFY_AWS_SHOPIFY_EVENT_SOURCE) || source("shopify.com", "orders"),
        segment: (t.kind === "aws" && process.env.PCPI_VERIFY_AWS_SEGMENT_EVENT_SOURCE) || source("segment.com", "identify"),
      };
      // The pulumi processes get the target's endpoints (local) or nothing but the resolved
      // credentials (AWS), and their region from the stack's aws:region, as a user's would.
      const awsEnv: Record<string, string> =
        t.kind === "local"
          ? Object.fromEntries(Object.entries(t.emulator!.env).filter(([k]) => k !== "AWS_REGION" && k !== "AWS_DEFAULT_REGION"))
          : {
              AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
              AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
              ...(t.credentials.sessionToken ? { AWS_SESSION_TOKEN: t.credentials.sessionToken } : {}),
            };
      stack = new Stack({
        engine,
        dir: path.join(workspace, "project"),
        name: "verified",
        env: engineEnv(engine, {
          home: path.join(workspace, "pulumi-home"),
          backendDir: path.join(workspace, "state"),
          aws: awsEnv,
          typeCheck: false,
        }),
      });
      fs.mkdirSync(path.join(workspace, "pulumi-home"));
      fs.mkdirSync(path.join(workspace, "state"));
      await workingCopy("events", stack.dir);
      await stack.init({
        "aws:region": t.region,
        domainName: t.domainName,
        shopifyEventSource: uris.shopify,
        segmentEventSource: uris.segment,
        tags: { team: "commerce", run: t.unique("pcpi") },
      });
    });

    after(async function () {
      this.timeout(E2E_TEST_TIMEOUT);
      // A failed spec may leave resources: destroy what the stack still holds (the harness then
      // deletes the domain and anything in it).
      if (stack) await stack.destroy({ mayFail: true }).catch(() => undefined);
      if (workspace && !process.env.PCPI_E2E_KEEP) fs.rmSync(workspace, { recursive: true, force: true });
    });

    it("preview lists both integrations to create and writes nothing", async function () {
      this.timeout(E2E_TEST_TIMEOUT);
      t.emulator?.clearRequests();
      const preview = await stack.preview();
      assert.deepEqual(stepsOf(preview), [
        ["segment-identify", "create"],
        ["shopify-orders", "create"],
      ]);
      assert.deepEqual(await domainIntegrations(), []);
      if (t.kind === "local") assert.deepEqual(writes(), []);
    });

    it("up creates both, with their event-type mappings, tags and ARNs", async function () {
      this.timeout(E2E_TEST_TIMEOUT);
      const up = await stack.up();
      assert.deepEqual(stepsOf(up), [
        ["segment-identify", "create"],
        ["shopify-orders", "create"],
      ]);
      assert.deepEqual(await domainIntegrations(), [uris.segment, uris.shopify].sort());
      const shopify = await t.customerProfiles.send(new GetIntegrationCommand({ DomainName: t.domainName, Uri: uris.shopify }));
      assert.deepEqual(shopify.ObjectTypeNames, { ShopifyCreateOrders: "ShopifyOrder", ShopifyUpdatedOrders: "ShopifyOrder" });
      assert.deepEqual(shopify.Tags, { team: "commerce", run: t.unique("pcpi") });
      assert.equal(
        up.outputs.shopifyOrdersArn,
        `arn:${t.partition}:profile:${t.region}:${t.accountId}:domains/${t.domainName}/integrations/${uris.shopify}`,
      );
    });

    it("a second up changes nothing and writes nothing", async function () {
      this.timeout(E2E_TEST_TIMEOUT);
      t.emulator?.clearRequests();
      await stack.up({ expectNoChanges: true });
      if (t.kind === "local") assert.deepEqual(writes(), []);
    });

    it("a tag change updates both in place, with tag calls only", async function () {
      this.timeout(E2E_TEST_TIMEOUT);
      await stack.setConfig({ tags: { team: "data", run: t.unique("pcpi") } });
      t.emulator?.clearRequests();
      const up = await stack.up();
      assert.deepEqual(stepsOf(up), [
        ["segment-identify", "update"],
        ["shopify-orders", "update"],
      ]);
      const resourceArn = up.outputs.segmentProfilesArn as string;
      assert.deepEqual((await t.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn }))).tags, {
        team: "data",
        run: t.unique("pcpi"),
      });
      if (t.kind === "local") assert.deepEqual(writes(), ["TagResource", "TagResource"]);
    });

    it("destroy deletes both", async function () {
      this.timeout(E2E_TEST_TIMEOUT);
      const destroyed = await stack.destroy();
      assert.deepEqual(stepsOf(destroyed), [
        ["segment-identify", "delete"],
        ["shopify-orders", "delete"],
      ]);
      assert.deepEqual(await domainIntegrations(), []);
    });
  },
  { objectTypes: ["ShopifyOrder", "SegmentProfile"], timeout: E2E_TEST_TIMEOUT },
);
