import { strict as assert } from "assert";
import * as path from "path";
import * as ts from "typescript";

/** The SDK's types catch mistakes at `tsc` time, before Pulumi even runs. */
describe("the Integration class's TypeScript types", function () {
  this.timeout(120_000);
  const dir = path.join(__dirname, "typecheck");
  let diagnostics: Map<string, string[]>;

  before(() => {
    const files = ["full-flow.program.ts", "misspelt-enum.program.ts"].map((f) => path.join(dir, f));
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ["node"],
    });
    diagnostics = new Map(files.map((f) => [path.basename(f), [] as string[]]));
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const name = d.file ? path.basename(d.file.fileName) : "";
      diagnostics.get(name)?.push(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    }
  });

  it("accepts a complete flow definition, with Outputs at any level", () => {
    assert.deepEqual(diagnostics.get("full-flow.program.ts"), []);
  });

  it("rejects a misspelt connector type and an operator another connector's key does not allow", () => {
    const errors = diagnostics.get("misspelt-enum.program.ts")!.join("\n");
    assert.match(errors, /"Salesforse"/);
    assert.match(errors, /"LESS_THAN"/);
  });
});
