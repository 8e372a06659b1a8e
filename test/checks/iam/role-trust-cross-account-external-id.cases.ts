import check from "../../../checks/iam/role-trust-cross-account-external-id.js";
import { checkCases } from "../../support/check-tester.js";
import { OTHER_ACCOUNT } from "../../support/fixtures/index.js";
import { authorizationInventory, details, role, trustAccount, trustScenario, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "another account trusted with an ExternalId; this account; a service",
      inventory: authorizationInventory(
        details({
          roles: [
            role("vendor-ext", trustAccount(OTHER_ACCOUNT, { Condition: { StringEquals: { "sts:ExternalId": "42" } } })),
            role("local", trustAccount()),
            role("lambda"),
          ],
        }),
      ),
    },
  ],
  fail: [
    {
      name: "fails other-account trust without an ExternalId; a service-linked role is not reported",
      inventory: authorizationInventory(trustScenario()),
      findings: [
        { resource: { type: "AWS::IAM::Role", id: "open" }, status: "PASS" },
        { resource: { type: "AWS::IAM::Role", id: "org-only" }, status: "PASS" },
        {
          resource: { type: "AWS::IAM::Role", id: "vendor" },
          status: "FAIL",
          message: `Role vendor trusts account(s) ${OTHER_ACCOUNT} without an sts:ExternalId condition (statement #1: arn:aws:iam::${OTHER_ACCOUNT}:root).`,
          evidence: { accounts: [OTHER_ACCOUNT] },
        },
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
