import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { stepsOf } from "../../testing/pulumi";
import { REPO_ROOT } from "../../testing/package";
import { integrationsIn } from "../../testing/local-aws";

/**
 * What `pulumi up` and `pulumi destroy` promise when AWS throttles and fails: the real engine,
 * running up to its default parallelism, against an endpoint that throttles 30% of all calls
 * and answers 5% with a 500 (seeded, so a failure reproduces).
 */
describe("pulumi up and destroy of 50 integrations under throttling and server errors (real engine)", function () {
  this.timeout(E2E_TEST_TIMEOUT * 2);
  const e2e = useE2E({ examples: ["quickstart"] });
  const COUNT = 50;
  const FAULTS = { seed: 1729, rules: [{ throttleRate: 0.3, errorRate: 0.05 }] };

  it("creates every integration exactly once, and destroy under the same faults leaves none", async () => {
    const stack = await e2e.stack("quickstart", {
      count: COUNT,
      kind: "event",
      uriPrefix: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/faults.example/1/source",
    });
    // The bench's program of N integrations, in the example's install of the packed package.
    fs.copyFileSync(path.join(REPO_ROOT, "bench", "programs", "integrations.ts"), path.join(stack.dir, "index.ts"));
    e2e.aws.emulator.clearRequests();
    e2e.aws.emulator.setFaults(FAULTS);

    const up = await stack.up();
    assert.equal(stepsOf(up).filter(([, op]) => op === "create").length, COUNT);
    const requests = e2e.aws.emulator.requests();
    const faulted = requests.filter((r) => r.status === 429 || r.status === 500).length;
    assert.ok(faulted > COUNT / 2, `faults were injected (${faulted} of ${requests.length} requests)`);
    const written = new Map<string, number>();
    for (const r of requests) {
      if (r.operation === "PutIntegration" && r.status === 200)
        written.set(r.input!.Uri as string, (written.get(r.input!.Uri as string) ?? 0) + 1);
    }
    assert.equal(written.size, COUNT, "every integration was written");
    assert.deepEqual(
      [...written.values()].filter((n) => n !== 1),
      [],
      "none was written twice",
    );
    e2e.aws.emulator.setFaults({});
    assert.equal((await integrationsIn(e2e.aws, "retail")).length, COUNT);
    const state = await stack.exportState();
    assert.equal(state.deployment.resources!.filter((r) => r.type.endsWith(":Integration")).length, COUNT);

    e2e.aws.emulator.setFaults(FAULTS);
    await stack.destroy();
    e2e.aws.emulator.setFaults({});
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), [], "destroy left no integration behind");
  });
});
