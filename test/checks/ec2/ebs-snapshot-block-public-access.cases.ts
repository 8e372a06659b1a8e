import check from "../../../checks/ec2/ebs-snapshot-block-public-access.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "block-all-sharing, one result per region on the account",
      inventory: regional({
        ec2: { "us-east-1": { snapshotBlockPublicAccess: ok({ state: "block-all-sharing", managedBy: "account" }) } },
      }),
      findings: [
        {
          status: "PASS",
          region: "us-east-1",
          resource: { arn: "arn:aws:ec2:us-east-1:123456789012:account", type: "AWS::::Account" },
          message: "Block public access for EBS snapshots blocks all sharing in us-east-1.",
          evidence: { state: "block-all-sharing", managedBy: "account" },
          compliance: { "aws-security-hub": ["EC2.182"] },
        },
      ],
    },
  ],
  fail: [
    {
      name: "block-new-sharing is medium, unblocked high",
      inventory: regional({
        ec2: {
          "us-east-1": { snapshotBlockPublicAccess: ok({ state: "block-new-sharing" }) },
          "eu-west-1": { snapshotBlockPublicAccess: ok({ state: "unblocked" }) },
        },
      }),
      findings: [
        {
          region: "us-east-1",
          status: "FAIL",
          severity: "medium",
          message:
            "Block public access for EBS snapshots in us-east-1 blocks only new sharing (block-new-sharing): snapshots already public stay public.",
        },
        {
          region: "eu-west-1",
          status: "FAIL",
          severity: "high",
          message: "Block public access for EBS snapshots is off in eu-west-1 (unblocked).",
        },
      ],
    },
  ],
  error: [
    {
      name: "denied in one region, never collected in another",
      inventory: regional({
        regions: ["us-east-1", "eu-west-1", "sa-east-1"],
        ec2: {
          "us-east-1": { snapshotBlockPublicAccess: ok({ state: "block-all-sharing" }) },
          "eu-west-1": { snapshotBlockPublicAccess: denied("ec2.snapshotBlockPublicAccess", { region: "eu-west-1" }) },
        },
      }),
      findings: [
        { region: "us-east-1", status: "PASS" },
        { region: "eu-west-1", status: "ERROR", error: { operation: "GetSnapshotBlockPublicAccessState", code: "UnauthorizedOperation" } },
        { region: "sa-east-1", status: "ERROR", error: { code: "NotCollected" } },
      ],
    },
  ],
});
