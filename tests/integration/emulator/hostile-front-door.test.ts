/**
 * The front door under hostile input: test hooks a web page cannot
 * drive, no secret served back, bounded bodies, depths, connections and messages, and one line
 * (never a stack trace) for a client that goes away.
 */
import { strict as assert } from "assert";
import * as net from "node:net";
import { performance } from "node:perf_hooks";
import { ListDomainsCommand, PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { connectEmulator, startEmulator, type Emulator } from "../../../emulator";
import { RequestLog } from "../../../emulator/request-log";
import { MAX_ECHOED_CHARS } from "../../../emulator/validation-message";
import {
  clientsFor,
  createConnectorProfile,
  createDomainWithObjectTypes,
  expectErrorNamed,
  rawRequest,
  signedRequest,
  useTestEmulator,
} from "../../support/emulator-harness";
import { stderrOf } from "../../support/wait";

/** Captures what the endpoint writes to stderr while `fn` runs. */
const domains = async (e: Emulator) =>
  (await clientsFor(e).customerProfiles.send(new ListDomainsCommand({}))).Items?.map((d) => d.DomainName);

describe("emulator: front door under hostile input", () => {
  const aws = useTestEmulator();

  describe("test hooks only the local user's tools can reach", () => {
    it("POST /_emulator/reset as a CORS simple request (text/plain) is refused and wipes nothing", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      for (const headers of [{ "Content-Type": "text/plain" }, { "Content-Type": "application/x-www-form-urlencoded" }, {}] as Record<
        string,
        string
      >[]) {
        const res = await rawRequest(aws.emulator.url, { method: "POST", path: "/_emulator/reset", headers, body: "x" });
        assert.equal(res.status, 415, JSON.stringify(headers));
        assert.match(JSON.parse(res.body).message, /Content-Type: application\/json.*x-emulator-hook/);
      }
      assert.deepEqual(await domains(aws.emulator), ["retail"]);
      // What the project's own client sends is accepted.
      await connectEmulator(aws.emulator.url).reset();
      assert.deepEqual(await domains(aws.emulator), []);
    });

    it("a foreign Origin is refused on hooks and on the AWS API alike, and changes nothing", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      const origin = { Origin: "https://attacker.example", "Content-Type": "application/json" };
      for (const [method, path] of [
        ["POST", "/_emulator/reset"],
        ["GET", "/_emulator/requests"],
        ["PUT", "/_emulator/faults"],
        ["GET", "/domains"],
      ]) {
        const res = await rawRequest(aws.emulator.url, { method, path, headers: origin, body: method === "PUT" ? "{}" : undefined });
        assert.equal(res.status, 403, `${method} ${path}`);
        assert.equal(res.headers["x-amzn-errortype"], "AccessDeniedException");
        assert.equal(res.headers["access-control-allow-origin"], undefined, "no CORS grant");
      }
      assert.deepEqual(await domains(aws.emulator), ["retail"]);
      // The endpoint's own origin is not foreign.
      const own = await rawRequest(aws.emulator.url, { method: "GET", path: "/_emulator/health", headers: { Origin: aws.emulator.url } });
      assert.equal(own.status, 200);
    });

    it("a Host that is not a name the endpoint is served under (DNS rebinding) is refused", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      for (const host of ["attacker.example", "attacker.example:80", "127.0.0.1.attacker.example"]) {
        const res = await rawRequest(aws.emulator.url, {
          method: "POST",
          path: "/_emulator/reset",
          headers: { Host: host, "x-emulator-hook": "1" },
        });
        assert.equal(res.status, 403, host);
        assert.match(JSON.parse(res.body).message, /is not a name this endpoint is served under/);
      }
      assert.deepEqual(await domains(aws.emulator), ["retail"]);
      for (const host of ["localhost", `127.0.0.1:${new URL(aws.emulator.url).port}`]) {
        assert.equal(
          (await rawRequest(aws.emulator.url, { method: "GET", path: "/_emulator/health", headers: { Host: host } })).status,
          200,
          host,
        );
      }
    });

    it("allowedHosts admits a name the user chose (a container's service name)", async () => {
      const e = await startEmulator({ allowedHosts: ["emulator.internal"] });
      try {
        assert.equal(
          (await rawRequest(e.url, { method: "GET", path: "/_emulator/health", headers: { Host: "emulator.internal:4566" } })).status,
          200,
        );
        assert.equal(
          (await rawRequest(e.url, { method: "GET", path: "/_emulator/health", headers: { Host: "other.internal" } })).status,
          403,
        );
      } finally {
        await e.close();
      }
    });

    it("the request log serves back no connector credential and nothing else the model marks sensitive", async () => {
      await createConnectorProfile(aws.appflow, "salesforce-prod");
      await createConnectorProfile(aws.appflow, "zendesk-prod", "Zendesk");
      const secrets = ["sf-access-token-secret", "sf-refresh-secret", "zd-client-secret", "zd-token"];
      const served = JSON.stringify(await connectEmulator(aws.emulator.url).requests());
      const kept = JSON.stringify(aws.emulator.requests());
      for (const s of secrets) {
        assert.ok(!served.includes(s), `${s} served by GET /_emulator/requests`);
        assert.ok(!kept.includes(s), `${s} kept in the in-process log`);
      }
      assert.match(served, /\*\*\*SensitiveInformation\*\*\*/);
      assert.match(served, /"connectorProfileName":"zendesk-prod"/, "what is not secret is still there to assert on");
    });
  });

  describe("bounded resources", () => {
    it("a body over the limit is 413 before authentication, answered without reading it", async () => {
      const e = await startEmulator({ limits: { maxBodyBytes: 64 * 1024 } });
      try {
        // Unsigned, so only a check before authentication can answer 413.
        const big = "x".repeat(100 * 1024);
        const res = await rawRequest(e.url, {
          method: "PUT",
          path: "/domains/retail/integrations",
          headers: { "Content-Type": "application/json" },
          body: big,
        });
        assert.equal(res.status, 413);
        assert.equal(res.headers["x-amzn-errortype"], "RequestEntityTooLargeException");
        assert.ok(res.body.length < 300, "the answer does not echo the body");
        // A declared 50 MB upload is refused on its headers alone, in bounded time.
        const t0 = performance.now();
        const answer = await new Promise<string>((resolve, reject) => {
          const url = new URL(e.url);
          const socket = net.connect(Number(url.port), url.hostname, () => {
            socket.write(
              `PUT /domains/retail/integrations HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`,
            );
          });
          let text = "";
          socket.on("data", (c) => (text += c.toString("utf8")));
          socket.on("close", () => resolve(text));
          socket.on("error", reject);
        });
        assert.match(answer, /^HTTP\/1\.1 413/);
        assert.ok(performance.now() - t0 < 2000, "answered without waiting for 50 MB");
        // A signed request over the limit fares the same, and the endpoint still serves afterwards.
        const signed = await signedRequest(
          e,
          {
            method: "PUT",
            path: "/domains/retail/integrations",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ Uri: big }),
          },
          { service: "profile" },
        );
        assert.equal(signed.status, 413);
        assert.deepEqual(await domains(e), []);
      } finally {
        await e.close();
      }
    });

    it("a signed, oversized value under the body limit is refused with a bounded message in bounded time", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      const uri = `arn:aws:sqs:us-east-1:123456789012:${"q".repeat(900 * 1024)}`;
      const t0 = performance.now();
      const err = await expectErrorNamed(
        aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Contact" })),
        "BadRequestException",
        400,
      );
      assert.ok(performance.now() - t0 < 5000, `answered in ${Math.round(performance.now() - t0)} ms`);
      assert.ok(err.message.length <= MAX_ECHOED_CHARS + 200, `message of ${err.message.length} characters`);
      assert.match(err.message, /more characters\)/);
    });

    for (const [name, body] of [
      ["JSON nested 100,000 deep", "[".repeat(100_000)],
      ["JSON nested 100,000 deep in an object member", `{"Uri":${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
      ["malformed JSON", '{"Uri": '],
      ["a JSON list where an object belongs", "[1,2,3]"],
      ["bytes that are not UTF-8", "\u00ff\u00fe{"],
    ] as const) {
      it(`${name} is a 400 SerializationException, never a 500, with nothing on stderr`, async () => {
        await createDomainWithObjectTypes(aws.customerProfiles, "retail");
        let res: Awaited<ReturnType<typeof signedRequest>> | undefined;
        const stderr = await stderrOf(async () => {
          res = await signedRequest(
            aws.emulator,
            { method: "PUT", path: "/domains/retail/integrations", headers: { "content-type": "application/json" }, body },
            { service: "profile" },
          );
        });
        assert.equal(res!.status, 400, res!.body.slice(0, 200));
        assert.equal(res!.headers["x-amzn-errortype"], "SerializationException");
        assert.equal(stderr, "");
      });
    }

    it("stalled connections are closed after the header timeout and capped in number; service resumes", async function () {
      this.timeout(20_000);
      const e = await startEmulator({ limits: { headersTimeoutMs: 500, maxConnections: 64 } });
      const url = new URL(e.url);
      const sockets: net.Socket[] = [];
      let closed = 0;
      try {
        const started = Date.now();
        const allClosed: Promise<void>[] = [];
        await Promise.all(
          Array.from(
            { length: 300 },
            () =>
              new Promise<void>((resolve) => {
                const s = net.connect(Number(url.port), url.hostname, () => {
                  s.write("GET /_emulator/health HTTP/1.1\r\n"); // and never finish the headers
                  resolve();
                });
                s.resume(); // read what the endpoint answers, so its close is seen
                allClosed.push(new Promise((closedNow) => s.on("close", () => (closed++, closedNow()))));
                s.on("error", () => resolve());
                sockets.push(s);
              }),
          ),
        );
        // Every close is awaited; an endpoint that left one open fails the spec at its timeout.
        await Promise.all(allClosed);
        assert.equal(closed, 300, "every stalled connection was closed by the endpoint");
        console.log(`      300 stalled connections closed within ${Date.now() - started} ms`);
        assert.deepEqual(await domains(e), []);
      } finally {
        for (const s of sockets) s.destroy();
        await e.close();
      }
    });

    it("an upload the client aborts is one line on stderr, not a stack trace", async () => {
      const stderr = await stderrOf(async (seen) => {
        const url = new URL(aws.emulator.url);
        await new Promise<void>((resolve) => {
          const s = net.connect(Number(url.port), url.hostname, () => {
            // Gone once the first bytes of the body are on their way.
            s.write(
              `PUT /domains/retail/integrations HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"Uri":`,
              () => s.destroy(),
            );
          });
          s.on("close", () => resolve());
        });
        // The endpoint's line comes after the client has gone: wait for it, then for one more answer
        // from the endpoint, by which time anything else it had to say about that socket is said.
        await seen(/went away after sending/);
        assert.equal((await rawRequest(aws.emulator.url, { method: "GET", path: "/_emulator/health" })).status, 200);
      });
      const lines = stderr.split("\n").filter(Boolean);
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0], /went away after sending \d+ bytes/);
      assert.doesNotMatch(stderr, /\n\s+at /);
    });

    it("the request log is bounded in bytes as well as in count, oldest dropped first", () => {
      const log = new RequestLog(1000, 64 * 1024);
      const input = { Uri: "u".repeat(10 * 1024) };
      for (let i = 0; i < 100; i++)
        log.add({ service: "customer-profiles", operation: `Op${i}`, status: 200, time: "", durationMs: 0, input });
      assert.ok(log.size() <= 64 * 1024, `${log.size()} bytes kept`);
      const kept = log.list().map((r) => r.operation);
      assert.ok(kept.length >= 5 && kept.length < 10, `${kept.length} records kept`);
      assert.equal(kept[kept.length - 1], "Op99");
      const counted = new RequestLog(10);
      for (let i = 0; i < 25; i++) counted.add({ service: "sts", operation: `Op${i}`, status: 200, time: "", durationMs: 0 });
      assert.deepEqual(
        counted.list().map((r) => r.operation),
        Array.from({ length: 10 }, (_, i) => `Op${i + 15}`),
      );
    });
  });
});
