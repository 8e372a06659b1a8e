import { expect } from "vitest";
import check from "../../../checks/efs/encrypted.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied } from "../../support/fixtures/index.js";
import { EU, fileSystem, fileSystemsInventory, unencrypted, US } from "../../services/efs/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "every file system is encrypted, each reported in its region with its KMS key",
      inventory: fileSystemsInventory({
        [US]: [fileSystem("fs-0a1b2c3d", US, { name: "shared-home" })],
        [EU]: [fileSystem("fs-9e8d7c6b", EU, { kmsKeyId: `arn:aws:kms:${EU}:${ACCOUNT}:alias/aws/elasticfilesystem` })],
      }),
      findings: [
        {
          status: "PASS",
          region: US,
          resource: {
            arn: `arn:aws:elasticfilesystem:${US}:${ACCOUNT}:file-system/fs-0a1b2c3d`,
            id: "fs-0a1b2c3d",
            type: "AWS::EFS::FileSystem",
          },
          message: `File system fs-0a1b2c3d (shared-home) is encrypted at rest with KMS key arn:aws:kms:${US}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab.`,
          responsibility: { layer: "encryption", serviceModel: "abstracted" },
        },
        { status: "PASS", region: EU, resource: { id: "fs-9e8d7c6b" } },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["3.3.1"], "aws-fsbp": ["EFS.1", "EFS.8"] }),
    },
  ],
  fail: [
    {
      name: "an unencrypted file system fails; its encrypted neighbour passes",
      inventory: fileSystemsInventory({
        [EU]: [fileSystem("fs-11111111", EU), unencrypted("fs-22222222", EU)],
      }),
      findings: [
        { status: "PASS", resource: { id: "fs-11111111" } },
        {
          status: "FAIL",
          severity: "medium",
          resource: { id: "fs-22222222" },
          message:
            "File system fs-22222222 is not encrypted at rest (and cannot be: encryption is set only when a file system is created).",
          evidence: { encrypted: false },
        },
      ],
    },
  ],
  error: [
    {
      name: "DescribeFileSystems denied in a region: ERROR for that region, the other region's file systems still judged",
      inventory: fileSystemsInventory({
        [US]: [fileSystem("fs-0a1b2c3d", US)],
        [EU]: denied("efs.fileSystems", { region: EU, code: "AccessDeniedException" }),
      }),
      findings: [
        { status: "PASS", region: US },
        {
          status: "ERROR",
          region: EU,
          resource: { arn: `arn:aws:efs:${EU}:${ACCOUNT}:account` },
          error: { service: "elasticfilesystem", operation: "DescribeFileSystems", code: "AccessDeniedException" },
        },
      ],
    },
  ],
});
