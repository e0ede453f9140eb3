import { strict as assert } from "assert";
import {
  ConflictException,
  CreateConnectorProfileCommand,
  DeleteConnectorProfileCommand,
  DeleteFlowCommand,
  DescribeConnectorProfilesCommand,
  DescribeFlowCommand,
  ListFlowsCommand,
  ResourceNotFoundException,
  UpdateFlowCommand,
  type UpdateFlowCommandInput,
  ValidationException,
} from "@aws-sdk/client-appflow";
import { PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import {
  createConnectorProfile,
  createDomainWithObjectTypes,
  expectServiceError,
  s3Flow,
  salesforceFlow,
  useTestEmulator,
} from "../../support/emulator-harness";

describe("emulator: AppFlow through the AWS SDK v3", () => {
  const aws = useTestEmulator();

  describe("connector profiles", () => {
    it("CreateConnectorProfile returns the profile's ARN", async () => {
      const arn = await createConnectorProfile(aws.appflow, "salesforce-prod");
      assert.equal(arn, "arn:aws:appflow:us-east-1:123456789012:connectorprofile/salesforce-prod");
    });

    it("DescribeConnectorProfiles returns what was stored, and never the credentials", async () => {
      await createConnectorProfile(aws.appflow, "salesforce-prod");
      const out = await aws.appflow.send(new DescribeConnectorProfilesCommand({ connectorProfileNames: ["salesforce-prod"] }));
      assert.equal(out.connectorProfileDetails?.length, 1);
      const p = out.connectorProfileDetails![0];
      assert.equal(p.connectorProfileName, "salesforce-prod");
      assert.equal(p.connectorProfileArn, "arn:aws:appflow:us-east-1:123456789012:connectorprofile/salesforce-prod");
      assert.equal(p.connectorType, "Salesforce");
      assert.equal(p.connectionMode, "Public");
      assert.match(p.credentialsArn!, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow!/);
      assert.deepEqual(p.connectorProfileProperties, { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } });
      assert.ok(p.createdAt instanceof Date && p.lastUpdatedAt instanceof Date);
      assert.ok(!JSON.stringify(out).includes("sf-access-token-secret"), "the access token is not echoed");
      assert.ok(!JSON.stringify(out).includes("sf-refresh-secret"), "the refresh token is not echoed");
    });

    it("filters by connectorType and pages with maxResults/nextToken", async () => {
      await createConnectorProfile(aws.appflow, "sf-b");
      await createConnectorProfile(aws.appflow, "sf-a");
      await createConnectorProfile(aws.appflow, "zd", "Zendesk");
      const zendesk = await aws.appflow.send(new DescribeConnectorProfilesCommand({ connectorType: "Zendesk" }));
      assert.deepEqual(
        zendesk.connectorProfileDetails?.map((p) => p.connectorProfileName),
        ["zd"],
      );
      const first = await aws.appflow.send(new DescribeConnectorProfilesCommand({ connectorType: "Salesforce", maxResults: 1 }));
      assert.deepEqual(
        first.connectorProfileDetails?.map((p) => p.connectorProfileName),
        ["sf-a"],
      );
      const second = await aws.appflow.send(
        new DescribeConnectorProfilesCommand({ connectorType: "Salesforce", maxResults: 1, nextToken: first.nextToken }),
      );
      assert.deepEqual(
        second.connectorProfileDetails?.map((p) => p.connectorProfileName),
        ["sf-b"],
      );
      assert.equal(second.nextToken, undefined);
      const unknown = await aws.appflow.send(new DescribeConnectorProfilesCommand({ connectorProfileNames: ["nope"] }));
      assert.deepEqual(unknown.connectorProfileDetails, []);
    });

    it("a name that exists is a ConflictException", async () => {
      await createConnectorProfile(aws.appflow, "salesforce-prod");
      await expectServiceError(createConnectorProfile(aws.appflow, "salesforce-prod"), ConflictException, 409, /salesforce-prod/);
    });

    it("an invalid nextToken is a ValidationException", async () => {
      await expectServiceError(
        aws.appflow.send(new DescribeConnectorProfilesCommand({ nextToken: "not-a-token" })),
        ValidationException,
        400,
      );
    });

    it("DeleteConnectorProfile refuses while a flow uses the profile, unless forceDelete", async () => {
      await createConnectorProfile(aws.appflow, "salesforce-prod");
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
      );
      await expectServiceError(
        aws.appflow.send(new DeleteConnectorProfileCommand({ connectorProfileName: "salesforce-prod" })),
        ConflictException,
        409,
        /sf/,
      );
      await aws.appflow.send(new DeleteConnectorProfileCommand({ connectorProfileName: "salesforce-prod", forceDelete: true }));
      const left = await aws.appflow.send(new DescribeConnectorProfilesCommand({}));
      assert.deepEqual(left.connectorProfileDetails, []);
    });

    it("DeleteConnectorProfile of an unknown name is ResourceNotFoundException", async () => {
      await expectServiceError(
        aws.appflow.send(new DeleteConnectorProfileCommand({ connectorProfileName: "nope" })),
        ResourceNotFoundException,
        404,
      );
    });
  });

  describe("flows", () => {
    beforeEach(() => createDomainWithObjectTypes(aws.customerProfiles, "retail"));

    it("DescribeFlow of an unknown flow is ResourceNotFoundException", async () => {
      await expectServiceError(aws.appflow.send(new DescribeFlowCommand({ flowName: "nope" })), ResourceNotFoundException, 404, /nope/);
    });

    it("ListFlows pages through the flows integrations created", async () => {
      for (const name of ["flow-c", "flow-a", "flow-b"]) {
        await aws.customerProfiles.send(
          new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow(name) }),
        );
      }
      const first = await aws.appflow.send(new ListFlowsCommand({ maxResults: 2 }));
      assert.deepEqual(
        first.flows?.map((f) => f.flowName),
        ["flow-a", "flow-b"],
      );
      assert.equal(first.flows?.[0].flowArn, "arn:aws:appflow:us-east-1:123456789012:flow/flow-a");
      assert.equal(first.flows?.[0].flowStatus, "Draft");
      const second = await aws.appflow.send(new ListFlowsCommand({ maxResults: 2, nextToken: first.nextToken }));
      assert.deepEqual(
        second.flows?.map((f) => f.flowName),
        ["flow-c"],
      );
      assert.equal(second.nextToken, undefined);
    });

    it("DeleteFlow removes the flow; deleting it again is ResourceNotFoundException", async () => {
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
      );
      await aws.appflow.send(new DeleteFlowCommand({ flowName: "csv" }));
      await expectServiceError(aws.appflow.send(new DescribeFlowCommand({ flowName: "csv" })), ResourceNotFoundException, 404);
      await expectServiceError(aws.appflow.send(new DeleteFlowCommand({ flowName: "csv" })), ResourceNotFoundException, 404);
    });
  });

  describe("UpdateFlow", () => {
    let flowArn: string;
    beforeEach(async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      await createConnectorProfile(aws.appflow, "salesforce-prod");
      const put = await aws.customerProfiles.send(
        new PutIntegrationCommand({
          DomainName: "retail",
          ObjectTypeName: "Contact",
          FlowDefinition: salesforceFlow("sf"),
          Tags: { team: "crm" },
        }),
      );
      flowArn = put.Uri!;
    });

    /** The request a caller builds from DescribeFlow: every required member, the destination as AppFlow holds it. */
    async function updateOf(changes: Partial<UpdateFlowCommandInput> = {}): Promise<UpdateFlowCommandInput> {
      const f = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      return {
        flowName: "sf",
        description: f.description,
        sourceFlowConfig: f.sourceFlowConfig,
        destinationFlowConfigList: f.destinationFlowConfigList,
        tasks: f.tasks,
        triggerConfig: f.triggerConfig,
        ...changes,
      };
    }

    it("replaces the definition, keeps kmsArn, tags, the ARN and createdAt, and answers with the flow's status", async () => {
      const before = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      const out = await aws.appflow.send(
        new UpdateFlowCommand(
          await updateOf({ description: "hourly", triggerConfig: { triggerType: "OnDemand" }, tasks: before.tasks!.slice(0, 1) }),
        ),
      );
      assert.equal(out.flowStatus, "Draft");
      const after = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      assert.equal(after.description, "hourly");
      assert.deepEqual(after.triggerConfig, { triggerType: "OnDemand" });
      assert.equal(after.tasks?.length, 1);
      assert.equal(after.kmsArn, before.kmsArn);
      assert.deepEqual(after.tags, { team: "crm" });
      assert.equal(after.flowArn, flowArn);
      assert.deepEqual(after.destinationFlowConfigList, before.destinationFlowConfigList);
      assert.equal(after.createdAt?.getTime(), before.createdAt?.getTime());
      assert.ok(after.lastUpdatedAt!.getTime() > before.lastUpdatedAt!.getTime());
    });

    it("of a flow that does not exist is ResourceNotFoundException", async () => {
      await expectServiceError(
        aws.appflow.send(new UpdateFlowCommand(await updateOf({ flowName: "nope" }))),
        ResourceNotFoundException,
        404,
        /nope/,
      );
    });

    it("naming a connector profile that does not exist is ResourceNotFoundException, and changes nothing", async () => {
      const request = await updateOf({ description: "changed" });
      request.sourceFlowConfig = { ...request.sourceFlowConfig!, connectorProfileName: "missing" };
      await expectServiceError(
        aws.appflow.send(new UpdateFlowCommand(request)),
        ResourceNotFoundException,
        404,
        /^Connector Profile with name missing does not exist\.$/,
      );
      assert.equal((await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }))).description, "Contacts from Salesforce");
    });

    it("a Filter task with NO_OP is a ValidationException in AppFlow's words (aws-cdk#17748), and changes nothing", async () => {
      const request = await updateOf({
        description: "changed",
        tasks: [{ sourceFields: ["Id"], taskType: "Filter", connectorOperator: { Salesforce: "NO_OP" } }],
      });
      await expectServiceError(
        aws.appflow.send(new UpdateFlowCommand(request)),
        ValidationException,
        400,
        /\[Task Validation Error: The operator NO_OP is not valid for filtering tasks\./,
      );
      assert.equal((await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }))).description, "Contacts from Salesforce");
    });

    it("accepts a connector profile of another type than the source's: no source shows AppFlow refusing it", async () => {
      await createConnectorProfile(aws.appflow, "zendesk-prod", "Zendesk");
      const request = await updateOf({ description: "changed" });
      request.sourceFlowConfig = { ...request.sourceFlowConfig!, connectorProfileName: "zendesk-prod" };
      await aws.appflow.send(new UpdateFlowCommand(request));
      assert.equal(
        (await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }))).sourceFlowConfig?.connectorProfileName,
        "zendesk-prod",
      );
    });

    it("without a required member is a ValidationException naming it, as the model requires it", async () => {
      const { tasks: _t, ...request } = await updateOf();
      await expectServiceError(
        aws.appflow.send(new UpdateFlowCommand(request as UpdateFlowCommandInput)),
        ValidationException,
        400,
        /tasks/,
      );
    });
  });

  it("CreateConnectorProfile with an unknown connectorType is a ValidationException naming the member", async () => {
    const err = await expectServiceError(
      aws.appflow.send(
        new CreateConnectorProfileCommand({
          connectorProfileName: "x",
          connectorType: "Salesforse" as never,
          connectionMode: "Public",
          connectorProfileConfig: { connectorProfileProperties: {} },
        }),
      ),
      ValidationException,
      400,
    );
    assert.match(err.message, /Value 'Salesforse' at 'connectorType' failed to satisfy constraint: Member must satisfy enum value set/);
  });
});
