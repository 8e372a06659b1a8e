import { defineCheck, fail, FRAMEWORKS, pass, regionResource } from "../../src/check.js";

export default defineCheck({
  id: "ec2-ebs-snapshot-block-public-access",
  title: "Block public access for EBS snapshots blocks all sharing in every region",
  service: "ec2",
  layer: "data",
  severity: "high",
  needs: ["ec2.snapshotBlockPublicAccess"],
  rationale:
    "With block public access for snapshots in block-all-sharing mode, no snapshot in the region can be shared with " +
    "everyone, and snapshots that already are public are treated as private: one mistaken ModifySnapshotAttribute cannot " +
    "expose a disk. It is a per-region account setting. A region passes in block-all-sharing mode; block-new-sharing fails " +
    "as medium (snapshots already public stay public), unblocked as high.",
  remediation: {
    text: "Enable block public access for snapshots in block-all-sharing mode in each region (first make sure no workload relies on a public snapshot).",
    cli: "aws ec2 enable-snapshot-block-public-access --state block-all-sharing --region <region>",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["EC2.182"] },
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = regionResource(inv, region, "ec2");
      const setting = read("ec2.snapshotBlockPublicAccess", region);
      if (!setting.ok) return setting.outcome;
      const evidence = { region, ...setting.value };
      const { state } = setting.value;
      if (state === "block-all-sharing")
        return pass(resource, region, `Block public access for EBS snapshots blocks all sharing in ${region}.`, evidence);
      if (state === "block-new-sharing")
        return fail(
          resource,
          region,
          `Block public access for EBS snapshots in ${region} blocks only new sharing (block-new-sharing): snapshots already public stay public.`,
          evidence,
          "medium",
        );
      return fail(resource, region, `Block public access for EBS snapshots is off in ${region} (${state}).`, evidence);
    }),
});
