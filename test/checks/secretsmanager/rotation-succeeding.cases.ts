import { expect } from "vitest";
import check from "../../../checks/secretsmanager/rotation-succeeding.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore, denied } from "../../support/fixtures/index.js";
import { daysAfter, EU, secret, secretsInventory, unrotated, US } from "../../services/secretsmanager/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "rotated 10 days ago on a 30-day schedule; a fresh secret not yet due; a rate() schedule; rotation off is not judged",
      inventory: secretsInventory({
        [US]: [
          secret("prod/db"),
          secret("new/db", { lastRotatedDate: undefined, createdDate: daysBefore(5), nextRotationDate: daysAfter(25) }),
          secret("hourly", {
            rotationRules: { scheduleExpression: "rate(12 hours)" },
            lastRotatedDate: daysBefore(0.25),
            nextRotationDate: daysAfter(0.25),
          }),
          unrotated("manual"),
        ],
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: "prod/db" },
          message: `Secret prod/db rotates on schedule (every 30 days): last rotated on ${daysBefore(10).slice(0, 10)} (10 days ago), next on ${daysAfter(20).slice(0, 10)}.`,
        },
        { status: "PASS", resource: { id: "new/db" }, message: expect.stringContaining("never rotated since it was created on") },
        { status: "PASS", resource: { id: "hourly" }, message: expect.stringContaining("on the schedule rate(12 hours)") },
      ],
    },
  ],
  fail: [
    {
      name: "the last rotation is older than the interval plus a day; or the next rotation date has passed; or never rotated since long ago",
      inventory: secretsInventory({
        [US]: [
          secret("stuck", { lastRotatedDate: daysBefore(45), nextRotationDate: daysAfter(1) }),
          secret("overdue", {
            lastRotatedDate: daysBefore(29),
            nextRotationDate: daysBefore(3),
            rotationRules: { scheduleExpression: "cron(0 4 1 * ? *)" },
          }),
          secret("never", { lastRotatedDate: undefined, createdDate: daysBefore(200), nextRotationDate: undefined }),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: `Secret stuck has rotation on every 30 days but is not rotating: last rotated on ${daysBefore(45).slice(0, 10)} (45 days ago).`,
          evidence: { rotationEnabled: true, lastRotatedDate: daysBefore(45) },
        },
        {
          status: "FAIL",
          message: `Secret overdue has rotation on on the schedule cron(0 4 1 * ? *) but is not rotating: last rotated on ${daysBefore(29).slice(0, 10)} (29 days ago); its rotation was due on ${daysBefore(3).slice(0, 10)}.`,
        },
        { status: "FAIL", message: expect.stringContaining("never rotated since it was created on") },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["SecretsManager.2"] }),
    },
  ],
  error: [
    {
      name: "the secrets could not be listed",
      inventory: secretsInventory({ [EU]: denied("secretsmanager.secrets", { region: EU }) }),
    },
    {
      name: "rotation on with a cron schedule and no next rotation date: nothing to judge it by",
      inventory: secretsInventory({
        [US]: [secret("odd", { rotationRules: { scheduleExpression: "cron(0 4 1 * ? *)" }, nextRotationDate: undefined })],
      }),
      findings: [{ status: "ERROR", error: { operation: "ListSecrets", code: "RotationScheduleUnknown" } }],
    },
  ],
});
