import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Outcome } from "../../src/results.js";
import type { BucketEncryptionRule } from "../../src/services/s3/inventory.js";
import { wildcardMatch } from "../../src/wildcard.js";
import { forEachBucketAll } from "./lib/buckets.js";

const KMS_ALGORITHMS = new Set(["aws:kms", "aws:kms:dsse"]);

/** No key id, or the `aws/s3` alias (by name or ARN): the AWS managed key. */
const awsManagedKey = (keyId: string | undefined): boolean => keyId === undefined || /(^|:)alias\/aws\/s3$/.test(keyId);

const cmkRule = (rules: readonly BucketEncryptionRule[]): BucketEncryptionRule | undefined =>
  rules.find((r) => KMS_ALGORITHMS.has(r.algorithm) && !awsManagedKey(r.kmsKeyId));

export default defineCheck({
  id: "s3-bucket-kms-cmk-encryption",
  title: "Buckets whose data requires it encrypt by default with SSE-KMS and a customer managed key",
  service: "s3",
  layer: "encryption",
  severity: "medium",
  needs: ["s3.buckets", "s3.bucketEncryption"],
  rationale:
    "Data classified as needing it (settings.kmsRequiredBuckets: bucket name patterns, none by default, so the check " +
    "reports nothing until it is configured) must be encrypted with a KMS key the customer manages: its key policy decides " +
    "who can decrypt, independently of the bucket policy, it can be disabled to cut off access, and every use is logged. " +
    "A selected bucket passes when its default encryption is SSE-KMS (or DSSE-KMS) with a key other than the AWS managed " +
    "aws/s3 key (no KMSMasterKeyID, or alias/aws/s3, means the AWS managed key; a key id or ARN is taken as customer managed, " +
    "since telling the aws/s3 key by its id would need KMS reads). Buckets are selected by name rather than by " +
    "tag so that the check needs no GetBucketTagging call per bucket.",
  remediation: {
    text: "Create (or choose) a customer managed key whose policy lets only the bucket's readers decrypt, and make it the bucket's default encryption with S3 Bucket Keys.",
    cli: 'aws s3api put-bucket-encryption --bucket <BUCKET> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<KEY_ARN>"},"BucketKeyEnabled":true}]}\'',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["S3.17"] },
  evaluate: (_inv, ctx) => {
    const patterns = ctx.settings.kmsRequiredBuckets;
    if (patterns.length === 0) return [];
    return forEachBucketAll(ctx, (bucket, { resource, region }): Outcome[] => {
      const selectedBy = patterns.find((p) => wildcardMatch(p, bucket.name));
      if (selectedBy === undefined) return [];
      const encryption = ctx.read("s3.bucketEncryption", bucket, region);
      if (!encryption.ok) return [encryption.outcome];
      const rules = encryption.value ?? [];
      const evidence = { selectedBy, encryption: encryption.value };
      const rule = cmkRule(rules);
      if (rule)
        return [
          pass(
            resource,
            region,
            `Bucket ${bucket.name} encrypts by default with ${rule.algorithm} and customer managed key ${rule.kmsKeyId}.`,
            evidence,
          ),
        ];
      const kms = rules.find((r) => KMS_ALGORITHMS.has(r.algorithm));
      const what = kms
        ? `uses ${kms.algorithm} with the AWS managed key (${kms.kmsKeyId ?? "no key id: aws/s3"})`
        : rules.length
          ? `uses ${rules.map((r) => r.algorithm).join(", ")}, not SSE-KMS`
          : "has no default encryption configuration";
      return [
        fail(
          resource,
          region,
          `Bucket ${bucket.name} (selected by "${selectedBy}") ${what}; its data requires a customer managed KMS key.`,
          evidence,
        ),
      ];
    });
  },
});
