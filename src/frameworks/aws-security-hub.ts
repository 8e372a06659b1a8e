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
    id: "S3.7",
    title: "S3 general purpose buckets should use cross-Region replication",
    automated: true,
    standards: "NIST 800-53, PCI DSS",
  },
  { id: "S3.15", title: "S3 general purpose buckets should have Object Lock enabled", automated: true, standards: "NIST 800-53, PCI DSS" },
  { id: "EC2.12", title: "Unused Amazon EC2 EIPs should be removed", automated: true, standards: "NIST 800-53, PCI DSS" },
  {
    id: "EC2.22",
    title: "Unused Amazon EC2 security groups should be removed",
    automated: true,
    standards: "AWS Control Tower (removed from FSBP and NIST 800-53 in September 2023)",
  },
  {
    id: "EC2.182",
    title: "Block public access settings should be enabled for Amazon EBS snapshots",
    automated: true,
    standards: "no standard listed in the control reference",
  },
  {
    id: "IAM.11",
    title: "Ensure IAM password policy requires at least one uppercase letter",
    automated: true,
    standards: "CIS 1.2, PCI DSS",
  },
  {
    id: "IAM.12",
    title: "Ensure IAM password policy requires at least one lowercase letter",
    automated: true,
    standards: "CIS 1.2, PCI DSS",
  },
  { id: "IAM.13", title: "Ensure IAM password policy requires at least one symbol", automated: true, standards: "CIS 1.2" },
  { id: "IAM.14", title: "Ensure IAM password policy requires at least one number", automated: true, standards: "CIS 1.2, PCI DSS" },
  {
    id: "IAM.17",
    title: "Ensure IAM password policy expires passwords within 90 days or less",
    automated: true,
    standards: "CIS 1.2, PCI DSS",
  },
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
