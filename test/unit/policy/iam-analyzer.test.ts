import { describe, expect, it } from "vitest";
import type { IamAuthorizationDetails } from "../../../src/services/iam/inventory.js";
import {
  buildAnalysis,
  ESCALATION_PATHS,
  fullAdmin,
  iamActionCatalog,
  openEscalationPaths,
  permissionsManagementActions,
  type IamPrincipal,
  type PrincipalKind,
} from "../../../src/policy/iam/index.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import { allow, awsManaged, customerManaged, deny, details, doc, group, role, user } from "../../support/fixtures/iam.js";

const catalog = iamActionCatalog();

function principal(d: IamAuthorizationDetails, kind: PrincipalKind, name: string): IamPrincipal {
  const p = buildAnalysis(d, catalog).principals.find((x) => x.kind === kind && x.name === name);
  if (!p) throw new Error(`no ${kind} ${name}`);
  return p;
}

/** A user holding one inline policy. */
const holder = (...statements: Record<string, unknown>[]) =>
  principal(details({ users: [user("u", { inline: { p: doc(...statements) } })] }), "user", "u");

const openPaths = (p: IamPrincipal) => openEscalationPaths(p.permissions).map((o) => o.path.id);
const pmOnAll = (p: IamPrincipal) => p.permissions.broadlyAllowed(permissionsManagementActions(catalog)).map((v) => v.action);

interface Case {
  name: string;
  principal: () => IamPrincipal;
  admin: boolean;
  /** Some permissions-management action allowed on broad resources. */
  permissionsManagement: boolean;
  /** Escalation paths expected open (exact list when `exactPaths`). */
  paths: string[];
  exactPaths?: boolean;
}

const admin = awsManaged("AdministratorAccess");
const powerUser = awsManaged("PowerUserAccess");
const iamFull = awsManaged("IAMFullAccess");
const readOnly = awsManaged("ReadOnlyAccess");

const CASES: Case[] = [
  {
    name: "AWS-managed AdministratorAccess attached to a role",
    principal: () => principal(details({ roles: [role("r", undefined, { attached: [admin] })], policies: [admin] }), "role", "r"),
    admin: true,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy", "iam:PassRole+lambda", "iam:CreatePolicyVersion"],
  },
  {
    name: "inline *:* on *",
    principal: () => holder(allow("*:*")),
    admin: true,
    permissionsManagement: true,
    paths: ["iam:PutUserPolicy"],
  },
  {
    name: "* on one bucket's objects only (resource-scoped)",
    principal: () => holder(allow("*", "arn:aws:s3:::my-bucket/*")),
    admin: false,
    permissionsManagement: false,
    paths: [],
    exactPaths: true,
  },
  {
    name: "NotAction s3:* on * (admin-equivalent: IAM stays allowed)",
    principal: () => holder({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }),
    admin: true,
    permissionsManagement: true,
    paths: ["iam:AttachRolePolicy"],
  },
  {
    name: "AWS-managed PowerUserAccess (NotAction iam:*, organizations:*, account:*)",
    principal: () => principal(details({ users: [user("u", { attached: [powerUser] })], policies: [powerUser] }), "user", "u"),
    admin: false,
    permissionsManagement: true, // s3:PutBucketPolicy, kms:PutKeyPolicy, … are outside IAM
    paths: ["lambda:UpdateFunctionCode", "glue:UpdateDevEndpoint"],
    exactPaths: true, // no iam:PassRole, so none of the PassRole paths
  },
  {
    name: "iam:Put*Policy on *",
    principal: () => holder(allow("iam:Put*Policy")),
    admin: false,
    permissionsManagement: true,
    paths: ["iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy"],
    exactPaths: true,
  },
  {
    name: "* on * with Deny iam:* (Deny overrides)",
    principal: () => holder(allow("*"), deny("iam:*")),
    admin: false,
    permissionsManagement: true, // non-IAM ones remain
    paths: ["lambda:UpdateFunctionCode"],
  },
  {
    name: "AdministratorAccess with one IAM action denied (the rest of IAM can lift the Deny)",
    principal: () =>
      principal(
        details({ users: [user("u", { attached: [admin], inline: { guard: doc(deny("iam:CreatePolicyVersion")) } })], policies: [admin] }),
        "user",
        "u",
      ),
    admin: true,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy"],
  },
  {
    name: "NotAction iam:CreatePolicyVersion on * (admin-equivalent)",
    principal: () => holder({ Effect: "Allow", NotAction: ["iam:CreatePolicyVersion"], Resource: "*" }),
    admin: true,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy"],
  },
  {
    name: "iam:* with an MFA-conditioned Deny (a conditional Deny may not apply)",
    principal: () => holder(allow("iam:*"), deny("iam:*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } })),
    admin: false,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy", "iam:CreateAccessKey"],
  },
  {
    name: "iam:PassRole only on one role, plus Lambda (resource-scoped PassRole)",
    principal: () =>
      holder(allow("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/lambda-exec`), allow(["lambda:CreateFunction", "lambda:InvokeFunction"])),
    admin: false,
    permissionsManagement: false,
    paths: [],
    exactPaths: true,
  },
  {
    name: "iam:PassRole on every role, plus Lambda",
    principal: () =>
      holder(allow("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/*`), allow(["lambda:CreateFunction", "lambda:InvokeFunction"])),
    admin: false,
    permissionsManagement: false,
    paths: ["iam:PassRole+lambda"],
    exactPaths: true,
  },
  {
    name: "iam:PassRole + ec2:RunInstances",
    principal: () => holder(allow(["iam:PassRole", "ec2:RunInstances"])),
    admin: false,
    permissionsManagement: false,
    paths: ["iam:PassRole+ec2"],
    exactPaths: true,
  },
  {
    name: "iam:AttachUserPolicy under a condition (still reported)",
    principal: () => holder(allow("iam:AttachUserPolicy", "*", { Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } })),
    admin: false,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy"],
    exactPaths: true,
  },
  {
    name: "read-only access",
    principal: () => principal(details({ users: [user("u", { attached: [readOnly] })], policies: [readOnly] }), "user", "u"),
    admin: false,
    permissionsManagement: false,
    paths: [],
    exactPaths: true,
  },
  {
    name: "reads the catalogue files under permissions management (billing:GetResourcePolicy, backup:List*)",
    principal: () => holder(allow(["billing:GetResourcePolicy", "backup:List*", "ssm-sap:GetResourcePermission"])),
    admin: false,
    permissionsManagement: false,
    paths: [],
    exactPaths: true,
  },
  {
    name: "customer policy whose default version (v2) is narrow while v1 was admin",
    principal: () => {
      const p = customerManaged("versions", [doc(allow("*")), doc(allow("s3:GetObject", "arn:aws:s3:::b/*"))], 1);
      return principal(details({ users: [user("u", { attached: [p] })], policies: [p] }), "user", "u");
    },
    admin: false,
    permissionsManagement: false,
    paths: [],
    exactPaths: true,
  },
  {
    name: "customer policy whose default version (v2) is admin",
    principal: () => {
      const p = customerManaged("versions", [doc(allow("s3:GetObject", "arn:aws:s3:::b/*")), doc(allow("*"))], 1);
      return principal(details({ users: [user("u", { attached: [p] })], policies: [p] }), "user", "u");
    },
    admin: true,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy"],
  },
  {
    name: "user inheriting IAMFullAccess from a group",
    principal: () =>
      principal(
        details({
          users: [user("u", { groups: ["iam-admins"] })],
          groups: [group("iam-admins", { attached: [iamFull] })],
          policies: [iamFull],
        }),
        "user",
        "u",
      ),
    admin: false,
    permissionsManagement: true,
    paths: ["iam:AttachUserPolicy", "iam:AddUserToGroup", "iam:UpdateAssumeRolePolicy"],
  },
  {
    name: "AdministratorAccess bounded by a read-only permissions boundary",
    principal: () =>
      principal(details({ users: [user("u", { attached: [admin], boundary: readOnly })], policies: [admin, readOnly] }), "user", "u"),
    admin: false,
    permissionsManagement: false,
    paths: [],
    exactPaths: true,
  },
  {
    name: "Allow with NotResource (everything but one role)",
    principal: () => holder({ Effect: "Allow", Action: "iam:AttachRolePolicy", NotResource: `arn:aws:iam::${ACCOUNT}:role/admin` }),
    admin: false,
    permissionsManagement: true,
    paths: ["iam:AttachRolePolicy"],
    exactPaths: true,
  },
  {
    name: "mixed-case action names",
    principal: () => holder(allow("IAM:createaccesskey")),
    admin: false,
    permissionsManagement: false,
    paths: ["iam:CreateAccessKey"],
    exactPaths: true,
  },
];

describe("policy analyser: real-world policy shapes", () => {
  it.each(CASES)("$name", (c) => {
    const p = c.principal();
    expect(p.problems).toEqual([]);
    expect(fullAdmin(p.permissions).admin).toBe(c.admin);
    expect(pmOnAll(p).length > 0).toBe(c.permissionsManagement);
    const paths = openPaths(p);
    if (c.exactPaths) expect(paths.sort()).toEqual([...c.paths].sort());
    else expect(paths).toEqual(expect.arrayContaining(c.paths));
  });
});

describe("policy analyser: verdict details", () => {
  it("names the AWS-managed policy and the group a user holds it through", () => {
    const d = details({
      users: [user("alice", { groups: ["admins"] })],
      groups: [group("admins", { attached: [admin] })],
      policies: [admin],
    });
    const verdict = fullAdmin(principal(d, "user", "alice").permissions);
    expect(verdict).toMatchObject({ admin: true, via: "wildcard" });
    expect(verdict.grants[0]).toMatchObject({
      policy: {
        kind: "managed",
        name: "AdministratorAccess",
        arn: "arn:aws:iam::aws:policy/AdministratorAccess",
        awsManaged: true,
        viaGroup: "admins",
      },
      statement: "statement #1",
      matchedBy: "*",
      resources: ["*"],
    });
  });

  it("reports the NotAction form of admin access", () => {
    const verdict = fullAdmin(holder({ Sid: "AllButS3", Effect: "Allow", NotAction: ["s3:*"], Resource: "*" }).permissions);
    expect(verdict).toMatchObject({ admin: true, via: "notaction" });
    expect(verdict.grants[0]).toMatchObject({ statement: 'Sid "AllButS3"', matchedBy: 'NotAction ["s3:*"]' });
  });

  it("records the Deny that cancels a grant", () => {
    const v = holder(allow("*"), { Sid: "NoIam", ...deny("iam:*") }).permissions.check("iam:AttachUserPolicy");
    expect(v).toMatchObject({ allowed: false, broad: false, grants: [] });
    expect(v.deniedBy[0]).toMatchObject({ statement: 'Sid "NoIam"', matchedBy: "iam:*" });
  });

  it("an explicit Deny closes exactly the path it names", () => {
    const guarded = holder(allow("*"), deny("iam:CreatePolicyVersion"));
    const paths = openPaths(guarded);
    expect(paths).not.toContain("iam:CreatePolicyVersion");
    expect(paths).toContain("iam:SetDefaultPolicyVersion");
    expect(paths).toHaveLength(ESCALATION_PATHS.length - 1);
  });

  it("a Deny on one ARN does not cancel an Allow on *", () => {
    const v = holder(allow("iam:AttachRolePolicy"), deny("iam:AttachRolePolicy", `arn:aws:iam::${ACCOUNT}:role/admin`)).permissions.check(
      "iam:AttachRolePolicy",
    );
    expect(v).toMatchObject({ allowed: true, broad: true, allResources: true });
  });

  it("a Deny on role/* cancels an Allow on role/app-*", () => {
    const v = holder(
      allow("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/app-*`),
      deny("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/*`),
    ).permissions.check("iam:PassRole");
    expect(v.allowed).toBe(false);
  });

  it("an action on one ARN is allowed but not broad", () => {
    const v = holder(allow("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/lambda-exec`)).permissions.check("iam:PassRole");
    expect(v).toMatchObject({ allowed: true, broad: false, allResources: false });
  });

  it("marks grants that only hold under conditions", () => {
    const p = holder(allow("iam:CreateAccessKey", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }));
    const v = p.permissions.check("iam:CreateAccessKey");
    expect(v).toMatchObject({ allowed: true, conditional: true });
    expect(v.grants[0]?.conditions).toEqual([{ operator: "Bool", key: "aws:multifactorauthpresent", values: ["true"] }]);
  });

  it("the permissions boundary blocks what it does not allow", () => {
    const d = details({ roles: [role("r", undefined, { attached: [admin], boundary: readOnly })], policies: [admin, readOnly] });
    const perms = principal(d, "role", "r").permissions;
    expect(perms.check("iam:AttachRolePolicy")).toMatchObject({ allowed: false, blockedByBoundary: true });
    expect(perms.check("s3:GetObject")).toMatchObject({ allowed: true, allResources: true });
  });

  it("reports policies it cannot resolve or parse as problems", () => {
    const missing = customerManaged("gone", doc(allow("*")));
    const d = details({ users: [user("u", { attached: [missing], inline: { broken: "{not json" } })] });
    const p = principal(d, "user", "u");
    expect(p.problems.map((x) => x.policy)).toEqual(['inline policy "broken"', missing.arn]);
  });

  it("reports a group missing from the details as a problem", () => {
    const p = principal(details({ users: [user("u", { groups: ["ghost"] })] }), "user", "u");
    expect(p.problems).toEqual([{ policy: 'group "ghost"', reason: "the group is not in the authorization details" }]);
  });

  it("flags service-linked roles", () => {
    const d = details({ roles: [role("AWSServiceRoleForSupport", undefined, { path: "/aws-service-role/support.amazonaws.com/" })] });
    expect(principal(d, "role", "AWSServiceRoleForSupport").serviceLinked).toBe(true);
  });

  it("reads URL-encoded documents and single-statement objects", () => {
    const encoded = encodeURIComponent(
      JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "iam:CreateLoginProfile", Resource: "*" } }),
    );
    const p = principal(details({ users: [user("u", { inline: { enc: encoded } })] }), "user", "u");
    expect(openPaths(p)).toEqual(["iam:CreateLoginProfile"]);
  });
});

describe("policy analyser: large accounts", () => {
  const scoped = customerManaged("scoped", doc(allow("s3:GetObject", "arn:aws:s3:::b/*")));
  const d = details({
    users: [
      user("a", { inline: { p: doc(allow("iam:*")) } }),
      user("b", { inline: { p: doc(allow("iam:*")) } }),
      user("c", { inline: { q: doc(allow("iam:*")) } }),
      user("d", { inline: { p: doc(allow("iam:*")) }, groups: ["g"] }),
      user("e", { boundary: scoped }),
    ],
    groups: [group("g", { inline: { p: doc(allow("iam:*")) } })],
    roles: [role("r1", undefined, { attached: [scoped] }), role("r2", undefined, { attached: [scoped] })],
    policies: [scoped],
  });
  const analysis = buildAnalysis(d, catalog);
  const of = (name: string) => analysis.principals.find((p) => p.name === name)!.permissions;

  it("identities holding the same policies share one evaluation of their permissions", () => {
    expect(of("a")).toBe(of("b"));
    expect(of("r1")).toBe(of("r2"));
  });

  it("identities that differ in a policy name, a group or a boundary do not", () => {
    expect(of("c")).not.toBe(of("a"));
    expect(of("d")).not.toBe(of("a"));
    // Holding nothing under a boundary is not holding the boundary's policy.
    expect(of("e")).not.toBe(of("r1"));
    expect(of("e").check("s3:GetObject").allowed).toBe(false);
    expect(of("r1").check("s3:GetObject").allowed).toBe(true);
  });

  it("an action nothing grants has one shared verdict, the same as computed", () => {
    expect(of("a").check("ec2:RunInstances")).toBe(of("r1").check("ec2:RunInstances"));
    expect(of("a").check("ec2:RunInstances")).toEqual({
      action: "ec2:RunInstances",
      allowed: false,
      broad: false,
      allResources: false,
      conditional: false,
      grants: [],
      deniedBy: [],
      blockedByBoundary: false,
    });
  });

  it("broadlyAllowed answers a fresh array each time (callers sort it)", () => {
    const pm = permissionsManagementActions(catalog);
    const first = of("a").broadlyAllowed(pm);
    first.reverse();
    expect(of("a").broadlyAllowed(pm)).not.toBe(first);
    expect(
      of("a")
        .broadlyAllowed(pm)
        .map((v) => v.action),
    ).toEqual([...first].reverse().map((v) => v.action));
  });
});
