import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { administrativeReason, describeAdminReason } from "../../src/policy/iam/index.js";
import { GLOBAL, policyUnreadable, userResource } from "./lib/principals.js";
import { userPrincipal } from "./lib/privileged.js";

export default defineCheck({
  id: "iam-admin-console-mfa",
  title: "IAM users with a console password and administrative permissions have MFA",
  service: "iam",
  layer: "identity",
  severity: "high",
  needs: ["iam.credentialReport", "iam.authorizationDetails"],
  rationale:
    "A phished or reused password of an administrator is the whole account. This is iam-user-console-mfa's finding for the " +
    "users it matters most for, at a higher severity. Administrative means: full administrator access, IAM " +
    "permissions-management actions on all resources, or a known privilege-escalation path (the same analysis as " +
    "iam-full-admin and iam-privilege-escalation, after Deny and permissions boundaries). A user passes when the credential " +
    "report shows no console password, or MFA, or when their policies grant nothing administrative; an unreadable policy " +
    "makes the last verdict an ERROR.",
  remediation: {
    text: "Assign an MFA device to the user now (a FIDO security key or hardware token for administrators), or remove their console password; better, move administrators to roles reached through IAM Identity Center.",
    cli: "aws iam create-virtual-mfa-device --virtual-mfa-device-name <user-name> --outfile qr.png --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name <user-name> --serial-number arn:<partition>:iam::<ACCOUNT_ID>:mfa/<user-name> --authentication-code1 <code-1> --authentication-code2 <code-2>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.9"], [FRAMEWORKS.fsbp]: ["IAM.5"] },
  evaluate: (_inv, ctx) => {
    const report = ctx.read("iam.credentialReport");
    if (!report.ok) return [report.outcome];
    return report.value.entries
      .filter((e) => !e.isRoot)
      .map((e) => {
        const resource = userResource(e);
        const evidence = { passwordEnabled: e.passwordEnabled, mfaActive: e.mfaActive };
        if (e.passwordEnabled !== true) return pass(resource, GLOBAL, `User ${e.user} has no console password.`, evidence);
        if (e.mfaActive) return pass(resource, GLOBAL, `User ${e.user} has a console password and MFA.`, evidence);
        const principal = userPrincipal(ctx, e);
        if (!principal.ok) return principal.outcome;
        const reason = administrativeReason(principal.value.permissions);
        if (reason)
          return fail(
            resource,
            GLOBAL,
            `User ${e.user} holds ${describeAdminReason(reason)}, can sign in to the console with a password, and has no MFA device.`,
            { ...evidence, administrative: reason.kind },
          );
        if (principal.value.problems.length) {
          const first = principal.value.problems[0]!;
          return {
            ...policyUnreadable(ctx, resource, `${first.policy}: ${first.reason}`, e.arn),
            evidence: { unreadablePolicies: principal.value.problems },
          };
        }
        return pass(
          resource,
          GLOBAL,
          `User ${e.user} has a console password without MFA, but no administrative permissions (iam-user-console-mfa reports the missing MFA).`,
          evidence,
        );
      });
  },
});
