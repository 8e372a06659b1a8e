import check from "../../../checks/iam/root-access-keys.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, ok } from "../../support/fixtures/index.js";
import { iamInventory, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "AccountAccessKeysPresent is 0",
      inventory: iamInventory({ accountSummary: ok({ AccountAccessKeysPresent: 0 }) }),
      findings: [{ status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "AccountAccessKeysPresent is 1: FAIL on the account",
      inventory: iamInventory({ accountSummary: ok({ AccountAccessKeysPresent: 1 }) }),
      findings: [{ status: "FAIL", resource: { arn: `arn:aws:::${ACCOUNT}`, type: "AWS::::Account" } }],
    },
  ],
  error: [
    {
      name: "the account summary has no AccountAccessKeysPresent",
      inventory: iamInventory({ accountSummary: ok({ Users: 3 }) }),
      findings: [{ status: "ERROR", error: { code: "MissingField" } }],
    },
    ...unreadIamCases(),
  ],
});
