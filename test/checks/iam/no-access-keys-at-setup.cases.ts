import { expect } from "vitest";
import check from "../../../checks/iam/no-access-keys-at-setup.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, noKey, reportEntry, rootEntry, unreadIamCases } from "../../support/fixtures/iam.js";

const created = daysBefore(200);
const secondsAfter = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();
/** A console user created 200 days ago, with these keys. */
const consoleUser = (name: string, ...keys: ReturnType<typeof activeKey>[]) =>
  reportEntry(name, {
    createdAt: created,
    passwordEnabled: true,
    passwordLastChanged: created,
    accessKeys: [keys[0] ?? noKey(1), keys[1] ?? noKey(2)],
  });

export default checkCases(check, {
  pass: [
    {
      name: "a key made at setup but used since, a key made later, an inactive setup key, no key, no password; root is not judged",
      inventory: iamInventory(
        credentialReport(
          rootEntry({ accessKeys: [activeKey(1, daysBefore(900)), noKey(2)] }),
          consoleUser("used", activeKey(1, secondsAfter(created, 2), daysBefore(3))),
          consoleUser("later", activeKey(1, daysBefore(150))),
          consoleUser("deactivated", { ...activeKey(1, secondsAfter(created, 1)), active: false }),
          consoleUser("console-only"),
          reportEntry("program", { createdAt: created, accessKeys: [activeKey(1, created), noKey(2)] }),
        ),
      ),
      findings: [
        { resource: { id: "used" }, status: "PASS" },
        {
          resource: { id: "later" },
          status: "PASS",
          message: "User later has a console password; its active access keys were created later than its setup or have been used.",
        },
        { resource: { id: "deactivated" }, status: "PASS", message: "User deactivated has a console password and no active access key." },
        { resource: { id: "console-only" }, status: "PASS" },
        { resource: { id: "program" }, status: "PASS", message: "User program has no console password." },
      ],
    },
  ],
  fail: [
    {
      name: "a console user whose active key 1 was created with the user (same second) and never used; key 2 too, 45 s later",
      inventory: iamInventory(
        credentialReport(
          consoleUser("setup", activeKey(1, created)),
          consoleUser("both", activeKey(1, created), activeKey(2, secondsAfter(created, 45))),
          consoleUser("edge", activeKey(1, secondsAfter(created, 61))),
        ),
      ),
      findings: [
        {
          resource: { id: "setup", type: "AWS::IAM::User" },
          status: "FAIL",
          severity: "medium",
          region: "global",
          message: "User setup has a console password and access key 1, created 0 s after the user and never used.",
          evidence: {
            userCreatedAt: created,
            windowSeconds: 60,
            keysCreatedAtSetup: [{ slot: 1, createdAt: created, secondsAfterUser: 0 }],
          },
        },
        {
          resource: { id: "both" },
          status: "FAIL",
          message:
            "User both has a console password and access key 1, created 0 s after the user and never used; access key 2, created 45 s after the user and never used.",
        },
        // 61 s after the user: outside the window, a later key.
        { resource: { id: "edge" }, status: "PASS" },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["2.10"] }),
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "a row without user_creation_time cannot be compared: ERROR for that user",
      inventory: iamInventory(credentialReport({ ...consoleUser("undated", activeKey(1, created)), createdAt: null })),
      findings: [
        { resource: { id: "undated" }, status: "ERROR", error: { operation: "GetCredentialReport", code: "CreationTimeMissing" } },
      ],
      assert: ([f]) => expect(f!.message).toContain("lacks user_creation_time"),
    },
  ],
});
