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

export function emptyData(): EmulatorData {
  return { customerProfiles: emptyCustomerProfilesData(), appflow: emptyAppflowData() };
}

function isEmulatorData(v: unknown): v is EmulatorData {
  const d = v as EmulatorData | undefined;
  return !!d && typeof d.customerProfiles?.domains === "object" && typeof d.appflow?.flows === "object" && typeof d.appflow?.connectorProfiles === "object";
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
    if (initial !== undefined && !isEmulatorData(initial)) throw new Error("saved state does not have the emulator's layout");
    this.load(initial ?? emptyData());
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
