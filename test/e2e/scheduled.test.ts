/**
 * A scheduled scan as a cron job runs it, against moto through the fault proxy (whose log is the
 * wire): the baseline, mutes that expire and cover ERRORs, the webhook, exit codes, bad input that
 * costs no AWS call, and Ctrl-C.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutBucketAclCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../reports/schema/validate.js";
import type { Notification } from "../../src/notify.js";
import type { JsonReport as Report } from "../../reports/json.js";
import { seedS3Scenario } from "../services/s3/scenario.js";
import { runCli, type CliRun } from "../support/cli.js";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy.js";
import { startMoto, TEST_CREDENTIALS, type MotoServer } from "../support/moto.js";
import { CLI, REPO_ROOT } from "../support/paths.js";
import { s3For } from "../support/seed.js";

const REGIONS = "us-east-1,eu-west-1";

describe("scheduled scans: baseline, mutes, webhook, exit codes", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy({ target: moto.url });
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
    proxy.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-scheduled-"));
  });

  const scan = async (name: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliRun & { report: Report }> => {
    const out = join(dir, name);
    const run = await runCli(
      ["scan", "--endpoint-url", proxy.url, "--regions", REGIONS, "--services", "s3", "--output", out, ...extra],
      env,
    );
    if (!existsSync(out)) throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
    return { ...run, report: JSON.parse(readFileSync(out, "utf8")) as Report };
  };

  it("one new exposure and one fix: exactly the one is new, exactly the other resolved, the rest unchanged; --fail-on-new and --notify see only the new one", async () => {
    await seedS3Scenario(moto);
    const first = await scan("first.json");
    expect(first.code).toBe(1);
    // The audit record of a live scan names who collected (moto's caller identity) and when.
    expect(first.report.scan.principal).toMatch(/^arn:aws:(sts|iam)::123456789012:/);
    expect(Date.parse(first.report.scan.collectedAt)).toBeGreaterThanOrEqual(Date.parse(first.report.scan.startedAt));

    // The change: vpce-only loses its VPC endpoint condition (public now); public-acl's ACL is made private.
    const us = s3For(moto, "us-east-1");
    const open = {
      Sid: "FromVpce",
      Effect: "Allow",
      Principal: "*",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::vpce-only", "arn:aws:s3:::vpce-only/*"],
    };
    await us.send(
      new PutBucketPolicyCommand({ Bucket: "vpce-only", Policy: JSON.stringify({ Version: "2012-10-17", Statement: [open] }) }),
    );
    await us.send(new PutBucketAclCommand({ Bucket: "public-acl", ACL: "private" }));
    us.destroy();

    const posted: Notification[] = [];
    const hook = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        posted.push(JSON.parse(body) as Notification);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhook`;
    try {
      const second = await scan("second.json", ["--baseline", join(dir, "first.json"), "--fail-on-new", "critical", "--notify", hookUrl]);
      expect(validateReport(second.report)).toEqual({ valid: true, errors: [] });
      const failing = second.report.findings.filter((f) => f.status === "FAIL");
      expect(failing.filter((f) => f.change === "new").map((f) => `${f.checkId} ${f.resource.id}`)).toEqual([
        "s3-bucket-public-policy vpce-only",
      ]);
      expect(failing.filter((f) => f.change !== "unchanged" && f.change !== "new")).toEqual([]);
      expect(second.report.baseline).toMatchObject({
        scanId: first.report.scan.id,
        finishedAt: first.report.scan.finishedAt,
        unassessed: [],
      });
      expect(second.report.baseline?.resolved.map((r) => `${r.checkId} ${r.resource.id}`)).toEqual(["s3-bucket-public-acl public-acl"]);
      // Unchanged findings keep the age they had: first seen when the first scan started.
      const unchanged = failing.find((f) => f.change === "unchanged");
      expect(unchanged?.firstSeen).toBe(first.report.scan.startedAt);
      expect(second.code, second.stderr).toBe(1);
      expect(second.stderr).toMatch(/Since the baseline \(scan .*\): 1 new · 1 resolved · \d+ unchanged/);
      expect(second.stderr).toMatch(/NEW CRIT {2}s3-bucket-public-policy {2}vpce-only \(us-east-1\)/);
      expect(second.stderr).toMatch(/RESOLVED {2}s3-bucket-public-acl {2}public-acl \(was high\)/);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.new.map((f) => f.resource)).toEqual(["arn:aws:s3:::vpce-only"]);
      expect(posted[0]!.text).toContain("1 new failing finding(s)");

      // Nothing new since the second scan: exit 0, though many findings still fail.
      const calm = await scan("third.json", ["--baseline", join(dir, "second.json"), "--fail-on-new", "low"]);
      expect(calm.report.findings.filter((f) => f.status === "FAIL").length).toBeGreaterThan(10);
      expect(calm.report.findings.filter((f) => f.change === "new")).toEqual([]);
      expect(calm.code).toBe(0);
    } finally {
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  });

  it("a muted ERROR no longer forces exit 3, and is still listed; an expired entry is reported and no longer mutes", async () => {
    await seedS3Scenario(moto);
    proxy.setRules([{ operations: ["s3:GetBucketVersioning"], fault: { kind: "access-denied" } }]);
    const config = join(dir, "config.yaml");
    writeFileSync(
      config,
      [
        "mutelist:",
        // Both checks that read GetBucketVersioning: one left unmuted would keep the scan at exit 3.
        "  - checkId: s3-bucket-versioning",
        '    resource: "*"',
        "    reason: the scanner's role may not read versioning (ticket SEC-7)",
        "  - checkId: s3-bucket-mfa-delete",
        '    resource: "*"',
        "    reason: the scanner's role may not read versioning (ticket SEC-7)",
        "  - checkId: s3-bucket-access-logging",
        '    resource: "*"',
        "    reason: accepted until the log bucket exists",
        "    expires: 2020-06-30",
      ].join("\n"),
    );
    const unmuted = await scan("unmuted.json", ["--fail-on", "none"]);
    expect(unmuted.code).toBe(3);
    const muted = await scan("muted.json", ["--fail-on", "none", "--config", config]);
    expect(muted.code, muted.stderr).toBe(0);
    expect(validateReport(muted.report)).toEqual({ valid: true, errors: [] });
    const versioning = muted.report.findings.filter((f) => f.checkId === "s3-bucket-versioning");
    expect(versioning.length).toBeGreaterThan(0);
    for (const f of versioning) {
      expect(f).toMatchObject({
        status: "MUTED",
        muted: { of: "ERROR" },
        error: { operation: "GetBucketVersioning", code: "AccessDenied" },
      });
    }
    expect(muted.report.scan.complete).toBe(false);
    expect(muted.report.mutelist).toEqual({
      entries: 3,
      // The entries in force are recorded with the report: the audit trail of what was accepted.
      active: [
        { checkId: "s3-bucket-versioning", resource: "*", reason: "the scanner's role may not read versioning (ticket SEC-7)" },
        { checkId: "s3-bucket-mfa-delete", resource: "*", reason: "the scanner's role may not read versioning (ticket SEC-7)" },
      ],
      expired: [
        { checkId: "s3-bucket-access-logging", resource: "*", reason: "accepted until the log bucket exists", expires: "2020-06-30" },
      ],
    });
    expect(muted.report.findings.filter((f) => f.checkId === "s3-bucket-access-logging" && f.status === "MUTED")).toEqual([]);
    expect(muted.stderr).toContain(
      "yourside: warning: mutelist entry s3-bucket-access-logging * expired on 2020-06-30 and no longer mutes",
    );
    expect(muted.stderr).toContain("every gap accepted by the mutelist");
  });
});

describe("bad input is one line and exit 2, and costs no AWS call", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy({ target: moto.url });
    dir = mkdtempSync(join(tmpdir(), "yourside-bad-input-"));
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });
  beforeEach(() => proxy.reset());

  const notAReport = () => {
    const path = join(dir, "not-a-report.json");
    writeFileSync(path, JSON.stringify({ format: "yourside-inventory/1" }));
    return path;
  };
  const file = () => {
    const path = join(dir, "a-file");
    writeFileSync(path, "x");
    return path;
  };

  it.each<[string, () => string[], RegExp, NodeJS.ProcessEnv?]>([
    [
      "an unknown region",
      () => ["scan", "--regions", "us-east-9"],
      /^yourside: --regions: unknown region "us-east-9" \(not a region of any AWS partition/,
    ],
    [
      "an output directory that cannot be made",
      () => ["scan", "--output-dir", "/proc/nope"],
      /^yourside: --output-dir: cannot create \/proc\/nope: ENOENT$/,
    ],
    [
      "an output directory under a file",
      () => ["scan", "--output-dir", join(file(), "out")],
      /^yourside: --output-dir: cannot create .*: ENOTDIR$/,
    ],
    ["an empty output directory", () => ["scan", "--output-dir", ""], /^yourside: --output-dir needs a value$/],
    ["an empty output file", () => ["scan", "--output", ""], /^yourside: --output needs a value$/],
    ["an empty snapshot to evaluate", () => ["scan", "--from-snapshot", ""], /^yourside: --from-snapshot needs a value$/],
    ["an empty config file name", () => ["scan", "--config", ""], /^yourside: --config needs a value$/],
    ["an empty profile (quickstart)", () => ["quickstart", "--profile", ""], /^yourside: --profile needs a value$/],
    ["an empty service list", () => ["scan", "--services", ""], /^yourside: --services needs a value$/],
    ["an empty snapshot file", () => ["scan", "--save-snapshot", ""], /^yourside: --save-snapshot needs a value$/],
    ["an output directory that is a file", () => ["scan", "--output-dir", file()], /^yourside: --output-dir: .* is not a directory$/],
    [
      "a baseline that does not exist",
      () => ["scan", "--baseline", join(dir, "nope.json")],
      /^yourside: cannot read baseline .*nope.json: ENOENT$/,
    ],
    [
      "a baseline that is not a report",
      () => ["scan", "--baseline", notAReport()],
      /^yourside: --baseline .* is not a yourside JSON report/,
    ],
    [
      "a --fail-on-new that is not a severity",
      () => ["scan", "--fail-on-new", "urgent"],
      /^yourside: --fail-on-new: unknown severity "urgent"/,
    ],
    [
      "a webhook that is not http(s)",
      () => ["scan", "--notify", "file:///etc/passwd"],
      /^yourside: --notify must be an http\(s\) URL, got file:$/,
    ],
    [
      "a named profile that does not exist (scan)",
      () => ["scan", "--profile", "nosuch"],
      /^yourside: AWS profile "nosuch" \(--profile\) is not defined/,
    ],
    [
      "a named profile that does not exist (quickstart)",
      () => ["quickstart", "--output-dir", join(dir, "qs")],
      /^yourside: AWS profile "nosuch" \(AWS_PROFILE\) is not defined/,
      { AWS_PROFILE: "nosuch" },
    ],
  ])("%s", async (_name, args, message, env = {}) => {
    const run = await runCli(args(), {
      AWS_ENDPOINT_URL: proxy.url,
      AWS_CONFIG_FILE: join(dir, "no-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-credentials"),
      ...env,
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(proxy.log()).toEqual([]);
  });

  it("a baseline of another account, and regions of another partition: refused after the one call that names the account", async () => {
    const other = join(dir, "other-account.json");
    writeFileSync(
      other,
      JSON.stringify({
        tool: { name: "yourside" },
        scan: { id: "x", finishedAt: "2026-01-01T00:00:00Z", accounts: ["999999999999"] },
        findings: [],
      }),
    );
    for (const [args, message] of [
      [["--baseline", other], /^yourside: --baseline .* is a report of account\(s\) 999999999999, not of 123456789012/],
      [["--regions", "cn-north-1"], /^yourside: --regions: cn-north-1 not in partition aws, where the account is$/],
    ] as const) {
      proxy.reset();
      const run = await runCli(["scan", "--endpoint-url", proxy.url, ...args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trimEnd()).toMatch(message);
      expect(proxy.log().map((l) => l.info.key)).toEqual(["sts:GetCallerIdentity"]);
    }
  });

  it("Ctrl-C: exit 130 with one line, and the previous report intact", async () => {
    const out = join(dir, "cron");
    const previous = join(out, "yourside-report.json");
    const before = await runCli(["demo", "--output-dir", out, "--quiet"]);
    expect(before.code).toBe(0);
    const earlier = readFileSync(previous, "utf8");
    proxy.setRules([{ operations: ["s3:ListBuckets"], fault: { kind: "hang" } }]);
    const child = spawn(
      process.execPath,
      [CLI, "scan", "--endpoint-url", proxy.url, "--regions", "us-east-1", "--services", "s3", "--output-dir", out],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
          AWS_REGION: "us-east-1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!proxy.log().some((l) => l.info.key === "s3:ListBuckets") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stderr.trim().split("\n").at(-1)).toBe(
      "yourside: interrupted (SIGINT): no report written by this run; the previous reports are intact",
    );
    expect(readFileSync(previous, "utf8")).toBe(earlier);
  });
});
