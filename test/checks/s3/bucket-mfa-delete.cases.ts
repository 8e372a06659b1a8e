import { expect } from "vitest";
import check from "../../../checks/s3/bucket-mfa-delete.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, inventory, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

// moto 5.2.5 never returns MFADelete from GetBucketVersioning (nor honours it in PutBucketVersioning):
// the PASS side exists only here.
export default checkCases(check, {
  pass: [
    {
      name: "versioning enabled with MFA delete, in the bucket's region",
      inventory: s3Inventory([bucket("vault", { region: ok("eu-west-1"), versioning: ok({ status: "Enabled", mfaDelete: "Enabled" }) })]),
      findings: [
        {
          resource: { id: "vault", type: "AWS::S3::Bucket" },
          status: "PASS",
          region: "eu-west-1",
          message: "Bucket vault has MFA delete enabled (versioning Enabled).",
          evidence: { versioning: { status: "Enabled", mfaDelete: "Enabled" } },
        },
      ],
    },
    {
      name: "versioning suspended but MFA delete still enabled: existing versions stay protected",
      inventory: s3Inventory([bucket("paused", { versioning: ok({ status: "Suspended", mfaDelete: "Enabled" }) })]),
    },
  ],
  fail: [
    {
      name: "versioned without MFA delete (Disabled or never set), suspended, and never versioned",
      inventory: s3Inventory([
        bucket("on-disabled", { versioning: ok({ status: "Enabled", mfaDelete: "Disabled" }) }),
        bucket("on-unset", { versioning: ok({ status: "Enabled", mfaDelete: null }) }),
        bucket("suspended", { versioning: ok({ status: "Suspended", mfaDelete: null }) }),
        bucket("never"),
      ]),
      findings: [
        {
          resource: { id: "on-disabled" },
          status: "FAIL",
          severity: "low",
          message: "Bucket on-disabled has versioning enabled without MFA delete: its object versions can be deleted without MFA.",
          responsibility: { layer: "data" },
        },
        { resource: { id: "on-unset" }, status: "FAIL" },
        { resource: { id: "suspended" }, status: "FAIL", message: expect.stringContaining("versioning suspended without MFA delete") },
        { resource: { id: "never" }, status: "FAIL", message: expect.stringContaining("versioning never enabled, so no MFA delete") },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["3.1.2"], "aws-security-hub": ["S3.20"] }),
    },
  ],
  error: [
    {
      name: "versioning unread for one bucket: ERROR for it, the others judged",
      inventory: s3Inventory([
        bucket("x", { versioning: denied("s3.bucketVersioning", { resource: "x" }) }),
        bucket("y", { versioning: ok({ status: "Enabled", mfaDelete: "Enabled" }) }),
      ]),
      findings: [
        { resource: { id: "x" }, status: "ERROR", error: { operation: "GetBucketVersioning", code: "AccessDenied" } },
        { resource: { id: "y" }, status: "PASS" },
      ],
    },
    {
      name: "the bucket list could not be read: one account-level ERROR",
      inventory: inventory({ s3: { buckets: denied("s3.buckets") } }),
      findings: [{ status: "ERROR", region: "global", error: { operation: "ListBuckets", code: "AccessDenied" } }],
    },
  ],
});
