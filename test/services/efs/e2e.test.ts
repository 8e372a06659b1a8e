import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, type MotoServer } from "../../support/moto.js";
import { EU, KMS_KEY, seed, US } from "./scenario.js";

describe("EFS end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-efs-"));
  });

  it("in each region one file system passes and one fails each check; every file system's policy read once, in its region", async () => {
    const fs = await seed(moto);
    const out = join(dir, "report.json");
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", `${US},${EU}`, "--services", "efs", "--output", out]);
    const report = readReport(out);
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(run.code, run.stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["efs"] });
    expect(report.scan.stats.calls).toEqual({
      "elasticfilesystem:DescribeFileSystems": 2,
      "elasticfilesystem:DescribeFileSystemPolicy": 4,
      "sts:GetCallerIdentity": 1,
    });
    expect(
      report.findings
        .map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}${f.status === "FAIL" ? ` ${f.severity}` : ""}`)
        .sort(),
    ).toEqual(
      [
        `efs-encrypted ${fs.appData} ${US} PASS`,
        `efs-encrypted ${fs.legacyShare} ${US} FAIL medium`,
        `efs-encrypted ${fs.analytics} ${EU} PASS`,
        `efs-encrypted ${fs.archive} ${EU} FAIL medium`,
        `efs-policy-not-public ${fs.appData} ${US} PASS`,
        `efs-policy-not-public ${fs.legacyShare} ${US} FAIL high`,
        `efs-policy-not-public ${fs.analytics} ${EU} FAIL high`,
        `efs-policy-not-public ${fs.archive} ${EU} PASS`,
      ].sort(),
    );
    const find = (checkId: string, id: string) => report.findings.find((f) => f.checkId === checkId && f.resource.id === id);
    expect(find("efs-encrypted", fs.analytics)?.message).toBe(
      `File system ${fs.analytics} (analytics) is encrypted at rest with KMS key ${KMS_KEY}.`,
    );
    expect(find("efs-encrypted", fs.archive)?.layer).toBe("encryption");
    expect(report.checks.find((c) => c.id === "efs-encrypted")?.serviceModel).toBe("abstracted");
    expect(find("efs-policy-not-public", fs.legacyShare)?.message).toContain("has no file system policy");
    expect(find("efs-policy-not-public", fs.analytics)).toMatchObject({
      message: `File system ${fs.analytics} (analytics)'s policy Sid "EveryoneViaMountTarget" gives everyone root access (elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite, elasticfilesystem:ClientRootAccess) without a condition pinning the caller.`,
      responsibility: { layer: "data" },
      resource: {
        type: "AWS::EFS::FileSystem",
        arn: expect.stringMatching(new RegExp(`^arn:aws:elasticfilesystem:${EU}:\\d{12}:file-system/${fs.analytics}$`)),
      },
    });
  });
});
