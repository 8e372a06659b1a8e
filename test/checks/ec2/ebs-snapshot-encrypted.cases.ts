import check from "../../../checks/ec2/ebs-snapshot-encrypted.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional, snapshot } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "an encrypted snapshot",
      inventory: regional({ ec2: { "us-east-1": { snapshots: ok([snapshot("snap-enc", true, { kmsKeyId: "key-1" })]) } } }),
      findings: [
        { status: "PASS", resource: { id: "snap-enc", type: "AWS::EC2::Snapshot" }, message: "Snapshot snap-enc is encrypted with key-1." },
      ],
    },
  ],
  fail: [
    {
      name: "a plain snapshot",
      inventory: regional({ ec2: { "us-east-1": { snapshots: ok([snapshot("snap-plain", false)]) } } }),
      findings: [{ status: "FAIL", message: "Snapshot snap-plain of vol-1 is not encrypted (Encrypted: false)." }],
    },
  ],
  error: [
    {
      name: "passes encrypted snapshots, fails plain ones, ERROR where the list failed",
      inventory: regional({
        ec2: {
          "us-east-1": { snapshots: ok([snapshot("snap-enc", true), snapshot("snap-plain", false)]) },
          "eu-west-1": { snapshots: denied("ec2.snapshots", { region: "eu-west-1" }) },
        },
      }),
      findings: [
        { resource: { id: "snap-enc" }, status: "PASS" },
        { resource: { id: "snap-plain" }, status: "FAIL" },
        { resource: { id: "123456789012" }, status: "ERROR" },
      ],
    },
  ],
});
