import check from "../../../checks/cloudwatch/network-gateway-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.12";

export default monitoringCases(check, ID, {
  passing: [{ name: "Security Hub CloudWatch.12's", pattern: anyOf(eventNames(ID)).replace(/ = /g, "=") }],
  failing: [
    {
      name: "internet gateways only",
      pattern: anyOf(eventNames(ID, "CreateCustomerGateway", "DeleteCustomerGateway")),
      says: "does not match CreateCustomerGateway, DeleteCustomerGateway",
    },
    {
      name: "every EC2 call",
      pattern: "{ $.eventSource = ec2.amazonaws.com }",
      says: "also matches a successful DescribeInternetGateways",
    },
  ],
});
