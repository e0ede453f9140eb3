import { strict as assert } from "assert";
import { RouteTable } from "../../../emulator/routes";
import type { ServiceModel } from "../../../model/types";
import { createDomainWithObjectTypes, rawRequest, signedRequest, useTestEmulator } from "../../support/emulator-harness";

/** What goes over the wire, checked byte for byte where the SDKs are forgiving. */
describe("emulator: wire protocols", () => {
  const aws = useTestEmulator();
  /** A signed REST-JSON call; an object body is sent as JSON. */
  const call = (service: "profile" | "appflow", method: string, path: string, body?: string | object) =>
    signedRequest(
      aws.emulator,
      {
        method,
        path,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: typeof body === "object" ? JSON.stringify(body) : body,
      },
      { service },
    );

  describe("REST-JSON (Customer Profiles, AppFlow)", () => {
    it("answers with epoch-second timestamps and leaves out members it has no value for", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      const res = await call("profile", "GET", "/domains/retail");
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/json");
      assert.ok(res.headers["x-amzn-requestid"]);
      const body = JSON.parse(res.body);
      assert.equal(typeof body.CreatedAt, "number");
      assert.ok(Math.abs(body.CreatedAt - Date.now() / 1000) < 60);
      assert.ok(!("DefaultEncryptionKey" in body), "absent members are omitted, not null");
      assert.ok(!("Tags" in body), "an untagged domain has no Tags member");
      assert.ok(!("objectTypes" in body) && !("integrations" in body), "only modelled members are written");
    });

    it("reads epoch-second timestamps in a JSON body", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      const body = JSON.stringify({
        ObjectTypeName: "Contact",
        FlowDefinition: {
          FlowName: "csv",
          KmsArn: "arn:aws:kms:us-east-1:123456789012:key/k",
          SourceFlowConfig: { ConnectorType: "S3", SourceConnectorProperties: { S3: { BucketName: "exports" } } },
          Tasks: [{ SourceFields: ["a"], TaskType: "Map", DestinationField: "a" }],
          TriggerConfig: {
            TriggerType: "Scheduled",
            TriggerProperties: { Scheduled: { ScheduleExpression: "rate(1days)", ScheduleStartTime: 1893456000 } },
          },
        },
      });
      const put = await call("profile", "PUT", "/domains/retail/integrations", body);
      assert.equal(put.status, 200, put.body);
      const flow = await call("appflow", "POST", "/describe-flow", { flowName: "csv" });
      assert.equal(JSON.parse(flow.body).triggerConfig.triggerProperties.Scheduled.scheduleStartTime, 1893456000);
    });

    it('a Customer Profiles error carries x-amzn-ErrorType, a request id, and {"Message"}', async () => {
      const res = await call("profile", "GET", "/domains/nope");
      assert.equal(res.status, 404);
      assert.equal(res.headers["x-amzn-errortype"], "ResourceNotFoundException");
      assert.ok(res.headers["x-amzn-requestid"]);
      assert.deepEqual(Object.keys(JSON.parse(res.body)), ["Message"]);
    });

    it('an AppFlow error spells its member {"message"}, as AppFlow\'s error shapes do', async () => {
      const res = await call("appflow", "POST", "/describe-flow", { flowName: "nope" });
      assert.equal(res.status, 404);
      assert.equal(res.headers["x-amzn-errortype"], "ResourceNotFoundException");
      assert.deepEqual(Object.keys(JSON.parse(res.body)), ["message"]);
    });

    it("a body that is not JSON is a SerializationException", async () => {
      const res = await call("profile", "POST", "/domains/retail", "{not json");
      assert.equal(res.status, 400);
      assert.equal(res.headers["x-amzn-errortype"], "SerializationException");
    });

    it("a signed request for a path the service does not have is UnknownOperationException", async () => {
      const res = await call("profile", "GET", "/profiles/everything");
      assert.equal(res.status, 404);
      assert.equal(res.headers["x-amzn-errortype"], "UnknownOperationException");
      // Signed for AppFlow, a Customer Profiles path is no AppFlow operation: the scope decides the service.
      const cross = await call("appflow", "GET", "/domains");
      assert.equal(cross.status, 404);
      assert.equal(aws.emulator.requests().at(-1)!.service, "appflow");
    });

    it("repeated query keys become a list (UntagResource's tagKeys)", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      const arn = encodeURIComponent("arn:aws:profile:us-east-1:123456789012:domains/retail");
      await call("profile", "POST", `/tags/${arn}`, { tags: { a: "1", b: "2", c: "3" } });
      const untag = await call("profile", "DELETE", `/tags/${arn}?tagKeys=a&tagKeys=c`);
      assert.equal(untag.status, 200, untag.body);
      assert.deepEqual(aws.emulator.requests().at(-1)!.input, { resourceArn: decodeURIComponent(arn), tagKeys: ["a", "c"] });
      const list = await call("profile", "GET", `/tags/${arn}`);
      assert.deepEqual(JSON.parse(list.body), { tags: { b: "2" } });
    });
  });

  describe("query protocol (STS)", () => {
    it("GetCallerIdentity answers in XML with the configured account", async () => {
      const res = await signedRequest(
        aws.emulator,
        {
          method: "POST",
          path: "/",
          headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
          body: "Action=GetCallerIdentity&Version=2011-06-15",
        },
        { service: "sts" },
      );
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "text/xml");
      assert.match(
        res.body,
        /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><UserId>AIDA[A-Z2-7]{17}<\/UserId><Account>123456789012<\/Account><Arn>arn:aws:iam::123456789012:user\/emulator<\/Arn><\/GetCallerIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetCallerIdentityResponse>/,
      );
    });

    it("an unknown action is an XML ErrorResponse", async () => {
      const res = await signedRequest(
        aws.emulator,
        {
          method: "POST",
          path: "/",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "Action=AssumeRole&Version=2011-06-15",
        },
        { service: "sts" },
      );
      assert.equal(res.status, 400);
      assert.match(
        res.body,
        /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation AssumeRole for version 2011-06-15<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
      );
    });
  });

  it("without a signature, the path alone tells the service apart for the error's form", async () => {
    const rest = await rawRequest(aws.emulator.url, { method: "GET", path: "/domains" });
    assert.equal(rest.status, 403);
    assert.equal(rest.headers["x-amzn-errortype"], "MissingAuthenticationTokenException");
    assert.deepEqual(JSON.parse(rest.body), { message: "Missing Authentication Token" });
    const sts = await rawRequest(aws.emulator.url, {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    assert.equal(sts.status, 403);
    assert.match(sts.body, /<Code>MissingAuthenticationToken<\/Code>/);
    assert.deepEqual(
      aws.emulator.requests().map((r) => [r.service, r.operation, r.status]),
      [
        ["customer-profiles", "ListDomains", 403],
        ["sts", "GetCallerIdentity", 403],
      ],
    );
  });

  describe("routes compiled from the model", () => {
    const model: ServiceModel = {
      metadata: { apiVersion: "1", endpointPrefix: "x", signingName: "x", protocol: "rest-json", serviceId: "X" },
      operations: {
        GetObject: { http: { method: "GET", requestUri: "/buckets/{Bucket}/objects/{Key+}" }, input: "GetObjectRequest", errors: [] },
        ListVersions: { http: { method: "GET", requestUri: "/buckets/{Bucket}?versions" }, input: "ListRequest", errors: [] },
        ListBuckets: { http: { method: "GET", requestUri: "/buckets/{Bucket}" }, input: "ListRequest", errors: [] },
        DeleteAll: { http: { method: "POST", requestUri: "/buckets/{Bucket}/objects/delete" }, input: "ListRequest", errors: [] },
        DeleteOne: { http: { method: "POST", requestUri: "/buckets/{Bucket}/objects/{Key}" }, input: "GetObjectRequest", errors: [] },
      },
      shapes: {
        GetObjectRequest: {
          type: "structure",
          members: {
            Bucket: { shape: "S", location: "uri", locationName: "Bucket" },
            Key: { shape: "S", location: "uri", locationName: "Key" },
          },
        },
        ListRequest: { type: "structure", members: { Bucket: { shape: "S", location: "uri", locationName: "Bucket" } } },
        S: { type: "string" },
      },
    };
    const routes = new RouteTable(model);

    it("a greedy label takes the rest of the path, slashes included", () => {
      const m = routes.match("GET", "/buckets/b/objects/a/b%20c/d", {})!;
      assert.equal(m.route.operation, "GetObject");
      assert.deepEqual(m.labels, { Bucket: "b", Key: "a/b c/d" });
    });

    it("a plain label takes one segment, with an encoded slash kept inside it", () => {
      const m = routes.match("POST", "/buckets/b/objects/a%2Fb", {})!;
      assert.equal(m.route.operation, "DeleteOne");
      assert.deepEqual(m.labels, { Bucket: "b", Key: "a/b" });
    });

    it("a literal segment wins over a label in the same place", () => {
      assert.equal(routes.match("POST", "/buckets/b/objects/delete", {})!.route.operation, "DeleteAll");
    });

    it("a query key fixed by the requestUri selects its operation", () => {
      assert.equal(routes.match("GET", "/buckets/b", { versions: [""] })!.route.operation, "ListVersions");
      assert.equal(routes.match("GET", "/buckets/b", {})!.route.operation, "ListBuckets");
    });

    it("matches neither another method nor a longer or shorter path", () => {
      assert.equal(routes.match("DELETE", "/buckets/b", {}), undefined);
      assert.equal(routes.match("GET", "/buckets", {}), undefined);
      assert.equal(routes.match("POST", "/buckets/b/objects/k/extra", {}), undefined);
    });
  });
});
