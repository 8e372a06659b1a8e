import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { deniesInsecureTransport } from "../../src/policy/s3-public.js";
import { AWS_MODEL } from "../../src/responsibility.js";
import { bucketPolicy, forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-tls-only",
  title: "S3 bucket policy denies requests that do not use TLS",
  service: "s3",
  layer: "encryption",
  awsModel: AWS_MODEL.trafficProtection,
  severity: "medium",
  needs: ["s3.buckets", "s3.bucketPolicy"],
  rationale:
    "S3 accepts plain HTTP unless the bucket policy denies it. A Deny for aws:SecureTransport = false makes every client use TLS, protecting data and credentials in transit.",
  remediation: {
    text: 'Add a statement denying s3:* to Principal "*" when aws:SecureTransport is false, on the bucket and its objects.',
    cli: 'aws s3api put-bucket-policy --bucket <BUCKET> --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<BUCKET>","arn:aws:s3:::<BUCKET>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.1.1"], [FRAMEWORKS.fsbp]: ["S3.5"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, at) => {
      const { resource, region } = at;
      const policy = bucketPolicy(ctx, bucket, at);
      if (!policy.ok) return policy.outcome;
      if (policy.value === null) {
        return fail(resource, region, `Bucket ${bucket.name} has no bucket policy, so plain-HTTP requests are allowed.`, { policy: null });
      }
      const statement = deniesInsecureTransport(policy.value);
      return statement
        ? pass(resource, region, `Bucket ${bucket.name}'s policy ${statement} denies requests without TLS.`, { denyStatement: statement })
        : fail(resource, region, `Bucket ${bucket.name}'s policy has no statement denying requests where aws:SecureTransport is false.`, {
            denyStatement: null,
          });
    }),
});
