import { expect } from "vitest";
import check from "../../../checks/iam/user-direct-policies.js";
import { checkCases } from "../../support/check-tester.js";
import {
  authorizationInventory,
  awsManaged,
  details,
  group,
  principalsScenario,
  unreadIamCases,
  user,
} from "../../support/fixtures/iam.js";

const admin = awsManaged("AdministratorAccess");

export default checkCases(check, {
  pass: [
    {
      name: "a user with group permissions only",
      inventory: authorizationInventory(
        details({ users: [user("alice", { groups: ["admins"] })], groups: [group("admins", { attached: [admin] })], policies: [admin] }),
      ),
    },
  ],
  fail: [
    {
      name: "fails users with inline or attached policies; passes users with group permissions only",
      inventory: authorizationInventory(principalsScenario()),
      findings: [
        { resource: { type: "AWS::IAM::User", id: "alice" }, status: "PASS" },
        {
          resource: { type: "AWS::IAM::User", id: "bob" },
          status: "FAIL",
          message: "User bob has policies attached directly: managed policy ReadOnlyAccess.",
        },
        { resource: { type: "AWS::IAM::User", id: "carol" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::User", id: "dave" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::User", id: "erin" }, status: "FAIL" },
      ],
      assert: (findings) => {
        expect(findings.find((f) => f.resource.id === "carol")!.evidence).toEqual({
          attachedPolicies: [],
          inlinePolicies: ["pass-any-role"],
        });
      },
    },
  ],
  error: unreadIamCases(),
});
