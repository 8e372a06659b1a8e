import { notCollected, unreadable } from "../../src/check.js";
import type { Fetched, Inventory } from "../../src/inventory/index.js";
import type { PublicAccessBlock, S3Bucket } from "../../src/inventory/s3.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

export const bucketResource = (b: S3Bucket): ResourceRef => ({ arn: b.arn, id: b.name, type: "AWS::S3::Bucket" });
export const bucketRegion = (b: S3Bucket): string => (b.region.ok ? b.region.value : "unknown");

/** Runs `evaluate` for every bucket; one ERROR for the account when the bucket list could not be read. */
export function eachBucket(
  inventory: Inventory,
  evaluate: (bucket: S3Bucket, resource: ResourceRef, region: string) => Outcome,
): Outcome[] {
  const buckets = inventory.s3?.buckets;
  if (!buckets) {
    return [unreadable(inventory.accountId, inventory.partition, "global", notCollected("s3", "global", "ListBuckets"))];
  }
  if (!buckets.ok) return [unreadable(inventory.accountId, inventory.partition, buckets.error.region, buckets.error)];
  return buckets.value.map((b) => evaluate(b, bucketResource(b), bucketRegion(b)));
}

/**
 * The Block Public Access settings in force for a bucket: a setting is on when it is on at
 * the bucket or at the account. A failed read of either is returned as-is.
 */
export function effectivePab(
  bucket: Fetched<PublicAccessBlock | null> | undefined,
  account: Fetched<PublicAccessBlock | null> | undefined,
): Fetched<PublicAccessBlock & { source: Partial<Record<keyof PublicAccessBlock, "bucket" | "account">> }> | undefined {
  if (!bucket || !account) return undefined;
  if (!bucket.ok) return bucket;
  if (!account.ok) return account;
  const keys = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;
  const source: Partial<Record<keyof PublicAccessBlock, "bucket" | "account">> = {};
  const result = {} as PublicAccessBlock;
  for (const k of keys) {
    const fromBucket = bucket.value?.[k] === true;
    const fromAccount = account.value?.[k] === true;
    result[k] = fromBucket || fromAccount;
    if (fromBucket) source[k] = "bucket";
    else if (fromAccount) source[k] = "account";
  }
  return { ok: true, value: { ...result, source } };
}
