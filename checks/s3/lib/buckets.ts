import { errorOutcome, type EvaluationContext, type Gated } from "../../../src/check.js";
import { parsePolicy, PolicyParseError, type PolicyDocument } from "../../../src/policy/document.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { bucketRegion, bucketResource, type PublicAccessBlock, type S3Bucket } from "../../../src/services/s3/inventory.js";

/** Where a bucket's verdict lands: the bucket, in its own region. */
export interface BucketAt {
  resource: ResourceRef;
  region: string;
}

/** One outcome per bucket, in its region; one account-level ERROR when the bucket list could not be read. */
export function forEachBucket({ read }: EvaluationContext, evaluate: (bucket: S3Bucket, at: BucketAt) => Outcome): Outcome[] {
  const buckets = read("s3.buckets");
  if (!buckets.ok) return [buckets.outcome];
  return buckets.value.map((b) => evaluate(b, { resource: bucketResource(b), region: bucketRegion(b) }));
}

const PAB_SETTINGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;

export type EffectivePab = PublicAccessBlock & { source: Partial<Record<keyof PublicAccessBlock, "bucket" | "account">> };

/** The Block Public Access settings in force for a bucket: a setting is on when it is on at the bucket or at the account. */
export function effectivePab({ read }: EvaluationContext, bucket: S3Bucket, at: BucketAt): Gated<EffectivePab> {
  const onBucket = read("s3.bucketPublicAccessBlock", bucket, at.region);
  if (!onBucket.ok) return onBucket;
  const onAccount = read("s3.accountPublicAccessBlock");
  if (!onAccount.ok) return { ...onAccount, outcome: errorOutcome(at.resource, at.region, onAccount.error) };
  const source: EffectivePab["source"] = {};
  const result = {} as PublicAccessBlock;
  for (const k of PAB_SETTINGS) {
    const fromBucket = onBucket.value?.[k] === true;
    const fromAccount = onAccount.value?.[k] === true;
    result[k] = fromBucket || fromAccount;
    if (fromBucket) source[k] = "bucket";
    else if (fromAccount) source[k] = "account";
  }
  return { ok: true, value: { ...result, source } };
}

/** The bucket's policy, parsed; `null` when it has none; the ERROR when it could not be read or is not a policy. */
export function bucketPolicy(ctx: EvaluationContext, bucket: S3Bucket, { resource, region }: BucketAt): Gated<PolicyDocument | null> {
  const text = ctx.read("s3.bucketPolicy", bucket, region);
  if (!text.ok || text.value === null) return text as Gated<null>;
  try {
    return { ok: true, value: parsePolicy(text.value) };
  } catch (err) {
    if (!(err instanceof PolicyParseError)) throw err;
    const outcome = ctx.unusable("s3.bucketPolicy", {
      resource,
      region,
      code: "MalformedPolicy",
      message: err.message,
      about: bucket.name,
    });
    return { ok: false, error: outcome.error!, outcome };
  }
}

/** Like forEachBucket, for checks that judge several resources per bucket (its access points). */
export function forEachBucketAll({ read }: EvaluationContext, evaluate: (bucket: S3Bucket, at: BucketAt) => Outcome[]): Outcome[] {
  const buckets = read("s3.buckets");
  if (!buckets.ok) return [buckets.outcome];
  return buckets.value.flatMap((b) => evaluate(b, { resource: bucketResource(b), region: bucketRegion(b) }));
}
