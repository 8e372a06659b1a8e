import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-mfa-delete",
  title: "S3 bucket versioning has MFA delete enabled",
  service: "s3",
  layer: "data",
  severity: "low",
  needs: ["s3.buckets", "s3.bucketVersioning"],
  rationale:
    "With MFA delete, permanently deleting an object version or changing the bucket's versioning state needs the root " +
    "user's MFA code as well as permission, so a leaked credential alone cannot erase the versions that versioning keeps. " +
    "A bucket passes when GetBucketVersioning reports MFADelete=Enabled. A bucket whose versioning was never enabled " +
    "fails too (MFA delete needs versioning, and CIS 3.1.2 asks for both); it is also reported by s3-bucket-versioning.",
  remediation: {
    text: "As the root user, with the root user's MFA device, enable versioning with MFA delete (the console cannot do it; only the API and CLI can).",
    cli: 'aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "<root-mfa-serial> <code>"',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.1.2"], [FRAMEWORKS.securityHub]: ["S3.20"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const versioning = ctx.read("s3.bucketVersioning", bucket, region);
      if (!versioning.ok) return versioning.outcome;
      const v = versioning.value;
      const evidence = { versioning: v };
      if (v.mfaDelete === "Enabled") {
        return pass(
          resource,
          region,
          `Bucket ${bucket.name} has MFA delete enabled (versioning ${v.status ?? "never enabled"}).`,
          evidence,
        );
      }
      if (v.status === null) {
        return fail(
          resource,
          region,
          `Bucket ${bucket.name} has versioning never enabled, so no MFA delete: deleting its objects needs no MFA.`,
          evidence,
        );
      }
      return fail(
        resource,
        region,
        `Bucket ${bucket.name} has versioning ${v.status === "Enabled" ? "enabled" : v.status === "Suspended" ? "suspended" : v.status} without MFA delete: its object versions can be deleted without MFA.`,
        evidence,
      );
    }),
});
