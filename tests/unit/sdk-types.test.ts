import { strict as assert } from "assert";
import * as path from "path";
import * as ts from "typescript";

/** The SDK's types catch mistakes at `tsc` time, before Pulumi even runs. */
describe("the Integration class's TypeScript types", function () {
  this.timeout(120_000);
  const dir = path.join(__dirname, "typecheck");
  let diagnostics: Map<string, string[]>;
  let program: ts.Program;

  before(() => {
    const files = ["full-flow.program.ts", "misspelt-enum.program.ts"].map((f) => path.join(dir, f));
    program = ts.createProgram(files, {
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

  /** The documentation an editor shows for `member` of the interface `name` declared in sdk/`file`. */
  function docOf(file: string, name: string, member: string): string {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(path.resolve(__dirname, "../../sdk", file))!;
    const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
    const prop = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(decl.name)!).getProperty(member)!;
    return ts.displayPartsToString(prop.getDocumentationComment(checker));
  }

  it("documents each member with AWS's text from the model, IntegrationArgs included", () => {
    assert.match(docOf("../model/generated/program-types.ts", "FlowDefinition", "flowName"), /^The specified name of the flow\./);
    assert.match(
      docOf("../model/generated/program-types.ts", "ScheduledTriggerProperties", "scheduleStartTime"),
      /start time[\s\S]*ISO-8601[\s\S]*epoch seconds/,
    );
    assert.match(docOf("../model/generated/program-types.ts", "GetIntegrationResponse", "createdAt"), /ISO-8601 string in UTC/);
    const flow = docOf("../model/generated/program-types.ts", "PutIntegrationRequest", "flowDefinition");
    assert.match(flow, /Customer Profiles retrieves data from the source/);
    assert.equal(docOf("integration.ts", "IntegrationArgs", "flowDefinition"), flow);
    assert.match(docOf("integration.ts", "IntegrationArgs", "adoptExisting"), /pulumi\/pulumi#16175/);
  });
});
