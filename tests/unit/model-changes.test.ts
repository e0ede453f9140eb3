import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { sources, VENDORED_MODELS_DIR, type RawModel } from "../../scripts/generate-model";
import { modelChanges, renderChanges } from "../../scripts/models/changes";

/**
 * The models:update report: given the vendored model and a release, it names every member the
 * release adds or changes in what our operations reach. The older release is the vendored model
 * with a member taken out, as botocore published it before AWS added that member.
 */
describe("the model change report (npm run models:diff)", () => {
  const cp = sources.find((s) => s.service === "customer-profiles")!;
  const load = (): RawModel => JSON.parse(fs.readFileSync(path.join(VENDORED_MODELS_DIR, cp.file), "utf8"));

  /** The vendored model as it was before `Scope`: no member on any structure, no `Scope` shape. */
  function withoutScope(): RawModel {
    const older = load();
    for (const shape of Object.values<Record<string, any>>(older.shapes)) {
      if (shape.type === "structure" && shape.members?.Scope) delete shape.members.Scope;
    }
    delete older.shapes.Scope;
    return older;
  }

  it("names Scope on PutIntegrationRequest when a release adds it, and the operation that takes it", () => {
    const changes = modelChanges(withoutScope(), load(), cp.operations);
    const put = changes.find((c) => c.path === "PutIntegrationRequest.Scope");
    assert.deepEqual(put, { path: "PutIntegrationRequest.Scope", kind: "added", detail: "optional, shape Scope", operations: ["PutIntegration"] });
    // Every structure our operations reach that gained it, and nothing else.
    assert.deepEqual(
      changes.map((c) => `${c.kind} ${c.path}`),
      ["added GetIntegrationResponse.Scope", "added ListIntegrationItem.Scope", "added PutIntegrationRequest.Scope", "added PutIntegrationResponse.Scope"],
    );
    assert.ok(renderChanges("customer-profiles", changes).some((l) => l.includes("PutIntegrationRequest.Scope")));
  });

  it("reports nothing between a model and itself, and ignores documentation edits", () => {
    const edited = load();
    edited.shapes.PutIntegrationRequest.members.Uri.documentation = "<p>Reworded.</p>";
    assert.deepEqual(modelChanges(load(), edited, cp.operations), []);
    assert.deepEqual(renderChanges("customer-profiles", []), ["customer-profiles: no changes in what our operations reach"]);
  });

  it("reports a constraint, an enum value, required-ness and a removed member, each at its path", () => {
    const older = load();
    const newer = load();
    newer.shapes.Scope.enum.push("ACCOUNT");
    newer.shapes.PutIntegrationRequest.required = [...newer.shapes.PutIntegrationRequest.required, "Uri"];
    delete newer.shapes.PutIntegrationRequest.members.Tags;
    const name = newer.shapes.PutIntegrationRequest.members.DomainName.shape;
    newer.shapes[name] = { ...newer.shapes[name], max: 1 };
    const byPath = new Map(modelChanges(older, newer, cp.operations).map((c) => [c.path, c]));
    assert.match(byPath.get("Scope")!.detail, /enum adds "ACCOUNT"/);
    assert.equal(byPath.get("PutIntegrationRequest.Uri")!.detail, "now required");
    assert.equal(byPath.get("PutIntegrationRequest.Tags")!.kind, "removed");
    assert.match(byPath.get(name)!.detail, /^max \d+ -> 1$/);
  });

  it("does not look at operations we do not use", () => {
    const newer = load();
    const unused = Object.keys(newer.operations).find((op) => !cp.operations.includes(op))!;
    const input: string = newer.operations[unused].input.shape;
    newer.shapes[input].members.Brand = { shape: "name" };
    const reachedByOurs = modelChanges(load(), newer, cp.operations).filter((c) => c.path === `${input}.Brand`);
    assert.deepEqual(reachedByOurs, []);
  });
});
