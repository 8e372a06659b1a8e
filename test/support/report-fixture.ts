/**
 * A realistic report built from hand-made checks and findings, for report tests (JSON schema,
 * SARIF, terminal, HTML later). Findings are made the way the engine makes them (stable ids,
 * responsibility from the check), without an inventory.
 */
import { defineCheck, FRAMEWORKS, type Check } from "../../src/check.js";
import { findingId } from "../../src/engine.js";
import type { CallError } from "../../src/inventory/index.js";
import { AWS_MODEL, responsibilityFor } from "../../src/responsibility.js";
import type { Evidence, Finding, ResourceRef, Severity } from "../../src/results.js";
import { buildReport, type Report, type ScanInfo } from "../../reports/json.js";

export const ACCOUNT = "123456789012";
export const REGIONS = ["us-east-1", "eu-west-1"];

export const bucket = (name: string): ResourceRef => ({ arn: `arn:aws:s3:::${name}`, id: name, type: "AWS::S3::Bucket" });

/** A resource whose id has `:` and `/` in it, as security group rules and IAM paths do. */
export const SG_RULE: ResourceRef = {
  arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group-rule/sgr-0abc1234def567890`,
  id: "sg-0123456789abcdef0/ingress:tcp:22:0.0.0.0/0",
  type: "AWS::EC2::SecurityGroupIngress",
};

export const ADMIN_ROLE: ResourceRef = {
  arn: `arn:aws:iam::${ACCOUNT}:role/service-role/ci/deployer`,
  id: "arn:aws:iam::123456789012:role/service-role/ci/deployer",
  type: "AWS::IAM::Role",
};

const noEvaluation = (): never[] => [];

export const CHECKS: readonly Check[] = [
  defineCheck({
    id: "s3-bucket-public-policy",
    title: "S3 bucket policy does not grant access to everyone",
    service: "s3",
    layer: "data",
    severity: "high",
    needs: ["s3.buckets", "s3.bucketPolicy", "s3.bucketPublicAccessBlock", "s3.accountPublicAccessBlock"],
    rationale:
      'A bucket policy statement that allows Principal "*" without a condition pinning the caller makes the bucket\'s data readable (or writable) by anyone on the internet.',
    remediation: {
      text: "Remove the public statement or restrict it with a condition, and turn on Block Public Access.",
      cli: "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
      url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    },
    compliance: { [FRAMEWORKS.cis]: ["3.1.4"], [FRAMEWORKS.fsbp]: ["S3.2", "S3.3", "S3.8"] },
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "s3-account-public-access-block",
    title: "S3 account-level Block Public Access is on",
    service: "s3",
    layer: "data",
    severity: "high",
    needs: ["s3.accountPublicAccessBlock"],
    rationale: "Account-level Block Public Access stops any bucket of the account from being made public by mistake.",
    remediation: {
      text: "Turn on all four account-level Block Public Access settings.",
      cli: "aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    },
    compliance: { [FRAMEWORKS.cis]: ["3.1.4"], [FRAMEWORKS.fsbp]: ["S3.1"] },
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "s3-bucket-default-encryption",
    title: "S3 bucket has default encryption",
    service: "s3",
    layer: "encryption",
    severity: "medium",
    needs: ["s3.buckets", "s3.bucketEncryption"],
    rationale: "Default encryption makes every new object encrypted at rest; SSE-KMS also gives key policies and an audit trail.",
    remediation: {
      text: "Configure SSE-KMS default encryption on the bucket.",
      cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}\'',
    },
    compliance: { [FRAMEWORKS.fsbp]: ["S3.4"] },
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "s3-bucket-tls-only",
    title: "S3 bucket policy denies requests without TLS",
    service: "s3",
    layer: "encryption",
    awsModel: AWS_MODEL.trafficProtection,
    severity: "medium",
    needs: ["s3.buckets", "s3.bucketPolicy"],
    rationale: "Without a Deny on aws:SecureTransport=false, clients can read and write the bucket over plain HTTP.",
    remediation: { text: "Add a bucket policy statement that denies s3:* when aws:SecureTransport is false." },
    compliance: { [FRAMEWORKS.cis]: ["3.1.1"], [FRAMEWORKS.fsbp]: ["S3.5"] },
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "s3-bucket-access-logging",
    title: "S3 bucket has server access logging",
    service: "s3",
    layer: "monitoring",
    severity: "low",
    needs: ["s3.buckets", "s3.bucketLogging"],
    rationale: "Server access logs record every request to the bucket, which investigations need.",
    remediation: { text: "Enable server access logging to a separate log bucket." },
    compliance: { [FRAMEWORKS.fsbp]: ["S3.9"] },
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "s3-bucket-versioning",
    title: "S3 bucket has versioning",
    service: "s3",
    layer: "data",
    severity: "informational",
    needs: ["s3.buckets", "s3.bucketVersioning"],
    rationale: "Versioning keeps earlier versions of objects, so an overwrite or delete can be undone.",
    remediation: { text: "Enable versioning on the bucket." },
    compliance: {},
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "ec2-security-group-admin-ports-open",
    title: "Security group does not open administration ports to the internet",
    service: "ec2",
    layer: "network",
    severity: "high",
    needs: [],
    rationale: "SSH (22) and RDP (3389) open to 0.0.0.0/0 expose instances to brute-force attacks from anywhere.",
    remediation: {
      text: "Restrict the rule to known address ranges or use Session Manager.",
      cli: "aws ec2 revoke-security-group-ingress --group-id GROUP --security-group-rule-ids RULE",
    },
    compliance: { [FRAMEWORKS.cis]: ["6.3"], [FRAMEWORKS.fsbp]: ["EC2.13"] },
    evaluate: noEvaluation,
  }),
  defineCheck({
    id: "iam-role-trust-anyone",
    title: "IAM role trust policy does not allow anyone to assume it",
    service: "iam",
    layer: "identity",
    severity: "critical",
    needs: [],
    rationale: 'A trust policy with Principal "*" lets any AWS account assume the role.',
    remediation: { text: "Name the accounts or services allowed to assume the role." },
    compliance: {},
    evaluate: noEvaluation,
  }),
];

export const check = (id: string): Check => {
  const found = CHECKS.find((c) => c.id === id);
  if (!found) throw new Error(`fixture: no check ${id}`);
  return found;
};

export interface FindingInput {
  status: Finding["status"];
  resource: ResourceRef;
  region?: string;
  message: string;
  evidence?: Evidence;
  severity?: Severity;
  error?: CallError;
  mutedReason?: string;
  accountId?: string;
}

/** A finding as the engine would make it for `checkOrId`. */
export function makeFinding(checkOrId: Check | string, input: FindingInput): Finding {
  const c = typeof checkOrId === "string" ? check(checkOrId) : checkOrId;
  const accountId = input.accountId ?? ACCOUNT;
  const region = input.region ?? "us-east-1";
  return {
    id: findingId(c.id, accountId, region, input.resource),
    checkId: c.id,
    title: c.title,
    status: input.status,
    severity: input.severity ?? c.severity,
    service: c.service,
    accountId,
    region,
    resource: input.resource,
    responsibility: responsibilityFor(c.service, c.layer, c.awsModel),
    message: input.message,
    evidence: input.evidence ?? {},
    remediation: c.remediation,
    compliance: c.compliance,
    ...(input.error ? { error: input.error } : {}),
    ...(input.status === "MUTED" ? { muted: { reason: input.mutedReason ?? "accepted risk" } } : {}),
  };
}

export const ACCESS_DENIED: CallError = {
  service: "s3control",
  region: "us-east-1",
  operation: "GetPublicAccessBlock",
  code: "AccessDenied",
  message: "User: arn:aws:sts::123456789012:assumed-role/auditor/session is not authorized to perform: s3:GetAccountPublicAccessBlock",
};

export const POLICY_DENIED: CallError = {
  service: "s3",
  region: "eu-west-1",
  operation: "GetBucketPolicy",
  code: "AccessDenied",
  message: "Access Denied",
  resource: "locked-bucket",
};

/** PASS, FAIL (every severity, several layers), ERROR and MUTED results. */
export function fixtureFindings(): Finding[] {
  return [
    makeFinding("s3-bucket-public-policy", {
      status: "FAIL",
      resource: bucket("public-website"),
      message: 'Bucket policy statement "PublicWrite" allows s3:PutObject to Principal "*" with no restricting condition',
      evidence: { statementSid: "PublicWrite", actions: ["s3:PutObject", "s3:GetObject"], principal: "*" },
      severity: "critical",
    }),
    makeFinding("s3-bucket-public-policy", {
      status: "FAIL",
      resource: bucket("public-reports"),
      region: "eu-west-1",
      message: 'Bucket policy statement "PublicRead" allows s3:GetObject to Principal "*"',
      evidence: { statementSid: "PublicRead", actions: ["s3:GetObject"], principal: "*" },
    }),
    makeFinding("s3-bucket-public-policy", {
      status: "PASS",
      resource: bucket("private-data"),
      message: "Bucket policy grants no public access",
    }),
    makeFinding("s3-bucket-public-policy", {
      status: "ERROR",
      resource: bucket("locked-bucket"),
      region: "eu-west-1",
      message: "Could not evaluate: GetBucketPolicy failed with AccessDenied (Access Denied).",
      error: POLICY_DENIED,
    }),
    makeFinding("s3-account-public-access-block", {
      status: "ERROR",
      resource: { arn: `arn:aws:::${ACCOUNT}`, id: ACCOUNT, type: "AWS::::Account" },
      region: "us-east-1",
      message: "Could not evaluate: GetPublicAccessBlock failed with AccessDenied.",
      error: ACCESS_DENIED,
    }),
    makeFinding("s3-bucket-default-encryption", {
      status: "FAIL",
      resource: bucket("public-website"),
      message: "Bucket has no default encryption configuration",
      evidence: { serverSideEncryption: null },
    }),
    makeFinding("s3-bucket-default-encryption", {
      status: "PASS",
      resource: bucket("private-data"),
      message: "Bucket encrypts new objects with SSE-KMS (aws:kms)",
      evidence: { algorithm: "aws:kms" },
    }),
    makeFinding("s3-bucket-tls-only", {
      status: "MUTED",
      resource: bucket("legacy-uploads"),
      message: "Bucket policy does not deny requests without TLS",
      mutedReason: "Legacy uploader cannot use TLS; replacement tracked in SEC-142",
    }),
    makeFinding("s3-bucket-access-logging", {
      status: "FAIL",
      resource: bucket("public-website"),
      message: "Server access logging is off",
      evidence: { loggingEnabled: false },
    }),
    makeFinding("s3-bucket-versioning", {
      status: "FAIL",
      resource: bucket("public-website"),
      message: "Versioning is Suspended",
      evidence: { status: "Suspended" },
    }),
    makeFinding("ec2-security-group-admin-ports-open", {
      status: "FAIL",
      resource: SG_RULE,
      message: "Ingress rule allows tcp/22 (SSH) from 0.0.0.0/0",
      evidence: { protocol: "tcp", fromPort: 22, toPort: 22, cidr: "0.0.0.0/0" },
    }),
    makeFinding("iam-role-trust-anyone", {
      status: "FAIL",
      resource: ADMIN_ROLE,
      region: "global",
      message: 'Trust policy lets Principal {"AWS": "*"} call sts:AssumeRole with no condition',
      evidence: { principal: { AWS: "*" }, action: "sts:AssumeRole" },
    }),
  ];
}

export function fixtureScan(overrides: Partial<ScanInfo> = {}): ScanInfo {
  return {
    id: "2025-06-01T10:00:00Z-a1b2c3",
    startedAt: "2025-06-01T10:00:00.000Z",
    finishedAt: "2025-06-01T10:00:42.500Z",
    accounts: [ACCOUNT],
    regions: [...REGIONS],
    services: ["s3", "iam", "ec2"],
    complete: false,
    errors: [ACCESS_DENIED, POLICY_DENIED],
    stats: { "s3:ListBuckets": 1, "s3:GetBucketPolicy": 5, "s3control:GetPublicAccessBlock": 1, "iam:GetAccountAuthorizationDetails": 1 },
    source: "live",
    ...overrides,
  };
}

export interface FixtureOptions {
  findings?: readonly Finding[];
  checks?: readonly Check[];
  scan?: Partial<ScanInfo>;
}

/** The report `buildReport` makes from the fixture checks and findings (or the ones given). */
export function buildFixtureReport(options: FixtureOptions = {}): Report {
  return buildReport(fixtureScan(options.scan), options.findings ?? fixtureFindings(), options.checks ?? CHECKS);
}

/** A deep copy that tests can mutate freely. */
export const cloneReport = (report: Report): Report => structuredClone(report);
