import check from "../../../checks/cloudwatch/s3-bucket-policy-changes-monitored.js";
import { anyOf, eventNames, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.8";

export default monitoringCases(check, ID, {
  passing: [
    { name: "Security Hub CloudWatch.8's (unquoted)", pattern: anyOf(eventNames(ID), "s3.amazonaws.com").replace(/ /g, "") },
    { name: "without the eventSource condition", pattern: anyOf(eventNames(ID)) },
  ],
  failing: [
    {
      name: "without PutBucketPolicy",
      pattern: anyOf(eventNames(ID, "PutBucketPolicy"), "s3.amazonaws.com"),
      says: "does not match PutBucketPolicy",
    },
    { name: "every S3 call", pattern: "{ $.eventSource = s3.amazonaws.com }", says: "also matches a successful GetBucketPolicy" },
  ],
});
