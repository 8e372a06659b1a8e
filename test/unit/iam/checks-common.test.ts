import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "../../../src/check.js";
import { evaluate } from "../../../src/engine.js";
import { IAM_SLICES, type IamInventory } from "../../../src/inventory/iam.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";
import { iamChecks } from "../../../checks/iam/index.js";
import { failedRead, inventory } from "../../fixtures/iam/builders.js";

const everySliceFailed: IamInventory = {
  authorizationDetails: failedRead("GetAccountAuthorizationDetails"),
  accountSummary: failedRead("GetAccountSummary"),
  passwordPolicy: failedRead("GetAccountPasswordPolicy"),
  credentialReport: failedRead("GetCredentialReport"),
  virtualMfaDevices: failedRead("ListVirtualMFADevices"),
};

describe("IAM check catalogue", () => {
  it("has the checks issue 3 asks for, with unique ids", () => {
    const ids = iamChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "iam-full-admin",
      "iam-permissions-management-on-all-resources",
      "iam-privilege-escalation",
      "iam-role-trust-public",
      "iam-role-trust-cross-account-external-id",
      "iam-root-access-keys",
      "iam-root-mfa",
      "iam-root-hardware-mfa",
      "iam-root-recent-use",
      "iam-user-console-mfa",
      "iam-unused-credentials",
      "iam-user-multiple-active-keys",
      "iam-access-key-rotation",
      "iam-user-direct-policies",
      "iam-support-role",
      "iam-password-policy-exists",
      "iam-password-policy-min-length",
      "iam-password-policy-reuse",
    ]);
  });

  it.each(iamChecks.map((c) => [c.id, c] as const))("%s has complete metadata", (_id, check) => {
    expect(check.service).toBe("iam");
    expect(check.layer).toBe("identity");
    expect(check.needs.length).toBeGreaterThan(0);
    for (const slice of check.needs) expect(Object.keys(IAM_SLICES)).toContain(slice);
    expect(check.rationale.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(20);
    expect(check.remediation.cli).toMatch(/^aws iam /);
    expect(check.remediation.url).toMatch(/^https:\/\//);
    for (const framework of Object.keys(check.compliance)) expect(Object.values(FRAMEWORKS)).toContain(framework);
  });

  it("maps the CIS AWS Foundations v6.0 and FSBP controls", () => {
    const refs = Object.fromEntries(iamChecks.map((c) => [c.id, c.compliance]));
    expect(refs["iam-full-admin"]).toEqual({ [FRAMEWORKS.cis]: ["2.15"], [FRAMEWORKS.fsbp]: ["IAM.1"] });
    expect(refs["iam-root-access-keys"]).toEqual({ [FRAMEWORKS.cis]: ["2.3"], [FRAMEWORKS.fsbp]: ["IAM.4"] });
    expect(refs["iam-root-mfa"]?.[FRAMEWORKS.cis]).toEqual(["2.4"]);
    expect(refs["iam-root-hardware-mfa"]?.[FRAMEWORKS.cis]).toEqual(["2.5"]);
    expect(refs["iam-password-policy-min-length"]?.[FRAMEWORKS.cis]).toEqual(["2.7"]);
    expect(refs["iam-password-policy-reuse"]?.[FRAMEWORKS.cis]).toEqual(["2.8"]);
    expect(refs["iam-user-console-mfa"]?.[FRAMEWORKS.cis]).toEqual(["2.9"]);
    expect(refs["iam-unused-credentials"]?.[FRAMEWORKS.cis]).toEqual(["2.11"]);
    expect(refs["iam-user-multiple-active-keys"]?.[FRAMEWORKS.cis]).toEqual(["2.12"]);
    expect(refs["iam-access-key-rotation"]?.[FRAMEWORKS.cis]).toEqual(["2.13"]);
    expect(refs["iam-user-direct-policies"]?.[FRAMEWORKS.cis]).toEqual(["2.14"]);
    expect(refs["iam-support-role"]?.[FRAMEWORKS.cis]).toEqual(["2.16"]);
  });
});

describe("IAM checks never PASS or FAIL from data they could not read", () => {
  it.each(iamChecks.map((c) => [c.id, c] as const))("%s reports ERROR naming the failed call", (_id, check) => {
    const outcomes = check.evaluate(inventory(everySliceFailed), { settings: DEFAULT_SETTINGS });
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) {
      expect(o.status).toBe("ERROR");
      expect(o.error?.code).toBe("AccessDenied");
      expect(o.message).toMatch(/AccessDenied/);
    }
  });

  it.each(iamChecks.map((c) => [c.id, c] as const))("%s reports ERROR when its data was never collected", (_id, check) => {
    const outcomes = check.evaluate(inventory({}), { settings: DEFAULT_SETTINGS });
    expect(outcomes.length).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: "ERROR", region: "global", error: { code: "NotCollected" } });
  });

  it("an inventory without any IAM part is an ERROR for every check, through the engine", () => {
    const inv = inventory({});
    delete inv.iam;
    const findings = evaluate(inv, iamChecks);
    expect(findings.map((f) => f.status)).toEqual(iamChecks.map(() => "ERROR"));
    expect(findings.every((f) => f.responsibility.layer === "identity" && f.responsibility.serviceModel === "abstracted")).toBe(true);
  });
});
