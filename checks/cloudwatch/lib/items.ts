/**
 * The fifteen monitoring items of CIS AWS Foundations v6.0 section 5 (5.1–5.15): for each, the
 * events CIS says to alarm on (the records a metric filter must match), benign records it must not
 * match, CIS's own filter pattern (for the remediation), and the Security Hub control that checks the same.
 */
import type { Severity } from "../../../src/results.js";
import { apiCall, consoleLogin, read, UNRELATED_WRITE, writes, type LabeledRecord } from "./events.js";

export interface MonitoringItem {
  /** The CIS v6.0 recommendation, "5.1". */
  cis: string;
  /** The check's file name in checks/cloudwatch/ (its id is `cloudwatch-<name>`). */
  name: string;
  /** What is monitored, as a noun phrase for messages: "unauthorized API calls". */
  subject: string;
  severity: Severity;
  /** Why an alarm on it matters (the rationale's first sentences). */
  why: string;
  /** CIS's filter pattern, as CIS v6.0 prints it: the remediation's. */
  pattern: string;
  /** The metric (and filter and alarm) name the remediation suggests. */
  metric: string;
  /** The Security Hub control that checks the same thing (CloudWatch.1–.14), if there is one. */
  securityHub?: string;
  /** Records the filter must match: every event CIS lists. */
  positives: readonly LabeledRecord[];
  /** Records it must not match. */
  negatives: readonly LabeledRecord[];
}

const EC2 = "ec2.amazonaws.com";

export const ITEMS = {
  "5.1": {
    cis: "5.1",
    name: "unauthorized-api-calls-monitored",
    subject: "unauthorized API calls",
    severity: "medium",
    why:
      "Calls refused for lack of permission are how stolen credentials are probed and how a misconfigured application " +
      "shows itself; an alarm on them shortens the time to notice either.",
    pattern:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    metric: "unauthorized_api_calls_metric",
    securityHub: "CloudWatch.2",
    positives: [
      {
        label: "an EC2 RunInstances refused with Client.UnauthorizedOperation",
        record: apiCall(EC2, "RunInstances", {
          errorCode: "Client.UnauthorizedOperation",
          errorMessage: "You are not authorized to perform this operation.",
        }),
      },
      {
        label: "an EC2 DescribeInstances refused with UnauthorizedOperation",
        record: apiCall(EC2, "DescribeInstances", { readOnly: true, errorCode: "UnauthorizedOperation" }),
      },
      {
        label: "an S3 GetBucketPolicy refused with AccessDenied",
        record: apiCall("s3.amazonaws.com", "GetBucketPolicy", {
          readOnly: true,
          errorCode: "AccessDenied",
          errorMessage: "Access Denied",
        }),
      },
      {
        label: "a KMS Decrypt refused with AccessDeniedException",
        record: apiCall("kms.amazonaws.com", "Decrypt", { readOnly: true, errorCode: "AccessDeniedException" }),
      },
    ],
    negatives: [
      read("iam.amazonaws.com", "ListUsers"),
      {
        label: "an IAM GetRole that failed with NoSuchEntityException (an error, not a refusal)",
        record: apiCall("iam.amazonaws.com", "GetRole", { readOnly: true, errorCode: "NoSuchEntityException" }),
      },
    ],
  },
  "5.2": {
    cis: "5.2",
    name: "console-signin-without-mfa-monitored",
    subject: "console sign-ins without MFA",
    severity: "medium",
    why:
      "A console sign-in without MFA is a password alone standing between an attacker and the console; an alarm on it " +
      "shows who still signs in that way.",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    metric: "no_mfa_console_signin_metric",
    securityHub: "CloudWatch.3",
    positives: [{ label: "a successful ConsoleLogin of an IAM user without MFA", record: consoleLogin({ mfa: false, success: true }) }],
    negatives: [
      { label: "a successful ConsoleLogin of an IAM user with MFA", record: consoleLogin({ mfa: true, success: true }) },
      read("iam.amazonaws.com", "ListUsers"),
    ],
  },
  "5.3": {
    cis: "5.3",
    name: "root-usage-monitored",
    subject: "uses of the root user",
    severity: "high",
    why:
      "The root user can do anything and no policy limits it; it should almost never be used, so every use of it " +
      "deserves someone's attention at once.",
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    metric: "root_usage_metric",
    securityHub: "CloudWatch.1",
    positives: [
      { label: "a console sign-in of the root user", record: consoleLogin({ identity: "root", mfa: true, success: true }) },
      {
        label: "an API call (IAM CreateAccessKey) by the root user",
        record: apiCall("iam.amazonaws.com", "CreateAccessKey", { identity: "root" }),
      },
      {
        label: "a read (EC2 DescribeInstances) by the root user",
        record: apiCall(EC2, "DescribeInstances", { identity: "root", readOnly: true }),
      },
    ],
    negatives: [
      read("iam.amazonaws.com", "ListUsers"),
      {
        label: "an IAM CreateAccessKey by an assumed role",
        record: apiCall("iam.amazonaws.com", "CreateAccessKey", { identity: "assumed-role" }),
      },
    ],
  },
  "5.4": {
    cis: "5.4",
    name: "iam-policy-changes-monitored",
    subject: "IAM policy changes",
    severity: "medium",
    why: "Changing a policy is how permissions are escalated; an alarm on policy changes helps keep authorization as intended.",
    pattern:
      "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
    metric: "iam_policy_changes_metric",
    securityHub: "CloudWatch.4",
    positives: writes("iam.amazonaws.com", [
      "DeleteGroupPolicy",
      "DeleteRolePolicy",
      "DeleteUserPolicy",
      "PutGroupPolicy",
      "PutRolePolicy",
      "PutUserPolicy",
      "CreatePolicy",
      "DeletePolicy",
      "CreatePolicyVersion",
      "DeletePolicyVersion",
      "AttachRolePolicy",
      "DetachRolePolicy",
      "AttachUserPolicy",
      "DetachUserPolicy",
      "AttachGroupPolicy",
      "DetachGroupPolicy",
    ]),
    negatives: [read("iam.amazonaws.com", "GetPolicy"), UNRELATED_WRITE],
  },
  "5.5": {
    cis: "5.5",
    name: "cloudtrail-changes-monitored",
    subject: "CloudTrail configuration changes",
    severity: "medium",
    why: "Stopping or changing a trail is how an intruder goes unrecorded; an alarm on it keeps the record of the account trustworthy.",
    pattern:
      '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ($.eventName = "StartLogging") || ($.eventName = "StopLogging") }',
    metric: "cloudtrail_cfg_changes_metric",
    securityHub: "CloudWatch.5",
    positives: writes("cloudtrail.amazonaws.com", ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"]),
    negatives: [read("cloudtrail.amazonaws.com", "DescribeTrails"), UNRELATED_WRITE],
  },
  "5.6": {
    cis: "5.6",
    name: "console-auth-failures-monitored",
    subject: "console authentication failures",
    severity: "low",
    why: "Repeated failed console sign-ins are what a password-guessing attack looks like; an alarm on them gives its source early.",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.errorMessage = "Failed authentication") }',
    metric: "console_signin_failure_metric",
    securityHub: "CloudWatch.6",
    positives: [{ label: "a failed ConsoleLogin (Failed authentication)", record: consoleLogin({ mfa: false, success: false }) }],
    negatives: [
      { label: "a successful ConsoleLogin of an IAM user with MFA", record: consoleLogin({ mfa: true, success: true }) },
      { label: "a successful ConsoleLogin of an IAM user without MFA", record: consoleLogin({ mfa: false, success: true }) },
      read("iam.amazonaws.com", "ListUsers"),
    ],
  },
  "5.7": {
    cis: "5.7",
    name: "kms-key-disable-or-deletion-monitored",
    subject: "disablings and scheduled deletions of KMS keys",
    severity: "medium",
    why: "Data encrypted under a disabled or deleted key can no longer be read; an alarm gives time to cancel a deletion before the data is lost.",
    pattern: '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }',
    metric: "disable_or_delete_cmk_changes_metric",
    securityHub: "CloudWatch.7",
    positives: writes("kms.amazonaws.com", ["DisableKey", "ScheduleKeyDeletion"]),
    negatives: [read("kms.amazonaws.com", "ListKeys"), UNRELATED_WRITE],
  },
  "5.8": {
    cis: "5.8",
    name: "s3-bucket-policy-changes-monitored",
    subject: "S3 bucket policy changes",
    severity: "medium",
    why: "A bucket policy, ACL, CORS, lifecycle or replication change can expose or remove data; an alarm shortens the time a permissive policy stays in place.",
    pattern:
      '{ ($.eventSource = "s3.amazonaws.com") && (($.eventName = "PutBucketAcl") || ($.eventName = "PutBucketPolicy") || ($.eventName = "PutBucketCors") || ($.eventName = "PutBucketLifecycle") || ($.eventName = "PutBucketReplication") || ($.eventName = "DeleteBucketPolicy") || ($.eventName = "DeleteBucketCors") || ($.eventName = "DeleteBucketLifecycle") || ($.eventName = "DeleteBucketReplication")) }',
    metric: "s3_bucket_policy_changes_metric",
    securityHub: "CloudWatch.8",
    positives: writes("s3.amazonaws.com", [
      "PutBucketAcl",
      "PutBucketPolicy",
      "PutBucketCors",
      "PutBucketLifecycle",
      "PutBucketReplication",
      "DeleteBucketPolicy",
      "DeleteBucketCors",
      "DeleteBucketLifecycle",
      "DeleteBucketReplication",
    ]),
    negatives: [read("s3.amazonaws.com", "GetBucketPolicy"), UNRELATED_WRITE],
  },
  "5.9": {
    cis: "5.9",
    name: "config-changes-monitored",
    subject: "AWS Config configuration changes",
    severity: "medium",
    why: "Stopping the recorder or changing its delivery channel blinds AWS Config; an alarm keeps the record of resource configuration continuous.",
    pattern:
      '{ ($.eventSource = "config.amazonaws.com") && (($.eventName = "StopConfigurationRecorder") || ($.eventName = "DeleteDeliveryChannel") || ($.eventName = "PutDeliveryChannel") || ($.eventName = "PutConfigurationRecorder")) }',
    metric: "aws_config_changes_metric",
    securityHub: "CloudWatch.9",
    positives: writes("config.amazonaws.com", [
      "StopConfigurationRecorder",
      "DeleteDeliveryChannel",
      "PutDeliveryChannel",
      "PutConfigurationRecorder",
    ]),
    negatives: [read("config.amazonaws.com", "DescribeConfigurationRecorders"), UNRELATED_WRITE],
  },
  "5.10": {
    cis: "5.10",
    name: "security-group-changes-monitored",
    subject: "security group changes",
    severity: "medium",
    why: "A security group change can open a port to the internet; an alarm on it helps ensure nothing is exposed by accident.",
    pattern:
      '{ ($.eventName = "AuthorizeSecurityGroupIngress") || ($.eventName = "AuthorizeSecurityGroupEgress") || ($.eventName = "RevokeSecurityGroupIngress") || ($.eventName = "RevokeSecurityGroupEgress") || ($.eventName = "CreateSecurityGroup") || ($.eventName = "DeleteSecurityGroup") || ($.eventName = "ModifySecurityGroupRules") }',
    metric: "security_group_changes_metric",
    securityHub: "CloudWatch.10",
    positives: writes(EC2, [
      "AuthorizeSecurityGroupIngress",
      "AuthorizeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RevokeSecurityGroupEgress",
      "CreateSecurityGroup",
      "DeleteSecurityGroup",
      "ModifySecurityGroupRules",
    ]),
    negatives: [read(EC2, "DescribeSecurityGroups"), UNRELATED_WRITE],
  },
  "5.11": {
    cis: "5.11",
    name: "nacl-changes-monitored",
    subject: "network ACL changes",
    severity: "low",
    why: "A network ACL change can let traffic into or out of a subnet; an alarm on it helps ensure nothing is exposed by accident.",
    pattern:
      '{ ($.eventName = "CreateNetworkAcl") || ($.eventName = "CreateNetworkAclEntry") || ($.eventName = "DeleteNetworkAcl") || ($.eventName = "DeleteNetworkAclEntry") || ($.eventName = "ReplaceNetworkAclEntry") || ($.eventName = "ReplaceNetworkAclAssociation") }',
    metric: "nacl_changes_metric",
    securityHub: "CloudWatch.11",
    positives: writes(EC2, [
      "CreateNetworkAcl",
      "CreateNetworkAclEntry",
      "DeleteNetworkAcl",
      "DeleteNetworkAclEntry",
      "ReplaceNetworkAclEntry",
      "ReplaceNetworkAclAssociation",
    ]),
    negatives: [read(EC2, "DescribeNetworkAcls"), UNRELATED_WRITE],
  },
  "5.12": {
    cis: "5.12",
    name: "network-gateway-changes-monitored",
    subject: "network gateway changes",
    severity: "low",
    why: "Gateways are the only way traffic leaves or enters a VPC; an alarm on their changes helps keep that traffic on its controlled path.",
    pattern:
      '{ ($.eventName = "CreateCustomerGateway") || ($.eventName = "DeleteCustomerGateway") || ($.eventName = "AttachInternetGateway") || ($.eventName = "CreateInternetGateway") || ($.eventName = "DeleteInternetGateway") || ($.eventName = "DetachInternetGateway") }',
    metric: "network_gw_changes_metric",
    securityHub: "CloudWatch.12",
    positives: writes(EC2, [
      "CreateCustomerGateway",
      "DeleteCustomerGateway",
      "AttachInternetGateway",
      "CreateInternetGateway",
      "DeleteInternetGateway",
      "DetachInternetGateway",
    ]),
    negatives: [read(EC2, "DescribeInternetGateways"), UNRELATED_WRITE],
  },
  "5.13": {
    cis: "5.13",
    name: "route-table-changes-monitored",
    subject: "route table changes",
    severity: "low",
    why: "A route change can send a subnet's traffic somewhere it should not go; an alarm on it helps keep traffic on its expected path.",
    pattern:
      '{ ($.eventSource = "ec2.amazonaws.com") && (($.eventName = "CreateRoute") || ($.eventName = "CreateRouteTable") || ($.eventName = "ReplaceRoute") || ($.eventName = "ReplaceRouteTableAssociation") || ($.eventName = "DeleteRouteTable") || ($.eventName = "DeleteRoute") || ($.eventName = "DisassociateRouteTable")) }',
    metric: "route_table_changes_metric",
    securityHub: "CloudWatch.13",
    positives: writes(EC2, [
      "CreateRoute",
      "CreateRouteTable",
      "ReplaceRoute",
      "ReplaceRouteTableAssociation",
      "DeleteRouteTable",
      "DeleteRoute",
      "DisassociateRouteTable",
    ]),
    negatives: [read(EC2, "DescribeRouteTables"), UNRELATED_WRITE],
  },
  "5.14": {
    cis: "5.14",
    name: "vpc-changes-monitored",
    subject: "VPC changes",
    severity: "low",
    why: "Creating, deleting or peering VPCs changes which networks can reach each other; an alarm on it helps keep the network as designed.",
    pattern:
      '{ ($.eventName = "CreateVpc") || ($.eventName = "DeleteVpc") || ($.eventName = "ModifyVpcAttribute") || ($.eventName = "AcceptVpcPeeringConnection") || ($.eventName = "CreateVpcPeeringConnection") || ($.eventName = "DeleteVpcPeeringConnection") || ($.eventName = "RejectVpcPeeringConnection") || ($.eventName = "AttachClassicLinkVpc") || ($.eventName = "DetachClassicLinkVpc") || ($.eventName = "DisableVpcClassicLink") || ($.eventName = "EnableVpcClassicLink") }',
    metric: "vpc_changes_metric",
    securityHub: "CloudWatch.14",
    positives: writes(EC2, [
      "CreateVpc",
      "DeleteVpc",
      "ModifyVpcAttribute",
      "AcceptVpcPeeringConnection",
      "CreateVpcPeeringConnection",
      "DeleteVpcPeeringConnection",
      "RejectVpcPeeringConnection",
      "AttachClassicLinkVpc",
      "DetachClassicLinkVpc",
      "DisableVpcClassicLink",
      "EnableVpcClassicLink",
    ]),
    negatives: [read(EC2, "DescribeVpcs"), UNRELATED_WRITE],
  },
  "5.15": {
    cis: "5.15",
    name: "organizations-changes-monitored",
    subject: "AWS Organizations changes",
    severity: "medium",
    why: "Changes to the organization (accounts joining or leaving, policies attached or detached) change what every account may do; an alarm on them catches unwanted ones.",
    pattern:
      '{ ($.eventSource = "organizations.amazonaws.com") && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    metric: "organizations_changes_metric",
    positives: writes("organizations.amazonaws.com", [
      "AcceptHandshake",
      "AttachPolicy",
      "CreateAccount",
      "CreateOrganizationalUnit",
      "CreatePolicy",
      "DeclineHandshake",
      "DeleteOrganization",
      "DeleteOrganizationalUnit",
      "DeletePolicy",
      "DetachPolicy",
      "DisablePolicyType",
      "EnablePolicyType",
      "InviteAccountToOrganization",
      "LeaveOrganization",
      "MoveAccount",
      "RemoveAccountFromOrganization",
      "UpdatePolicy",
      "UpdateOrganizationalUnit",
    ]),
    negatives: [read("organizations.amazonaws.com", "DescribeOrganization"), UNRELATED_WRITE],
  },
} as const satisfies Record<string, MonitoringItem>;

export type CisMonitoringId = keyof typeof ITEMS;
