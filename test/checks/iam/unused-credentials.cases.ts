import check from "../../../checks/iam/unused-credentials.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, noKey, reportEntry, rootEntry, unreadIamCases } from "../../support/fixtures/iam.js";

const usedTwentyDaysAgo = credentialReport(reportEntry("u", { passwordEnabled: true, passwordLastUsed: daysBefore(20) }));

export default checkCases(check, {
  pass: [
    {
      name: "credentials used recently, a password set recently, no credentials, an inactive old key",
      inventory: iamInventory(
        credentialReport(
          reportEntry("new-password", { passwordEnabled: true, passwordLastUsed: null, passwordLastChanged: daysBefore(3) }),
          reportEntry("active-user", {
            passwordEnabled: true,
            passwordLastUsed: daysBefore(1),
            accessKeys: [activeKey(1, daysBefore(300), daysBefore(2)), noKey(2)],
          }),
          reportEntry("inactive-old-key", { accessKeys: [{ ...activeKey(1, daysBefore(400)), active: false }, noKey(2)] }),
          reportEntry("no-credentials"),
        ),
      ),
    },
  ],
  fail: [
    {
      name: "fails enabled credentials unused (or never used) for 45 days or more, and says which credential and how old",
      inventory: iamInventory(
        credentialReport(
          rootEntry(),
          reportEntry("stale-password", { passwordEnabled: true, passwordLastUsed: daysBefore(60), passwordLastChanged: daysBefore(200) }),
          reportEntry("never-signed-in", { passwordEnabled: true, passwordLastUsed: null, passwordLastChanged: daysBefore(50) }),
          reportEntry("new-password", { passwordEnabled: true, passwordLastUsed: null, passwordLastChanged: daysBefore(3) }),
          reportEntry("active-user", {
            passwordEnabled: true,
            passwordLastUsed: daysBefore(1),
            accessKeys: [activeKey(1, daysBefore(300), daysBefore(2)), noKey(2)],
          }),
          reportEntry("stale-key", { accessKeys: [activeKey(1, daysBefore(100), daysBefore(46)), noKey(2)] }),
          reportEntry("unused-key", { accessKeys: [activeKey(1, daysBefore(45)), noKey(2)] }),
          reportEntry("inactive-old-key", { accessKeys: [{ ...activeKey(1, daysBefore(400)), active: false }, noKey(2)] }),
          reportEntry("no-credentials"),
        ),
      ),
      findings: [
        {
          resource: { id: "stale-password" },
          status: "FAIL",
          message: "User stale-password has credentials unused for 45+ days: password last used 60 days ago.",
        },
        {
          resource: { id: "never-signed-in" },
          status: "FAIL",
          message: "User never-signed-in has credentials unused for 45+ days: password never used, set 50 days ago.",
        },
        { resource: { id: "new-password" }, status: "PASS" },
        { resource: { id: "active-user" }, status: "PASS" },
        { resource: { id: "stale-key" }, status: "FAIL" },
        {
          resource: { id: "unused-key" },
          status: "FAIL",
          message: "User unused-key has credentials unused for 45+ days: access key 1 never used, set 45 days ago.",
        },
        { resource: { id: "inactive-old-key" }, status: "PASS" },
        { resource: { id: "no-credentials" }, status: "PASS" },
      ],
    },
    {
      name: "follows the unusedCredentialDays setting",
      inventory: iamInventory(usedTwentyDaysAgo),
      settings: { unusedCredentialDays: 15 },
      findings: [{ status: "FAIL" }],
    },
    {
      name: "measures from the inventory's collection time",
      inventory: iamInventory(usedTwentyDaysAgo, daysBefore(-30)),
      findings: [{ status: "FAIL" }],
    },
  ],
  error: unreadIamCases(),
});
