import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { day, daysSince, forEachSecret, secretEvidence } from "./lib/secrets.js";

export default defineCheck({
  id: "secretsmanager-unused",
  title: "Secrets Manager secrets have been retrieved within the configured number of days (default 90)",
  service: "secretsmanager",
  layer: "identity",
  severity: "medium",
  needs: ["secretsmanager.secrets"],
  rationale:
    "A secret nobody retrieves is a credential nobody uses here, but it still works wherever it is accepted, and it still costs: it " +
    "is worth removing (and the credential revoked). Secrets Manager records the day a secret's value was last retrieved " +
    "(LastAccessedDate). A secret passes when that day, or its creation if it was never retrieved, is no more than `unusedSecretDays` " +
    "(default 90, as in Security Hub's control) before the scan. Every listed secret is judged, replicas included (each region " +
    "records its own retrievals).",
  remediation: {
    text: "Check that nothing uses the secret (CloudTrail GetSecretValue events), revoke the credential it holds, then delete it (with a recovery window).",
    cli: "aws secretsmanager delete-secret --secret-id <secret-arn> --recovery-window-in-days 30",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html",
    fill: { "secret-arn": "resource.arn" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["SecretsManager.3"] },
  evaluate: (inv, ctx) =>
    forEachSecret(inv, ctx, (s, { resource, region, label }) => {
      const limit = ctx.settings.unusedSecretDays;
      const since = s.lastAccessedDate ?? s.createdDate;
      if (since === undefined) {
        return ctx.unusable("secretsmanager.secrets", {
          resource,
          region,
          code: "DatesMissing",
          message: `${label}: ListSecrets gave neither a last accessed date nor a creation date`,
          about: s.arn,
        });
      }
      const days = daysSince(since, inv);
      const what = s.lastAccessedDate
        ? `was last retrieved on ${day(since)}`
        : `has never been retrieved since it was created on ${day(since)}`;
      const evidence = { ...secretEvidence(s), daysUnused: days, limitDays: limit };
      if (days <= limit) return pass(resource, region, `${label} ${what}, ${days} days ago (limit ${limit}).`, evidence);
      return fail(resource, region, `${label} ${what}, ${days} days ago: unused for more than ${limit} days.`, evidence);
    }),
});
