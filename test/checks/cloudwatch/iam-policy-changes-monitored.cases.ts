import check from "../../../checks/cloudwatch/iam-policy-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.4";

export default monitoringCases(check, ID, {
  passing: [
    { name: "Security Hub CloudWatch.4's, IAM calls only", pattern: anyOf(eventNames(ID), "iam.amazonaws.com") },
    { name: "CIS's event names in reverse order", pattern: anyOf(eventNames(ID).reverse()) },
    {
      name: "every IAM write (broader, but every policy change alarms)",
      pattern: "{ $.eventSource = iam.amazonaws.com && $.readOnly IS FALSE }",
    },
  ],
  failing: [
    { name: "without DetachGroupPolicy", pattern: anyOf(eventNames(ID, "DetachGroupPolicy")), says: "does not match DetachGroupPolicy" },
    { name: "every IAM call, reads too", pattern: "{ $.eventSource = iam.amazonaws.com }", says: "also matches a successful GetPolicy" },
    { name: "every write in the account", pattern: "{ $.readOnly IS FALSE }", says: "also matches an SSM PutParameter" },
  ],
});
