import check from "../../../checks/iam/password-policy-exists.js";
import { checkCases } from "../../support/check-tester.js";
import { iamInventory, passwordPolicy, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [{ name: "a policy exists", inventory: iamInventory(passwordPolicy({ minimumLength: 8 })), findings: [{ status: "PASS" }] }],
  fail: [
    {
      name: "no policy (NoSuchEntity) is a FAIL on the account, not an ERROR",
      inventory: iamInventory(passwordPolicy(null)),
      findings: [{ status: "FAIL", resource: { type: "AWS::::Account" } }],
    },
  ],
  error: unreadIamCases(),
});
