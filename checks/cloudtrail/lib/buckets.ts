/** The S3 buckets trails deliver to, judged with the S3 inventory. */
import { errorOutcome, type EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome } from "../../../src/results.js";
import type { Trail } from "../../../src/services/cloudtrail/inventory.js";
import { bucketRegion, bucketResource, type S3Bucket } from "../../../src/services/s3/inventory.js";
import type { BucketAt } from "../../s3/lib/buckets.js";
import { allTrails } from "./trails.js";

/**
 * One outcome per bucket that some trail delivers to, on the bucket in its region. A bucket missing from
 * this account's bucket list (another account's, as with central logging, or deleted) cannot be judged
 * here: ERROR, never a guess. Without the S3 inventory (a snapshot of CloudTrail alone): ERROR too.
 */
export function forEachTrailBucket(
  inv: Inventory,
  ctx: EvaluationContext,
  evaluate: (bucket: S3Bucket, at: BucketAt, trails: Trail[]) => Outcome,
): Outcome[] {
  const { trails, unreadable } = allTrails(inv, ctx);
  const byBucket = new Map<string, Trail[]>();
  for (const t of trails) if (t.s3BucketName) byBucket.set(t.s3BucketName, [...(byBucket.get(t.s3BucketName) ?? []), t]);
  if (byBucket.size === 0) return unreadable;
  const buckets = ctx.read("s3.buckets");
  return [
    ...unreadable,
    ...[...byBucket].map(([name, delivering]) => {
      const first = delivering[0]!;
      const resource = bucketResource({ name, arn: `arn:${inv.partition}:s3:::${name}` });
      if (!buckets.ok) return errorOutcome(resource, first.homeRegion, buckets.error);
      const bucket = buckets.value.find((b) => b.name === name);
      if (!bucket) {
        return {
          ...ctx.unusable("s3.buckets", {
            resource,
            region: first.homeRegion,
            code: "BucketNotInAccount",
            message: `trail ${first.name} delivers to bucket ${name}, which this account's bucket list does not have: it belongs to another account (central logging) or no longer exists; judge it in the account that owns it`,
            about: name,
          }),
          evidence: { trails: delivering.map((t) => t.arn) },
        };
      }
      return evaluate(bucket, { resource, region: bucketRegion(bucket) }, delivering);
    }),
  ];
}

export const trailNames = (trails: readonly Trail[]): string => trails.map((t) => t.name).join(", ");
