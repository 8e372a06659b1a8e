import check from "../../../checks/iam/federation-long-lived-keys.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, daysBefore, denied, ok } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, noKey, reportEntry, rootEntry, unreadIamCases } from "../../support/fixtures/iam.js";

const SAML = {
  arn: `arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_1234_DO_NOT_DELETE`,
  name: "AWSSSO_1234_DO_NOT_DELETE",
  validUntil: "2030-01-01T00:00:00.000Z",
};
const OIDC = {
  arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
  url: "token.actions.githubusercontent.com",
};
const keyed = reportEntry("ci", { accessKeys: [activeKey(1, daysBefore(30), daysBefore(1)), noKey(2)] });
const plain = reportEntry("alice", { passwordEnabled: true, mfaActive: true });
const account = { type: "AWS::::Account", id: ACCOUNT };

export default checkCases(check, {
  pass: [
    {
      name: "no identity provider: the inventory finding only, users not judged here",
      inventory: iamInventory({ samlProviders: ok([]), oidcProviders: ok([]), ...credentialReport(rootEntry(), keyed) }),
      findings: [
        {
          resource: account,
          status: "PASS",
          region: "global",
          message: "The account has no SAML or OIDC identity provider.",
          evidence: { identityProviders: [] },
        },
      ],
    },
    {
      name: "federation, and users without active keys",
      inventory: iamInventory({ samlProviders: ok([SAML]), oidcProviders: ok([OIDC]), ...credentialReport(rootEntry(), plain) }),
      findings: [
        {
          resource: account,
          status: "PASS",
          message:
            "The account federates sign-in through 2 identity provider(s): SAML AWSSSO_1234_DO_NOT_DELETE, OIDC token.actions.githubusercontent.com.",
          evidence: {
            identityProviders: [
              { type: "SAML", arn: SAML.arn, name: SAML.name, validUntil: SAML.validUntil },
              { type: "OIDC", arn: OIDC.arn, name: OIDC.url },
            ],
          },
        },
        { resource: { id: "alice" }, status: "PASS", message: "User alice has no active access key." },
      ],
    },
  ],
  fail: [
    {
      name: "a user with an active key where federation exists",
      inventory: iamInventory({ samlProviders: ok([]), oidcProviders: ok([OIDC]), ...credentialReport(rootEntry(), keyed, plain) }),
      findings: [
        { resource: account, status: "PASS" },
        {
          resource: { id: "ci", type: "AWS::IAM::User" },
          status: "FAIL",
          severity: "medium",
          message: "User ci has 1 active access key(s) although the account federates through OIDC token.actions.githubusercontent.com.",
          evidence: { activeKeys: [{ slot: 1, lastRotated: daysBefore(30), lastUsed: daysBefore(1) }] },
        },
        { resource: { id: "alice" }, status: "PASS" },
      ],
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "the providers are known but the credential report is not: the inventory finding and one ERROR",
      inventory: iamInventory({ samlProviders: ok([SAML]), oidcProviders: ok([]), credentialReport: denied("iam.credentialReport") }),
      findings: [
        { resource: account, status: "PASS" },
        { status: "ERROR", error: { operation: "GetCredentialReport" } },
      ],
    },
    {
      name: "the OIDC providers could not be listed",
      inventory: iamInventory({ samlProviders: ok([]), oidcProviders: denied("iam.oidcProviders"), ...credentialReport(keyed) }),
      findings: [{ status: "ERROR", error: { operation: "ListOpenIDConnectProviders" } }],
    },
  ],
});
