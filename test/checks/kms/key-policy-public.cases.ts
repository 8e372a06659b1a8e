import { expect } from "vitest";
import check from "../../../checks/kms/key-policy-public.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { alias, awsManaged, describeDenied, k, key, keyPolicy, kmsInventory, US } from "../../services/kms/fixtures.js";

const everyone = (extra: object = {}) => ({ Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*", ...extra });

/** How AWS managed keys' own policies read: everyone, via the service, but only callers in this account. */
const callerAccountPinned = everyone({
  Sid: "Allow access through EBS",
  Principal: { AWS: "*" },
  Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
  Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ec2.us-east-1.amazonaws.com" } },
});

export default checkCases(check, {
  pass: [
    {
      name: "the default policy (the account root only); an AWS managed key, whose policy is not read, gets no result",
      inventory: kmsInventory({ [US]: [key("app"), key("awsebs", { metadata: ok(awsManaged()), policy: ok(null) })] }),
      findings: [{ status: "PASS", resource: { id: k("app") }, responsibility: { layer: "identity" } }],
      assert: ([f]) => expect(f!.message).toBe(`The key policy of key ${k("app")} does not let anyone outside named principals use it.`),
    },
    {
      name: "statements for everyone pinned by kms:CallerAccount and by aws:PrincipalOrgID",
      inventory: kmsInventory(
        {
          [US]: [
            key("shared", {
              policy: ok(
                keyPolicy(
                  callerAccountPinned,
                  everyone({ Sid: "Org", Action: "kms:Decrypt", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }),
                ),
              ),
            }),
          ],
        },
        { [US]: [alias("alias/shared", "shared")] },
      ),
      findings: [
        {
          status: "PASS",
          evidence: {
            pinnedStatements: [
              { statement: 'Sid "Allow access through EBS"', pinnedBy: ["kms:calleraccount"] },
              { statement: 'Sid "Org"', pinnedBy: ["aws:principalorgid"] },
            ],
          },
        },
      ],
      assert: ([f]) =>
        expect(f!.message).toContain(
          "(alias/shared) does not let anyone outside named principals use it; its statements for everyone are pinned by kms:calleraccount, aws:principalorgid",
        ),
    },
    {
      name: "a public Allow that an unconditional Deny for everyone takes back",
      inventory: kmsInventory({
        [US]: [
          key("denied", {
            policy: ok(keyPolicy(everyone({ Action: "kms:Decrypt" }), { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" })),
          }),
        ],
      }),
    },
  ],
  fail: [
    {
      name: 'Principal "*" with kms:* and no condition: critical',
      inventory: kmsInventory({ [US]: [key("open", { policy: ok(keyPolicy(everyone())) })] }),
      findings: [
        {
          status: "FAIL",
          severity: "critical",
          compliance: { "aws-fsbp": ["KMS.5"] },
          evidence: { publicStatements: [{ statement: 'Sid "Everyone"', principal: "*", actions: ["kms:*"], access: "write" }] },
        },
      ],
      assert: ([f]) => {
        expect(f!.message).toBe(`The key policy of key ${k("open")} is public: Sid "Everyone" allows "*" kms:* without any condition.`);
        const [grant] = f!.evidence.publicStatements as { effectiveActions: string[] }[];
        expect(grant!.effectiveActions).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"]));
      },
    },
    {
      name: '{"AWS": "*"} with kms:ViaService alone (any account can call the service), or a wildcard kms:CallerAccount: not pinned',
      inventory: kmsInventory({
        [US]: [
          key("via", {
            policy: ok(
              keyPolicy(
                everyone({
                  Principal: { AWS: "*" },
                  Action: "kms:Decrypt",
                  Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
                }),
              ),
            ),
          }),
          key("like", {
            policy: ok(keyPolicy(everyone({ Action: "kms:Encrypt", Condition: { StringLike: { "kms:CallerAccount": "*" } } }))),
          }),
        ],
      }),
      findings: [
        { status: "FAIL", severity: "critical", resource: { id: k("via") } },
        { status: "FAIL", severity: "critical", resource: { id: k("like") } },
      ],
      assert: ([via]) => expect(via!.message).toContain('allows {"AWS":["*"]} kms:Decrypt with conditions that do not pin the caller'),
    },
    {
      name: "public metadata reads only (DescribeKey, GetPublicKey): medium",
      inventory: kmsInventory({
        [US]: [key("meta", { policy: ok(keyPolicy(everyone({ Action: ["kms:DescribeKey", "kms:GetPublicKey"] }))) })],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          evidence: { publicStatements: [{ access: "read", effectiveActions: ["kms:DescribeKey", "kms:GetPublicKey"] }] },
        },
      ],
    },
  ],
  error: [
    {
      name: "the key policy could not be read (a key policy can deny the scanner): ERROR, not a verdict",
      inventory: kmsInventory({
        [US]: [key("locked", { policy: denied("kms.keyPolicy", { code: "AccessDeniedException" }) }), key("app")],
      }),
      findings: [
        { status: "ERROR", resource: { id: k("locked") }, error: { operation: "GetKeyPolicy", code: "AccessDeniedException" } },
        { status: "PASS", resource: { id: k("app") } },
      ],
    },
    {
      name: "a key policy that is not valid JSON",
      inventory: kmsInventory({ [US]: [key("bad", { policy: ok("{not json") })] }),
      findings: [{ status: "ERROR", error: { operation: "GetKeyPolicy", code: "PolicyUnreadable" } }],
    },
    {
      name: "DescribeKey was denied: whose key it is is unknown",
      inventory: kmsInventory({ [US]: [key("hidden", { metadata: describeDenied(k("hidden")) })] }),
      findings: [{ status: "ERROR", error: { operation: "DescribeKey" } }],
    },
  ],
});
