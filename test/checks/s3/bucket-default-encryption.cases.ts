import { expect } from "vitest";
import check from "../../../checks/s3/bucket-default-encryption.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "SSE-KMS",
      inventory: s3Inventory([
        bucket("kms", { encryption: ok([{ algorithm: "aws:kms", kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" }]) }),
      ]),
      findings: [
        {
          status: "PASS",
          evidence: { strength: "SSE-KMS" },
          responsibility: { layer: "encryption", awsModel: "Server-side encryption (file system and/or data)" },
        },
      ],
    },
    {
      name: "SSE-S3, with a note that SSE-KMS adds more",
      inventory: s3Inventory([bucket("s3", { encryption: ok([{ algorithm: "AES256" }]) })]),
      assert: ([f]) => expect(f!.message).toContain("SSE-KMS would add"),
    },
  ],
  fail: [{ name: "no default encryption", inventory: s3Inventory([bucket("none", { encryption: ok(null) })]) }],
  error: [{ name: "unread", inventory: s3Inventory([bucket("x", { encryption: denied("s3.bucketEncryption") })]) }],
});
