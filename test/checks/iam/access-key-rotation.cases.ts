import check from "../../../checks/iam/access-key-rotation.js";
import { checkCases } from "../../support/check-tester.js";
import { daysBefore } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, noKey, reportEntry, unreadIamCases } from "../../support/fixtures/iam.js";

const fresh = reportEntry("fresh", { accessKeys: [activeKey(1, daysBefore(89)), noKey(2)] });
const inactive = reportEntry("inactive", { accessKeys: [{ ...activeKey(1, daysBefore(500)), active: false }, noKey(2)] });

export default checkCases(check, {
  pass: [{ name: "an active key younger than 90 days; an inactive old key", inventory: iamInventory(credentialReport(fresh, inactive)) }],
  fail: [
    {
      name: "fails active keys 90 days old or more; inactive old keys do not count",
      inventory: iamInventory(
        credentialReport(
          reportEntry("old", { accessKeys: [activeKey(1, daysBefore(120), daysBefore(1)), activeKey(2, daysBefore(10))] }),
          reportEntry("edge", { accessKeys: [activeKey(1, daysBefore(90)), noKey(2)] }),
          fresh,
          inactive,
        ),
      ),
      findings: [
        {
          resource: { id: "old" },
          status: "FAIL",
          message: "User old has active access key(s) not rotated for 90+ days: key 1 is 120 days old.",
        },
        { resource: { id: "edge" }, status: "FAIL" },
        { resource: { id: "fresh" }, status: "PASS" },
        { resource: { id: "inactive" }, status: "PASS" },
      ],
    },
  ],
  error: unreadIamCases(),
});
