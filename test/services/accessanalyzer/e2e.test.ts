import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startFaultProxy } from "../../support/fault-proxy.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { seed } from "./scenario.js";

const US = "us-east-1";
const EU = "eu-west-1";

/**
 * moto 5.2.5 does not implement IAM Access Analyzer (see scenario.ts): the first test pins down what
 * a scan of it makes of that. The second has the fault proxy answer ListAnalyzers in AWS's wire
 * format (moto still answers STS), so the real SDK's parsing and the CLI give a PASS and a FAIL.
 */
describe("IAM Access Analyzer end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-accessanalyzer-"));
  });

  it("moto answers ListAnalyzers with an HTML 500 page: ERROR per region naming the call, never a PASS or FAIL; exit 3", async () => {
    await seed(moto);
    const out = join(dir, "report.json");
    const run = await runCli(
      ["scan", "--endpoint-url", moto.url, "--regions", `${US},${EU}`, "--services", "accessanalyzer", "--output", out],
      { AWS_MAX_ATTEMPTS: "2" },
    );
    const report = readReport(out);
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(report.scan.complete).toBe(false);
    expect(report.scan.errors.map((e) => `${e.service}:${e.operation} ${e.region} ${e.code}`).sort()).toEqual([
      `access-analyzer:ListAnalyzers ${EU} HTTP500`,
      `access-analyzer:ListAnalyzers ${US} HTTP500`,
    ]);
    for (const e of report.scan.errors) expect(e.message).toContain("is not valid JSON");
    expect(report.findings.map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}`).sort()).toEqual([
      `accessanalyzer-enabled ${TEST_ACCOUNT}/${EU} ${EU} ERROR`,
      `accessanalyzer-enabled ${TEST_ACCOUNT}/${US} ${US} ERROR`,
    ]);
    for (const f of report.findings) {
      expect(f.message).toMatch(/^Could not evaluate: ListAnalyzers failed with HTTP500/);
      expect(f.error).toMatchObject({ service: "access-analyzer", operation: "ListAnalyzers", code: "HTTP500" });
    }
  });

  it("ListAnalyzers answered in AWS's wire format (through the fault proxy): PASS where an external access analyzer is active, FAIL where the external one has FAILED and the other looks for unused access", async () => {
    const proxy = await startFaultProxy({ target: moto.url });
    try {
      const answer = (region: string, analyzers: object[]) => ({
        operations: ["access-analyzer:ListAnalyzers"],
        region,
        fault: { kind: "answer" as const, status: 200, json: { analyzers } },
      });
      const arn = (region: string, name: string) => `arn:aws:access-analyzer:${region}:${TEST_ACCOUNT}:analyzer/${name}`;
      proxy.setRules([
        answer(US, [{ arn: arn(US, "external"), name: "external", type: "ACCOUNT", status: "ACTIVE", createdAt: "2026-01-15T09:30:00Z" }]),
        answer(EU, [
          { arn: arn(EU, "unused"), name: "unused", type: "ACCOUNT_UNUSED_ACCESS", status: "ACTIVE", createdAt: "2026-02-01T00:00:00Z" },
          {
            arn: arn(EU, "org"),
            name: "org",
            type: "ORGANIZATION",
            status: "FAILED",
            statusReason: { code: "AWS_SERVICE_ACCESS_DISABLED" },
            createdAt: "2026-02-01T00:00:00Z",
          },
        ]),
      ]);
      const out = join(dir, "report.json");
      const run = await runCli([
        "scan",
        "--endpoint-url",
        proxy.url,
        "--regions",
        `${US},${EU}`,
        "--services",
        "accessanalyzer",
        "--output",
        out,
      ]);
      const report = readReport(out);
      expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
      expect(run.code, run.stderr).toBe(1);
      expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["accessanalyzer"] });
      expect(report.scan.stats.calls["access-analyzer:ListAnalyzers"]).toBe(2);
      expect(report.findings.map((f) => `${f.checkId} ${f.region} ${f.status}`).sort()).toEqual([
        `accessanalyzer-enabled ${EU} FAIL`,
        `accessanalyzer-enabled ${US} PASS`,
      ]);
      expect(report.findings.find((f) => f.region === US)).toMatchObject({
        message: `IAM Access Analyzer in ${US}: external access analyzer external (ACCOUNT, ACTIVE).`,
        responsibility: { layer: "identity", serviceModel: "abstracted" },
        compliance: { "cis-aws-foundations-6.0": ["2.19"], "aws-security-hub": ["IAM.28"] },
      });
      expect(report.findings.find((f) => f.region === EU)).toMatchObject({
        severity: "high",
        message: `IAM Access Analyzer in ${EU}: no external access analyzer is ACTIVE (org (ORGANIZATION, FAILED: AWS_SERVICE_ACCESS_DISABLED)).`,
      });
    } finally {
      await proxy.stop();
    }
  });
});
