import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy.js";
import { startMoto, type MotoServer } from "../support/moto.js";
import { reportOf, scanVia } from "./scenario.js";

/** Exit 2 with exactly one `yourside: …` line on stderr, nothing on stdout, no stack trace. */
function expectOneClearLine(run: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^yourside: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
}

describe("credentials: none, expired or unknown — one clear line, exit 2, nothing scanned, no report", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy({ target: moto.url });
    dir = mkdtempSync(join(tmpdir(), "yourside-faults-credentials-"));
  });
  afterAll(async () => {
    await moto?.setAuth(Infinity).catch(() => {});
    await proxy?.stop();
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("no credentials anywhere in the chain (env, profile files, SSO, web identity, container, instance)", async () => {
    const home = mkdtempSync(join(dir, "home-"));
    const empty = join(dir, "empty-aws-file");
    writeFileSync(empty, "");
    proxy.reset();
    const out = join(dir, "none.json");
    const run = await runCli(
      ["scan", "--endpoint-url", proxy.url, "--regions", "us-east-1", "--output", out],
      {
        HOME: home,
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_PROFILE: undefined,
        AWS_CONFIG_FILE: empty,
        AWS_SHARED_CREDENTIALS_FILE: empty,
        AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
        AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
        AWS_EC2_METADATA_DISABLED: "true",
      },
      { timeoutMs: 30_000 },
    );
    expectOneClearLine(run, /AWS credentials are missing, invalid or expired .*--profile/);
    expect(existsSync(out)).toBe(false);
    expect(proxy.stats().requests).toEqual({});
  });

  it("an expired session token (ExpiredToken from STS)", async () => {
    proxy.reset();
    proxy.setRules([
      {
        operations: ["sts:GetCallerIdentity"],
        fault: { kind: "error", status: 400, code: "ExpiredToken", message: "The security token included in the request is expired" },
      },
    ]);
    const run = await scanVia(proxy.url, dir, { env: { AWS_SESSION_TOKEN: "FwoGZXIvYXdzEXPIRED" } });
    expectOneClearLine(run, /AWS credentials are missing, invalid or expired \(.*expired\)/);
    expect(run.report).toBeUndefined();
    expect(proxy.stats().requests).toEqual({ "sts:GetCallerIdentity": 1 });
  });

  it("an access key the account does not know (moto with IAM enforcement on: InvalidClientTokenId)", async () => {
    proxy.reset();
    await moto.setAuth(0);
    try {
      const run = await scanVia(proxy.url, dir, {
        env: { AWS_ACCESS_KEY_ID: "AKIAUNKNOWNKEY000000", AWS_SECRET_ACCESS_KEY: "not-a-real-secret" },
      });
      expectOneClearLine(run, /AWS credentials are missing, invalid or expired \(.*security token included in the request is invalid/);
      expect(run.report).toBeUndefined();
    } finally {
      await moto.setAuth(Infinity);
    }
  });

  it("credentials that expire after the scan started: every later call is an ERROR naming it, nothing passes or fails, exit 3", async () => {
    proxy.reset();
    proxy.setRules([
      {
        when: (req) => req.key !== "sts:GetCallerIdentity",
        fault: { kind: "error", status: 400, code: "ExpiredToken", message: "The security token included in the request is expired" },
      },
    ]);
    const run = await scanVia(proxy.url, dir);
    const report = reportOf(run);
    expect(run.code).toBe(3);
    expect(report.scan.complete).toBe(false);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(`${f.checkId} ${f.status} ${f.error?.code}`).toBe(`${f.checkId} ERROR ExpiredToken`);
    expect(new Set(report.scan.errors.map((e) => e.code))).toEqual(new Set(["ExpiredToken"]));
  });
});
