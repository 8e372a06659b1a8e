/** The table, CSV and OCSF renderers: each formats the report model, and each is held to its format's rules. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvRenderer, neutralized } from "../../../reports/csv.js";
import { FORMATS, RENDERERS } from "../../../reports/index.js";
import { OCSF_VERSION, ocsfRenderer } from "../../../reports/ocsf.js";
import { renderToString } from "../../../reports/renderer.js";
import { columnWidths, failingInFixOrder, tableRenderer } from "../../../reports/table.js";
import { demoSnapshotPath } from "../../../src/demo.js";
import type { Report } from "../../../src/report.js";
import { evaluateScan } from "../../../src/scan.js";
import { CHECKS } from "../../../src/services/index.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";
import { loadSnapshot } from "../../../src/snapshot.js";
import { REPO_ROOT } from "../../support/paths.js";
import { bucket, buildFixtureReport, fixtureFindings, makeFinding } from "../../support/report-fixture.js";

const demo = (): Report =>
  evaluateScan({
    inventory: loadSnapshot(demoSnapshotPath()),
    checks: CHECKS,
    settings: DEFAULT_SETTINGS,
    mutes: [],
    startedAt: new Date("2026-12-02T00:00:00Z"),
    stats: { calls: {}, skipped: {} },
    source: "demo",
  });

/** A report whose AWS strings try to break out: terminal escapes, formulas, quotes, newlines. */
function hostileReport(): Report {
  const evil = makeFinding("s3-bucket-versioning", {
    status: "FAIL",
    resource: bucket('=HYPERLINK("http://x")'),
    message: '@SUM(1+1) "quoted", with a\nnewline and \u001b[31mred\u001b[0m',
  });
  return buildFixtureReport({ findings: [...fixtureFindings(), evil] });
}

describe("the renderer registry", () => {
  it("offers table, csv and ocsf beside json and sarif", () => {
    expect(FORMATS).toEqual(["json", "sarif", "table", "csv", "ocsf", "html"]);
    expect(RENDERERS.ocsf.extension).toBe("ocsf.json");
  });
});

describe("--format table", () => {
  /** The table's rows: each row's cells joined across its wrapped lines. */
  const rowsOf = (text: string): string[][] => {
    const rows: string[][] = [];
    for (const line of text.split("\n")) {
      if (!line.startsWith("║")) continue;
      const cells = line
        .slice(1, -1)
        .split("│")
        .map((c) => c.trim());
      if (cells[0] !== "" || rows.length === 0) rows.push(cells);
      else rows[rows.length - 1] = rows[rows.length - 1]!.map((c, i) => c + (cells[i] ?? ""));
    }
    return rows;
  };

  it.each([60, 80, 132, 200])("fits a %i-column terminal, and wraps ids rather than cutting them", (width) => {
    const report = demo();
    const text = renderToString(tableRenderer, report, { width });
    for (const line of text.split("\n").slice(1)) expect(line.length, line).toBeLessThanOrEqual(width);
    const [header, ...rows] = rowsOf(text);
    expect(header).toEqual(["Fix", "Severity", "Check", "Resource", "Region", "Finding"]);
    const failing = failingInFixOrder(report);
    expect(rows).toHaveLength(report.summary.byStatus.FAIL);
    rows.forEach((row, i) => {
      const { rank, finding } = failing[i]!;
      expect(row.slice(0, 5)).toEqual([String(rank), finding.severity, finding.checkId, finding.resource.id, finding.region]);
    });
  });

  it("lists every failing finding, in fix-list order, and only those", () => {
    const report = buildFixtureReport();
    const text = renderToString(tableRenderer, report);
    expect(text.split("\n")[0]).toBe(
      "7 failing findings of 12 results, in fix-list order (Fix: the rank of the change that closes it; see the JSON report's backlog for the commands).",
    );
    expect(text).not.toContain("private-data");
    expect(text).not.toContain("locked-bucket");
    expect(
      rowsOf(text)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(renderToString(tableRenderer, buildFixtureReport({ findings: [] }))).toBe("No failing findings (0 results).\n");
  });

  it("escapes AWS strings for the terminal", () => {
    const text = renderToString(tableRenderer, hostileReport(), { width: 200 });
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\u001b[31mred");
  });

  it("gives every column room at any width", () => {
    for (const width of [20, 60, 100, 300]) {
      const widths = columnWidths(width);
      expect(widths.every((w) => w >= 3)).toBe(true);
      expect(widths.reduce((a, b) => a + b, 0) + widths.length * 3 + 1).toBe(Math.max(60, width));
    }
  });
});

describe("--format csv", () => {
  const rows = (report: Report): string[][] => parse(renderToString(csvRenderer, report));

  it("has one row per finding, in the report's order, under stable columns", () => {
    const report = buildFixtureReport();
    const [header, ...body] = rows(report);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(body.map((r) => r[0])).toEqual(report.findings.map((f) => f.id));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const failing = body.find((r) => r[col("resourceId")] === "public-website" && r[col("checkId")] === "s3-bucket-public-policy")!;
    expect(failing[col("status")]).toBe("FAIL");
    expect(failing[col("fixRank")]).toBe("1");
    expect(failing[col("fixCommands")]).toContain("--bucket public-website");
    expect(failing[col("compliance")]).toBe("aws-fsbp:S3.2 aws-fsbp:S3.3");
    const muted = body.find((r) => r[col("status")] === "MUTED")!;
    expect(muted[col("mutedReason")]).toContain("SEC-142");
    expect(muted[col("fixRank")]).toBe("");
    const error = body.find((r) => r[col("status")] === "ERROR")!;
    expect(error[col("errorOperation")]).toMatch(/^s3(control)?:Get/);
  });

  it("quotes per RFC 4180 (CRLF records; quotes, commas and newlines survive) and neutralizes formulas", () => {
    const text = renderToString(csvRenderer, hostileReport());
    expect(text.endsWith("\r\n")).toBe(true);
    const body = parse(text);
    const evil = body.find(
      (r) => r[CSV_COLUMNS.indexOf("checkId")] === "s3-bucket-versioning" && r[CSV_COLUMNS.indexOf("resourceId")] !== "public-website",
    )!;
    expect(evil[CSV_COLUMNS.indexOf("resourceId")]).toBe('\'=HYPERLINK("http://x")');
    expect(evil[CSV_COLUMNS.indexOf("message")]).toBe('\'@SUM(1+1) "quoted", with a\nnewline and \u001b[31mred\u001b[0m');
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(["=1", "+1", "-1", "@x", "\tx", "\rx", "a=1"].map(neutralized)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "a=1"]);
  });
});

describe("--format ocsf", () => {
  const schema = JSON.parse(
    readFileSync(join(REPO_ROOT, "reports", "schema", "ocsf", `compliance_finding-${OCSF_VERSION}.schema.json`), "utf8"),
  ) as {
    $id: string;
  };
  // OCSF's own schema names required properties inside anyOf branches that ajv's strict mode rejects.
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const events = (report: Report) => JSON.parse(renderToString(ocsfRenderer, report)) as Record<string, unknown>[];

  it("is OCSF 1.5.0's Compliance Finding class, generated from the published schema", () => {
    expect(schema.$id).toBe("https://schema.ocsf.io/schema/1.5.0/classes/compliance_finding?profiles=cloud");
  });

  it("writes one valid Compliance Finding event (class 2003) per finding, for the demo account and every status", () => {
    for (const report of [demo(), buildFixtureReport(), hostileReport()]) {
      const list = events(report);
      expect(list).toHaveLength(report.findings.length);
      for (const event of list) {
        const valid = validate(event);
        expect(valid, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(event).toMatchObject({ class_uid: 2003, category_uid: 2, activity_id: 1, type_uid: 200301, metadata: { version: "1.5.0" } });
      }
    }
  });

  it("maps statuses, severities, compliance and the fix list onto OCSF's attributes", () => {
    const report = buildFixtureReport();
    const list = events(report);
    const of = (status: string, checkId?: string) =>
      list.find((e) => e.status_code === status && (!checkId || (e.metadata as { event_code: string }).event_code === checkId))!;
    expect(of("FAIL", "s3-bucket-public-policy")).toMatchObject({
      severity_id: 5,
      severity: "Critical",
      status_id: 1,
      compliance: { status_id: 3, status: "Fail", requirements: ["FSBP S3.2", "FSBP S3.3"] },
      cloud: { provider: "AWS", region: "us-east-1", account: { uid: "123456789012", type_id: 10 } },
      resources: [{ uid: "arn:aws:s3:::public-website", type: "AWS::S3::Bucket", group: { name: "s3" } }],
      unmapped: { yourside: { layer: "data", fix: { rank: 1 } } },
    });
    expect(of("PASS")).toMatchObject({ compliance: { status_id: 1, status: "Pass" } });
    expect(of("ERROR")).toMatchObject({ compliance: { status_id: 0 }, unmapped: { yourside: { error: { code: "AccessDenied" } } } });
    expect(of("MUTED")).toMatchObject({ status_id: 3, status: "Suppressed", compliance: { status_id: 3 } });
    const global = list.find((e) => (e.metadata as { event_code: string }).event_code === "iam-role-trust-public")!;
    expect(global.cloud).not.toHaveProperty("region");
    expect(renderToString(ocsfRenderer, buildFixtureReport({ findings: [] }))).toBe("[]\n");
  });
});
