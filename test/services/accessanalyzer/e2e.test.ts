import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import type { Report } from "../../../src/report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { seed } from "./scenario.js";

const US = "us-east-1";
const EU = "eu-west-1";

/**
 * moto 5.2.5 does not implement IAM Access Analyzer (see scenario.ts): this test pins down what a
 * scan of it makes of that. The passing and failing verdicts are covered by the check's cases and
 * the collector's aws-sdk-client-mock tests.
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
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
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
});
