import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { day, DAY_MS, daysSince, describeSchedule, forEachSecret, scheduleDays, secretEvidence } from "./lib/secrets.js";

/** A rotation window ends with its UTC day at the latest: a day's grace before a rotation counts as missed. */
const GRACE_MS = DAY_MS;

export default defineCheck({
  id: "secretsmanager-rotation-succeeding",
  title: "Secrets Manager secrets with automatic rotation rotate on schedule",
  service: "secretsmanager",
  layer: "identity",
  severity: "medium",
  needs: ["secretsmanager.secrets"],
  rationale:
    "Rotation that is turned on but fails (the rotation function errors, cannot reach the database, lacks a permission) leaves the " +
    "old credential in place while everyone believes it is rotated. Judged for secrets with rotation on (replicas in their primary's " +
    "region): the rotation is missed when the next rotation date Secrets Manager reports has passed by more than a day (a rotation " +
    "window ends with its UTC day), or when the last rotation (or, never rotated, the creation) is older than the schedule's interval " +
    "plus a day. A cron() schedule has no fixed interval: only the next rotation date decides. Passes: neither has happened.",
  remediation: {
    text: "Find why rotation fails (the rotation function's CloudWatch Logs, its permissions and network path to the database), fix it, and rotate now.",
    cli: "aws secretsmanager rotate-secret --secret-id <secret-arn>",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html",
    fill: { "secret-arn": "resource.arn" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["SecretsManager.2"] },
  evaluate: (inv, ctx) =>
    forEachSecret(inv, ctx, (s, { resource, region, label, replica }) => {
      if (replica || !s.rotationEnabled) return undefined;
      const now = Date.parse(inv.collectedAt);
      const evidence = secretEvidence(s);
      const interval = scheduleDays(s.rotationRules);
      const since = s.lastRotatedDate ?? s.createdDate;
      const missedNext = s.nextRotationDate !== undefined && Date.parse(s.nextRotationDate) + GRACE_MS < now;
      const missedInterval = interval !== undefined && since !== undefined && Date.parse(since) + interval * DAY_MS + GRACE_MS < now;
      if (interval === undefined && s.nextRotationDate === undefined) {
        return ctx.unusable("secretsmanager.secrets", {
          resource,
          region,
          code: "RotationScheduleUnknown",
          message: `${label} has rotation on, but neither a rotation interval nor a next rotation date`,
          about: s.arn,
        });
      }
      const last = s.lastRotatedDate
        ? `last rotated on ${day(s.lastRotatedDate)} (${daysSince(s.lastRotatedDate, inv)} days ago)`
        : s.createdDate
          ? `never rotated since it was created on ${day(s.createdDate)} (${daysSince(s.createdDate, inv)} days ago)`
          : "never rotated";
      if (missedNext || missedInterval) {
        const due = missedNext ? `; its rotation was due on ${day(s.nextRotationDate!)}` : "";
        return fail(
          resource,
          region,
          `${label} has rotation on ${describeSchedule(s.rotationRules)} but is not rotating: ${last}${due}.`,
          evidence,
        );
      }
      const next = s.nextRotationDate ? `, next on ${day(s.nextRotationDate)}` : "";
      return pass(resource, region, `${label} rotates on schedule (${describeSchedule(s.rotationRules)}): ${last}${next}.`, evidence);
    }),
});
