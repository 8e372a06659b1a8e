import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../src/policy/document.js";
import { iamActionCatalog } from "../../../src/policy/iam/catalog.js";
import { SECRET_VALUE_ACTION, secretPolicyExposure } from "../../../src/policy/secrets-public.js";

const exposure = (...statements: object[]) => secretPolicyExposure(parsePolicy({ Version: "2012-10-17", Statement: statements }));
const allow = (extra: object = {}) => ({ Effect: "Allow", Principal: "*", Action: SECRET_VALUE_ACTION, Resource: "*", ...extra });

describe("public grants in Secrets Manager resource policies", () => {
  it("the catalogue knows Secrets Manager, and rates GetSecretValue only Read: the analysis weighs it on its own", () => {
    expect(iamActionCatalog().accessLevels(SECRET_VALUE_ACTION)).toEqual(["Read"]);
    expect(iamActionCatalog().ofService("secretsmanager").length).toBeGreaterThan(15);
  });

  it.each([
    ["GetSecretValue for Principal *", allow(), "value"],
    ['secretsmanager:* for {"AWS":"*"}', allow({ Principal: { AWS: "*" }, Action: "secretsmanager:*" }), "value"],
    ["* for everyone", allow({ Action: "*" }), "value"],
    ["secretsmanager:Get* covers GetSecretValue", allow({ Action: "secretsmanager:Get*" }), "value"],
    ["PutSecretValue", allow({ Action: "secretsmanager:PutSecretValue" }), "write"],
    ["PutResourcePolicy (permissions management)", allow({ Action: "secretsmanager:PutResourcePolicy" }), "write"],
    [
      "DescribeSecret and ListSecretVersionIds only",
      allow({ Action: ["secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"] }),
      "metadata",
    ],
    ["NotAction DescribeSecret grants the rest", allow({ Action: undefined, NotAction: "secretsmanager:DescribeSecret" }), "value"],
    [
      "NotPrincipal grants everyone else",
      allow({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }),
      "value",
    ],
    ["aws:SecureTransport does not pin", allow({ Condition: { Bool: { "aws:SecureTransport": "true" } } }), "value"],
    [
      "secretsmanager:VersionStage does not pin",
      allow({ Condition: { StringEquals: { "secretsmanager:VersionStage": "AWSCURRENT" } } }),
      "value",
    ],
    [
      "kms:CallerAccount pins a key policy, not a secret's",
      allow({ Condition: { StringEquals: { "kms:CallerAccount": "111122223333" } } }),
      "value",
    ],
  ])("%s: public, %s", (_name, statement, access) => {
    const out = exposure(statement);
    expect(out.public.map((g) => g.access)).toEqual([access]);
    expect(out.pinned).toEqual([]);
  });

  it.each([
    ["aws:PrincipalOrgID", "aws:principalorgid", { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }],
    ["aws:PrincipalAccount", "aws:principalaccount", { StringEquals: { "aws:PrincipalAccount": "111122223333" } }],
    ["aws:SourceVpce", "aws:sourcevpce", { StringEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } }],
    ["a narrow aws:SourceIp", "aws:sourceip", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }],
  ])("pinned by %s: not public", (_name, key, condition) => {
    const out = exposure(allow({ Sid: "Pinned", Condition: condition }));
    expect(out.public).toEqual([]);
    expect(out.pinned).toEqual([{ statement: 'Sid "Pinned"', pinnedBy: [key] }]);
  });

  it("named principals are not public; an unconditional Deny for everyone takes a grant back", () => {
    expect(exposure(allow({ Principal: { AWS: "arn:aws:iam::111122223333:role/app" } })).public).toEqual([]);
    expect(exposure(allow(), { Effect: "Deny", Principal: "*", Action: "secretsmanager:*", Resource: "*" }).public).toEqual([]);
    const partly = exposure(allow({ Action: "secretsmanager:*" }), {
      Effect: "Deny",
      Principal: "*",
      Action: SECRET_VALUE_ACTION,
      Resource: "*",
    });
    expect(partly.public.map((g) => [g.access, g.effectiveActions.includes(SECRET_VALUE_ACTION)])).toEqual([["write", false]]);
  });
});
