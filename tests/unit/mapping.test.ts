import { strict as assert } from "assert";
import * as fc from "fast-check";
import { putIntegrationRequest, outputsFromIntegration, flowDefinitionFromFlow, toApi, fromApi } from "../../provider/mapping";
import { salesforceFlowIntegration, eventIntegration } from "../support/fixtures";

describe("mapping between program inputs and the API's shapes", () => {
  it("spells every nested FlowDefinition member as the API does", () => {
    const req = putIntegrationRequest(salesforceFlowIntegration(), { withTags: true }) as any;
    assert.equal(req.DomainName, "retail");
    assert.equal(req.ObjectTypeName, "SalesforceContact");
    assert.deepEqual(req.Tags, { team: "crm", env: "test" });
    assert.equal(req.RoleArn, "arn:aws:iam::123456789012:role/CustomerProfilesIntegration");
    assert.deepEqual(req.EventTriggerNames, ["HighValueContact"]);
    assert.equal(req.Scope, "PROFILE");
    const f = req.FlowDefinition;
    assert.equal(f.Description, "Contacts from Salesforce");
    assert.equal(f.FlowName, "salesforce-contacts");
    assert.match(f.KmsArn, /^arn:aws:kms:/);
    assert.equal(f.SourceFlowConfig.ConnectorProfileName, "salesforce-prod");
    assert.equal(f.SourceFlowConfig.ConnectorType, "Salesforce");
    assert.deepEqual(f.SourceFlowConfig.IncrementalPullConfig, { DatetimeTypeFieldName: "LastModifiedDate" });
    assert.deepEqual(f.SourceFlowConfig.SourceConnectorProperties, {
      Salesforce: { Object: "Contact", EnableDynamicFieldUpdate: true, IncludeDeletedRecords: false },
    });
    assert.deepEqual(f.Tasks[1], {
      SourceFields: ["Email"],
      ConnectorOperator: { Salesforce: "NO_OP" },
      DestinationField: "Email",
      TaskType: "Map",
      // Map keys are data, not member names: kept exactly as written.
      TaskProperties: { DESTINATION_DATA_TYPE: "string", SOURCE_DATA_TYPE: "string" },
    });
    const s = f.TriggerConfig.TriggerProperties.Scheduled;
    assert.equal(f.TriggerConfig.TriggerType, "Scheduled");
    assert.equal(s.ScheduleExpression, "rate(1hours)");
    assert.equal(s.DataPullMode, "Incremental");
    assert.equal(s.Timezone, "America/New_York");
    assert.equal(s.ScheduleOffset, 300);
    // ISO-8601 strings in a program are Dates for the AWS SDK, which sends epoch seconds.
    assert.ok(s.ScheduleStartTime instanceof Date);
    assert.equal(s.ScheduleStartTime.toISOString(), "2030-01-01T00:00:00.000Z");
    assert.equal(s.ScheduleEndTime.toISOString(), "2031-01-01T00:00:00.000Z");
    assert.equal(s.FirstExecutionFrom.toISOString(), "2029-06-01T00:00:00.000Z");
  });

  it("maps the connector keys with irregular capitals (S3, ServiceNow)", () => {
    assert.deepEqual(toApi("SourceConnectorProperties", { s3: { bucketName: "b" }, serviceNow: { object: "incident" } }), {
      S3: { BucketName: "b" },
      ServiceNow: { Object: "incident" },
    });
    assert.deepEqual(fromApi("ConnectorOperator", { S3: "PROJECTION", ServiceNow: "CONTAINS" }), {
      s3: "PROJECTION",
      serviceNow: "CONTAINS",
    });
  });

  it("keeps event-type map keys and leaves region out of the request", () => {
    const req = putIntegrationRequest({ ...eventIntegration(), region: "eu-west-1" }, { withTags: true }) as any;
    assert.deepEqual(req.ObjectTypeNames, { ShopifyCreateOrders: "ShopifyOrder", ShopifyUpdatedOrders: "ShopifyOrder" });
    assert.equal(req.Region, undefined);
    assert.equal(req.region, undefined);
  });

  it("sends tags only when asked (create), and the URI it is told (update)", () => {
    const req = putIntegrationRequest(salesforceFlowIntegration(), { withTags: false, uri: "arn:aws:appflow:x" }) as any;
    assert.equal(req.Tags, undefined);
    assert.equal(req.Uri, "arn:aws:appflow:x");
  });

  it("reads a GetIntegration answer back into the program's spelling", () => {
    const out = outputsFromIntegration({
      DomainName: "retail",
      Uri: "u",
      ObjectTypeNames: { SegmentIdentify: "SegmentProfile" },
      CreatedAt: new Date("2026-01-02T03:04:05Z"),
      LastUpdatedAt: new Date("2026-01-02T03:04:06Z"),
      Tags: { a: "1" },
      WorkflowId: "wf-1",
      IsUnstructured: false,
      RoleArn: "arn:aws:iam::123456789012:role/r",
      EventTriggerNames: ["t"],
      Scope: "DOMAIN",
      $metadata: { httpStatusCode: 200 },
    });
    assert.deepEqual(out, {
      domainName: "retail",
      uri: "u",
      objectTypeNames: { SegmentIdentify: "SegmentProfile" },
      createdAt: "2026-01-02T03:04:05.000Z",
      lastUpdatedAt: "2026-01-02T03:04:06.000Z",
      tags: { a: "1" },
      workflowId: "wf-1",
      isUnstructured: false,
      roleArn: "arn:aws:iam::123456789012:role/r",
      eventTriggerNames: ["t"],
      scope: "DOMAIN",
    });
  });

  it("turns an AppFlow flow into the flowDefinition a program would write", () => {
    const program = salesforceFlowIntegration().flowDefinition!;
    const flow = {
      flowArn: "arn:aws:appflow:us-east-1:123456789012:flow/salesforce-contacts",
      flowName: program.flowName,
      description: program.description,
      kmsArn: program.kmsArn,
      flowStatus: "Active",
      sourceFlowConfig: {
        connectorType: "Salesforce",
        connectorProfileName: "salesforce-prod",
        incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
        sourceConnectorProperties: { salesforce: { object: "Contact", enableDynamicFieldUpdate: true, includeDeletedRecords: false } },
      },
      destinationFlowConfigList: [
        { connectorType: "CustomerProfiles", destinationConnectorProperties: { customerProfiles: { domainName: "retail" } } },
      ],
      tasks: program.tasks,
      triggerConfig: {
        triggerType: "Scheduled",
        triggerProperties: {
          scheduled: {
            ...program.triggerConfig.triggerProperties!.scheduled!,
            scheduleStartTime: new Date("2030-01-01T00:00:00Z"),
            scheduleEndTime: new Date("2031-01-01T00:00:00Z"),
            firstExecutionFrom: new Date("2029-06-01T00:00:00Z"),
          },
        },
      },
      createdAt: new Date(),
    };
    assert.deepEqual(flowDefinitionFromFlow(flow), program);
  });

  it("keeps every map key as data, __proto__ and constructor included, both ways", () => {
    const key = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty"),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, fc.string({ maxLength: 8 })), { selector: ([k]) => k, minLength: 1, maxLength: 6 }),
        (entries) => {
          const tags: Record<string, string> = {};
          for (const [k, v] of entries) Object.defineProperty(tags, k, { value: v, enumerable: true, writable: true, configurable: true });
          const api = toApi("PutIntegrationRequest", { domainName: "retail", tags }) as { Tags?: Record<string, string> };
          const back = fromApi("GetIntegrationResponse", { DomainName: "retail", Tags: api.Tags }) as { tags?: Record<string, string> };
          for (const out of [api.Tags!, back.tags!]) {
            assert.equal(Object.getPrototypeOf(out), Object.prototype, "no key became the prototype");
            assert.deepEqual(new Map(Object.entries(out)), new Map(entries));
          }
        },
      ),
    );
  });

  it("sends an empty map as no map: the API treats it as absent, and TagMap needs one entry", () => {
    const api = toApi("PutIntegrationRequest", { domainName: "retail", tags: {}, objectTypeNames: {} }) as Record<string, unknown>;
    assert.deepEqual(Object.keys(api), ["DomainName"]);
  });

  it("sends a timestamp written as epoch seconds or with an offset as the Date it names", () => {
    const at = (scheduleStartTime: unknown) =>
      (toApi("ScheduledTriggerProperties", { scheduleExpression: "rate(1days)", scheduleStartTime }) as { ScheduleStartTime: Date })
        .ScheduleStartTime;
    for (const written of [1893456000, "2030-01-01T00:00:00Z", "2030-01-01T02:00:00+02:00", "2029-12-31T19:00:00-05:00"]) {
      assert.ok(at(written) instanceof Date, `${written} is sent as a Date`);
      assert.equal(at(written).toISOString(), "2030-01-01T00:00:00.000Z", String(written));
    }
  });
});
