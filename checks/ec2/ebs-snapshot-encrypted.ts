import { defineCheck, fail, pass } from "../../src/check.js";
import type { Outcome } from "../../src/results.js";
import { snapshotResource } from "../../src/services/ec2/inventory.js";

export default defineCheck({
  id: "ec2-ebs-snapshot-encrypted",
  title: "EBS snapshots owned by the account are encrypted",
  service: "ec2",
  layer: "encryption",
  severity: "medium",
  needs: ["ec2.snapshots"],
  rationale:
    "A snapshot is a full copy of a volume's data. Unencrypted, it can be shared, copied or restored without any key " +
    "policy standing in the way.",
  remediation: {
    text: "Copy the snapshot with encryption enabled, then delete the unencrypted original.",
    cli: "aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id <key-id>",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for unencrypted EBS snapshots (FSBP EC2.3 covers volumes only).",
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const snapshots = read("ec2.snapshots", region);
      if (!snapshots.ok) return [snapshots.outcome];
      return snapshots.value.map((s) => {
        const evidence = {
          snapshotId: s.snapshotId,
          encrypted: s.encrypted,
          ...(s.kmsKeyId ? { kmsKeyId: s.kmsKeyId } : {}),
          ...(s.volumeId ? { volumeId: s.volumeId } : {}),
        };
        return s.encrypted
          ? pass(snapshotResource(s), region, `Snapshot ${s.snapshotId} is encrypted${s.kmsKeyId ? ` with ${s.kmsKeyId}` : ""}.`, evidence)
          : fail(
              snapshotResource(s),
              region,
              `Snapshot ${s.snapshotId}${s.volumeId ? ` of ${s.volumeId}` : ""} is not encrypted (Encrypted: false).`,
              evidence,
            );
      });
    }),
});
