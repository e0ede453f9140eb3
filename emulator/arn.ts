/** ARN spelling shared by every service the endpoint plays: the model's, so provider and endpoint agree. */
export { partitionOf, arn } from "../model/arn";
