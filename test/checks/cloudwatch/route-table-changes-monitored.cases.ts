import check from "../../../checks/cloudwatch/route-table-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.13";

export default monitoringCases(check, ID, {
  passing: [
    {
      name: "CIS v6.0's audit pattern, whose eventSource condition binds to CreateRoute alone (&& before ||)",
      pattern:
        "{($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
    },
    { name: "CIS v6.0's remediation pattern, without the eventSource condition", pattern: anyOf(eventNames(ID)) },
  ],
  failing: [
    {
      name: "without DisassociateRouteTable",
      pattern: anyOf(eventNames(ID, "DisassociateRouteTable"), "ec2.amazonaws.com"),
      says: "does not match DisassociateRouteTable",
    },
    {
      name: "a wildcard that takes reads too",
      pattern: '{ $.eventSource = ec2.amazonaws.com && $.eventName = "*Route*" }',
      says: "also matches a successful DescribeRouteTables",
    },
  ],
});
