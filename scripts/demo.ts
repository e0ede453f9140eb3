/**
 * npm run demo — the quickstart deployed by the real pulumi CLI to a local Customer Profiles +
 * AppFlow + STS endpoint: no AWS account, nothing left behind. The package is packed and
 * installed into a copy of examples/quickstart the way a user installs it; the endpoint runs
 * in this process; state lives in a temporary directory removed at the end.
 *
 *   ts-node scripts/demo.ts                           the demo
 *   ts-node scripts/demo.ts --install-example <name>  install the packed package and the example's
 *                                                     dependencies into examples/<name>, as a user
 *                                                     installs it before the package is published
 *                                                     (npm run example:install -- <name>)
 *   ts-node scripts/demo.ts --install-quickstart      the same for the quickstart, which the
 *                                                     repository root's Pulumi.yaml runs
 *   ts-node scripts/demo.ts --local-endpoint          the local endpoint seeded with what the
 *                                                     examples' config defaults name, in the
 *                                                     foreground, printing the variables to export
 *                                                     (npm run example:endpoint)
 *
 * Any failed step stops the demo with a non-zero exit and the reason.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ListProfileObjectTypesCommand } from "@aws-sdk/client-customer-profiles";
import {
  getIntegration,
  integrationsIn,
  seedExampleData,
  seedRetailDomain,
  SEEDED,
  startLocalAwsForExamples,
  type LocalAws,
} from "../testing/local-aws";
import { engineEnv, findEngine, Stack, type Engine } from "../testing/pulumi";
import { EXAMPLES, exampleDir, installDependencies, packedPackage, workingCopy, type ExampleName } from "../testing/package";
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

async function installExample(example: string | undefined): Promise<void> {
  if (!EXAMPLES.includes(example as ExampleName)) {
    throw new Error(`name an example: npm run example:install -- <${EXAMPLES.join("|")}> (got ${example ?? "nothing"})`);
  }
  const name = example as ExampleName;
  const { filename } = await packedPackage();
  // A plain copy, not hard links into the cache: the user may `npm install` more into it.
  await installDependencies(name, exampleDir(name), { linked: false, log: say });
  say(`examples/${name}/node_modules now holds ${filename} and the example's dependencies.`);
  say(
    name === "quickstart"
      ? "From the repository root or examples/quickstart: pulumi stack init dev && pulumi config set aws:region us-east-1 && pulumi up"
      : `In examples/${name}: pulumi stack init dev && pulumi config set aws:region us-east-1 && pulumi up`,
  );
}

/**
 * The endpoint with the domain, object types and connector profile the examples' config defaults
 * name, until Ctrl-C: what a newcomer runs to deploy an example without an AWS account.
 */
async function localEndpoint(): Promise<void> {
  const aws = await startLocalAwsForExamples();
  await seedExampleData(aws);
  const stop = () => {
    void aws.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log(`Local endpoint (Customer Profiles, AppFlow, STS) at ${aws.emulator.url}, account ${aws.emulator.accountId}.`);
  console.log(
    `Seeded: domain "${SEEDED.domainName}" with its object types, Salesforce connector profile "${SEEDED.connectorProfileName}".`,
  );
  console.log("In the shell you run pulumi from, export:");
  for (const [k, v] of Object.entries(aws.pulumiEnv)) console.log(`export ${k}='${v}'`);
  console.log(`and set the stack's region: pulumi config set aws:region ${SEEDED.region}. Ctrl-C stops the endpoint (state is in memory).`);
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
    aws = await startLocalAwsForExamples();
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
  // The SDK's notice about its own future Node.js plans is noise here (engines.node says what this package supports).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const args = process.argv.slice(2);
  try {
    if (args.includes("--install-quickstart")) await installExample("quickstart");
    else if (args.includes("--install-example")) await installExample(args[args.indexOf("--install-example") + 1]);
    else if (args.includes("--local-endpoint")) await localEndpoint();
    else await demo();
  } catch (err) {
    console.error(`\nThe demo failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}

void main();
