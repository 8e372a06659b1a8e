import { describe, expect, it } from "vitest";
import type { Check } from "../../../src/check.js";
import type { IamAuthorizationDetails } from "../../../src/inventory/iam.js";
import type { Outcome } from "../../../src/results.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";
import fullAdmin from "../../../checks/iam/full-admin.js";
import permissionsManagement from "../../../checks/iam/permissions-management.js";
import privilegeEscalation from "../../../checks/iam/privilege-escalation.js";
import roleTrustExternalId from "../../../checks/iam/role-trust-external-id.js";
import roleTrustPublic from "../../../checks/iam/role-trust-public.js";
import supportRole from "../../../checks/iam/support-role.js";
import userDirectPolicies from "../../../checks/iam/user-direct-policies.js";
import {
  ACCOUNT,
  allow,
  awsManaged,
  customerManaged,
  details,
  doc,
  group,
  inventory,
  ok,
  OTHER_ACCOUNT,
  role,
  trustAccount,
  user,
} from "../../fixtures/iam/builders.js";

const run = (check: Check, d: IamAuthorizationDetails): Outcome[] =>
  check.evaluate(inventory({ authorizationDetails: ok(d) }), { settings: DEFAULT_SETTINGS });
const statusById = (outcomes: Outcome[]) =>
  Object.fromEntries(outcomes.map((o) => [`${o.resource.type.replace("AWS::IAM::", "")}:${o.resource.id}`, o.status]));
const find = (outcomes: Outcome[], id: string) => {
  const o = outcomes.find((x) => x.resource.id === id);
  if (!o) throw new Error(`no outcome for ${id}`);
  return o;
};

const admin = awsManaged("AdministratorAccess");
const readOnly = awsManaged("ReadOnlyAccess");
const support = awsManaged("AWSSupportAccess");
const customAdmin = customerManaged("ops-admin", doc({ Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" }));
const customNarrow = customerManaged("s3-reader", doc(allow("s3:GetObject", "arn:aws:s3:::reports/*")));
const slr = role(
  "AWSServiceRoleForSupport",
  doc({ Effect: "Allow", Principal: { Service: "support.amazonaws.com" }, Action: "sts:AssumeRole" }),
  {
    path: "/aws-service-role/support.amazonaws.com/",
    attached: [admin],
  },
);

const scenario = details({
  users: [
    user("alice", { groups: ["admins"] }),
    user("bob", { attached: [readOnly] }),
    user("carol", { inline: { "pass-any-role": doc(allow(["iam:PassRole", "ec2:RunInstances"])) } }),
    user("dave", { inline: { "put-policies": doc(allow("iam:Put*Policy")) } }),
    user("erin", { attached: [customNarrow] }),
  ],
  groups: [group("admins", { attached: [admin] }), group("readers", { attached: [readOnly] })],
  roles: [role("deploy", trustAccount(), { attached: [customAdmin] }), role("app", trustAccount(), { attached: [customNarrow] }), slr],
  policies: [admin, readOnly, customAdmin, customNarrow],
});

describe("iam-full-admin", () => {
  const outcomes = run(fullAdmin, scenario);

  it("fails identities that hold * on *, and passes the rest", () => {
    expect(statusById(outcomes)).toEqual({
      "User:alice": "FAIL",
      "User:bob": "PASS",
      "User:carol": "PASS",
      "User:dave": "PASS",
      "User:erin": "PASS",
      "Group:admins": "FAIL",
      "Group:readers": "PASS",
      "Role:deploy": "FAIL",
      "Role:app": "PASS",
      "Policy:ops-admin": "FAIL",
      "Policy:s3-reader": "PASS",
    });
  });

  it("never reports an AWS-managed policy itself, nor a service-linked role", () => {
    expect(outcomes.some((o) => o.resource.arn.startsWith("arn:aws:iam::aws:policy/"))).toBe(false);
    expect(outcomes.some((o) => o.resource.id === "AWSServiceRoleForSupport")).toBe(false);
  });

  it("names the policy, statement and group in message and evidence", () => {
    const alice = find(outcomes, "alice");
    expect(alice.message).toBe(
      'User alice is a full administrator through AWS-managed policy AdministratorAccess (via group "admins"), statement #1 (Action "*" on Resource ["*"]).',
    );
    expect(alice.evidence).toEqual({
      via: "wildcard",
      statements: [
        {
          policy: "arn:aws:iam::aws:policy/AdministratorAccess",
          policyType: "aws-managed",
          viaGroup: "admins",
          versionId: "v1",
          statement: "statement #1",
          matchedBy: "*",
          resources: ["*"],
        },
      ],
    });
    const policy = find(outcomes, "ops-admin");
    expect(policy.resource).toEqual({ arn: `arn:aws:iam::${ACCOUNT}:policy/ops-admin`, id: "ops-admin", type: "AWS::IAM::Policy" });
    expect(policy.message).toContain('Sid "Everything"');
  });

  it("reports ERROR for an identity whose policy could not be resolved (instead of a guessed PASS)", () => {
    const missing = customerManaged("gone", doc(allow("s3:GetObject")));
    const out = run(fullAdmin, details({ users: [user("frank", { attached: [missing] })] }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ status: "ERROR", error: { code: "PolicyUnreadable", resource: `arn:aws:iam::${ACCOUNT}:user/frank` } });
  });

  it("still FAILs an identity whose other policies make it an admin", () => {
    const missing = customerManaged("gone", doc(allow("s3:GetObject")));
    const out = run(fullAdmin, details({ users: [user("frank", { attached: [missing, admin] })], policies: [admin] }));
    expect(out[0]?.status).toBe("FAIL");
  });

  it("reports ERROR for a customer-managed policy whose document is unreadable", () => {
    const broken = customerManaged("broken", "{not json");
    const out = run(fullAdmin, details({ policies: [broken] }));
    expect(out).toMatchObject([{ status: "ERROR", resource: { id: "broken" }, error: { code: "PolicyUnreadable" } }]);
  });
});

describe("iam-permissions-management-on-all-resources", () => {
  const outcomes = run(permissionsManagement, scenario);

  it("fails identities with permissions-management actions on broad resources", () => {
    expect(statusById(outcomes)).toEqual({
      "User:alice": "FAIL",
      "User:bob": "PASS",
      "User:carol": "PASS",
      "User:dave": "FAIL",
      "User:erin": "PASS",
      "Group:admins": "FAIL",
      "Group:readers": "PASS",
      "Role:deploy": "FAIL",
      "Role:app": "PASS",
    });
  });

  it("names the actions and the statement granting them", () => {
    const dave = find(outcomes, "dave");
    expect(dave.message).toBe(
      'User dave may manage permissions on all resources: iam:PutGroupPolicy, iam:PutRolePolicy, iam:PutUserPolicy (3 action(s)), granted by inline policy "put-policies", statement #1 (on Resource ["*"]).',
    );
    expect(dave.evidence).toMatchObject({
      actionCount: 3,
      actions: [
        { action: "iam:PutGroupPolicy", grantedBy: [{ policy: "put-policies", policyType: "inline", matchedBy: "iam:Put*Policy" }] },
        {},
        {},
      ],
    });
  });

  it("does not count permissions management scoped to named resources", () => {
    const scoped = details({
      users: [user("gina", { inline: { p: doc(allow("iam:PutRolePolicy", `arn:aws:iam::${ACCOUNT}:role/app-*`)) } })],
    });
    expect(run(permissionsManagement, scoped)[0]?.status).toBe("PASS");
  });
});

describe("iam-privilege-escalation", () => {
  const outcomes = run(privilegeEscalation, scenario);

  it("fails identities with an open escalation path", () => {
    expect(statusById(outcomes)).toEqual({
      "User:alice": "FAIL",
      "User:bob": "PASS",
      "User:carol": "FAIL",
      "User:dave": "FAIL",
      "User:erin": "PASS",
      "Group:admins": "FAIL",
      "Group:readers": "PASS",
      "Role:deploy": "FAIL",
      "Role:app": "PASS",
    });
  });

  it("names the path and the statement", () => {
    const carol = find(outcomes, "carol");
    expect(carol.message).toBe(
      'User carol can escalate its privileges via iam:PassRole+ec2, granted by inline policy "pass-any-role", statement #1 (on Resource ["*"]).',
    );
    expect(carol.evidence).toMatchObject({
      paths: [{ path: "iam:PassRole+ec2", actions: [{ action: "iam:PassRole" }, { action: "ec2:RunInstances" }] }],
    });
  });
});

describe("role trust checks", () => {
  const trustScenario = details({
    roles: [
      role("open", doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" })),
      role(
        "org-only",
        doc({
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
        }),
      ),
      role("vendor", trustAccount(OTHER_ACCOUNT)),
      role("vendor-ext", trustAccount(OTHER_ACCOUNT, { Condition: { StringEquals: { "sts:ExternalId": "42" } } })),
      role("lambda"),
      role("local", trustAccount()),
      role("AWSServiceRoleForX", doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }), {
        path: "/aws-service-role/x.amazonaws.com/",
      }),
      { ...role("broken"), trustPolicy: "{" },
    ],
  });

  it("iam-role-trust-public fails roles anyone can assume", () => {
    const outcomes = run(roleTrustPublic, trustScenario);
    expect(statusById(outcomes)).toEqual({
      "Role:open": "FAIL",
      "Role:org-only": "PASS",
      "Role:vendor": "PASS",
      "Role:vendor-ext": "PASS",
      "Role:lambda": "PASS",
      "Role:local": "PASS",
      "Role:broken": "ERROR",
    });
    expect(find(outcomes, "open").message).toBe(
      'Role open can be assumed by anyone: its trust policy statement #1 allows Principal {"AWS":["*"]} without any condition.',
    );
  });

  it("iam-role-trust-cross-account-external-id fails other-account trust without an ExternalId", () => {
    const outcomes = run(roleTrustExternalId, trustScenario);
    expect(statusById(outcomes)).toEqual({
      "Role:open": "PASS",
      "Role:org-only": "PASS",
      "Role:vendor": "FAIL",
      "Role:vendor-ext": "PASS",
      "Role:lambda": "PASS",
      "Role:local": "PASS",
      "Role:broken": "ERROR",
    });
    expect(find(outcomes, "vendor").message).toBe(
      `Role vendor trusts account(s) ${OTHER_ACCOUNT} without an sts:ExternalId condition (statement #1: arn:aws:iam::${OTHER_ACCOUNT}:root).`,
    );
    expect(find(outcomes, "vendor").evidence).toMatchObject({ accounts: [OTHER_ACCOUNT] });
  });
});

describe("iam-user-direct-policies", () => {
  it("fails users with inline or attached policies; passes users with group permissions only", () => {
    const outcomes = run(userDirectPolicies, scenario);
    expect(statusById(outcomes)).toEqual({
      "User:alice": "PASS",
      "User:bob": "FAIL",
      "User:carol": "FAIL",
      "User:dave": "FAIL",
      "User:erin": "FAIL",
    });
    expect(find(outcomes, "bob").message).toBe("User bob has policies attached directly: managed policy ReadOnlyAccess.");
    expect(find(outcomes, "carol").evidence).toEqual({ attachedPolicies: [], inlinePolicies: ["pass-any-role"] });
  });
});

describe("iam-support-role", () => {
  it("passes when a customer role holds AWSSupportAccess", () => {
    const out = run(supportRole, details({ roles: [role("support", trustAccount(), { attached: [support] })], policies: [support] }));
    expect(out).toMatchObject([
      { status: "PASS", resource: { type: "AWS::::Account", id: ACCOUNT }, message: "Role(s) support hold AWSSupportAccess." },
    ]);
  });

  it("fails when none does (a service-linked role does not count)", () => {
    const linked = role("AWSServiceRoleForSupport", trustAccount(), {
      path: "/aws-service-role/support.amazonaws.com/",
      attached: [support],
    });
    const out = run(
      supportRole,
      details({ roles: [linked, role("other", trustAccount(), { attached: [readOnly] })], policies: [support, readOnly] }),
    );
    expect(out).toMatchObject([{ status: "FAIL", message: "No role has the AWSSupportAccess policy attached." }]);
  });
});
