import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Inventory } from "../../src/inventory/index.js";
import type { CredentialReportEntry } from "../../src/services/iam/inventory.js";
import { ageInDays, GLOBAL, userResource } from "./lib/principals.js";

interface Unused {
  credential: string;
  lastUsed: string | null;
  /** What the age was measured from when it was never used. */
  since: string | null;
  days: number;
}

/** Credentials still enabled but unused for `threshold` days or more (never used: counted from when they were set). */
export function unusedCredentials(e: CredentialReportEntry, inv: Inventory, threshold: number): Unused[] {
  const out: Unused[] = [];
  const consider = (credential: string, lastUsed: string | null, setAt: string | null) => {
    const reference = lastUsed ?? setAt;
    if (!reference) return;
    const days = ageInDays(reference, inv);
    if (days >= threshold) out.push({ credential, lastUsed, since: lastUsed ? null : setAt, days });
  };
  if (e.passwordEnabled === true) consider("password", e.passwordLastUsed, e.passwordLastChanged ?? e.createdAt);
  for (const k of e.accessKeys) if (k.active) consider(`access key ${k.slot}`, k.lastUsed, k.lastRotated ?? e.createdAt);
  return out;
}

const describeUnused = (u: Unused): string =>
  u.lastUsed ? `${u.credential} last used ${u.days} days ago` : `${u.credential} never used, set ${u.days} days ago`;

export default defineCheck({
  id: "iam-unused-credentials",
  title: "Credentials unused for 45 days or more are disabled",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.credentialReport"],
  rationale:
    "Passwords and access keys nobody uses still work for whoever finds them. Disabling credentials unused for the threshold (45 days by default) shrinks what can be stolen.",
  remediation: {
    text: "Remove the unused console password and deactivate (then delete) unused access keys.",
    cli: "aws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive && aws iam delete-login-profile --user-name <user-name>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.11"], [FRAMEWORKS.fsbp]: ["IAM.8"] },
  evaluate: (inv, { read, settings }) => {
    const reportRead = read("iam.credentialReport");
    if (!reportRead.ok) return [reportRead.outcome];
    const report = reportRead.value;
    return report.entries
      .filter((e) => !e.isRoot)
      .map((e) => {
        const unused = unusedCredentials(e, inv, settings.unusedCredentialDays);
        const evidence = { thresholdDays: settings.unusedCredentialDays, unused };
        return unused.length
          ? fail(
              userResource(e),
              GLOBAL,
              `User ${e.user} has credentials unused for ${settings.unusedCredentialDays}+ days: ${unused.map(describeUnused).join("; ")}.`,
              evidence,
            )
          : pass(
              userResource(e),
              GLOBAL,
              `User ${e.user} has no enabled credential unused for ${settings.unusedCredentialDays} days or more.`,
              evidence,
            );
      });
  },
});
