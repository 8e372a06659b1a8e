import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { fileSystemName, forEachFileSystem } from "./lib/file-systems.js";

export default defineCheck({
  id: "efs-encrypted",
  title: "EFS file systems are encrypted at rest",
  service: "efs",
  layer: "encryption",
  severity: "medium",
  needs: ["efs.fileSystems"],
  rationale:
    "An EFS file system encrypted at rest keeps its data, metadata and backups encrypted with a KMS key, so the data is " +
    "protected on AWS's storage and reading it also depends on the key's policy. Encryption is chosen when the file system is " +
    "created and can never be turned on afterwards. A file system passes when DescribeFileSystems reports Encrypted=true, " +
    "whichever KMS key it uses.",
  remediation: {
    text:
      "Create an encrypted file system, copy the data over (AWS DataSync, or restore an AWS Backup recovery point to it), " +
      "point clients at it and delete the unencrypted one.",
    cli: "aws efs create-file-system --region <region> --creation-token <token> --encrypted --kms-key-id <key-arn>",
    url: "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.3.1"], [FRAMEWORKS.fsbp]: ["EFS.1", "EFS.8"] },
  evaluate: (inv, ctx) =>
    forEachFileSystem(inv, ctx, (fs, { resource, region }) =>
      fs.encrypted
        ? pass(
            resource,
            region,
            `File system ${fileSystemName(fs)} is encrypted at rest${fs.kmsKeyId ? ` with KMS key ${fs.kmsKeyId}` : ""}.`,
            {
              encrypted: true,
              kmsKeyId: fs.kmsKeyId ?? null,
            },
          )
        : fail(
            resource,
            region,
            `File system ${fileSystemName(fs)} is not encrypted at rest (and cannot be: encryption is set only when a file system is created).`,
            { encrypted: false },
          ),
    ),
});
