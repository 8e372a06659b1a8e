import { describe, expect, it } from "vitest";
import { jsonFinding, renderJson } from "../../../reports/json.js";
import { renderToString } from "../../../reports/renderer.js";
import type { Report } from "../../../src/report.js";
import { bucket, buildFixtureReport, makeFinding } from "../../support/report-fixture.js";

/** The report document as the JSON report means it: the report with its findings in their JSON form. */
const documentOf = (report: Report) => JSON.parse(JSON.stringify({ ...report, findings: report.findings.map(jsonFinding) })) as unknown;

describe("the JSON report, written in pieces", () => {
  const findings = Array.from({ length: 2000 }, (_, i) =>
    makeFinding("s3-bucket-versioning", { status: "FAIL", resource: bucket(`b-${i}`), message: `Bucket b-${i} has versioning off.` }),
  );
  const large = buildFixtureReport({ findings });

  it("is the report document, for a small report and a large one", () => {
    for (const report of [buildFixtureReport(), large, buildFixtureReport({ findings: [] })]) {
      expect(JSON.parse(renderToString({ render: renderJson }, report))).toEqual(documentOf(report));
    }
  });

  it("writes each finding and each fix-list item on a line of its own, and no piece grows with the account", () => {
    const text = renderToString({ render: renderJson }, large);
    const lines = text.split("\n");
    expect(lines.filter((l) => l.startsWith('    {"id":'))).toHaveLength(large.findings.length);
    expect(large.backlog.length).toBeGreaterThan(1000);
    expect(lines.filter((l) => l.startsWith('    {"rank":'))).toHaveLength(large.backlog.length);
    const largest = (r: Report) => [...renderJson(r)].reduce((n, p) => Math.max(n, p.length), 0);
    expect(largest(large)).toBe(largest(buildFixtureReport({ findings: findings.slice(0, 20) })));
  });
});
