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
import { REGION_NAME as REGION } from "../../model/arn";
import type { EmulatorBehaviour, ServiceName } from "../types";
import { appflowOperations } from "./appflow/operations";
import { AppflowState, emptyAppflowData, type AppflowData } from "./appflow/state";
import { Notes, type AccountContext, type OperationTable } from "./context";
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
  return {
    name,
    model,
    protocol: model.metadata.protocol,
    signingName: model.metadata.signingName,
    routes: new RouteTable(model),
    ...errors,
  };
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

/** One region's state, as moto keeps a backend per region: names are unique only within a region. */
export interface RegionData {
  customerProfiles: CustomerProfilesData;
  appflow: AppflowData;
}

/**
 * The endpoint's state: its own region's at the top (the layout state files have always had), and
 * every other region a request has been signed for under `regions`.
 */
export interface EmulatorData extends RegionData {
  regions?: Map<string, RegionData>;
}

function emptyRegion(): RegionData {
  return { customerProfiles: emptyCustomerProfilesData(), appflow: emptyAppflowData() };
}

function emptyData(): EmulatorData {
  return emptyRegion();
}

type Check = (v: unknown, where: string) => string | undefined;
type RecordCheck = (v: Record<string, unknown>, where: string) => string | undefined;

const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Date);

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
    const wrong =
      each(x, w) ?? ((x as Record<string, unknown>)[nameMember] !== k ? `${w}.${nameMember} does not match its key` : undefined);
    if (wrong) return wrong;
  }
  return undefined;
}

const DATES = ["CreatedAt", "LastUpdatedAt"];
const APPFLOW_DATES = ["createdAt", "lastUpdatedAt"];

const integration = record("Uri", DATES, "Tags", (v, where) =>
  v.ObjectTypeNames !== undefined ? stringMap(v.ObjectTypeNames, `${where}.ObjectTypeNames`) : undefined,
);
const domain = record(
  "DomainName",
  DATES,
  "Tags",
  (v, where) =>
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

function checkRegion(v: unknown, where: string): string | undefined {
  if (!isRecord(v)) return `${where} is not a record`;
  const cp = v.customerProfiles;
  const af = v.appflow;
  if (!isRecord(cp)) return `${where}.customerProfiles is missing`;
  if (!isRecord(af)) return `${where}.appflow is missing`;
  return (
    table(cp.domains, `${where}.customerProfiles.domains`, "DomainName", domain) ??
    table(af.flows, `${where}.appflow.flows`, "flowName", flow) ??
    table(af.connectorProfiles, `${where}.appflow.connectorProfiles`, "connectorProfileName", connectorProfile)
  );
}

/** What is wrong with a saved state, naming the path of the first wrong value; undefined when it is right. */
export function checkEmulatorData(v: unknown): string | undefined {
  const top = checkRegion(v, "state");
  if (top) return top;
  const regions = (v as Record<string, unknown>).regions;
  if (regions === undefined) return undefined;
  if (!(regions instanceof Map)) return "state.regions is not a table";
  for (const [name, data] of regions) {
    const where = `state.regions[${JSON.stringify(name).slice(0, 80)}]`;
    if (typeof name !== "string" || !REGION.test(name)) return `${where} is not a region name`;
    const wrong = checkRegion(data, where);
    if (wrong) return wrong;
  }
  return undefined;
}

/** The state of every service in every region, and the operation tables bound to each region's. */
export class Backends {
  private data!: EmulatorData;
  private tables!: Map<string, Record<ServiceName, OperationTable>>;
  private readonly notes = new Notes();

  constructor(
    private readonly account: AccountContext,
    private readonly accessKeyId: string,
    initial?: unknown,
    private readonly behaviour: EmulatorBehaviour = { flowDefinitionConflict: "conflict", newFlowStatus: "Draft" },
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
    this.tables = new Map();
  }

  /** A region's data: the endpoint's own at the top, any other made on first use. */
  private regionData(region: string): RegionData {
    if (region === this.account.region) return this.data;
    this.data.regions ??= new Map();
    let r = this.data.regions.get(region);
    if (!r) {
      r = emptyRegion();
      this.data.regions.set(region, r);
    }
    return r;
  }

  private bind(region: string): Record<ServiceName, OperationTable> {
    const data = this.regionData(region);
    // The account is the same everywhere; ARNs and the caller name the region the request was signed for.
    const account: AccountContext = { ...this.account, region };
    const appflow = new AppflowState(data.appflow, account, this.behaviour, this.notes);
    const customerProfiles = new CustomerProfilesState(data.customerProfiles, account, appflow, this.behaviour, this.notes);
    const tables = {
      "customer-profiles": customerProfilesOperations(customerProfiles),
      appflow: appflowOperations(appflow),
      sts: stsOperations(account, this.accessKeyId),
    };
    for (const service of SERVICES) {
      const missing = Object.keys(service.model.operations).filter((op) => !tables[service.name][op]);
      if (missing.length > 0) throw new Error(`${service.name}: no handler for ${missing.join(", ")}`);
    }
    return tables;
  }

  /** The operations of a service in a region (the endpoint's own when none is named). */
  operations(service: ServiceName, region: string = this.account.region): OperationTable {
    let tables = this.tables.get(region);
    if (!tables) {
      tables = this.bind(region);
      this.tables.set(region, tables);
    }
    return tables[service];
  }

  /** The notes of the operation just run (RequestRecord.notes), emptied for the next. */
  takeNotes(): string[] {
    return this.notes.take();
  }

  snapshot(): EmulatorData {
    return this.data;
  }

  reset(): void {
    this.load(emptyData());
  }
}
