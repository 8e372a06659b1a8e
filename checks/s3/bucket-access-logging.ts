import { whenRead, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { eachBucket } from "./common.js";

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
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.9"] },
  evaluate: (inv) =>
    eachBucket(inv, (bucket, resource, region) =>
      whenRead(
        resource,
        region,
        [bucket.logging] as const,
        (logging) =>
          logging
            ? pass(resource, region, `Bucket ${bucket.name} logs requests to s3://${logging.targetBucket}/${logging.targetPrefix ?? ""}.`, {
                logging,
              })
            : fail(resource, region, `Bucket ${bucket.name} has server access logging disabled.`, { logging: null }),
        { service: "s3", operation: "GetBucketLogging" },
      ),
    ),
});
