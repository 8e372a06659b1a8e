/**
 * What the catalogue-wide test (`../catalogue.test.ts`) does not pin for IAM: the exact list of
 * checks, their compliance references, and the stricter metadata IAM checks hold to.
 */
import { describe, expect, it } from "vitest";
import { iamChecks } from "../../../checks/iam/index.js";
import { FRAMEWORKS } from "../../../src/check.js";
import { serviceOf } from "../../../src/services/index.js";

describe("IAM check catalogue", () => {
  it("has the checks issue 3 asks for, in order", () => {
    expect(iamChecks.map((c) => c.id)).toEqual([
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
      // Added after issue 3: CIS 2.10, FSBP IAM.21, CIS 2.21, CIS 2.18.
      "iam-no-access-keys-at-setup",
      "iam-policy-wildcard-service-actions",
      "iam-cloudshell-full-access",
      "iam-server-certificates-expired",
      // Issue 12: FSBP IAM.7 in full, MFA and trust in depth, federation.
      "iam-password-policy-complexity",
      "iam-password-policy-expiry",
      "iam-admin-console-mfa",
      "iam-privileged-user-hardware-mfa",
      "iam-policy-assume-role-any",
      "iam-role-trust-service-confused-deputy",
      "iam-role-cross-account-broad-read",
      "iam-federation-long-lived-keys",
    ]);
  });

  it.each(iamChecks.map((c) => [c.id, c] as const))("%s: identity layer, IAM data only, an IAM remediation with a link", (_id, check) => {
    expect(check.layer).toBe("identity");
    for (const slice of check.needs) expect(serviceOf(slice).id, slice).toBe("iam");
    expect(check.remediation.text.length).toBeGreaterThan(20);
    expect(check.remediation.cli).toMatch(/^aws iam /);
    expect(check.remediation.url).toMatch(/^https:\/\//);
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
    expect(refs["iam-no-access-keys-at-setup"]).toEqual({ [FRAMEWORKS.cis]: ["2.10"] });
    expect(refs["iam-server-certificates-expired"]).toEqual({ [FRAMEWORKS.cis]: ["2.18"], [FRAMEWORKS.securityHub]: ["IAM.26"] });
    expect(refs["iam-cloudshell-full-access"]).toEqual({ [FRAMEWORKS.cis]: ["2.21"], [FRAMEWORKS.securityHub]: ["IAM.27"] });
    expect(refs["iam-policy-wildcard-service-actions"]).toEqual({ [FRAMEWORKS.fsbp]: ["IAM.21"] });
    expect(refs["iam-password-policy-complexity"]).toEqual({
      [FRAMEWORKS.fsbp]: ["IAM.7"],
      [FRAMEWORKS.securityHub]: ["IAM.11", "IAM.12", "IAM.13", "IAM.14"],
    });
    expect(refs["iam-password-policy-expiry"]).toEqual({ [FRAMEWORKS.fsbp]: ["IAM.7"], [FRAMEWORKS.securityHub]: ["IAM.17"] });
    expect(refs["iam-admin-console-mfa"]).toEqual({ [FRAMEWORKS.cis]: ["2.9"], [FRAMEWORKS.fsbp]: ["IAM.5"] });
  });
});
