import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import { SOURCE_CONNECTORS, connectorByKey, sourceConnector } from "../../../provider/validation/connectors";
import { TASK_TYPES } from "../../../provider/validation/task-types";
import { OBJECT_TYPE_NAMES_EVENT_TYPES } from "../../../provider/validation/event-types";
import { VENDORED_MODELS_DIR } from "../../../scripts/generate-model";

/** The tables the semantic rules read, held against the model they come from or describe. */
const enumOf = (shape: string): string[] => (customerProfilesModel.shapes[shape] as { enum: string[] }).enum;

describe("the connector, task-type and event-type tables", () => {
  it("pairs every SourceConnectorType with its members, Servicenow with serviceNow", () => {
    assert.deepEqual(
      SOURCE_CONNECTORS.map((c) => c.connectorType),
      enumOf("SourceConnectorType"),
    );
    assert.equal(sourceConnector("Servicenow")?.key, "serviceNow");
    assert.equal(sourceConnector("S3")?.key, "s3");
    assert.equal(connectorByKey("serviceNow")?.connectorType, "Servicenow");
    assert.equal(sourceConnector("ServiceNow"), undefined, "the type is spelt as the API spells it");
  });

  it("takes each connector's operators from its own enum: Zendesk has no LESS_THAN, S3 no CONTAINS", () => {
    for (const c of SOURCE_CONNECTORS) {
      const member = c.key.charAt(0).toUpperCase() + c.key.slice(1);
      assert.deepEqual(c.operators, enumOf(`${member}ConnectorOperator`), c.connectorType);
    }
    assert.ok(!sourceConnector("Zendesk")!.operators.includes("LESS_THAN"));
    assert.ok(!sourceConnector("S3")!.operators.includes("CONTAINS"));
    assert.ok(sourceConnector("Salesforce")!.operators.includes("CONTAINS"));
  });

  it("gives every task type of the model its rules, and every operator a task type", () => {
    assert.deepEqual(Object.keys(TASK_TYPES).sort(), enumOf("TaskType").sort());
    const operators = new Set(SOURCE_CONNECTORS.flatMap((c) => c.operators));
    for (const op of operators) {
      const owners = Object.entries(TASK_TYPES).filter(([, r]) => (r.operators as readonly string[]).includes(op));
      // NO_OP is the operator of every task that transforms without comparing: Map, Merge, Truncate.
      assert.ok(owners.length === 1 || op === "NO_OP", `${op} belongs to ${owners.map(([t]) => t).join(", ") || "no task type"}`);
      assert.ok(owners.length >= 1, `${op} belongs to a task type`);
    }
    const keys = enumOf("OperatorPropertiesKeys");
    for (const [type, r] of Object.entries(TASK_TYPES)) {
      for (const op of r.operators) assert.ok(operators.has(op), `${type}: ${op} is some connector's operator`);
      const required = r.requires.flatMap((q) => [...(q.allOf ?? []), ...(q.anyOf ?? [])]);
      for (const k of [...r.reads, ...required]) assert.ok(keys.includes(k), `${type}: ${k} is an OperatorPropertiesKeys value`);
      for (const k of required) assert.ok(r.reads.includes(k), `${type} reads the ${k} it requires`);
    }
  });

  it("lists exactly the event types the model documents for ObjectTypeNames", () => {
    const model = JSON.parse(fs.readFileSync(path.join(VENDORED_MODELS_DIR, "botocore-customer-profiles-2020-08-15.json"), "utf8"));
    const doc: string = model.shapes.PutIntegrationRequest.members.ObjectTypeNames.documentation;
    const documented = doc
      .slice(doc.indexOf("following event types"))
      .match(/<code>(\w+)<\/code>/g)!
      .map((c) => c.replace(/<\/?code>/g, ""));
    assert.deepEqual([...OBJECT_TYPE_NAMES_EVENT_TYPES].sort(), documented.sort());
  });
});
