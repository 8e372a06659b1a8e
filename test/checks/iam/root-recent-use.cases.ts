import check from "../../../checks/iam/root-recent-use.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, noKey, reportEntry, rootEntry, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "the root password was last used 31 days ago",
      inventory: iamInventory(credentialReport(rootEntry({ passwordLastUsed: daysBefore(31) }))),
      findings: [{ status: "PASS" }],
    },
    {
      name: "the root user has no recorded use",
      inventory: iamInventory(credentialReport(rootEntry())),
      findings: [{ status: "PASS", message: "The root user has no recorded use." }],
    },
  ],
  fail: [
    {
      name: "reads the <root_account> row: names the most recent use",
      inventory: iamInventory(
        credentialReport(
          rootEntry({ passwordLastUsed: daysBefore(40), accessKeys: [activeKey(1, daysBefore(400), daysBefore(2)), noKey(2)] }),
        ),
      ),
      findings: [
        { status: "FAIL", message: `The root user's access key 1 was used 2 day(s) ago (${daysBefore(2)}), within the last 30 days.` },
      ],
    },
  ],
  error: [
    {
      name: "the report has no root row",
      inventory: iamInventory(credentialReport(reportEntry("alice"))),
      findings: [{ status: "ERROR", error: { code: "RootRowMissing" } }],
    },
    ...unreadIamCases(),
  ],
});
