import { defineCheck, errorOutcome, fail, FRAMEWORKS, notCollected, pass } from "../../src/check.js";
import type { PublicAccessBlock } from "../../src/inventory/s3.js";

const SETTINGS: (keyof PublicAccessBlock)[] = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

export default defineCheck({
  id: "s3-account-block-public-access",
  title: "S3 Block Public Access is fully enabled for the account",
  service: "s3",
  layer: "data",
  severity: "high",
  needs: ["s3.accountPublicAccessBlock"],
  rationale:
    "Account-level Block Public Access overrides bucket policies and ACLs that would make data public, so one mistaken bucket setting cannot expose data. All four settings must be on.",
  remediation: {
    text: "Turn on all four account-level Block Public Access settings (after confirming no bucket must stay public, e.g. behind a CDN origin access control instead).",
    cli: "aws s3control put-public-access-block --account-id <ACCOUNT_ID> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.1.4"], [FRAMEWORKS.fsbp]: ["S3.1"] },
  evaluate(inv) {
    const resource = {
      arn: `arn:${inv.partition}:s3::${inv.accountId}:account`,
      id: inv.accountId,
      type: "AWS::S3::AccountPublicAccessBlock",
    };
    const read = inv.s3?.accountPublicAccessBlock;
    if (!read) {
      return [errorOutcome(resource, "global", notCollected("s3-control", "global", "GetPublicAccessBlock"))];
    }
    if (!read.ok) return [errorOutcome(resource, "global", read.error)];
    if (read.value === null) {
      return [
        fail(resource, "global", "Account-level S3 Block Public Access is not configured: no setting is on.", {
          accountPublicAccessBlock: null,
        }),
      ];
    }
    const off = SETTINGS.filter((k) => !read.value?.[k]);
    const evidence = { accountPublicAccessBlock: read.value };
    return off.length === 0
      ? [pass(resource, "global", "All four account-level S3 Block Public Access settings are on.", evidence)]
      : [fail(resource, "global", `Account-level S3 Block Public Access has ${off.join(", ")} off.`, { ...evidence, settingsOff: off })];
  },
});
