import { defineCheck, fail, pass } from "../../src/check.js";
import type { Image } from "../../src/services/ec2/inventory.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

const imageResource = (i: Image): ResourceRef => ({ arn: i.arn, id: i.imageId, type: "AWS::EC2::Image" });

export default defineCheck({
  id: "ec2-ami-public",
  title: "AMIs owned by the account are not public",
  service: "ec2",
  layer: "data",
  severity: "critical",
  risk: { exposure: "public", blastRadius: "read" },
  needs: ["ec2.images"],
  rationale:
    "A public AMI can be launched by any AWS account, which then has a copy of everything baked into the image: " +
    "application code, configuration, and too often keys and credentials.",
  remediation: {
    text: "Remove the public launch permission; share with specific account ids if needed.",
    cli: 'aws ec2 modify-image-attribute --image-id <ami-id> --launch-permission "Remove=[{Group=all}]"',
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html",
  },
  compliance: {},
  noComplianceBecause: "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for public AMIs.",
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const images = read("ec2.images", region);
      if (!images.ok) return [images.outcome];
      return images.value.map((i) => {
        const label = `AMI ${i.imageId}${i.name ? ` (${i.name})` : ""}`;
        const evidence = { imageId: i.imageId, ...(i.name ? { name: i.name } : {}), public: i.public };
        return i.public
          ? fail(imageResource(i), region, `${label} is public (Public: true): any AWS account can launch it.`, evidence)
          : pass(imageResource(i), region, `${label} is private (Public: false).`, evidence);
      });
    }),
});
