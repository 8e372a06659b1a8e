import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Outcome } from "../../src/results.js";
import { snapshotResource } from "../../src/services/ec2/inventory.js";

export default defineCheck({
  id: "ec2-ebs-snapshot-public",
  title: "EBS snapshots are not shared with all AWS accounts",
  service: "ec2",
  layer: "data",
  severity: "critical",
  risk: { exposure: "public", blastRadius: "read" },
  needs: ["ec2.snapshots", "ec2.snapshotPermissions"],
  rationale:
    'A snapshot whose createVolumePermission includes the group "all" can be restored into a volume by any AWS account, ' +
    "which then reads the whole disk.",
  remediation: {
    text: "Remove the public permission; share with specific account ids if sharing is needed.",
    cli: "aws ec2 modify-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission --operation-type remove --group-names all",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.1"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const snapshots = read("ec2.snapshots", region);
      if (!snapshots.ok) return [snapshots.outcome];
      return snapshots.value.map((s) => {
        const shared = read("ec2.snapshotPermissions", s, region);
        if (!shared.ok) return shared.outcome;
        const permissions = shared.value;
        const accounts = permissions.flatMap((p) => (p.userId ? [p.userId] : []));
        const evidence = { snapshotId: s.snapshotId, encrypted: s.encrypted, createVolumePermissions: permissions };
        if (permissions.some((p) => p.group === "all")) {
          return fail(
            snapshotResource(s),
            region,
            `Snapshot ${s.snapshotId} is public: its createVolumePermission grants group "all" (every AWS account may create volumes from it).`,
            evidence,
          );
        }
        return pass(
          snapshotResource(s),
          region,
          accounts.length > 0
            ? `Snapshot ${s.snapshotId} is not public; it is shared with account(s) ${accounts.join(", ")}.`
            : `Snapshot ${s.snapshotId} is not shared (createVolumePermission is empty).`,
          evidence,
        );
      });
    }),
});
