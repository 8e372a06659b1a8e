import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachBucket } from "./lib/buckets.js";

export default defineCheck({
  id: "s3-bucket-replication",
  title: "S3 bucket replicates its objects to another bucket",
  service: "s3",
  layer: "data",
  severity: "low",
  needs: ["s3.buckets", "s3.bucketReplication"],
  rationale:
    "Replication keeps a copy of new objects in another bucket (ideally another region or account), so the data survives " +
    "a regional outage, a deleted bucket or a compromised account. It is reported for every bucket, as low: not all data " +
    "needs a second copy. A bucket passes when GetBucketReplication reports at least one enabled rule; the evidence lists " +
    "where each rule replicates to.",
  remediation: {
    text: "Enable versioning on the source and destination buckets, then add a replication rule with a role that may replicate.",
    cli: "aws s3api put-bucket-replication --bucket <BUCKET> --replication-configuration file://replication.json",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["S3.7"] },
  evaluate: (_inv, ctx) =>
    forEachBucket(ctx, (bucket, { resource, region }) => {
      const replication = ctx.read("s3.bucketReplication", bucket, region);
      if (!replication.ok) return replication.outcome;
      const evidence = { replication: replication.value };
      const enabled = (replication.value?.rules ?? []).filter((r) => r.status === "Enabled");
      if (enabled.length > 0) {
        const to = [...new Set(enabled.map((r) => r.destinationBucket ?? "unknown"))];
        return pass(resource, region, `Bucket ${bucket.name} replicates to ${to.join(", ")}.`, evidence);
      }
      return fail(
        resource,
        region,
        replication.value
          ? `Bucket ${bucket.name} has a replication configuration, but no enabled rule.`
          : `Bucket ${bucket.name} has no replication configuration.`,
        evidence,
      );
    }),
});
