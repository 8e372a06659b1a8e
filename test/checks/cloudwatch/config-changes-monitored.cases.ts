import check from "../../../checks/cloudwatch/config-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.9";

export default monitoringCases(check, ID, {
  passing: [
    {
      name: "Security Hub CloudWatch.9's",
      pattern:
        "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder))}",
    },
  ],
  failing: [
    {
      name: "without PutConfigurationRecorder",
      pattern: anyOf(eventNames(ID, "PutConfigurationRecorder"), "config.amazonaws.com"),
      says: "does not match PutConfigurationRecorder",
    },
    {
      name: "every Config call",
      pattern: "{ $.eventSource = config.amazonaws.com }",
      says: "also matches a successful DescribeConfigurationRecorders",
    },
  ],
});
