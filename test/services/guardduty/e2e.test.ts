import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { deleteEuDetector, detectorId, EU, seed, US } from "./scenario.js";

describe("GuardDuty end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-guardduty-"));
  });

  async function scan(): Promise<{ report: Report; code: number; stderr: string }> {
    const out = join(dir, "report.json");
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", `${US},${EU}`, "--services", "guardduty", "--output", out]);
    return { report: readReport(out), code: run.code, stderr: run.stderr };
  }

  const verdicts = (report: Report) => report.findings.map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}`).sort();

  it("an enabled detector in us-east-1: PASS; a suspended one in eu-west-1: FAIL with its own message", async () => {
    await seed(moto);
    const [usId, euId] = [await detectorId(moto, US), await detectorId(moto, EU)];
    const { report, code, stderr } = await scan();
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(code, stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["guardduty"] });
    // One listing per region, one GetDetector per detector.
    expect(report.scan.stats.calls).toEqual({ "guardduty:ListDetectors": 2, "guardduty:GetDetector": 2, "sts:GetCallerIdentity": 1 });
    expect(verdicts(report)).toEqual([
      `guardduty-enabled ${TEST_ACCOUNT}/${EU} ${EU} FAIL`,
      `guardduty-enabled ${TEST_ACCOUNT}/${US} ${US} PASS`,
    ]);
    expect(report.findings.find((f) => f.region === US)?.message).toBe(`GuardDuty is enabled in ${US}: detector ${usId} is ENABLED.`);
    expect(report.findings.find((f) => f.region === EU)).toMatchObject({
      severity: "high",
      message: `GuardDuty is suspended in ${EU}: detector ${euId} (status DISABLED) exists but is not ENABLED, so nothing is analysed.`,
      responsibility: { layer: "monitoring", serviceModel: "abstracted" },
      compliance: { "aws-fsbp": ["GuardDuty.1"] },
    });
  });

  it("no detector at all in eu-west-1: FAIL, not enabled there; no GetDetector is made for it", async () => {
    await seed(moto);
    await deleteEuDetector(moto);
    const { report, code } = await scan();
    expect(code).toBe(1);
    expect(report.scan.stats.calls["guardduty:GetDetector"]).toBe(1);
    expect(report.findings.find((f) => f.region === EU)).toMatchObject({
      status: "FAIL",
      message: `GuardDuty is not enabled in ${EU}: the region has no detector.`,
    });
  });
});
