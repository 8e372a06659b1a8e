import check from "../../../checks/iam/password-policy-min-length.js";
import { checkCases } from "../../support/check-tester.js";
import { iamInventory, passwordPolicy, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    { name: "14 characters", inventory: iamInventory(passwordPolicy({ minimumLength: 14 })), findings: [{ status: "PASS" }] },
    {
      name: "follows the minimumPasswordLength setting",
      inventory: iamInventory(passwordPolicy({ minimumLength: 12 })),
      settings: { minimumPasswordLength: 12 },
      findings: [{ status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "12 characters",
      inventory: iamInventory(passwordPolicy({ minimumLength: 12 })),
      findings: [{ status: "FAIL", message: "The password policy requires only 12 characters (MinimumPasswordLength 12 < 14)." }],
    },
    { name: "no password policy", inventory: iamInventory(passwordPolicy(null)), findings: [{ status: "FAIL" }] },
  ],
  error: unreadIamCases(),
});
