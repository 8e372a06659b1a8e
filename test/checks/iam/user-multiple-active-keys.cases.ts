import check from "../../../checks/iam/user-multiple-active-keys.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, reportEntry, unreadIamCases } from "../../support/fixtures/iam.js";

const oneActiveOneInactive = reportEntry("one-active-one-inactive", {
  accessKeys: [activeKey(1, daysBefore(5)), { ...activeKey(2, daysBefore(100)), active: false }],
});

export default checkCases(check, {
  pass: [{ name: "one active key, or none", inventory: iamInventory(credentialReport(oneActiveOneInactive, reportEntry("none"))) }],
  fail: [
    {
      name: "fails users with two active keys",
      inventory: iamInventory(
        credentialReport(
          reportEntry("two", { accessKeys: [activeKey(1, daysBefore(5)), activeKey(2, daysBefore(1))] }),
          oneActiveOneInactive,
          reportEntry("none"),
        ),
      ),
      findings: [
        { resource: { id: "two" }, status: "FAIL", message: "User two has 2 active access keys." },
        { resource: { id: "one-active-one-inactive" }, status: "PASS" },
        { resource: { id: "none" }, status: "PASS" },
      ],
    },
  ],
  error: unreadIamCases(),
});
