import { describe, expect, it } from "vitest";
import { renderSummary } from "../../../reports/terminal.js";
import { bucket, buildFixtureReport, fixtureFindings, makeFinding } from "../../support/report-fixture.js";

const ESC = "\u001b";
const ANSI = new RegExp(`${ESC}\\[`);
const plain = (top?: number) => renderSummary(buildFixtureReport(), { color: false, ...(top === undefined ? {} : { top }) });
const fixLines = (text: string) => text.split("\n").filter((l) => /^ +\d+\. (CRIT|HIGH|MED |LOW |INFO) /.test(l));

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

  it("leads with the fix list, ranked by risk, each fix with its filled-in commands", () => {
    const text = plain();
    const lines = text.split("\n");
    expect(lines[3]).toBe("Fix first (7 of 7 fixes closing 7 failing findings):");
    expect(fixLines(text).map((l) => l.replace(/^ +\d+\. /, "").slice(0, 50))).toEqual([
      "CRIT  Block public access to bucket public-website",
      "CRIT  No role can be assumed by anyone (trust to *",
      "HIGH  Block public access to bucket public-reports",
      "HIGH  Security groups do not allow ingress from th",
      "MED   S3 bucket has default server-side encryption",
      "LOW   Turn on server access logging for bucket pub",
      "INFO  S3 bucket has versioning enabled: public-web",
    ]);
    expect(fixLines(text)[0]).toContain("[public]");
    // The command follows its fix, in full, with the bucket and region filled in.
    const first = lines.indexOf(fixLines(text)[0]!);
    expect(lines[first + 1]).toBe(
      "     $ aws s3api put-public-access-block --region us-east-1 --bucket public-website --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    );
    // The counts come after the fixes.
    expect(text.indexOf("Fix first")).toBeLessThan(text.indexOf("Results:"));
  });

  it("lists fixes for FAIL findings only: never PASS, ERROR or MUTED ones", () => {
    const text = plain();
    expect(text).not.toContain("private-data");
    expect(text).not.toContain("legacy-uploads");
    expect(fixLines(text).some((l) => l.includes("locked-bucket"))).toBe(false);
  });

  it("shows the top N (--top) and says how many more there are", () => {
    const text = plain(3);
    expect(fixLines(text)).toHaveLength(3);
    expect(text).toContain("Fix first (3 of 7 fixes closing 7 failing findings):");
    expect(text).toContain("… and 4 more fixes in the report (backlog).");
  });

  it("lists the errors by failed operation and code", () => {
    const text = plain();
    expect(text).toContain("Errors:");
    expect(text).toMatch(/^ {2}AccessDenied on s3:GetBucketPolicy — 1 failed call, 1 result not evaluated \(eu-west-1\): Access Denied$/m);
    expect(text).toMatch(/^ {2}AccessDenied on s3control:GetPublicAccessBlock — 1 failed call, 1 result not evaluated \(us-east-1\)/m);
  });

  it("keeps each fix on one line, cut to the width, and its command whole; AWS strings are escaped", () => {
    const long = makeFinding("s3-bucket-versioning", {
      status: "FAIL",
      resource: bucket(`bucket-${"x".repeat(80)}\u001b[31m-end`),
      message: `Line one\nline two`,
    });
    const text = renderSummary(buildFixtureReport({ findings: [long] }), { color: false, width: 100 });
    const [line] = fixLines(text);
    expect(line!.length).toBeLessThanOrEqual(100);
    expect(line!.endsWith("…")).toBe(true);
    expect(text).not.toMatch(ANSI);
    // A bucket name with a control character is never written into a command: its placeholder stays.
    expect(text).toContain(
      "$ aws s3api put-bucket-versioning --region us-east-1 --bucket <BUCKET> --versioning-configuration Status=Enabled",
    );
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
    expect(text).not.toContain("Fix first");
  });
});
