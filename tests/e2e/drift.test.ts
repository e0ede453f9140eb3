import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { changedInputs, stepsOf } from "../../testing/pulumi";
import { awsCli, EXAMPLE_URIS, flowNames, getIntegration, integrationsIn, writes } from "../../testing/local-aws";

describe("Changes made outside Pulumi, with the AWS CLI, seen by the real pulumi CLI", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(30_000);
  const e2e = useE2E({ examples: ["quickstart", "events"] });

  it("tags changed with `aws customer-profiles tag-resource` are reported by refresh, and the next up puts the program's tags back", async () => {
    const stack = await e2e.stack("quickstart", { tags: { team: "crm" } });
    const { arn } = (await stack.up()).steps[0].newOutputs!;
    await awsCli(e2e.aws, ["customer-profiles", "tag-resource", "--resource-arn", arn, "--tags", "team=ops,owner=someone-else"]);
    e2e.aws.emulator.clearRequests();

    const refresh = await stack.refresh();
    assert.deepEqual(stepsOf(refresh), [["customers-from-s3", "update"]]);
    assert.deepEqual(refresh.steps[0].oldOutputs!.tags, { team: "crm" });
    assert.deepEqual(refresh.steps[0].newOutputs!.tags, { team: "ops", owner: "someone-else" });
    assert.deepEqual(writes(e2e.aws), [], "refresh only reads");

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers-from-s3", "update"]]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => [r.operation, r.input!.tags ?? r.input!.tagKeys]),
      [
        ["TagResource", { team: "crm" }],
        ["UntagResource", ["owner"]],
      ],
    );
    assert.deepEqual((await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart))?.Tags, { team: "crm" });
  });

  it("a refresh that finds nothing changed leaves the state's inputs as the program wrote them: the next diff shows only the program's own change", async () => {
    const stack = await e2e.stack("quickstart", { tags: { team: "crm" } });
    await stack.up();
    const refresh = await stack.refresh();
    assert.deepEqual(stepsOf(refresh), [["customers-from-s3", "same"]]);

    await stack.setConfig({ tags: { team: "data" } });
    const [step] = (await stack.preview()).steps;
    assert.equal(step.op, "update");
    assert.deepEqual(changedInputs(step), ["tags"], "region and uri were never the program's inputs");
  });

  it("an integration deleted with `aws customer-profiles delete-integration` is reported gone by refresh, and the next up creates it again", async () => {
    const stack = await e2e.stack("quickstart");
    await stack.up();
    await awsCli(e2e.aws, ["customer-profiles", "delete-integration", "--domain-name", "retail", "--uri", EXAMPLE_URIS.quickstart]);
    assert.deepEqual(await flowNames(e2e.aws), [], "deleting the integration deleted its flow");
    e2e.aws.emulator.clearRequests();

    const refresh = await stack.refresh();
    assert.deepEqual(stepsOf(refresh), [["customers-from-s3", "delete"]]);
    assert.deepEqual(writes(e2e.aws), [], "refresh only reads");

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers-from-s3", "create"]]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["PutIntegration"],
    );
    assert.ok(await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart), "the integration exists again");
    assert.deepEqual(await flowNames(e2e.aws), ["customers-from-s3"]);
  });

  /** The events example's Shopify integration, as someone would create it by hand before any Pulumi program. */
  function putShopifyOrdersWithCli(extra: string[] = []): Promise<unknown> {
    return awsCli(e2e.aws, [
      "customer-profiles",
      "put-integration",
      "--domain-name",
      "retail",
      "--uri",
      EXAMPLE_URIS.shopifyOrders,
      "--object-type-names",
      "ShopifyCreateOrders=ShopifyOrder,ShopifyUpdatedOrders=ShopifyOrder",
      ...extra,
    ]);
  }

  it("an integration created with `aws customer-profiles put-integration` is adopted with adoptExisting, untouched, with no diff afterwards", async () => {
    await putShopifyOrdersWithCli(["--tags", "team=commerce,env=e2e"]);
    const existing = await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.shopifyOrders);
    const stack = await e2e.stack("events", { adoptExisting: "true" });
    e2e.aws.emulator.clearRequests();

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [
      ["segment-identify", "create"],
      ["shopify-orders", "create"],
    ]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => `${r.operation} ${r.input!.Uri}`),
      [`PutIntegration ${EXAMPLE_URIS.segmentIdentify}`],
      "the adopted integration is not written",
    );
    assert.deepEqual(await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.shopifyOrders), existing);

    e2e.aws.emulator.clearRequests();
    const preview = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(
      stepsOf(preview).filter(([, op]) => op !== "same"),
      [],
      "no diff afterwards",
    );
    assert.deepEqual(writes(e2e.aws), []);
  });

  it("the import resource option fails without writing: the engine's import Read carries no serialized provider (pulumi/pulumi#16175)", async () => {
    // Pinned so that the day the engine passes inputs to an import's Read, this fails and the
    // README's advice (adoptExisting instead of { import }) is revisited.
    await putShopifyOrdersWithCli();
    const stack = await e2e.stack("events", { importId: `retail/${EXAMPLE_URIS.shopifyOrders}` });
    e2e.aws.emulator.clearRequests();
    const up = await stack.up({ mayFail: true });
    assert.notEqual(up.code, 0);
    assert.match([...up.errors, up.stdout, up.stderr].join("\n"), /code must be a string/);
    assert.deepEqual(
      writes(e2e.aws).filter((r) => r.input?.Uri === EXAMPLE_URIS.shopifyOrders),
      [],
    );
  });

  it("an integration created outside Pulumi is read with Integration.get: its tags and object types reach the program, and destroy leaves it alone", async () => {
    const otherShop = "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/7654321/orders";
    await awsCli(e2e.aws, [
      "customer-profiles",
      "put-integration",
      "--domain-name",
      "retail",
      "--uri",
      otherShop,
      "--object-type-names",
      "ShopifyCreateOrders=ShopifyOrder",
      "--tags",
      "team=other-team",
    ]);
    const stack = await e2e.stack("events");
    // What a user adds to read an integration this stack does not manage, e.g. for its ARN.
    fs.appendFileSync(
      path.join(stack.dir, "index.ts"),
      `\nconst readOnly = Integration.get("read-only", "retail/${otherShop}");\n` +
        "export const readOnlyIntegration = { arn: readOnly.arn, tags: readOnly.tags, objectTypeNames: readOnly.objectTypeNames };\n",
    );
    e2e.aws.emulator.clearRequests();

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [
      ["read-only", "read"],
      ["segment-identify", "create"],
      ["shopify-orders", "create"],
    ]);
    assert.ok(
      writes(e2e.aws).every((r) => r.input!.Uri !== otherShop),
      "the integration read is not written",
    );
    assert.deepEqual(up.outputs.readOnlyIntegration, {
      arn: `arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/${otherShop}`,
      tags: { team: "other-team" },
      objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" },
    });

    await stack.destroy();
    assert.deepEqual(
      (await integrationsIn(e2e.aws, "retail")).map((i) => i.Uri),
      [otherShop],
    );
  });
});
