import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import type { PublicAccessBlock, S3AccessPoint } from "../../src/services/s3/inventory.js";
import { forEachBucketAll } from "./lib/buckets.js";

const SETTINGS: (keyof PublicAccessBlock)[] = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

const accessPointResource = (ap: S3AccessPoint): ResourceRef => ({ arn: ap.arn, id: ap.name, type: "AWS::S3::AccessPoint" });

export default defineCheck({
  id: "s3-access-point-block-public-access",
  title: "S3 access points have all four Block Public Access settings on",
  service: "s3",
  layer: "data",
  severity: "high",
  needs: ["s3.buckets", "s3.bucketAccessPoints"],
  rationale:
    "An access point has Block Public Access settings of its own, and S3 applies the access point's, the bucket's and the " +
    "account's together to requests through it. An access point with a setting off can serve data publicly through an " +
    "access point policy even where the bucket's own policy is private. Every access point of every bucket (in the bucket's " +
    "region, owned by the account) passes when GetAccessPoint reports all four settings on. The settings cannot be changed " +
    "after the access point is created.",
  remediation: {
    text: "Replace the access point: create one with all four settings on (the default), move clients to it, then delete the old one.",
    cli: "aws s3control create-access-point --account-id <ACCOUNT_ID> --name <new-access-point-name> --bucket <bucket-name> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true && aws s3control delete-access-point --account-id <ACCOUNT_ID> --name <access-point-name>",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html",
    fill: { "bucket-name": "evidence.bucket", "access-point-name": "resource.id" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.19"] },
  evaluate: (_inv, ctx) =>
    forEachBucketAll(ctx, (bucket, { region }) => {
      const points = ctx.read("s3.bucketAccessPoints", bucket, region);
      if (!points.ok) return [points.outcome];
      return points.value.map((ap): Outcome => {
        const resource = accessPointResource(ap);
        if (!ap.publicAccessBlock.ok) return errorOutcome(resource, region, ap.publicAccessBlock.error);
        const settings = ap.publicAccessBlock.value;
        if (settings === null) {
          return ctx.unusable("s3.bucketAccessPoints", {
            resource,
            region,
            code: "MissingField",
            message: "GetAccessPoint returned no PublicAccessBlockConfiguration",
            about: ap.name,
          });
        }
        const evidence = { bucket: ap.bucket, networkOrigin: ap.networkOrigin ?? null, publicAccessBlock: settings };
        const off = SETTINGS.filter((k) => !settings[k]);
        return off.length === 0
          ? pass(resource, region, `Access point ${ap.name} (bucket ${ap.bucket}) has all four Block Public Access settings on.`, evidence)
          : fail(
              resource,
              region,
              `Access point ${ap.name} (bucket ${ap.bucket}, ${ap.networkOrigin === "VPC" ? `VPC-only (${ap.vpcId ?? "unknown VPC"})` : "reachable from the internet"}) has Block Public Access ${off.join(", ")} off.`,
              { ...evidence, settingsOff: off },
              ap.networkOrigin === "VPC" ? "medium" : "high",
            );
      });
    }),
});
