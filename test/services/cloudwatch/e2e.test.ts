import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { runCli } from "../../support/cli.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { seed as seedCloudTrail } from "../cloudtrail/scenario.js";
import { EU, SCENARIO, seed, US } from "./scenario.js";

describe("CloudWatch (CIS 5.1–5.15) end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let report: Report;
  let code: number;
  let stderr: string;

  beforeAll(async () => {
    moto = await startMoto();
    await seedCloudTrail(moto);
    await seed(moto);
    const out = join(mkdtempSync(join(tmpdir(), "yourside-e2e-cloudwatch-")), "report.json");
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", `${US},${EU}`, "--services", "cloudwatch", "--output", out]);
    ({ code, stderr } = run);
    report = readReport(out);
  }, 120_000);
  afterAll(async () => moto?.stop());

  const finding = (cis: string) => {
    const f = report.findings.find((x) => x.compliance["cis-aws-foundations-6.0"]?.includes(cis));
    if (!f) throw new Error(`no finding for CIS ${cis}`);
    return f;
  };

  it("gives one account-wide verdict per CIS item: PASS where the whole chain is there, FAIL naming the missing link", () => {
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(code, stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["cloudwatch"] });
    expect(report.findings).toHaveLength(15);
    for (const f of report.findings) expect(f).toMatchObject({ region: "global", resource: { id: TEST_ACCOUNT, type: "AWS::::Account" } });
    const verdicts = Object.fromEntries(report.findings.map((f) => [f.compliance["cis-aws-foundations-6.0"]![0]!, f.status]));
    expect(verdicts).toEqual(
      Object.fromEntries(
        Array.from({ length: 15 }, (_, i) => `5.${i + 1}`).map((id) => [id, SCENARIO.pass.includes(id as never) ? "PASS" : "FAIL"]),
      ),
    );
    expect(finding("5.1").message).toBe(
      `CIS 5.1: unauthorized API calls are monitored: trail ${SCENARIO.trail} delivers to log group ${SCENARIO.logGroup} (${US}), ` +
        `whose metric filter unauthorized_api_calls_metric matches them; alarm unauthorized_api_calls_alarm on ` +
        `CISBenchmark/unauthorized_api_calls_metric notifies SNS topic ${SCENARIO.alarmsTopic} (1 confirmed subscription).`,
    );
    expect(finding("5.3").evidence).toMatchObject({ filterPattern: expect.stringContaining('$.userIdentity.type="Root"') });
    expect(finding("5.2").message).toContain(`notifies SNS topic ${SCENARIO.unwatchedTopic}, which has no confirmed subscription`);
    expect(finding("5.6").message).toContain("publishes CISBenchmark/console_signin_failure_metric, which no alarm in us-east-1 watches");
    expect(finding("5.7").message).toContain("also matches a successful ListKeys (a read) by an IAM user");
    expect(finding("5.10").message).toContain("does not match ModifySecurityGroupRules");
    // The eu-west-1 filter and alarm are on a log group no trail delivers to.
    expect(finding("5.8").message).toContain(`no metric filter on log group ${SCENARIO.logGroup} (${US}, from trail ${SCENARIO.trail})`);
    expect(finding("5.9").message).toContain("none of its 8 metric filters");
    expect(finding("5.4").responsibility).toMatchObject({ layer: "monitoring", serviceModel: "abstracted" });
    for (const f of report.findings) expect(f.layer).toBe("monitoring");
    expect(finding("5.1").compliance).toEqual({ "cis-aws-foundations-6.0": ["5.1"], "aws-security-hub": ["CloudWatch.2"] });
  });

  it("reads each region's filters and alarms once, and each topic the alarms name once, in its region", () => {
    expect(report.scan.stats.calls).toMatchObject({
      "logs:DescribeMetricFilters": 2,
      "cloudwatch:DescribeAlarms": 2,
      // security-alarms and unwatched-alarms in us-east-1, eu-alarms in eu-west-1.
      "sns:ListSubscriptionsByTopic": 3,
      "cloudtrail:DescribeTrails": 2,
      "cloudtrail:GetTrailStatus": 2,
      "cloudtrail:GetEventSelectors": 2,
    });
  });
});
