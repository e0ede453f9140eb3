/** The provider under hostile input: names like built-ins, huge values, missing state, encoded secrets. */
import { strict as assert } from "assert";
import { compareIntegration } from "../../provider/diff";
import { explain, ProviderError } from "../../provider/errors";
import { normalizeInputs } from "../../provider/normalize";
import { IntegrationProvider } from "../../provider/provider";
import { boundFailures, MAX_FAILURES } from "../../provider/validation";

describe("provider: hostile input", () => {
  it("normalisation keeps a tag called __proto__ (and every other built-in name)", () => {
    const tags = JSON.parse('{"__proto__":"a","constructor":"b","toString":"c"}') as Record<string, string>;
    const out = normalizeInputs({ domainName: "d", uri: "arn:aws:sqs:us-east-1:123456789012:q", objectTypeName: "Contact", tags });
    assert.deepEqual(Object.entries(out.tags as object).sort(), [
      ["__proto__", "a"],
      ["constructor", "b"],
      ["toString", "c"],
    ]);
    assert.equal(Object.getPrototypeOf(out.tags), Object.prototype, "the prototype was not replaced");
  });

  it("diff and update with null olds say what is missing and how to recover, never a TypeError", async () => {
    const provider = new IntegrationProvider();
    const news = { domainName: "d", uri: "u", objectTypeName: "Contact", region: "us-east-1" };
    for (const call of [() => provider.diff("d/u", null as never, news), () => provider.update("d/u", null as never, news)]) {
      await assert.rejects(
        call(),
        (e: Error) => e instanceof ProviderError && /got no prior state \(null\).*pulumi refresh/.test(e.message),
      );
    }
    assert.throws(() => compareIntegration(undefined, news, "us-east-1"), /got no prior state \(undefined\)/);
  });

  it("missing prior state points to adoptExisting, never to `pulumi import`, which cannot adopt a dynamic provider's resource (pulumi/pulumi#16175)", () => {
    const news = { domainName: "d", uri: "u", objectTypeName: "Contact", region: "us-east-1" };
    assert.throws(
      () => compareIntegration(null, news, "us-east-1"),
      (e: Error) => /adoptExisting: true/.test(e.message) && !/`pulumi import` it/.test(e.message) && /#16175/.test(e.message),
    );
  });

  it("an AWS failure about a 10 KB uri is a message of bounded length", () => {
    const uri = `arn:aws:sqs:us-east-1:123456789012:${"q".repeat(10_000)}`;
    const err = Object.assign(new Error(`Uri ${uri} is not valid`), { name: "BadRequestException" });
    const e = explain(err, { service: "Customer Profiles", operation: "PutIntegration", region: "us-east-1", domainName: "d", uri });
    assert.ok(e.message.length < 1200, `${e.message.length} characters`);
    assert.match(e.message, /more characters\)$/);
  });

  it("5,000 bad tags are at most MAX_FAILURES failures and a count of the rest", () => {
    const failures = Array.from({ length: 5000 }, (_, i) => ({ property: `tags["k${i}"]`, reason: "x".repeat(5000) }));
    const bounded = boundFailures(failures);
    assert.equal(bounded.length, MAX_FAILURES + 1);
    assert.match(bounded[MAX_FAILURES].reason, /and 4900 more failures/);
    assert.ok(JSON.stringify(bounded).length < 150_000, `${JSON.stringify(bounded).length} bytes`);
  });

  it("a session token echoed URL-encoded (or form-encoded) is redacted", () => {
    const token = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJGMEQCIAv+k3fake=token==";
    const saved = process.env.AWS_SESSION_TOKEN;
    process.env.AWS_SESSION_TOKEN = token;
    try {
      for (const spelled of [
        token,
        encodeURIComponent(token),
        encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
        new URLSearchParams({ t: token }).toString().slice(2),
      ]) {
        const err = Object.assign(new Error(`The request https://x/?X-Amz-Security-Token=${spelled} failed`), {
          name: "SomethingException",
        });
        const e = explain(err, { service: "STS", operation: "GetCallerIdentity", region: "us-east-1" });
        assert.ok(!e.message.includes(spelled), e.message);
        assert.match(e.message, /\(redacted\)/);
      }
    } finally {
      if (saved === undefined) delete process.env.AWS_SESSION_TOKEN;
      else process.env.AWS_SESSION_TOKEN = saved;
    }
  });
});
