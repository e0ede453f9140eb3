/** ARN spelling shared by every service the endpoint plays. */
import { partitionOf } from "../provider/ids";

// One partition rule for the provider and the endpoint: the ARNs each builds must agree.
export { partitionOf };

export function arn(service: string, region: string, accountId: string, resource: string): string {
  return `arn:${partitionOf(region)}:${service}:${region}:${accountId}:${resource}`;
}
