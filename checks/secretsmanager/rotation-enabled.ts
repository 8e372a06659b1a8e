import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { describeSchedule, forEachSecret, secretEvidence } from "./lib/secrets.js";

export default defineCheck({
  id: "secretsmanager-rotation-enabled",
  title: "Secrets Manager secrets rotate automatically",
  service: "secretsmanager",
  layer: "identity",
  severity: "medium",
  needs: ["secretsmanager.secrets"],
  rationale:
    "A secret is a credential (a database password, an API key). With automatic rotation Secrets Manager replaces it on a schedule, " +
    "through a rotation function or the managing service, so a copy that leaked (a log, a laptop, a former employee) stops working " +
    "without anyone having to notice the leak. Passes: ListSecrets says RotationEnabled. Replicas are judged in their primary's " +
    "region, where rotation is configured. Secrets scheduled for deletion are not listed and not judged.",
  remediation: {
    text: "Turn on automatic rotation with a rotation function (or a managed rotation for secrets other services own) and a schedule.",
    cli: "aws secretsmanager rotate-secret --secret-id <secret-arn> --rotation-lambda-arn <rotation-function-arn> --rotation-rules AutomaticallyAfterDays=30",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
    fill: { "secret-arn": "resource.arn", "rotation-function-arn": "evidence.rotationLambdaArn" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["SecretsManager.1"] },
  evaluate: (inv, ctx) =>
    forEachSecret(inv, ctx, (s, { resource, region, label, replica }) => {
      if (replica) return undefined;
      const evidence = secretEvidence(s);
      if (s.rotationEnabled)
        return pass(resource, region, `${label} rotates automatically ${describeSchedule(s.rotationRules)}.`, evidence);
      return fail(resource, region, `${label} does not rotate automatically: rotation is off.`, evidence);
    }),
});
