import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { withPasswordPolicy } from "./lib/password-policy.js";

export default defineCheck({
  id: "iam-password-policy-exists",
  title: "The account has an IAM password policy",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.passwordPolicy"],
  rationale: "Without a password policy, IAM users may set any password AWS accepts by default (8 characters, no reuse prevention).",
  remediation: {
    text: "Set an account password policy (minimum length 14, reuse prevention 24).",
    cli: "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
    fix: "Set a strong password policy for account <ACCOUNT_ID>",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["IAM.7"] },
  evaluate: (inv, ctx) =>
    withPasswordPolicy(inv, ctx, (policy) =>
      policy
        ? [true, "The account has a password policy."]
        : [false, "The account has no IAM password policy (GetAccountPasswordPolicy: NoSuchEntity)."],
    ),
});
