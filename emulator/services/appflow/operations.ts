/** AppFlow's operations: each hands its parsed input to the state model and returns the output. */
import type {
  CreateConnectorProfileRequest,
  DeleteConnectorProfileRequest,
  DeleteFlowRequest,
  DescribeConnectorProfilesRequest,
  DescribeFlowRequest,
  ListFlowsRequest,
  StartFlowRequest,
  StopFlowRequest,
  UpdateFlowRequest,
} from "@aws-sdk/client-appflow";
import { handler, type OperationTable } from "../context";
import type { AppflowState } from "./state";

export function appflowOperations(state: AppflowState): OperationTable {
  return {
    CreateConnectorProfile: handler<CreateConnectorProfileRequest>((i) => state.createConnectorProfile(i)),
    DescribeConnectorProfiles: handler<DescribeConnectorProfilesRequest>((i) => state.describeConnectorProfiles(i)),
    DeleteConnectorProfile: handler<DeleteConnectorProfileRequest>((i) =>
      state.deleteConnectorProfile(i.connectorProfileName, i.forceDelete === true),
    ),
    DescribeFlow: handler<DescribeFlowRequest>((i) => state.describeFlow(i.flowName)),
    ListFlows: handler<ListFlowsRequest>((i) => state.listFlows(i.maxResults, i.nextToken)),
    DeleteFlow: handler<DeleteFlowRequest>((i) => state.deleteFlow(i.flowName)),
    UpdateFlow: handler<UpdateFlowRequest>((i) => state.updateFlow(i)),
    StartFlow: handler<StartFlowRequest>((i) => state.startFlow(i.flowName)),
    StopFlow: handler<StopFlowRequest>((i) => state.stopFlow(i.flowName)),
  };
}
