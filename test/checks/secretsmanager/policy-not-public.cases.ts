import { expect } from "vitest";
import check from "../../../checks/secretsmanager/policy-not-public.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { policy, secret, secretArn, secretsInventory, US } from "../../services/secretsmanager/fixtures.js";

const everyone = (extra: object = {}) => ({
  Sid: "Everyone",
  Effect: "Allow",
  Principal: "*",
  Action: "secretsmanager:GetSecretValue",
  Resource: "*",
  ...extra,
});
const role = {
  Sid: "App",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
  Action: "secretsmanager:GetSecretValue",
  Resource: "*",
};

export default checkCases(check, {
  pass: [
    {
      name: "no resource policy; a policy naming a role; a statement for everyone pinned to the organization",
      inventory: secretsInventory({
        [US]: [
          secret("plain"),
          secret("named", { resourcePolicy: ok(policy(role)) }),
          secret("org", {
            resourcePolicy: ok(policy(everyone({ Sid: "Org", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }))),
          }),
        ],
      }),
      findings: [
        {
          status: "PASS",
          message: "Secret plain has no resource policy: only identities this account's IAM policies allow can use it.",
          evidence: { resourcePolicy: null },
        },
        { status: "PASS", message: "The resource policy of Secret named does not let anyone outside named principals use it." },
        {
          status: "PASS",
          message:
            "The resource policy of Secret org does not let anyone outside named principals use it; its statements for everyone are pinned by aws:principalorgid.",
          evidence: { pinnedStatements: [{ statement: 'Sid "Org"', pinnedBy: ["aws:principalorgid"] }] },
        },
      ],
    },
  ],
  fail: [
    {
      name: "GetSecretValue for everyone: critical; PutSecretValue: high; DescribeSecret only: medium",
      inventory: secretsInventory({
        [US]: [
          secret("open", { resourcePolicy: ok(policy(role, everyone())) }),
          secret("writable", {
            resourcePolicy: ok(
              policy(
                everyone({
                  Principal: { AWS: "*" },
                  Action: "secretsmanager:PutSecretValue",
                  Condition: { Bool: { "aws:SecureTransport": "true" } },
                }),
              ),
            ),
          }),
          secret("described", { resourcePolicy: ok(policy(everyone({ Action: "secretsmanager:DescribeSecret" }))) }),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "critical",
          resource: { arn: secretArn("open") },
          message:
            'The resource policy of Secret open lets anyone read the secret\'s value: Sid "Everyone" allows "*" secretsmanager:GetSecretValue without any condition.',
          evidence: {
            publicStatements: [{ statement: 'Sid "Everyone"', access: "value", effectiveActions: ["secretsmanager:GetSecretValue"] }],
          },
          responsibility: { layer: "identity" },
        },
        {
          status: "FAIL",
          severity: "high",
          message: expect.stringContaining(
            'lets anyone change the secret or its policy: Sid "Everyone" allows {"AWS":["*"]} secretsmanager:PutSecretValue with conditions that do not pin the caller',
          ),
        },
        { status: "FAIL", severity: "medium", message: expect.stringContaining("lets anyone read the secret's metadata") },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({}),
    },
  ],
  error: [
    {
      name: "one secret's policy denied (the others judged), one not collected, one not JSON",
      inventory: secretsInventory({
        [US]: [
          secret("denied", { resourcePolicy: denied("secretsmanager.resourcePolicy", { region: US, resource: secretArn("denied") }) }),
          secret("old", { resourcePolicy: undefined }),
          secret("broken", { resourcePolicy: ok("{not json") }),
          secret("fine"),
        ],
      }),
      findings: [
        {
          status: "ERROR",
          resource: { id: "denied" },
          error: { operation: "GetResourcePolicy", code: "AccessDenied", resource: secretArn("denied") },
        },
        { status: "ERROR", resource: { id: "old" }, error: { operation: "GetResourcePolicy", code: "NotCollected" } },
        { status: "ERROR", resource: { id: "broken" }, error: { operation: "GetResourcePolicy", code: "PolicyUnreadable" } },
        { status: "PASS", resource: { id: "fine" } },
      ],
    },
    {
      name: "the secrets could not be listed",
      inventory: secretsInventory({ [US]: denied("secretsmanager.secrets", { region: US }) }),
    },
  ],
});
