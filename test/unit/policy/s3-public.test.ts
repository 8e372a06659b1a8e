import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../src/policy/document.js";
import { conditionPins, deniesInsecureTransport, publicGrants } from "../../../src/policy/s3-public.js";
import { policy } from "../../support/fixtures/s3.js";

const grants = (...statements: object[]) => publicGrants(parsePolicy(policy(...statements)));
const allow = (extra: object = {}) => ({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...extra });

describe("public grants in bucket policies", () => {
  it.each([
    ["Principal *", allow(), "read"],
    ['Principal {"AWS":"*"}', allow({ Principal: { AWS: "*" } }), "read"],
    ["Principal AWS list containing *", allow({ Principal: { AWS: ["arn:aws:iam::111122223333:root", "*"] } }), "read"],
    ["s3:* is write", allow({ Action: "s3:*" }), "write"],
    ["* is write", allow({ Action: "*" }), "write"],
    ["PutObject is write", allow({ Action: ["s3:PutObject"] }), "write"],
    ["s3:Delete* is write", allow({ Action: "s3:Delete*" }), "write"],
    ["NotAction with Allow to everyone is write", allow({ Action: undefined, NotAction: "s3:GetObject" }), "write"],
    [
      "Allow with NotPrincipal grants everyone else",
      allow({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }),
      "read",
    ],
    ["SourceIp 0.0.0.0/0 does not pin", allow({ Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } }), "read"],
    ["SourceIp ::/0 does not pin", allow({ Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "::/0"] } } }), "read"],
    ["IfExists does not pin", allow({ Condition: { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } } }), "read"],
    ["negated condition does not pin", allow({ Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } } }), "read"],
    ["a non-pinning key does not pin", allow({ Condition: { StringEquals: { "s3:prefix": "public/" } } }), "read"],
    ["wildcard org id does not pin", allow({ Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } }), "read"],
  ])("%s → public (%s)", (_name, statement, access) => {
    const result = grants(statement);
    expect(result).toHaveLength(1);
    expect(result[0]!.access).toBe(access);
  });

  it.each([
    ["aws:SourceVpce", { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c" } }],
    ["aws:SourceVpc", { StringEquals: { "aws:SourceVpc": "vpc-111" } }],
    ["aws:SourceIp narrow range", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }],
    ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }],
    ["aws:PrincipalAccount", { StringEquals: { "aws:PrincipalAccount": "111122223333" } }],
    ["aws:SourceAccount", { StringEquals: { "aws:SourceAccount": "111122223333" } }],
    ["aws:SourceArn", { ArnEquals: { "aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1" } }],
    ["case-insensitive condition key", { StringEquals: { "AWS:SOURCEVPCE": "vpce-1" } }],
  ])("a condition on %s pins the grant: not public", (_name, condition) => {
    expect(grants(allow({ Condition: condition }))).toEqual([]);
  });

  it("ignores grants to specific principals and Deny statements", () => {
    expect(grants(allow({ Principal: { AWS: "arn:aws:iam::111122223333:root" } }))).toEqual([]);
    expect(grants(allow({ Principal: { Service: "logging.s3.amazonaws.com" } }))).toEqual([]);
    expect(grants({ ...allow(), Effect: "Deny" })).toEqual([]);
  });

  it("reports only the public statement of a policy with both public and restricted statements", () => {
    const result = grants(
      { Sid: "Restricted", ...allow({ Action: "s3:*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }) },
      { Sid: "PublicRead", ...allow() },
    );
    expect(result.map((g) => g.statement)).toEqual(['Sid "PublicRead"']);
    expect(result[0]!.access).toBe("read");
  });

  it("an unconditional Deny to everyone removes the actions it covers", () => {
    expect(grants(allow({ Action: "s3:GetObject" }), { Effect: "Deny", Principal: "*", Action: "s3:GetObject", Resource: "*" })).toEqual(
      [],
    );
    const partial = grants(allow({ Action: ["s3:GetObject", "s3:PutObject"] }), {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: "*",
    });
    expect(partial[0]!.access).toBe("read");
    expect(partial[0]!.effectiveActions).toEqual(["s3:GetObject"]);
  });

  it("a conditional Deny (e.g. TLS-only) does not cancel a public grant", () => {
    const result = grants(allow(), {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(result).toHaveLength(1);
  });

  it("conditionPins rejects ForAllValues and empty values", () => {
    expect(conditionPins({ operator: "ForAllValues:StringEquals", key: "aws:principalorgid", values: ["o-1"] })).toBe(false);
    expect(conditionPins({ operator: "StringEquals", key: "aws:sourcevpce", values: [] })).toBe(false);
    expect(conditionPins({ operator: "IpAddress", key: "aws:sourceip", values: ["10.0.0.0/7"] })).toBe(false);
    expect(conditionPins({ operator: "IpAddress", key: "aws:sourceip", values: ["10.0.0.0/8"] })).toBe(true);
  });
});

describe("TLS-only policy detection", () => {
  const denyHttp = {
    Sid: "DenyHttp",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };

  it("finds a Deny on aws:SecureTransport=false", () => {
    expect(deniesInsecureTransport(parsePolicy(policy(denyHttp)))).toBe('Sid "DenyHttp"');
    expect(deniesInsecureTransport(parsePolicy(policy({ ...denyHttp, Principal: { AWS: "*" }, Action: "*" })))).toBe('Sid "DenyHttp"');
    expect(deniesInsecureTransport(parsePolicy(policy({ ...denyHttp, Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } })))).toBe(
      'Sid "DenyHttp"',
    );
  });

  it("rejects look-alikes", () => {
    expect(deniesInsecureTransport(parsePolicy(policy({ ...denyHttp, Effect: "Allow" })))).toBeUndefined();
    expect(
      deniesInsecureTransport(parsePolicy(policy({ ...denyHttp, Condition: { Bool: { "aws:SecureTransport": "true" } } }))),
    ).toBeUndefined();
    expect(deniesInsecureTransport(parsePolicy(policy({ ...denyHttp, Action: "s3:GetObject" })))).toBeUndefined();
    expect(
      deniesInsecureTransport(parsePolicy(policy({ ...denyHttp, Principal: { AWS: "arn:aws:iam::111122223333:root" } }))),
    ).toBeUndefined();
  });
});
