import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { pendingDeletion } from "../../src/services/kms/inventory.js";
import { deletionWhen, forEachKey, keyEvidence } from "./lib/keys.js";

export default defineCheck({
  id: "kms-key-pending-deletion",
  title: "No customer managed KMS key is scheduled for deletion without anyone noticing",
  service: "kms",
  layer: "encryption",
  severity: "low",
  needs: ["kms.keys", "kms.aliases"],
  rationale:
    "Deleting a KMS key is final: everything still encrypted under it can never be decrypted again. AWS enforces a waiting period " +
    "of 7 to 30 days, during which the deletion can be cancelled. Each customer managed key in the PendingDeletion (or, for a " +
    "multi-Region replica, PendingReplicaDeletion) state is reported with its deletion date, so that someone confirms the deletion " +
    "is intended (a deliberate cryptographic erasure is fine) before the date passes. Low severity, though Security Hub rates " +
    "KMS.3 critical: most scheduled deletions are intended, and the finding asks for a confirmation, not a fix. Other customer " +
    "managed keys pass; AWS managed keys cannot be scheduled for deletion and get no result.",
  remediation: {
    text: "If the deletion is not intended, cancel it before the deletion date, then enable the key again (cancelling leaves it disabled).",
    cli: "aws kms cancel-key-deletion --key-id <key-id> && aws kms enable-key --key-id <key-id>",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["KMS.3"] },
  evaluate: (inv, ctx) =>
    forEachKey(inv, ctx, (key, m, at) => {
      const { resource, region, label } = at;
      if (m.keyManager !== "CUSTOMER") return undefined;
      const evidence = keyEvidence(key, m, at);
      if (pendingDeletion(m)) {
        return fail(
          resource,
          region,
          `Customer managed ${label} is scheduled for deletion ${deletionWhen(m, inv)}: confirm that nothing still encrypted under it is needed.`,
          {
            ...evidence,
            ...(m.deletionDate ? { deletionDate: m.deletionDate } : {}),
            ...(m.pendingDeletionWindowInDays !== undefined ? { pendingDeletionWindowInDays: m.pendingDeletionWindowInDays } : {}),
          },
        );
      }
      return pass(resource, region, `Customer managed ${label} is not scheduled for deletion (state ${m.keyState}).`, evidence);
    }),
});
