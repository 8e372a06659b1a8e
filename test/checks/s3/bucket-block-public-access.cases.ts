import { expect } from "vitest";
import check from "../../../checks/s3/bucket-block-public-access.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, inventory, ok } from "../../support/fixtures/index.js";
import { ALL_ON, bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "all four on at the bucket level, whatever the account says",
      inventory: s3Inventory(
        [bucket("on", { publicAccessBlock: ok(ALL_ON), region: ok("eu-west-1") })],
        denied("s3.accountPublicAccessBlock"),
      ),
      findings: [
        {
          status: "PASS",
          region: "eu-west-1",
          message: "Bucket on has all four Block Public Access settings on.",
          evidence: { bucketPublicAccessBlock: ALL_ON, accountPublicAccessBlock: "unknown (GetPublicAccessBlock AccessDenied)" },
        },
      ],
    },
  ],
  fail: [
    {
      name: "no bucket-level configuration and none on the account: high",
      inventory: s3Inventory([bucket("bare")]),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          message: "Bucket bare has no bucket-level Block Public Access configuration.",
          evidence: { settingsOff: ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] },
        },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["S3.8"] }),
    },
    {
      name: "a setting off while the account covers it: low, saying so",
      inventory: s3Inventory([bucket("partial", { publicAccessBlock: ok({ ...ALL_ON, RestrictPublicBuckets: false }) })], ok(ALL_ON)),
      findings: [
        {
          status: "FAIL",
          severity: "low",
          message: "Bucket partial has Block Public Access RestrictPublicBuckets off (the account-level setting covers it for now).",
          evidence: { settingsOff: ["RestrictPublicBuckets"] },
        },
      ],
    },
    {
      name: "the account setting with one setting off does not lower it",
      inventory: s3Inventory([bucket("b")], ok({ ...ALL_ON, BlockPublicAcls: false })),
      findings: [{ status: "FAIL", severity: "high" }],
    },
  ],
  error: [
    {
      name: "the bucket's setting could not be read",
      inventory: s3Inventory([bucket("b", { publicAccessBlock: denied("s3.bucketPublicAccessBlock", { resource: "b" }) }), bucket("c")]),
      findings: [
        { resource: { id: "b" }, status: "ERROR", error: { operation: "GetPublicAccessBlock", code: "AccessDenied" } },
        { resource: { id: "c" }, status: "FAIL" },
      ],
    },
    {
      name: "one account-level ERROR when ListBuckets failed",
      inventory: inventory({ s3: { buckets: denied("s3.buckets"), accountPublicAccessBlock: ok(null) } }),
      findings: [{ status: "ERROR", error: { operation: "ListBuckets" } }],
    },
  ],
});
