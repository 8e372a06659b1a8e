import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachTrailBucket, trailNames } from "./lib/buckets.js";

export default defineCheck({
  id: "cloudtrail-bucket-access-logging",
  title: "The S3 buckets CloudTrail delivers to have server access logging enabled",
  service: "cloudtrail",
  layer: "monitoring",
  severity: "low",
  needs: ["cloudtrail.trails", "s3.buckets", "s3.bucketLogging"],
  rationale:
    "The bucket holding the audit trail is what an intruder wants to read or tamper with. Its server access log shows " +
    "every request made to it, including ones that CloudTrail data events would not record.",
  remediation: {
    text: "Enable server access logging on the trail's bucket, to a separate log bucket.",
    cli: 'aws s3api put-bucket-logging --bucket <BUCKET> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<LOG_BUCKET>","TargetPrefix":"<BUCKET>/"}}\'',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
    fix: "Turn on server access logging for bucket <BUCKET>",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.4"], [FRAMEWORKS.securityHub]: ["CloudTrail.7"] },
  evaluate: (inv, ctx) =>
    forEachTrailBucket(inv, ctx, (bucket, { resource, region }, trails) => {
      const logging = ctx.read("s3.bucketLogging", bucket, region);
      if (!logging.ok) return logging.outcome;
      const evidence = { trails: trails.map((t) => t.arn), logging: logging.value };
      return logging.value
        ? pass(
            resource,
            region,
            `Bucket ${bucket.name} (trail ${trailNames(trails)}) logs requests to s3://${logging.value.targetBucket}/.`,
            evidence,
          )
        : fail(
            resource,
            region,
            `Bucket ${bucket.name}, where trail ${trailNames(trails)} delivers its logs, has server access logging disabled.`,
            evidence,
          );
    }),
});
