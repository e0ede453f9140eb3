import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { CreateDomainCommand, ListDomainsCommand } from "@aws-sdk/client-customer-profiles";
import { connectEmulator, startEmulator, type Emulator } from "../../../emulator";
import { clientsFor } from "../../support/emulator-harness";
import { buildCli, CLI_BIN, CLI_SOURCE, runCli } from "../../support/emulator-process";

describe("emulator: customer-profiles-emulator CLI", () => {
  let dir: string;
  before(async function () {
    this.timeout(300_000);
    await buildCli();
  });
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-cli-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("starts with a #!/usr/bin/env node line, so the compiled bin runs directly", () => {
    assert.equal(fs.readFileSync(CLI_SOURCE, "utf8").split("\n")[0], "#!/usr/bin/env node");
    assert.equal(fs.readFileSync(CLI_BIN, "utf8").split("\n")[0], "#!/usr/bin/env node");
  });

  it("prints the endpoint and the export lines, serves the options it was given, and on SIGTERM stops with state flushed", async () => {
    const stateFile = path.join(dir, "state.json");
    const cli = runCli([
      "--region",
      "eu-central-1",
      "--account-id",
      "111122223333",
      "--access-key-id",
      "AKIACLI",
      "--secret-access-key",
      "cli-secret",
      "--state-file",
      stateFile,
    ]);
    try {
      const url = await cli.url;
      const out = cli.output();
      assert.match(out, new RegExp(`^export AWS_ENDPOINT_URL=${url}$`, "m"));
      assert.match(out, /^export AWS_ACCESS_KEY_ID=AKIACLI$/m);
      assert.match(out, /^export AWS_SECRET_ACCESS_KEY=cli-secret$/m);
      assert.match(out, /^export AWS_DEFAULT_REGION=eu-central-1$/m);
      const endpoint = { url, region: "eu-central-1", credentials: { accessKeyId: "AKIACLI", secretAccessKey: "cli-secret" } } as Emulator;
      const { customerProfiles } = clientsFor(endpoint);
      await customerProfiles.send(new CreateDomainCommand({ DomainName: "from-cli", DefaultExpirationDays: 7 }));
      assert.equal((await connectEmulator(url).health()).accountId, "111122223333");
      customerProfiles.destroy();
    } finally {
      cli.child.kill("SIGTERM");
    }
    const { code } = await cli.exited;
    assert.equal(code, 0);
    assert.match(cli.output(), /Stopped on SIGTERM/);
    const restarted = await startEmulator({ stateFile, accessKeyId: "AKIACLI", secretAccessKey: "cli-secret", region: "eu-central-1" });
    try {
      const listed = await clientsFor(restarted).customerProfiles.send(new ListDomainsCommand({}));
      assert.deepEqual(
        listed.Items?.map((d) => d.DomainName),
        ["from-cli"],
      );
    } finally {
      await restarted.close();
    }
  });

  it("SIGINT stops it cleanly too", async () => {
    const cli = runCli([]);
    await cli.url;
    cli.child.kill("SIGINT");
    assert.deepEqual(await cli.exited, { code: 0, signal: null }, cli.output());
    assert.match(cli.output(), /Stopped on SIGINT/);
  });

  it("a wildcard bind address prints a warning and the addresses it is reachable at", async () => {
    const cli = runCli(["--host", "0.0.0.0"]);
    try {
      const url = await cli.url;
      assert.match(cli.output(), /listening on http:\/\/127\.0\.0\.1:\d+ \(bound to 0\.0\.0\.0: all interfaces\)/);
      const port = new URL(url).port;
      await cli.stderrMatches(/Reachable at: .*\n/);
      assert.match(
        cli.errors(),
        new RegExp(`WARNING: listening on all interfaces \\(0\\.0\\.0\\.0:${port}\\).*Reachable at: .*127\\.0\\.0\\.1:${port}`),
      );
    } finally {
      cli.child.kill("SIGTERM");
    }
    assert.equal((await cli.exited).code, 0);
  });

  it("rejects an unknown option with the usage and exit code 2", () => {
    const r = spawnSync(process.execPath, [CLI_BIN, "--prot", "1"], { encoding: "utf8" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --prot/);
    assert.match(r.stderr, /usage: customer-profiles-emulator/);
  });
});

describe("emulator: start time", () => {
  it("startEmulator resolves in well under a second", async () => {
    const started = process.hrtime.bigint();
    const e = await startEmulator();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    await e.close();
    assert.ok(ms < 1000, `took ${ms} ms`);
  });
});
