import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { day, daysSince, forEachSecret, secretEvidence } from "./lib/secrets.js";

export default defineCheck({
  id: "secretsmanager-rotated-recently",
  title: "Secrets Manager secrets have been rotated within the configured number of days (default 90)",
  service: "secretsmanager",
  layer: "identity",
  severity: "medium",
  needs: ["secretsmanager.secrets"],
  rationale:
    "However it is rotated (automatically or by hand), a credential that has not changed for months has had months to leak, and any " +
    "copy of it still works. Every secret is judged, with rotation on or off (replicas in their primary's region): it passes when its " +
    "last rotation, or its creation if it was never rotated, is no more than `secretRotationDays` (default 90, as in Security Hub's " +
    "control) before the scan.",
  remediation: {
    text: "Rotate the secret now, and turn on automatic rotation with a schedule shorter than the limit.",
    cli: "aws secretsmanager rotate-secret --secret-id <secret-arn> --rotation-rules AutomaticallyAfterDays=30",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
    fill: { "secret-arn": "resource.arn" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["SecretsManager.4"] },
  evaluate: (inv, ctx) =>
    forEachSecret(inv, ctx, (s, { resource, region, label, replica }) => {
      if (replica) return undefined;
      const limit = ctx.settings.secretRotationDays;
      const since = s.lastRotatedDate ?? s.createdDate;
      if (since === undefined) {
        return ctx.unusable("secretsmanager.secrets", {
          resource,
          region,
          code: "DatesMissing",
          message: `${label}: ListSecrets gave neither a last rotation date nor a creation date`,
          about: s.arn,
        });
      }
      const days = daysSince(since, inv);
      const what = s.lastRotatedDate ? `was last rotated on ${day(since)}` : `has never been rotated since it was created on ${day(since)}`;
      const evidence = { ...secretEvidence(s), daysSinceRotation: days, limitDays: limit };
      if (days <= limit) return pass(resource, region, `${label} ${what}, ${days} days ago (limit ${limit}).`, evidence);
      return fail(resource, region, `${label} ${what}, ${days} days ago: more than ${limit} days.`, evidence);
    }),
});
