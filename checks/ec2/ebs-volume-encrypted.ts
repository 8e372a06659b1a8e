import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Volume } from "../../src/services/ec2/inventory.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

const volumeResource = (v: Volume): ResourceRef => ({ arn: v.arn, id: v.volumeId, type: "AWS::EC2::Volume" });

export default defineCheck({
  id: "ec2-ebs-volume-encrypted",
  title: "EBS volumes are encrypted at rest",
  service: "ec2",
  layer: "encryption",
  severity: "medium",
  needs: ["ec2.volumes"],
  rationale:
    "An unencrypted volume's data, and every snapshot taken from it, is readable by anyone who gets hold of a copy. " +
    "Encryption cannot be switched on for an existing volume; it has to be replaced by an encrypted copy.",
  remediation: {
    text: "Snapshot the volume, copy the snapshot with encryption, create a volume from the encrypted copy and swap it in; enable encryption by default so it does not recur.",
    cli: "aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.3"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const volumes = read("ec2.volumes", region);
      if (!volumes.ok) return [volumes.outcome];
      return volumes.value.map((v) => {
        const evidence = {
          volumeId: v.volumeId,
          encrypted: v.encrypted,
          ...(v.kmsKeyId ? { kmsKeyId: v.kmsKeyId } : {}),
          ...(v.state ? { state: v.state } : {}),
          attachedInstanceIds: v.attachedInstanceIds,
        };
        const attached = v.attachedInstanceIds.length > 0 ? `attached to ${v.attachedInstanceIds.join(", ")}` : "not attached";
        return v.encrypted
          ? pass(volumeResource(v), region, `Volume ${v.volumeId} is encrypted${v.kmsKeyId ? ` with ${v.kmsKeyId}` : ""}.`, evidence)
          : fail(volumeResource(v), region, `Volume ${v.volumeId} (${attached}) is not encrypted (Encrypted: false).`, evidence);
      });
    }),
});
