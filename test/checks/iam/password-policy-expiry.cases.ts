import check from "../../../checks/iam/password-policy-expiry.js";
import { checkCases } from "../../support/check-tester.js";
import { iamInventory, passwordPolicy, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "expires within 90 days",
      inventory: iamInventory(passwordPolicy({ expirePasswords: true, maxAgeDays: 60 })),
      findings: [{ status: "PASS", message: "The password policy expires passwords after 60 days (at most 90)." }],
    },
    {
      name: "maximumPasswordAgeDays 0 turns the requirement off",
      inventory: iamInventory(passwordPolicy(null)),
      settings: { maximumPasswordAgeDays: 0 },
      findings: [{ status: "PASS", message: "Password expiry is not required by the settings (maximumPasswordAgeDays: 0)." }],
    },
  ],
  fail: [
    {
      name: "expiry longer than the setting: low",
      inventory: iamInventory(passwordPolicy({ expirePasswords: true, maxAgeDays: 180 })),
      findings: [
        {
          status: "FAIL",
          severity: "low",
          message: "The password policy expires passwords only after 180 days (MaxPasswordAge 180 > 90).",
          compliance: { "aws-fsbp": ["IAM.7"], "aws-security-hub": ["IAM.17"] },
        },
      ],
    },
    {
      name: "follows the setting",
      inventory: iamInventory(passwordPolicy({ expirePasswords: true, maxAgeDays: 60 })),
      settings: { maximumPasswordAgeDays: 45 },
      findings: [{ status: "FAIL" }],
    },
    {
      name: "no expiry, and no policy",
      inventory: iamInventory(passwordPolicy({ expirePasswords: false })),
      findings: [{ status: "FAIL", message: "The password policy does not expire passwords (required: within 90 days)." }],
    },
    {
      name: "no password policy",
      inventory: iamInventory(passwordPolicy(null)),
      findings: [{ status: "FAIL", message: "The account has no password policy, so passwords never expire (required: within 90 days)." }],
    },
  ],
  error: unreadIamCases(),
});
