import check from "../../../checks/iam/privilege-escalation.js";
import { checkCases } from "../../support/check-tester.js";
import { authorizationInventory, awsManaged, details, principalsScenario, unreadIamCases, user } from "../../support/fixtures/iam.js";

const readOnly = awsManaged("ReadOnlyAccess");

export default checkCases(check, {
  pass: [
    {
      name: "a read-only user has no escalation path",
      inventory: authorizationInventory(details({ users: [user("bob", { attached: [readOnly] })], policies: [readOnly] })),
    },
  ],
  fail: [
    {
      name: "fails identities with an open escalation path; names the path and the statement",
      inventory: authorizationInventory(principalsScenario()),
      findings: [
        { resource: { type: "AWS::IAM::User", id: "alice" }, status: "FAIL" },
        { resource: { type: "AWS::IAM::User", id: "bob" }, status: "PASS" },
        {
          resource: { type: "AWS::IAM::User", id: "carol" },
          status: "FAIL",
          message:
            'User carol can escalate its privileges via iam:PassRole+ec2, granted by inline policy "pass-any-role", statement #1 (on Resource ["*"]).',
          evidence: { paths: [{ path: "iam:PassRole+ec2", actions: [{ action: "iam:PassRole" }, { action: "ec2:RunInstances" }] }] },
        },
        { resource: { type: "AWS::IAM::User", id: "dave" }, status: "FAIL" },
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
