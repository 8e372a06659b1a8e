import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-access-logging",
  title: "S3 bucket has server access logging enabled",
  service: "s3",
  layer: "monitoring",
  severity: "low",
  needs: ["s3.buckets", "s3.bucketLogging"],
  rationale:
    "Server access logs record every request made to the bucket: who read or changed which object and when. Without them an investigation cannot tell what data was reached.",
  remediation: {
    text: "Enable server access logging to a dedicated log bucket (or CloudTrail S3 data events).",
    cli: 'aws s3api put-bucket-logging --bucket <BUCKET> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<LOG_BUCKET>","TargetPrefix":"<BUCKET>/"}}\'',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
    fix: "Turn on server access logging for bucket <BUCKET>",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.9"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const logging = ctx.read("s3.bucketLogging", bucket, region);
      if (!logging.ok) return logging.outcome;
      return logging.value
        ? pass(
            resource,
            region,
            `Bucket ${bucket.name} logs requests to s3://${logging.value.targetBucket}/${logging.value.targetPrefix ?? ""}.`,
            {
              logging: logging.value,
            },
          )
        : fail(resource, region, `Bucket ${bucket.name} has server access logging disabled.`, { logging: null });
    }),
});
