/** ARN spelling shared by every service the endpoint plays: the model's, so provider and endpoint agree. */
export { partitionOf, arn } from "../model/arn";

/** An AWS region's name (us-east-1, eu-west-2, us-gov-west-1, cn-north-1, ap-southeast-3…): the regions the endpoint serves. */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
