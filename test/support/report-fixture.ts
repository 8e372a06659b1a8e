/**
 * A realistic report built from hand-made checks and findings, for report tests (JSON schema,
 * SARIF, terminal, HTML later). Findings are made the way the engine makes them (stable ids,
 * responsibility from the check), without an inventory.
 */
import type { Check } from "../../src/check.js";
import { findingId } from "../../src/engine.js";
import type { CallError } from "../../src/inventory/index.js";
import { responsibilityFor } from "../../src/responsibility.js";
import type { Evidence, Finding, FindingResource, ResourceRef, Severity } from "../../src/results.js";
import { buildReport, type Report, type ScanInput } from "../../src/report.js";
import { CHECKS as CATALOGUE, serviceById } from "../../src/services/index.js";

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

/** The real checks the fixture's findings are about (the report's `checks`). */
export const CHECK_IDS = [
  "s3-bucket-public-policy",
  "s3-account-block-public-access",
  "s3-bucket-default-encryption",
  "s3-bucket-tls-only",
  "s3-bucket-access-logging",
  "s3-bucket-versioning",
  "ec2-security-group-admin-ports-open",
  "iam-role-trust-public",
] as const;

export const CHECKS: readonly Check[] = CHECK_IDS.map((id) => {
  const found = CATALOGUE.find((c) => c.id === id);
  if (!found) throw new Error(`fixture: the catalogue has no check ${id}`);
  return found;
});

export const check = (id: string): Check => {
  const found = CHECKS.find((c) => c.id === id);
  if (!found) throw new Error(`fixture: no check ${id}`);
  return found;
};

export interface FindingInput {
  status: Finding["status"];
  resource: FindingResource;
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
    responsibility: responsibilityFor(serviceById(c.service).model, c.layer, c.awsModel),
    message: input.message,
    evidence: input.evidence ?? {},
    remediation: c.remediation,
    compliance: c.compliance,
    ...(input.error ? { error: input.error } : {}),
    ...(input.status === "MUTED" ? { muted: { reason: input.mutedReason ?? "accepted risk", of: input.error ? "ERROR" : "FAIL" } } : {}),
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
      severity: "high",
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
    makeFinding("s3-account-block-public-access", {
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
      severity: "informational",
    }),
    makeFinding("ec2-security-group-admin-ports-open", {
      status: "FAIL",
      resource: SG_RULE,
      message: "Ingress rule allows tcp/22 (SSH) from 0.0.0.0/0",
      evidence: { protocol: "tcp", fromPort: 22, toPort: 22, cidr: "0.0.0.0/0" },
    }),
    makeFinding("iam-role-trust-public", {
      status: "FAIL",
      resource: ADMIN_ROLE,
      region: "global",
      message: 'Trust policy lets Principal {"AWS": "*"} call sts:AssumeRole with no condition',
      evidence: { principal: { AWS: "*" }, action: "sts:AssumeRole" },
    }),
  ];
}

export function fixtureScan(overrides: Partial<ScanInput> = {}): ScanInput {
  return {
    id: "2025-06-01T10:00:00Z-a1b2c3",
    startedAt: "2025-06-01T10:00:00.000Z",
    finishedAt: "2025-06-01T10:00:42.500Z",
    accounts: [ACCOUNT],
    regions: [...REGIONS],
    services: ["s3", "iam", "ec2"],
    complete: false,
    errors: [ACCESS_DENIED, POLICY_DENIED],
    stats: {
      calls: { "s3:ListBuckets": 1, "s3:GetBucketPolicy": 5, "s3control:GetPublicAccessBlock": 1, "iam:GetAccountAuthorizationDetails": 1 },
      skipped: { "s3:GetBucketAcl": 3 },
    },
    source: "live",
    ...overrides,
  };
}

export interface FixtureOptions {
  findings?: readonly Finding[];
  checks?: readonly Check[];
  scan?: Partial<ScanInput>;
}

/** The report `buildReport` makes from the fixture checks and findings (or the ones given). */
export function buildFixtureReport(options: FixtureOptions = {}): Report {
  return buildReport(fixtureScan(options.scan), options.findings ?? fixtureFindings(), options.checks ?? CHECKS);
}

/** A deep copy that tests can mutate freely. */
export const cloneReport = (report: Report): Report => structuredClone(report);
