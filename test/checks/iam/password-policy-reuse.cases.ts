import check from "../../../checks/iam/password-policy-reuse.js";
import { checkCases } from "../../support/check-tester.js";
import { iamInventory, passwordPolicy, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "the last 24 passwords are remembered",
      inventory: iamInventory(passwordPolicy({ reusePrevention: 24 })),
      findings: [{ status: "PASS" }],
    },
  ],
  fail: [
    { name: "only the last 5", inventory: iamInventory(passwordPolicy({ reusePrevention: 5 })), findings: [{ status: "FAIL" }] },
    {
      name: "reuse prevention not set",
      inventory: iamInventory(passwordPolicy({})),
      findings: [{ status: "FAIL", message: "The password policy does not prevent password reuse (required: last 24 remembered)." }],
    },
    { name: "no password policy", inventory: iamInventory(passwordPolicy(null)), findings: [{ status: "FAIL" }] },
  ],
  error: unreadIamCases(),
});
