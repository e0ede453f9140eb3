/**
 * npm run demo — the quickstart deployed by the real pulumi CLI to a local Customer Profiles +
 * AppFlow + STS endpoint: no AWS account, nothing left behind. The package is packed and
 * installed into a copy of examples/quickstart the way a user installs it; the endpoint runs
 * in this process; state lives in a temporary directory removed at the end.
 *
 *   ts-node scripts/demo.ts                      the demo
 *   ts-node scripts/demo.ts --install-quickstart  install the packed package into
 *                                                examples/quickstart, for `pulumi up` at the repository root
 *
 * Any failed step stops the demo with a non-zero exit and the reason.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ListProfileObjectTypesCommand } from "@aws-sdk/client-customer-profiles";
import { seedRetailDomain } from "../tests/support/aws-env";
import { getIntegration, integrationsIn, SEEDED, startLocalAws, type LocalAws } from "../tests/support/e2e-aws";
import { engineEnv, findEngine, Stack, type Engine } from "../tests/support/e2e-engine";
import { exampleDir, installDependencies, packedPackage, workingCopy } from "../tests/support/e2e-package";
import type { RequestRecord } from "../emulator/types";

const STEPS = 13;
let stepNumber = 0;

function step(title: string): void {
  stepNumber += 1;
  const heading = `[${stepNumber}/${STEPS}] ${title}`;
  console.log(`\n${heading}\n${"=".repeat(heading.length)}`);
}

function say(line: string): void {
  console.log(`  ${line}`);
}

/** The calls the endpoint received since the last look, as `service Operation (status)`. */
function awsCalls(aws: LocalAws): string {
  const calls = aws.emulator.requests().map((r: RequestRecord) => `${r.service} ${r.operation}${r.status >= 300 ? ` (${r.status})` : ""}`);
  aws.emulator.clearRequests();
  return calls.length > 0 ? calls.join(", ") : "none";
}

async function engine(): Promise<Engine> {
  const lookup = await findEngine({ build: true, echo: true });
  if ("unavailable" in lookup) throw new Error(lookup.unavailable);
  return lookup.engine;
}

async function installQuickstart(): Promise<void> {
  const { filename } = await packedPackage();
  await installDependencies("quickstart", exampleDir("quickstart"), { linked: false, log: say });
  say(`examples/quickstart/node_modules now holds ${filename} and the quickstart's dependencies.`);
  say("From the repository root: pulumi stack init dev && pulumi config set aws:region us-east-1 && pulumi up");
}

async function demo(): Promise<void> {
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-demo-"));
  let aws: LocalAws | undefined;
  // Ctrl-C stops the pulumi process too (same process group); leave no state behind either way.
  process.once("SIGINT", () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    step("The Pulumi engine (scripts/ensure-pulumi.sh)");
    const pulumi = await engine();
    say(`pulumi ${pulumi.version} from ${pulumi.binDir}`);

    step("The package, packed as it would be published (npm pack)");
    const { filename, sha256 } = await packedPackage();
    say(`${filename}  sha256 ${sha256.slice(0, 16)}…`);

    step("A working copy of examples/quickstart, with the tarball installed");
    const project = path.join(scratch, "quickstart");
    await workingCopy("quickstart", project, { log: say });
    say(`${project}`);

    step("The local endpoint (Customer Profiles, AppFlow and STS, in this process)");
    aws = await startLocalAws();
    say(`${aws.emulator.url}  region ${aws.emulator.region}, account ${aws.emulator.accountId}`);
    say("pulumi gets AWS_ENDPOINT_URL_CUSTOMER_PROFILES / _APPFLOW / _STS and a key pair; the region comes from stack config.");

    step("Seed data, through the AWS SDK: the domain and object types the quickstart names");
    await seedRetailDomain(aws, SEEDED.domainName);
    const types = await aws.customerProfiles.send(new ListProfileObjectTypesCommand({ DomainName: SEEDED.domainName }));
    say(`domain "${SEEDED.domainName}" with object types ${(types.Items ?? []).map((t) => t.ObjectTypeName).join(", ")}`);
    say("No connector profile: an S3 source needs none (examples/salesforce does).");
    aws.emulator.clearRequests();

    const stack = new Stack({
      engine: pulumi,
      dir: project,
      name: "demo",
      env: engineEnv(pulumi, {
        home: path.join(scratch, "pulumi-home"),
        backendDir: path.join(scratch, "state"),
        aws: aws.pulumiEnv,
      }),
      echo: true,
    });
    fs.mkdirSync(path.join(scratch, "state"));
    fs.mkdirSync(path.join(scratch, "pulumi-home"));

    step("A stack, with its state in a temporary directory");
    say(`PULUMI_BACKEND_URL=file://${path.join(scratch, "state")}`);
    await stack.init();
    await stack.setConfig({ "aws:region": SEEDED.region });

    step("pulumi preview: what would be created, checked before anything is written");
    await stack.preview();
    say(`AWS calls: ${awsCalls(aws)}`);

    step("pulumi up");
    await stack.up();
    say(`AWS calls: ${awsCalls(aws)}`);

    step("The integration, as GetIntegration now returns it");
    const [integration] = await integrationsIn(aws, SEEDED.domainName);
    if (!integration) throw new Error(`pulumi up reported success, but domain "${SEEDED.domainName}" has no integration`);
    const held = await getIntegration(aws, SEEDED.domainName, integration.Uri!);
    console.log(JSON.stringify(held, null, 2).replace(/^/gm, "  "));
    aws.emulator.clearRequests();

    step("A tag changes (team: crm → data): the preview shows the diff");
    const tags = { ...held?.Tags, team: "data" };
    await stack.setConfig({ tags });
    await stack.preview({ diff: true });
    say(`AWS calls: ${awsCalls(aws)}`);

    step("pulumi up: only the changed tag is written, the integration is not rewritten");
    await stack.up();
    say(`AWS calls: ${awsCalls(aws)}`);
    const now = await getIntegration(aws, SEEDED.domainName, integration.Uri!);
    say(`Tags now: ${JSON.stringify(now?.Tags)}`);
    aws.emulator.clearRequests();

    step("pulumi destroy");
    await stack.destroy();
    say(`AWS calls: ${awsCalls(aws)}`);
    const left = await integrationsIn(aws, SEEDED.domainName);
    if (left.length > 0) throw new Error(`pulumi destroy left ${left.length} integration(s) behind`);
    say(`Integrations left in "${SEEDED.domainName}": none`);

    step("Stop the endpoint and remove the temporary state");
  } finally {
    await aws?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  say(`Done in ${Math.round((Date.now() - started) / 1000)}s.`);
}

async function main(): Promise<void> {
  // This package supports Node 20; the SDK's notice about its own future plans is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  try {
    if (process.argv.includes("--install-quickstart")) await installQuickstart();
    else await demo();
  } catch (err) {
    console.error(`\nThe demo failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}

void main();
