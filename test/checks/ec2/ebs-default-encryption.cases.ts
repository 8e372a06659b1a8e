import { expect } from "vitest";
import check from "../../../checks/ec2/ebs-default-encryption.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "enabled",
      inventory: regional({ ec2: { "us-east-1": { ebsEncryptionByDefault: ok(true) } } }),
      findings: [{ status: "PASS", message: "EBS encryption by default is enabled in us-east-1." }],
    },
  ],
  fail: [
    {
      name: "disabled",
      inventory: regional({ ec2: { "eu-west-1": { ebsEncryptionByDefault: ok(false) } } }),
      findings: [{ status: "FAIL", region: "eu-west-1", evidence: { region: "eu-west-1", ebsEncryptionByDefault: false } }],
    },
  ],
  error: [
    {
      name: "one result per region with a stable regional ARN; ERROR where the setting could not be read",
      inventory: regional({
        regions: ["us-east-1", "eu-west-1", "ap-south-1"],
        ec2: {
          "us-east-1": { ebsEncryptionByDefault: ok(true) },
          "eu-west-1": { ebsEncryptionByDefault: ok(false) },
          "ap-south-1": { ebsEncryptionByDefault: denied("ec2.ebsEncryptionByDefault", { region: "ap-south-1" }) },
        },
      }),
      findings: [
        { region: "us-east-1", status: "PASS", resource: { arn: "arn:aws:ec2:us-east-1:123456789012:account" } },
        {
          region: "eu-west-1",
          status: "FAIL",
          resource: { arn: "arn:aws:ec2:eu-west-1:123456789012:account" },
          message: "EBS encryption by default is disabled in eu-west-1 (GetEbsEncryptionByDefault: false).",
          responsibility: { layer: "encryption", awsModel: "Server-side encryption (file system and/or data)" },
        },
        { region: "ap-south-1", status: "ERROR", resource: { arn: "arn:aws:ec2:ap-south-1:123456789012:account" } },
      ],
      assert: (findings) => expect(new Set(findings.map((f) => f.id)).size).toBe(3),
    },
  ],
});
