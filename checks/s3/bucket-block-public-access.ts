import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { PublicAccessBlock } from "../../src/services/s3/inventory.js";
import { forEachBucket } from "./lib/buckets.js";

const SETTINGS: (keyof PublicAccessBlock)[] = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

export default defineCheck({
  id: "s3-bucket-block-public-access",
  title: "S3 bucket has all four Block Public Access settings on at the bucket level",
  service: "s3",
  layer: "data",
  severity: "high",
  needs: ["s3.buckets", "s3.bucketPublicAccessBlock", "s3.accountPublicAccessBlock"],
  rationale:
    "Bucket-level Block Public Access keeps one bucket private even if the account-level setting is turned off later or the " +
    "bucket is moved to an account without it. A bucket passes when GetPublicAccessBlock on the bucket reports all four " +
    "settings on (FSBP S3.8 looks at the bucket level only). When the account-level setting has all four on too, the bucket " +
    "is not exposed today and the finding is reported as low; otherwise high. The account-level read is a second signal: " +
    "its failure never hides the bucket's verdict.",
  remediation: {
    text: "Turn on all four Block Public Access settings on the bucket (after confirming it must not be public; serve public content through CloudFront with origin access control).",
    cli: "aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.8"] },
  evaluate: (_inv, ctx) => {
    const onAccount = ctx.read("s3.accountPublicAccessBlock");
    const accountAllOn = onAccount.ok && onAccount.value !== null && SETTINGS.every((k) => onAccount.value?.[k] === true);
    const accountEvidence = onAccount.ok ? onAccount.value : `unknown (${onAccount.error.operation} ${onAccount.error.code})`;
    return forEachBucket(ctx, (bucket, { resource, region }) => {
      const pab = ctx.read("s3.bucketPublicAccessBlock", bucket, region);
      if (!pab.ok) return pab.outcome;
      const evidence = { bucketPublicAccessBlock: pab.value, accountPublicAccessBlock: accountEvidence };
      const off = SETTINGS.filter((k) => pab.value?.[k] !== true);
      if (off.length === 0) return pass(resource, region, `Bucket ${bucket.name} has all four Block Public Access settings on.`, evidence);
      const what =
        pab.value === null ? "has no bucket-level Block Public Access configuration" : `has Block Public Access ${off.join(", ")} off`;
      return fail(
        resource,
        region,
        `Bucket ${bucket.name} ${what}${accountAllOn ? " (the account-level setting covers it for now)" : ""}.`,
        { ...evidence, settingsOff: off },
        accountAllOn ? "low" : "high",
      );
    });
  },
});
