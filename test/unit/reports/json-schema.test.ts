import { describe, expect, it } from "vitest";
import { jsonRenderer, type JsonReport } from "../../../reports/json.js";
import { renderToString } from "../../../reports/renderer.js";
import { reportSchema, validateReport } from "../../../reports/schema/validate.js";
import type { Report } from "../../../src/report.js";
import { SERVICE_IDS } from "../../../src/services/index.js";
import { AWS_MODEL, LAYERS, PROVIDER_LAYERS } from "../../../src/responsibility.js";
import { BLAST_RADII, EXPOSURES, SEVERITIES, STATUSES } from "../../../src/results.js";
import { COVERAGE_STATES, REQUIREMENT_STATUSES, RESULT_STATES } from "../../../src/report.js";
import { SUMMARISED_FRAMEWORKS } from "../../../src/compliance.js";
import { buildFixtureReport } from "../../support/report-fixture.js";

const schema = reportSchema();

/** The JSON document of a report, as written and read back. */
const documentOf = (report: Report): JsonReport => JSON.parse(renderToString(jsonRenderer, report)) as JsonReport;

/** The fixture report's document after `mutate`; every case starts from a valid document. */
const drifted = (mutate: (r: JsonReport & Record<string, unknown>) => void): JsonReport => {
  const document = documentOf(buildFixtureReport()) as JsonReport & Record<string, unknown>;
  mutate(document);
  return document;
};
/** Deletes a property whatever its type says: drift is what these tests are about. */
const drop = (o: object, key: string): void => {
  delete (o as Record<string, unknown>)[key];
};
const byStatus = (r: JsonReport, status: string) => {
  const f = r.findings.find((x) => x.status === status);
  if (!f) throw new Error(`fixture has no ${status} finding`);
  return f as typeof f & Record<string, unknown>;
};

describe("JSON report schema", () => {
  it("accepts the fixture report's document, which has PASS, FAIL, ERROR and MUTED results", () => {
    const document = documentOf(buildFixtureReport());
    expect(new Set(document.findings.map((f) => f.status))).toEqual(new Set(STATUSES));
    expect(validateReport(document)).toEqual({ valid: true, errors: [] });
  });

  it("writes what is about the check once, in checks[], and what is about the resource on each finding", () => {
    const report = buildFixtureReport();
    const document = documentOf(report);
    expect(document.findings).toHaveLength(report.findings.length);
    document.findings.forEach((f, i) => {
      const original = report.findings[i]!;
      expect(f).not.toHaveProperty("remediation");
      expect(f).not.toHaveProperty("compliance");
      expect(f).not.toHaveProperty("responsibility");
      expect(f.layer).toBe(original.responsibility.layer);
      const check = document.checks.find((c) => c.id === f.checkId)!;
      expect(check.remediation).toEqual(original.remediation);
      expect(check.compliance).toEqual(original.compliance);
      expect({ serviceModel: check.serviceModel, awsModel: check.awsModel }).toEqual({
        serviceModel: original.responsibility.serviceModel,
        awsModel: original.responsibility.awsModel,
      });
    });
  });

  it("writes one finding per line, and a report without findings as valid JSON too", () => {
    const text = renderToString(jsonRenderer, buildFixtureReport());
    const lines = text.split("\n").filter((l) => l.startsWith('    {"id":'));
    expect(lines.map((l) => (JSON.parse(l.replace(/,$/, "")) as { id: string }).id)).toEqual(
      buildFixtureReport().findings.map((f) => f.id),
    );
    const empty = documentOf(buildFixtureReport({ findings: [], scan: { complete: true, errors: [], stats: { calls: {}, skipped: {} } } }));
    expect(empty.findings).toEqual([]);
    expect(validateReport(empty).errors).toEqual([]);
  });

  it("keeps its enums in step with the code", () => {
    const values = (def: string) => schema.$defs[def]?.enum;
    expect(values("status")).toEqual([...STATUSES]);
    expect(values("severity")).toEqual([...SEVERITIES]);
    expect(values("layer")).toEqual([...LAYERS]);
    expect(values("providerLayer")).toEqual([...PROVIDER_LAYERS]);
    expect(values("awsModel")).toEqual(Object.values(AWS_MODEL));
    expect(values("service")).toEqual([...SERVICE_IDS]);
    expect([...(values("resultState") as string[]), ...(values("coverageState") as string[])]).toEqual([
      ...RESULT_STATES,
      ...COVERAGE_STATES,
    ]);
    expect(values("exposure")).toEqual([...EXPOSURES]);
    expect(values("blastRadius")).toEqual([...BLAST_RADII]);
    expect(values("framework")).toEqual([...SUMMARISED_FRAMEWORKS]);
    const counts = schema.$defs.complianceSummary as { properties: { counts: { required: string[] } } };
    expect(counts.properties.counts.required).toEqual([...REQUIREMENT_STATUSES]);
  });

  it("holds the settings to the code's setting names", () => {
    expect(validateReport(documentOf(buildFixtureReport())).errors).toEqual([]);
    const extra = drifted((r) => ((r.scan.settings as unknown as Record<string, unknown>).madeUp = 1));
    expect(validateReport(extra).errors.join("\n")).toMatch(/\/scan\/settings property name must be valid/);
  });

  const cases: [string, (r: JsonReport & Record<string, unknown>) => void, RegExp][] = [
    ["a missing top-level field", (r) => drop(r, "summary"), /must have required property 'summary'/],
    ["a missing finding field", (r) => drop(byStatus(r, "FAIL"), "message"), /\/findings\/\d+ must have required property 'message'/],
    ["a missing scan field", (r) => drop(r.scan, "stats"), /\/scan must have required property 'stats'/],
    ["an unknown status", (r) => (byStatus(r, "FAIL").status = "WARN" as never), /\/status must be equal to one of the allowed values/],
    ["an unknown severity", (r) => (byStatus(r, "FAIL").severity = "severe" as never), /\/severity must be equal to one of/],
    ["a provider layer on a finding", (r) => (byStatus(r, "FAIL").layer = "physical" as never), /\/layer must be equal to one of/],
    [
      "AWS model wording that drifted",
      (r) => (r.checks[0]!.awsModel = "Customer Data" as never),
      /\/checks\/0\/awsModel must be equal to one of/,
    ],
    ["an unknown service model", (r) => (r.checks[0]!.serviceModel = "saas" as never), /\/serviceModel must be equal to one of/],
    [
      "check metadata repeated on a finding",
      (r) => ((byStatus(r, "FAIL") as Record<string, unknown>).remediation = r.checks[0]!.remediation),
      /must NOT have additional properties \(remediation\)/,
    ],
    [
      "a finding whose check is not in checks[]",
      (r) => (r.checks = r.checks.filter((c) => c.id !== byStatus(r, "FAIL").checkId)),
      /\/checkId .* is not in checks\[\]/,
    ],
    ["an id in upper case", (r) => (byStatus(r, "FAIL").id = byStatus(r, "FAIL").id.toUpperCase()), /\/id must match pattern/],
    ["an id of the wrong length", (r) => (byStatus(r, "FAIL").id = byStatus(r, "FAIL").id.slice(1)), /\/id must match pattern/],
    ["an account id that is not 12 digits", (r) => (byStatus(r, "PASS").accountId = "12345"), /\/accountId must match pattern/],
    ["a field the schema does not know", (r) => (byStatus(r, "PASS").extra = 1), /must NOT have additional properties \(extra\)/],
    ["an ERROR without its failed call", (r) => drop(byStatus(r, "ERROR"), "error"), /must have required property 'error'/],
    ["an error on a PASS", (r) => (byStatus(r, "PASS").error = byStatus(r, "ERROR").error), /\/findings\/\d+ must NOT be valid/],
    ["a MUTED without its reason", (r) => drop(byStatus(r, "MUTED"), "muted"), /must have required property 'muted'/],
    [
      "an empty mute reason",
      (r) => (byStatus(r, "MUTED").muted = { reason: "", of: "FAIL" }),
      /\/muted\/reason must NOT have fewer than 1 characters/,
    ],
    ["a mute on a FAIL", (r) => (byStatus(r, "FAIL").muted = { reason: "x", of: "FAIL" }), /\/findings\/\d+ must NOT be valid/],
    ["a call error without a code", (r) => drop(r.scan.errors[0]!, "code"), /\/scan\/errors\/0 must have required property 'code'/],
    [
      "a fractional call count",
      (r) => (r.scan.stats.calls["s3:ListBuckets"] = 1.5),
      /\/scan\/stats\/calls\/s3:ListBuckets must be integer/,
    ],
    [
      "a stats key that is not service:Operation",
      (r) => (r.scan.stats.calls["ListBuckets"] = 1),
      /\/scan\/stats\/calls must match pattern .*\(property name "ListBuckets"\)/,
    ],
    ["a complete scan with errors", (r) => (r.scan.complete = true), /\/scan\/complete must be equal to constant/],
    ["a timestamp that is not ISO-8601", (r) => (r.scan.startedAt = "yesterday"), /\/scan\/startedAt must match format "date-time"/],
    ["a wrong schema version", (r) => (r.schemaVersion = "1.0" as never), /\/schemaVersion must be equal to constant/],
    [
      "a summary count for an unknown layer",
      (r) => ((r.summary.byLayer as Record<string, number>).physical = 1),
      /\/summary\/byLayer property name must be valid/,
    ],
    [
      "a matrix without a layer's cell",
      (r) => drop(r.responsibilityMatrix.services.s3!.cells, "os"),
      /\/cells must have required property 'os'/,
    ],
    [
      "a provider cell marked passing",
      (r) => (r.responsibilityMatrix.services.s3!.cells.physical.state = "passing"),
      /\/cells\/physical\/state must be equal to one of/,
    ],
    [
      "a matrix cell in the old 'assessed' state",
      (r) => (r.responsibilityMatrix.services.s3!.cells.data.state = "assessed" as never),
      /\/cells\/data\/state must match a schema in anyOf/,
    ],
    ["a status count left out", (r) => drop(r.summary.byStatus, "MUTED"), /\/summary\/byStatus must have required property 'MUTED'/],
    ["no failing counts by layer", (r) => drop(r.summary, "failingByLayer"), /\/summary must have required property 'failingByLayer'/],
    ["a fix without its commands", (r) => drop(r.backlog[0]!, "commands"), /\/backlog\/0 must have required property 'commands'/],
    ["a fix closing no finding", (r) => (r.backlog[0]!.findings = []), /\/backlog\/0\/findings must NOT have fewer than 1 items/],
    [
      "a requirement status that is not one",
      (r) => (r.compliance[0]!.requirements[0]!.status = "unknown" as never),
      /\/compliance\/0\/requirements\/0\/status must match a schema in anyOf/,
    ],
    ["no principal", (r) => drop(r.scan, "principal"), /\/scan must have required property 'principal'/],
    ["no mutelist entries in force", (r) => drop(r.mutelist, "active"), /\/mutelist must have required property 'active'/],
  ];

  it.each(cases)("rejects %s", (_name, mutate, expected) => {
    const result = validateReport(drifted(mutate));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(expected);
  });

  it("rejects things that are not reports at all", () => {
    for (const value of [null, 42, "report", [], {}]) expect(validateReport(value).valid).toBe(false);
  });
});
