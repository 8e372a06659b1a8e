import { describe, expect, it } from "vitest";
import type { Check } from "../../../src/check.js";
import type { CredentialReportEntry, IamInventory } from "../../../src/inventory/iam.js";
import type { Outcome } from "../../../src/results.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";
import accessKeyRotation from "../../../checks/iam/access-key-rotation.js";
import multipleActiveKeys from "../../../checks/iam/multiple-active-keys.js";
import passwordPolicyExists from "../../../checks/iam/password-policy-exists.js";
import passwordPolicyLength from "../../../checks/iam/password-policy-length.js";
import passwordPolicyReuse from "../../../checks/iam/password-policy-reuse.js";
import rootAccessKeys from "../../../checks/iam/root-access-keys.js";
import rootHardwareMfa from "../../../checks/iam/root-hardware-mfa.js";
import rootMfa from "../../../checks/iam/root-mfa.js";
import rootRecentUse from "../../../checks/iam/root-recent-use.js";
import unusedCredentials from "../../../checks/iam/unused-credentials.js";
import userConsoleMfa from "../../../checks/iam/user-console-mfa.js";
import type { IamPasswordPolicy } from "../../../src/inventory/iam.js";
import { ACCOUNT, activeKey, daysBefore, failedRead, inventory, noKey, NOW, ok, reportEntry } from "../../fixtures/iam/builders.js";

const run = (check: Check, iam: IamInventory, settings = DEFAULT_SETTINGS): Outcome[] => check.evaluate(inventory(iam), { settings });
const report = (...entries: CredentialReportEntry[]): IamInventory => ({ credentialReport: ok({ generatedAt: NOW, entries }) });
const statusByUser = (outcomes: Outcome[]) => Object.fromEntries(outcomes.map((o) => [o.resource.id, o.status]));
const one = (outcomes: Outcome[]): Outcome => {
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

const root = (overrides: Partial<CredentialReportEntry> = {}) => reportEntry("<root_account>", overrides);

describe("iam-user-console-mfa", () => {
  const outcomes = run(
    userConsoleMfa,
    report(
      root({ mfaActive: false }),
      reportEntry("console-no-mfa", { passwordEnabled: true, mfaActive: false }),
      reportEntry("console-mfa", { passwordEnabled: true, mfaActive: true }),
      reportEntry("api-only", { passwordEnabled: false, accessKeys: [activeKey(1, daysBefore(10)), noKey(2)] }),
    ),
  );

  it("fails console users without MFA, passes the others, skips root", () => {
    expect(statusByUser(outcomes)).toEqual({ "console-no-mfa": "FAIL", "console-mfa": "PASS", "api-only": "PASS" });
    const f = outcomes.find((o) => o.status === "FAIL")!;
    expect(f.resource).toEqual({ arn: `arn:aws:iam::${ACCOUNT}:user/console-no-mfa`, id: "console-no-mfa", type: "AWS::IAM::User" });
    expect(f.region).toBe("global");
    expect(f.evidence).toEqual({ passwordEnabled: true, mfaActive: false, passwordLastUsed: null });
  });
});

describe("iam-unused-credentials (45 days)", () => {
  const outcomes = run(
    unusedCredentials,
    report(
      root(),
      reportEntry("stale-password", { passwordEnabled: true, passwordLastUsed: daysBefore(60), passwordLastChanged: daysBefore(200) }),
      reportEntry("never-signed-in", { passwordEnabled: true, passwordLastUsed: null, passwordLastChanged: daysBefore(50) }),
      reportEntry("new-password", { passwordEnabled: true, passwordLastUsed: null, passwordLastChanged: daysBefore(3) }),
      reportEntry("active-user", {
        passwordEnabled: true,
        passwordLastUsed: daysBefore(1),
        accessKeys: [activeKey(1, daysBefore(300), daysBefore(2)), noKey(2)],
      }),
      reportEntry("stale-key", { accessKeys: [activeKey(1, daysBefore(100), daysBefore(46)), noKey(2)] }),
      reportEntry("unused-key", { accessKeys: [activeKey(1, daysBefore(45)), noKey(2)] }),
      reportEntry("inactive-old-key", { accessKeys: [{ ...activeKey(1, daysBefore(400)), active: false }, noKey(2)] }),
      reportEntry("no-credentials"),
    ),
  );

  it("fails enabled credentials unused (or never used) for 45 days or more", () => {
    expect(statusByUser(outcomes)).toEqual({
      "stale-password": "FAIL",
      "never-signed-in": "FAIL",
      "new-password": "PASS",
      "active-user": "PASS",
      "stale-key": "FAIL",
      "unused-key": "FAIL",
      "inactive-old-key": "PASS",
      "no-credentials": "PASS",
    });
  });

  it("says which credential and how old", () => {
    const msg = (id: string) => outcomes.find((o) => o.resource.id === id)!.message;
    expect(msg("stale-password")).toBe("User stale-password has credentials unused for 45+ days: password last used 60 days ago.");
    expect(msg("never-signed-in")).toBe("User never-signed-in has credentials unused for 45+ days: password never used, set 50 days ago.");
    expect(msg("unused-key")).toBe("User unused-key has credentials unused for 45+ days: access key 1 never used, set 45 days ago.");
  });

  it("follows the unusedCredentialDays setting and measures from the inventory's collection time", () => {
    const strict = run(unusedCredentials, report(reportEntry("u", { passwordEnabled: true, passwordLastUsed: daysBefore(20) })), {
      ...DEFAULT_SETTINGS,
      unusedCredentialDays: 15,
    });
    expect(one(strict).status).toBe("FAIL");
    const later = unusedCredentials.evaluate(
      inventory(report(reportEntry("u", { passwordEnabled: true, passwordLastUsed: daysBefore(20) })), daysBefore(-30)),
      { settings: DEFAULT_SETTINGS },
    );
    expect(one(later).status).toBe("FAIL");
  });
});

describe("iam-user-multiple-active-keys", () => {
  it("fails users with two active keys", () => {
    const outcomes = run(
      multipleActiveKeys,
      report(
        reportEntry("two", { accessKeys: [activeKey(1, daysBefore(5)), activeKey(2, daysBefore(1))] }),
        reportEntry("one-active-one-inactive", {
          accessKeys: [activeKey(1, daysBefore(5)), { ...activeKey(2, daysBefore(100)), active: false }],
        }),
        reportEntry("none"),
      ),
    );
    expect(statusByUser(outcomes)).toEqual({ two: "FAIL", "one-active-one-inactive": "PASS", none: "PASS" });
    expect(outcomes[0]?.message).toBe("User two has 2 active access keys.");
  });
});

describe("iam-access-key-rotation (90 days)", () => {
  it("fails active keys older than 90 days; inactive old keys do not count", () => {
    const outcomes = run(
      accessKeyRotation,
      report(
        reportEntry("old", { accessKeys: [activeKey(1, daysBefore(120), daysBefore(1)), activeKey(2, daysBefore(10))] }),
        reportEntry("edge", { accessKeys: [activeKey(1, daysBefore(90)), noKey(2)] }),
        reportEntry("fresh", { accessKeys: [activeKey(1, daysBefore(89)), noKey(2)] }),
        reportEntry("inactive", { accessKeys: [{ ...activeKey(1, daysBefore(500)), active: false }, noKey(2)] }),
      ),
    );
    expect(statusByUser(outcomes)).toEqual({ old: "FAIL", edge: "FAIL", fresh: "PASS", inactive: "PASS" });
    expect(outcomes[0]?.message).toBe("User old has active access key(s) not rotated for 90+ days: key 1 is 120 days old.");
  });
});

describe("root user checks", () => {
  it("iam-root-access-keys reads AccountAccessKeysPresent", () => {
    expect(one(run(rootAccessKeys, { accountSummary: ok({ AccountAccessKeysPresent: 1 }) }))).toMatchObject({
      status: "FAIL",
      resource: { arn: `arn:aws:::${ACCOUNT}`, type: "AWS::::Account" },
    });
    expect(one(run(rootAccessKeys, { accountSummary: ok({ AccountAccessKeysPresent: 0 }) })).status).toBe("PASS");
    expect(one(run(rootAccessKeys, { accountSummary: ok({ Users: 3 }) }))).toMatchObject({
      status: "ERROR",
      error: { code: "MissingField" },
    });
  });

  it("iam-root-mfa reads AccountMFAEnabled", () => {
    expect(one(run(rootMfa, { accountSummary: ok({ AccountMFAEnabled: 0 }) })).status).toBe("FAIL");
    expect(one(run(rootMfa, { accountSummary: ok({ AccountMFAEnabled: 1 }) })).status).toBe("PASS");
  });

  it("iam-root-hardware-mfa tells virtual from hardware MFA", () => {
    const virtualRoot = { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, userArn: `arn:aws:iam::${ACCOUNT}:root` };
    const userDevice = {
      serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`,
      userArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      userName: "alice",
    };
    const withMfa = ok({ AccountMFAEnabled: 1 });
    expect(one(run(rootHardwareMfa, { accountSummary: withMfa, virtualMfaDevices: ok([virtualRoot, userDevice]) }))).toMatchObject({
      status: "FAIL",
      message: `The root user's MFA is a virtual device (arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device).`,
    });
    expect(one(run(rootHardwareMfa, { accountSummary: withMfa, virtualMfaDevices: ok([userDevice]) })).status).toBe("PASS");
    expect(one(run(rootHardwareMfa, { accountSummary: ok({ AccountMFAEnabled: 0 }), virtualMfaDevices: ok([]) })).status).toBe("FAIL");
  });

  it("iam-root-hardware-mfa needs the device list only when root has MFA", () => {
    const noList = failedRead<never>("ListVirtualMFADevices");
    expect(one(run(rootHardwareMfa, { accountSummary: ok({ AccountMFAEnabled: 0 }), virtualMfaDevices: noList })).status).toBe("FAIL");
    expect(one(run(rootHardwareMfa, { accountSummary: ok({ AccountMFAEnabled: 1 }), virtualMfaDevices: noList }))).toMatchObject({
      status: "ERROR",
      error: { operation: "ListVirtualMFADevices", code: "AccessDenied" },
    });
  });

  it("iam-root-recent-use reads the <root_account> row", () => {
    const recent = run(
      rootRecentUse,
      report(root({ passwordLastUsed: daysBefore(40), accessKeys: [activeKey(1, daysBefore(400), daysBefore(2)), noKey(2)] })),
    );
    expect(one(recent)).toMatchObject({
      status: "FAIL",
      message: `The root user's access key 1 was used 2 day(s) ago (${daysBefore(2)}), within the last 30 days.`,
    });
    expect(one(run(rootRecentUse, report(root({ passwordLastUsed: daysBefore(31) })))).status).toBe("PASS");
    expect(one(run(rootRecentUse, report(root()))).message).toBe("The root user has no recorded use.");
  });

  it("iam-root-recent-use reports ERROR when the report has no root row", () => {
    expect(one(run(rootRecentUse, report(reportEntry("alice"))))).toMatchObject({ status: "ERROR", error: { code: "RootRowMissing" } });
  });
});

describe("password policy checks", () => {
  const policy = (p: Partial<IamPasswordPolicy>): IamInventory => ({
    passwordPolicy: ok({
      requireSymbols: true,
      requireNumbers: true,
      requireUppercase: true,
      requireLowercase: true,
      allowUsersToChange: true,
      expirePasswords: false,
      ...p,
    }),
  });
  const none: IamInventory = { passwordPolicy: ok(null) };

  it("iam-password-policy-exists: no policy (NoSuchEntity) is a FAIL, not an ERROR", () => {
    expect(one(run(passwordPolicyExists, none))).toMatchObject({ status: "FAIL", resource: { type: "AWS::::Account" } });
    expect(one(run(passwordPolicyExists, policy({ minimumLength: 8 }))).status).toBe("PASS");
  });

  it("iam-password-policy-min-length", () => {
    expect(one(run(passwordPolicyLength, policy({ minimumLength: 14 }))).status).toBe("PASS");
    expect(one(run(passwordPolicyLength, policy({ minimumLength: 12 })))).toMatchObject({
      status: "FAIL",
      message: "The password policy requires only 12 characters (MinimumPasswordLength 12 < 14).",
    });
    expect(one(run(passwordPolicyLength, none)).status).toBe("FAIL");
    expect(one(run(passwordPolicyLength, policy({ minimumLength: 12 }), { ...DEFAULT_SETTINGS, minimumPasswordLength: 12 })).status).toBe(
      "PASS",
    );
  });

  it("iam-password-policy-reuse", () => {
    expect(one(run(passwordPolicyReuse, policy({ reusePrevention: 24 }))).status).toBe("PASS");
    expect(one(run(passwordPolicyReuse, policy({ reusePrevention: 5 }))).status).toBe("FAIL");
    expect(one(run(passwordPolicyReuse, policy({}))).message).toBe(
      "The password policy does not prevent password reuse (required: last 24 remembered).",
    );
    expect(one(run(passwordPolicyReuse, none)).status).toBe("FAIL");
  });
});
