import { expect } from "vitest";
import check from "../../../checks/secretsmanager/rotated-recently.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore, denied } from "../../support/fixtures/index.js";
import { EU, secret, secretsInventory, unrotated, US } from "../../services/secretsmanager/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "rotated 10 days ago; never rotated but created 20 days ago; exactly at the limit",
      inventory: secretsInventory({
        [US]: [secret("prod/db"), unrotated("young", { createdDate: daysBefore(20) }), secret("edge", { lastRotatedDate: daysBefore(90) })],
      }),
      findings: [
        {
          status: "PASS",
          message: `Secret prod/db was last rotated on ${daysBefore(10).slice(0, 10)}, 10 days ago (limit 90).`,
          evidence: { daysSinceRotation: 10, limitDays: 90 },
        },
        {
          status: "PASS",
          message: `Secret young has never been rotated since it was created on ${daysBefore(20).slice(0, 10)}, 20 days ago (limit 90).`,
        },
        { status: "PASS", resource: { id: "edge" } },
      ],
    },
    {
      name: "a longer limit from the settings",
      settings: { secretRotationDays: 365 },
      inventory: secretsInventory({ [US]: [unrotated("yearly", { createdDate: daysBefore(300) })] }),
    },
  ],
  fail: [
    {
      name: "rotation off and created 400 days ago; rotation on but last rotated 91 days ago; a replica is judged in its primary's region only",
      inventory: secretsInventory({
        [US]: [unrotated("legacy"), secret("late", { lastRotatedDate: daysBefore(91) })],
        [EU]: [unrotated("legacy", { region: EU, primaryRegion: US })],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: `Secret legacy has never been rotated since it was created on ${daysBefore(400).slice(0, 10)}, 400 days ago: more than 90 days.`,
          evidence: { daysSinceRotation: 400, limitDays: 90 },
        },
        { status: "FAIL", resource: { id: "late" }, message: expect.stringContaining("was last rotated on") },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["SecretsManager.4"] }),
    },
    {
      name: "a shorter limit from the settings",
      settings: { secretRotationDays: 7 },
      inventory: secretsInventory({ [US]: [secret("prod/db")] }),
      findings: [{ status: "FAIL", message: expect.stringContaining("10 days ago: more than 7 days.") }],
    },
  ],
  error: [
    {
      name: "the secrets could not be listed",
      inventory: secretsInventory({ [US]: denied("secretsmanager.secrets", { region: US }) }),
    },
    {
      name: "neither a rotation nor a creation date",
      inventory: secretsInventory({ [US]: [unrotated("undated", { createdDate: undefined })] }),
      findings: [{ status: "ERROR", error: { operation: "ListSecrets", code: "DatesMissing" } }],
    },
  ],
});
