import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { withPasswordPolicy } from "./lib/password-policy.js";

export default defineCheck({
  id: "iam-password-policy-expiry",
  title: "The password policy expires passwords within 90 days",
  service: "iam",
  layer: "identity",
  severity: "low",
  needs: ["iam.passwordPolicy"],
  rationale:
    "An expiry bounds how long a password stolen without anyone noticing stays useful. It is low: NIST SP 800-63B and CIS " +
    "v6.0 no longer ask for periodic changes where MFA and breach checks are in place, while FSBP IAM.7 (MaxPasswordAge) and " +
    "PCI DSS still do. The account passes when its password policy expires passwords after at most settings." +
    "maximumPasswordAgeDays days (90 by default; 0 turns the requirement off).",
  remediation: {
    text: "Set a maximum password age (update-account-password-policy replaces the whole policy: pass every setting you want to keep).",
    cli: "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --max-password-age 90",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["IAM.7"], [FRAMEWORKS.securityHub]: ["IAM.17"] },
  evaluate: (inv, ctx) =>
    withPasswordPolicy(inv, ctx, (policy) => {
      const max = ctx.settings.maximumPasswordAgeDays;
      if (max === 0) return [true, "Password expiry is not required by the settings (maximumPasswordAgeDays: 0)."];
      if (!policy) return [false, `The account has no password policy, so passwords never expire (required: within ${max} days).`];
      if (!policy.expirePasswords || policy.maxAgeDays === undefined)
        return [false, `The password policy does not expire passwords (required: within ${max} days).`];
      return policy.maxAgeDays <= max
        ? [true, `The password policy expires passwords after ${policy.maxAgeDays} days (at most ${max}).`]
        : [
            false,
            `The password policy expires passwords only after ${policy.maxAgeDays} days (MaxPasswordAge ${policy.maxAgeDays} > ${max}).`,
          ];
    }),
});
