import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { PublicAccessBlock } from "../../src/services/s3/inventory.js";

const SETTINGS: (keyof PublicAccessBlock)[] = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

export default defineCheck({
  id: "s3-account-block-public-access",
  title: "S3 Block Public Access is fully enabled for the account",
  service: "s3",
  layer: "data",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["s3.accountPublicAccessBlock"],
  rationale:
    "Account-level Block Public Access overrides bucket policies and ACLs that would make data public, so one mistaken bucket setting cannot expose data. All four settings must be on.",
  remediation: {
    text: "Turn on all four account-level Block Public Access settings (after confirming no bucket must stay public, e.g. behind a CDN origin access control instead).",
    cli: "aws s3control put-public-access-block --account-id <ACCOUNT_ID> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
    fix: "Turn on S3 Block Public Access for account <ACCOUNT_ID>",
    closes: ["s3-bucket-public-policy", "s3-bucket-public-acl", "cloudtrail-bucket-not-public"],
  },
  compliance: { [FRAMEWORKS.cis]: ["3.1.4"], [FRAMEWORKS.fsbp]: ["S3.1"] },
  evaluate(inv, { read }) {
    const resource = {
      arn: `arn:${inv.partition}:s3::${inv.accountId}:account`,
      id: inv.accountId,
      type: "AWS::S3::AccountPublicAccessBlock",
    };
    const pab = read("s3.accountPublicAccessBlock");
    if (!pab.ok) return [errorOutcome(resource, "global", pab.error)];
    const settings = pab.value;
    if (settings === null) {
      return [
        fail(resource, "global", "Account-level S3 Block Public Access is not configured: no setting is on.", {
          accountPublicAccessBlock: null,
        }),
      ];
    }
    const off = SETTINGS.filter((k) => !settings[k]);
    const evidence = { accountPublicAccessBlock: settings };
    return off.length === 0
      ? [pass(resource, "global", "All four account-level S3 Block Public Access settings are on.", evidence)]
      : [fail(resource, "global", `Account-level S3 Block Public Access has ${off.join(", ")} off.`, { ...evidence, settingsOff: off })];
  },
});
