import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-acls-disabled",
  title: "S3 bucket has ACLs disabled (Object Ownership: bucket owner enforced)",
  service: "s3",
  layer: "application",
  severity: "medium",
  needs: ["s3.buckets", "s3.bucketOwnership"],
  rationale:
    "With Object Ownership set to BucketOwnerEnforced, ACLs no longer affect access: policies alone decide who can reach the data, and objects uploaded by other accounts belong to the bucket owner.",
  remediation: {
    text: "Set Object Ownership to BucketOwnerEnforced after moving any access that relies on ACLs to bucket policies.",
    cli: "aws s3api put-bucket-ownership-controls --bucket <BUCKET> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.12"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const ownership = ctx.read("s3.bucketOwnership", bucket, region);
      if (!ownership.ok) return ownership.outcome;
      return ownership.value === "BucketOwnerEnforced"
        ? pass(resource, region, `Bucket ${bucket.name} has ACLs disabled (BucketOwnerEnforced).`, { objectOwnership: ownership.value })
        : fail(
            resource,
            region,
            ownership.value === null
              ? `Bucket ${bucket.name} has no Object Ownership controls, so ACLs are in effect.`
              : `Bucket ${bucket.name} has Object Ownership ${ownership.value}, so ACLs are in effect.`,
            { objectOwnership: ownership.value },
          );
    }),
});
