import type { Check } from "../../src/check.js";
import cloudtrailChangesMonitored from "./cloudtrail-changes-monitored.js";
import configChangesMonitored from "./config-changes-monitored.js";
import consoleAuthFailuresMonitored from "./console-auth-failures-monitored.js";
import consoleSigninWithoutMfaMonitored from "./console-signin-without-mfa-monitored.js";
import iamPolicyChangesMonitored from "./iam-policy-changes-monitored.js";
import kmsKeyDisableOrDeletionMonitored from "./kms-key-disable-or-deletion-monitored.js";
import naclChangesMonitored from "./nacl-changes-monitored.js";
import networkGatewayChangesMonitored from "./network-gateway-changes-monitored.js";
import organizationsChangesMonitored from "./organizations-changes-monitored.js";
import rootUsageMonitored from "./root-usage-monitored.js";
import routeTableChangesMonitored from "./route-table-changes-monitored.js";
import s3BucketPolicyChangesMonitored from "./s3-bucket-policy-changes-monitored.js";
import securityGroupChangesMonitored from "./security-group-changes-monitored.js";
import unauthorizedApiCallsMonitored from "./unauthorized-api-calls-monitored.js";
import vpcChangesMonitored from "./vpc-changes-monitored.js";

/** CIS 5.1–5.15, in CIS order. */
export const cloudwatchChecks: readonly Check[] = [
  unauthorizedApiCallsMonitored,
  consoleSigninWithoutMfaMonitored,
  rootUsageMonitored,
  iamPolicyChangesMonitored,
  cloudtrailChangesMonitored,
  consoleAuthFailuresMonitored,
  kmsKeyDisableOrDeletionMonitored,
  s3BucketPolicyChangesMonitored,
  configChangesMonitored,
  securityGroupChangesMonitored,
  naclChangesMonitored,
  networkGatewayChangesMonitored,
  routeTableChangesMonitored,
  vpcChangesMonitored,
  organizationsChangesMonitored,
];
