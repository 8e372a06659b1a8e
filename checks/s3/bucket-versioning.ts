import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-versioning",
  title: "S3 bucket has versioning enabled",
  service: "s3",
  layer: "data",
  severity: "low",
  needs: ["s3.buckets", "s3.bucketVersioning"],
  rationale:
    "Versioning keeps prior versions of every object, so an overwrite or delete — by mistake, by ransomware or by a leaked credential — can be undone.",
  remediation: {
    text: "Enable versioning (and a lifecycle rule that expires old versions to control cost).",
    cli: "aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["S3.14"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const versioning = ctx.read("s3.bucketVersioning", bucket, region);
      if (!versioning.ok) return versioning.outcome;
      const v = versioning.value;
      return v.status === "Enabled"
        ? pass(resource, region, `Bucket ${bucket.name} has versioning enabled${v.mfaDelete === "Enabled" ? " with MFA delete" : ""}.`, {
            versioning: v,
          })
        : fail(resource, region, `Bucket ${bucket.name} has versioning ${v.status === "Suspended" ? "suspended" : "never enabled"}.`, {
            versioning: v,
          });
    }),
});
