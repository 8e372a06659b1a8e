import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { mergeCompliance, mergeMatrices, mergeReports } from "../../src/cli/merge.js";
import { buildCompliance } from "../../src/compliance.js";
import { demoSnapshotPath } from "../../src/demo.js";
import { evaluate } from "../../src/engine.js";
import { buildMatrix } from "../../src/matrix.js";
import type { Finding } from "../../src/results.js";
import { CHECKS } from "../../src/services/index.js";
import { UsageError } from "../../src/errors.js";
import { parseShard, shardOf, targetAccounts, type OrganizationPlan } from "../../src/organization.js";
import { loadSnapshot, parseAnySnapshot, parseSnapshot } from "../../src/snapshot.js";
import type { JsonReport } from "../../reports/json.js";

const plan = (extra: Partial<OrganizationPlan> = {}): OrganizationPlan => ({
  organization: true,
  exclude: [],
  roleName: "Audit",
  accountConcurrency: 4,
  ...extra,
});

describe("which accounts an organization scan covers", () => {
  const listed = [{ accountId: "222222222222", name: "b" }, { accountId: "111111111111", name: "a" }, { accountId: "333333333333" }];

  it("every listed account plus the caller (with its own credentials), in id order; excluded ones left out", () => {
    expect(targetAccounts(plan(), "999999999999", listed)).toEqual([
      { accountId: "111111111111", name: "a", self: false },
      { accountId: "222222222222", name: "b", self: false },
      { accountId: "333333333333", self: false },
      { accountId: "999999999999", self: true },
    ]);
    expect(targetAccounts(plan({ exclude: ["999999999999", "222222222222"] }), "999999999999", listed).map((a) => a.accountId)).toEqual([
      "111111111111",
      "333333333333",
    ]);
    expect(
      targetAccounts(plan({ organization: false, accounts: ["444444444444"] }), "111111111111", []).map((a) => [a.accountId, a.self]),
    ).toEqual([
      ["111111111111", true],
      ["444444444444", false],
    ]);
  });

  it("shards partition the accounts, each account always in the same shard", () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(100000000000 + i * 7919));
    const shards = [1, 2, 3].map((index) =>
      targetAccounts(
        plan({ organization: false, accounts: ids, exclude: ["999999999999"], shard: { index, count: 3 } }),
        "999999999999",
        [],
      ),
    );
    const all = shards.flat().map((a) => a.accountId);
    expect(all.sort()).toEqual([...ids].sort());
    for (const s of shards) expect(s.length).toBeGreaterThan(5);
    for (const id of ids) expect(shardOf(id, 3)).toBe(shardOf(id, 3));
  });

  it("--shard K/N is parsed strictly", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3"]) expect(() => parseShard(bad), bad).toThrow(UsageError);
  });
});

describe("organization flags on the command line", () => {
  let err = "";
  beforeEach(() => {
    err = "";
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [["scan", "--role-name", "Audit"], /--role-name needs --organization or --accounts/],
    [["scan", "--shard", "1/2"], /--shard needs --organization or --accounts/],
    [["scan", "--organization"], /--organization needs --role-name/],
    [["scan", "--accounts", "12345", "--role-name", "Audit"], /--accounts: not a 12-digit account id: 12345/],
    [["scan", "--organization", "--accounts", "111111111111", "--role-name", "Audit"], /not both/],
    [["scan", "--organization", "--role-name", "Audit", "--shard", "3/2"], /--shard must be K\/N/],
    [["scan", "--organization", "--role-name", "Audit", "--from-snapshot", "x.json"], /--from-snapshot re-evaluates/],
  ])("%j is a usage error, before any AWS call", async (args, message) => {
    expect(await main(args)).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });

  it("`yourside policy --organization --role-name` adds ListAccounts and AssumeRole of that role only", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    expect(await main(["policy", "--services", "s3", "--organization", "--role-name", "Audit"])).toBe(0);
    const policy = JSON.parse(out) as { Statement: { Sid: string; Action: string[]; Resource: string }[] };
    expect(policy.Statement.slice(1)).toEqual([
      { Sid: "YoursideListAccounts", Effect: "Allow", Action: ["organizations:ListAccounts"], Resource: "*" },
      { Sid: "YoursideAssumeMemberRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: "arn:aws:iam::*:role/Audit" },
    ]);
  });
});

describe("organization snapshots", () => {
  const inventory = (accountId: string) => ({
    format: "yourside-inventory/1",
    accountId,
    partition: "aws",
    collectedAt: "2026-01-01T00:00:00.000Z",
    regions: ["us-east-1"],
    slices: [],
    errors: [],
  });

  it("reads both shapes; the single-account reader keeps refusing an organization snapshot", () => {
    const org = {
      format: "yourside-organization/1",
      accounts: [
        { accountId: "111111111111", name: "a", inventory: inventory("111111111111") },
        {
          accountId: "222222222222",
          error: { service: "sts", region: "us-east-1", operation: "AssumeRole", code: "AccessDenied", message: "no" },
        },
      ],
    };
    const read = parseAnySnapshot(JSON.stringify(org));
    expect(read.kind).toBe("organization");
    expect(parseAnySnapshot(JSON.stringify(inventory("111111111111"))).kind).toBe("account");
    expect(() => parseSnapshot(JSON.stringify(org))).toThrow(/not a yourside inventory snapshot/);
  });

  it.each([
    [{ format: "yourside-organization/1" }, /\/accounts must be array/],
    [{ format: "yourside-organization/1", accounts: [{ accountId: "1" }] }, /accountId must be a 12-digit string/],
    [{ format: "yourside-organization/1", accounts: [{ accountId: "111111111111" }] }, /neither inventory nor error|error/],
    [
      { format: "yourside-organization/1", accounts: [{ accountId: "111111111111", inventory: inventory("222222222222") }] },
      /is of account 222222222222/,
    ],
    [{ format: "yourside-organization/1", accounts: [], extra: 1 }, /additional properties 'extra'/],
  ])("refuses garbage with one line (%j)", (data, message) => {
    expect(() => parseAnySnapshot(JSON.stringify(data), "s.json")).toThrow(message);
    try {
      parseAnySnapshot(JSON.stringify(data), "s.json");
    } catch (err) {
      expect((err as Error).message).not.toContain("\n");
    }
  });
});

describe("merge refuses what cannot be one report", () => {
  const report = (version: string, accounts: string[]) =>
    ({
      schemaVersion: "2.0",
      tool: { name: "yourside", version },
      scan: { accounts, errors: [], stats: { calls: {}, skipped: {} } },
      checks: [],
      findings: [],
      compliance: [],
    }) as unknown as JsonReport;

  it("different tool versions", () => {
    expect(() =>
      mergeReports([
        { path: "a.json", report: report("1.0.0", ["111111111111"]) },
        { path: "b.json", report: report("1.0.1", ["222222222222"]) },
      ]),
    ).toThrow(/b\.json is from yourside 1\.0\.1 .* merge reports of one version/);
  });

  it("overlapping accounts", () => {
    expect(() =>
      mergeReports([
        { path: "a.json", report: report("1.0.0", ["111111111111"]) },
        { path: "b.json", report: report("1.0.0", ["111111111111"]) },
      ]),
    ).toThrow(/account 111111111111 is in both a\.json and b\.json/);
  });
});

describe("merged matrices and compliance summaries equal one evaluation of every account", () => {
  const demo = loadSnapshot(demoSnapshotPath());
  const all = evaluate(demo, CHECKS);
  const keep = new Set(["critical", "high"]);
  // Two "shards" of the demo account's findings, split by resource; --severity critical,high left the rest out.
  const shards = [0, 1].map((k) => all.filter((f, i) => (f.resource.arn.length + i) % 2 === k));
  const kept = (fs: readonly Finding[]) => fs.filter((f) => keep.has(f.severity));
  const out = (fs: readonly Finding[]) => fs.filter((f) => !keep.has(f.severity));
  const services = [...new Set(CHECKS.map((c) => c.service))];
  const matrix = (fs: readonly Finding[]) => buildMatrix(services, CHECKS, kept(fs), { catalogue: CHECKS, leftOut: out(fs) });
  const compliance = (fs: readonly Finding[]) => buildCompliance(kept(fs), CHECKS, CHECKS, out(fs));

  it("the matrix: results and left-out counts add up, states as the whole would have them", () => {
    const whole = matrix(all);
    expect(mergeMatrices(shards.map(matrix))).toEqual(whole);
    // The case the merge rule exists for: a cell with nothing kept but results left out in one shard only.
    const states = Object.values(whole.services).flatMap((s) => Object.values(s.cells).map((c) => c.state));
    expect(states).toContain("not-selected");
    expect(states).toContain("failing");
  });

  it("compliance: requirement results add up, statuses and counts as the whole would have them", () => {
    const whole = compliance(all);
    expect(mergeCompliance(shards.map(compliance))).toEqual(whole);
    expect(whole.flatMap((c) => c.requirements.map((r) => r.status))).toContain("not-selected");
  });
});
