import { accountResource, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { withSummaryValue } from "./lib/account-summary.js";
import { GLOBAL } from "./lib/principals.js";

export default defineCheck({
  id: "iam-root-mfa",
  title: "The root user has MFA enabled",
  service: "iam",
  layer: "identity",
  severity: "critical",
  needs: ["iam.accountSummary"],
  rationale: "Without MFA, the root user's password alone controls the whole account, billing and closure included.",
  remediation: {
    text: "Sign in as the root user and assign an MFA device (preferably a hardware key) under Security credentials.",
    cli: "aws iam get-account-summary --query SummaryMap.AccountMFAEnabled   # MFA for root is set in the console",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.4"] },
  evaluate: (inv, ctx) =>
    withSummaryValue(inv, ctx, "AccountMFAEnabled", (enabled) =>
      enabled === 1
        ? pass(accountResource(inv), GLOBAL, "The root user has MFA enabled.", { AccountMFAEnabled: enabled })
        : fail(accountResource(inv), GLOBAL, "The root user has no MFA device (AccountMFAEnabled = 0).", { AccountMFAEnabled: enabled }),
    ),
});
