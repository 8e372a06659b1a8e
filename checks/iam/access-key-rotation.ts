import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { ageInDays, GLOBAL, userResource } from "./lib/principals.js";

export default defineCheck({
  id: "iam-access-key-rotation",
  title: "Active access keys are rotated every 90 days",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.credentialReport"],
  rationale: "The longer a key lives, the more places it has been copied to; rotation bounds how long a leaked key stays useful.",
  remediation: {
    text: "Create a new key, switch the workload to it, then deactivate and delete the old one; better, replace long-lived keys with roles.",
    cli: "aws iam create-access-key --user-name <user-name> && aws iam update-access-key --user-name <user-name> --access-key-id <old-access-key-id> --status Inactive",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.13"], [FRAMEWORKS.fsbp]: ["IAM.3"] },
  evaluate: (inv, { read, settings }) => {
    const reportRead = read("iam.credentialReport");
    if (!reportRead.ok) return [reportRead.outcome];
    const report = reportRead.value;
    return report.entries
      .filter((e) => !e.isRoot)
      .map((e) => {
        const keys = e.accessKeys
          .filter((k) => k.active)
          .map((k) => ({
            slot: k.slot,
            lastRotated: k.lastRotated,
            ageDays: ageInDays(k.lastRotated ?? e.createdAt ?? inv.collectedAt, inv),
          }));
        const stale = keys.filter((k) => k.ageDays >= settings.accessKeyRotationDays);
        const evidence = { thresholdDays: settings.accessKeyRotationDays, activeKeys: keys };
        if (stale.length) {
          return fail(
            userResource(e),
            GLOBAL,
            `User ${e.user} has active access key(s) not rotated for ${settings.accessKeyRotationDays}+ days: ${stale.map((k) => `key ${k.slot} is ${k.ageDays} days old`).join(", ")}.`,
            evidence,
          );
        }
        return pass(
          userResource(e),
          GLOBAL,
          keys.length
            ? `User ${e.user}'s active access keys are younger than ${settings.accessKeyRotationDays} days.`
            : `User ${e.user} has no active access key.`,
          evidence,
        );
      });
  },
});
