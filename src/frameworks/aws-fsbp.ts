import type { Requirement } from "./index.js";

/**
 * AWS Foundational Security Best Practices v1.0.0: the controls of the standard for the services
 * yourside scans or plans to (the standard has controls for many more), with Security Hub's titles.
 * Retired controls are not listed (S3.4, default encryption, went when S3 began encrypting every
 * new object). Source: https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html
 */
export const AWS_FSBP: readonly Requirement[] = [
  { id: "S3.1", title: "S3 general purpose buckets should have block public access settings enabled", automated: true },
  { id: "S3.2", title: "S3 general purpose buckets should block public read access", automated: true },
  { id: "S3.3", title: "S3 general purpose buckets should block public write access", automated: true },
  { id: "S3.5", title: "S3 general purpose buckets should require requests to use SSL", automated: true },
  { id: "S3.8", title: "S3 general purpose buckets should block public access", automated: true },
  { id: "S3.9", title: "S3 general purpose buckets should have server access logging enabled", automated: true },
  { id: "S3.12", title: "ACLs should not be used to manage user access to S3 general purpose buckets", automated: true },
  { id: "IAM.1", title: 'IAM policies should not allow full "*" administrative privileges', automated: true },
  { id: "IAM.2", title: "IAM users should not have IAM policies attached", automated: true },
  { id: "IAM.3", title: "IAM users' access keys should be rotated every 90 days or less", automated: true },
  { id: "IAM.4", title: "IAM root user access key should not exist", automated: true },
  { id: "IAM.5", title: "MFA should be enabled for all IAM users that have a console password", automated: true },
  { id: "IAM.6", title: "Hardware MFA should be enabled for the root user", automated: true },
  { id: "IAM.7", title: "Password policies for IAM users should have strong configurations", automated: true },
  { id: "IAM.8", title: "Unused IAM user credentials should be removed", automated: true },
  { id: "IAM.21", title: "IAM customer managed policies that you create should not allow wildcard actions for services", automated: true },
  { id: "EC2.1", title: "Amazon EBS snapshots should not be publicly restorable", automated: true },
  { id: "EC2.2", title: "VPC default security groups should not allow inbound or outbound traffic", automated: true },
  { id: "EC2.3", title: "Attached Amazon EBS volumes should be encrypted at-rest", automated: true },
  { id: "EC2.6", title: "VPC flow logging should be enabled in all VPCs", automated: true },
  { id: "EC2.7", title: "EBS default encryption should be enabled", automated: true },
  { id: "EC2.8", title: "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", automated: true },
  { id: "EC2.18", title: "Security groups should only allow unrestricted incoming traffic for authorized ports", automated: true },
  { id: "EC2.19", title: "Security groups should not allow unrestricted access to ports with high risk", automated: true },
  { id: "EC2.21", title: "Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389", automated: true },
  { id: "Config.1", title: "AWS Config should be enabled and use the service-linked role for resource recording", automated: true },
  {
    id: "CloudTrail.1",
    title:
      "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events",
    automated: true,
  },
  { id: "CloudTrail.2", title: "CloudTrail should have encryption at-rest enabled", automated: true },
  { id: "CloudTrail.4", title: "CloudTrail log file validation should be enabled", automated: true },
  { id: "CloudTrail.5", title: "CloudTrail trails should be integrated with Amazon CloudWatch Logs", automated: true },
  {
    id: "RDS.2",
    title: "RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration",
    automated: true,
  },
  { id: "RDS.3", title: "RDS DB instances should have encryption at-rest enabled", automated: true },
  { id: "RDS.5", title: "RDS DB instances should be configured with multiple Availability Zones", automated: true },
  { id: "RDS.7", title: "RDS clusters should have deletion protection enabled", automated: true },
  { id: "RDS.8", title: "RDS DB instances should have deletion protection enabled", automated: true },
  { id: "RDS.9", title: "RDS DB instances should publish logs to CloudWatch Logs", automated: true },
  { id: "RDS.10", title: "IAM authentication should be configured for RDS instances", automated: true },
  { id: "RDS.11", title: "RDS instances should have automatic backups enabled", automated: true },
  { id: "RDS.13", title: "RDS automatic minor version upgrades should be enabled", automated: true },
  { id: "EFS.1", title: "Elastic File System should be configured to encrypt file data at-rest using AWS KMS", automated: true },
  { id: "EFS.8", title: "EFS file systems should be encrypted at rest", automated: true },
  { id: "GuardDuty.1", title: "GuardDuty should be enabled", automated: true },
  { id: "SecretsManager.1", title: "Secrets Manager secrets should have automatic rotation enabled", automated: true },
  {
    id: "SecretsManager.2",
    title: "Secrets Manager secrets configured with automatic rotation should rotate successfully",
    automated: true,
  },
  { id: "SecretsManager.3", title: "Remove unused Secrets Manager secrets", automated: true },
  { id: "SecretsManager.4", title: "Secrets Manager secrets should be rotated within a specified number of days", automated: true },
];
