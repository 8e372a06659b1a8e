import check from "../../../checks/s3/bucket-replication.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "an enabled rule, naming where it replicates to",
      inventory: s3Inventory([
        bucket("src", {
          replication: ok({
            role: "arn:aws:iam::123456789012:role/replication",
            rules: [
              { id: "off", status: "Disabled", destinationBucket: "arn:aws:s3:::old" },
              { id: "dr", status: "Enabled", destinationBucket: "arn:aws:s3:::dr-copy", destinationAccount: "210987654321" },
            ],
          }),
        }),
      ]),
      findings: [{ status: "PASS", message: "Bucket src replicates to arn:aws:s3:::dr-copy." }],
    },
  ],
  fail: [
    {
      name: "no replication configuration, or only disabled rules: low",
      inventory: s3Inventory([
        bucket("none"),
        bucket("disabled", { replication: ok({ rules: [{ status: "Disabled", destinationBucket: "arn:aws:s3:::x" }] }) }),
      ]),
      findings: [
        {
          status: "FAIL",
          severity: "low",
          message: "Bucket none has no replication configuration.",
          compliance: { "aws-security-hub": ["S3.7"] },
        },
        { status: "FAIL", severity: "low", message: "Bucket disabled has a replication configuration, but no enabled rule." },
      ],
    },
  ],
  error: [
    {
      name: "GetBucketReplication denied",
      inventory: s3Inventory([bucket("b", { replication: denied("s3.bucketReplication", { resource: "b" }) })]),
      findings: [{ status: "ERROR", error: { operation: "GetBucketReplication", code: "AccessDenied" } }],
    },
  ],
});
