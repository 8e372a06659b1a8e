import check from "../../../checks/s3/bucket-object-lock.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "enabled, with and without a default retention",
      inventory: s3Inventory([
        bucket("vault", { objectLock: ok({ enabled: true, defaultRetention: { mode: "COMPLIANCE", days: 30 } }) }),
        bucket("plain-lock", { objectLock: ok({ enabled: true }) }),
      ]),
      findings: [
        { status: "PASS", message: "Bucket vault has Object Lock enabled, default retention COMPLIANCE 30 days." },
        { status: "PASS", message: "Bucket plain-lock has Object Lock enabled, no default retention." },
      ],
    },
  ],
  fail: [
    {
      name: "no Object Lock configuration: low",
      inventory: s3Inventory([bucket("b")]),
      findings: [
        {
          status: "FAIL",
          severity: "low",
          responsibility: { layer: "data" },
          message: "Bucket b does not have Object Lock enabled.",
          compliance: { "aws-security-hub": ["S3.15"] },
        },
      ],
    },
  ],
  error: [
    {
      name: "GetObjectLockConfiguration denied",
      inventory: s3Inventory([bucket("b", { objectLock: denied("s3.bucketObjectLock", { resource: "b" }) })]),
      findings: [{ status: "ERROR", error: { operation: "GetObjectLockConfiguration" } }],
    },
  ],
});
