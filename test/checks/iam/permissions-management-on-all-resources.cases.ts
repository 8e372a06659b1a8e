import check from "../../../checks/iam/permissions-management-on-all-resources.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import { allow, authorizationInventory, details, doc, principalsScenario, unreadIamCases, user } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "does not count permissions management scoped to named resources",
      inventory: authorizationInventory(
        details({ users: [user("gina", { inline: { p: doc(allow("iam:PutRolePolicy", `arn:aws:iam::${ACCOUNT}:role/app-*`)) } })] }),
      ),
    },
  ],
  fail: [
    {
      name: "fails identities with permissions-management actions on broad resources; names the actions and the statement granting them",
      inventory: authorizationInventory(principalsScenario()),
      findings: [
        { resource: { type: "AWS::IAM::User", id: "alice" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::User", id: "bob" }, status: "PASS" },
        { resource: { type: "AWS::IAM::User", id: "carol" }, status: "PASS" },
        {
          resource: { type: "AWS::IAM::User", id: "dave" },
          status: "FAIL",
          message:
            'User dave may manage permissions on all resources: iam:PutGroupPolicy, iam:PutRolePolicy, iam:PutUserPolicy (3 action(s)), granted by inline policy "put-policies", statement #1 (on Resource ["*"]).',
          evidence: {
            actionCount: 3,
            actions: [
              { action: "iam:PutGroupPolicy", grantedBy: [{ policy: "put-policies", policyType: "inline", matchedBy: "iam:Put*Policy" }] },
              {},
              {},
            ],
          },
        },
        { resource: { type: "AWS::IAM::User", id: "erin" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Group", id: "admins" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::Group", id: "readers" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "deploy" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::Role", id: "app" }, status: "PASS" },
      ],
    },
  ],
  error: unreadIamCases(),
});
