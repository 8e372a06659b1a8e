import { defineCheck, fail, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

const KMS_ALGORITHMS = new Set(["aws:kms", "aws:kms:dsse"]);

export default defineCheck({
  id: "s3-bucket-default-encryption",
  title: "S3 bucket has default server-side encryption",
  service: "s3",
  layer: "encryption",
  severity: "medium",
  needs: ["s3.buckets", "s3.bucketEncryption"],
  rationale:
    "Default encryption makes every new object encrypted at rest without relying on each writer. SSE-KMS is stronger than SSE-S3: key use is controlled by a key policy and logged in CloudTrail.",
  remediation: {
    text: "Configure default encryption, preferably SSE-KMS with a customer managed key and S3 Bucket Keys.",
    cli: 'aws s3api put-bucket-encryption --bucket <BUCKET> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<KEY_ARN>"},"BucketKeyEnabled":true}]}\'',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html",
  },
  compliance: {},
  noComplianceBecause:
    "FSBP retired S3.4 (default encryption) once S3 began encrypting every new object with SSE-S3; S3.17 asks for SSE-KMS, which this check recommends but does not require, and CIS v6.0 has no S3 encryption recommendation.",
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const encryption = ctx.read("s3.bucketEncryption", bucket, region);
      if (!encryption.ok) return encryption.outcome;
      const rules = encryption.value;
      const algorithms = (rules ?? []).map((r) => r.algorithm).filter((a) => a !== "none");
      if (algorithms.length === 0) {
        return fail(resource, region, `Bucket ${bucket.name} has no default encryption configuration.`, { encryption: rules });
      }
      const kms = algorithms.some((a) => KMS_ALGORITHMS.has(a));
      return pass(
        resource,
        region,
        kms
          ? `Bucket ${bucket.name} encrypts by default with SSE-KMS (${algorithms.join(", ")}).`
          : `Bucket ${bucket.name} encrypts by default with SSE-S3 (${algorithms.join(", ")}); SSE-KMS would add key policy control and key-use logging.`,
        { encryption: rules, strength: kms ? "SSE-KMS" : "SSE-S3" },
      );
    }),
});
