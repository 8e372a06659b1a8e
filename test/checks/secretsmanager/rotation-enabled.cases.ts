import { expect } from "vitest";
import check from "../../../checks/secretsmanager/rotation-enabled.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { EU, secret, secretArn, secretsInventory, unrotated, US } from "../../services/secretsmanager/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "rotation on, every 30 days or on a cron schedule; a replica is judged in its primary's region only",
      inventory: secretsInventory({
        [US]: [
          secret("prod/db"),
          secret("rds!db-1", { owningService: "rds", rotationRules: { scheduleExpression: "cron(0 4 ? * SUN *)", duration: "2h" } }),
        ],
        [EU]: [unrotated("prod/db", { region: EU, primaryRegion: US })],
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: "prod/db", type: "AWS::SecretsManager::Secret", arn: secretArn("prod/db") },
          message: "Secret prod/db rotates automatically every 30 days.",
          responsibility: { layer: "identity", serviceModel: "abstracted" },
        },
        { status: "PASS", message: "Secret rds!db-1 (managed by rds) rotates automatically on the schedule cron(0 4 ? * SUN *)." },
      ],
    },
  ],
  fail: [
    {
      name: "rotation never turned on",
      inventory: secretsInventory({ [EU]: [unrotated("legacy/api-key", { region: EU })] }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          region: EU,
          message: "Secret legacy/api-key does not rotate automatically: rotation is off.",
          evidence: { arn: secretArn("legacy/api-key", EU), rotationEnabled: false },
        },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["SecretsManager.1"] }),
    },
  ],
  error: [
    {
      name: "the secrets could not be listed in one region; the other is judged",
      inventory: secretsInventory({ [US]: denied("secretsmanager.secrets", { region: US }), [EU]: [secret("eu/db", { region: EU })] }),
      findings: [
        { status: "ERROR", region: US, resource: { type: "AWS::::Account" }, error: { operation: "ListSecrets", code: "AccessDenied" } },
        { status: "PASS", region: EU },
      ],
    },
  ],
});
