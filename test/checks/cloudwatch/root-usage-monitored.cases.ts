import { expect } from "vitest";
import check from "../../../checks/cloudwatch/root-usage-monitored.js";
import { account, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.3";

export default monitoringCases(
  check,
  ID,
  {
    passing: [
      {
        name: "Security Hub CloudWatch.1's",
        pattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
      },
      {
        name: "CIS v6.0 as Prowler's copy prints it (unquoted)",
        pattern: "{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent }",
      },
      { name: "the root user alone, without CIS's noise exclusions", pattern: "{ $.userIdentity.type = Root }" },
    ],
    failing: [
      {
        name: "root API calls only, not its sign-ins",
        pattern: "{ $.userIdentity.type = Root && $.eventType = AwsApiCall }",
        says: "does not match a console sign-in of the root user",
      },
      { name: "any identity", pattern: "{ $.userIdentity.type = * }", says: "also matches a successful ListUsers" },
      {
        name: "invokedBy, which a root record lacks, compared with !=",
        pattern: '{ $.userIdentity.type = Root && $.userIdentity.invokedBy != "support.amazonaws.com" }',
        says: "(root_usage_metric) matches any of them",
      },
    ],
  },
  {
    fail: [
      {
        name: "the message says which records the filter missed",
        inventory: account(),
        assert: ([f]) => expect(f!.message).toContain("nothing alarms on uses of the root user"),
      },
    ],
  },
);
