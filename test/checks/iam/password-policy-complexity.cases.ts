import check from "../../../checks/iam/password-policy-complexity.js";
import { checkCases } from "../../support/check-tester.js";
import { iamInventory, passwordPolicy, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "every character class required",
      inventory: iamInventory(passwordPolicy({ minimumLength: 14 })),
      findings: [
        {
          status: "PASS",
          region: "global",
          message: "The password policy requires an uppercase letter, a lowercase letter, a number and a symbol.",
          compliance: { "aws-fsbp": ["IAM.7"], "aws-security-hub": ["IAM.11", "IAM.12", "IAM.13", "IAM.14"] },
        },
      ],
    },
    {
      name: "follows settings.passwordComplexity",
      inventory: iamInventory(passwordPolicy({ requireSymbols: false, requireNumbers: false })),
      settings: { passwordComplexity: { uppercase: true, lowercase: true, numbers: false, symbols: false } },
      findings: [{ status: "PASS", message: "The password policy requires an uppercase letter and a lowercase letter." }],
    },
  ],
  fail: [
    {
      name: "classes missing, named",
      inventory: iamInventory(passwordPolicy({ requireSymbols: false, requireUppercase: false })),
      findings: [{ status: "FAIL", severity: "medium", message: "The password policy does not require an uppercase letter or a symbol." }],
    },
    {
      name: "no password policy at all",
      inventory: iamInventory(passwordPolicy(null)),
      findings: [
        {
          status: "FAIL",
          message:
            "The account has no password policy, so passwords need not contain an uppercase letter, a lowercase letter, a number and a symbol.",
        },
      ],
    },
  ],
  error: unreadIamCases(),
});
