import { strict as assert } from "assert";
import {
  DescribeFlowCommand,
  ListFlowsCommand,
  StartFlowCommand,
  StopFlowCommand,
  UnsupportedOperationException,
  UpdateFlowCommand,
  type UpdateFlowCommandInput,
  ValidationException,
} from "@aws-sdk/client-appflow";
import { BadRequestException, PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import type { NewFlowStatus } from "../../../emulator";
import {
  createConnectorProfile,
  createDomainWithObjectTypes,
  expectServiceError,
  s3Flow,
  salesforceFlow,
  useTestEmulator,
} from "../../support/emulator-harness";

describe("emulator: AppFlow refusals found in public trackers, surfaced through PutIntegration", () => {
  const aws = useTestEmulator();
  beforeEach(async () => {
    await createDomainWithObjectTypes(aws.customerProfiles, "retail");
    await createConnectorProfile(aws.appflow, "salesforce-prod");
  });

  it("a Salesforce flow without a projection task: CreateFlow's words in a 400 (terraform-provider-aws#34508), and no flow", async () => {
    const flow = salesforceFlow("sf");
    flow.Tasks = flow.Tasks!.filter((t) => t.TaskType !== "Filter");
    await expectServiceError(
      aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: flow })),
      BadRequestException,
      400,
      /^Create Flow request failed: \[Task Validation Error: You must specify a projection task or a MAP_ALL task\]$/,
    );
    assert.deepEqual((await aws.appflow.send(new ListFlowsCommand({}))).flows, []);
  });

  it("an S3 flow without a projection task is accepted (no source shows the refusal there), and noted", async () => {
    aws.emulator.clearRequests();
    await aws.customerProfiles.send(
      new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
    );
    const [put] = aws.emulator.requests();
    assert.equal(put.status, 200);
    assert.match(put.notes!.join("\n"), /no projection .* accepted for a S3 source/);
  });

  describe("UpdateFlow", () => {
    beforeEach(async () => {
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
      );
    });
    const updateOf = async (change: (u: UpdateFlowCommandInput) => void): Promise<UpdateFlowCommandInput> => {
      const f = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      const u: UpdateFlowCommandInput = {
        flowName: "sf",
        sourceFlowConfig: f.sourceFlowConfig,
        destinationFlowConfigList: f.destinationFlowConfigList,
        tasks: f.tasks,
        triggerConfig: f.triggerConfig,
      };
      change(u);
      return u;
    };

    it("refuses a change of the destination object in AppFlow's words (aws-cdk#14452, terraform-provider-aws#42482), and changes nothing", async () => {
      const request = await updateOf((u) => {
        u.destinationFlowConfigList = [
          {
            connectorType: "CustomerProfiles",
            destinationConnectorProperties: { CustomerProfiles: { domainName: "retail", objectTypeName: "Order" } },
          },
        ];
        u.description = "changed";
      });
      await expectServiceError(
        aws.appflow.send(new UpdateFlowCommand(request)),
        ValidationException,
        400,
        /^Update Flow request failed due to:\[Destination object for the destination connector can not be updated\]$/,
      );
      const after = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      assert.equal(after.destinationFlowConfigList?.[0].destinationConnectorProperties?.CustomerProfiles?.objectTypeName, "Contact");
      assert.equal(after.description, "Contacts from Salesforce");
    });

    it("refuses tasks without a projection from a Salesforce source, in UpdateFlow's form", async () => {
      const request = await updateOf((u) => (u.tasks = u.tasks!.filter((t) => t.taskType !== "Filter")));
      await expectServiceError(
        aws.appflow.send(new UpdateFlowCommand(request)),
        ValidationException,
        400,
        /^Update Flow request failed due to:\[Task Validation Error: You must specify a projection task or a MAP_ALL task\]$/,
      );
    });
  });
});

for (const newFlowStatus of ["Draft", "Active"] as NewFlowStatus[]) {
  describe(`emulator: flow status under newFlowStatus "${newFlowStatus}"`, () => {
    const aws = useTestEmulator({ newFlowStatus });
    beforeEach(async () => {
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      await createConnectorProfile(aws.appflow, "salesforce-prod");
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: salesforceFlow("sf") }),
      );
    });
    const status = async (name = "sf") => (await aws.appflow.send(new DescribeFlowCommand({ flowName: name }))).flowStatus;

    it(`a new scheduled flow is left ${newFlowStatus}; an on-demand one in Draft`, async () => {
      assert.equal(await status(), newFlowStatus);
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
      );
      assert.equal(await status("csv"), "Draft");
    });

    it("StartFlow activates a scheduled flow and StopFlow suspends it (the model's documentation); an update keeps the status", async () => {
      const started = await aws.appflow.send(new StartFlowCommand({ flowName: "sf" }));
      assert.equal(started.flowStatus, "Active");
      assert.equal(started.executionId, undefined, "no execution for a scheduled flow");
      const stopped = await aws.appflow.send(new StopFlowCommand({ flowName: "sf" }));
      assert.equal(stopped.flowStatus, "Suspended");
      assert.equal(await status(), "Suspended");
      const f = await aws.appflow.send(new DescribeFlowCommand({ flowName: "sf" }));
      const updated = await aws.appflow.send(
        new UpdateFlowCommand({
          flowName: "sf",
          description: "still suspended",
          sourceFlowConfig: f.sourceFlowConfig,
          destinationFlowConfigList: f.destinationFlowConfigList,
          tasks: f.tasks,
          triggerConfig: f.triggerConfig,
        }),
      );
      assert.equal(updated.flowStatus, "Suspended");
    });

    it("StartFlow runs an on-demand flow and records the run; StopFlow refuses it (UnsupportedOperationException)", async () => {
      await aws.customerProfiles.send(
        new PutIntegrationCommand({ DomainName: "retail", ObjectTypeName: "Contact", FlowDefinition: s3Flow("csv") }),
      );
      const run = await aws.appflow.send(new StartFlowCommand({ flowName: "csv" }));
      assert.ok(run.executionId);
      const f = await aws.appflow.send(new DescribeFlowCommand({ flowName: "csv" }));
      assert.equal(f.lastRunExecutionDetails?.mostRecentExecutionStatus, "Successful");
      assert.ok(f.lastRunExecutionDetails?.mostRecentExecutionTime instanceof Date);
      await expectServiceError(aws.appflow.send(new StopFlowCommand({ flowName: "csv" })), UnsupportedOperationException, 400, /on-demand/);
    });
  });
}
