import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

/**
 * What the package offers its users: the paths of package.json's `exports` map, loaded from the
 * sources they are built from. Test hooks are not among them; the provider entry point that the
 * state of every deployed stack loads is.
 */
describe("the package's public exports", function () {
  this.timeout(60_000);
  const root = path.resolve(__dirname, "../..");
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const testHooks = ["resetClients", "resetConnectorProfileCatalog", "setWarningSink"];

  it("offer no test hook from the package root, ./provider or ./emulator", () => {
    for (const entry of [".", "./provider", "./emulator"]) {
      const built: string = pkg.exports[entry].default; // ./dist/<x>.js
      const source = path.join(root, built.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts"));
      const exported = Object.keys(require(source));
      for (const hook of testHooks) assert.ok(!exported.includes(hook), `${entry} exports ${hook}`);
    }
  });

  it("keep createIntegrationProvider at ./provider, as the loader in deployed stacks' state requires it", () => {
    assert.ok(pkg.exports["./provider"], "package.json exports ./provider");
    const provider = require(path.join(root, "provider", "index.ts"));
    assert.equal(typeof provider.createIntegrationProvider, "function");
    const real = provider.createIntegrationProvider();
    for (const m of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      assert.equal(typeof real[m], "function", m);
    }
  });

  it("reach the test hooks through the internal module the tests import", () => {
    const testing = require(path.join(root, "provider", "testing.ts"));
    for (const hook of testHooks) assert.equal(typeof testing[hook], "function", hook);
  });
});
