import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { EU, SCENARIO, seed, US } from "./scenario.js";

describe("Security Hub end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-securityhub-"));
  });

  async function scan(): Promise<{ report: Report; code: number; stderr: string }> {
    const out = join(dir, "report.json");
    const run = await runCli([
      "scan",
      "--endpoint-url",
      moto.url,
      "--regions",
      `${US},${EU}`,
      "--services",
      "securityhub",
      "--output",
      out,
    ]);
    return { report: readReport(out), code: run.code, stderr: run.stderr };
  }

  it("enabled in us-east-1: PASS; not subscribed in eu-west-1: FAIL, a fact and not a failed call", async () => {
    await seed(moto);
    const { report, code, stderr } = await scan();
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(code, stderr).toBe(1);
    // moto answers DescribeHub in eu-west-1 with InvalidAccessException, as AWS does: "not enabled", not an error.
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["securityhub"] });
    expect(report.scan.stats.calls).toEqual({ "securityhub:DescribeHub": 2, "sts:GetCallerIdentity": 1 });
    expect(report.findings.map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}`).sort()).toEqual([
      `securityhub-enabled ${TEST_ACCOUNT}/${EU} ${EU} FAIL`,
      `securityhub-enabled ${TEST_ACCOUNT}/${US} ${US} PASS`,
    ]);
    const pass = report.findings.find((f) => f.region === US);
    expect(pass?.message).toMatch(new RegExp(`^Security Hub is enabled in ${US} since \\S+ \\(hub ${SCENARIO.hubArn}\\)\\.$`));
    expect(pass?.layer).toBe("monitoring");
    expect(report.checks.find((c) => c.id === pass?.checkId)?.serviceModel).toBe("abstracted");
    expect(report.findings.find((f) => f.region === EU)).toMatchObject({
      severity: "medium",
      compliance: { "cis-aws-foundations-6.0": ["5.16"] },
    });
  });
});
