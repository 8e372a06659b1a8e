import { expect } from "vitest";
import check from "../../../checks/cloudwatch/console-signin-without-mfa-monitored.js";
import { account, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.2";

export default monitoringCases(
  check,
  ID,
  {
    passing: [
      {
        name: "CIS's variant for SSO users (IAM users' successful sign-ins only)",
        pattern:
          "{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != Yes) && ($.userIdentity.type = IAMUser) && ($.responseElements.ConsoleLogin = Success) }",
      },
      {
        name: "Security Hub CloudWatch.3's",
        pattern:
          '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
      },
      { name: "MFAUsed = No instead of != Yes", pattern: '{ $.additionalEventData.MFAUsed = "No" && $.eventName = "ConsoleLogin" }' },
    ],
    failing: [
      {
        name: "every console sign-in",
        pattern: "{ $.eventName = ConsoleLogin }",
        says: "also matches a successful ConsoleLogin of an IAM user with MFA",
      },
      {
        name: "an old pattern on the session's mfaAuthenticated flag, which sign-in records do not carry",
        pattern:
          '{ $.userIdentity.sessionContext.attributes.mfaAuthenticated != "true" && $.userIdentity.invokedBy = "signin.amazonaws.com" }',
        says: "none of its 1 metric filter (no_mfa_console_signin_metric) matches any of them",
      },
    ],
  },
  {
    fail: [
      {
        name: "the message names the filter that fell short",
        inventory: account(),
        assert: ([f]) => expect(f!.message).toContain("it has no metric filters"),
      },
    ],
  },
);
