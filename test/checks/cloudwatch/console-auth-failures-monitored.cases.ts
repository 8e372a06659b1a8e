import check from "../../../checks/cloudwatch/console-auth-failures-monitored.js";
import { monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.6";

export default monitoringCases(check, ID, {
  passing: [
    { name: "Security Hub CloudWatch.6's", pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}' },
    {
      name: "CIS v6.0 as Prowler's copy prints it (the message unquoted)",
      pattern: "{ ($.eventName = ConsoleLogin) && ($.errorMessage = Failed authentication) }",
    },
    {
      name: "by the sign-in's response instead",
      pattern: '{ $.eventName = "ConsoleLogin" && $.responseElements.ConsoleLogin = "Failure" }',
    },
  ],
  failing: [
    { name: "every console sign-in", pattern: "{ $.eventName = ConsoleLogin }", says: "also matches a successful ConsoleLogin" },
    {
      name: "the message in the wrong case",
      pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "failed authentication") }',
      says: "(console_signin_failure_metric) matches any of them",
    },
  ],
});
