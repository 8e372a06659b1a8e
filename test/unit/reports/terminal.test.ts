import { describe, expect, it } from "vitest";
import { renderSummary } from "../../../reports/terminal.js";
import { bucket, buildFixtureReport, fixtureFindings, makeFinding } from "../../support/report-fixture.js";

const ESC = "\u001b";
const ANSI = new RegExp(`${ESC}\\[`);
const plain = (top?: number) => renderSummary(buildFixtureReport(), { color: false, ...(top === undefined ? {} : { top }) });
const findingLines = (text: string) => text.split("\n").filter((l) => /^ {2}(CRIT|HIGH|MED |LOW |INFO) /.test(l));

describe("terminal summary", () => {
  it("states the scope and that the scan is incomplete, with its error counts", () => {
    const lines = plain().split("\n");
    expect(lines[0]).toBe(`yourside ${buildFixtureReport().tool.version}: account 123456789012, 2 regions (us-east-1, eu-west-1)`);
    expect(lines[1]).toBe("Scan INCOMPLETE: 2 failed calls, 2 results not evaluated (ERROR).");
  });

  it("says complete when it is", () => {
    const findings = fixtureFindings().filter((f) => f.status !== "ERROR");
    const text = renderSummary(buildFixtureReport({ findings, scan: { complete: true, errors: [] } }), { color: false });
    expect(text.split("\n")[1]).toBe("Scan complete.");
    expect(text).not.toContain("Errors");
  });

  it("counts results by status, and failing ones by severity and by layer", () => {
    const text = plain();
    expect(text).toContain("Results: 12 — FAIL 7 · ERROR 2 · MUTED 1 · PASS 2");
    expect(text).toContain("Failing by severity: critical 2 · high 2 · medium 1 · low 1 · informational 1");
    expect(text).toContain("Failing by layer:    data 3 · identity 1 · network 1 · encryption 1 · monitoring 1");
  });

  it("lists the worst findings first: severity, then check id", () => {
    const lines = findingLines(plain());
    expect(lines.map((l) => l.trim().split(/\s+/).slice(0, 2).join(" "))).toEqual([
      "CRIT iam-role-trust-public",
      "CRIT s3-bucket-public-policy",
      "HIGH ec2-security-group-admin-ports-open",
      "HIGH s3-bucket-public-policy",
      "MED s3-bucket-default-encryption",
      "LOW s3-bucket-access-logging",
      "INFO s3-bucket-versioning",
    ]);
    expect(lines[1]).toContain("public-website (us-east-1)");
    expect(lines[1]).toContain('Bucket policy statement "PublicWrite"');
  });

  it("lists FAIL findings only: never PASS, ERROR or MUTED ones", () => {
    const text = plain();
    expect(text).not.toContain("private-data");
    expect(text).not.toContain("legacy-uploads");
    expect(findingLines(text).some((l) => l.includes("locked-bucket"))).toBe(false);
  });

  it("shows the top N and says how many more there are", () => {
    const text = plain(3);
    expect(findingLines(text)).toHaveLength(3);
    expect(text).toContain("Worst findings (3 of 7):");
    expect(text).toContain("… and 4 more failing findings in the report.");
  });

  it("lists the errors by failed operation and code", () => {
    const text = plain();
    expect(text).toContain("Errors:");
    expect(text).toMatch(/^ {2}AccessDenied on s3:GetBucketPolicy — 1 failed call, 1 result not evaluated \(eu-west-1\): Access Denied$/m);
    expect(text).toMatch(/^ {2}AccessDenied on s3control:GetPublicAccessBlock — 1 failed call, 1 result not evaluated \(us-east-1\)/m);
  });

  it("keeps each finding on one line and cuts long messages and resources", () => {
    const long = makeFinding("s3-bucket-public-policy", {
      status: "FAIL",
      resource: bucket(`bucket-${"x".repeat(80)}-end`),
      message: `Line one\nline two ${"very ".repeat(100)}long`,
    });
    const text = renderSummary(buildFixtureReport({ findings: [long] }), { color: false, width: 120 });
    const [line] = findingLines(text);
    expect(line).toBeDefined();
    expect(line!.length).toBeLessThanOrEqual(120);
    expect(line).toContain("Line one line two");
    expect(line).toMatch(/bucket-x+…x+-end \(us-east-1\)/);
    expect(line!.endsWith("…")).toBe(true);
  });

  it("has no ANSI codes without color, and has them with color", () => {
    expect(plain()).not.toMatch(ANSI);
    const colored = renderSummary(buildFixtureReport(), { color: true });
    expect(colored).toMatch(ANSI);
    // Same text once the codes are stripped.
    expect(colored.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "")).toBe(plain());
  });

  it("says so when nothing failed", () => {
    const findings = fixtureFindings().filter((f) => f.status === "PASS");
    const text = renderSummary(buildFixtureReport({ findings, scan: { complete: true, errors: [] } }), { color: false });
    expect(text).toContain("Failing: none.");
    expect(text).not.toContain("Worst findings");
  });
});
