import { expect } from "vitest";
import check from "../../../checks/s3/bucket-cross-account-access.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { IamOrganization } from "../../../src/services/iam/inventory.js";
import type { Fetched } from "../../../src/inventory/index.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok, OTHER_ACCOUNT } from "../../support/fixtures/index.js";
import { bucket, policy, s3Inventory } from "../../support/fixtures/s3.js";
import type { S3Bucket } from "../../../src/services/s3/inventory.js";

const ORG: IamOrganization = { id: "o-abc123", managementAccountId: "111111111111" };
const MANAGEMENT = "111111111111";
const PARTNER = "999999999999";

const withOrg = (buckets: S3Bucket[], organization: Fetched<IamOrganization | null> = ok(ORG)): Inventory => ({
  ...s3Inventory(buckets),
  iam: { organization },
});

const grant = (principal: unknown, action: string | string[] = "s3:GetObject", extra: object = {}) =>
  ok(policy({ Sid: "Share", Effect: "Allow", Principal: principal, Action: action, Resource: "arn:aws:s3:::b/*", ...extra }));

export default checkCases(check, {
  pass: [
    {
      name: "no policy, or a policy for this account only",
      inventory: withOrg([bucket("none"), bucket("own", { policy: grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/app` }) })]),
      findings: [
        { status: "PASS", message: "Bucket none has no bucket policy: no other account is granted access.", evidence: { accounts: [] } },
        { status: "PASS", message: "Bucket own's policy grants no other account." },
      ],
    },
    {
      name: "the management account, and another account pinned to the organization: listed, same organization",
      inventory: withOrg([
        bucket("shared", {
          policy: ok(
            policy(
              { Sid: "Mgmt", Effect: "Allow", Principal: { AWS: MANAGEMENT }, Action: "s3:GetObject", Resource: "*" },
              {
                Sid: "Member",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
                Action: "s3:GetObject",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
              },
            ),
          ),
        }),
      ]),
      findings: [
        {
          status: "PASS",
          message: `Bucket shared's policy grants only accounts of the same organization: ${MANAGEMENT}, ${OTHER_ACCOUNT}.`,
          evidence: {
            organization: { id: "o-abc123", managementAccountId: MANAGEMENT },
            accounts: [
              { account: MANAGEMENT, membership: "same-organization", basis: "the organization's management account" },
              { account: OTHER_ACCOUNT, membership: "same-organization", basis: "aws:PrincipalOrgID o-abc123" },
            ],
          },
        },
      ],
    },
    {
      name: "anyone in this account's organization",
      inventory: withOrg([
        bucket("org-wide", { policy: grant("*", "s3:GetObject", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }) }),
      ]),
      findings: [{ status: "PASS", evidence: { organizationWide: [{ organizations: ["o-abc123"], membership: "same-organization" }] } }],
    },
  ],
  fail: [
    {
      name: "an account outside the organization: medium, listing the account id",
      inventory: withOrg([bucket("b", { policy: grant({ AWS: [`arn:aws:iam::${PARTNER}:role/etl`, `arn:aws:iam::${ACCOUNT}:root`] }) })]),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: `Bucket b's policy grants accounts outside the organization: ${PARTNER} (not shown to be in organization o-abc123).`,
          evidence: {
            accounts: [{ account: PARTNER, membership: "outside-organization", statements: ['Sid "Share"'] }],
            statements: [{ principals: [`arn:aws:iam::${PARTNER}:role/etl`], actions: ["s3:GetObject"], adminActions: [] }],
          },
          compliance: { "aws-fsbp": ["S3.6"] },
        },
      ],
    },
    {
      name: "bucket administration granted to another account is high, even inside the organization",
      inventory: withOrg([bucket("b", { policy: grant({ AWS: MANAGEMENT }, "s3:*") })]),
      findings: [
        { status: "FAIL", severity: "high", evidence: { statements: [{ adminActions: expect.arrayContaining(["s3:PutBucketPolicy"]) }] } },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe(
          `Bucket b's policy grants other accounts access; Sid "Share" also allows s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy and 2 more (bucket administration).`,
        ),
    },
    {
      name: "outside any organization, and anyone pinned to another organization or account",
      inventory: withOrg(
        [
          bucket("solo", { policy: grant({ AWS: PARTNER }) }),
          bucket("pinned", { policy: grant("*", "s3:GetObject", { Condition: { StringEquals: { "aws:PrincipalAccount": PARTNER } } }) }),
        ],
        ok(null),
      ),
      findings: [
        {
          resource: { id: "solo" },
          status: "FAIL",
          message: `Bucket solo's policy grants accounts outside the organization: ${PARTNER} (this account is in no organization).`,
        },
        { resource: { id: "pinned" }, status: "FAIL", evidence: { statements: [{ principals: ["*"], accounts: [PARTNER] }] } },
      ],
    },
    {
      name: "the organization could not be read: the accounts are still listed, as organization unknown",
      inventory: withOrg(
        [bucket("b", { policy: grant({ AWS: MANAGEMENT }) })],
        denied("iam.organization", { code: "AccessDeniedException" }),
      ),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          evidence: {
            organization: "unknown (DescribeOrganization AccessDeniedException)",
            accounts: [{ account: MANAGEMENT, membership: "organization-unknown" }],
          },
        },
      ],
    },
  ],
  error: [
    {
      name: "the policy could not be read",
      inventory: withOrg([bucket("b", { policy: denied("s3.bucketPolicy", { resource: "b" }) })]),
      findings: [{ status: "ERROR", error: { operation: "GetBucketPolicy" } }],
    },
    {
      name: "a malformed policy",
      inventory: withOrg([bucket("b", { policy: ok("[") })]),
      findings: [{ status: "ERROR", error: { code: "MalformedPolicy" } }],
    },
  ],
});
