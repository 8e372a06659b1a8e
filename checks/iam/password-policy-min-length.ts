import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { withPasswordPolicy } from "./lib/password-policy.js";

export default defineCheck({
  id: "iam-password-policy-min-length",
  title: "The password policy requires at least 14 characters",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.passwordPolicy"],
  rationale: "Length is what makes passwords hard to guess or crack; CIS asks for 14 characters or more.",
  remediation: {
    text: "Raise the minimum password length to 14 or more (update-account-password-policy replaces the whole policy: pass every setting you want to keep).",
    cli: "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
    fix: "Set a strong password policy for account <ACCOUNT_ID>",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.7"] },
  evaluate: (inv, ctx) =>
    withPasswordPolicy(inv, ctx, (policy) => {
      const min = ctx.settings.minimumPasswordLength;
      if (!policy)
        return [false, `The account has no password policy, so passwords need only AWS's default 8 characters (required: ${min}).`];
      const length = policy.minimumLength ?? 8;
      return length >= min
        ? [true, `The password policy requires ${length} characters (at least ${min}).`]
        : [false, `The password policy requires only ${length} characters (MinimumPasswordLength ${length} < ${min}).`];
    }),
});
