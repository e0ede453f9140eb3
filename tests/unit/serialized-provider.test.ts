import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";

/**
 * Pulumi stores the serialized provider (`__provider`) in every resource's state and runs it
 * in a separate process. It must stay tiny, carry no absolute path, and load the real provider.
 */
describe("the serialized provider (__provider)", () => {
  let serialized: string;

  before(async () => {
    let registered!: (inputs: Record<string, unknown>) => void;
    const integrationRegistered = new Promise<Record<string, unknown>>((resolve) => (registered = resolve));
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          if (args.inputs.domainName === "retail") registered(args.inputs);
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "project",
      "stack",
      false,
    );
    const { Integration } = await import("../../sdk");
    const integration = new Integration("orders", {
      domainName: "retail",
      uri: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1/orders",
      objectTypeName: "ShopifyOrder",
      tags: { team: "crm" },
    });
    assert.ok(integration.urn, "the Integration is a resource");
    // The mock monitor sees the registration when the SDK sends it, after the constructor returns.
    const inputs = await integrationRegistered;
    serialized = inputs.__provider as string;
  });

  it("is at most 2 KB", () => {
    assert.equal(typeof serialized, "string");
    assert.ok(Buffer.byteLength(serialized) <= 2048, `__provider is ${Buffer.byteLength(serialized)} bytes`);
  });

  it("names the package, never a path on this machine", () => {
    assert.match(serialized, /require\("pulumi-customer-profiles-integration\/provider"\)/);
    assert.ok(!serialized.includes(process.cwd()), "no checkout path");
    assert.ok(!/["'`]\/(work|home|root|tmp|Users)\//.test(serialized), "no absolute path");
  });

  it("loads the real provider on configure and exposes its lifecycle", async () => {
    // What the dynamic-provider process does: require the text as a module, call handler(), configure.
    const Module = require("module");
    // Here the package resolves by its own name (package.json "exports"); in a program, from node_modules.
    const filename = require("path").join(process.cwd(), "serialized-provider.js");
    const m = new Module(filename, module);
    m.filename = filename;
    m.paths = Module._nodeModulePaths(process.cwd());
    m._compile(serialized, filename);
    const provider = m.exports.handler();
    await provider.configure({ config: { get: () => undefined } });
    for (const method of ["check", "diff", "create", "read", "update", "delete"]) {
      assert.equal(typeof provider[method], "function", method);
    }
    const { failures } = await provider.check({}, { domainName: "bad name!", uri: "u", objectTypeName: "T", region: "us-east-1" });
    assert.deepEqual(
      failures.map((f: { property: string }) => f.property),
      ["domainName"],
    );
  });
});
