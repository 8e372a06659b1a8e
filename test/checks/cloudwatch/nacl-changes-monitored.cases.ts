import check from "../../../checks/cloudwatch/nacl-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.11";

export default monitoringCases(check, ID, {
  passing: [{ name: "Security Hub CloudWatch.11's", pattern: anyOf(eventNames(ID)).replace(/ = /g, "=") }],
  failing: [
    {
      name: "without ReplaceNetworkAclAssociation",
      pattern: anyOf(eventNames(ID, "ReplaceNetworkAclAssociation")),
      says: "does not match ReplaceNetworkAclAssociation",
    },
    {
      name: "a wildcard that takes reads too",
      pattern: '{ $.eventName = "*NetworkAcl*" }',
      says: "also matches a successful DescribeNetworkAcls",
    },
  ],
});
