import check from "../../../checks/cloudwatch/cloudtrail-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.5";

export default monitoringCases(check, ID, {
  passing: [
    {
      name: "Security Hub CloudWatch.5's",
      pattern:
        "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}",
    },
    { name: "restricted to CloudTrail's calls", pattern: anyOf(eventNames(ID), "cloudtrail.amazonaws.com") },
  ],
  failing: [
    {
      name: "without StopLogging, the one that matters most",
      pattern: anyOf(eventNames(ID, "StopLogging")),
      says: "does not match StopLogging",
    },
    {
      name: "every CloudTrail call, reads too",
      pattern: "{ $.eventSource = cloudtrail.amazonaws.com }",
      says: "also matches a successful DescribeTrails",
    },
  ],
});
