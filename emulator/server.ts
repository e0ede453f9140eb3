/**
 * The HTTP front door. Every AWS request goes through the same steps, in the order the real
 * services apply them: tell the service apart (SigV4 scope, else path), authenticate, route to
 * the operation, parse its input, decide any injected fault, validate against the model, run the
 * operation, persist, answer. Requests under /_emulator/ are the test hooks (hooks.ts) and skip all of that.
 */
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { validate } from "../model/validate";
import { awsValidationMessage } from "./validation-message";
import { authError, isAuthFailure, readSigningScope, SignatureVerifier, type Credentials, type SigningScope } from "./auth";
import { bound, SERVICE_MESSAGE_LIMIT } from "../model/bounded";
import { ServiceError } from "./errors";
import { FaultInjector } from "./faults";
import { StateFileError } from "./persistence";
import { CommittedState } from "./commit";
import { answerHook, isHookPath } from "./hooks";
import { HostPolicy } from "./host-policy";
import { parseQueryCall, parseQueryInput, queryError, queryOutput } from "./protocol/query";
import { parseRestJsonInput, restJsonError, restJsonOutput } from "./protocol/rest-json";
import { parseQueryString, type WireRequest, type WireResponse } from "./protocol/wire";
import { DEFAULT_LIMITS, jsonDepthExceeds, readBodyLimited, type Limits } from "./limits";
import { redactSensitive } from "../model/redact";
import { RequestLog } from "./request-log";
import { SERVICES, type ServiceDescription } from "./services";
import type { AccountContext } from "./services/context";
import type { EmulatorBehaviour, FaultConfig, RequestRecord } from "./types";

export interface ServerConfig {
  host: string;
  port: number;
  region: string;
  accountId: string;
  credentials: Credentials;
  callerArn: string;
  stateFile?: string;
  behaviour?: EmulatorBehaviour;
  /** Front-door bounds (limits.ts); the defaults suit every test and user. */
  limits?: Partial<Limits>;
  /** Host names besides the loopback ones and the bind address that requests may be addressed to. */
  allowedHosts?: string[];
}

/** Reads (Get/List/Describe) never change state, so they never cost a write to disk. */
const READ_ONLY = /^(Get|List|Describe)/;

/** One line on stderr per event: no stack traces from inputs a client chose. */
function logLine(text: string): void {
  process.stderr.write(`customer-profiles-emulator: ${bound(text.replace(/\s*\n\s*/g, " "))}\n`);
}

/** A client that went away: its request, if one had begun, is logged once by handle(). */
const GONE = new Set(["ECONNRESET", "EPIPE", "HPE_INVALID_EOF_STATE"]);

function oneLine(e: unknown): string {
  const err = e as Error;
  const at = err?.stack
    ?.split("\n")
    .find((l) => l.trim().startsWith("at "))
    ?.trim();
  return `${err?.name ?? "Error"}: ${err?.message ?? String(e)}${at ? ` (${at})` : ""}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

interface Outcome {
  service: ServiceDescription | undefined;
  operation: string;
  input?: Record<string, unknown>;
  response?: WireResponse;
  errorType?: string;
  /** The socket was destroyed or left open on purpose. */
  withheld?: "drop" | "hang";
  notes?: string[];
}

export class EmulatorServer {
  readonly log = new RequestLog();
  readonly limits: Limits;
  private readonly hosts: HostPolicy;
  private readonly faults = new FaultInjector();
  private readonly verifier: SignatureVerifier;
  private readonly state: CommittedState;
  private readonly server: http.Server;
  private readonly hung = new Set<http.ServerResponse>();

  constructor(private readonly config: ServerConfig) {
    this.verifier = new SignatureVerifier(config.credentials, config.region);
    const account: AccountContext = { region: config.region, accountId: config.accountId, callerArn: config.callerArn };
    this.state = new CommittedState(account, config.credentials.accessKeyId, config.stateFile, config.behaviour);
    this.limits = { ...DEFAULT_LIMITS, ...config.limits };
    this.hosts = new HostPolicy(config.host, config.allowedHosts);
    this.server = http.createServer(
      {
        headersTimeout: this.limits.headersTimeoutMs,
        requestTimeout: this.limits.requestTimeoutMs,
        // How often Node looks for connections past those timeouts.
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, this.limits.headersTimeoutMs / 4)),
      },
      (req, res) => {
        this.handle(req, res).catch((err) => {
          logLine(`${req.method} ${bound(req.url ?? "", 200)} failed: ${oneLine(err)}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
      },
    );
    this.server.maxConnections = this.limits.maxConnections;
    // A client that sends garbage or goes away mid-request is one line, not a stack trace.
    this.server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
      const timedOut = err.code === "ERR_HTTP_REQUEST_TIMEOUT" || err.code === "ERR_HTTP_HEADERS_TIMEOUT";
      // Timeouts and resets are the bounds doing their job; a request Node cannot parse gets one line.
      if (!timedOut && !GONE.has(err.code ?? "")) logLine(`unparseable request: ${err.code ?? err.message}`);
      if (socket.writable)
        socket.end(`HTTP/1.1 ${timedOut ? "408 Request Timeout" : "400 Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      else socket.destroy();
    });
    // SDK clients keep connections alive between calls; keep ours open a little longer than theirs idle.
    this.server.keepAliveTimeout = 65_000;
  }

  listen(): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.config.port, this.config.host, () => {
        this.server.off("error", reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    // Nothing to flush: every acknowledged write was saved before it was answered.
  }

  /** Throws a StateFileError, with the state unchanged, when the emptied state cannot be saved. */
  reset(): void {
    this.state.commit(() => this.state.backends.reset());
    this.log.clear();
    this.faults.configure({});
  }

  setFaults(config: FaultConfig): void {
    this.faults.configure(config);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const time = new Date().toISOString();
    const plain = (status: number, code: string, message: string) => {
      const text = JSON.stringify({ message: bound(message) });
      // The rest of an unread body is not worth reading: the connection closes after the answer.
      res.writeHead(status, {
        "Content-Type": "application/json",
        "x-amzn-ErrorType": code,
        "Content-Length": Buffer.byteLength(text),
        Connection: "close",
      });
      res.end(text);
      this.log.add({
        service: "unknown",
        operation: "",
        status,
        time,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        errorType: code,
      });
    };
    const refusal = this.hosts.refusal(req.headers);
    if (refusal) return plain(403, "AccessDeniedException", refusal);
    const read = await readBodyLimited(req, this.limits.maxBodyBytes);
    if (read.kind === "aborted") {
      logLine(`${req.method} ${bound(req.url ?? "", 200)}: the client went away after sending ${read.received} bytes of the body`);
      return;
    }
    if (read.kind === "too-large") {
      const size = read.declared !== undefined ? `${read.declared} bytes` : `more than ${this.limits.maxBodyBytes} bytes`;
      return plain(
        413,
        "RequestEntityTooLargeException",
        `Request body of ${size} exceeds the limit of ${this.limits.maxBodyBytes} bytes.`,
      );
    }
    const body = read.body;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const wire: WireRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      rawPath: q < 0 ? url : url.slice(0, q),
      query: parseQueryString(q < 0 ? "" : url.slice(q + 1)),
      headers: flattenHeaders(req.headers),
      body,
    };
    if (isHookPath(wire.rawPath)) {
      const { region, accountId } = this.config;
      return answerHook(wire, res, { region, accountId, log: this.log, reset: () => this.reset(), setFaults: (c) => this.setFaults(c) });
    }

    const outcome = await this.process(wire);
    const signed = readSigningScope(wire.headers);
    const inputShape =
      outcome.service && Object.hasOwn(outcome.service.model.operations, outcome.operation)
        ? outcome.service.model.operations[outcome.operation].input
        : undefined;
    const record: RequestRecord = {
      service: outcome.service?.name ?? "unknown",
      operation: outcome.operation,
      status: outcome.response?.status ?? 0,
      time,
      durationMs: 0,
      // Credentials (every sensitive scalar) are never kept; GET /_emulator/requests hides the rest.
      input:
        outcome.input && inputShape
          ? (redactSensitive(outcome.service!.model, inputShape, outcome.input, "secrets") as Record<string, unknown>)
          : outcome.input,
      errorType: outcome.errorType,
      ...(isAuthFailure(signed) ? {} : { region: signed.region }),
      ...(outcome.notes && outcome.notes.length > 0 ? { notes: outcome.notes } : {}),
    };
    if (outcome.withheld === "drop") {
      req.socket.destroy();
    } else if (outcome.withheld === "hang") {
      this.hung.add(res);
      res.on("close", () => this.hung.delete(res));
    } else {
      const r = outcome.response!;
      res.writeHead(r.status, { ...r.headers, "Content-Length": Buffer.byteLength(r.body) });
      res.end(r.body);
    }
    record.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    this.log.add(record);
  }

  private identify(wire: WireRequest, scope: SigningScope | undefined): ServiceDescription | undefined {
    const byScope = scope && SERVICES.find((s) => s.signingName === scope.service);
    if (byScope) return byScope;
    return SERVICES.find((s) =>
      s.protocol === "query"
        ? wire.rawPath === "/" && (wire.method === "POST" || wire.query.Action !== undefined)
        : s.routes.match(wire.method, wire.rawPath, wire.query) !== undefined,
    );
  }

  private async process(wire: WireRequest): Promise<Outcome> {
    const claimed = readSigningScope(wire.headers);
    const scope = isAuthFailure(claimed) ? undefined : claimed;
    const service = this.identify(wire, scope);
    if (!service) {
      const err = new ServiceError("UnknownOperationException", `No AWS operation matches ${wire.method} ${wire.rawPath}.`, 404);
      return { service, operation: "", response: restJsonError(SERVICES[0].model, err, randomUUID()), errorType: err.code };
    }
    const requestId = randomUUID();
    const fail = (operation: string, e: ServiceError, input?: Record<string, unknown>): Outcome => {
      // A message never grows with the request: values are echoed up to validation-message.ts's MAX_ECHOED_CHARS,
      // the whole message up to SERVICE_MESSAGE_LIMIT (model/bounded.ts).
      const err = new ServiceError(e.code, bound(e.message, SERVICE_MESSAGE_LIMIT), e.status);
      return {
        service,
        operation,
        input,
        errorType: err.code,
        response: service.protocol === "query" ? queryError(service.model, err, requestId) : restJsonError(service.model, err, requestId),
      };
    };

    // The operation is named in the log even when the request goes no further than authentication.
    const located = this.locate(service, wire);
    const operation = located.operation ?? "";

    const failure = isAuthFailure(claimed) ? claimed : await this.verifier.verify(wire, claimed, service.signingName);
    if (failure) return fail(operation, authError(failure, service.protocol));
    if (located.error) return fail(operation, located.error);

    const malformed = (message: string) =>
      new ServiceError(service.protocol === "query" ? service.validationError : "SerializationException", message, 400);
    if (service.protocol === "rest-json" && jsonDepthExceeds(wire.body, this.limits.maxJsonDepth)) {
      return fail(operation, malformed(`The request body nests deeper than ${this.limits.maxJsonDepth} levels.`));
    }
    let input: Record<string, unknown>;
    try {
      input = located.parse!();
    } catch (e) {
      if (e instanceof ServiceError) return fail(operation, e);
      // Whatever else reading the input trips over is the request's fault, not the endpoint's.
      return fail(operation, malformed(`Unable to read the request: ${(e as Error).message}`));
    }

    const fault = this.faults.decide(service.name, operation);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    switch (fault.kind) {
      case "drop":
        return { service, operation, input, withheld: "drop", errorType: "ConnectionDropped" };
      case "hang":
        return { service, operation, input, withheld: "hang", errorType: "NoResponse" };
      case "throttle":
        return fail(operation, new ServiceError(service.throttlingError.code, "Rate exceeded", service.throttlingError.status), input);
      case "error":
        return fail(
          operation,
          new ServiceError(service.internalError.code, "We encountered an internal error. Please try again.", service.internalError.status),
          input,
        );
    }

    const opModel = service.model.operations[operation];
    if (opModel.input) {
      const violations = validate(service.model, opModel.input, input);
      if (violations.length > 0) {
        return fail(operation, new ServiceError(service.validationError, awsValidationMessage(violations), 400), input);
      }
    }

    let output: Record<string, unknown> | undefined;
    // State per region, as moto keeps a backend per region: the region is the one the request was signed for.
    const region = isAuthFailure(claimed) ? undefined : claimed.region;
    const run = () => this.state.backends.operations(service.name, region)[operation](input);
    try {
      output = READ_ONLY.test(operation) ? run() : this.state.commit(run);
    } catch (e) {
      // What a refused request noted on the way does not outlive it.
      this.state.backends.takeNotes();
      if (e instanceof ServiceError) return fail(operation, e, input);
      const internal = (message: string) => new ServiceError(service.internalError.code, message, service.internalError.status);
      if (e instanceof StateFileError) {
        // AWS's InternalServerException shape; the client may retry, and the write was not applied.
        logLine(`${operation} refused: ${e.message}`);
        return fail(
          operation,
          internal(`The change could not be saved (${e.code ?? "I/O error"}) and was not applied. Please try again.`),
          input,
        );
      }
      logLine(`${operation} failed: ${oneLine(e)}`);
      return fail(operation, internal("We encountered an internal error. Please try again."), input);
    }
    const response =
      service.protocol === "query"
        ? queryOutput(service.model, operation, opModel.output, output, requestId)
        : restJsonOutput(service.model, opModel, output, requestId);
    return { service, operation, input, response, notes: this.state.backends.takeNotes() };
  }

  /** Finds the operation a request is for, and how to read its input, without reading it yet. */
  private locate(
    service: ServiceDescription,
    wire: WireRequest,
  ): { operation?: string; error?: ServiceError; parse?: () => Record<string, unknown> } {
    if (service.protocol === "query") {
      const call = parseQueryCall(wire);
      if (!call.action) return { error: new ServiceError("MissingAction", "Missing Action", 400) };
      // The action is the caller's word: `__proto__` or `constructor` is no operation.
      const op = Object.hasOwn(service.model.operations, call.action) ? service.model.operations[call.action] : undefined;
      if (!op || call.version !== service.model.metadata.apiVersion) {
        return {
          operation: call.action,
          error: new ServiceError(
            "InvalidAction",
            `Could not find operation ${call.action} for version ${call.version ?? "NO_VERSION_SPECIFIED"}`,
            400,
          ),
        };
      }
      return { operation: call.action, parse: () => parseQueryInput(service.model, op.input, call.params) };
    }
    const match = service.routes.match(wire.method, wire.rawPath, wire.query);
    if (!match) {
      return {
        error: new ServiceError(
          "UnknownOperationException",
          `No ${service.model.metadata.serviceId} operation matches ${wire.method} ${wire.rawPath}.`,
          404,
        ),
      };
    }
    return { operation: match.route.operation, parse: () => parseRestJsonInput(service.model, match, wire) };
  }
}
