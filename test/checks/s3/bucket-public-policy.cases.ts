import { expect } from "vitest";
import check from "../../../checks/s3/bucket-public-policy.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, inventory, ok } from "../../support/fixtures/index.js";
import { ALL_ON, bucket, policy, s3Inventory } from "../../support/fixtures/s3.js";

export const publicRead = policy({
  Sid: "PublicRead",
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::b/*",
});
const publicWrite = policy({
  Sid: "PublicWrite",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["s3:GetObject", "s3:PutObject"],
  Resource: "arn:aws:s3:::b/*",
});
const restricted = policy({
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "*",
  Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
});

export default checkCases(check, {
  pass: [
    {
      name: "no policy, and a policy restricted by a condition",
      inventory: s3Inventory([bucket("none"), bucket("vpce", { policy: ok(restricted) })]),
    },
    {
      name: "neutralised by RestrictPublicBuckets on the bucket",
      inventory: s3Inventory([bucket("b", { policy: ok(publicRead), publicAccessBlock: ok({ ...ALL_ON, BlockPublicAcls: false }) })]),
      findings: [{ status: "PASS", evidence: { neutralisedBy: "RestrictPublicBuckets (bucket)" } }],
    },
    {
      name: "neutralised by RestrictPublicBuckets on the account",
      inventory: s3Inventory([bucket("b", { policy: ok(publicRead) })], ok(ALL_ON)),
      findings: [{ status: "PASS", evidence: { neutralisedBy: "RestrictPublicBuckets (account)" } }],
    },
    {
      name: "a private policy does not need Block Public Access",
      inventory: s3Inventory(
        [bucket("b", { publicAccessBlock: denied("s3.bucketPublicAccessBlock") })],
        denied("s3.accountPublicAccessBlock"),
      ),
    },
  ],
  fail: [
    {
      name: "public read is high, public write critical",
      inventory: s3Inventory([bucket("reader", { policy: ok(publicRead) }), bucket("writer", { policy: ok(publicWrite) })]),
      findings: [
        { resource: { id: "reader" }, status: "FAIL", severity: "high" },
        {
          resource: { id: "writer" },
          status: "FAIL",
          severity: "critical",
          evidence: { publicStatements: [{ statement: 'Sid "PublicWrite"', actions: ["s3:GetObject", "s3:PutObject"], access: "write" }] },
        },
      ],
      assert: ([, writer]) => {
        expect(writer!.message).toContain('Sid "PublicWrite"');
        expect(writer!.message).toContain("write or delete");
      },
    },
    {
      name: "GetBucketPolicyStatus is a second signal",
      inventory: s3Inventory([
        bucket("b", {
          policy: ok(policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:*", Resource: "*" })),
          policyStatusIsPublic: ok(true),
        }),
      ]),
      findings: [{ status: "FAIL", severity: "high", evidence: { awsPolicyStatusIsPublic: true } }],
    },
    {
      name: "each bucket is reported in its own region",
      inventory: s3Inventory([bucket("eu", { region: ok("eu-west-1"), policy: ok(publicRead) })]),
      findings: [{ status: "FAIL", region: "eu-west-1" }],
    },
  ],
  error: [
    {
      name: "the policy is public but Block Public Access could not be read",
      inventory: s3Inventory([bucket("b", { policy: ok(publicRead), publicAccessBlock: denied("s3.bucketPublicAccessBlock") })]),
      findings: [{ status: "ERROR", error: { operation: "GetPublicAccessBlock" } }],
    },
    {
      name: "the policy could not be read: ERROR, never PASS",
      inventory: s3Inventory([bucket("b", { policy: denied("s3.bucketPolicy", { resource: "b" }) })]),
      findings: [{ status: "ERROR", error: { operation: "GetBucketPolicy", code: "AccessDenied" } }],
    },
    {
      name: "a malformed policy document",
      inventory: s3Inventory([bucket("b", { policy: ok("{not json") })]),
      findings: [{ status: "ERROR", error: { code: "MalformedPolicy" } }],
    },
    {
      name: "one unreadable bucket does not hide the others",
      inventory: s3Inventory([bucket("a", { policy: denied("s3.bucketPolicy") }), bucket("b", { policy: ok(publicRead) }), bucket("c")]),
      findings: [{ status: "ERROR" }, { status: "FAIL" }, { status: "PASS" }],
    },
    {
      name: "one account-level ERROR when ListBuckets failed",
      inventory: inventory({ s3: { buckets: denied("s3.buckets"), accountPublicAccessBlock: ok(null) } }),
      findings: [{ status: "ERROR", error: { operation: "ListBuckets" } }],
    },
    {
      name: "S3 is not in the inventory at all",
      inventory: inventory(),
      findings: [{ status: "ERROR", error: { code: "NotCollected" } }],
    },
  ],
});
