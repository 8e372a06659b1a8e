import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";
import { aclExposure, neutralisedBy } from "./lib/exposure.js";

export default defineCheck({
  id: "s3-bucket-public-acl",
  title: "S3 bucket ACL does not grant access to everyone",
  service: "s3",
  layer: "data",
  severity: "critical",
  risk: { exposure: "public" },
  needs: ["s3.buckets", "s3.bucketOwnership", "s3.bucketAcl", "s3.bucketPublicAccessBlock", "s3.accountPublicAccessBlock"],
  rationale:
    "ACL grants to the AllUsers or AuthenticatedUsers groups make a bucket readable (or writable) by anyone, or by any AWS account in the world. IgnorePublicAcls makes S3 disregard such grants; with Object Ownership BucketOwnerEnforced ACLs are disabled altogether, so the bucket passes without its ACL being read.",
  remediation: {
    text: "Remove the grants to AllUsers/AuthenticatedUsers, disable ACLs (Object Ownership BucketOwnerEnforced) and enable IgnorePublicAcls.",
    cli: "aws s3api put-bucket-acl --bucket <BUCKET> --acl private && aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
    fix: "Block public access to bucket <BUCKET>",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.2", "S3.3"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, at) => {
      const { resource, region } = at;
      const exposure = aclExposure(ctx, bucket, at);
      if (!exposure.ok) return exposure.outcome;
      const e = exposure.value;
      if (!e.public && e.reason === "acls-disabled") {
        return pass(
          resource,
          region,
          `Bucket ${bucket.name} has ACLs disabled (Object Ownership BucketOwnerEnforced): no ACL grant applies.`,
          {
            objectOwnership: "BucketOwnerEnforced",
          },
        );
      }
      if (!e.public && e.reason === "no-public-grant") {
        return pass(resource, region, `Bucket ${bucket.name}'s ACL grants nothing to AllUsers or AuthenticatedUsers.`);
      }
      const evidence = { publicGrants: e.grants };
      if (!e.public) {
        return pass(
          resource,
          region,
          `Bucket ${bucket.name}'s ACL has public grants, ignored because ${e.by.setting} is on at the ${e.by.level} level.`,
          { ...evidence, neutralisedBy: neutralisedBy(e.by) },
        );
      }
      const described = e.grants.map((g) => `${g.permission} to ${g.grantee}`).join("; ");
      return fail(resource, region, `Bucket ${bucket.name}'s ACL grants ${described}.`, evidence, e.write ? "critical" : "high");
    }),
});
