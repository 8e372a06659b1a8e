import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { aclExposure, policyExposure } from "../s3/lib/exposure.js";
import { forEachTrailBucket, trailNames } from "./lib/buckets.js";

export default defineCheck({
  id: "cloudtrail-bucket-not-public",
  title: "The S3 buckets CloudTrail delivers to are not public",
  service: "cloudtrail",
  layer: "data",
  severity: "high",
  risk: { exposure: "public" },
  needs: [
    "cloudtrail.trails",
    "s3.buckets",
    "s3.bucketPolicy",
    "s3.bucketPolicyStatus",
    "s3.bucketOwnership",
    "s3.bucketAcl",
    "s3.bucketPublicAccessBlock",
    "s3.accountPublicAccessBlock",
  ],
  rationale:
    "CloudTrail logs describe the whole account: its users, roles, resources and what they did. A public log bucket hands " +
    "that map to anyone, and a publicly writable one lets anyone bury or forge the evidence. Judged as the S3 checks judge " +
    "any bucket: its policy and its ACL, with Block Public Access (bucket or account) taken into account.",
  remediation: {
    text: "Remove the public policy statement or ACL grant from the trail's bucket and turn on Block Public Access for it.",
    cli: "aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
    fix: "Block public access to bucket <BUCKET>",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["CloudTrail.6"] },
  evaluate: (inv, ctx) =>
    forEachTrailBucket(inv, ctx, (bucket, at, trails) => {
      const { resource, region } = at;
      const policy = policyExposure(ctx, bucket, at);
      if (!policy.ok) return policy.outcome;
      const acl = aclExposure(ctx, bucket, at);
      if (!acl.ok) return acl.outcome;
      const trailArns = trails.map((t) => t.arn);
      const how = [
        ...(policy.value.public
          ? [`its policy (${policy.value.grants.map((g) => `${g.statement}: ${g.access}`).join(", ") || "per GetBucketPolicyStatus"})`]
          : []),
        ...(acl.value.public ? [`its ACL (${acl.value.grants.map((g) => `${g.permission} to ${g.grantee}`).join("; ")})`] : []),
      ];
      if (how.length === 0) {
        return pass(resource, region, `Bucket ${bucket.name}, where trail ${trailNames(trails)} delivers its logs, is not public.`, {
          trails: trailArns,
          policy: policy.value.public ? "public" : policy.value.reason,
          acl: acl.value.public ? "public" : acl.value.reason,
        });
      }
      const write = (policy.value.public && policy.value.grants.some((g) => g.access === "write")) || (acl.value.public && acl.value.write);
      return fail(
        resource,
        region,
        `Bucket ${bucket.name}, where trail ${trailNames(trails)} delivers its logs, is public through ${how.join(" and ")}.`,
        { trails: trailArns, publicThrough: how },
        write ? "critical" : "high",
      );
    }),
});
