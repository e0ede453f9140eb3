/** Customer Profiles' operations: each hands its parsed input to the state model and returns the output. */
import type {
  CreateDomainRequest,
  DeleteDomainRequest,
  DeleteIntegrationRequest,
  DeleteProfileObjectTypeRequest,
  GetDomainRequest,
  GetIntegrationRequest,
  GetProfileObjectTypeRequest,
  ListDomainsRequest,
  ListIntegrationsRequest,
  ListProfileObjectTypesRequest,
  ListTagsForResourceRequest,
  PutIntegrationRequest,
  PutProfileObjectTypeRequest,
  TagResourceRequest,
  UntagResourceRequest,
} from "@aws-sdk/client-customer-profiles";
import { handler, type OperationTable } from "../context";
import type { CustomerProfilesState } from "./state";

export function customerProfilesOperations(state: CustomerProfilesState): OperationTable {
  return {
    CreateDomain: handler<CreateDomainRequest>((i) => state.createDomain(i)),
    GetDomain: handler<GetDomainRequest>((i) => state.getDomain(i.DomainName)),
    ListDomains: handler<ListDomainsRequest>((i) => state.listDomains(i.MaxResults, i.NextToken)),
    DeleteDomain: handler<DeleteDomainRequest>((i) => state.deleteDomain(i.DomainName)),

    PutProfileObjectType: handler<PutProfileObjectTypeRequest>((i) => state.putProfileObjectType(i)),
    GetProfileObjectType: handler<GetProfileObjectTypeRequest>((i) => state.getProfileObjectType(i.DomainName, i.ObjectTypeName)),
    ListProfileObjectTypes: handler<ListProfileObjectTypesRequest>((i) =>
      state.listProfileObjectTypes(i.DomainName, i.MaxResults, i.NextToken),
    ),
    DeleteProfileObjectType: handler<DeleteProfileObjectTypeRequest>((i) => state.deleteProfileObjectType(i.DomainName, i.ObjectTypeName)),

    PutIntegration: handler<PutIntegrationRequest>((i) => state.putIntegration(i)),
    GetIntegration: handler<GetIntegrationRequest>((i) => state.getIntegration(i.DomainName, i.Uri)),
    ListIntegrations: handler<ListIntegrationsRequest>((i) => state.listIntegrations(i.DomainName, i.MaxResults, i.NextToken)),
    DeleteIntegration: handler<DeleteIntegrationRequest>((i) => state.deleteIntegration(i.DomainName, i.Uri)),

    TagResource: handler<TagResourceRequest>((i) => state.tagResource(i.resourceArn, i.tags)),
    UntagResource: handler<UntagResourceRequest>((i) => state.untagResource(i.resourceArn, i.tagKeys)),
    ListTagsForResource: handler<ListTagsForResourceRequest>((i) => state.listTagsForResource(i.resourceArn)),
  };
}
