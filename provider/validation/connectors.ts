/**
 * The flow sources Customer Profiles supports, read from the model: for each
 * `SourceConnectorType` value, the `SourceConnectorProperties` / `ConnectorOperator` member that
 * belongs to it and the operators that member's enum allows. The model spells the type
 * `Servicenow` and the members `ServiceNow`, so types and members are paired up to case, never
 * by a hand-written table that would drift from the next model.
 */
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import type { Shape, StructureShape } from "../../model/types";
import { lowerFirst } from "../mapping";

export interface SourceConnector {
  /** The `sourceFlowConfig.connectorType` value, e.g. `Servicenow`. */
  connectorType: string;
  /** The member under `sourceConnectorProperties` and `connectorOperator`, as a program spells it: `serviceNow`. */
  key: string;
  /** The operators `connectorOperator.<key>` accepts. */
  operators: readonly string[];
}

const shapes = customerProfilesModel.shapes;

function structure(name: string): StructureShape {
  const s = shapes[name];
  if (s?.type !== "structure") throw new Error(`model shape ${name} is not a structure`);
  return s;
}

function enumOf(name: string): string[] {
  const s: Shape | undefined = shapes[name];
  if (s?.type !== "string" || !s.enum) throw new Error(`model shape ${name} is not an enum`);
  return s.enum;
}

function memberFor(shape: StructureShape, connectorType: string, shapeName: string): string {
  const member = Object.keys(shape.members).find((m) => m.toLowerCase() === connectorType.toLowerCase());
  // Loud at load time: a model with a source the provider cannot pair would otherwise pass every check.
  if (!member) throw new Error(`model: ${shapeName} has no member for connector type ${connectorType}`);
  return member;
}

function derive(): SourceConnector[] {
  const properties = structure("SourceConnectorProperties");
  const operators = structure("ConnectorOperator");
  return enumOf("SourceConnectorType").map((connectorType) => {
    memberFor(properties, connectorType, "SourceConnectorProperties");
    const opMember = memberFor(operators, connectorType, "ConnectorOperator");
    return { connectorType, key: lowerFirst(opMember), operators: enumOf(operators.members[opMember].shape) };
  });
}

export const SOURCE_CONNECTORS: readonly SourceConnector[] = derive();

export function sourceConnector(connectorType: unknown): SourceConnector | undefined {
  return SOURCE_CONNECTORS.find((c) => c.connectorType === connectorType);
}

/** The connector whose member a program wrote, e.g. `zendesk` under `connectorOperator`. */
export function connectorByKey(key: string): SourceConnector | undefined {
  return SOURCE_CONNECTORS.find((c) => c.key === key);
}

/** Sources that read through an AppFlow connector profile. S3 reads the bucket with AppFlow's own access. */
export function needsConnectorProfile(c: SourceConnector): boolean {
  return c.connectorType !== "S3";
}
