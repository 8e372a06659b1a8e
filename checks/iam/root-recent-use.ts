import { accountResource, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { ageInDays, GLOBAL } from "./lib/principals.js";

export default defineCheck({
  id: "iam-root-recent-use",
  title: "The root user has not been used recently",
  service: "iam",
  layer: "identity",
  severity: "high",
  needs: ["iam.credentialReport"],
  rationale:
    "The root user is for the few tasks only it can do. Recent use of its password or keys means either everyday use (against least privilege) or someone else using it.",
  remediation: {
    text: "Find out who used the root user and why (CloudTrail: userIdentity.type = Root); create roles for that work, rotate the root password and remove any root access keys.",
    cli: "aws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | grep root_account",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.6"] },
  evaluate: (inv, { read, settings, unusable }) => {
    const reportRead = read("iam.credentialReport");
    if (!reportRead.ok) return [reportRead.outcome];
    const report = reportRead.value;
    const resource = accountResource(inv);
    const root = report.entries.find((e) => e.isRoot);
    if (!root) {
      return [
        unusable("iam.credentialReport", {
          resource,
          region: GLOBAL,
          code: "RootRowMissing",
          message: "the credential report has no <root_account> row",
        }),
      ];
    }
    const uses = [
      { credential: "password", at: root.passwordLastUsed },
      ...root.accessKeys.map((k) => ({ credential: `access key ${k.slot}`, at: k.lastUsed })),
    ].filter((u): u is { credential: string; at: string } => u.at !== null);
    const last = uses.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    const evidence = {
      passwordLastUsed: root.passwordLastUsed,
      accessKeysLastUsed: root.accessKeys.map((k) => k.lastUsed),
      thresholdDays: settings.rootRecentUseDays,
    };
    if (!last) return [pass(resource, GLOBAL, "The root user has no recorded use.", evidence)];
    const days = ageInDays(last.at, inv);
    return [
      days < settings.rootRecentUseDays
        ? fail(
            resource,
            GLOBAL,
            `The root user's ${last.credential} was used ${days} day(s) ago (${last.at}), within the last ${settings.rootRecentUseDays} days.`,
            evidence,
          )
        : pass(resource, GLOBAL, `The root user was last used ${days} days ago (${last.at}).`, evidence),
    ];
  },
});
