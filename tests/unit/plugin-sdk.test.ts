import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { RESOURCE_TOKEN } from "../../provider/plugin/names";

/**
 * The SDKs generated from the plugin's schema (sdk/plugin for TypeScript, sdks/python, sdks/go, sdks/dotnet):
 * the TypeScript classes are the package's `plugin` export beside the dynamic `Integration`, and
 * every SDK carries AWS's documentation of every input. That they are exactly what the schema
 * generates is checked by `scripts/generate-sdks.ts --check` (scripts/ci-sdks.sh), which builds Go.
 */
describe("the plugin's SDKs", function () {
  this.timeout(60_000);
  const root = path.resolve(__dirname, "../..");
  const schema = JSON.parse(fs.readFileSync(path.join(root, "provider/plugin/schema.generated.json"), "utf8"));
  const version: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;

  it("export the plugin's resource as plugin.Integration, apart from the dynamic Integration", async () => {
    const registered: pulumi.runtime.MockResourceArgs[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return { id: `${args.inputs.domainName}/${args.inputs.uri}`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "project",
      "stack",
      false,
    );
    const pkg = await import("../..");
    assert.notEqual(pkg.plugin.Integration, pkg.Integration);
    const integration = new pkg.plugin.Integration("orders", {
      domainName: "retail",
      uri: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1/orders",
      objectTypeName: "ShopifyOrder",
      tags: { team: "crm" },
    });
    const id = await new Promise<string>((resolve) => integration.id.apply(resolve));
    assert.equal(id, "retail/arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1/orders");
    const args = registered.find((r) => r.name === "orders");
    assert.equal(args?.type, RESOURCE_TOKEN);
    assert.deepEqual(args?.inputs.tags, { team: "crm" });
    assert.equal(args?.inputs.__provider, undefined, "no serialized provider: the engine runs the plugin");
  });

  it("type-check a program using plugin.Integration, and catch a misspelt property or enum value", () => {
    const dir = path.join(__dirname, "typecheck");
    const files = ["plugin-flow.program.ts", "plugin-misspelt.program.ts"].map((f) => path.join(dir, f));
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      lib: ["lib.es2022.d.ts"],
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ["node"],
    });
    const errors = new Map(files.map((f) => [path.basename(f), [] as string[]]));
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const where = d.file ? path.relative(root, d.file.fileName) : "";
      const list = errors.get(path.basename(where)) ?? errors.get("plugin-flow.program.ts")!;
      list.push(`${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
    assert.deepEqual(errors.get("plugin-flow.program.ts"), []);
    const misspelt = errors.get("plugin-misspelt.program.ts")!.join("\n");
    assert.match(misspelt, /"Salesforse"/);
    assert.match(misspelt, /flowDefiniton/);
  });

  it("ask the engine for the plugin of the package's own version", () => {
    const utilities = require(path.join(root, "sdk/plugin/utilities.ts"));
    assert.equal(utilities.getVersion(), version);
    for (const file of [
      "sdks/python/pyproject.toml",
      "sdks/go/customerprofilesintegration/pulumi-plugin.json",
      "sdks/dotnet/pulumi-plugin.json",
    ]) {
      assert.ok(fs.readFileSync(path.join(root, file), "utf8").includes(`"${version}"`), file);
    }
  });

  it("carry AWS's documentation of every input and every nested property, in every language", () => {
    const sources: Record<string, string[]> = {
      typescript: ["sdk/plugin/integration.ts", "sdk/plugin/types/input.ts"],
      python: [
        "sdks/python/pulumi_customer_profiles_integration/integration.py",
        "sdks/python/pulumi_customer_profiles_integration/_inputs.py",
      ],
      go: ["sdks/go/customerprofilesintegration/integration.go", "sdks/go/customerprofilesintegration/pulumiTypes.go"],
      dotnet: [
        "sdks/dotnet/Integration.cs",
        ...fs.readdirSync(path.join(root, "sdks/dotnet/Inputs")).map((f) => `sdks/dotnet/Inputs/${f}`),
      ],
    };
    // Comment markers and line breaks differ by language; the words do not.
    const words = (s: string) => s.replace(/^\s*(\/\/\/?|\*|#)/gm, " ").replace(/\s+/g, " ");
    const docs: string[] = [];
    const resource = schema.resources[RESOURCE_TOKEN];
    for (const p of Object.values<{ description?: string }>(resource.inputProperties)) if (p.description) docs.push(p.description);
    for (const t of Object.values<{ properties?: Record<string, { description?: string }> }>(schema.types)) {
      for (const p of Object.values(t.properties ?? {})) if (p.description) docs.push(p.description);
    }
    assert.ok(docs.length > 40, `${docs.length} documented properties`);
    for (const [language, files] of Object.entries(sources)) {
      const text = words(files.map((f) => fs.readFileSync(path.join(root, f), "utf8")).join("\n"));
      // The first words of each description: the rest may be re-escaped for the language's doc comments.
      const missing = docs
        .map((d) =>
          words(d)
            .trim()
            .split(/[`*\\&<>]/)[0]
            .slice(0, 60),
        )
        .filter((d) => !text.includes(d));
      assert.deepEqual(missing, [], `${language} lacks AWS's documentation`);
    }
  });
});
