import { readFileSync } from "node:fs";
import type { JsonFinding, JsonReport } from "../../reports/json.js";
import type { Finding } from "../../src/results.js";

/** A finding of a JSON report joined with its check's entry in checks[]: what the in-memory finding holds, and its layer. */
export type JoinedFinding = JsonFinding & Pick<Finding, "responsibility" | "remediation" | "compliance">;

export type JoinedReport = Omit<JsonReport, "findings"> & {
  findings: JoinedFinding[];
  /** The document as read: what the schema validates. */
  document: JsonReport;
};

/** A JSON report's findings with their checks' metadata (a finding whose check is missing from checks[] throws). */
export function joinChecks(report: JsonReport): JoinedReport {
  const checks = new Map(report.checks.map((c) => [c.id, c]));
  return {
    ...report,
    document: report,
    findings: report.findings.map((f) => {
      const check = checks.get(f.checkId);
      if (!check) throw new Error(`finding ${f.id}: check ${f.checkId} is not in checks[]`);
      return {
        ...f,
        responsibility: { layer: f.layer, serviceModel: check.serviceModel, owner: "customer", awsModel: check.awsModel },
        remediation: check.remediation,
        compliance: check.compliance,
      };
    }),
  };
}

/** Reads a JSON report file and joins its findings with their checks. */
export const readReport = (path: string): JoinedReport => joinChecks(JSON.parse(readFileSync(path, "utf8")) as JsonReport);
