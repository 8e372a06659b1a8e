import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { CreateBucketCommand, DeleteBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { EU, SCENARIO, seed, stopOrgTrail, US } from "./scenario.js";

describe("CloudTrail end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-cloudtrail-"));
  });

  async function scan(): Promise<{ report: Report; code: number; stderr: string }> {
    const out = join(dir, "report.json");
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", `${US},${EU}`, "--services", "cloudtrail", "--output", out]);
    return { report: readReport(out), code: run.code, stderr: run.stderr };
  }

  const verdicts = (report: Report) =>
    report.findings
      .map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}${f.status === "FAIL" ? ` ${f.severity}` : ""}`)
      .sort();

  it("judges a good multi-region trail and a neglected regional one, each trail once, in its home region", async () => {
    await seed(moto);
    const { report, code, stderr } = await scan();
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(code, stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["cloudtrail"] });
    const { orgTrail, euTrail } = SCENARIO;
    expect(verdicts(report)).toEqual(
      [
        `cloudtrail-multi-region-logging ${TEST_ACCOUNT} global PASS`,
        `cloudtrail-s3-object-write-events ${TEST_ACCOUNT} global PASS`,
        `cloudtrail-s3-object-read-events ${TEST_ACCOUNT} global PASS`,
        `cloudtrail-trail-logging ${orgTrail.name} ${US} PASS`,
        `cloudtrail-trail-logging ${euTrail.name} ${EU} FAIL medium`,
        `cloudtrail-log-file-validation ${orgTrail.name} ${US} PASS`,
        `cloudtrail-log-file-validation ${euTrail.name} ${EU} FAIL low`,
        `cloudtrail-kms-encryption ${orgTrail.name} ${US} PASS`,
        `cloudtrail-kms-encryption ${euTrail.name} ${EU} FAIL medium`,
        `cloudtrail-bucket-access-logging ${orgTrail.bucket} ${US} PASS`,
        `cloudtrail-bucket-access-logging ${euTrail.bucket} ${EU} FAIL low`,
        `cloudtrail-bucket-not-public ${orgTrail.bucket} ${US} PASS`,
        `cloudtrail-bucket-not-public ${euTrail.bucket} ${EU} FAIL high`,
      ].sort(),
    );
    const layer = (checkId: string) => report.findings.find((f) => f.checkId === checkId)?.layer;
    const model = (checkId: string) => report.checks.find((c) => c.id === checkId)?.serviceModel;
    expect([layer("cloudtrail-kms-encryption"), model("cloudtrail-kms-encryption")]).toEqual(["encryption", "abstracted"]);
    expect(layer("cloudtrail-bucket-not-public")).toBe("data");
    expect(layer("cloudtrail-multi-region-logging")).toBe("monitoring");
    expect(report.findings.find((f) => f.checkId === "cloudtrail-bucket-not-public" && f.status === "FAIL")?.message).toContain(
      "READ to AllUsers (everyone)",
    );
    // The multi-region trail shows in both regions' DescribeTrails, yet is read once, in its home region.
    expect(report.scan.stats.calls).toMatchObject({
      "cloudtrail:DescribeTrails": 2,
      "cloudtrail:GetTrailStatus": 2,
      "cloudtrail:GetEventSelectors": 2,
    });
    // The bucket checks need the S3 inventory: a CloudTrail-only scan reads it too, rather than guessing.
    expect(report.scan.stats.calls["s3:ListBuckets"]).toBe(1);
  });

  it("a multi-region trail that exists but is not logging: FAIL with its own message, and no S3 data events recorded", async () => {
    await seed(moto);
    await stopOrgTrail(moto);
    const { report, code } = await scan();
    expect(code).toBe(1);
    const find = (checkId: string, id: string) => report.findings.find((f) => f.checkId === checkId && f.resource.id === id);
    expect(find("cloudtrail-multi-region-logging", TEST_ACCOUNT)).toMatchObject({ status: "FAIL" });
    expect(find("cloudtrail-multi-region-logging", TEST_ACCOUNT)?.message).toContain(
      `multi-region trail ${SCENARIO.orgTrail.name} exists but is not logging`,
    );
    expect(find("cloudtrail-s3-object-write-events", TEST_ACCOUNT)?.status).toBe("FAIL");
    expect(find("cloudtrail-trail-logging", SCENARIO.orgTrail.name)).toMatchObject({ status: "FAIL", region: US });
  });

  it("a trail delivering to a bucket this account does not list (another account's, or deleted): its bucket checks are ERROR, never a guess; exit 3", async () => {
    await seed(moto);
    // moto lists every account's buckets to every account, so the bucket is made and then deleted:
    // the trail still names it, and this account's bucket list no longer has it.
    const s3 = new S3Client(moto.clientConfig(US));
    const ct = new CloudTrailClient(moto.clientConfig(US));
    try {
      await s3.send(new CreateBucketCommand({ Bucket: "org-central-logs" }));
      await ct.send(new CreateTrailCommand({ Name: "central", S3BucketName: "org-central-logs", IsMultiRegionTrail: true }));
      await ct.send(new StartLoggingCommand({ Name: "central" }));
      await s3.send(new DeleteBucketCommand({ Bucket: "org-central-logs" }));
    } finally {
      s3.destroy();
      ct.destroy();
    }
    const { report, code } = await scan();
    expect(code).toBe(3);
    expect(report.scan.complete).toBe(false);
    const central = report.findings.filter((f) => f.resource.id === "org-central-logs");
    expect(central.map((f) => `${f.checkId} ${f.status} ${f.error?.code}`).sort()).toEqual([
      "cloudtrail-bucket-access-logging ERROR BucketNotInAccount",
      "cloudtrail-bucket-not-public ERROR BucketNotInAccount",
    ]);
    expect(central[0]?.message).toContain("belongs to another account (central logging) or no longer exists");
  });
});
