import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";
import { neutralisedBy, policyExposure } from "./lib/exposure.js";

export default defineCheck({
  id: "s3-bucket-public-policy",
  title: "S3 bucket policy does not grant access to everyone",
  service: "s3",
  layer: "data",
  severity: "critical",
  risk: { exposure: "public" },
  needs: ["s3.buckets", "s3.bucketPolicy", "s3.bucketPolicyStatus", "s3.bucketPublicAccessBlock", "s3.accountPublicAccessBlock"],
  rationale:
    'A bucket policy statement that allows Principal "*" without a condition pinning it to known callers (VPC endpoint, VPC, organization, account, IP range) lets anyone on the internet read — or worse, write or delete — the data, unless Block Public Access (RestrictPublicBuckets) neutralises it.',
  remediation: {
    text: "Remove the public statement or restrict it with a condition such as aws:SourceVpce or aws:PrincipalOrgID; serve public content through CloudFront with origin access control; enable RestrictPublicBuckets.",
    cli: "aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
    fix: "Block public access to bucket <BUCKET>",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.2", "S3.3"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, at) => {
      const { resource, region } = at;
      const exposure = policyExposure(ctx, bucket, at);
      if (!exposure.ok) return exposure.outcome;
      const e = exposure.value;
      if (!e.public && e.reason === "no-policy")
        return pass(resource, region, `Bucket ${bucket.name} has no bucket policy.`, { policy: null });
      const evidenceBase = { awsPolicyStatusIsPublic: e.awsSaysPublic ?? null };
      if (!e.public && e.reason === "no-public-grant") {
        return pass(
          resource,
          region,
          `Bucket ${bucket.name}'s policy grants nothing to everyone without a restricting condition.`,
          evidenceBase,
        );
      }
      const grants = e.grants;
      const publicStatements = grants.map((g) => ({ statement: g.statement, actions: g.actions, access: g.access }));
      if (!e.public) {
        return pass(
          resource,
          region,
          `Bucket ${bucket.name}'s policy has a public grant (${grants.map((g) => g.statement).join(", ") || "per GetBucketPolicyStatus"}), neutralised by ${e.by.setting} at the ${e.by.level} level.`,
          { ...evidenceBase, publicStatements, neutralisedBy: neutralisedBy(e.by) },
        );
      }
      if (grants.length === 0) {
        return fail(
          resource,
          region,
          `AWS reports bucket ${bucket.name}'s policy as public (GetBucketPolicyStatus IsPublic=true).`,
          evidenceBase,
          "high",
        );
      }
      const write = grants.some((g) => g.access === "write");
      const worst = grants.find((g) => g.access === "write") ?? grants[0]!;
      return fail(
        resource,
        region,
        `Bucket ${bucket.name}'s policy ${worst.statement} allows everyone ${write ? "to write or delete" : "to read"} (${worst.effectiveActions.slice(0, 4).join(", ")}${worst.effectiveActions.length > 4 ? ", …" : ""}) without a restricting condition.`,
        { ...evidenceBase, publicStatements },
        write ? "critical" : "high",
      );
    }),
});
