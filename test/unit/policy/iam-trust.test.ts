import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../src/policy/document.js";
import { analyzeTrustPolicy, principalAccount } from "../../../src/policy/iam/index.js";
import { ACCOUNT, OTHER_ACCOUNT } from "../../support/fixtures/index.js";

const trust = (...statements: Record<string, unknown>[]) =>
  analyzeTrustPolicy(parsePolicy({ Version: "2012-10-17", Statement: statements }), ACCOUNT);
const assume = (principal: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Principal: principal,
  Action: "sts:AssumeRole",
  ...extra,
});

describe("trust policy analysis: who can assume the role", () => {
  it.each([
    ["Principal {AWS: *}, no condition", [assume({ AWS: "*" })], true],
    ["Principal *", [assume("*")], true],
    [
      "{AWS: *} pinned by aws:PrincipalOrgID",
      [assume({ AWS: "*" }, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })],
      false,
    ],
    [
      "{AWS: *} pinned by aws:PrincipalAccount",
      [assume({ AWS: "*" }, { Condition: { StringEquals: { "aws:PrincipalAccount": OTHER_ACCOUNT } } })],
      false,
    ],
    [
      "{AWS: *} pinned by ArnLike aws:PrincipalArn",
      [assume({ AWS: "*" }, { Condition: { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/ci-*` } } })],
      false,
    ],
    [
      "{AWS: *} with aws:PrincipalArn = * (pins nothing)",
      [assume({ AWS: "*" }, { Condition: { StringLike: { "aws:PrincipalArn": "*" } } })],
      true,
    ],
    [
      "{AWS: *} with an IfExists condition (absent key passes)",
      [assume({ AWS: "*" }, { Condition: { StringEqualsIfExists: { "aws:PrincipalAccount": ACCOUNT } } })],
      true,
    ],
    ["{AWS: *} with an unrelated condition", [assume({ AWS: "*" }, { Condition: { Bool: { "aws:SecureTransport": "true" } } })], true],
    [
      "{AWS: *} with only an ExternalId (a shared secret, not an identity)",
      [assume({ AWS: "*" }, { Condition: { StringEquals: { "sts:ExternalId": "x" } } })],
      true,
    ],
    [
      "Allow with NotPrincipal",
      [{ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }],
      true,
    ],
    [
      "{AWS: *} guarded by a Deny outside the organization",
      [
        assume({ AWS: "*" }),
        { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } } },
      ],
      false,
    ],
    [
      "Federated * through web identity",
      [{ Effect: "Allow", Principal: { Federated: "*" }, Action: "sts:AssumeRoleWithWebIdentity" }],
      true,
    ],
    ["a service principal", [assume({ Service: "ec2.amazonaws.com" })], false],
    ["this account", [assume({ AWS: `arn:aws:iam::${ACCOUNT}:root` })], false],
    ["a Deny statement naming everyone", [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }], false],
    ["{AWS: *} for an action other than assuming", [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:TagSession" }], false],
  ] as const)("%s → public: %s", (_name, statements, isPublic) => {
    expect(trust(...(statements as unknown as Record<string, unknown>[])).public.length > 0).toBe(isPublic);
  });

  it("names the statement that makes a role public", () => {
    expect(trust({ Sid: "Open", ...assume({ AWS: ["*"] }) }).public).toEqual([
      { statement: 'Sid "Open"', principal: { AWS: ["*"] }, conditions: [] },
    ]);
  });
});

describe("trust policy analysis: other accounts", () => {
  it("finds another account trusted without an ExternalId", () => {
    const t = trust(assume({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }));
    expect(t.public).toEqual([]);
    expect(t.crossAccount).toEqual([
      {
        statement: "statement #1",
        accounts: [OTHER_ACCOUNT],
        principals: [`arn:aws:iam::${OTHER_ACCOUNT}:root`],
        externalId: false,
        conditions: [],
      },
    ]);
  });

  it("accepts a required sts:ExternalId", () => {
    const t = trust(assume({ AWS: OTHER_ACCOUNT }, { Condition: { StringEquals: { "sts:ExternalId": "vendor-42" } } }));
    expect(t.crossAccount).toMatchObject([{ accounts: [OTHER_ACCOUNT], externalId: true }]);
  });

  it("does not take an ExternalId that any value satisfies", () => {
    const t = trust(assume({ AWS: OTHER_ACCOUNT }, { Condition: { StringLike: { "sts:ExternalId": "*" } } }));
    expect(t.crossAccount).toMatchObject([{ externalId: false }]);
  });

  it("ignores this account's principals and unique ids", () => {
    const t = trust(assume({ AWS: [`arn:aws:iam::${ACCOUNT}:role/ci`, "AROAEXAMPLEUNIQUEID"] }));
    expect(t.crossAccount).toEqual([]);
  });

  it("reads account ids from principal entries", () => {
    expect(principalAccount(OTHER_ACCOUNT)).toBe(OTHER_ACCOUNT);
    expect(principalAccount(`arn:aws:iam::${OTHER_ACCOUNT}:role/x`)).toBe(OTHER_ACCOUNT);
    expect(principalAccount("*")).toBeUndefined();
    expect(principalAccount("AROAEXAMPLEUNIQUEID")).toBeUndefined();
  });
});
