import { defineCheck, fail, pass, regionResource } from "../../src/check.js";

export default defineCheck({
  id: "ec2-ami-block-public-access",
  title: "Block public access for AMIs is on in every region",
  service: "ec2",
  layer: "data",
  severity: "high",
  needs: ["ec2.imageBlockPublicAccess"],
  rationale:
    "An AMI carries its snapshots: a public AMI publishes the disk of the instance it was made from, with whatever " +
    "credentials and data were on it. With block public access for AMIs on (block-new-sharing), no AMI in the region can " +
    "be made public. It is a per-region account setting, on by default for accounts created since October 2023. A region " +
    "passes when GetImageBlockPublicAccessState reports block-new-sharing. Public AMIs that exist already are " +
    "ec2-ami-public's.",
  remediation: {
    text: "Enable block public access for AMIs in each region (AMIs that are already public stay public until you make them private).",
    cli: "aws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing --region <region>",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for the account's AMI block public access setting.",
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = regionResource(inv, region, "ec2");
      const setting = read("ec2.imageBlockPublicAccess", region);
      if (!setting.ok) return setting.outcome;
      const evidence = { region, ...setting.value };
      return setting.value.state === "block-new-sharing"
        ? pass(resource, region, `Block public access for AMIs is on in ${region}.`, evidence)
        : fail(
            resource,
            region,
            `Block public access for AMIs is off in ${region} (${setting.value.state}): AMIs can be made public.`,
            evidence,
          );
    }),
});
