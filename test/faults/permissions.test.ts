import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { CHECKS } from "../../src/services/index.js";
import { leastPrivilegePolicy, operationsFor } from "../../src/least-privilege.js";
import type { JsonReport as Report } from "../../reports/json.js";
import { errorFor, startFaultProxy, type FaultProxy, type LoggedRequest, type Protocol } from "../support/fault-proxy.js";
import { startMoto, type MotoServer } from "../support/moto.js";
import {
  declaredOperations,
  errorsNaming,
  faultViolations,
  checkOperationGroups,
  newErrors,
  READ_OPERATION,
  reportOf,
  scanVia,
  seedEverything,
  sortedErrors,
  verdictLines,
  type Scan,
} from "./scenario.js";

/** Every operation a check can make the scanner call, split so no check needs two of one group. */
const GROUPS = checkOperationGroups();
/** Two scans at a time: each is a CLI process, and the machine may have two cores. */
const slot = pLimit(2);
/** What the closing note reports per operation. */
const notes: string[] = [];

describe("permissions: the scanner only reads, and a permission it lacks is an ERROR for exactly what needs it", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let dir: string;
  let clean: Scan;
  let cleanReport: Report;
  let wire: readonly LoggedRequest[];
  const protocols = new Map<string, Protocol>();
  const deniedCode = (op: string) => errorFor({ kind: "access-denied" }, protocols.get(op) ?? "query").code;

  beforeAll(async () => {
    moto = await startMoto({ awsManagedPolicies: true });
    proxy = await startFaultProxy({ target: moto.url });
    dir = mkdtempSync(join(tmpdir(), "yourside-faults-permissions-"));
    await seedEverything(moto);
    proxy.reset();
    clean = await scanVia(proxy.url, dir);
    cleanReport = reportOf(clean);
    wire = proxy.log();
    for (const l of wire) protocols.set(l.info.key, l.info.protocol);
  }, 120_000);

  afterAll(async () => {
    await moto?.setAuth(Infinity).catch(() => {});
    await proxy?.stop();
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (notes.length) console.log(`AccessDenied per operation (ERROR results / failed calls):\n  ${notes.sort().join("\n  ")}`);
  });

  it("the clean full scan calls only read operations, each allowed by `yourside policy`, and the wire agrees with scan.stats", () => {
    expect(clean.stderr).not.toMatch(/^\s+at /m);
    const stats = cleanReport.scan.stats.calls;
    const declared = declaredOperations();
    const allowed = new Set(leastPrivilegePolicy(CHECKS).Statement.flatMap((s) => s.Action));
    expect(Object.keys(stats).length).toBeGreaterThan(10);
    console.log(`clean scan: ${clean.ms} ms, wire ${wire[0]?.at}..${wire.at(-1)?.at} ms, ${wire.length} calls`);
    for (const key of Object.keys(stats)) {
      const [, operation] = key.split(":") as [string, string];
      expect(operation, key).toMatch(READ_OPERATION);
      const spec = declared.get(key);
      expect(spec, `${key} was called but no slice declares it`).toBeDefined();
      expect(allowed.has(spec!.action), `${key} needs ${spec?.action}, which the policy lacks`).toBe(true);
    }
    // What the SDK middleware recorded is what went over the wire: nothing bypasses the recorder.
    const onWire: Record<string, number> = {};
    for (const l of wire) onWire[l.info.key] = (onWire[l.info.key] ?? 0) + 1;
    expect(new Set(Object.keys(onWire))).toEqual(new Set(Object.keys(stats)));
    for (const [key, n] of Object.entries(stats)) expect(onWire[key], key).toBeGreaterThanOrEqual(n);
    for (const l of wire) expect(["GET", "POST", "HEAD"], l.info.key).toContain(l.info.method);
  });

  it("the clean scan reaches every operation the checks declare (so the faults below reach them all)", () => {
    const missing = operationsFor(CHECKS)
      .map((o) => `${o.service}:${o.operation}`)
      .filter((k) => k !== "ec2:DescribeRegions" && !(k in cleanReport.scan.stats.calls));
    expect(missing, "seed the sample account so that these get called").toEqual([]);
    expect(cleanReport.findings.length).toBeGreaterThan(50);
  });

  describe.concurrent("AccessDenied on every operation, a group of independent operations per scan", () => {
    it.each(GROUPS.map((g) => [g.join(", "), g] as const))(
      "%s",
      async (_name, group) =>
        slot(async () => {
          const own = await startFaultProxy({ target: moto.url });
          try {
            own.setRules([{ operations: group, fault: { kind: "access-denied" } }]);
            const run = await scanVia(own.url, dir);
            const report = reportOf(run);
            expect(run.code, run.stderr).toBe(3);
            expect(report.scan.complete).toBe(false);
            expect(run.stderr).not.toMatch(/^\s+at /m);
            expect(faultViolations(cleanReport, report, new Set(group), deniedCode)).toEqual([]);
            const injected = own.stats().injectedByOperation;
            for (const op of group) {
              // Every call of it was denied (none slipped through), each became a recorded failed call.
              expect(injected[`access-denied ${op}`], `${op} was never called`).toBeGreaterThan(0);
              expect(injected[`access-denied ${op}`], op).toBe(report.scan.stats.calls[op]);
              const failed = report.scan.errors.filter((e) => `${e.service}:${e.operation}` === op);
              expect(failed.length, op).toBe(report.scan.stats.calls[op]);
              for (const e of failed) expect(e.code, op).toBe(deniedCode(op));
              const n = errorsNaming(report, op);
              notes.push(`${op}: ${n.findings} ERROR results / ${n.calls} failed calls (${deniedCode(op)})`);
            }
            // Every other call failed exactly as in the clean scan (moto's own gaps included: see newErrors).
            const others = (errors: Report["scan"]["errors"]) => errors.filter((e) => !group.includes(`${e.service}:${e.operation}`));
            expect(sortedErrors(others(report.scan.errors))).toEqual(sortedErrors(others(cleanReport.scan.errors)));
          } finally {
            await own.stop();
          }
        }),
      120_000,
    );
  });

  it("AccessDenied on sts:GetCallerIdentity: no account to scan, so one clear line and exit 2, no report", async () => {
    const own = await startFaultProxy({ target: moto.url });
    try {
      own.setRules([{ operations: ["sts:GetCallerIdentity"], fault: { kind: "access-denied" } }]);
      const run = await scanVia(own.url, dir);
      expect(run.code).toBe(2);
      expect(run.report).toBeUndefined();
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^yourside: cannot reach AWS to identify the account \(sts:GetCallerIdentity: .*not authorized/);
      expect(Object.keys(own.stats().requests)).toEqual(["sts:GetCallerIdentity"]);
    } finally {
      await own.stop();
    }
  });

  it("AccessDenied on ec2:DescribeRegions (no --regions): the home region is scanned and the report says the picture is partial", async () => {
    const own = await startFaultProxy({ target: moto.url });
    try {
      own.setRules([{ operations: ["ec2:DescribeRegions"], fault: { kind: "access-denied" } }]);
      const run = await scanVia(own.url, dir, { regions: null });
      const report = reportOf(run);
      expect(run.code).toBe(3);
      expect(report.scan).toMatchObject({ complete: false, regions: ["us-east-1"] });
      expect(newErrors(report, cleanReport)).toEqual([
        expect.objectContaining({ service: "ec2", operation: "DescribeRegions", code: "UnauthorizedOperation" }),
      ]);
      // Apart from it, the home region's calls failed as in the clean scan (moto's own gaps: see newErrors).
      expect(sortedErrors(report.scan.errors.filter((e) => e.operation !== "DescribeRegions"))).toEqual(
        sortedErrors(cleanReport.scan.errors.filter((e) => e.region === "us-east-1")),
      );
      // The home region is scanned as in the clean scan; elsewhere only what a global listing found (S3 buckets) appears.
      const inRegion = (r: Report, region: string) => verdictLines(r.findings.filter((f) => f.region === region));
      expect(inRegion(report, "us-east-1")).toEqual(inRegion(cleanReport, "us-east-1"));
      const cleanIds = new Set(cleanReport.findings.map((f) => `${f.id} ${f.status}`));
      for (const f of report.findings.filter((x) => x.region === "eu-west-1")) {
        expect(f.service, f.checkId).toBe("s3");
        expect(cleanIds.has(`${f.id} ${f.status}`), `${f.checkId} ${f.resource.id}`).toBe(true);
      }
      expect(report.findings.filter((f) => f.region === "eu-west-1" && f.service !== "s3")).toEqual([]);
    } finally {
      await own.stop();
    }
  });

  describe("moto's own IAM enforcement (not the proxy): a user granted the least-privilege policy minus some actions", () => {
    /**
     * moto authorizes some S3 calls by other action names than AWS does: GetBucketEncryption,
     * GetBucketOwnershipControls and GetPublicAccessBlock as s3:ListBucket, S3 Control's GetPublicAccessBlock
     * as s3:GetPublicAccessBlock, and CloudWatch's by its signing name (monitoring:DescribeAlarms, which AWS
     * calls cloudwatch:DescribeAlarms). Those names are added so the policy means on moto what it means on AWS.
     */
    const MOTO_ALIASES = ["s3:ListBucket", "s3:GetPublicAccessBlock", "monitoring:DescribeAlarms"];
    const allowing = (actions: readonly string[]) =>
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] });

    /** Creates an IAM user in moto, grants it what `grant` attaches, and returns its new access key. */
    async function userWithKey(name: string, grant: (iam: IAMClient) => Promise<void>): Promise<{ id: string; secret: string }> {
      const iam = new IAMClient(moto.clientConfig());
      try {
        await iam.send(new CreateUserCommand({ UserName: name }));
        await grant(iam);
        const created = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
        return { id: created.AccessKey?.AccessKeyId ?? "", secret: created.AccessKey?.SecretAccessKey ?? "" };
      } finally {
        iam.destroy();
      }
    }

    const DENIED: Record<string, string> = {
      "s3:GetBucketPolicy": "s3:GetBucketPolicy",
      "ec2:DescribeVolumes": "ec2:DescribeVolumes",
      "iam:GetAccountPasswordPolicy": "iam:GetAccountPasswordPolicy",
      "config:DescribeDeliveryChannels": "config:DescribeDeliveryChannels",
    };

    it("scans: exactly the denied operations fail, as ERROR naming them and AccessDenied; exit 3", async () => {
      const allowed = leastPrivilegePolicy(CHECKS).Statement[0]!.Action.filter((a) => !Object.values(DENIED).includes(a));
      const key = await userWithKey("auditor", async (iam) => {
        await iam.send(
          new PutUserPolicyCommand({
            UserName: "auditor",
            PolicyName: "yourside-scan",
            PolicyDocument: allowing([...allowed, ...MOTO_ALIASES]),
          }),
        );
      });
      // The auditor user is a resource too: compare with a clean scan that sees it.
      const baseline = reportOf(await scanVia(proxy.url, dir));
      await moto.setAuth(0);
      try {
        const run = await scanVia(proxy.url, dir, { env: { AWS_ACCESS_KEY_ID: key.id, AWS_SECRET_ACCESS_KEY: key.secret } });
        const report = reportOf(run);
        expect(run.code, run.stderr).toBe(3);
        expect(report.scan.complete).toBe(false);
        // What failed beyond the unrestricted scan's own failures (moto's gaps: see newErrors) is exactly the denied operations.
        const denied = newErrors(report, baseline);
        const failedOps = new Set(denied.map((e) => `${e.service}:${e.operation}`));
        expect(failedOps).toEqual(new Set(Object.keys(DENIED)));
        const deniedOp = (e: { service: string; operation: string }) => `${e.service}:${e.operation}` in DENIED;
        expect(sortedErrors(report.scan.errors.filter((e) => !deniedOp(e)))).toEqual(sortedErrors(baseline.scan.errors));
        // moto answers denials in its own shapes: AccessDenied everywhere, an XML body to the JSON Config API (HTTP403).
        const motoCode = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|HTTP403)$/;
        for (const e of denied) expect(e.code, `${e.service}:${e.operation}`).toMatch(motoCode);
        expect(
          faultViolations(
            baseline,
            report,
            new Set(Object.keys(DENIED)),
            (op) => report.scan.errors.find((e) => `${e.service}:${e.operation}` === op)?.code ?? "none",
          ),
        ).toEqual([]);
        for (const op of Object.keys(DENIED)) {
          const n = errorsNaming(report, op);
          expect(n.calls, op).toBeGreaterThan(0);
          notes.push(`(moto IAM) ${op}: ${n.findings} ERROR results / ${n.calls} failed calls`);
        }
      } finally {
        await moto.setAuth(Infinity);
      }
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }, 120_000);

    it("a user with only AWS's SecurityAudit managed policy attached scans with no permission errors (README's alternative to `yourside policy`)", async () => {
      const key = await userWithKey("security-audit", async (iam) => {
        await iam.send(new AttachUserPolicyCommand({ UserName: "security-audit", PolicyArn: "arn:aws:iam::aws:policy/SecurityAudit" }));
        // Only moto's misnamed actions are added: S3 Control's (s3:GetPublicAccessBlock, which AWS calls
        // s3:GetAccountPublicAccessBlock) and CloudWatch's (monitoring:DescribeAlarms; SecurityAudit grants cloudwatch:Describe*).
        await iam.send(
          new PutUserPolicyCommand({ UserName: "security-audit", PolicyName: "moto-action-names", PolicyDocument: allowing(MOTO_ALIASES) }),
        );
      });
      const baseline = reportOf(await scanVia(proxy.url, dir));
      await moto.setAuth(0);
      try {
        const run = await scanVia(proxy.url, dir, { env: { AWS_ACCESS_KEY_ID: key.id, AWS_SECRET_ACCESS_KEY: key.secret } });
        const report = reportOf(run);
        expect(sortedErrors(report.scan.errors)).toEqual(sortedErrors(baseline.scan.errors));
        expect(verdictLines(report.findings)).toEqual(verdictLines(baseline.findings));
        expect(Object.keys(report.scan.stats.calls).length).toBeGreaterThan(20);
        notes.push(
          `(moto IAM) SecurityAudit only: ${Object.values(report.scan.stats.calls).reduce((a, b) => a + b, 0)} calls, ${report.scan.errors.length} failed (as unrestricted: ${baseline.scan.errors.length})`,
        );
      } finally {
        await moto.setAuth(Infinity);
      }
    }, 120_000);
  });
});
