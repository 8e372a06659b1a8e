import { AwsSession } from "../../src/aws/session.js";
import { collectService } from "../../src/collect/index.js";
import { CollectContext } from "../../src/collect/context.js";
import type { SliceId } from "../../src/inventory/index.js";
import type { AnyService, DataOf } from "../../src/services/define.js";
import { SERVICES, withParents } from "../../src/services/index.js";

/** A session with static test credentials and one attempt per call (for aws-sdk-client-mock tests). */
export const testSession = (): AwsSession =>
  new AwsSession({
    credentials: () => Promise.resolve({ accessKeyId: "testing", secretAccessKey: "testing" }),
    homeRegion: "us-east-1",
    maxAttempts: 1,
  });

/** A CollectContext wanting these slices (and the listings they belong to), as a scan would. */
export function testContext(
  slices: readonly SliceId[],
  regions: readonly string[] = ["us-east-1"],
  session = testSession(),
  options: { collectAll?: boolean } = {},
): CollectContext {
  return new CollectContext(session, {
    accountId: "123456789012",
    partition: "aws",
    regions,
    wanted: withParents(slices),
    collectAll: options.collectAll === true,
  });
}

/** Every slice of a service. */
export const allSlicesOf = (service: AnyService): SliceId[] => service.slices.map((s) => s.id as SliceId);

/** Collects one service through the scan's own runner. */
export const collect = async <S extends AnyService>(service: S, ctx: CollectContext): Promise<DataOf<S>> =>
  (await collectService(ctx, service)) as DataOf<S>;

/** An SDK-shaped service error with the given code. */
export function awsError(code: string, status = 400): Error {
  return Object.assign(new Error(`${code}: simulated`), { name: code, $metadata: { httpStatusCode: status }, $fault: "client" });
}

export { SERVICES };
