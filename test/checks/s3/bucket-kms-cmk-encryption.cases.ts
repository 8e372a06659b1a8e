import { expect } from "vitest";
import check from "../../../checks/s3/bucket-kms-cmk-encryption.js";
import { checkCases, evaluateCase } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

const CMK = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const settings = { kmsRequiredBuckets: ["pii-*", "finance-ledger"] };

const buckets = s3Inventory([
  bucket("pii-customers", { encryption: ok([{ algorithm: "aws:kms", kmsKeyId: CMK, bucketKeyEnabled: true }]) }),
  bucket("logs", { encryption: ok([{ algorithm: "AES256" }]) }),
]);

export default checkCases(check, {
  pass: [
    {
      name: "a selected bucket with a customer managed key; unselected buckets are not judged",
      inventory: buckets,
      settings,
      findings: [
        {
          resource: { id: "pii-customers" },
          status: "PASS",
          responsibility: { layer: "encryption" },
          message: `Bucket pii-customers encrypts by default with aws:kms and customer managed key ${CMK}.`,
          evidence: { selectedBy: "pii-*" },
        },
      ],
      assert: () => expect(evaluateCase(check, { name: "default settings select nothing", inventory: buckets })).toEqual([]),
    },
    {
      name: "DSSE-KMS with a customer key alias counts",
      inventory: s3Inventory([bucket("finance-ledger", { encryption: ok([{ algorithm: "aws:kms:dsse", kmsKeyId: "alias/ledger" }]) })]),
      settings,
      findings: [{ status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "SSE-S3, the AWS managed key (implicit or by alias) and no configuration",
      inventory: s3Inventory([
        bucket("pii-a", { encryption: ok([{ algorithm: "AES256" }]) }),
        bucket("pii-b", { encryption: ok([{ algorithm: "aws:kms" }]) }),
        bucket("pii-c", { encryption: ok([{ algorithm: "aws:kms", kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/aws/s3" }]) }),
        bucket("pii-d"),
      ]),
      settings,
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: 'Bucket pii-a (selected by "pii-*") uses AES256, not SSE-KMS; its data requires a customer managed KMS key.',
        },
        {
          status: "FAIL",
          message:
            'Bucket pii-b (selected by "pii-*") uses aws:kms with the AWS managed key (no key id: aws/s3); its data requires a customer managed KMS key.',
        },
        { status: "FAIL" },
        {
          status: "FAIL",
          message:
            'Bucket pii-d (selected by "pii-*") has no default encryption configuration; its data requires a customer managed KMS key.',
        },
      ],
      assert: ([, , c]) => expect(c!.message).toContain("with the AWS managed key (arn:aws:kms:us-east-1:123456789012:alias/aws/s3)"),
    },
  ],
  error: [
    {
      name: "a selected bucket's encryption could not be read",
      inventory: s3Inventory([bucket("pii-x", { encryption: denied("s3.bucketEncryption", { resource: "pii-x" }) })]),
      settings,
      findings: [{ status: "ERROR", error: { operation: "GetBucketEncryption" } }],
    },
  ],
});
