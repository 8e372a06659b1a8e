import { expect } from "vitest";
import check from "../../../checks/iam/full-admin.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import {
  allow,
  authorizationInventory,
  awsManaged,
  customerManaged,
  details,
  doc,
  principalsScenario,
  unreadIamCases,
  user,
} from "../../support/fixtures/iam.js";

const admin = awsManaged("AdministratorAccess");
/** Attached to a user but missing from the policy list: its document cannot be resolved. */
const missing = customerManaged("gone", doc(allow("s3:GetObject")));
const narrow = customerManaged("s3-reader", doc(allow("s3:GetObject", "arn:aws:s3:::reports/*")));

export default checkCases(check, {
  pass: [
    {
      name: "a user and a customer-managed policy with narrow permissions",
      inventory: authorizationInventory(details({ users: [user("erin", { attached: [narrow] })], policies: [narrow] })),
      findings: [
        { resource: { id: "erin", type: "AWS::IAM::User" }, status: "PASS" },
        { resource: { id: "s3-reader", type: "AWS::IAM::Policy" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "fails identities and customer-managed policies that hold * on *, passes the rest, never reports an AWS-managed policy itself nor a service-linked role; names the policy, statement and group",
      inventory: authorizationInventory(principalsScenario()),
      findings: [
        { resource: { type: "AWS::IAM::User", id: "alice" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::User", id: "bob" }, status: "PASS" },
        { resource: { type: "AWS::IAM::User", id: "carol" }, status: "PASS" },
        { resource: { type: "AWS::IAM::User", id: "dave" }, status: "PASS" },
        { resource: { type: "AWS::IAM::User", id: "erin" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Group", id: "admins" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::Group", id: "readers" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "deploy" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::Role", id: "app" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Policy", id: "ops-admin" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::Policy", id: "s3-reader" }, status: "PASS" },
      ],
      assert: (findings) => {
        expect(findings.some((f) => f.resource.arn.startsWith("arn:aws:iam::aws:policy/"))).toBe(false);
        expect(findings.some((f) => f.resource.id === "AWSServiceRoleForSupport")).toBe(false);
        const alice = findings.find((f) => f.resource.id === "alice")!;
        expect(alice.message).toBe(
          'User alice is a full administrator through AWS-managed policy AdministratorAccess (via group "admins"), statement #1 (Action "*" on Resource ["*"]).',
        );
        expect(alice.evidence).toEqual({
          via: "wildcard",
          statements: [
            {
              policy: "arn:aws:iam::aws:policy/AdministratorAccess",
              policyType: "aws-managed",
              viaGroup: "admins",
              versionId: "v1",
              statement: "statement #1",
              matchedBy: "*",
              resources: ["*"],
            },
          ],
        });
        const policy = findings.find((f) => f.resource.id === "ops-admin")!;
        expect(policy.resource).toEqual({ arn: `arn:aws:iam::${ACCOUNT}:policy/ops-admin`, id: "ops-admin", type: "AWS::IAM::Policy" });
        expect(policy.message).toContain('Sid "Everything"');
      },
    },
    {
      name: "still FAILs an identity whose other policies make it an admin, though one could not be resolved",
      inventory: authorizationInventory(details({ users: [user("frank", { attached: [missing, admin] })], policies: [admin] })),
      findings: [{ resource: { id: "frank" }, status: "FAIL" }],
    },
  ],
  error: [
    {
      name: "an identity whose policy could not be resolved: ERROR instead of a guessed PASS",
      inventory: authorizationInventory(details({ users: [user("frank", { attached: [missing] })] })),
      findings: [{ status: "ERROR", error: { code: "PolicyUnreadable", resource: `arn:aws:iam::${ACCOUNT}:user/frank` } }],
    },
    {
      name: "a customer-managed policy whose document is unreadable",
      inventory: authorizationInventory(details({ policies: [customerManaged("broken", "{not json")] })),
      findings: [{ status: "ERROR", resource: { id: "broken" }, error: { code: "PolicyUnreadable" } }],
    },
    ...unreadIamCases(),
  ],
});
