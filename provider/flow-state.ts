/**
 * A flow integration's flow as users see and steer it: its status and last run, read from the
 * DescribeFlow answer read already fetches (no extra call), and the desired state a program may
 * set, reached with AppFlow StartFlow (activates a scheduled or event flow) and StopFlow
 * (deactivates one), as the AppFlow model documents them. What state a new flow is left in is not
 * published for flows Customer Profiles creates (AppFlow's CreateFlow leaves a scheduled one in
 * Draft: cloudformation-coverage-roadmap#1214), so convergence asks, whatever that state is.
 */
import * as api from "./api";
import { toIsoTimestamp } from "./mapping";
import type { AwsClients } from "./clients";
import type { DesiredFlowState, IntegrationOutputs } from "./integration-types";

/** What the outputs say about a flow. */
export type FlowObservation = Pick<IntegrationOutputs, "flowStatus" | "lastRunStatus" | "lastRunTime">;

/** The AppFlow status each desired state means. */
const STATUS: Readonly<Record<DesiredFlowState, string>> = { running: "Active", suspended: "Suspended" };

/** The flow as DescribeFlow reports it: its status and its last run. */
export function observeFlow(flow: Record<string, unknown> | undefined): FlowObservation {
  if (!flow) return {};
  const run = flow.lastRunExecutionDetails as Record<string, unknown> | undefined;
  return {
    flowStatus: typeof flow.flowStatus === "string" ? flow.flowStatus : undefined,
    lastRunStatus: typeof run?.mostRecentExecutionStatus === "string" ? run.mostRecentExecutionStatus : undefined,
    lastRunTime: toIsoTimestamp(run?.mostRecentExecutionTime),
  };
}

/** Whether a flow in `status` is in the desired state; an unknown status is not. */
export function flowStateHolds(desired: DesiredFlowState | undefined, status: string | undefined): boolean {
  return desired === undefined || status === STATUS[desired];
}

/**
 * Brings the flow to the desired state: StartFlow or StopFlow when its status (as known, or as
 * DescribeFlow answers) is another. Returns what is then known of the flow.
 */
export async function convergeFlowState(
  c: AwsClients,
  flowName: string,
  desired: DesiredFlowState,
  known?: FlowObservation,
): Promise<FlowObservation> {
  const seen = known?.flowStatus !== undefined ? known : observeFlow(await api.describeFlow(c, flowName));
  if (flowStateHolds(desired, seen.flowStatus)) return seen;
  const answer = desired === "running" ? await api.startFlow(c, flowName) : await api.stopFlow(c, flowName);
  return { ...seen, flowStatus: typeof answer.flowStatus === "string" ? answer.flowStatus : STATUS[desired] };
}
