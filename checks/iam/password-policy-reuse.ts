import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { withPasswordPolicy } from "./lib/password-policy.js";

export default defineCheck({
  id: "iam-password-policy-reuse",
  title: "The password policy prevents reuse of the last 24 passwords",
  service: "iam",
  layer: "identity",
  severity: "low",
  needs: ["iam.passwordPolicy"],
  rationale: "Without reuse prevention, a rotated password can be set straight back, so a leaked one stays valid.",
  remediation: {
    text: "Set password reuse prevention to 24 (update-account-password-policy replaces the whole policy: pass every setting you want to keep).",
    cli: "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
    fix: "Set a strong password policy for account <ACCOUNT_ID>",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.8"] },
  evaluate: (inv, ctx) =>
    withPasswordPolicy(inv, ctx, (policy) => {
      const required = ctx.settings.passwordReusePrevention;
      if (!policy)
        return [false, `The account has no password policy, so passwords may be reused (required: last ${required} remembered).`];
      const reuse = policy.reusePrevention;
      if (reuse === undefined)
        return [false, `The password policy does not prevent password reuse (required: last ${required} remembered).`];
      return reuse >= required
        ? [true, `The password policy remembers the last ${reuse} passwords.`]
        : [false, `The password policy remembers only the last ${reuse} passwords (PasswordReusePrevention ${reuse} < ${required}).`];
    }),
});
