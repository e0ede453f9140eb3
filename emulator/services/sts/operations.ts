/** STS: the endpoint answers as the one identity its key pair stands for. */
import { createHash } from "node:crypto";
import type { AccountContext, OperationTable } from "../context";

/** An IAM user id (AIDA…) that is stable for a given access key, as a real user's is. */
function userIdFor(accessKeyId: string): string {
  const digest = createHash("sha256").update(accessKeyId).digest("hex").toUpperCase();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let id = "AIDA";
  for (let i = 0; i < 17; i++) id += alphabet[parseInt(digest.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return id;
}

export function callerArnFor(accountId: string, partition = "aws"): string {
  return `arn:${partition}:iam::${accountId}:user/emulator`;
}

export function stsOperations(account: AccountContext, accessKeyId: string): OperationTable {
  return {
    GetCallerIdentity: () => ({ UserId: userIdFor(accessKeyId), Account: account.accountId, Arn: account.callerArn }),
  };
}
