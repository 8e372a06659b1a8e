import type { Requirement } from "./index.js";

/**
 * Security Hub controls that are not part of the FSBP standard: they belong to its CIS, NIST 800-53
 * or PCI DSS standards only. Checks cite them under this key so that FSBP references stay true.
 * Source: https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html
 */
export const AWS_SECURITY_HUB: readonly Requirement[] = [
  { id: "S3.14", title: "S3 general purpose buckets should have versioning enabled", automated: true, standards: "NIST 800-53" },
  {
    id: "S3.17",
    title: "S3 general purpose buckets should be encrypted at rest with AWS KMS keys",
    automated: true,
    standards: "NIST 800-53, PCI DSS",
  },
  { id: "S3.20", title: "S3 general purpose buckets should have MFA delete enabled", automated: true, standards: "CIS" },
  { id: "S3.22", title: "S3 general purpose buckets should log object-level write events", automated: true, standards: "CIS" },
  { id: "S3.23", title: "S3 general purpose buckets should log object-level read events", automated: true, standards: "CIS" },
  {
    id: "EC2.13",
    title: "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22",
    automated: true,
    standards: "CIS 1.2, PCI DSS, NIST 800-53",
  },
  {
    id: "EC2.14",
    title: "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 3389",
    automated: true,
    standards: "CIS 1.2, PCI DSS",
  },
  {
    id: "EC2.53",
    title: "EC2 security groups should not allow ingress from 0.0.0.0/0 to remote server administration ports",
    automated: true,
    standards: "CIS, PCI DSS",
  },
  {
    id: "EC2.54",
    title: "EC2 security groups should not allow ingress from ::/0 to remote server administration ports",
    automated: true,
    standards: "CIS, PCI DSS",
  },
  {
    id: "CloudTrail.6",
    title: "Ensure the S3 bucket used to store CloudTrail logs is not publicly accessible",
    automated: true,
    standards: "CIS 1.4, PCI DSS",
  },
  {
    id: "CloudTrail.7",
    title: "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket",
    automated: true,
    standards: "CIS, PCI DSS",
  },
  {
    id: "CloudWatch.1",
    title: 'A log metric filter and alarm should exist for usage of the "root" user',
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171, PCI DSS",
  },
  {
    id: "CloudWatch.2",
    title: "Ensure a log metric filter and alarm exist for unauthorized API calls",
    automated: true,
    standards: "CIS 1.2, NIST 800-171",
  },
  {
    id: "CloudWatch.3",
    title: "Ensure a log metric filter and alarm exist for Management Console sign-in without MFA",
    automated: true,
    standards: "CIS 1.2",
  },
  {
    id: "CloudWatch.4",
    title: "Ensure a log metric filter and alarm exist for IAM policy changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.5",
    title: "Ensure a log metric filter and alarm exist for CloudTrail configuration changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.6",
    title: "Ensure a log metric filter and alarm exist for AWS Management Console authentication failures",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.7",
    title: "Ensure a log metric filter and alarm exist for disabling or scheduled deletion of customer managed keys",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.8",
    title: "Ensure a log metric filter and alarm exist for S3 bucket policy changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.9",
    title: "Ensure a log metric filter and alarm exist for AWS Config configuration changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.10",
    title: "Ensure a log metric filter and alarm exist for security group changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.11",
    title: "Ensure a log metric filter and alarm exist for changes to Network Access Control Lists (NACL)",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.12",
    title: "Ensure a log metric filter and alarm exist for changes to network gateways",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.13",
    title: "Ensure a log metric filter and alarm exist for route table changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  {
    id: "CloudWatch.14",
    title: "Ensure a log metric filter and alarm exist for VPC changes",
    automated: true,
    standards: "CIS 1.2, CIS 1.4, NIST 800-171",
  },
  { id: "KMS.4", title: "AWS KMS key rotation should be enabled", automated: true, standards: "CIS, PCI DSS" },
  { id: "IAM.9", title: "MFA should be enabled for the root user", automated: true, standards: "CIS, PCI DSS, NIST 800-53" },
  {
    id: "IAM.15",
    title: "Ensure IAM password policy requires minimum password length of 14 or greater",
    automated: true,
    standards: "CIS",
  },
  { id: "IAM.16", title: "Ensure IAM password policy prevents password reuse", automated: true, standards: "CIS" },
  { id: "IAM.18", title: "Ensure a support role has been created to manage incidents with AWS Support", automated: true, standards: "CIS" },
  { id: "IAM.22", title: "IAM user credentials unused for 45 days should be removed", automated: true, standards: "CIS" },
  { id: "IAM.26", title: "Expired SSL/TLS certificates managed in IAM should be removed", automated: true, standards: "CIS" },
  { id: "IAM.27", title: "IAM identities should not have the AWSCloudShellFullAccess policy attached", automated: true, standards: "CIS" },
  { id: "IAM.28", title: "IAM Access Analyzer external access analyzer should be enabled", automated: true, standards: "CIS" },
];
