/**
 * Persistence under hostile input and failing disks: a map key that
 * looks like a format tag is data; a write whose save fails is refused with AWS's
 * InternalServerException, changes nothing and leaves no temporary file; every acknowledged write
 * survives a restart; a state file that cannot be written stops the start, naming the file.
 *
 * Disks fail two ways here: a real 64 KiB tmpfs that fills up (when this process may mount one,
 * as root in the project's container), and the persistence module's I/O seam (persistenceIo),
 * which fails a chosen step with ENOSPC or EROFS without privileges.
 */
import { strict as assert } from "assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  CreateDomainCommand,
  GetIntegrationCommand,
  ListDomainsCommand,
  PutIntegrationCommand,
  TagResourceCommand,
} from "@aws-sdk/client-customer-profiles";
import { startEmulator } from "../../../emulator";
import { persistenceIo } from "../../../emulator/persistence";
import { clientsFor, createDomainWithObjectTypes, domainArn, expectErrorNamed } from "../../support/emulator-harness";
import { skipUnlessCI } from "../../support/skip";

function failing(code: string): () => never {
  return () => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };
}

describe("emulator: persistence under hostile input and failing disks", () => {
  let dir: string;
  let stateFile: string;
  const original = { ...persistenceIo };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-hostile-state-"));
    stateFile = path.join(dir, "state.json");
  });
  afterEach(() => {
    Object.assign(persistenceIo, original);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a map key spelled like a format tag ($date, object, map, date) is kept as data across restarts", async () => {
    const first = await startEmulator({ stateFile });
    const names = { $date: "Contact", date: "Contact", object: "Contact", map: "Contact", list: "Contact", __proto__: "Contact" };
    const objectTypeNames = JSON.parse(JSON.stringify(names).replace('"__proto__"', '"__proto__"')) as Record<string, string>;
    Object.defineProperty(objectTypeNames, "__proto__", { value: "Contact", enumerable: true, configurable: true, writable: true });
    const uri = "arn:aws:sqs:us-east-1:123456789012:orders";
    await createDomainWithObjectTypes(clientsFor(first).customerProfiles, "retail");
    await clientsFor(first).customerProfiles.send(
      new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeNames: objectTypeNames }),
    );
    await first.close();

    const second = await startEmulator({ stateFile });
    try {
      const got = await clientsFor(second).customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: uri }));
      assert.deepEqual(Object.entries(got.ObjectTypeNames ?? {}).sort(), Object.entries(objectTypeNames).sort());
      // And the endpoint still takes writes: the restart did not poison the state.
      await clientsFor(second).customerProfiles.send(new CreateDomainCommand({ DomainName: "after", DefaultExpirationDays: 1 }));
    } finally {
      await second.close();
    }
  });

  for (const [step, code] of [
    ["writeSync", "ENOSPC"],
    ["openSync", "EROFS"],
    ["fsyncSync", "EIO"],
    ["renameSync", "ENOSPC"],
  ] as const) {
    it(`a write whose save fails at ${step} (${code}) is refused with InternalServerException and changes nothing`, async () => {
      const e = await startEmulator({ stateFile });
      const cp = clientsFor(e, { maxAttempts: 1 }).customerProfiles;
      try {
        await cp.send(new CreateDomainCommand({ DomainName: "kept", DefaultExpirationDays: 1 }));
        persistenceIo[step] = failing(code) as never;
        await expectErrorNamed(
          cp.send(new CreateDomainCommand({ DomainName: "refused", DefaultExpirationDays: 1 })),
          "InternalServerException",
          500,
          new RegExp(`could not be saved \\(${code}\\) and was not applied`),
        );
        await expectErrorNamed(
          cp.send(new TagResourceCommand({ resourceArn: domainArn(e, "kept"), tags: { t: "v" } })),
          "InternalServerException",
          500,
        );
        const names = (await cp.send(new ListDomainsCommand({}))).Items?.map((d) => [d.DomainName, d.Tags]);
        assert.deepEqual(names, [["kept", undefined]], "the refused writes are not visible");
        assert.deepEqual(fs.readdirSync(dir), ["state.json"], "no temporary file is left");
        Object.assign(persistenceIo, original);
        // The retry the client makes is not told the domain "already exists".
        await cp.send(new CreateDomainCommand({ DomainName: "refused", DefaultExpirationDays: 1 }));
      } finally {
        Object.assign(persistenceIo, original);
        await e.close();
      }
      const again = await startEmulator({ stateFile });
      try {
        const names = (await clientsFor(again).customerProfiles.send(new ListDomainsCommand({}))).Items?.map((d) => d.DomainName);
        assert.deepEqual(names, ["kept", "refused"]);
      } finally {
        await again.close();
      }
    });
  }

  it("on a full disk (64 KiB tmpfs) every acknowledged create survives a restart and no refused one appears", async function () {
    this.timeout(60_000);
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-tmpfs-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt], { stdio: "ignore" });
    } catch {
      fs.rmSync(mnt, { recursive: true, force: true });
      skipUnlessCI(this, "no privilege to mount a tmpfs (the I/O seam specs above cover the same rule)");
    }
    const file = path.join(mnt, "state.json");
    const acknowledged: string[] = [];
    let refused = 0;
    try {
      const e = await startEmulator({ stateFile: file });
      const cp = clientsFor(e, { maxAttempts: 1 }).customerProfiles;
      try {
        for (let i = 0; i < 200; i++) {
          const name = `domain-${String(i).padStart(3, "0")}-${"x".repeat(40)}`;
          try {
            await cp.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: 1, Tags: { owner: "y".repeat(200) } }));
            acknowledged.push(name);
          } catch (err) {
            assert.equal((err as Error).name, "InternalServerException");
            refused++;
          }
        }
        assert.ok(refused > 0, "the disk filled up");
        const listed: string[] = [];
        let token: string | undefined;
        do {
          const page = await cp.send(new ListDomainsCommand({ NextToken: token }));
          listed.push(...(page.Items ?? []).map((d) => d.DomainName!));
          token = page.NextToken;
        } while (token);
        assert.deepEqual(listed, acknowledged, "what is listed is exactly what was acknowledged");
        assert.deepEqual(fs.readdirSync(mnt), ["state.json"], "no temporary files on the full disk");
      } finally {
        await e.close();
      }
      const again = await startEmulator({ stateFile: file });
      try {
        const listed: string[] = [];
        let token: string | undefined;
        do {
          const page = await clientsFor(again).customerProfiles.send(new ListDomainsCommand({ NextToken: token }));
          listed.push(...(page.Items ?? []).map((d) => d.DomainName!));
          token = page.NextToken;
        } while (token);
        assert.deepEqual(listed, acknowledged, "no acknowledged write lost across the restart");
      } finally {
        await again.close();
      }
      console.log(`      full disk: ${acknowledged.length} creates acknowledged and kept, ${refused} refused and absent`);
    } finally {
      try {
        execFileSync("umount", [mnt], { stdio: "ignore" });
      } catch {
        /* not mounted */
      }
      fs.rmSync(mnt, { recursive: true, force: true });
    }
  });

  it("the start fails fast, naming the path, when the state file cannot be written; leftover temp files are removed", async () => {
    fs.writeFileSync(path.join(dir, ".state.json.999.1.tmp"), "half a save");
    persistenceIo.openSync = failing("EROFS") as never;
    await assert.rejects(
      startEmulator({ stateFile }),
      (e: Error) => e.message.includes(stateFile) && /cannot be written \(EROFS\)/.test(e.message),
    );
    Object.assign(persistenceIo, original);
    assert.deepEqual(fs.readdirSync(dir), [], "the stale temp file was cleaned up");
    const e = await startEmulator({ stateFile });
    await e.close();
    assert.deepEqual(fs.readdirSync(dir), ["state.json"]);
  });
});
