import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../src/policy/document.js";
import { keyPolicyExposure, kmsConditionPins } from "../../../src/policy/kms-public.js";
import { conditionPins } from "../../../src/policy/s3-public.js";

const exposure = (...statements: object[]) => keyPolicyExposure(parsePolicy({ Version: "2012-10-17", Statement: statements }));
const allow = (extra: object = {}) => ({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", ...extra });

describe("public grants in KMS key policies", () => {
  it.each([
    ["Principal *", allow(), "write"],
    ['Principal {"AWS":"*"}', allow({ Principal: { AWS: "*" } }), "write"],
    ["kms:* (use and manage)", allow({ Action: "kms:*" }), "write"],
    ["* (every action of every service)", allow({ Action: "*" }), "write"],
    ["kms:CreateGrant (permissions management)", allow({ Action: "kms:CreateGrant" }), "write"],
    ["kms:Describe* and kms:List* only", allow({ Action: ["kms:Describe*", "kms:List*"] }), "read"],
    ["NotAction kms:Decrypt grants the rest", allow({ Action: undefined, NotAction: "kms:Decrypt" }), "write"],
    [
      "Allow with NotPrincipal grants everyone else",
      allow({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }),
      "write",
    ],
    [
      "kms:ViaService alone does not pin",
      allow({ Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }),
      "write",
    ],
    ["kms:GrantIsForAWSResource does not pin", allow({ Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } }), "write"],
    [
      "kms:CallerAccount IfExists does not pin",
      allow({ Condition: { StringEqualsIfExists: { "kms:CallerAccount": "111122223333" } } }),
      "write",
    ],
    ["kms:CallerAccount negated does not pin", allow({ Condition: { StringNotEquals: { "kms:CallerAccount": "111122223333" } } }), "write"],
    ["kms:CallerAccount like * does not pin", allow({ Condition: { StringLike: { "kms:CallerAccount": "*" } } }), "write"],
    [
      "S3's access point account key does not pin a key policy",
      allow({ Condition: { StringEquals: { "s3:DataAccessPointAccount": "111122223333" } } }),
      "write",
    ],
  ])("%s → public (%s)", (_name, statement, access) => {
    const result = exposure(statement);
    expect(result.public).toHaveLength(1);
    expect(result.public[0]!.access).toBe(access);
    expect(result.pinned).toEqual([]);
  });

  it.each([
    ["kms:CallerAccount", { StringEquals: { "kms:CallerAccount": "111122223333" } }, "kms:calleraccount"],
    ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }, "aws:principalorgid"],
    ["aws:PrincipalArn", { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app" } }, "aws:principalarn"],
    ["aws:SourceVpce", { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c" } }, "aws:sourcevpce"],
  ])("%s pins the caller: not public", (_name, condition, key) => {
    const result = exposure(allow({ Sid: "S", Condition: condition }));
    expect(result.public).toEqual([]);
    expect(result.pinned).toEqual([{ statement: 'Sid "S"', pinnedBy: [key] }]);
  });

  it("an unconditional Deny for everyone takes back what it covers; named principals are not everyone", () => {
    expect(exposure(allow({ Action: "kms:*" }), { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }).public).toEqual([]);
    const partial = exposure(allow({ Action: ["kms:Decrypt", "kms:DescribeKey"] }), {
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "kms:Decrypt",
      Resource: "*",
    });
    expect(partial.public.map((g) => [g.effectiveActions, g.access])).toEqual([[["kms:DescribeKey"], "read"]]);
    expect(exposure(allow({ Principal: { AWS: "arn:aws:iam::111122223333:root" } })).public).toEqual([]);
  });

  it("conditionPins for bucket policies is unchanged by the KMS keys; kms:CallerAccount pins key policies only", () => {
    const caller = { operator: "StringEquals", key: "kms:calleraccount", values: ["111122223333"] };
    const accessPoint = { operator: "StringEquals", key: "s3:dataaccesspointaccount", values: ["111122223333"] };
    expect([conditionPins(caller), kmsConditionPins(caller)]).toEqual([false, true]);
    expect([conditionPins(accessPoint), kmsConditionPins(accessPoint)]).toEqual([true, false]);
  });
});
