import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { CredentialReportAccessKey, CredentialReportEntry } from "../../src/services/iam/inventory.js";
import type { Outcome } from "../../src/results.js";
import { GLOBAL, userResource } from "./lib/principals.js";

/** How close to the user's creation a key must have been created to count as "created at setup". */
export const SETUP_WINDOW_SECONDS = 60;

interface SetupKey {
  slot: number;
  createdAt: string;
  /** Seconds between the user's creation and the key's (last_rotated). */
  secondsAfterUser: number;
}

export default defineCheck({
  id: "iam-no-access-keys-at-setup",
  title: "Users with a console password have no unused access key created along with the user",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.credentialReport"],
  rationale:
    "An access key handed out when a console user is set up, whether or not the person will ever call the API, is a " +
    "long-lived credential nobody asked for: it sits unused in a download folder or a password manager until it leaks. " +
    "Keys should be created later, as a separate step, by someone who needs them. From the credential report, a user " +
    `fails when password_enabled is true and an active access key was created (access_key_N_last_rotated) within ` +
    `${SETUP_WINDOW_SECONDS} seconds of user_creation_time and has never been used (access_key_N_last_used_date N/A). ` +
    "A key that has been used, or was created later, passes here (unused keys are iam-unused-credentials' concern).",
  remediation: {
    text: "Delete the unused key; if the user does need programmatic access, let them create a key when they need it (or better, use a role).",
    cli: "aws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.10"] },
  evaluate: (_inv, { read, unusable }) => {
    const reportRead = read("iam.credentialReport");
    if (!reportRead.ok) return [reportRead.outcome];
    return reportRead.value.entries
      .filter((e) => !e.isRoot)
      .map((e): Outcome => {
        if (e.passwordEnabled !== true) return pass(userResource(e), GLOBAL, `User ${e.user} has no console password.`);
        const active = e.accessKeys.filter((k) => k.active);
        const undated = active.find((k) => k.lastRotated === null || e.createdAt === null);
        if (undated) {
          return unusable("iam.credentialReport", {
            resource: userResource(e),
            region: GLOBAL,
            code: "CreationTimeMissing",
            message: `the credential report row of ${e.user} lacks ${e.createdAt === null ? "user_creation_time" : `access_key_${undated.slot}_last_rotated`}`,
            about: e.arn,
          });
        }
        const atSetup = active.flatMap((k) => setupKey(e, k));
        const evidence = { userCreatedAt: e.createdAt, windowSeconds: SETUP_WINDOW_SECONDS, keysCreatedAtSetup: atSetup };
        if (atSetup.length) {
          return fail(
            userResource(e),
            GLOBAL,
            `User ${e.user} has a console password and ${atSetup.map((k) => `access key ${k.slot}, created ${k.secondsAfterUser} s after the user and never used`).join("; ")}.`,
            evidence,
          );
        }
        return pass(
          userResource(e),
          GLOBAL,
          active.length
            ? `User ${e.user} has a console password; its active access keys were created later than its setup or have been used.`
            : `User ${e.user} has a console password and no active access key.`,
          evidence,
        );
      });
  },
});

/** The key, when it was created with the user and has never been used. */
function setupKey(e: CredentialReportEntry, k: CredentialReportAccessKey): SetupKey[] {
  if (k.lastUsed !== null || k.lastRotated === null || e.createdAt === null) return [];
  const seconds = Math.round((Date.parse(k.lastRotated) - Date.parse(e.createdAt)) / 1000);
  return Math.abs(seconds) <= SETUP_WINDOW_SECONDS ? [{ slot: k.slot, createdAt: k.lastRotated, secondsAfterUser: seconds }] : [];
}
