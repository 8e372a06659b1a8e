/** The report formats and the report model's audit and scope fields through the CLI, on the bundled demo account. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../reports/csv.js";
import { validateReport } from "../../reports/schema/validate.js";
import { demoSnapshotPath } from "../../src/demo.js";
import { FRAMEWORKS } from "../../src/frameworks/index.js";
import { runCli } from "../support/cli.js";
import { readReport } from "../support/read-report.js";

const dir = mkdtempSync(join(tmpdir(), "yourside-formats-"));

describe("report formats and scope through the CLI", () => {
  it("writes json, table, csv and ocsf side by side, from one model", async () => {
    const run = await runCli(["demo", "--format", "json,table,csv,ocsf", "--output-dir", dir, "--top", "3"]);
    expect(run.code, run.stderr).toBe(0);
    const report = readReport(join(dir, "yourside-report.json"));
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    const failing = report.findings.filter((f) => f.status === "FAIL").length;

    const table = readFileSync(join(dir, "yourside-report.txt"), "utf8");
    expect(table.split("\n")[0]).toMatch(new RegExp(`^${failing} failing findings of ${report.findings.length} results`));
    for (const line of table.split("\n").slice(1)) expect(line.length).toBeLessThanOrEqual(120);

    const csv = readFileSync(join(dir, "yourside-report.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));

    const ocsf = JSON.parse(readFileSync(join(dir, "yourside-report.ocsf.json"), "utf8")) as {
      class_uid: number;
      finding_info: { uid: string };
    }[];
    expect(ocsf.map((e) => e.finding_info.uid)).toEqual(report.findings.map((f) => f.id));
    expect(new Set(ocsf.map((e) => e.class_uid))).toEqual(new Set([2003]));

    // The summary leads with the top three fixes and their commands.
    expect(run.stderr).toContain(`Fix first (3 of ${report.backlog.length} fixes closing ${failing} failing findings):`);
    const first = report.backlog[0]!;
    expect(run.stderr).toContain(`$ ${first.commands[0]}`);
    expect(run.stderr.indexOf("Fix first")).toBeLessThan(run.stderr.indexOf("Results:"));
  });

  it("--format table on standard output; a snapshot evaluated for one region reports that region, the selection and the settings", async () => {
    const out = join(dir, "scoped.json");
    const scoped = await runCli([
      "scan",
      "--from-snapshot",
      demoSnapshotPath(),
      "--regions",
      "eu-west-1",
      "--compliance",
      "cis-6.0",
      "--severity",
      "high+",
      "--output",
      out,
      "--fail-on",
      "none",
    ]);
    expect(scoped.code, scoped.stderr).toBe(0);
    const report = readReport(out);
    expect(validateReport(report.document).errors).toEqual([]);
    expect(report.scan.regions).toEqual(["eu-west-1"]);
    expect(new Set(report.findings.map((f) => f.region))).toEqual(new Set(["eu-west-1", "global"]));
    expect(report.scan.selection).toEqual({
      services: null,
      checks: null,
      severities: ["critical", "high"],
      compliance: FRAMEWORKS.cis,
      regions: ["eu-west-1"],
    });
    expect(report.scan.collectedAt).toBe((JSON.parse(readFileSync(demoSnapshotPath(), "utf8")) as { collectedAt: string }).collectedAt);
    expect(report.scan.settings.unusedCredentialDays).toBe(45);
    expect(report.checks.every((c) => (c.compliance[FRAMEWORKS.cis]?.length ?? 0) > 0)).toBe(true);
    // Low-severity checks left out by --severity, FSBP-only checks left out by --compliance: not selected, not "passing".
    const s3 = report.responsibilityMatrix.services.s3!.cells;
    expect(s3.monitoring).toMatchObject({ state: "not-selected", checks: [], notSelected: ["s3-bucket-access-logging"] });
    expect(s3.application.state).toBe("not-selected");

    const table = await runCli(["demo", "--format", "table", "--output", "-", "--quiet"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^\d+ failing findings of \d+ results, in fix-list order/);
    expect(table.stderr).toBe("");
  });

  it("refuses an unknown --compliance framework and a region the snapshot lacks, before anything is evaluated", async () => {
    const unknown = await runCli(["demo", "--compliance", "pci-4.0"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'yourside: --compliance: unknown framework "pci-4.0" (known: cis-6.0 (cis-aws-foundations-6.0), fsbp (aws-fsbp))\n',
    );
    const missing = await runCli([
      "scan",
      "--from-snapshot",
      demoSnapshotPath(),
      "--regions",
      "ap-south-1",
      "--output",
      join(dir, "x.json"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("yourside: --regions: the snapshot has no data for ap-south-1 (it covers us-east-1, eu-west-1)\n");
  });
});
