import { whenRead, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { eachBucket } from "./common.js";

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
  evaluate: (inv) =>
    eachBucket(inv, (bucket, resource, region) =>
      whenRead(
        resource,
        region,
        [bucket.ownership] as const,
        (ownership) =>
          ownership === "BucketOwnerEnforced"
            ? pass(resource, region, `Bucket ${bucket.name} has ACLs disabled (BucketOwnerEnforced).`, { objectOwnership: ownership })
            : fail(
                resource,
                region,
                ownership === null
                  ? `Bucket ${bucket.name} has no Object Ownership controls, so ACLs are in effect.`
                  : `Bucket ${bucket.name} has Object Ownership ${ownership}, so ACLs are in effect.`,
                { objectOwnership: ownership },
              ),
        { service: "s3", operation: "GetBucketOwnershipControls" },
      ),
    ),
});
