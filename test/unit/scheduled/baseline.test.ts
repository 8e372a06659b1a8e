import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkBaselineAccounts, compareWithBaseline, loadBaseline, type Baseline } from "../../../src/baseline.js";
import { UsageError } from "../../../src/errors.js";
import type { Finding } from "../../../src/results.js";
import { ACCOUNT, bucket, buildFixtureReport, makeFinding } from "../../support/report-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "yourside-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

const fail = (name: string, region = "us-east-1", checkId = "s3-bucket-public-policy"): Finding =>
  makeFinding(checkId, { status: "FAIL", resource: bucket(name), region, message: `${name} fails` });
const withStatus = (f: Finding, status: Finding["status"]): Finding => ({ ...f, status });

/** A baseline made the way a scan makes it: a report written earlier, read back. */
function baselineOf(findings: Finding[], startedAt = "2026-11-01T00:00:00.000Z"): Baseline {
  const report = buildFixtureReport({ findings, scan: { id: "earlier-scan", startedAt, finishedAt: "2026-11-01T00:05:00.000Z" } });
  return loadBaseline(write(`b-${Math.random()}.json`, report));
}

const scope = { checkIds: new Set(["s3-bucket-public-policy", "s3-bucket-versioning"]), regions: new Set(["us-east-1", "eu-west-1"]) };
const NOW = "2026-12-01T00:00:00.000Z";

describe("comparing with a baseline", () => {
  it("marks FAIL findings new or unchanged by id, and lists what no longer fails as resolved", () => {
    const kept = fail("kept");
    const fixed = fail("fixed");
    const gone = fail("gone");
    const baseline = baselineOf([kept, fixed, gone]);
    const { findings, summary } = compareWithBaseline([kept, withStatus(fixed, "PASS"), fail("fresh")], baseline, NOW, scope);
    expect(findings.map((f) => `${f.resource.id} ${f.status} ${f.change ?? "-"}`)).toEqual([
      "kept FAIL unchanged",
      "fixed PASS -",
      "fresh FAIL new",
    ]);
    expect(summary?.resolved.map((r) => r.resource.id).sort()).toEqual(["fixed", "gone"]);
    expect(summary?.resolved[0]).toEqual({
      id: fixed.id,
      checkId: fixed.checkId,
      resource: fixed.resource,
      severity: fixed.severity,
      layer: "data",
    });
    expect(summary).toMatchObject({ scanId: "earlier-scan", finishedAt: "2026-11-01T00:05:00.000Z", unassessed: [] });
  });

  it("carries firstSeen forward: the baseline's, else the baseline scan's start; new findings are first seen now", () => {
    const old = { ...fail("old"), firstSeen: "2026-01-01T00:00:00.000Z" };
    const middle = fail("middle");
    const baseline = baselineOf([old, middle], "2026-11-01T00:00:00.000Z");
    const { findings } = compareWithBaseline([fail("old"), fail("middle"), fail("fresh")], baseline, NOW, scope);
    expect(findings.map((f) => f.firstSeen)).toEqual(["2026-01-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z", NOW]);
  });

  it("an earlier failure that is ERROR now is neither new nor resolved: it is listed as unassessed", () => {
    const f = fail("locked");
    const { findings, summary } = compareWithBaseline([withStatus(f, "ERROR")], baselineOf([f]), NOW, scope);
    expect(findings[0]?.change).toBeUndefined();
    expect(summary?.resolved).toEqual([]);
    expect(summary?.unassessed.map((u) => u.id)).toEqual([f.id]);
  });

  it("an earlier failure that is muted now is not resolved (the risk is accepted, not gone)", () => {
    const f = fail("accepted");
    const muted: Finding = { ...f, status: "MUTED", muted: { reason: "accepted", of: "FAIL" } };
    const { findings, summary } = compareWithBaseline([muted], baselineOf([f]), NOW, scope);
    expect(findings[0]?.change).toBe("unchanged");
    expect(summary?.resolved).toEqual([]);
  });

  it("earlier findings of checks or regions this scan did not cover are out of scope, not resolved", () => {
    const otherCheck = fail("x", "us-east-1", "s3-bucket-tls-only");
    const otherRegion = fail("y", "ap-south-1");
    const { summary } = compareWithBaseline([], baselineOf([otherCheck, otherRegion]), NOW, scope);
    expect(summary?.resolved).toEqual([]);
  });

  it("without a baseline, FAIL findings carry firstSeen but no change", () => {
    const { findings, summary } = compareWithBaseline([fail("a")], undefined, NOW, scope);
    expect(findings[0]).toMatchObject({ firstSeen: NOW });
    expect(findings[0]).not.toHaveProperty("change");
    expect(summary).toBeUndefined();
  });
});

describe("loading a baseline: one clear line for anything that is not an earlier report", () => {
  const refused = (path: string): string => {
    try {
      loadBaseline(path);
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return (err as Error).message;
    }
    throw new Error("accepted");
  };
  it.each([
    ["missing", join(dir, "nope.json"), /cannot read baseline .*nope.json: ENOENT/],
    ["not JSON", write("text.json", "root:x:0:0"), /is not valid JSON/],
    [
      "another tool's JSON",
      write("other.json", { tool: { name: "prowler" }, findings: [] }),
      /not a yourside JSON report \(no tool.name "yourside"\)/,
    ],
    ["a snapshot", write("snapshot.json", { format: "yourside-inventory/1", accountId: ACCOUNT }), /not a yourside JSON report/],
    [
      "a report without findings",
      write("nofindings.json", { tool: { name: "yourside" }, scan: { id: "a", finishedAt: NOW, accounts: [] } }),
      /no findings/,
    ],
  ])("%s", (_name, path, message) => {
    expect(refused(path)).toMatch(message);
  });

  it("a baseline of another account is refused, naming both", () => {
    const baseline = baselineOf([]);
    expect(() => checkBaselineAccounts(baseline, [ACCOUNT], "b.json")).not.toThrow();
    expect(() => checkBaselineAccounts(baseline, ["999999999999"], "b.json")).toThrow(
      /--baseline b.json is a report of account\(s\) 123456789012, not of 999999999999/,
    );
  });
});
