import { expect } from "vitest";
import check from "../../../checks/iam/role-cross-account-broad-read.js";
import { iamActionCatalog } from "../../../src/policy/iam/catalog.js";
import { checkCases } from "../../support/check-tester.js";
import { OTHER_ACCOUNT } from "../../support/fixtures/index.js";
import {
  authorizationInventory,
  awsManaged,
  customerManaged,
  details,
  doc,
  role,
  trustAccount,
  unreadIamCases,
} from "../../support/fixtures/iam.js";

/** What AWS's ReadOnlyAccess amounts to: Get*, List* and Describe* of every service, on every resource. */
const readEverything = customerManaged(
  "read-everything",
  doc({
    Effect: "Allow",
    Action: iamActionCatalog()
      .services()
      .flatMap((s) => [`${s}:Get*`, `${s}:List*`, `${s}:Describe*`]),
    Resource: "*",
  }),
);
/** SecurityAudit-sized: configuration reads of a few services. */
const audit = customerManaged(
  "audit",
  doc({ Effect: "Allow", Action: ["iam:Get*", "iam:List*", "ec2:Describe*", "s3:GetBucket*"], Resource: "*" }),
);
const admin = awsManaged("AdministratorAccess");

const orgPinned = doc({
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: "sts:AssumeRole",
  Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
});

export default checkCases(check, {
  pass: [
    {
      name: "a cross-account role with narrow reads; roles of this account or a service read what they like",
      inventory: authorizationInventory(
        details({
          roles: [
            role("auditor", trustAccount(OTHER_ACCOUNT), { attached: [audit] }),
            role("local-reader", trustAccount(), { attached: [readEverything] }),
            role("lambda-reader", undefined, { attached: [readEverything] }),
          ],
          policies: [audit, readEverything],
        }),
      ),
      findings: [
        { resource: { id: "auditor" }, status: "PASS", evidence: { accounts: [OTHER_ACCOUNT] } },
        { resource: { id: "local-reader" }, status: "PASS", message: "Role local-reader is not trusted by other accounts." },
        { resource: { id: "lambda-reader" }, status: "PASS" },
      ],
      assert: ([auditor]) => {
        expect(auditor!.message).toMatch(
          new RegExp(`^Role auditor is trusted by account ${OTHER_ACCOUNT} and may read \\d+% of the Read-level actions`),
        );
        expect(auditor!.evidence.share as number).toBeLessThan(0.5);
      },
    },
  ],
  fail: [
    {
      name: "another account, or anyone pinned to an organization, may assume a role that reads everything",
      inventory: authorizationInventory(
        details({
          roles: [
            role("vendor-read", trustAccount(OTHER_ACCOUNT), { attached: [readEverything] }),
            role("org-admin", orgPinned, { attached: [admin] }),
          ],
          policies: [readEverything, admin],
        }),
      ),
      findings: [
        { resource: { id: "vendor-read" }, status: "FAIL", severity: "medium", evidence: { trustedBy: [`account ${OTHER_ACCOUNT}`] } },
        {
          resource: { id: "org-admin" },
          status: "FAIL",
          evidence: { accounts: [], trustedBy: ["principals matching aws:principalorgid o-abc123"] },
        },
      ],
      assert: ([vendor, org]) => {
        expect(vendor!.message).toMatch(
          new RegExp(
            `^Role vendor-read, which account ${OTHER_ACCOUNT} may assume, may read broadly: \\d+ of \\d+ Read-level actions \\(\\d+%\\) on all resources\\.$`,
          ),
        );
        expect(vendor!.evidence.share as number).toBeGreaterThan(0.5);
        expect(org!.evidence.share).toBe(1);
      },
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "a cross-account role whose policy cannot be resolved",
      inventory: authorizationInventory(
        details({
          roles: [
            role("vendor", trustAccount(OTHER_ACCOUNT), {
              attached: [customerManaged("gone", doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }))],
            }),
          ],
        }),
      ),
      findings: [{ resource: { id: "vendor" }, status: "ERROR", error: { code: "PolicyUnreadable" } }],
    },
  ],
});
