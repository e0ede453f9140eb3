/**
 * The services one endpoint plays, described once: which model drives each, how it is told apart
 * on the wire (its SigV4 signing name), and which of its modelled errors stand for validation,
 * throttling and internal failures. Also the live state behind them, rebuilt on reset or load.
 */
import type { ServiceModel } from "../../model/types";
import { appflowModel } from "../../model/generated/appflow";
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import { stsModel } from "../../model/generated/sts";
import { RouteTable } from "../routes";
import type { EmulatorBehaviour, ServiceName } from "../types";
import { appflowOperations } from "./appflow/operations";
import { AppflowState, emptyAppflowData, type AppflowData } from "./appflow/state";
import type { AccountContext, OperationTable } from "./context";
import { customerProfilesOperations } from "./customer-profiles/operations";
import { CustomerProfilesState, emptyCustomerProfilesData, type CustomerProfilesData } from "./customer-profiles/state";
import { stsOperations } from "./sts/operations";

export interface ServiceDescription {
  name: ServiceName;
  model: ServiceModel;
  protocol: "rest-json" | "query";
  signingName: string;
  routes: RouteTable;
  /** The error the service answers a request that breaks the model's constraints with. */
  validationError: string;
  throttlingError: { code: string; status?: number };
  internalError: { code: string; status?: number };
}

function describe(
  name: ServiceName,
  model: ServiceModel,
  errors: Pick<ServiceDescription, "validationError" | "throttlingError" | "internalError">,
): ServiceDescription {
  return { name, model, protocol: model.metadata.protocol, signingName: model.metadata.signingName, routes: new RouteTable(model), ...errors };
}

/** Compiled once at load: no request re-reads a model to route or bind its members. */
export const SERVICES: readonly ServiceDescription[] = [
  describe("customer-profiles", customerProfilesModel, {
    validationError: "BadRequestException",
    throttlingError: { code: "ThrottlingException" },
    internalError: { code: "InternalServerException" },
  }),
  describe("appflow", appflowModel, {
    validationError: "ValidationException",
    throttlingError: { code: "ThrottlingException" },
    internalError: { code: "InternalServerException" },
  }),
  // The query protocol's common errors, not modelled per operation.
  describe("sts", stsModel, {
    validationError: "ValidationError",
    throttlingError: { code: "Throttling", status: 400 },
    internalError: { code: "InternalFailure", status: 500 },
  }),
];

export interface EmulatorData {
  customerProfiles: CustomerProfilesData;
  appflow: AppflowData;
}

function emptyData(): EmulatorData {
  return { customerProfiles: emptyCustomerProfilesData(), appflow: emptyAppflowData() };
}

type Check = (v: unknown, where: string) => string | undefined;
type RecordCheck = (v: Record<string, unknown>, where: string) => string | undefined;

const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Date);

function stringMap(v: unknown, where: string): string | undefined {
  if (!isRecord(v)) return `${where} is not a map`;
  const bad = Object.entries(v).find(([, x]) => typeof x !== "string");
  return bad ? `${where}[${JSON.stringify(bad[0]).slice(0, 80)}] is not a string` : undefined;
}

/** A record keyed by name: its name member matches the key, its times are dates, its tags a string map. */
function record(nameMember: string, dates: string[], tags: string | undefined, more: RecordCheck = () => undefined): Check {
  return (v, where) => {
    if (!isRecord(v)) return `${where} is not a record`;
    for (const d of dates) if (!isDate(v[d])) return `${where}.${d} is not a date`;
    if (tags) {
      const t = stringMap(v[tags], `${where}.${tags}`);
      if (t) return t;
    }
    return more(v, where);
  };
}

function table(v: unknown, where: string, nameMember: string, each: Check): string | undefined {
  if (!(v instanceof Map)) return `${where} is not a table`;
  for (const [k, x] of v) {
    const w = `${where}[${JSON.stringify(k).slice(0, 80)}]`;
    const wrong = each(x, w) ?? ((x as Record<string, unknown>)[nameMember] !== k ? `${w}.${nameMember} does not match its key` : undefined);
    if (wrong) return wrong;
  }
  return undefined;
}

const DATES = ["CreatedAt", "LastUpdatedAt"];
const APPFLOW_DATES = ["createdAt", "lastUpdatedAt"];

const integration = record("Uri", DATES, "Tags", (v, where) =>
  v.ObjectTypeNames !== undefined ? stringMap(v.ObjectTypeNames, `${where}.ObjectTypeNames`) : undefined,
);
const domain = record("DomainName", DATES, "Tags", (v, where) =>
  table(v.objectTypes, `${where}.objectTypes`, "ObjectTypeName", record("ObjectTypeName", DATES, "Tags")) ??
  table(v.integrations, `${where}.integrations`, "Uri", integration),
);
const flow = record("flowName", APPFLOW_DATES, "tags", (v, where) =>
  !isRecord(v.sourceFlowConfig) || !Array.isArray(v.destinationFlowConfigList) || !Array.isArray(v.tasks) || !isRecord(v.triggerConfig)
    ? `${where} lacks its source, destinations, tasks or trigger`
    : undefined,
);
const connectorProfile = record("connectorProfileName", APPFLOW_DATES, undefined, (v, where) =>
  typeof v.connectorType !== "string" ? `${where}.connectorType is not a string` : undefined,
);

/** What is wrong with a saved state, naming the path of the first wrong value; undefined when it is right. */
export function checkEmulatorData(v: unknown): string | undefined {
  if (!isRecord(v)) return "state is not a record";
  const cp = v.customerProfiles;
  const af = v.appflow;
  if (!isRecord(cp)) return "state.customerProfiles is missing";
  if (!isRecord(af)) return "state.appflow is missing";
  return (
    table(cp.domains, "state.customerProfiles.domains", "DomainName", domain) ??
    table(af.flows, "state.appflow.flows", "flowName", flow) ??
    table(af.connectorProfiles, "state.appflow.connectorProfiles", "connectorProfileName", connectorProfile)
  );
}

/** The state of every service and the operation tables bound to it. */
export class Backends {
  private data!: EmulatorData;
  private tables!: Record<ServiceName, OperationTable>;

  constructor(
    private readonly account: AccountContext,
    private readonly accessKeyId: string,
    initial?: unknown,
    private readonly behaviour: EmulatorBehaviour = { flowDefinitionConflict: "conflict" },
  ) {
    const wrong = initial === undefined ? undefined : checkEmulatorData(initial);
    if (wrong) throw new Error(`saved state does not have the emulator's layout: ${wrong}`);
    this.load((initial as EmulatorData | undefined) ?? emptyData());
  }

  /** Puts back a state saved earlier (after a write whose save failed). */
  restore(data: EmulatorData): void {
    this.load(data);
  }

  private load(data: EmulatorData): void {
    this.data = data;
    const appflow = new AppflowState(data.appflow, this.account);
    const customerProfiles = new CustomerProfilesState(data.customerProfiles, this.account, appflow, this.behaviour);
    this.tables = {
      "customer-profiles": customerProfilesOperations(customerProfiles),
      appflow: appflowOperations(appflow),
      sts: stsOperations(this.account, this.accessKeyId),
    };
    for (const service of SERVICES) {
      const missing = Object.keys(service.model.operations).filter((op) => !this.tables[service.name][op]);
      if (missing.length > 0) throw new Error(`${service.name}: no handler for ${missing.join(", ")}`);
    }
  }

  operations(service: ServiceName): OperationTable {
    return this.tables[service];
  }

  snapshot(): EmulatorData {
    return this.data;
  }

  reset(): void {
    this.load(emptyData());
  }
}
