import { strict as assert } from "assert";
import { PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { toApi } from "../../../provider/mapping";
import { PluginHost } from "../../../provider/plugin/host";
import { RESOURCE_TOKEN } from "../../../provider/plugin/names";
import { IntegrationProvider } from "../../../provider";
import { useEmulator } from "../../support/aws-env";
import { seedRetailDomain } from "../../../testing/local-aws";
import { eventIntegration, s3FlowIntegration } from "../../support/fixtures";

const URN = `urn:pulumi:dev::proj::${RESOURCE_TOKEN}::imported`;

/**
 * `pulumi import` and the `import` option: the engine calls the plugin's Read with an id and
 * nothing else, then checks and diffs the program against what Read returned. Read must find
 * the integration (and its AppFlow flow) from the id alone and return inputs whose next diff is empty.
 */
describe("the plugin's read from an id alone (local endpoint, real SDK)", function () {
  const aws = useEmulator();
  let host: PluginHost;

  beforeEach(async () => {
    aws.emulator.reset();
    await seedRetailDomain(aws);
    aws.emulator.clearRequests();
    const core = new IntegrationProvider();
    core.useSettings({});
    host = new PluginHost(core);
  });

  /** Written outside Pulumi, as the AWS CLI or console would: one PutIntegration. */
  async function putOutsidePulumi(inputs: object): Promise<string> {
    const out = await aws.customerProfiles.send(new PutIntegrationCommand(toApi("PutIntegrationRequest", inputs) as never));
    return out.Uri!;
  }

  /** What the engine does after the import's Read: check the inputs Read gave it, then diff. */
  async function nextDiff(id: string, read: { props?: any; inputs?: any }) {
    const checked = await host.check(URN, {}, read.inputs);
    assert.deepEqual(checked.failures, []);
    return host.diff(id, URN, read.props, checked.inputs);
  }

  it("reads an S3-flow integration with its flow mapped back into flowDefinition, and the next diff is empty", async () => {
    const { tags: _t, ...untagged } = s3FlowIntegration();
    const uri = await putOutsidePulumi({ ...untagged, tags: { team: "crm" } });
    const id = `retail/${uri}`;
    const read = await host.read(id, URN, {});
    assert.equal(read.id, id);
    assert.deepEqual(read.inputs.flowDefinition, s3FlowIntegration().flowDefinition);
    assert.equal(read.inputs.domainName, "retail");
    assert.equal(read.inputs.uri, uri);
    assert.deepEqual(read.inputs.tags, { team: "crm" });
    assert.ok(!("region" in read.inputs), "the region is the provider's unless the program sets one");
    assert.equal(read.props.region, "us-east-1");
    assert.match(read.props.createdAt, /^\d{4}-/);
    const d = await nextDiff(id, read);
    assert.equal(d.changes, false, JSON.stringify(d));
  });

  it("reads an event integration, and the next diff is empty", async () => {
    const uri = await putOutsidePulumi(eventIntegration());
    const read = await host.read(`retail/${uri}`, URN, {});
    assert.deepEqual(read.inputs, {
      domainName: "retail",
      uri,
      objectTypeNames: eventIntegration().objectTypeNames,
      tags: { team: "crm" },
    });
    assert.equal((await nextDiff(`retail/${uri}`, read)).changes, false);
  });

  it("answers an id that names nothing with an empty id, which the engine reports as not found", async () => {
    assert.deepEqual(await host.read("retail/arn:aws:events:us-east-1:123456789012:event-source/none", URN, {}), { id: "", props: {} });
  });

  it("reads through the endpoint the provider's config sets, and names it when it does not answer", async () => {
    const uri = await putOutsidePulumi(eventIntegration());
    const saved = { ...process.env };
    // Only the config may lead to the endpoint; a closed port answers nothing.
    for (const k of Object.keys(process.env)) if (k.startsWith("AWS_ENDPOINT_URL")) delete process.env[k];
    process.env.AWS_MAX_ATTEMPTS = "1";
    const through = (url: string) => {
      const core = new IntegrationProvider();
      core.useSettings({ endpoints: { customerProfiles: url, appflow: url, sts: url } });
      return new PluginHost(core);
    };
    try {
      const read = await through(aws.emulator.url).read(`retail/${uri}`, URN, {});
      assert.equal(read.id, `retail/${uri}`);
      await assert.rejects(
        through("http://127.0.0.1:9").read(`retail/${uri}`, URN, {}),
        /No answer from http:\/\/127\.0\.0\.1:9 for Customer Profiles GetIntegration/,
      );
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
