import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { GLOBAL, userResource } from "./lib/principals.js";

export default defineCheck({
  id: "iam-user-multiple-active-keys",
  title: "IAM users have at most one active access key",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.credentialReport"],
  rationale: "A second active key is usually a forgotten one: twice the secrets to leak, and rotation that never finishes.",
  remediation: {
    text: "Find which key is in use (access_key_N_last_used_date), move everything to it and deactivate the other.",
    cli: "aws iam update-access-key --user-name <user-name> --access-key-id <old-access-key-id> --status Inactive",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.12"] },
  evaluate: (inv, { read }) => {
    const reportRead = read("iam.credentialReport");
    if (!reportRead.ok) return [reportRead.outcome];
    const report = reportRead.value;
    return report.entries
      .filter((e) => !e.isRoot)
      .map((e) => {
        const active = e.accessKeys.filter((k) => k.active);
        const evidence = { activeKeys: active.map((k) => ({ slot: k.slot, lastRotated: k.lastRotated, lastUsed: k.lastUsed })) };
        return active.length > 1
          ? fail(userResource(e), GLOBAL, `User ${e.user} has ${active.length} active access keys.`, evidence)
          : pass(userResource(e), GLOBAL, `User ${e.user} has ${active.length} active access key(s).`, evidence);
      });
  },
});
