import { expect } from "vitest";
import check from "../../../checks/secretsmanager/unused.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore, denied } from "../../support/fixtures/index.js";
import { EU, secret, secretsInventory, US } from "../../services/secretsmanager/fixtures.js";

const dayOf = (days: number) => `${daysBefore(days).slice(0, 10)}T00:00:00.000Z`;

export default checkCases(check, {
  pass: [
    {
      name: "retrieved yesterday; never retrieved but created 30 days ago; a replica retrieved in its own region",
      inventory: secretsInventory({
        [US]: [secret("prod/db"), secret("new", { lastAccessedDate: undefined, createdDate: daysBefore(30) })],
        [EU]: [secret("prod/db", { region: EU, primaryRegion: US, lastAccessedDate: dayOf(3) })],
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: "prod/db" },
          region: US,
          message: expect.stringMatching(/^Secret prod\/db was last retrieved on \S+, 1 days ago \(limit 90\)\.$/),
        },
        {
          status: "PASS",
          resource: { id: "new" },
          message: `Secret new has never been retrieved since it was created on ${daysBefore(30).slice(0, 10)}, 30 days ago (limit 90).`,
        },
        { status: "PASS", region: EU },
      ],
    },
  ],
  fail: [
    {
      name: "last retrieved 120 days ago; never retrieved since its creation 400 days ago",
      inventory: secretsInventory({
        [US]: [secret("old-api", { lastAccessedDate: dayOf(120) }), secret("orphan", { lastAccessedDate: undefined })],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: `Secret old-api was last retrieved on ${daysBefore(120).slice(0, 10)}, 120 days ago: unused for more than 90 days.`,
          evidence: { daysUnused: 120, limitDays: 90, lastAccessedDate: dayOf(120) },
          responsibility: { layer: "identity" },
        },
        { status: "FAIL", message: expect.stringContaining("has never been retrieved since it was created on") },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["SecretsManager.3"] }),
    },
    {
      name: "a shorter limit from the settings",
      settings: { unusedSecretDays: 14 },
      inventory: secretsInventory({ [US]: [secret("monthly", { lastAccessedDate: dayOf(20) })] }),
      findings: [{ status: "FAIL", message: expect.stringContaining("unused for more than 14 days") }],
    },
  ],
  error: [
    {
      name: "the secrets could not be listed",
      inventory: secretsInventory({ [US]: denied("secretsmanager.secrets", { region: US }) }),
    },
    {
      name: "neither a last accessed nor a creation date",
      inventory: secretsInventory({ [US]: [secret("undated", { lastAccessedDate: undefined, createdDate: undefined })] }),
      findings: [{ status: "ERROR", error: { operation: "ListSecrets", code: "DatesMissing" } }],
    },
  ],
});
