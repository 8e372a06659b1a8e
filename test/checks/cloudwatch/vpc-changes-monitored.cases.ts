import check from "../../../checks/cloudwatch/vpc-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.14";

export default monitoringCases(check, ID, {
  passing: [{ name: "Security Hub CloudWatch.14's", pattern: anyOf(eventNames(ID)).replace(/ = /g, "=") }],
  failing: [
    {
      name: "without the ClassicLink events CIS still lists",
      pattern: anyOf(eventNames(ID, "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink")),
      says: "does not match AttachClassicLinkVpc",
    },
    { name: "a catch-all", pattern: "{ $.eventName = * }", says: "also matches a successful DescribeVpcs" },
  ],
});
