import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { JoinedFinding as Finding } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { assume, aws, CUSTOMER_POLICIES, doc, GROUPS, OTHER_ACCOUNT, ROLES, seedIamScenario as seedScenario, USERS } from "./scenario.js";

/** status per resource id for one check, over the given ids. */
const statuses = (report: Report, checkId: string) =>
  Object.fromEntries(report.findings.filter((f) => f.checkId === checkId).map((f) => [f.resource.id, f.status]));
const expected = (fails: string[], ids: string[]) => Object.fromEntries(ids.map((id) => [id, fails.includes(id) ? "FAIL" : "PASS"]));
const finding = (report: Report, checkId: string, resourceId: string): Finding => {
  const f = report.findings.find((x) => x.checkId === checkId && x.resource.id === resourceId);
  if (!f) throw new Error(`no ${checkId} finding for ${resourceId}`);
  return f;
};

describe("IAM end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let iam: IAMClient;
  let dir: string;

  beforeAll(async () => {
    // AWS-managed policies (AdministratorAccess, ReadOnlyAccess, AWSSupportAccess) exist in moto only when asked for.
    moto = await startMoto({ awsManagedPolicies: true });
    iam = new IAMClient(moto.clientConfig());
  });
  afterAll(async () => {
    iam?.destroy();
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-iam-"));
  });

  async function scan(extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
    const out = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
    const run = await runCli(
      ["scan", "--endpoint-url", moto.url, "--regions", "us-east-1", "--services", "iam", "--format", "json", "--output", out, ...extra],
      env,
    );
    let report: Report;
    try {
      report = readReport(out);
    } catch {
      throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
    }
    return { report, code: run.code, stderr: run.stderr };
  }

  it("reports every principal with the right status for every check moto can express", async () => {
    const { carolKey } = await seedScenario(iam);
    // Use carol's first key once: moto records it in the credential report.
    const asCarol = new IAMClient({ ...moto.clientConfig(), credentials: { accessKeyId: carolKey.id, secretAccessKey: carolKey.secret } });
    await asCarol.send(new GetUserCommand({}));
    asCarol.destroy();

    const snapshot = join(dir, "inventory.json");
    const { report, code } = await scan(["--save-snapshot", snapshot]);
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });

    const principals = [...USERS, ...GROUPS, ...ROLES];
    expect(statuses(report, "iam-full-admin")).toEqual(
      expected(["alice", "admins", "deploy-role", "DeployAdmin"], [...principals, ...CUSTOMER_POLICIES]),
    );
    expect(statuses(report, "iam-permissions-management-on-all-resources")).toEqual(
      expected(["alice", "erin", "admins", "deploy-role"], principals),
    );
    expect(statuses(report, "iam-privilege-escalation")).toEqual(expected(["alice", "carol", "erin", "admins", "deploy-role"], principals));
    expect(statuses(report, "iam-role-trust-public")).toEqual(expected(["public-role"], ROLES));
    expect(statuses(report, "iam-role-trust-cross-account-external-id")).toEqual(expected(["vendor-role"], ROLES));
    expect(statuses(report, "iam-user-console-mfa")).toEqual(expected(["alice"], USERS));
    expect(statuses(report, "iam-user-multiple-active-keys")).toEqual(expected(["carol"], USERS));
    expect(statuses(report, "iam-user-direct-policies")).toEqual(expected(["carol", "dave", "erin"], USERS));
    expect(statuses(report, "iam-unused-credentials")).toEqual(expected([], USERS));
    expect(statuses(report, "iam-access-key-rotation")).toEqual(expected([], USERS));
    expect(statuses(report, "iam-support-role")).toEqual({ [TEST_ACCOUNT]: "PASS" });
    expect(statuses(report, "iam-password-policy-exists")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    expect(statuses(report, "iam-password-policy-min-length")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    expect(statuses(report, "iam-password-policy-reuse")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    // moto's account summary always says: no root keys, no root MFA.
    expect(statuses(report, "iam-root-access-keys")).toEqual({ [TEST_ACCOUNT]: "PASS" });
    expect(statuses(report, "iam-root-mfa")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    expect(statuses(report, "iam-root-hardware-mfa")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    // moto's credential report has no <root_account> row: an honest ERROR, and an incomplete scan.
    expect(finding(report, "iam-root-recent-use", TEST_ACCOUNT)).toMatchObject({ status: "ERROR", error: { code: "RootRowMissing" } });
    expect(report.findings.filter((f) => f.status === "ERROR").map((f) => f.checkId)).toEqual(["iam-root-recent-use"]);
    expect(report.scan).toMatchObject({ complete: false, errors: [] });
    expect(code).toBe(3);

    // Responsibility: the AWS-managed policy and the service-linked role are never findings.
    expect(report.findings.some((f) => f.resource.arn.startsWith("arn:aws:iam::aws:policy/"))).toBe(false);
    expect(report.findings.some((f) => f.resource.arn.includes("/aws-service-role/"))).toBe(false);
    expect(
      report.findings.every(
        (f) =>
          f.region === "global" && f.layer === "identity" && report.checks.find((c) => c.id === f.checkId)?.serviceModel === "abstracted",
      ),
    ).toBe(true);

    // Messages and evidence name the exact policy, statement and actions.
    const alice = finding(report, "iam-full-admin", "alice");
    expect(alice).toMatchObject({ severity: "high", resource: { arn: `arn:aws:iam::${TEST_ACCOUNT}:user/alice`, type: "AWS::IAM::User" } });
    expect(alice.message).toContain('AWS-managed policy AdministratorAccess (via group "admins")');
    expect(alice.evidence).toMatchObject({
      via: "wildcard",
      statements: [{ policy: aws("AdministratorAccess"), policyType: "aws-managed", viaGroup: "admins", matchedBy: "*" }],
    });
    expect(finding(report, "iam-full-admin", "DeployAdmin").message).toContain('Sid "Everything"');
    expect(finding(report, "iam-privilege-escalation", "carol")).toMatchObject({
      evidence: {
        paths: [
          {
            path: "iam:PassRole+ec2",
            actions: [
              { action: "iam:PassRole", grantedBy: [{ policy: "launch-anything", statement: 'Sid "PassAndRun"' }] },
              { action: "ec2:RunInstances" },
            ],
          },
        ],
      },
    });
    expect(finding(report, "iam-permissions-management-on-all-resources", "erin").message).toContain("iam:PutUserPolicy");
    expect(finding(report, "iam-role-trust-public", "public-role")).toMatchObject({ severity: "critical" });
    expect(finding(report, "iam-role-trust-cross-account-external-id", "vendor-role")).toMatchObject({
      severity: "medium",
      evidence: { accounts: [OTHER_ACCOUNT] },
    });
    expect(finding(report, "iam-user-multiple-active-keys", "carol").evidence).toMatchObject({
      activeKeys: [
        { slot: 1, lastUsed: expect.any(String) },
        { slot: 2, lastUsed: null },
      ],
    });
    expect(finding(report, "iam-full-admin", "bounded-role").status).toBe("PASS");
    expect(finding(report, "iam-full-admin", "Versioned").status).toBe("PASS");

    // CIS 2.10: dave's key was made with him and never used; carol's keys belong to a user without a password.
    expect(statuses(report, "iam-no-access-keys-at-setup")).toEqual(expected(["dave"], USERS));
    expect(finding(report, "iam-no-access-keys-at-setup", "dave").message).toMatch(
      /^User dave has a console password and access key 1, created [01] s after the user and never used\.$/,
    );
    // FSBP IAM.21: s3:* (on one bucket) and * fail; prefix wildcards and exact actions pass.
    expect(statuses(report, "iam-policy-wildcard-service-actions")).toEqual(expected(["DeployAdmin", "DataLakeAdmin"], CUSTOMER_POLICIES));
    expect(finding(report, "iam-policy-wildcard-service-actions", "DataLakeAdmin")).toMatchObject({
      severity: "low",
      evidence: { attachmentCount: 0, statements: [{ statement: 'Sid "AllOfS3"', actions: ["s3:*"] }] },
    });
    // CIS 2.21: the group that attaches AWSCloudShellFullAccess fails; its member is told where it comes from.
    expect(statuses(report, "iam-cloudshell-full-access")).toEqual(expected(["readers"], principals));
    expect(finding(report, "iam-cloudshell-full-access", "bob")).toMatchObject({ status: "PASS", evidence: { viaGroups: ["readers"] } });
    // CIS 2.18: moto dates every server certificate 2012-05-08.
    expect(finding(report, "iam-server-certificates-expired", "legacy-www")).toMatchObject({
      status: "FAIL",
      resource: { arn: `arn:aws:iam::${TEST_ACCOUNT}:server-certificate/cloudfront/legacy-www`, type: "AWS::IAM::ServerCertificate" },
      evidence: { expiresAt: "2012-05-08T01:02:03.004Z" },
    });

    // Issue 12: FSBP IAM.7 in full, administrators without MFA, trust in depth, federation.
    expect(statuses(report, "iam-password-policy-complexity")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    expect(statuses(report, "iam-password-policy-expiry")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
    expect(statuses(report, "iam-admin-console-mfa")).toEqual(expected(["alice"], USERS));
    expect(finding(report, "iam-admin-console-mfa", "alice")).toMatchObject({
      severity: "high",
      evidence: { administrative: "full-admin" },
    });
    // Off by default (privilegedUsersRequireHardwareMfa).
    expect(statuses(report, "iam-privileged-user-hardware-mfa")).toEqual({});
    expect(statuses(report, "iam-policy-assume-role-any")).toEqual(expected(["alice", "admins", "deploy-role"], principals));
    expect(statuses(report, "iam-role-trust-service-confused-deputy")).toEqual(expected(["deploy-role", "versioned-role"], ROLES));
    expect(finding(report, "iam-role-trust-service-confused-deputy", "deploy-role").message).toBe(
      "Role deploy-role lets codebuild.amazonaws.com assume it without aws:SourceAccount or aws:SourceArn (statement #1).",
    );
    expect(statuses(report, "iam-role-cross-account-broad-read")).toEqual(expected(["vendor-ext-role"], ROLES));
    expect(finding(report, "iam-role-cross-account-broad-read", "vendor-ext-role")).toMatchObject({
      severity: "medium",
      evidence: { accounts: [OTHER_ACCOUNT], share: expect.any(Number) },
    });
    expect(finding(report, "iam-role-cross-account-broad-read", "vendor-ext-role").evidence.share as number).toBeGreaterThan(0.5);
    expect(statuses(report, "iam-federation-long-lived-keys")).toEqual({ [TEST_ACCOUNT]: "PASS", ...expected(["carol", "dave"], USERS) });
    expect(finding(report, "iam-federation-long-lived-keys", TEST_ACCOUNT).message).toBe(
      "The account federates sign-in through 2 identity provider(s): SAML AWSSSO_0123456789abcdef_DO_NOT_DELETE, OIDC token.actions.githubusercontent.com.",
    );

    // A fixed number of IAM calls: nothing per user, group, role or policy.
    expect(Object.fromEntries(Object.entries(report.scan.stats.calls).filter(([k]) => k.startsWith("iam:")))).toEqual({
      "iam:GenerateCredentialReport": 2, // moto answers STARTED, then COMPLETE
      "iam:GetAccountAuthorizationDetails": 1,
      "iam:GetAccountPasswordPolicy": 1,
      "iam:GetAccountSummary": 1,
      "iam:GetCredentialReport": 1,
      "iam:ListOpenIDConnectProviders": 1,
      "iam:ListSAMLProviders": 1,
      "iam:ListServerCertificates": 1,
      "iam:ListVirtualMFADevices": 1,
    });

    // The same inventory, evaluated as if 50 and then 100 days had passed: age-based checks turn
    // (only the checks asserted below are evaluated, to keep the test quick).
    const TIME_CHECKS = "iam-unused-credentials,iam-access-key-rotation,iam-full-admin,iam-server-certificates-expired";
    const inventory = JSON.parse(readFileSync(snapshot, "utf8")) as Inventory;
    const later = async (days: number) => {
      const shifted = join(dir, `inventory-plus-${days}.json`);
      writeFileSync(
        shifted,
        JSON.stringify({ ...inventory, collectedAt: new Date(Date.parse(inventory.collectedAt) + days * 86_400_000).toISOString() }),
      );
      return (await scan(["--from-snapshot", shifted, "--checks", TIME_CHECKS])).report;
    };
    const plus50 = await later(50);
    expect(statuses(plus50, "iam-unused-credentials")).toEqual(expected(["alice", "bob", "carol", "dave"], USERS));
    expect(finding(plus50, "iam-unused-credentials", "carol").message).toBe(
      "User carol has credentials unused for 45+ days: access key 1 last used 50 days ago; access key 2 never used, set 50 days ago.",
    );
    expect(statuses(plus50, "iam-access-key-rotation")).toEqual(expected([], USERS));
    const plus100 = await later(100);
    expect(statuses(plus100, "iam-access-key-rotation")).toEqual(expected(["carol", "dave"], USERS));
    // Policy verdicts do not depend on time.
    expect(statuses(plus100, "iam-full-admin")).toEqual(statuses(report, "iam-full-admin"));
    // Certificate expiry is judged against the inventory's collection time: before 2012-05-08 the certificate was valid.
    const before = join(dir, "inventory-2012.json");
    writeFileSync(before, JSON.stringify({ ...inventory, collectedAt: "2012-01-01T00:00:00.000Z" }));
    const in2012 = (await scan(["--from-snapshot", before, "--checks", TIME_CHECKS])).report;
    expect(finding(in2012, "iam-server-certificates-expired", "legacy-www")).toMatchObject({
      status: "PASS",
      message: "Server certificate legacy-www is valid until 2012-05-08T01:02:03.004Z.",
    });
  });

  it("keeps the call count flat as principals are added", async () => {
    await seedScenario(iam);
    for (let i = 0; i < 25; i++) {
      await iam.send(new CreateUserCommand({ UserName: `extra-user-${i}` }));
      await iam.send(
        new CreateRoleCommand({ RoleName: `extra-role-${i}`, AssumeRolePolicyDocument: assume({ Service: "lambda.amazonaws.com" }) }),
      );
    }
    const { report } = await scan();
    expect(report.findings.filter((f) => f.checkId === "iam-full-admin" && f.resource.type === "AWS::IAM::User")).toHaveLength(
      USERS.length + 25,
    );
    const iamCalls = Object.entries(report.scan.stats.calls)
      .filter(([k]) => k.startsWith("iam:"))
      .reduce((n, [, v]) => n + v, 0);
    expect(iamCalls).toBe(10); // one call per IAM slice (GenerateCredentialReport twice)
  });

  it("passes the password policy checks when the policy is strict, and fails a weak one on the right setting", async () => {
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        PasswordReusePrevention: 24,
        RequireSymbols: true,
        RequireNumbers: true,
      }),
    );
    const strict = (await scan(["--checks", "iam-password-policy-exists,iam-password-policy-min-length,iam-password-policy-reuse"])).report;
    expect(strict.findings.map((f) => [f.checkId, f.status])).toEqual([
      ["iam-password-policy-exists", "PASS"],
      ["iam-password-policy-min-length", "PASS"],
      ["iam-password-policy-reuse", "PASS"],
    ]);
    expect(strict.scan.stats.calls).toEqual({ "iam:GetAccountPasswordPolicy": 1, "sts:GetCallerIdentity": 1 });

    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 5 }));
    const { report: weak, code } = await scan([
      "--checks",
      "iam-password-policy-exists,iam-password-policy-min-length,iam-password-policy-reuse",
    ]);
    expect(weak.findings.map((f) => [f.checkId, f.status])).toEqual([
      ["iam-password-policy-exists", "PASS"],
      ["iam-password-policy-min-length", "FAIL"],
      ["iam-password-policy-reuse", "FAIL"],
    ]);
    expect(finding(weak, "iam-password-policy-min-length", TEST_ACCOUNT).message).toBe(
      "The password policy requires only 8 characters (MinimumPasswordLength 8 < 14).",
    );
    expect(weak.scan.complete).toBe(true);
    expect(code).toBe(1);
  });

  it("fails the support-role check in an account without one", async () => {
    await iam.send(new CreateRoleCommand({ RoleName: "plain", AssumeRolePolicyDocument: assume({ Service: "lambda.amazonaws.com" }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: "plain", PolicyArn: aws("ReadOnlyAccess") }));
    const { report } = await scan(["--checks", "iam-support-role"]);
    expect(report.findings).toMatchObject([
      { checkId: "iam-support-role", status: "FAIL", resource: { id: TEST_ACCOUNT, type: "AWS::::Account" } },
    ]);
  });

  it("reports ERROR, not PASS, for the checks whose data the scanner may not read (real IAM enforcement)", async () => {
    await seedScenario(iam);
    // A scanner identity allowed everything the IAM checks read except GetAccountAuthorizationDetails.
    await iam.send(new CreateUserCommand({ UserName: "scanner" }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "scanner",
        PolicyName: "almost-audit",
        PolicyDocument: doc({
          Effect: "Allow",
          Action: [
            "sts:GetCallerIdentity",
            "iam:GetAccountSummary",
            "iam:GetAccountPasswordPolicy",
            "iam:GenerateCredentialReport",
            "iam:GetCredentialReport",
            "iam:ListVirtualMFADevices",
            "iam:ListServerCertificates",
            "iam:ListSAMLProviders",
            "iam:ListOpenIDConnectProviders",
          ],
          Resource: "*",
        }),
      }),
    );
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: "scanner" }));
    await moto.setAuth(0);
    try {
      const { report, code } = await scan([], {
        AWS_ACCESS_KEY_ID: key.AccessKey?.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: key.AccessKey?.SecretAccessKey,
      });
      expect(code).toBe(3);
      expect(report.scan.errors).toMatchObject([{ service: "iam", operation: "GetAccountAuthorizationDetails", code: "AccessDenied" }]);
      const byCheck = (id: string) => report.findings.filter((f) => f.checkId === id);
      for (const id of [
        "iam-full-admin",
        "iam-permissions-management-on-all-resources",
        "iam-privilege-escalation",
        "iam-role-trust-public",
        "iam-role-trust-cross-account-external-id",
        "iam-user-direct-policies",
        "iam-support-role",
        "iam-policy-wildcard-service-actions",
        "iam-cloudshell-full-access",
        "iam-policy-assume-role-any",
        "iam-role-trust-service-confused-deputy",
        "iam-role-cross-account-broad-read",
      ]) {
        expect(byCheck(id), id).toMatchObject([
          { status: "ERROR", resource: { id: TEST_ACCOUNT }, error: { operation: "GetAccountAuthorizationDetails", code: "AccessDenied" } },
        ]);
      }
      // What could be read is still evaluated.
      expect(statuses(report, "iam-user-console-mfa")).toMatchObject({ alice: "FAIL", bob: "PASS" });
      expect(statuses(report, "iam-password-policy-exists")).toEqual({ [TEST_ACCOUNT]: "FAIL" });
      // Only alice's verdict needs her permissions (a console password without MFA): ERROR for her alone.
      expect(statuses(report, "iam-admin-console-mfa")).toEqual({
        alice: "ERROR",
        bob: "PASS",
        carol: "PASS",
        dave: "PASS",
        erin: "PASS",
        scanner: "PASS",
      });
    } finally {
      await moto.setAuth(Infinity);
    }
  });
});
