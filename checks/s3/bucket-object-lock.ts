import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-object-lock",
  title: "S3 bucket has Object Lock enabled",
  service: "s3",
  layer: "data",
  severity: "low",
  needs: ["s3.buckets", "s3.bucketObjectLock"],
  rationale:
    "Object Lock keeps object versions from being deleted or overwritten for a retention period (write once, read many), " +
    "so ransomware or a leaked credential cannot destroy the data. It is reported for every bucket, as low: many buckets do " +
    "not need it. A bucket passes when GetObjectLockConfiguration reports ObjectLockEnabled=Enabled; the evidence says " +
    "whether a default retention applies to new objects.",
  remediation: {
    text: "Enable Object Lock (versioning must be on) and set a default retention in governance or compliance mode that fits the data.",
    cli: 'aws s3api put-object-lock-configuration --bucket <BUCKET> --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":30}}}\'',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["S3.15"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const lock = ctx.read("s3.bucketObjectLock", bucket, region);
      if (!lock.ok) return lock.outcome;
      const evidence = { objectLock: lock.value };
      if (lock.value?.enabled) {
        const r = lock.value.defaultRetention;
        const retention = r
          ? `, default retention ${r.mode ?? "?"} ${r.days !== undefined ? `${r.days} days` : `${r.years ?? "?"} years`}`
          : ", no default retention";
        return pass(resource, region, `Bucket ${bucket.name} has Object Lock enabled${retention}.`, evidence);
      }
      return fail(resource, region, `Bucket ${bucket.name} does not have Object Lock enabled.`, evidence);
    }),
});
