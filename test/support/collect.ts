import pLimit from "p-limit";
import { AwsSession } from "../../src/aws/session.js";
import { CollectContext } from "../../src/collect/context.js";
import type { SliceId } from "../../src/inventory/index.js";

/** A CollectContext over a session with static test credentials (for aws-sdk-client-mock tests). */
export function testContext(slices: readonly SliceId[], regions: readonly string[] = ["us-east-1"]): CollectContext {
  const session = new AwsSession({
    credentials: () => Promise.resolve({ accessKeyId: "testing", secretAccessKey: "testing" }),
    homeRegion: "us-east-1",
    maxAttempts: 1,
  });
  return new CollectContext(session, { accountId: "123456789012", partition: "aws", regions, wanted: new Set(slices) }, pLimit(8));
}

/** An SDK-shaped service error with the given code. */
export function awsError(code: string, status = 400): Error {
  return Object.assign(new Error(`${code}: simulated`), { name: code, $metadata: { httpStatusCode: status }, $fault: "client" });
}
