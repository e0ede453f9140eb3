import { strict as assert } from "assert";
import {
  BadRequestException,
  CreateDomainCommand,
  DeleteDomainCommand,
  DeleteIntegrationCommand,
  DeleteProfileObjectTypeCommand,
  GetDomainCommand,
  GetIntegrationCommand,
  GetProfileObjectTypeCommand,
  ListDomainsCommand,
  ListIntegrationsCommand,
  ListProfileObjectTypesCommand,
  ListTagsForResourceCommand,
  PutIntegrationCommand,
  type PutIntegrationCommandInput,
  PutProfileObjectTypeCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-customer-profiles";
import { DescribeFlowCommand, ListFlowsCommand, ResourceNotFoundException as FlowNotFound } from "@aws-sdk/client-appflow";
import { deriveFlowUri } from "../../../emulator";
import { parseArgs } from "../../../emulator/cli";
import {
  createConnectorProfile,
  createDomainWithObjectTypes,
  domainArn,
  expectServiceError,
  integrationArn,
  s3Flow,
  salesforceFlow,
  useTestEmulator,
} from "../../support/emulator-harness";

describe("emulator: Customer Profiles through the AWS SDK v3", () => {
  const aws = useTestEmulator();

  describe("domains", () => {
    it("CreateDomain returns the domain with its timestamps as dates, and GetDomain reads it back", async () => {
      const created = await aws.customerProfiles.send(
        new CreateDomainCommand({
          DomainName: "retail",
          DefaultExpirationDays: 30,
          DeadLetterQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
          Tags: { team: "crm" },
        }),
      );
      assert.equal(created.DomainName, "retail");
      assert.equal(created.DefaultExpirationDays, 30);
      assert.ok(created.CreatedAt instanceof Date);
      assert.deepEqual(created.Tags, { team: "crm" });
      const got = await aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" }));
      assert.equal(got.DeadLetterQueueUrl, "https://sqs.us-east-1.amazonaws.com/123456789012/dlq");
      assert.equal(got.CreatedAt?.getTime(), created.CreatedAt?.getTime());
      assert.deepEqual(got.Stats, { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
    });

    it("CreateDomain of a name that exists is a BadRequestException", async () => {
      await aws.customerProfiles.send(new CreateDomainCommand({ DomainName: "retail", DefaultExpirationDays: 30 }));
      await expectServiceError(
        aws.customerProfiles.send(new CreateDomainCommand({ DomainName: "retail", DefaultExpirationDays: 30 })),
        BadRequestException,
        400,
        /already exists/,
      );
    });

    it("CreateDomain without DefaultExpirationDays is refused, as the model requires it", async () => {
      const err = await expectServiceError(
        aws.customerProfiles.send(new CreateDomainCommand({ DomainName: "retail" } as never)),
        BadRequestException,
        400,
      );
      assert.match(err.message, /at 'defaultExpirationDays' failed to satisfy constraint: Member must not be null/);
    });

    it("GetDomain and DeleteDomain of an unknown domain are ResourceNotFoundException", async () => {
      await expectServiceError(
        aws.customerProfiles.send(new GetDomainCommand({ DomainName: "nope" })),
        ResourceNotFoundException,
        404,
        /nope/,
      );
      await expectServiceError(aws.customerProfiles.send(new DeleteDomainCommand({ DomainName: "nope" })), ResourceNotFoundException, 404);
    });

    it("ListDomains pages with MaxResults and an opaque NextToken", async () => {
      for (const name of ["d3", "d1", "d2"]) {
        await aws.customerProfiles.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: 1 }));
      }
      const first = await aws.customerProfiles.send(new ListDomainsCommand({ MaxResults: 2 }));
      assert.deepEqual(
        first.Items?.map((d) => d.DomainName),
        ["d1", "d2"],
      );
      assert.ok(first.NextToken && !first.NextToken.includes("d2"), "the token does not spell out the key");
      const second = await aws.customerProfiles.send(new ListDomainsCommand({ MaxResults: 2, NextToken: first.NextToken }));
      assert.deepEqual(
        second.Items?.map((d) => d.DomainName),
        ["d3"],
      );
      assert.equal(second.NextToken, undefined);
      await expectServiceError(
        aws.customerProfiles.send(new ListDomainsCommand({ NextToken: "garbage" })),
        BadRequestException,
        400,
        /NextToken/,
      );
    });

    it("DeleteDomain removes the domain, its integrations and the flows they created", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv-import") }),
      );
      const out = await aws.customerProfiles.send(new DeleteDomainCommand({ DomainName: "retail" }));
      assert.match(out.Message!, /retail/);
      await expectServiceError(aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" })), ResourceNotFoundException, 404);
      await expectServiceError(aws.appflow.send(new DescribeFlowCommand({ flowName: "csv-import" })), FlowNotFound, 404);
    });
  });

  describe("profile object types", () => {
    beforeEach(() => aws.customerProfiles.send(new CreateDomainCommand({ DomainName: "retail", DefaultExpirationDays: 30 })));

    it("PutProfileObjectType creates, then updates keeping CreatedAt and moving LastUpdatedAt", async () => {
      const put = (description: string) =>
        aws.customerProfiles.send(
          new PutProfileObjectTypeCommand({
            DomainName: "retail",
            ObjectTypeName: "Contact",
            Description: description,
            Fields: { email: { Source: "_source.email", Target: "_profile.EmailAddress", ContentType: "STRING" } },
            Keys: { email: [{ StandardIdentifiers: ["PROFILE"], FieldNames: ["email"] }] },
          }),
        );
      const first = await put("v1");
      const second = await put("v2");
      assert.equal(second.CreatedAt?.getTime(), first.CreatedAt?.getTime());
      assert.ok(second.LastUpdatedAt!.getTime() > first.LastUpdatedAt!.getTime());
      const got = await aws.customerProfiles.send(new GetProfileObjectTypeCommand({ DomainName: "retail", ObjectTypeName: "Contact" }));
      assert.equal(got.Description, "v2");
      assert.deepEqual(got.Keys, { email: [{ StandardIdentifiers: ["PROFILE"], FieldNames: ["email"] }] });
    });

    it("ListProfileObjectTypes lists them, and DeleteProfileObjectType removes one", async () => {
      for (const name of ["Order", "Contact"]) {
        await aws.customerProfiles.send(new PutProfileObjectTypeCommand({ DomainName: "retail", ObjectTypeName: name, Description: name }));
      }
      const listed = await aws.customerProfiles.send(new ListProfileObjectTypesCommand({ DomainName: "retail" }));
      assert.deepEqual(
        listed.Items?.map((t) => [t.ObjectTypeName, t.Description]),
        [
          ["Contact", "Contact"],
          ["Order", "Order"],
        ],
      );
      await aws.customerProfiles.send(new DeleteProfileObjectTypeCommand({ DomainName: "retail", ObjectTypeName: "Order" }));
      await expectServiceError(
        aws.customerProfiles.send(new GetProfileObjectTypeCommand({ DomainName: "retail", ObjectTypeName: "Order" })),
        ResourceNotFoundException,
        404,
      );
      await expectServiceError(
        aws.customerProfiles.send(new DeleteProfileObjectTypeCommand({ DomainName: "retail", ObjectTypeName: "Order" })),
        ResourceNotFoundException,
        404,
      );
    });

    it("PutProfileObjectType in an unknown domain is ResourceNotFoundException", async () => {
      await expectServiceError(
        aws.customerProfiles.send(new PutProfileObjectTypeCommand({ DomainName: "nope", ObjectTypeName: "Contact", Description: "x" })),
        ResourceNotFoundException,
        404,
      );
    });
  });

  describe("PutIntegration", () => {
    const refusedPut = (input: PutIntegrationCommandInput, message: RegExp) =>
      expectServiceError(aws.customerProfiles.send(new PutIntegrationCommand(input)), BadRequestException, 400, message);
    beforeEach(async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail", ["Contact", "Order"]);
      await createConnectorProfile(aws.appflow, "salesforce-prod");
    });

    it("creates an integration for a Uri and returns everything it keeps", async () => {
      const out = await aws.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: "retail",
          Uri: "arn:aws:sqs:us-east-1:123456789012:events",
          ObjectTypeNames: { "Order.Created": "Order", "Contact.Updated": "Contact" },
          RoleArn: "arn:aws:iam::123456789012:role/Integration",
          EventTriggerNames: ["HighValue"],
          Scope: "PROFILE",
          Tags: { team: "crm" },
        }),
      );
      assert.equal(out.Uri, "arn:aws:sqs:us-east-1:123456789012:events");
      assert.deepEqual(out.ObjectTypeNames, { "Order.Created": "Order", "Contact.Updated": "Contact" });
      assert.equal(out.ObjectTypeName, undefined);
      assert.equal(out.RoleArn, "arn:aws:iam::123456789012:role/Integration");
      assert.deepEqual(out.EventTriggerNames, ["HighValue"]);
      assert.equal(out.Scope, "PROFILE");
      assert.equal(out.IsUnstructured, false);
      assert.equal(out.WorkflowId, undefined);
      assert.deepEqual(out.Tags, { team: "crm" });
      const got = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: out.Uri }));
      assert.deepEqual({ ...got, $metadata: undefined }, { ...out, $metadata: undefined });
    });

    it("is an upsert: CreatedAt is kept, LastUpdatedAt moves, and Tags given on update are ignored", async () => {
      const uri = "arn:aws:s3:::exports/contacts";
      const first = await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Contact", Tags: { a: "1" } }),
      );
      const second = await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Order", Tags: { b: "2" } }),
      );
      assert.equal(second.CreatedAt?.getTime(), first.CreatedAt?.getTime());
      assert.ok(second.LastUpdatedAt!.getTime() > first.LastUpdatedAt!.getTime());
      assert.equal(second.ObjectTypeName, "Order");
      assert.deepEqual(second.Tags, { a: "1" });
      const listed = await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }));
      assert.equal(listed.Items?.length, 1);
    });

    it("needs the domain to exist", async () => {
      await expectServiceError(
        aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "nope", Uri: "u", ObjectTypeName: "Contact" })),
        ResourceNotFoundException,
        404,
        /nope/,
      );
    });

    it("accepts both, or neither, of ObjectTypeName and ObjectTypeNames: no source shows AWS refusing either", async () => {
      const neither = await aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: "u1" }));
      assert.equal(neither.ObjectTypeName, undefined);
      const both = await aws.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: "retail",
          Uri: "u2",
          ObjectTypeName: "Contact",
          ObjectTypeNames: { ShopifyCreateOrders: "Order" },
        }),
      );
      assert.equal(both.ObjectTypeName, "Contact");
      assert.deepEqual({ ...both.ObjectTypeNames }, { ShopifyCreateOrders: "Order" });
    });

    it("accepts an object type the domain does not have (no source shows a refusal; AWS's handler tests name types they never create), and notes it", async () => {
      aws.emulator.clearRequests();
      const out = await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", Uri: "u", ObjectTypeNames: { x: "Order", y: "Invoice" } }),
      );
      assert.deepEqual({ ...out.ObjectTypeNames }, { x: "Order", y: "Invoice" });
      const [put] = aws.emulator.requests();
      assert.equal(put.status, 200);
      assert.deepEqual(put.notes?.length, 1);
      assert.match(put.notes![0], /object type Invoice does not exist in domain retail; accepted/);
    });

    it("notes nothing when every object type exists", async () => {
      aws.emulator.clearRequests();
      await aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: "u", ObjectTypeNames: { x: "Order" } }));
      assert.equal(aws.emulator.requests()[0].notes, undefined);
    });

    it("needs a Uri when there is no FlowDefinition (the model: every answer names the integration by its Uri)", async () => {
      await refusedPut({ DomainName: "retail", ObjectTypeName: "Contact" }, /Uri is required/);
    });

    it("with a FlowDefinition creates the AppFlow flow and derives the Uri from it", async () => {
      const out = await aws.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: "retail",
          ObjectTypeName: "Contact",
          FlowDefinition: salesforceFlow("sf-contacts"),
          Tags: { team: "crm" },
        }),
      );
      assert.equal(out.Uri, "arn:aws:appflow:us-east-1:123456789012:flow/sf-contacts");
      assert.equal(out.Uri, deriveFlowUri("us-east-1", "123456789012", "sf-contacts"));
      const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf-contacts" }));
      assert.equal(flow.flowArn, out.Uri);
      assert.equal(flow.flowStatus, "Draft", "a new scheduled flow is left in Draft, as CreateFlow leaves one (the default newFlowStatus)");
      assert.equal(flow.description, "Contacts from Salesforce");
      assert.deepEqual(flow.sourceFlowConfig, {
        connectorType: "Salesforce",
        connectorProfileName: "salesforce-prod",
        incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
        sourceConnectorProperties: { Salesforce: { object: "Contact", enableDynamicFieldUpdate: true, includeDeletedRecords: false } },
      });
      assert.deepEqual(flow.destinationFlowConfigList, [
        {
          connectorType: "CustomerProfiles",
          destinationConnectorProperties: { CustomerProfiles: { domainName: "retail", objectTypeName: "Contact" } },
        },
      ]);
      assert.deepEqual(flow.tasks?.[1], {
        sourceFields: ["Email"],
        connectorOperator: { Salesforce: "NO_OP" },
        destinationField: "Email",
        taskType: "Map",
        taskProperties: { DESTINATION_DATA_TYPE: "string", SOURCE_DATA_TYPE: "string" },
      });
      const scheduled = flow.triggerConfig?.triggerProperties?.Scheduled;
      assert.equal(flow.triggerConfig?.triggerType, "Scheduled");
      assert.equal(scheduled?.scheduleExpression, "rate(1hours)");
      assert.equal(scheduled?.scheduleStartTime?.toISOString(), "2030-01-01T00:00:00.000Z");
      assert.equal(scheduled?.firstExecutionFrom?.toISOString(), "2029-06-01T00:00:00.000Z");
      assert.equal(scheduled?.scheduleOffset, 300);
      assert.deepEqual(flow.tags, { team: "crm" });
      const flows = await aws.appflow.send(new ListFlowsCommand({}));
      assert.deepEqual(
        flows.flows?.map((f) => [f.flowName, f.sourceConnectorType, f.destinationConnectorType, f.triggerType]),
        [["sf-contacts", "Salesforce", "CustomerProfiles", "Scheduled"]],
      );
    });

    it("an on-demand flow is left in Draft", async () => {
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv", "OnDemand") }),
      );
      const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "csv" }));
      assert.equal(flow.flowStatus, "Draft");
      assert.deepEqual(flow.sourceFlowConfig?.sourceConnectorProperties, { S3: { bucketName: "customer-exports", bucketPrefix: "csv/" } });
    });

    describe("a FlowDefinition whose flow exists", () => {
      it("is refused by default with AWS's message, also for the integration's own flow, and changes nothing", async () => {
        const first = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
        );
        const flowBefore = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
        const changed = { ...salesforceFlow("sf"), Description: "changed" };
        const err = await refusedPut({ DomainName: "retail", ObjectTypeName: "Order", FlowDefinition: changed }, /./);
        // The message as CreateHandlerTest.java (aws-cloudformation-resource-providers-customer-profiles) quotes it.
        assert.equal(err.message, "Conflict executing request: Flow with name sf already exists.");
        await refusedPut(
          { DomainName: "retail", Uri: first.Uri, ObjectTypeName: "Contact", FlowDefinition: changed },
          /^Conflict executing request: Flow with name sf already exists\.$/,
        );
        const flowAfter = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
        assert.equal(flowAfter.description, flowBefore.description);
        assert.equal(flowAfter.lastUpdatedAt?.getTime(), flowBefore.lastUpdatedAt?.getTime());
        const got = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: first.Uri }));
        assert.equal(got.ObjectTypeName, "Contact");
      });

      it("without a FlowDefinition, PutIntegration of a flow integration's Uri rewrites its attributes and keeps its flow", async () => {
        const first = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
        );
        const second = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", Uri: first.Uri, ObjectTypeName: "Order", Scope: "DOMAIN" }),
        );
        assert.equal(second.ObjectTypeName, "Order");
        assert.equal(second.Scope, "DOMAIN");
        assert.equal((await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }))).description, "Contacts from Salesforce");
        await aws.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: "retail", Uri: first.Uri }));
        await expectServiceError(aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" })), FlowNotFound, 404);
      });

      it('with flowDefinitionConflict "upsert", updates the flow in place', async () => {
        aws.emulator.setBehaviour({ flowDefinitionConflict: "upsert" });
        const first = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
        );
        const flowBefore = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
        const changed = { ...salesforceFlow("sf"), Description: "changed" };
        const second = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: changed }),
        );
        assert.equal(second.Uri, first.Uri);
        const flowAfter = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
        assert.equal(flowAfter.description, "changed");
        assert.equal(flowAfter.createdAt?.getTime(), flowBefore.createdAt?.getTime());
        assert.ok(flowAfter.lastUpdatedAt!.getTime() > flowBefore.lastUpdatedAt!.getTime());
      });

      it("reset() restores the behaviour the endpoint started with; an unknown behaviour is refused", async () => {
        aws.emulator.setBehaviour({ flowDefinitionConflict: "upsert" });
        aws.emulator.reset();
        await createDomainWithObjectTypes(aws.customerProfiles, "retail", ["Contact"]);
        await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
        );
        await refusedPut(
          { DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") },
          /Flow with name csv already exists/,
        );
        assert.throws(() => aws.emulator.setBehaviour({ flowDefinitionConflict: "merge" as never }), /must be one of conflict, upsert/);
      });
    });

    describe("ObjectTypeName _unstructured (the model's IsUnstructured documentation)", () => {
      it("needs no object type of that name, and the integration reports IsUnstructured", async () => {
        const out = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "_unstructured", FlowDefinition: s3Flow("raw-docs") }),
        );
        assert.equal(out.IsUnstructured, true);
        assert.equal(out.ObjectTypeName, "_unstructured");
        const got = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: out.Uri }));
        assert.equal(got.IsUnstructured, true);
        const listed = await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }));
        assert.deepEqual(
          listed.Items?.map((i) => i.IsUnstructured),
          [true],
        );
        const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "raw-docs" }));
        assert.equal(flow.destinationFlowConfigList?.[0].destinationConnectorProperties?.CustomerProfiles?.objectTypeName, "_unstructured");
      });

      it("is only that exact name: another name is an object type, noted when the domain lacks it", async () => {
        aws.emulator.clearRequests();
        const other = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "_Unstructured", FlowDefinition: s3Flow("raw-docs") }),
        );
        assert.equal(other.IsUnstructured, false);
        assert.match(aws.emulator.requests()[0].notes![0], /object type _Unstructured does not exist/);
        const structured = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
        );
        assert.equal(structured.IsUnstructured, false);
      });
    });

    it("accepts a Uri with a FlowDefinition; one that is not the flow's ARN is noted, and the flow's ARN addresses the integration", async () => {
      const uri = deriveFlowUri("us-east-1", "123456789012", "sf");
      aws.emulator.clearRequests();
      const ok = await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
      );
      assert.equal(ok.Uri, uri);
      assert.equal(aws.emulator.requests()[0].notes, undefined);
      const other = await aws.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: "retail",
          Uri: "arn:aws:s3:::other",
          ObjectTypeName: "Contact",
          FlowDefinition: salesforceFlow("sf2"),
        }),
      );
      assert.equal(other.Uri, deriveFlowUri("us-east-1", "123456789012", "sf2"));
      assert.match(
        aws.emulator.requests()[1].notes![0],
        /Uri arn:aws:s3:::other sent with FlowDefinition sf2 is not the flow's ARN; accepted/,
      );
    });

    it("refuses a connector profile that does not exist, in AppFlow's words (terraform-provider-aws#27707)", async () => {
      await refusedPut(
        { DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf", "missing-profile") },
        /^Connector Profile with name missing-profile does not exist\.$/,
      );
      const flows = await aws.appflow.send(new ListFlowsCommand({}));
      assert.deepEqual(flows.flows, [], "a refused PutIntegration creates no flow");
    });

    it("refuses a Filter task with NO_OP, in AppFlow's words (aws-cdk#17748), and creates no flow", async () => {
      const noOp = salesforceFlow("sf");
      noOp.Tasks = [{ SourceFields: ["Id"], TaskType: "Filter", ConnectorOperator: { Salesforce: "NO_OP" } }];
      await refusedPut(
        { DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: noOp },
        /Task Validation Error: The operator NO_OP is not valid for filtering tasks/,
      );
      assert.deepEqual((await aws.appflow.send(new ListFlowsCommand({}))).flows, []);
      const projection = salesforceFlow("sf");
      projection.Tasks = [{ SourceFields: ["Id"], TaskType: "Filter", ConnectorOperator: { Salesforce: "PROJECTION" } }];
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: projection }),
      );
    });

    it("accepts what no source shows AWS refusing: a profile of another type, no profile name, another connector's properties", async () => {
      await createConnectorProfile(aws.appflow, "zendesk-prod", "Zendesk");
      const noProfile = salesforceFlow("sf2");
      delete noProfile.SourceFlowConfig!.ConnectorProfileName;
      const mismatched = salesforceFlow("sf3");
      mismatched.SourceFlowConfig!.SourceConnectorProperties = { Zendesk: { Object: "tickets" } };
      for (const flowDefinition of [salesforceFlow("sf1", "zendesk-prod"), noProfile, mismatched]) {
        const out = await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: flowDefinition }),
        );
        assert.equal(out.Uri, deriveFlowUri("us-east-1", "123456789012", flowDefinition.FlowName!));
      }
    });

    it("a flow another domain's integration created cannot be redefined from this domain", async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "wholesale");
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("shared") }),
      );
      await refusedPut(
        { DomainName: "wholesale", ObjectTypeName: "Contact", FlowDefinition: s3Flow("shared") },
        /Flow with name shared already exists/,
      );
      aws.emulator.setBehaviour({ flowDefinitionConflict: "upsert" });
      await refusedPut(
        { DomainName: "wholesale", ObjectTypeName: "Contact", FlowDefinition: s3Flow("shared") },
        /already used by an integration in domain retail/,
      );
    });
  });

  describe("started as `customer-profiles-emulator --flow-definition-conflict upsert`", () => {
    const upsert = useTestEmulator(parseArgs(["--flow-definition-conflict", "upsert"]));

    it("a FlowDefinition whose flow exists updates the flow, and reset() keeps the started-with behaviour", async () => {
      for (const round of [1, 2]) {
        await createDomainWithObjectTypes(upsert.customerProfiles, "retail", ["Contact"]);
        await upsert.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
        );
        const changed = { ...s3Flow("csv"), Description: `round ${round}` };
        await upsert.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: changed }),
        );
        assert.equal((await upsert.appflow.send(new DescribeFlowCommand({ flowName: "csv" }))).description, `round ${round}`);
        upsert.emulator.reset();
      }
    });

    it("the flag takes conflict or upsert only", () => {
      assert.equal(parseArgs(["--flow-definition-conflict=conflict"]).flowDefinitionConflict, "conflict");
      assert.throws(() => parseArgs(["--flow-definition-conflict", "merge"]), /must be conflict or upsert, got merge/);
    });
  });

  describe("GetIntegration, ListIntegrations, DeleteIntegration", () => {
    beforeEach(() => createDomainWithObjectTypes(aws.customerProfiles, "retail"));

    it("GetIntegration of an absent Uri, or in an absent domain, is ResourceNotFoundException", async () => {
      await expectServiceError(
        aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: "nope" })),
        ResourceNotFoundException,
        404,
      );
      await expectServiceError(
        aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "other", Uri: "nope" })),
        ResourceNotFoundException,
        404,
      );
    });

    it("ListIntegrations pages through every integration exactly once, with Tags", async () => {
      for (let i = 0; i < 5; i++) {
        await aws.customerProfiles.send(
          new PutIntegrationCommand({
            DomainName: "retail",
            Uri: `arn:aws:s3:::bucket/${i}`,
            ObjectTypeName: "Contact",
            Tags: { n: String(i) },
          }),
        );
      }
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await aws.customerProfiles.send(
          new ListIntegrationsCommand({ DomainName: "retail", MaxResults: 2, NextToken: token }),
        );
        assert.ok((page.Items?.length ?? 0) <= 2);
        for (const item of page.Items ?? []) {
          seen.push(item.Uri!);
          assert.deepEqual(item.Tags, { n: item.Uri!.slice(-1) });
        }
        token = page.NextToken;
        pages++;
      } while (token);
      assert.equal(pages, 3);
      assert.deepEqual(
        seen,
        [0, 1, 2, 3, 4].map((i) => `arn:aws:s3:::bucket/${i}`),
      );
    });

    it("DeleteIntegration removes the integration and the flow it created, and answers with a Message", async () => {
      const put = await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
      );
      const out = await aws.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: "retail", Uri: put.Uri }));
      assert.ok(out.Message && out.Message.length > 0);
      await expectServiceError(
        aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: put.Uri })),
        ResourceNotFoundException,
        404,
      );
      await expectServiceError(aws.appflow.send(new DescribeFlowCommand({ flowName: "csv" })), FlowNotFound, 404);
      await expectServiceError(
        aws.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: "retail", Uri: put.Uri })),
        ResourceNotFoundException,
        404,
      );
    });
  });

  describe("tags", () => {
    let flowUri: string;
    beforeEach(async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      const put = await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv"), Tags: { a: "1" } }),
      );
      flowUri = put.Uri!;
    });

    it("TagResource merges, UntagResource removes, ListTagsForResource reads, on an integration whose Uri is itself an ARN", async () => {
      const arn = integrationArn(aws.emulator, "retail", flowUri);
      await aws.customerProfiles.send(new TagResourceCommand({ resourceArn: arn, tags: { b: "2", a: "changed" } }));
      assert.deepEqual((await aws.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, {
        a: "changed",
        b: "2",
      });
      await aws.customerProfiles.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ["a", "not-there"] }));
      assert.deepEqual((await aws.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { b: "2" });
      const got = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: flowUri }));
      assert.deepEqual(got.Tags, { b: "2" });
    });

    it("a later PutIntegration leaves tags set by TagResource alone", async () => {
      const arn = integrationArn(aws.emulator, "retail", flowUri);
      await aws.customerProfiles.send(new TagResourceCommand({ resourceArn: arn, tags: { b: "2" } }));
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", Uri: flowUri, ObjectTypeName: "Contact", Tags: { c: "3" } }),
      );
      assert.deepEqual((await aws.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { a: "1", b: "2" });
    });

    it("domains are taggable by their ARN", async () => {
      const arn = domainArn(aws.emulator, "retail");
      await aws.customerProfiles.send(new TagResourceCommand({ resourceArn: arn, tags: { owner: "me" } }));
      assert.deepEqual((await aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" }))).Tags, { owner: "me" });
    });

    it("allows at most 50 tags after the merge", async () => {
      const arn = integrationArn(aws.emulator, "retail", flowUri);
      const tags = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, "v"]));
      await aws.customerProfiles.send(new TagResourceCommand({ resourceArn: arn, tags: tags(49, "k") }));
      await expectServiceError(
        aws.customerProfiles.send(new TagResourceCommand({ resourceArn: arn, tags: tags(1, "extra") })),
        BadRequestException,
        400,
        /at most 50 tags/,
      );
      assert.equal(Object.keys((await aws.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags!).length, 50);
    });

    it("an ARN naming nothing is ResourceNotFoundException", async () => {
      for (const arn of [
        integrationArn(aws.emulator, "retail", "arn:aws:appflow:us-east-1:123456789012:flow/nope"),
        domainArn(aws.emulator, "nope"),
        "arn:aws:profile:eu-west-1:123456789012:domains/retail",
      ]) {
        await expectServiceError(
          aws.customerProfiles.send(new ListTagsForResourceCommand({ resourceArn: arn })),
          ResourceNotFoundException,
          404,
        );
        await expectServiceError(
          aws.customerProfiles.send(new TagResourceCommand({ resourceArn: arn, tags: { a: "b" } })),
          ResourceNotFoundException,
          404,
        );
        await expectServiceError(
          aws.customerProfiles.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ["a"] })),
          ResourceNotFoundException,
          404,
        );
      }
    });
  });

  it("every request is logged with the input the API received, under the model's member names", async () => {
    await createDomainWithObjectTypes(aws.customerProfiles, "retail");
    aws.emulator.clearRequests();
    await aws.customerProfiles.send(
      new PutIntegrationCommand({ DomainName: "retail", Uri: "u", ObjectTypeName: "Contact", Tags: { a: "b" } }),
    );
    await aws.customerProfiles.send(
      new UntagResourceCommand({ resourceArn: integrationArn(aws.emulator, "retail", "u"), tagKeys: ["a", "c"] }),
    );
    const [put, untag] = aws.emulator.requests();
    assert.equal(put.service, "customer-profiles");
    assert.equal(put.operation, "PutIntegration");
    assert.equal(put.status, 200);
    assert.deepEqual(put.input, { DomainName: "retail", Uri: "u", ObjectTypeName: "Contact", Tags: { a: "b" } });
    assert.ok(!Number.isNaN(Date.parse(put.time)) && put.durationMs >= 0);
    assert.deepEqual(untag.input, { resourceArn: integrationArn(aws.emulator, "retail", "u"), tagKeys: ["a", "c"] });
  });
});
