import check from "../../../checks/iam/role-trust-public.js";
import { checkCases } from "../../support/check-tester.js";
import { authorizationInventory, details, role, trustAccount, trustScenario, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "roles trusted by a service and by this account",
      inventory: authorizationInventory(details({ roles: [role("lambda"), role("local", trustAccount())] })),
    },
  ],
  fail: [
    {
      name: "fails roles anyone can assume; a service-linked role is not reported",
      inventory: authorizationInventory(trustScenario()),
      findings: [
        {
          resource: { type: "AWS::IAM::Role", id: "open" },
          status: "FAIL",
          message:
            'Role open can be assumed by anyone: its trust policy statement #1 allows Principal {"AWS":["*"]} without any condition.',
        },
        { resource: { type: "AWS::IAM::Role", id: "org-only" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "vendor" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "vendor-ext" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "lambda" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "local" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "broken" }, status: "ERROR" },
      ],
    },
  ],
  error: [
    {
      name: "a trust policy that cannot be parsed",
      inventory: authorizationInventory(details({ roles: [{ ...role("broken"), trustPolicy: "{" }] })),
      findings: [{ resource: { id: "broken" }, status: "ERROR", error: { code: "PolicyUnreadable" } }],
    },
    ...unreadIamCases(),
  ],
});
