import { expect } from "vitest";
import check from "../../../checks/s3/access-point-block-public-access.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { accessPoint, ALL_ON, bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "every access point has all four on; buckets without access points give nothing",
      inventory: s3Inventory([bucket("none"), bucket("data", { accessPoints: ok([accessPoint("analytics", "data")]) })]),
      findings: [
        {
          status: "PASS",
          resource: { id: "analytics", type: "AWS::S3::AccessPoint", arn: "arn:aws:s3:us-east-1:123456789012:accesspoint/analytics" },
          message: "Access point analytics (bucket data) has all four Block Public Access settings on.",
        },
      ],
    },
  ],
  fail: [
    {
      name: "a setting off: high from the internet, medium for a VPC-only access point",
      inventory: s3Inventory([
        bucket("data", {
          accessPoints: ok([
            accessPoint("open", "data", { publicAccessBlock: ok({ ...ALL_ON, BlockPublicPolicy: false, RestrictPublicBuckets: false }) }),
            accessPoint("in-vpc", "data", { vpcId: "vpc-1", publicAccessBlock: ok({ ...ALL_ON, IgnorePublicAcls: false }) }),
          ]),
        }),
      ]),
      findings: [
        {
          resource: { id: "open" },
          status: "FAIL",
          severity: "high",
          message:
            "Access point open (bucket data, reachable from the internet) has Block Public Access BlockPublicPolicy, RestrictPublicBuckets off.",
          evidence: { settingsOff: ["BlockPublicPolicy", "RestrictPublicBuckets"], networkOrigin: "Internet" },
        },
        { resource: { id: "in-vpc" }, status: "FAIL", severity: "medium" },
      ],
      assert: ([, vpc]) => {
        expect(vpc!.message).toContain("VPC-only (vpc-1)");
        expect(vpc!.compliance).toEqual({ "aws-fsbp": ["S3.19"] });
      },
    },
  ],
  error: [
    {
      name: "the bucket's access points could not be listed: one ERROR on the bucket",
      inventory: s3Inventory([bucket("data", { accessPoints: denied("s3.bucketAccessPoints", { resource: "data" }) })]),
      findings: [{ resource: { id: "data" }, status: "ERROR", error: { operation: "ListAccessPoints" } }],
    },
    {
      name: "one access point's GetAccessPoint failed; the others are judged",
      inventory: s3Inventory([
        bucket("data", {
          accessPoints: ok([
            accessPoint("hidden", "data", {
              publicAccessBlock: {
                ok: false,
                error: {
                  service: "s3-control",
                  region: "us-east-1",
                  operation: "GetAccessPoint",
                  code: "AccessDenied",
                  message: "not authorized to perform: s3:GetAccessPoint",
                  resource: "hidden",
                },
              },
            }),
            accessPoint("fine", "data"),
          ]),
        }),
      ]),
      findings: [
        { resource: { id: "hidden" }, status: "ERROR", error: { operation: "GetAccessPoint" } },
        { resource: { id: "fine" }, status: "PASS" },
      ],
    },
    {
      name: "GetAccessPoint returned no settings: ERROR, never a guess",
      inventory: s3Inventory([bucket("data", { accessPoints: ok([accessPoint("odd", "data", { publicAccessBlock: ok(null) })]) })]),
      findings: [{ resource: { id: "odd" }, status: "ERROR", error: { code: "MissingField", operation: "ListAccessPoints" } }],
    },
  ],
});
