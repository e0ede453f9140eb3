import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { sources, VENDORED_MODELS_DIR, type RawModel } from "../../scripts/generate-model";
import { botocoreRelease } from "../../scripts/models/botocore-release";
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
    assert.deepEqual(put, {
      path: "PutIntegrationRequest.Scope",
      kind: "added",
      detail: "optional, shape Scope",
      operations: ["PutIntegration"],
    });
    // Every structure our operations reach that gained it, and nothing else.
    assert.deepEqual(
      changes.map((c) => `${c.kind} ${c.path}`),
      [
        "added GetIntegrationResponse.Scope",
        "added ListIntegrationItem.Scope",
        "added PutIntegrationRequest.Scope",
        "added PutIntegrationResponse.Scope",
      ],
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

/**
 * models:update reads the service JSON out of a botocore release: a wheel (a zip holding
 * botocore/data/<service>/<api-version>/service-2.json.gz) or an installed package folder. Both are
 * built here from the vendored files, so the spec needs no network; only the download is left out.
 */
describe("reading a botocore release (npm run models:update -- --from)", () => {
  let tmp: string;
  const serviceDir = (file: string) => {
    const [, service, version] = /^botocore-(.+)-(\d{4}-\d{2}-\d{2})\.json$/.exec(file)!;
    return path.join("botocore", "data", service, version);
  };

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "botocore-release-"));
    const pkg = path.join(tmp, "site-packages");
    fs.mkdirSync(path.join(pkg, "botocore"), { recursive: true });
    fs.writeFileSync(path.join(pkg, "botocore", "__init__.py"), "__version__ = '9.8.7'\n");
    for (const s of sources) {
      const dir = path.join(pkg, serviceDir(s.file));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "service-2.json.gz"), zlib.gzipSync(fs.readFileSync(path.join(VENDORED_MODELS_DIR, s.file))));
    }
    // A wheel is a zip of the package folder; Python (which pip needs anyway) writes it.
    const zip =
      "import os, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w')\nfor d, _, fs in os.walk(sys.argv[2]):\n  for f in fs:\n    p = os.path.join(d, f); z.write(p, os.path.relpath(p, sys.argv[2]))\nz.close()";
    execFileSync("python3", ["-c", zip, path.join(tmp, "botocore-9.8.7-py3-none-any.whl"), pkg]);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const form of ["wheel", "package folder"] as const) {
    it(`from a ${form}: every model the generator reads, byte for byte, and the release's version`, () => {
      const from = form === "wheel" ? path.join(tmp, "botocore-9.8.7-py3-none-any.whl") : path.join(tmp, "site-packages", "botocore");
      const release = botocoreRelease("9.8.7", from);
      assert.equal(release.version, "9.8.7");
      assert.deepEqual([...release.files.keys()].sort(), sources.map((s) => s.file).sort());
      for (const s of sources)
        assert.equal(release.files.get(s.file), fs.readFileSync(path.join(VENDORED_MODELS_DIR, s.file), "utf8"), s.file);
    });
  }

  it("refuses a release that is not the version asked for", () => {
    assert.throws(() => botocoreRelease("1.0.0", path.join(tmp, "site-packages", "botocore")), /is botocore 9\.8\.7, not 1\.0\.0/);
  });
});
