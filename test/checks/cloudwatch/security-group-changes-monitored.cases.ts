import check from "../../../checks/cloudwatch/security-group-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.10";

export default monitoringCases(check, ID, {
  passing: [{ name: "CIS's event names behind an EC2 eventSource condition", pattern: anyOf(eventNames(ID), "ec2.amazonaws.com") }],
  failing: [
    {
      name: "Security Hub CloudWatch.10's, which lacks ModifySecurityGroupRules (CIS v6.0 has it)",
      pattern:
        "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
      says: "does not match ModifySecurityGroupRules",
    },
    {
      name: "a wildcard that takes reads too",
      pattern: '{ $.eventName = "*SecurityGroup*" }',
      says: "also matches a successful DescribeSecurityGroups",
    },
  ],
});
