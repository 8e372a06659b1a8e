import { accountResource, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { withSummaryValue } from "./lib/account-summary.js";
import { GLOBAL } from "./lib/principals.js";

export default defineCheck({
  id: "iam-root-access-keys",
  title: "The root user has no access keys",
  service: "iam",
  layer: "identity",
  severity: "critical",
  needs: ["iam.accountSummary"],
  rationale:
    "Root access keys give unrestricted, unscoped programmatic access to the whole account, and no policy can limit them. Nothing needs them: use roles.",
  remediation: {
    text: "Sign in as the root user, open Security credentials, and delete (after deactivating) every root access key.",
    cli: "aws iam delete-access-key --access-key-id <root-access-key-id>   # run with the root user's own credentials",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.3"], [FRAMEWORKS.fsbp]: ["IAM.4"] },
  evaluate: (inv, ctx) =>
    withSummaryValue(inv, ctx, "AccountAccessKeysPresent", (present) =>
      present > 0
        ? fail(accountResource(inv), GLOBAL, `The root user has access keys (AccountAccessKeysPresent = ${present}).`, {
            AccountAccessKeysPresent: present,
          })
        : pass(accountResource(inv), GLOBAL, "The root user has no access keys.", { AccountAccessKeysPresent: present }),
    ),
});
