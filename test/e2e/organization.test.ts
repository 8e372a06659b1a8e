/**
 * An organization scan over moto: an organization with two member accounts, a bucket seeded in each
 * through its OrganizationAccountAccessRole, scanned with --organization; one account's AssumeRole
 * refused (fault proxy); and --shard 1/2 + 2/2 merged back into the unsharded report.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport as Report } from "../../reports/json.js";
import { validateReport } from "../../reports/schema/validate.js";
import { shardOf } from "../../src/organization.js";
import { runCli, type CliRun } from "../support/cli.js";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../support/moto.js";

const ROLE = "OrganizationAccountAccessRole";

describe("organization scans (moto)", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let dir: string;
  let members: string[];

  beforeAll(async () => {
    moto = await startMoto({ multiAccount: true });
    proxy = await startFaultProxy({ target: moto.url });
    dir = mkdtempSync(join(tmpdir(), "yourside-org-"));
    const org = new OrganizationsClient(moto.clientConfig());
    await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    members = [];
    for (const name of ["alpha", "beta"]) {
      const out = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
      members.push(out.CreateAccountStatus!.AccountId!);
    }
    // A problem in each member, made through the role the scan will assume.
    const sts = new STSClient(moto.clientConfig());
    for (const account of members) {
      const { Credentials: c } = await sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${ROLE}`, RoleSessionName: "seed" }),
      );
      const s3 = new S3Client({
        ...moto.clientConfig(),
        credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! },
      });
      await s3.send(new CreateBucketCommand({ Bucket: `bucket-${account}` }));
    }
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  const scan = async (name: string, extra: string[]): Promise<CliRun & { report: Report }> => {
    const out = join(dir, name);
    const run = await runCli([
      "scan",
      "--endpoint-url",
      proxy.url,
      "--regions",
      "us-east-1",
      "--services",
      "s3",
      "--fail-on",
      "none",
      "--output",
      out,
      "--organization",
      "--role-name",
      ROLE,
      ...extra,
    ]);
    if (!existsSync(out)) throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(validateReport(report).errors).toEqual([]);
    return { ...run, report };
  };

  it("scans every account (the caller with its own credentials, members through the role): findings carry their account, scan.accounts and the merged matrix", async () => {
    proxy.reset();
    const snapshot = join(dir, "org.snapshot.json");
    const { code, report, stderr } = await scan("all.json", ["--save-snapshot", snapshot]);
    const all = [TEST_ACCOUNT, ...members].sort();
    expect(report.scan.accounts).toEqual(all);
    expect(report.scan.accountScans?.map((a) => [a.accountId, a.name ?? null])).toEqual(
      all.map((a) => [a, a === TEST_ACCOUNT ? "master" : a === members[0] ? "alpha" : a === members[1] ? "beta" : null]),
    );
    // moto lacks nothing S3 needs: every account complete.
    expect(report.scan.accountScans?.map((a) => a.status)).toEqual(["scanned", "scanned", "scanned"]);
    expect(code, stderr).toBe(0);
    for (const account of members) {
      const own = report.findings.filter((f) => f.resource.arn === `arn:aws:s3:::bucket-${account}`);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((f) => f.accountId))).toEqual(new Set([account]));
      const versioning = own.find((f) => f.checkId === "s3-bucket-versioning");
      expect(versioning?.status).toBe("FAIL");
    }
    // Each account's summary adds up to the total; the total matrix counts every account's results.
    const sum = (pick: (s: Report["summary"]) => Partial<Record<string, number>>) =>
      report.scan.accountScans!.reduce((n, a) => n + Object.values(pick(a.summary)).reduce((x: number, y) => x + (y ?? 0), 0), 0);
    expect(sum((s) => s.byStatus)).toBe(report.findings.length);
    const cell = report.responsibilityMatrix.services.s3!.cells.encryption;
    const perAccount = report.scan.accountScans!.map((a) => a.responsibilityMatrix.services.s3!.cells.encryption.results.FAIL ?? 0);
    expect(cell.results.FAIL ?? 0).toBe(perAccount.reduce((a, b) => a + b, 0));
    // AssumeRole once per member (the caller's own account needs none), one listing.
    expect(report.scan.stats.calls["sts:AssumeRole"]).toBe(2);
    expect(report.scan.stats.calls["organizations:ListAccounts"]).toBe(1);

    // The snapshot holds every account; re-evaluated offline it gives the same findings.
    const offline = join(dir, "offline.json");
    const run = await runCli(["scan", "--from-snapshot", snapshot, "--services", "s3", "--fail-on", "none", "--output", offline]);
    expect(run.code, run.stderr).toBe(0);
    const again = JSON.parse(readFileSync(offline, "utf8")) as Report;
    expect(again.findings.map((f) => [f.id, f.status])).toEqual(report.findings.map((f) => [f.id, f.status]));
    expect(again.scan.accountScans).toEqual(report.scan.accountScans);
  });

  it("an account whose AssumeRole is refused is ERROR and named in scan.errors; the others complete; exit 3", async () => {
    proxy.reset();
    const denied = [...members].sort()[0]!;
    // Accounts are taken in id order, one at a time: the first AssumeRole is the first member's.
    proxy.setRules([{ operations: ["sts:AssumeRole"], fault: { kind: "access-denied" }, times: 1 }]);
    const { code, report } = await scan("denied.json", ["--account-concurrency", "1"]);
    expect(code).toBe(3);
    const byId = Object.fromEntries(report.scan.accountScans!.map((a) => [a.accountId, a.status]));
    expect(byId).toEqual({
      [TEST_ACCOUNT]: "scanned",
      [members[0]!]: denied === members[0] ? "failed" : "scanned",
      [members[1]!]: denied === members[1] ? "failed" : "scanned",
    });
    expect(report.scan.errors).toEqual([
      expect.objectContaining({
        accountId: denied,
        operation: "AssumeRole",
        code: "AccessDenied",
        resource: `arn:aws:iam::${denied}:role/${ROLE}`,
      }),
    ]);
    const deniedFindings = report.findings.filter((f) => f.accountId === denied);
    expect(deniedFindings.length).toBeGreaterThan(0);
    expect(new Set(deniedFindings.map((f) => f.status))).toEqual(new Set(["ERROR"]));
    const other = members.find((m) => m !== denied)!;
    expect(report.findings.some((f) => f.accountId === other && f.status === "FAIL")).toBe(true);
  });

  it("--shard 1/2 and 2/2, merged, equal the unsharded report finding for finding", async () => {
    proxy.reset();
    const whole = await scan("whole.json", []);
    const s1 = await scan("s1.json", ["--shard", "1/2"]);
    const s2 = await scan("s2.json", ["--shard", "2/2"]);
    const all = [TEST_ACCOUNT, ...members];
    expect(s1.report.scan.accounts).toEqual(all.filter((a) => shardOf(a, 2) === 1).sort());
    expect([...s1.report.scan.accounts, ...s2.report.scan.accounts].sort()).toEqual(all.sort());
    const out = join(dir, "merged.json");
    const merge = await runCli(["merge", join(dir, "s1.json"), join(dir, "s2.json"), "--output", out, "--fail-on", "none"]);
    expect(merge.code, merge.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(validateReport(merged).errors).toEqual([]);
    expect(merged.findings.map((f) => [f.id, f.accountId, f.status])).toEqual(
      whole.report.findings.map((f) => [f.id, f.accountId, f.status]),
    );
    expect(merged.scan.accounts).toEqual(whole.report.scan.accounts);
    expect(merged.scan.accountScans).toEqual(whole.report.scan.accountScans);
    expect(merged.summary).toEqual(whole.report.summary);
    expect(merged.responsibilityMatrix).toEqual(whole.report.responsibilityMatrix);
    expect(merged.backlog).toEqual(whole.report.backlog);
    expect(merged.compliance).toEqual(whole.report.compliance);
    expect(merged.scan.principal).toBe(whole.report.scan.principal);
    expect(merged.scan.selection).toEqual(whole.report.scan.selection);

    // Overlapping shards are refused.
    const twice = await runCli(["merge", join(dir, "s1.json"), join(dir, "whole.json"), "--output", join(dir, "bad.json")]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/is in both .*s1\.json and .*whole\.json: shards must not overlap/);
  });
});
