/** Citations more than one rule family uses. */
import type { Citation } from "../evidence";

export const CUSTOMER_PROFILES_MODEL = "codegen/aws-models/botocore-customer-profiles-2020-08-15.json";
export const APPFLOW_MODEL = "codegen/aws-models/botocore-appflow-2020-08-23.json";
export const API_PUT_INTEGRATION = "https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_PutIntegration.html";
export const ADMIN_GUIDE_S3 = "https://docs.aws.amazon.com/connect/latest/adminguide/customerprofiles-s3-integration.html";

/** The task properties AWS's own AppFlow constructs emit per operator. */
export const CDK_APPFLOW_TASKS: Citation = {
  url: "https://github.com/cdklabs/cdk-appflow/tree/main/src/core/tasks",
  quote: "filters.ts, transforms.ts, validations.ts: the operators and taskProperties each task construct emits",
};
