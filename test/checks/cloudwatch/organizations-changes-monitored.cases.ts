import check from "../../../checks/cloudwatch/organizations-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.15";

export default monitoringCases(check, ID, {
  passing: [{ name: "the event names without the eventSource condition", pattern: anyOf(eventNames(ID)) }],
  failing: [
    {
      name: "without UpdateOrganizationalUnit",
      pattern: anyOf(eventNames(ID, "UpdateOrganizationalUnit"), "organizations.amazonaws.com"),
      says: "does not match UpdateOrganizationalUnit",
    },
    {
      name: "every Organizations call",
      pattern: "{ $.eventSource = organizations.amazonaws.com }",
      says: "also matches a successful DescribeOrganization",
    },
  ],
});
