import check from "../../../checks/iam/root-mfa.js";
import { checkCases } from "../../support/check-tester.js";
import { ok } from "../../support/fixtures/index.js";
import { iamInventory, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "AccountMFAEnabled is 1",
      inventory: iamInventory({ accountSummary: ok({ AccountMFAEnabled: 1 }) }),
      findings: [{ status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "AccountMFAEnabled is 0",
      inventory: iamInventory({ accountSummary: ok({ AccountMFAEnabled: 0 }) }),
      findings: [{ status: "FAIL" }],
    },
  ],
  error: unreadIamCases(),
});
