import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { PutPublicAccessBlockCommand as PutAccountPabCommand } from "@aws-sdk/client-s3-control";
import { validateReport } from "../../reports/schema/validate.js";
import type { Report } from "../../reports/json.js";
import { runCli } from "../support/cli.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../support/moto.js";
import { s3ControlFor, s3For } from "../support/seed.js";
import { validateSarifSchema } from "../support/sarif-schema.js";

const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const policy = (bucket: string, ...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements.map((s) => ({ Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], ...s })) });
const publicRead = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject" };
const denyHttp = { Sid: "DenyHttp", Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } };

async function create(s3: S3Client, bucket: string, region: string) {
  await s3.send(new CreateBucketCommand({ Bucket: bucket, ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as "eu-west-1" } }) }));
}

/** Public, private and edge-case buckets in two regions. */
async function seedScenario(moto: MotoServer) {
  const us = s3For(moto, "us-east-1");
  const eu = s3For(moto, "eu-west-1");
  await create(us, "public-read-policy", "us-east-1");
  await us.send(new PutBucketPolicyCommand({ Bucket: "public-read-policy", Policy: policy("public-read-policy", publicRead) }));

  await create(eu, "public-write-policy", "eu-west-1");
  await eu.send(new PutBucketPolicyCommand({
    Bucket: "public-write-policy",
    Policy: policy("public-write-policy", { Sid: "Upload", Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:PutObject", "s3:GetObject"] }),
  }));

  await create(us, "vpce-only", "us-east-1");
  await us.send(new PutBucketPolicyCommand({
    Bucket: "vpce-only",
    Policy: policy("vpce-only", { ...publicRead, Sid: "FromVpce", Action: "s3:*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } } }),
  }));

  await create(us, "mixed-policy", "us-east-1");
  await us.send(new PutBucketPolicyCommand({
    Bucket: "mixed-policy",
    Policy: policy("mixed-policy", { Sid: "OrgOnly", Effect: "Allow", Principal: "*", Action: "s3:*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }, publicRead),
  }));

  await create(us, "neutralised", "us-east-1");
  await us.send(new PutBucketPolicyCommand({ Bucket: "neutralised", Policy: policy("neutralised", publicRead) }));
  await us.send(new PutPublicAccessBlockCommand({ Bucket: "neutralised", PublicAccessBlockConfiguration: { ...ALL_ON, BlockPublicPolicy: false } }));

  await create(us, "public-acl", "us-east-1");
  await us.send(new PutBucketAclCommand({ Bucket: "public-acl", ACL: "public-read" }));

  await create(eu, "access-logs", "eu-west-1");
  const logDelivery = 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"';
  await eu.send(new PutBucketAclCommand({ Bucket: "access-logs", GrantWrite: logDelivery, GrantReadACP: logDelivery, GrantFullControl: `id="${"a".repeat(64)}"` }));
  await create(eu, "hardened", "eu-west-1");
  await eu.send(new PutPublicAccessBlockCommand({ Bucket: "hardened", PublicAccessBlockConfiguration: ALL_ON }));
  await eu.send(new PutBucketOwnershipControlsCommand({ Bucket: "hardened", OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } }));
  await eu.send(new PutBucketEncryptionCommand({
    Bucket: "hardened",
    ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/data" }, BucketKeyEnabled: true }] },
  }));
  await eu.send(new PutBucketPolicyCommand({ Bucket: "hardened", Policy: policy("hardened", denyHttp) }));
  await eu.send(new PutBucketVersioningCommand({ Bucket: "hardened", VersioningConfiguration: { Status: "Enabled" } }));
  await eu.send(new PutBucketLoggingCommand({ Bucket: "hardened", BucketLoggingStatus: { LoggingEnabled: { TargetBucket: "access-logs", TargetPrefix: "hardened/" } } }));

  await create(us, "sse-s3", "us-east-1");
  await us.send(new PutBucketEncryptionCommand({ Bucket: "sse-s3", ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] } }));
}

const BUCKETS = ["public-read-policy", "public-write-policy", "vpce-only", "mixed-policy", "neutralised", "public-acl", "access-logs", "hardened", "sse-s3"];

describe("S3 end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-s3-"));
  });

  async function scan(extra: string[] = []): Promise<{ report: Report; code: number; stderr: string }> {
    const out = join(dir, "report.json");
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", "us-east-1,eu-west-1", "--services", "s3", "--format", "json", "--output", out, ...extra]);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    return { report, code: run.code, stderr: run.stderr };
  }

  const verdict = (report: Report, checkId: string, resourceId: string) => {
    const f = report.findings.find((x) => x.checkId === checkId && x.resource.id === resourceId);
    if (!f) throw new Error(`no ${checkId} finding for ${resourceId}`);
    return f;
  };

  it("reports every bucket with the right status, severity, layer and region", async () => {
    await seedScenario(moto);
    const { report, code } = await scan();
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
    expect(code).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], accounts: [TEST_ACCOUNT], regions: ["us-east-1", "eu-west-1"] });

    const policyCheck = (id: string) => verdict(report, "s3-bucket-public-policy", id);
    expect(policyCheck("public-read-policy")).toMatchObject({ status: "FAIL", severity: "high", region: "us-east-1", responsibility: { layer: "data", awsModel: "Customer data" } });
    expect(policyCheck("public-write-policy")).toMatchObject({ status: "FAIL", severity: "critical", region: "eu-west-1" });
    expect(policyCheck("public-write-policy").message).toContain('Sid "Upload"');
    expect(policyCheck("vpce-only").status).toBe("PASS");
    expect(policyCheck("mixed-policy")).toMatchObject({ status: "FAIL", evidence: { publicStatements: [{ statement: 'Sid "PublicRead"' }] } });
    expect(policyCheck("neutralised")).toMatchObject({ status: "PASS", evidence: { neutralisedBy: "RestrictPublicBuckets (bucket)" } });
    expect(policyCheck("hardened").status).toBe("PASS");

    expect(verdict(report, "s3-bucket-public-acl", "public-acl")).toMatchObject({ status: "FAIL", severity: "high" });
    expect(verdict(report, "s3-bucket-public-acl", "hardened").status).toBe("PASS");
    expect(verdict(report, "s3-bucket-public-acl", "access-logs").status).toBe("PASS");

    for (const check of ["s3-bucket-acls-disabled", "s3-bucket-default-encryption", "s3-bucket-tls-only", "s3-bucket-access-logging", "s3-bucket-versioning"]) {
      expect(verdict(report, check, "hardened").status, check).toBe("PASS");
      expect(verdict(report, check, "public-read-policy").status, check).toBe("FAIL");
    }
    expect(verdict(report, "s3-bucket-acls-disabled", "hardened").responsibility.layer).toBe("application");
    expect(verdict(report, "s3-bucket-default-encryption", "hardened").evidence.strength).toBe("SSE-KMS");
    expect(verdict(report, "s3-bucket-default-encryption", "sse-s3")).toMatchObject({ status: "PASS", evidence: { strength: "SSE-S3" } });
    expect(verdict(report, "s3-bucket-tls-only", "hardened").responsibility.awsModel).toBe("Networking traffic protection (encryption, integrity, identity)");
    expect(verdict(report, "s3-bucket-access-logging", "hardened").responsibility.layer).toBe("monitoring");
    expect(verdict(report, "s3-account-block-public-access", TEST_ACCOUNT).status).toBe("FAIL");

    // Every bucket is evaluated by every bucket check, in its real region.
    for (const b of BUCKETS) expect(report.findings.filter((f) => f.resource.id === b)).toHaveLength(7);
    expect(new Set(report.findings.filter((f) => f.resource.id === "hardened").map((f) => f.region))).toEqual(new Set(["eu-west-1"]));

    // One ListBuckets, one account-level read, then nine reads per bucket.
    expect(report.scan.stats).toMatchObject({ "s3:ListBuckets": 1, "s3-control:GetPublicAccessBlock": 1, "s3:GetBucketLocation": BUCKETS.length, "s3:GetBucketPolicy": BUCKETS.length });
    const perBucket = Object.entries(report.scan.stats).filter(([k]) => k.startsWith("s3:") && k !== "s3:ListBuckets").reduce((n, [, v]) => n + v, 0) / BUCKETS.length;
    expect(perBucket).toBe(9);
  });

  it("honours account-level Block Public Access and passes the account check", async () => {
    await seedScenario(moto);
    await s3ControlFor(moto).send(new PutAccountPabCommand({ AccountId: TEST_ACCOUNT, PublicAccessBlockConfiguration: ALL_ON }));
    const { report } = await scan();
    expect(verdict(report, "s3-account-block-public-access", TEST_ACCOUNT).status).toBe("PASS");
    expect(verdict(report, "s3-bucket-public-policy", "public-write-policy")).toMatchObject({ status: "PASS", evidence: { neutralisedBy: "RestrictPublicBuckets (account)" } });
    expect(verdict(report, "s3-bucket-public-acl", "public-acl")).toMatchObject({ status: "PASS", evidence: { neutralisedBy: "IgnorePublicAcls (account)" } });
  });

  it("writes JSON and SARIF that validate, with stable ids across runs", async () => {
    await seedScenario(moto);
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", "us-east-1", "--services", "s3", "--format", "json,sarif", "--output-dir", dir, "--fail-on", "none"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "yourside-report.json"), "utf8")) as Report;
    expect(validateReport(report).valid).toBe(true);
    const sarif = JSON.parse(readFileSync(join(dir, "yourside-report.sarif"), "utf8")) as { runs: { results: unknown[] }[] };
    expect(validateSarifSchema(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results).toHaveLength(report.findings.filter((f) => f.status === "FAIL").length);

    const again = await scan(["--regions", "us-east-1"]);
    const ids = (r: Report) => r.findings.map((f) => `${f.checkId}|${f.resource.arn}|${f.id}`).sort();
    expect(ids(again.report)).toEqual(ids(report));
  });

  it("--checks and --severity narrow what is collected and reported", async () => {
    await seedScenario(moto);
    const { report } = await scan(["--checks", "s3-bucket-public-policy", "--severity", "critical"]);
    expect(new Set(report.findings.map((f) => f.checkId))).toEqual(new Set(["s3-bucket-public-policy"]));
    expect(report.findings.every((f) => f.severity === "critical")).toBe(true);
    expect(report.findings.filter((f) => f.status === "FAIL").map((f) => f.resource.id)).toEqual(["public-write-policy"]);
    expect(report.scan.stats["s3:GetBucketLogging"]).toBeUndefined();
  });
});
