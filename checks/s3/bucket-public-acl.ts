import { defineCheck, errorOutcome, fail, FRAMEWORKS, notCollected, pass } from "../../src/check.js";
import { effectivePab, eachBucket } from "./common.js";

const PUBLIC_GROUPS: Record<string, string> = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers (everyone)",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers (any AWS account)",
};
const WRITE_PERMISSIONS = new Set(["WRITE", "WRITE_ACP", "FULL_CONTROL"]);

export default defineCheck({
  id: "s3-bucket-public-acl",
  title: "S3 bucket ACL does not grant access to everyone",
  service: "s3",
  layer: "data",
  severity: "critical",
  needs: ["s3.buckets", "s3.bucketAcl", "s3.bucketPublicAccessBlock", "s3.accountPublicAccessBlock"],
  rationale:
    "ACL grants to the AllUsers or AuthenticatedUsers groups make a bucket readable (or writable) by anyone, or by any AWS account in the world. IgnorePublicAcls makes S3 disregard such grants.",
  remediation: {
    text: "Remove the grants to AllUsers/AuthenticatedUsers, disable ACLs (Object Ownership BucketOwnerEnforced) and enable IgnorePublicAcls.",
    cli: "aws s3api put-bucket-acl --bucket <BUCKET> --acl private && aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.1.4"], [FRAMEWORKS.fsbp]: ["S3.2", "S3.3"] },
  evaluate(inv) {
    const account = inv.s3?.accountPublicAccessBlock;
    return eachBucket(inv, (bucket, resource, region) => {
      const acl = bucket.acl;
      if (!acl) return errorOutcome(resource, region, notCollected("s3", region, "GetBucketAcl"));
      if (!acl.ok) return errorOutcome(resource, region, acl.error);
      const publicGrants = acl.value.grants.filter((g) => g.granteeUri && PUBLIC_GROUPS[g.granteeUri]);
      if (publicGrants.length === 0)
        return pass(resource, region, `Bucket ${bucket.name}'s ACL grants nothing to AllUsers or AuthenticatedUsers.`);
      const evidence = { publicGrants: publicGrants.map((g) => ({ grantee: PUBLIC_GROUPS[g.granteeUri!], permission: g.permission })) };
      const pab = effectivePab(bucket.publicAccessBlock, account);
      if (!pab) return errorOutcome(resource, region, notCollected("s3", region, "GetPublicAccessBlock"));
      if (!pab.ok) return errorOutcome(resource, region, pab.error);
      if (pab.value.IgnorePublicAcls) {
        return pass(
          resource,
          region,
          `Bucket ${bucket.name}'s ACL has public grants, ignored because IgnorePublicAcls is on at the ${pab.value.source.IgnorePublicAcls} level.`,
          {
            ...evidence,
            neutralisedBy: `IgnorePublicAcls (${pab.value.source.IgnorePublicAcls})`,
          },
        );
      }
      const write = publicGrants.some((g) => WRITE_PERMISSIONS.has(g.permission));
      const described = evidence.publicGrants.map((g) => `${g.permission} to ${g.grantee}`).join("; ");
      return fail(resource, region, `Bucket ${bucket.name}'s ACL grants ${described}.`, evidence, write ? "critical" : "high");
    });
  },
});
