import { defineCheck, fail, FRAMEWORKS, pass, regionResource } from "../../src/check.js";

export default defineCheck({
  id: "ec2-ebs-default-encryption",
  title: "EBS encryption by default is enabled in every region",
  service: "ec2",
  layer: "encryption",
  severity: "medium",
  needs: ["ec2.ebsEncryptionByDefault"],
  rationale:
    "With encryption by default on, every new EBS volume and snapshot copy in the region is encrypted, whoever creates it " +
    "and however. It is a per-region setting, so a region left off is where unencrypted volumes appear.",
  remediation: {
    text: "Enable EBS encryption by default in each region (optionally choose the default KMS key).",
    cli: "aws ec2 enable-ebs-encryption-by-default --region <region>",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["6.1.1"], [FRAMEWORKS.fsbp]: ["EC2.7"] },
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = regionResource(inv, region, "ec2");
      const setting = read("ec2.ebsEncryptionByDefault", region);
      if (!setting.ok) return setting.outcome;
      const evidence = { region, ebsEncryptionByDefault: setting.value };
      return setting.value
        ? pass(resource, region, `EBS encryption by default is enabled in ${region}.`, evidence)
        : fail(resource, region, `EBS encryption by default is disabled in ${region} (GetEbsEncryptionByDefault: false).`, evidence);
    }),
});
