import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, type MotoServer } from "../../support/moto.js";
import { addPublicClusterSnapshot, AUDIT_ACCOUNT, EU, PUBLIC_CLUSTER_SNAPSHOT, SCENARIO, seed, US } from "./scenario.js";

describe("RDS end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-rds-"));
  });

  async function scan(extra: string[] = []): Promise<{ report: Report; code: number; stderr: string }> {
    const out = join(dir, "report.json");
    const run = await runCli([
      "scan",
      "--endpoint-url",
      moto.url,
      "--regions",
      `${US},${EU}`,
      "--services",
      "rds",
      "--output",
      out,
      ...extra,
    ]);
    return { report: readReport(out), code: run.code, stderr: run.stderr };
  }

  const verdicts = (report: Report) =>
    report.findings
      .map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}${f.status === "FAIL" ? ` ${f.severity}` : ""} ${f.layer}`)
      .sort();

  it("judges a well-kept instance and cluster and a neglected public instance, cluster members with their cluster", async () => {
    await seed(moto);
    const { report, code, stderr } = await scan();
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(code, stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["rds"] });
    const { orders, analytics, legacy, ordersSnapshot, analyticsSnapshot, legacySnapshot } = SCENARIO;
    const [a1, a2] = analytics.members;
    expect(verdicts(report)).toEqual(
      [
        `rds-instance-storage-encrypted ${orders.id} ${US} PASS encryption`,
        `rds-instance-storage-encrypted ${analytics.id} ${US} PASS encryption`,
        `rds-instance-storage-encrypted ${legacy.id} ${EU} FAIL medium encryption`,
        `rds-instance-auto-minor-version-upgrade ${orders.id} ${US} PASS application`,
        `rds-instance-auto-minor-version-upgrade ${a1} ${US} PASS application`,
        `rds-instance-auto-minor-version-upgrade ${a2} ${US} PASS application`,
        `rds-instance-auto-minor-version-upgrade ${legacy.id} ${EU} FAIL medium application`,
        `rds-instance-not-public ${orders.id} ${US} PASS network`,
        `rds-instance-not-public ${a1} ${US} PASS network`,
        `rds-instance-not-public ${a2} ${US} PASS network`,
        `rds-instance-not-public ${legacy.id} ${EU} FAIL critical network`,
        `rds-instance-multi-az ${orders.id} ${US} PASS application`,
        `rds-instance-multi-az ${analytics.id} ${US} PASS application`,
        `rds-instance-multi-az ${legacy.id} ${EU} FAIL low application`,
        `rds-snapshot-not-public ${ordersSnapshot} ${US} PASS data`,
        `rds-snapshot-not-public ${analyticsSnapshot} ${US} PASS data`,
        `rds-snapshot-not-public ${legacySnapshot} ${EU} FAIL critical data`,
        `rds-deletion-protection ${orders.id} ${US} PASS data`,
        `rds-deletion-protection ${analytics.id} ${US} FAIL low data`,
        `rds-deletion-protection ${legacy.id} ${EU} FAIL low data`,
        `rds-iam-authentication ${orders.id} ${US} PASS identity`,
        `rds-iam-authentication ${analytics.id} ${US} PASS identity`,
        `rds-iam-authentication ${legacy.id} ${EU} FAIL medium identity`,
        `rds-backups-retained ${orders.id} ${US} PASS data`,
        `rds-backups-retained ${analytics.id} ${US} PASS data`,
        `rds-backups-retained ${legacy.id} ${EU} FAIL medium data`,
      ].sort(),
    );
    const find = (checkId: string, id: string) => report.findings.find((f) => f.checkId === checkId && f.resource.id === id);
    expect(find("rds-instance-storage-encrypted", legacy.id)?.layer).toBe("encryption");
    expect(report.checks.find((c) => c.id === "rds-instance-storage-encrypted")?.serviceModel).toBe("container");
    expect(find("rds-instance-storage-encrypted", analytics.id)).toMatchObject({
      resource: { type: "AWS::RDS::DBCluster" },
      evidence: { members: [...analytics.members] },
    });
    const exposed = find("rds-instance-not-public", legacy.id);
    expect(exposed?.message).toMatch(
      /is publicly accessible and open to the internet on port 3306: sg-\w+ \(legacy-db-open\): tcp 3306 from 0\.0\.0\.0\/0\.$/,
    );
    expect(exposed?.evidence).toMatchObject({ publiclyAccessible: true, port: legacy.port });
    expect(find("rds-snapshot-not-public", ordersSnapshot)?.evidence).toMatchObject({ restore: [AUDIT_ACCOUNT] });
    expect(find("rds-snapshot-not-public", legacySnapshot)?.evidence).toMatchObject({ restore: ["all"], encrypted: false });
    expect(find("rds-backups-retained", legacy.id)?.message).toContain("keeps automated backups for 1 day, fewer than the 7 days required");
    // Each listing once per region; the restore attribute of manual snapshots only (moto, like RDS, took an
    // automated snapshot of each instance and of the cluster); the security groups once per region, for the exposure.
    expect(report.scan.stats.calls).toMatchObject({
      "rds:DescribeDBInstances": 2,
      "rds:DescribeDBClusters": 2,
      "rds:DescribeDBSnapshots": 2,
      "rds:DescribeDBClusterSnapshots": 2,
      "rds:DescribeDBSnapshotAttributes": 2,
      "rds:DescribeDBClusterSnapshotAttributes": 1,
      "ec2:DescribeSecurityGroups": 2,
    });
  });

  it("a longer backup requirement from the config file, and a public cluster snapshot", async () => {
    await seed(moto);
    await addPublicClusterSnapshot(moto);
    const config = join(dir, "yourside.yaml");
    writeFileSync(config, "settings:\n  minimumBackupRetentionDays: 14\n");
    const { report, code } = await scan(["--config", config]);
    expect(code).toBe(1);
    const find = (checkId: string, id: string) => report.findings.find((f) => f.checkId === checkId && f.resource.id === id);
    expect(find("rds-backups-retained", SCENARIO.orders.id)?.status).toBe("PASS");
    expect(find("rds-backups-retained", SCENARIO.analytics.id)).toMatchObject({
      status: "FAIL",
      evidence: { backupRetentionPeriod: 7, requiredDays: 14 },
    });
    expect(find("rds-snapshot-not-public", PUBLIC_CLUSTER_SNAPSHOT.snapshot)).toMatchObject({
      status: "FAIL",
      severity: "critical",
      region: EU,
      resource: { type: "AWS::RDS::DBClusterSnapshot" },
      responsibility: { layer: "data" },
    });
  });
});
